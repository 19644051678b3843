import type { CrisisResource } from '../../payload-types'
import type { HavenContext } from '../context'
import { badInput } from '../errors'
import { localeOptions, type Locale } from '../locale'

/** Helplines, optionally for one country (ISO 3166 alpha-2). */
export async function findCrisisResources(
  ctx: HavenContext,
  args: { country?: string | null; locale: Locale },
) {
  const country = args.country?.trim().toUpperCase()
  if (country != null && !/^[A-Z]{2}$/.test(country)) {
    throw badInput('country must be a two-letter ISO 3166 code such as GB, US or ES.')
  }
  const global = (await ctx.payload.findGlobal({
    slug: 'crisis-resources',
    depth: 0,
    overrideAccess: false,
    ...localeOptions(args.locale),
    select: { intro: true, helplines: true },
  })) as CrisisResource
  const helplines = (global.helplines ?? []).filter(
    (h) => !country || h.country?.toUpperCase() === country,
  )
  return { intro: global.intro ?? null, helplines }
}
