/**
 * MinHash sketches: a fixed-size summary of a set whose positions agree between two sets with
 * probability equal to their Jaccard similarity. Each position uses its own seeded 32-bit mix of
 * the item's hash, which is enough independence for similarity estimates of this precision.
 */

/** FNV-1a over UTF-16 code units: a fast, stable 32-bit hash of a string. */
export function hashString(value: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

// MurmurHash3's finaliser: spreads every input bit over the whole output.
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const seedsFor = (size: number, salt: number) =>
  Array.from({ length: size }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9) ^ salt))

const seedCache = new Map<string, number[]>()

/** A MinHash sketch of `size` positions; an empty set gives an empty sketch. */
export function minHash(items: Iterable<string>, size: number, salt = 0): number[] {
  const key = `${size}:${salt}`
  let seeds = seedCache.get(key)
  if (!seeds) seedCache.set(key, (seeds = seedsFor(size, salt)))
  const mins = new Array<number>(size).fill(0xffffffff)
  let empty = true
  for (const item of items) {
    empty = false
    const h = hashString(item)
    for (let i = 0; i < size; i++) {
      const v = mix(h ^ seeds[i])
      if (v < mins[i]) mins[i] = v
    }
  }
  return empty ? [] : mins
}

/** Share of positions two sketches agree on: an estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: number[], b: number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/**
 * Locality-sensitive band keys: sketches split into `bands` runs of `rows` positions; two sets
 * share at least one key with probability 1 - (1 - J^rows)^bands, so near-duplicates meet in an
 * index lookup while unrelated texts almost never do.
 */
export function bandKeys(sketch: number[], bands: number, rows: number): string[] {
  if (sketch.length < bands * rows) return []
  const keys: string[] = []
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b
    for (let r = 0; r < rows; r++) h = mix(Math.imul(h, 0x01000193) ^ sketch[b * rows + r])
    keys.push(`${b.toString(36)}-${h.toString(36)}`)
  }
  return keys
}
