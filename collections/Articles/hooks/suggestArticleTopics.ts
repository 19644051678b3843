import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '../../../src/payload-types'

import { articleText } from '../../../src/quality/articleText'
import { suggestTopics } from '../../../src/quality/suggestTopics'
import { contentStems } from '../../../src/quality/text'

const SUGGESTIONS = 5

/**
 * Fills the read-only `suggestedTopics` list from the body: existing topics the body keeps
 * mentioning come first (ready to pick), then its key phrases as ideas for new topics.
 */
export const suggestArticleTopics: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  req,
}) => {
  const locale = req.locale ?? 'en'
  if (locale === 'all' || !('body' in data)) return data
  const { body, language } = articleText({ ...originalDoc, ...data }, locale)
  const phrases = suggestTopics(body, { language, limit: SUGGESTIONS })

  const { docs: topics } = await req.payload.find({
    collection: 'topics',
    select: { name: true },
    depth: 0,
    limit: 1000,
    pagination: false,
    req,
  })
  const assigned = new Set(
    ((data.topics ?? originalDoc?.topics ?? []) as unknown[]).map((t) =>
      String(typeof t === 'object' && t ? (t as { id: unknown }).id : t),
    ),
  )
  const bodyStems = ` ${contentStems(body, language).join(' ')} `
  const mentioned = topics
    .filter((t) => !assigned.has(String(t.id)) && typeof t.name === 'string')
    .map((t) => ({ name: t.name as string, stems: contentStems(t.name as string, language) }))
    .filter((t) => t.stems.length > 0)
    .map((t) => ({ ...t, count: bodyStems.split(` ${t.stems.join(' ')} `).length - 1 }))
    .filter((t) => t.count >= 2)
    .sort((a, b) => b.count - a.count)

  const seen = new Set(mentioned.map((t) => t.stems.join(' ')))
  const fresh = phrases.filter((p) => !seen.has(contentStems(p.phrase, language).join(' ')))
  const suggestions = [...mentioned.map((t) => t.name), ...fresh.map((p) => p.phrase)]
  return { ...data, suggestedTopics: suggestions.slice(0, SUGGESTIONS) }
}
