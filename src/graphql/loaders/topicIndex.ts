import type { Topic } from '../../payload-types'

export type TopicIndex = {
  byId: Map<string, Topic>
  /** Current and previous slugs. */
  bySlug: Map<string, Topic>
  roots: Topic[]
  children: Map<string, Topic[]>
  /** A topic's id plus the ids of every topic below it. */
  subtree: (id: string | number) => Array<string | number>
}

const idOf = (ref: Topic['parent']) =>
  ref == null ? null : String(typeof ref === 'object' ? ref.id : ref)

const collators = new Map<string, Intl.Collator>()

/** Topics in reading order for `locale` (names as read, fallback applied). */
export function sortByName(topics: Topic[], locale: string): Topic[] {
  let collator = collators.get(locale)
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)))
  return [...topics].sort((a, b) => collator.compare(a.name ?? '', b.name ?? ''))
}

/** Indexes a flat topic list (sorted by name) as a tree. */
export function buildTopicIndex(topics: Topic[]): TopicIndex {
  const byId = new Map(topics.map((t) => [String(t.id), t]))
  const bySlug = new Map<string, Topic>()
  for (const t of topics) {
    for (const old of t.previousSlugs ?? []) if (old.slug) bySlug.set(old.slug, t)
  }
  // Current slugs win over old ones that a different topic once had.
  for (const t of topics) if (t.slug) bySlug.set(t.slug, t)
  const children = new Map<string, Topic[]>()
  const roots: Topic[] = []
  for (const t of topics) {
    const parent = idOf(t.parent)
    if (parent && byId.has(parent) && parent !== String(t.id)) {
      children.set(parent, [...(children.get(parent) ?? []), t])
    } else {
      roots.push(t)
    }
  }
  const subtree = (id: string | number) => {
    const out: Array<string | number> = []
    const seen = new Set<string>()
    const walk = (t: Topic | undefined) => {
      if (!t || seen.has(String(t.id))) return
      seen.add(String(t.id))
      out.push(t.id)
      for (const child of children.get(String(t.id)) ?? []) walk(child)
    }
    walk(byId.get(String(id)))
    return out
  }
  return { byId, bySlug, roots, children, subtree }
}
