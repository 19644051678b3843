/** Guard limits, from the environment with safe defaults. Read at server start. */
function intFromEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name]
  if (raw == null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}").`)
  }
  return value
}

export type ApiLimits = {
  maxDepth: number
  maxCost: number
  maxBodyBytes: number
  /** Requests per window per IP; 0 turns rate limiting off. */
  rateLimit: number
  rateWindowSeconds: number
  introspection: boolean
}

export function apiLimits(overrides: Partial<ApiLimits> = {}): ApiLimits {
  const introspectionEnv = process.env.HAVEN_API_INTROSPECTION
  return {
    maxDepth: intFromEnv('HAVEN_API_MAX_DEPTH', 10, 1),
    maxCost: intFromEnv('HAVEN_API_MAX_COST', 5000, 1),
    maxBodyBytes: intFromEnv('HAVEN_API_MAX_BODY_BYTES', 64 * 1024, 1024),
    rateLimit: intFromEnv('HAVEN_API_RATE_LIMIT', 300),
    rateWindowSeconds: intFromEnv('HAVEN_API_RATE_WINDOW_SECONDS', 60, 1),
    // Introspection maps the whole schema for a scraper; production keeps it off unless asked.
    introspection: introspectionEnv
      ? introspectionEnv === 'true'
      : process.env.NODE_ENV !== 'production',
    ...overrides,
  }
}
