import type { Media } from '../../payload-types'
import type { Resolvers } from '../generated/resolvers'

const SIZE_NAMES = ['thumbnail', 'card', 'hero'] as const
type SizeName = (typeof SIZE_NAMES)[number]

/**
 * Payload stores upload URLs relative to the admin origin; frontends on other origins need them
 * absolute, so HAVEN_PUBLIC_URL (the admin's public origin) prefixes them when set.
 */
export function absoluteUrl(url: string | null | undefined): string | null {
  return url ? withPublicOrigin(url) : null
}

function withPublicOrigin(url: string): string {
  const base = process.env.HAVEN_PUBLIC_URL?.replace(/\/+$/, '')
  return base && url.startsWith('/') ? `${base}${url}` : url
}

function size(media: Media, name: SizeName) {
  const s = media.sizes?.[name]
  if (!s?.url || !s.filename) return null
  // s.url is set here, so the URL stays a string (ImageSize.url is non-null).
  return {
    name,
    url: withPublicOrigin(s.url),
    width: s.width,
    height: s.height,
    mimeType: s.mimeType,
  }
}

export const mediaResolvers: Resolvers = {
  Media: {
    url: (m) => absoluteUrl(m.url),
    focalPoint: (m) => (m.focalX == null || m.focalY == null ? null : { x: m.focalX, y: m.focalY }),
    sizes: (m) => SIZE_NAMES.flatMap((name) => size(m, name) ?? []),
    size: (m, { name }) => size(m, name),
  },
}
