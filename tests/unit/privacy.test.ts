import fs from 'node:fs'
import path from 'node:path'

import { detectPersonalData } from '../../src/privacy/detectPersonalData'
import { publicTexts } from '../../src/privacy/publicTexts'
import { toLexical } from '../../src/lib/lexical'
import { demoArticles } from '../../src/seed/demoArticles'
import { demoGroups } from '../../src/seed/demoGroups'
import { fixturePath } from '../helpers/fixturePath'

const kinds = (text: string) => detectPersonalData(text).map((d) => `${d.kind}:${d.match}`)

describe('finds personal data', () => {
  it.each([
    ['Write to jane.smith@example.org any time.', 'email:jane.smith@example.org'],
    ['Contact jane [at] example [dot] org', 'email:jane [at] example [dot] org'],
    ['Text me on 07911 123456.', 'phone:07911 123456'],
    ['Ring +44 7700 900123 after six.', 'phone:+44 7700 900123'],
    ['US friends call (212) 555-0143.', 'phone:(212) 555-0143'],
    ['Llámame al 612 34 56 78.', 'phone:612 34 56 78'],
    ['International: +34 612 345 678', 'phone:+34 612 345 678'],
    ['We meet at 12 Acacia Avenue on Fridays.', 'address:12 Acacia Avenue'],
    ['Flat 2, 221B Baker Street', 'address:221B Baker Street'],
    ['Nos vemos en Calle Mayor 12.', 'address:Calle Mayor 12'],
    ['The hall is near LS1 4AP.', 'postcode:LS1 4AP'],
    ['Springfield, IL 62704', 'postcode:IL 62704'],
    ['Join https://example.org/join?token=abc123 now', 'url:https://example.org/join?token=abc123'],
    [
      'See https://example.org/u/jane.smith@example.org',
      'url:https://example.org/u/jane.smith@example.org',
    ],
    [
      'Link: https://example.org/invite/aZ3kQ9mT7pX2wL5vN8rB1',
      'url:https://example.org/invite/aZ3kQ9mT7pX2wL5vN8rB1',
    ],
    ['Room: https://zoom.us/j/91234567890', 'url:https://zoom.us/j/91234567890'],
    ['Hi, my name is Jane Smith and I was scared.', 'name:Jane Smith'],
    ['“It changed my life.” — Jane Smith, 34', 'name:Jane Smith, 34'],
    ['It helped. - Tom B., aged 41', 'name:Tom B., aged 41'],
    ['Hola, me llamo María López.', 'name:María López'],
    ['Sam Jones, 29, from Leeds, says the group helped.', 'name:Sam Jones, 29, from Leeds'],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toContain(expected)
  })

  // Testimonial forms: first name, age and a reporting verb, in either order, with or without
  // dashes and quotes. Each finding quotes exactly the person's name and age, nothing around it.
  it.each([
    ['Sarah, 34, told us that coming to the group changed everything.', ['name:Sarah, 34']],
    ['“It was the first place I felt heard,” said Tom, 52.', ['name:Tom, 52']],
    ['Aisha (27) explained how the Tuesday circle helped.', ['name:Aisha (27)']],
    ['"I kept coming back" - Maya, aged 19, shared with the group.', ['name:Maya, aged 19']],
    ['Mark R., 60, said he finally slept through the night.', ['name:Mark R., 60']],
    ['— Priya Shah, 41, from Leeds, joined in 2021.', ['name:Priya Shah, 41, from Leeds']],
    [
      'Priya Shah, 41, from Milton Keynes said it helped.',
      ['name:Priya Shah, 41, from Milton Keynes'],
    ],
    ['As Joe, 45, recalls, the first meeting was the hardest.', ['name:Joe, 45']],
    ['The group, 12, said nothing.', []],
    ['In 2019, 34 members said the group helped.', []],
    [
      'Write to organiser [at] peergroup [dot] org. Meetings are on Tuesdays.',
      ['email:organiser [at] peergroup [dot] org'],
    ],
    ['Or organiser [at] peergroup.org. Meetings vary.', ['email:organiser [at] peergroup.org']],
  ])('testimonial: %s', (text, expected) => {
    expect(kinds(text)).toEqual(expected)
    for (const d of detectPersonalData(text)) expect(text.slice(d.start, d.end)).toBe(d.match)
  })

  it('finds every item in a testimonial at once', () => {
    const text =
      'Email me at jane@example.org or call 07911 123456. It helped so much. — Jane Smith, 34'
    expect(detectPersonalData(text).map((d) => d.kind)).toEqual(['email', 'phone', 'name'])
  })

  it('leaves organisational and allowed helpline numbers alone', () => {
    expect(kinds('Call CALM free on 0800 58 58 58.')).toEqual([])
    expect(
      detectPersonalData('Our line: 0113 496 0000', { allowedPhones: ['+44 113 496 0000'] }),
    ).toEqual([])
    expect(kinds('Our line: 0113 496 0000')).toEqual(['phone:0113 496 0000'])
  })

  it('scans link addresses inside rich text, not only the visible words', () => {
    const body = toLexical([{ type: 'paragraph', text: 'Read the leaflet.' }])
    const paragraph = body.root.children[0] as { children: unknown[] }
    paragraph.children = [
      {
        type: 'link',
        version: 3,
        fields: { url: 'https://example.org/leaflet?email=jane@example.org', linkType: 'custom' },
        children: [{ type: 'text', text: 'leaflet', version: 1 }],
      },
    ]
    const texts = publicTexts('articles', { title: 'A', body })
    const found = texts.flatMap((t) => detectPersonalData(t.text).map((d) => [t.field, d.kind]))
    expect(found).toEqual([['body', 'url']])
  })

  it('never scans the private fields of a group', () => {
    const texts = publicTexts('support-groups', {
      name: 'Circle',
      private: { address: '12 Acacia Avenue', facilitatorContact: { phone: '07911 123456' } },
    })
    expect(texts.map((t) => t.field)).toEqual(['name'])
  })
})

describe('ordinary text passes with no finding', () => {
  const seedDir = fixturePath('seeds')
  const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt'))

  it('has the three seed articles to check', () => {
    expect(seeds).toHaveLength(3)
  })

  it.each(seeds)('seed %s', (file) => {
    expect(kinds(fs.readFileSync(path.join(seedDir, file), 'utf8'))).toEqual([])
  })

  it.each(demoArticles.map((a) => [a.title, a] as const))('demo article %s', (_title, a) => {
    const doc = { title: a.title, summary: a.summary, body: toLexical(a.blocks) }
    const texts = publicTexts('articles', doc)
    expect(texts.flatMap((t) => kinds(t.text))).toEqual([])
  })

  it.each(demoGroups.map((g) => [g.name, g] as const))('demo group %s', (_name, g) => {
    const texts = publicTexts('support-groups', g as Record<string, unknown>)
    expect(texts.flatMap((t) => kinds(t.text))).toEqual([])
  })

  it.each([
    'Between 2019 and 2023, 1,234 people joined; 18-25 year olds made up 40%.',
    '5 Ways To Feel Calmer Each Day',
    '10 Tips For Your Daily Walk',
    '3. Sense of Community',
    'Call NHS 111, or 999 in an emergency. Samaritans are on 116 123.',
    'The study by Sheffield Hallam University surveyed 2 regions.',
    'See https://www.nhs.uk/mental-health/talking-therapies-medicine-treatments/ for more.',
    'Reference: https://doi.org/10.1001/jamapsychiatry.2019.1234 (pp. 123-145).',
    'ISBN 978-0-19-953556-9, volume 12, issue 3.',
    'Sessions run 18:30–20:00 on 12/03/2024 at the community centre.',
    '“Peer support helped me feel less alone.” — a group member',
    'My name is not important; what matters is that I came back.',
    'In 1998–2004 the programme served 20 000 people across 3 sites in Leeds Park.',
    'Freephone 0808 808 4994 for advice.',
  ])('%s', (text) => {
    expect(kinds(text)).toEqual([])
  })
})
