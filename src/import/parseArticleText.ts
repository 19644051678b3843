import type { TextBlock } from '../lib/lexical'
import { isPlausibleTitle } from '../quality/isPlausibleTitle'
import { ImportError } from './ImportError'

export type ParsedArticle = {
  title: string
  summary: string
  blocks: TextBlock[]
  /** Lines dropped as web boilerplate, for the import report. */
  removed: string[]
  /**
   * The file had no title line: the title is the start of its first sentence, cut with "…", and
   * the content checks ask for a real one ("title-needed").
   */
  untitled: boolean
}

const TITLE_MAX = 160
/** A stand-in title cut from a first sentence stays short, so nobody mistakes it for a title. */
const STAND_IN_MAX = 60
const SUMMARY_MAX = 300

// A comment form ends the article: everything from its first line on is web furniture.
const FOOTER_START =
  /^(leave a (reply|comment)|post a comment|add a comment|your email address will not be published|comments are closed|\d+ (comments?|responses?)|you must be logged in to post a comment)\b/i

// Lines that are page furniture wherever they appear.
const BOILERPLATE =
  /^(blog (article|post)|article|share( this( article| post)?)?( on \w+)?|posted (in|on|by)\b.{0,60}|filed under\b.{0,60}|tags?:.{0,80}|categor(y|ies):.{0,80}|read more|continue reading|related (posts|articles)|skip to (main )?content|advertisement|previous post|next post|click here to .{0,60}|required fields are marked \*?|save my name, email,? and website in this browser for the next time i comment\.?)$/i

const ENDS_SENTENCE = /[.!?…:;,"”'’)\]]$/
const NUMBERED_HEADING = /^\d{1,2}[.)]\s+\S/
const BULLET = /^[-*•–]\s+/

const normaliseLine = (line: string) =>
  line
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()

const sameText = (a: string, b: string) =>
  a
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim() ===
  b
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const isAllCaps = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase()

const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, space, letter) => space + letter.toUpperCase())

function looksLikeHeading(line: string, next: string | undefined, blankFollows: boolean) {
  if (!next || ENDS_SENTENCE.test(line) || line.length > 90) return false
  if (!/^[\p{Lu}\p{N}]/u.test(next.replace(BULLET, ''))) return false
  if (NUMBERED_HEADING.test(line)) return true
  const wordsIn = line.split(' ')
  if (!/^\p{Lu}/u.test(line) || wordsIn.length > 12) return false
  // A hard-wrapped paragraph also has lines without a full stop; those lines are long.
  if (line.length >= 60 && !blankFollows) return false
  const capitalised = wordsIn.filter((w) => /^[\p{Lu}\p{N}]/u.test(w) && w.length > 3).length
  const long = wordsIn.filter((w) => w.length > 3).length
  return wordsIn.length <= 6 || capitalised >= long / 2
}

function summaryOf(blocks: TextBlock[]): string {
  const first = blocks.find((b) => b.type === 'paragraph')
  if (!first || first.type !== 'paragraph') return ''
  if (first.text.length <= SUMMARY_MAX) return first.text
  const cut = first.text.slice(0, SUMMARY_MAX)
  const sentenceEnd = cut.search(/[.!?](?=[^.!?]*$)/)
  if (sentenceEnd > SUMMARY_MAX / 2) return cut.slice(0, sentenceEnd + 1)
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`
}

/**
 * Turns a plain-text article as organisations keep it (old web copy, exported notes) into a
 * title, headings and paragraphs. Paragraphs may be separated by blank lines or be one per line;
 * a line that does not end a sentence runs on into the next (hard-wrapped text). Repeated titles,
 * "Blog Article" labels and comment-form footers are dropped.
 */
export function parseArticleText(text: string): ParsedArticle {
  const removed: string[] = []
  let lines = text.replace(/\r\n?/g, '\n').split('\n').map(normaliseLine)

  const footer = lines.findIndex((l) => FOOTER_START.test(l))
  if (footer >= 0) {
    removed.push(...lines.slice(footer).filter(Boolean))
    lines = lines.slice(0, footer)
  }

  const firstIndex = lines.findIndex((l) => l !== '' && !BOILERPLATE.test(l))
  if (firstIndex < 0)
    throw new ImportError('no-title', 'The file has no text besides web boilerplate.')
  removed.push(...lines.slice(0, firstIndex).filter(Boolean))
  const firstLine = lines[firstIndex]

  // Web copy often repeats the title, in capitals and then as written; keep the written form.
  const repeats = lines.filter((l) => l !== '' && sameText(l, firstLine))
  const written = repeats.find((l) => !isAllCaps(l))
  let title = written ?? (isAllCaps(firstLine) ? titleCase(firstLine) : firstLine)
  const body: string[] = []
  const untitled = title.length > TITLE_MAX || !isPlausibleTitle(title)
  if (untitled) {
    // The first line is a paragraph rather than a title: keep it whole in the body.
    body.push(firstLine)
    const cut = title.lastIndexOf(' ', STAND_IN_MAX - 1)
    title = `${title.slice(0, cut > 0 ? cut : STAND_IN_MAX).replace(/[\s,;:.]+$/, '')}…`
  }
  for (const line of lines.slice(firstIndex + 1)) {
    if (line !== '' && (sameText(line, firstLine) || BOILERPLATE.test(line))) removed.push(line)
    else body.push(line)
  }

  const blocks: TextBlock[] = []
  let open: { type: 'paragraph'; text: string } | null = null
  body.forEach((line, i) => {
    if (line === '') {
      open = null
      return
    }
    const next = body.slice(i + 1).find((l) => l !== '')
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, '')
      const last = blocks[blocks.length - 1]
      if (last?.type === 'list' && !open) last.items.push(item)
      else blocks.push({ type: 'list', items: [item] })
      open = null
      return
    }
    const startsLine = !open || ENDS_SENTENCE.test((open as { text: string }).text)
    if (startsLine && looksLikeHeading(line, next, body[i + 1] === '')) {
      blocks.push({ type: 'heading', text: line })
      open = null
      return
    }
    if (open && !ENDS_SENTENCE.test((open as { text: string }).text)) {
      ;(open as { text: string }).text += ` ${line}`
      return
    }
    open = { type: 'paragraph', text: line }
    blocks.push(open)
  })

  if (!blocks.some((b) => b.type !== 'heading'))
    throw new ImportError('empty', 'The file has a title but no article text.')
  return { title, summary: summaryOf(blocks), blocks, removed, untitled }
}
