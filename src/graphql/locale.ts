export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Local API options for reading in a locale with Haven's fallback to the default locale. */
export function localeOptions(locale: Locale | undefined) {
  return { locale: locale ?? DEFAULT_LOCALE, fallbackLocale: DEFAULT_LOCALE } as const
}

/**
 * Documents handed to field resolvers remember the locale they were read in, so nested fields
 * (an article's topics) load in the same locale without a locale argument of their own.
 */
export type Localized<T> = T & { __locale: Locale }

export function localized<T extends object>(doc: T, locale: Locale): Localized<T> {
  return Object.assign(doc, { __locale: locale })
}
