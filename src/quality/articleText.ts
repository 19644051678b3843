import { lexicalToPlainText } from '../lib/lexical'
import { languageOf, type Language } from './text'

type ArticleLike = { title?: unknown; summary?: unknown; body?: unknown }

/** The texts of an article the quality checks read, in the language of the locale being saved. */
export function articleText(doc: ArticleLike, locale?: string | null) {
  const language: Language = languageOf(locale)
  return {
    language,
    title: typeof doc.title === 'string' ? doc.title : '',
    summary: typeof doc.summary === 'string' ? doc.summary : '',
    body: doc.body ? lexicalToPlainText(doc.body) : '',
  }
}
