import { signPreviewToken, verifyPreviewToken } from '../../src/graphql/preview/previewToken'

const SECRET = 'a'.repeat(40)
const now = Date.UTC(2025, 0, 1)

describe('preview tokens', () => {
  it('round-trips the claims until they expire', () => {
    const token = signPreviewToken(SECRET, { collection: 'articles', id: 7 }, 600, now)
    expect(verifyPreviewToken(SECRET, token, now + 599_000)).toEqual({
      collection: 'articles',
      id: '7',
      exp: now / 1000 + 600,
    })
    expect(verifyPreviewToken(SECRET, token, now + 600_000)).toBeNull()
  })

  it('rejects another secret, a changed body and garbage', () => {
    const token = signPreviewToken(SECRET, { collection: 'articles', id: 7 }, 600, now)
    expect(verifyPreviewToken('b'.repeat(40), token, now)).toBeNull()
    const [, sig] = token.split('.')
    const forged = Buffer.from(
      JSON.stringify({ collection: 'articles', id: '8', exp: now / 1000 + 600 }),
    ).toString('base64url')
    expect(verifyPreviewToken(SECRET, `${forged}.${sig}`, now)).toBeNull()
    for (const bad of ['', '.', 'a.b.c', 'x', `${token}x`])
      expect(verifyPreviewToken(SECRET, bad, now)).toBeNull()
  })

  it('caps the lifetime at one hour', () => {
    const token = signPreviewToken(SECRET, { collection: 'articles', id: 1 }, 86_400, now)
    expect(verifyPreviewToken(SECRET, token, now)!.exp).toBe(now / 1000 + 3600)
  })
})
