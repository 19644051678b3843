const MAX_TITLE_WORDS = 16
/** A title is a short line; a sentence with a full stop, or a cut-off first paragraph, is not. */
export function isPlausibleTitle(title: string): boolean {
  const t = title.trim()
  if (!t || t.endsWith('…') || t.endsWith('...')) return false
  if (t.split(/\s+/).length > MAX_TITLE_WORDS || t.length > 120) return false
  return !/[^.]\.$/.test(t) || t.split(/\s+/).length <= 4
}
