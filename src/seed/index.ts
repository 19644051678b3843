import crypto from 'node:crypto'
import type { Payload } from 'payload'

import { isProduction } from '../config/secrets'
import { toLexical } from '../lib/lexical'
import { requestFlags } from '../lib/requestFlags'
import { slugify } from '../lib/slugify'
import { seedBlockedPhrases } from '../quality/seedBlockedPhrases'
import { demoArticles } from './demoArticles'
import { demoGroups, demoHelplines, demoTopics } from './demoGroups'

export type SeedResult = { created: number; admin?: { email: string; generatedPassword?: string } }

// Seeding is server-side setup, not an editor's action: it skips the editorial gates (content
// checks, review workflow) and emits no webhooks. The demo text itself passes those checks.
const context = requestFlags({
  seed: true,
  skipContentChecks: true,
  skipReviewWorkflow: true,
  skipContentChange: true,
})

async function findBySlug(
  payload: Payload,
  collection: 'topics' | 'articles' | 'support-groups',
  slug: string,
) {
  const res = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    draft: true,
  })
  return res.docs[0]
}

/** The first admin: from HAVEN_ADMIN_EMAIL / HAVEN_ADMIN_PASSWORD, or generated (printed once). */
async function ensureAdmin(payload: Payload): Promise<SeedResult['admin']> {
  const existing = await payload.count({ collection: 'users' })
  if (existing.totalDocs > 0) return undefined
  const email = process.env.HAVEN_ADMIN_EMAIL || 'admin@haven.local'
  let password = process.env.HAVEN_ADMIN_PASSWORD
  let generatedPassword: string | undefined
  if (!password) {
    if (isProduction()) {
      throw new Error(
        'Set HAVEN_ADMIN_EMAIL and HAVEN_ADMIN_PASSWORD to create the first admin in production.',
      )
    }
    generatedPassword = password = crypto.randomBytes(12).toString('base64url')
  }
  await payload.create({
    collection: 'users',
    data: { email, password, roles: ['admin'], displayName: 'Haven admin' },
    context,
  })
  return { email, generatedPassword }
}

async function ensureProfile(payload: Payload, email: string, data: Record<string, unknown>) {
  const found = await payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    limit: 1,
  })
  if (found.docs[0]) return found.docs[0]
  // Demo profiles exist to show bylines; nobody logs in with them, so the password is random.
  return payload.create({
    collection: 'users',
    data: { email, password: crypto.randomBytes(24).toString('hex'), ...data } as never,
    context,
  })
}

/** Creates whatever demo content is missing (matched by slug), so running it twice is harmless. */
export async function seed(payload: Payload): Promise<SeedResult> {
  let created = 0
  const admin = await ensureAdmin(payload)
  const editor = await ensureProfile(payload, 'demo.editor@example.org', {
    roles: ['editor'],
    displayName: 'Haven editorial team',
  })
  const reviewer = await ensureProfile(payload, 'demo.reviewer@example.org', {
    roles: ['reviewer'],
    displayName: 'Clinical reviewer (demo)',
    credentials: 'RMN, MSc',
    bio: 'A fictional reviewer profile that shows how reviewed-by credits appear.',
  })
  // Join requests go to a group's coordinators; without one the join form is closed.
  const coordinator = await ensureProfile(payload, 'demo.coordinator@example.org', {
    roles: ['coordinator'],
    displayName: 'Group coordinator (demo)',
  })

  const topicIds = new Map<string, string | number>()
  for (const topic of demoTopics) {
    let doc = await findBySlug(payload, 'topics', topic.slug)
    if (!doc) {
      doc = await payload.create({
        collection: 'topics',
        data: {
          name: topic.name,
          slug: topic.slug,
          description: topic.description,
          isCrisisRelated: topic.isCrisisRelated ?? false,
          parent: topic.parent ? topicIds.get(topic.parent) : undefined,
        } as never,
        context,
      })
      created++
    }
    topicIds.set(topic.slug, doc.id)
  }

  const reviewedAt = new Date().toISOString()
  for (const article of demoArticles) {
    const slug = slugify(article.title)
    if (await findBySlug(payload, 'articles', slug)) continue
    await payload.create({
      collection: 'articles',
      data: {
        title: article.title,
        slug,
        summary: article.summary,
        body: toLexical(article.blocks),
        topics: article.topics.map((t) => topicIds.get(t)!).filter(Boolean),
        contentWarnings: article.contentWarnings ?? [],
        author: editor.id,
        reviewer: reviewer.id,
        lastReviewedAt: reviewedAt,
        _status: 'published',
      } as never,
      context,
    })
    created++
  }

  for (const group of demoGroups) {
    const slug = slugify(group.name)
    if (await findBySlug(payload, 'support-groups', slug)) continue
    await payload.create({
      collection: 'support-groups',
      data: {
        ...group,
        slug,
        topics: group.topics.map((t) => topicIds.get(t)!).filter(Boolean),
        coordinators: [coordinator.id],
        _status: 'published',
      } as never,
      context,
    })
    created++
  }

  // The starting list of pasted commercial phrases (admins edit it afterwards).
  created += await seedBlockedPhrases(payload)

  const crisis = await payload.findGlobal({ slug: 'crisis-resources' })
  if (!crisis.helplines?.length) {
    await payload.updateGlobal({
      slug: 'crisis-resources',
      data: { helplines: demoHelplines, _status: 'published' } as never,
      context,
    })
    created++
  }
  return { created, admin }
}
