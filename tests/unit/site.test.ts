import { PageCache } from '../../site/cache'
import { html, safeUrl, trusted } from '../../site/render/html'
import { createWebhookReceiver, tagsFor } from '../../site/webhook'
import { Webhook } from 'standardwebhooks'

const page = (body: string) => ({ status: 200, type: 'text/html', body })

describe('site page cache', () => {
  it('drops only the pages carrying a touched tag', () => {
    const cache = new PageCache()
    cache.set('/articles/a', page('a'), ['articles:1', 'topics:7'])
    cache.set('/articles/b', page('b'), ['articles:2'])
    cache.set('/', page('home'), ['list:articles'])
    expect(
      cache
        .invalidate(tagsFor({ collection: 'articles', id: '1', operation: 'update' }) as string[])
        .sort(),
    ).toEqual(['/', '/articles/a'])
    expect(cache.get('/articles/b')?.body).toBe('b')
    expect(cache.get('/articles/a')).toBeUndefined()
    // A re-set page leaves no stale tag behind that would drop it for an old reason.
    cache.set('/articles/b', page('b2'), ['articles:3'])
    expect(cache.invalidate(['articles:2'])).toEqual([])
    expect(cache.get('/articles/b')?.body).toBe('b2')
  })

  it('expires entries after their maximum age', () => {
    const cache = new PageCache()
    cache.set('/groups/x', page('x'), ['support-groups:1'], -1)
    expect(cache.get('/groups/x')).toBeUndefined()
  })

  it('refreshes everything for a source it does not know', () => {
    expect(tagsFor({ collection: 'pages', id: '1', operation: 'publish' })).toBe('all')
    expect(tagsFor({ collection: 'crisis-resources', id: '1', operation: 'update' })).toEqual([
      'crisis',
    ])
  })
})

describe('site templates', () => {
  it('escape every interpolated value and keep trusted HTML as is', () => {
    const name = `<script>alert("x")</script>&'`
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    )
    expect(
      html`<div>${trusted('<h2>Safe</h2>')}${[html`<i>${'<'}</i>`, null, false]}</div>`.value,
    ).toBe('<div><h2>Safe</h2><i>&lt;</i></div>')
  })
})

describe('site links from content', () => {
  it('keep web and mail addresses and drop anything a browser would run', () => {
    expect(safeUrl('https://www.nhs.uk/mental-health/')).toBe('https://www.nhs.uk/mental-health/')
    expect(safeUrl('mailto:help@example.org')).toBe('mailto:help@example.org')
    expect(safeUrl('javascript:alert(1)')).toBeNull()
    expect(safeUrl(' JavaScript:alert(1)')).toBeNull()
    expect(safeUrl('data:text/html,<b>x</b>')).toBeNull()
    expect(safeUrl('/relative')).toBeNull()
    expect(safeUrl(null)).toBeNull()
  })
})

describe('site webhook receiver', () => {
  const secret = 'whsec_' + Buffer.alloc(24, 3).toString('base64')
  const body = JSON.stringify({ type: 'content.published', data: { changes: [] } })
  const headers = (id: string, key = secret, at = new Date()) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, body),
  })

  it('verifies with any configured secret, so a rotation does not drop deliveries', () => {
    const next = 'whsec_' + Buffer.alloc(24, 4).toString('base64')
    const receiver = createWebhookReceiver([next, secret])
    expect(receiver.receive(body, headers('msg_1')).status).toBe(200)
    expect(receiver.receive(body, headers('msg_2', next)).status).toBe(200)
  })

  it('applies an id once and refuses what it cannot verify', () => {
    const receiver = createWebhookReceiver([secret])
    expect(receiver.receive(body, headers('msg_1')).changes).toEqual([])
    const again = receiver.receive(body, headers('msg_1'))
    expect(again).toEqual({ status: 200, message: 'Already applied.' })
    expect(receiver.receive(body, {}).status).toBe(400)
    expect(receiver.receive(body + ' ', headers('msg_3')).status).toBe(401)
    const old = new Date(Date.now() - 6 * 60_000)
    expect(receiver.receive(body, headers('msg_4', secret, old)).message).toMatch(/timestamp/i)
    expect(createWebhookReceiver([]).receive(body, headers('msg_5')).status).toBe(401)
  })
})
