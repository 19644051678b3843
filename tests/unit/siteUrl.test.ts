import { siteUrl } from '../../src/config/site'

describe('siteUrl (the admin\'s "Preview on site")', () => {
  it('uses HAVEN_SITE_URL without a trailing slash', () => {
    expect(siteUrl({ HAVEN_SITE_URL: 'https://www.example.org/' })).toBe('https://www.example.org')
  })
  it('shows no button when no site is configured', () => {
    expect(siteUrl({})).toBeNull()
    expect(siteUrl({ HAVEN_SITE_URL: '  ' })).toBeNull()
  })
})
