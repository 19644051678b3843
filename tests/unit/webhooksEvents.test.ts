import {
  eventTypeFor,
  isSubscribed,
  mergeChanges,
  toWebhookChange,
} from '../../src/webhooks/events'

const change = (
  id: string,
  operation: 'publish' | 'unpublish' | 'update' | 'delete',
  locale = 'en',
) => ({
  collection: 'articles',
  id,
  slug: `a-${id}`,
  locale,
  operation,
})

describe('webhook changes', () => {
  it('keeps only the whitelisted coordinates of a change', () => {
    const leaky = { ...change('1', 'publish'), title: 'secret', private: { address: 'x' } }
    expect(toWebhookChange(leaky)).toEqual(change('1', 'publish'))
  })

  it('folds repeated changes to one item, the last operation winning over all but update', () => {
    expect(
      mergeChanges([
        change('1', 'publish'),
        change('2', 'publish'),
        change('1', 'update'),
        change('2', 'delete'),
        change('1', 'update', 'es'),
      ]),
    ).toEqual([change('1', 'publish'), change('2', 'delete'), change('1', 'update', 'es')])
  })

  it('names the event after the operation, or content.changed for a mix', () => {
    expect(eventTypeFor([change('1', 'publish'), change('2', 'publish')])).toBe('content.published')
    expect(eventTypeFor([change('1', 'unpublish')])).toBe('content.unpublished')
    expect(eventTypeFor([change('1', 'publish'), change('2', 'delete')])).toBe('content.changed')
  })

  it('matches subscriptions per collection and operation', () => {
    const subs = [{ source: 'articles', operations: ['publish'] }]
    expect(isSubscribed(subs, change('1', 'publish'))).toBe(true)
    expect(isSubscribed(subs, change('1', 'delete'))).toBe(false)
    expect(isSubscribed(subs, { ...change('1', 'publish'), collection: 'topics' })).toBe(false)
    expect(isSubscribed(null, change('1', 'publish'))).toBe(false)
  })
})
