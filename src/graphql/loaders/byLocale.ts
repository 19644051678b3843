import DataLoader from 'dataloader'

import type { Locale } from '../locale'

export type LocalizedKey = { locale: Locale; id: string | number }

/**
 * A DataLoader over (locale, id) keys: one Local API call per locale per tick, however many
 * fields ask. `load` returns the documents it found; missing ids resolve to null.
 */
export function byLocaleLoader<T extends { id: string | number }>(
  load: (locale: Locale, ids: Array<string | number>) => Promise<T[]>,
) {
  return new DataLoader<LocalizedKey, T | null, string>(
    async (keys) => {
      const byLocale = new Map<Locale, Array<string | number>>()
      for (const key of keys)
        byLocale.set(key.locale, [...(byLocale.get(key.locale) ?? []), key.id])
      const found = new Map<string, T>()
      await Promise.all(
        [...byLocale].map(async ([locale, ids]) => {
          for (const doc of await load(locale, [...new Set(ids)])) {
            found.set(`${locale}|${doc.id}`, doc)
          }
        }),
      )
      return keys.map((key) => found.get(`${key.locale}|${key.id}`) ?? null)
    },
    { cacheKeyFn: (key) => `${key.locale}|${key.id}` },
  )
}
