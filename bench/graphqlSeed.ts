/**
 * Seeds the benchmark database (HAVEN_DATA_DIR / DATABASE_URL from the environment): 50 topics,
 * 20 authors, 20 images, 1,000 published articles and 300 published support groups.
 * Run by bench/graphql.ts; prints BENCH_SEED_OK when done.
 */
import pg from 'pg'
import { getPayload } from 'payload'
import sharp from 'sharp'

import config from '../payload.config'
import { toLexical } from '../src/lib/lexical'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000)
const GROUPS = Number(process.env.BENCH_GROUPS ?? 300)
// Seeding is not what is measured: skip the editorial checks and change announcements.
const context = { skipContentChecks: true, skipReviewWorkflow: true, skipContentChange: true }

const CITIES = [
  ['Leeds', 'GB', 53.8, -1.55, 'Europe/London'],
  ['Manchester', 'GB', 53.48, -2.24, 'Europe/London'],
  ['London', 'GB', 51.51, -0.13, 'Europe/London'],
  ['Madrid', 'ES', 40.42, -3.7, 'Europe/Madrid'],
  ['Seville', 'ES', 37.39, -5.98, 'Europe/Madrid'],
  ['New York', 'US', 40.71, -74.01, 'America/New_York'],
] as const
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
const WARNINGS = ['suicide', 'self-harm', 'trauma', 'bereavement'] as const

let seed = 42
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]

// PostgreSQL plans from table statistics; a freshly seeded database has none until autovacuum
// runs (and test servers often turn it off), so the bench would measure bad plans.
async function analyzePostgres() {
  const url = process.env.DATABASE_URL ?? ''
  if (!/^postgres(ql)?:/i.test(url)) return
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('ANALYZE')
  await client.end()
}

// Booting in development mode also brings the schema (indexes included) up to date.
const payload = await getPayload({ config })
const started = Date.now()
if ((await payload.count({ collection: 'articles' })).totalDocs >= ARTICLES) {
  await analyzePostgres()
  process.stdout.write('Already seeded.\nBENCH_SEED_OK\n')
  await payload.destroy()
  process.exit(0)
}

const authors = []
for (let i = 0; i < 20; i++) {
  authors.push(
    await payload.create({
      collection: 'users',
      data: {
        email: `author-${i}@bench.test`,
        password: 'bench-password-not-secret',
        roles: ['editor'],
        displayName: `Author ${i}`,
        credentials: 'RMN',
        bio: 'Writes for Haven.',
      },
    }),
  )
}

const topics = []
for (let p = 0; p < 10; p++) {
  const parent = await payload.create({ collection: 'topics', data: { name: `Area ${p}` } })
  topics.push(parent)
  for (let c = 0; c < 4; c++) {
    topics.push(
      await payload.create({
        collection: 'topics',
        data: { name: `Area ${p} subject ${c}`, parent: parent.id },
      }),
    )
  }
}

const images = []
for (let i = 0; i < 20; i++) {
  const data = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: i * 12, g: 100, b: 180 } },
  })
    .jpeg()
    .toBuffer()
  images.push(
    await payload.create({
      collection: 'media',
      data: { alt: `Illustration ${i}` },
      file: { data, mimetype: 'image/jpeg', name: `bench-${i}.jpg`, size: data.length },
    }),
  )
}

for (let i = 0; i < ARTICLES; i++) {
  const paragraphs = Array.from({ length: 6 }, (_, n) => ({
    type: 'paragraph' as const,
    text: `Paragraph ${n} of article ${i}: practical guidance on coping, support and recovery.`,
  }))
  await payload.create({
    collection: 'articles',
    context,
    data: {
      title: `Article ${i}: living with ${pick(['anxiety', 'low mood', 'grief', 'stress', 'panic'])}`,
      summary: `What helps, what to try and where to get support (${i}).`,
      body: toLexical([{ type: 'heading', text: 'Overview' }, ...paragraphs]) as never,
      topics: [pick(topics).id, pick(topics).id],
      author: pick(authors).id,
      reviewer: pick(authors).id,
      heroImage: pick(images).id,
      sources: [{ title: 'NICE guideline', publisher: 'NICE', year: 2022 }],
      contentWarnings: rand() < 0.2 ? [pick(WARNINGS)] : [],
      publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
      _status: 'published',
    },
  })
  if ((i + 1) % 100 === 0) process.stdout.write(`  articles: ${i + 1}/${ARTICLES}\n`)
}

for (let i = 0; i < GROUPS; i++) {
  const [city, country, lat, lng, timezone] = pick(CITIES)
  await payload.create({
    collection: 'support-groups',
    context,
    data: {
      name: `${city} support circle ${i}`,
      description: 'A friendly peer group.',
      topics: [pick(topics).id],
      facilitation: 'peer-led',
      format: pick(['in-person', 'online', 'hybrid'] as const),
      schedule: {
        timezone,
        weekly: [{ weekdays: [pick(DAYS)], startTime: '18:30', endTime: '20:00' }],
      },
      languages: [country === 'ES' ? 'es' : 'en'],
      openToNewMembers: rand() < 0.7,
      area: { city, country, lat: lat + (rand() - 0.5) * 0.3, lng: lng + (rand() - 0.5) * 0.3 },
      private: {
        address: 'Not public',
        meetingLink: 'https://meet.example.test/room',
        meetingLinkIsPublic: false,
      },
      _status: 'published',
    },
  })
}

await analyzePostgres()
process.stdout.write(`Seeded in ${Math.round((Date.now() - started) / 1000)} s\nBENCH_SEED_OK\n`)
await payload.destroy()
process.exit(0)
