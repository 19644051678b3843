import crypto from 'node:crypto'

import { createRateLimiter } from '../../src/graphql/guards/rateLimit'

const REDIS_URL = process.env.HAVEN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

// Two limiters with their own connections stand for two freshly started processes sharing Redis.
// Before they waited for the first connection, each counted the first burst in its own memory:
// 40 of 60 got through against a budget of 20.
describe('a shared rate limit right after a start', () => {
  it('lets exactly the budget through across processes, from the first request', async () => {
    const prefix = `haven-test-start-${crypto.randomUUID()}`
    const a = createRateLimiter(20, 60, REDIS_URL, prefix)
    const b = createRateLimiter(20, 60, REDIS_URL, prefix)
    try {
      const decisions = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).consume('198.51.100.7')),
      )
      expect(decisions.filter((d) => d.allowed)).toHaveLength(20)
      const refused = decisions.find((d) => !d.allowed)
      expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
