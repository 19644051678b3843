import { availableActions } from '../../src/review/availableActions'
import { statusLabel } from '../../src/review/statusLabel'

const editor = { id: 1, roles: ['editor'] }
const reviewer = { id: 2, roles: ['reviewer'] }
const doc = (status: string, extra: Record<string, unknown> = {}) => ({
  author: 1,
  review: { status },
  _status: 'draft',
  ...extra,
})

describe('which workflow buttons a user sees', () => {
  it('an editor submits drafts and returned articles, and never approves', () => {
    expect(availableActions(doc('draft'), editor, false)).toEqual(['submit'])
    expect(availableActions(doc('changes-requested'), editor, false)).toEqual(['submit'])
    expect(availableActions(doc('in-review'), editor, false)).toEqual([])
    expect(availableActions(doc('approved'), editor, false)).toEqual(['publish'])
    expect(availableActions(doc('approved', { _status: 'published' }), editor, true)).toEqual([
      'unpublish',
    ])
  })

  it('a reviewer approves or sends back what waits, but not text they wrote or changed', () => {
    expect(availableActions(doc('in-review'), reviewer, false)).toEqual([
      'approve',
      'request-changes',
    ])
    expect(
      availableActions(
        doc('in-review', { review: { status: 'in-review', editedBy: 2 } }),
        reviewer,
        false,
      ),
    ).toEqual(['request-changes'])
    expect(availableActions(doc('in-review', { author: { id: 2 } }), reviewer, false)).toEqual([
      'request-changes',
    ])
  })

  it('a coordinator or a signed-out visitor sees none', () => {
    expect(availableActions(doc('draft'), { id: 3, roles: ['coordinator'] }, false)).toEqual([])
    expect(availableActions(doc('in-review'), null, true)).toEqual([])
  })
})

describe('the status column', () => {
  it.each([
    ['draft', 'draft', false, 'Draft'],
    ['in-review', 'draft', false, 'In review'],
    ['changes-requested', 'draft', false, 'Changes requested'],
    ['approved', 'draft', false, 'Approved'],
    ['approved', 'published', true, 'Published'],
    ['in-review', 'draft', true, 'Published, edit in review'],
    ['changes-requested', 'draft', true, 'Published, changes requested'],
  ])('review %s, latest %s, live %s → %s', (reviewStatus, latestStatus, live, label) => {
    expect(statusLabel({ reviewStatus, latestStatus, live })).toBe(label)
  })
})
