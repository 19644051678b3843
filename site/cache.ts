/** A rendered page as the server sends it. */
export type Rendered = {
  status: number
  type: string
  body: string
  headers?: Record<string, string>
}

type Entry = { page: Rendered; tags: string[]; expiresAt: number }

/**
 * Rendered pages by path, each tagged with what it shows (`articles:12`, `list:articles`,
 * `crisis`…). A webhook drops the tags its change touches; every other page stays warm. Entries
 * also expire after a while, so a missed webhook heals by itself.
 */
export class PageCache {
  private entries = new Map<string, Entry>()
  private byTag = new Map<string, Set<string>>()

  constructor(private readonly maxAgeMs = 60 * 60_000) {}

  get(key: string): Rendered | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.delete(key)
      return undefined
    }
    return entry.page
  }

  set(key: string, page: Rendered, tags: string[], maxAgeMs = this.maxAgeMs) {
    this.delete(key)
    this.entries.set(key, { page, tags, expiresAt: Date.now() + maxAgeMs })
    for (const tag of tags) {
      let keys = this.byTag.get(tag)
      if (!keys) this.byTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
  }

  /** Drops every page carrying any of the tags; returns the paths dropped. */
  invalidate(tags: string[]): string[] {
    const dropped = new Set<string>()
    for (const tag of tags) for (const key of this.byTag.get(tag) ?? []) dropped.add(key)
    for (const key of dropped) this.delete(key)
    return [...dropped]
  }

  clear() {
    this.entries.clear()
    this.byTag.clear()
  }

  get size() {
    return this.entries.size
  }

  private delete(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.byTag.delete(tag)
    }
  }
}
