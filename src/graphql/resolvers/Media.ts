import type { Media } from '../../payload-types'
import type { ResolverMap } from './types'

const SIZE_NAMES = ['thumbnail', 'card', 'hero'] as const
type SizeName = (typeof SIZE_NAMES)[number]

/**
 * Payload stores upload URLs relative to the admin origin; frontends on other origins need them
 * absolute, so HAVEN_PUBLIC_URL (the admin's public origin) prefixes them when set.
 */
export function absoluteUrl(url: string | null | undefined): string | null {
  if (!url) return null
  const base = process.env.HAVEN_PUBLIC_URL?.replace(/\/+$/, '')
  return base && url.startsWith('/') ? `${base}${url}` : url
}

function size(media: Media, name: SizeName) {
  const s = media.sizes?.[name]
  if (!s?.url || !s.filename) return null
  return { name, url: absoluteUrl(s.url), width: s.width, height: s.height, mimeType: s.mimeType }
}

export const mediaResolvers: ResolverMap = {
  Media: {
    url: (m: Media) => absoluteUrl(m.url),
    focalPoint: (m: Media) =>
      m.focalX == null || m.focalY == null ? null : { x: m.focalX, y: m.focalY },
    sizes: (m: Media) => SIZE_NAMES.flatMap((name) => size(m, name) ?? []),
    size: (m: Media, { name }: { name: SizeName }) => size(m, name),
  },
}
