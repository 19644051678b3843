import type { Payload } from 'payload'

import { startPayload, type TestPayload } from '../helpers/payload'
import { body, createUser } from '../helpers/fixtures'
import { signPreviewToken } from '../../src/graphql/preview/previewToken'
import { createArticle, startApi, type Api } from '../helpers/graphqlApi'

// How a Spanish translation of a live article reaches the public API. Articles have drafts and a
// clinical review step, so an editor's translation is a draft until a reviewer approves it and
// it is published; only trusted server code (no user) writes straight to the live version.

let t: TestPayload
let payload: Payload
let api: Api
const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {}

beforeAll(async () => {
  t = await startPayload({ HAVEN_API_RESPONSE_CACHE: 'off' })
  payload = t.payload
  users.editor = await createUser(payload, ['editor'])
  users.reviewer = await createUser(payload, ['reviewer'])
  api = await startApi(payload)
}, 180_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

const titleIn = async (slug: string, locale: 'en' | 'es', token?: string) => {
  const res = await api.post(
    `query($slug: String!, $locale: Locale, $token: String) {
      article(slug: $slug, locale: $locale, previewToken: $token) { title locale } }`,
    { slug, locale, token },
  )
  expect(res.json.errors).toBeUndefined()
  return res.json.data.article.title as string
}

it('a server-side update in locale es without draft goes live at once', async () => {
  const article = await createArticle(payload, { title: 'Coping with grief' })
  await payload.update({
    collection: 'articles',
    id: article.id,
    locale: 'es',
    data: { title: 'Afrontar el duelo' },
  })
  expect(await titleIn(article.slug!, 'es')).toBe('Afrontar el duelo')
  expect(await titleIn(article.slug!, 'en')).toBe('Coping with grief')
})

it('an editor’s translation is a draft until it is reviewed and published', async () => {
  const article = await createArticle(payload, { title: 'Sleep and mood', author: users.editor.id })
  const slug = article.slug!
  const asEditor = { user: users.editor, overrideAccess: false, locale: 'es' as const }

  // Straight to the live version is refused, with the reason.
  await expect(
    payload.update({
      collection: 'articles',
      id: article.id,
      ...asEditor,
      data: { title: 'Sueño y estado de ánimo', _status: 'published' },
    }),
  ).rejects.toThrow(/have not been approved/)

  // 1. The editor saves the translation as a draft (the admin's Save draft / autosave).
  await payload.update({
    collection: 'articles',
    id: article.id,
    ...asEditor,
    draft: true,
    data: { title: 'Sueño y estado de ánimo', review: { status: 'in-review' } },
  })
  // The public still reads the live version: Spanish falls back to the English title …
  expect(await titleIn(slug, 'es')).toBe('Sleep and mood')
  // … while a preview shows the draft.
  const token = signPreviewToken(payload.secret, { collection: 'articles', id: article.id })
  expect(await titleIn(slug, 'es', token)).toBe('Sueño y estado de ánimo')

  // 2. A reviewer approves it; 3. the editor publishes. Only then does the translation go live.
  await payload.update({
    collection: 'articles',
    id: article.id,
    user: users.reviewer,
    overrideAccess: false,
    locale: 'es',
    draft: true,
    data: { review: { status: 'approved' } },
  })
  expect(await titleIn(slug, 'es')).toBe('Sleep and mood')
  await payload.update({
    collection: 'articles',
    id: article.id,
    ...asEditor,
    data: { _status: 'published' },
  })
  expect(await titleIn(slug, 'es')).toBe('Sueño y estado de ánimo')
  expect(await titleIn(slug, 'en')).toBe('Sleep and mood')
}, 30_000)

it('says which fields fell back to English, in single reads, lists and previews', async () => {
  const article = await createArticle(payload, {
    title: 'Panic attacks',
    summary: 'What a panic attack is and what helps.',
  })
  const slug = article.slug!
  const flags = async (locale: 'en' | 'es', token?: string) => {
    const res = await api.post(
      `query($slug: String!, $locale: Locale, $token: String) {
        article(slug: $slug, locale: $locale, previewToken: $token) {
          title translated untranslatedFields }
        articles(locale: $locale, first: 100) { nodes { slug translated untranslatedFields } } }`,
      { slug, locale, token },
    )
    expect(res.json.errors).toBeUndefined()
    const listed = res.json.data.articles.nodes.find((n: { slug: string }) => n.slug === slug)
    expect(listed).toEqual({
      slug,
      translated: res.json.data.article.translated,
      untranslatedFields: res.json.data.article.untranslatedFields,
    })
    return res.json.data.article
  }

  expect(await flags('en')).toEqual({
    title: 'Panic attacks',
    translated: true,
    untranslatedFields: [],
  })
  // Nothing is translated: every field is the English text, and the answer says so.
  expect(await flags('es')).toEqual({
    title: 'Panic attacks',
    translated: false,
    untranslatedFields: ['title', 'summary', 'body'],
  })

  // Only the title translated: the summary and body still fall back.
  await payload.update({
    collection: 'articles',
    id: article.id,
    locale: 'es',
    data: { title: 'Ataques de pánico' },
  })
  expect(await flags('es')).toEqual({
    title: 'Ataques de pánico',
    translated: false,
    untranslatedFields: ['summary', 'body'],
  })

  await payload.update({
    collection: 'articles',
    id: article.id,
    locale: 'es',
    data: { summary: 'Qué es un ataque de pánico.', body: body('Qué ayuda.') },
  })
  expect(await flags('es')).toEqual({
    title: 'Ataques de pánico',
    translated: true,
    untranslatedFields: [],
  })

  // A preview reads the draft's translation state, not the live one's.
  const other = await createArticle(payload, { title: 'Breathing', summary: 'Slow breaths.' })
  await payload.update({
    collection: 'articles',
    id: other.id,
    locale: 'es',
    draft: true,
    data: { title: 'Respiración' },
  })
  const token = signPreviewToken(payload.secret, { collection: 'articles', id: other.id })
  const res = await api.post(
    `query($token: String) { article(slug: "x", locale: es, previewToken: $token) {
      title untranslatedFields } }`,
    { token },
  )
  expect(res.json.data.article).toEqual({
    title: 'Respiración',
    untranslatedFields: ['summary', 'body'],
  })
}, 60_000)
