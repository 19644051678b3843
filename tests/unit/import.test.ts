import { decodeText } from '../../src/import/decodeText'
import { ImportError } from '../../src/import/ImportError'
import { parseArticleText } from '../../src/import/parseArticleText'
import { readSeeds } from '../helpers/qualitySampleArticles'

const seeds = readSeeds()
const parsed = Object.fromEntries(
  seeds.map(({ file, bytes }) => [file.slice(0, 3), parseArticleText(decodeText(bytes))]),
)
const headings = (key: string) =>
  parsed[key].blocks.filter((b) => b.type === 'heading').map((b) => b.text)
const paragraphs = (key: string) =>
  parsed[key].blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    if (error instanceof ImportError) return error.code
    throw error
  }
  return 'no error'
}

describe('parseArticleText on the seed web copy', () => {
  it('finds the three seeds', () => {
    expect(Object.keys(parsed)).toEqual(['000', '001', '002'])
  })

  it('takes the title as written, not the capitalised repeat', () => {
    expect(parsed['000'].title).toBe('What Is Dialectical Behavior Therapy')
    expect(parsed['001'].title).toBe('How Does Transcranial Magnetic Stimulation Tms Work')
    expect(parsed['002'].title).toBe('What Is Resilience In Psychology')
  })

  it('finds the section headings, blank-line separated or not (001 has no blank lines)', () => {
    expect(headings('000')).toEqual([
      'Benefits of Peer Support System',
      '1. Shared Experiences',
      '2. Empathy',
      '3. Feeling of Neighborhood',
      '4. Discretion',
      '5. Mental Health Preconception',
    ])
    expect(headings('001')).toEqual([
      'Advantages of Peer Support Groups',
      '1. Shared Experiences',
      '2. Empathy',
      '3. Sense of Area',
      '4. Confidentiality',
      '5. Mental Wellness Stigma',
    ])
    expect(headings('002')[1]).toBe('1. Shared Knowledge')
  })

  it('keeps every paragraph whole: two in the introduction and three per section', () => {
    for (const key of ['000', '001', '002']) {
      expect(paragraphs(key)).toHaveLength(17)
      expect(paragraphs(key)[0]).toMatch(/^Peer support groups (allow|enable)/)
      expect(paragraphs(key)[16]).toMatch(/^This independent .*(outcomes|results)\.$/)
    }
    expect(paragraphs('001')[2]).toMatch(/^The usual experiences .* psychological health\.$/)
  })

  it('drops the repeated titles and the "Blog Article" label', () => {
    for (const key of ['000', '001', '002']) {
      const texts = parsed[key].blocks.map((b) => (b.type === 'list' ? '' : b.text))
      expect(texts.filter((t) => /blog article/i.test(t) || t === parsed[key].title)).toEqual([])
      expect(parsed[key].removed).toContain('Blog Article')
    }
  })

  it('uses the first paragraph as the summary', () => {
    expect(parsed['000'].summary).toBe(paragraphs('000')[0])
  })
})

describe('parseArticleText on other layouts', () => {
  it('removes a comment-form footer and share furniture', () => {
    const result = parseArticleText(
      [
        'Sleep and mood',
        'Share this article',
        'Sleep and mood affect each other in both directions.',
        'Leave a Reply',
        'Your email address will not be published. Required fields are marked *',
        'Comment',
        'Name *',
        'Save my name, email, and website in this browser for the next time I comment.',
      ].join('\n'),
    )
    expect(result.blocks).toEqual([
      { type: 'paragraph', text: 'Sleep and mood affect each other in both directions.' },
    ])
    expect(result.removed).toEqual(expect.arrayContaining(['Share this article', 'Name *']))
  })

  it('joins hard-wrapped lines into one paragraph and reads bullet lists', () => {
    const result = parseArticleText(
      [
        'Coping with panic',
        '',
        'Panic attacks are frightening, but they pass. Slow breathing, naming five things you can',
        'see and reminding yourself that the feeling will peak and fade can help you ride one out.',
        '',
        'Things to try',
        '- Breathe out for longer than you breathe in',
        '- Name five things you can see',
      ].join('\n'),
    )
    expect(result.blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Panic attacks are frightening, but they pass. Slow breathing, naming five things you can see and reminding yourself that the feeling will peak and fade can help you ride one out.',
      },
      { type: 'heading', text: 'Things to try' },
      {
        type: 'list',
        items: ['Breathe out for longer than you breathe in', 'Name five things you can see'],
      },
    ])
  })

  it('refuses a file with a title and nothing else', () => {
    expect(codeOf(() => parseArticleText('Just a title\n\nBlog Article\n'))).toBe('empty')
  })
})

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    expect(decodeText(Buffer.from('\ufeffCafé culture\n', 'utf8'))).toBe('Café culture\n')
    expect(decodeText(Buffer.from('Café culture', 'utf8'))).toBe('Café culture')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')])
    expect(decodeText(utf16)).toBe('Café')
  })

  it('gives each bad file a clear error code', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(codeOf(() => decodeText(png))).toBe('binary')
    expect(codeOf(() => decodeText(Buffer.from('')))).toBe('empty')
    expect(codeOf(() => decodeText(Buffer.from(' \n\t\n')))).toBe('empty')
    expect(codeOf(() => decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f])))).toBe(
      'encoding',
    )
  })
})
