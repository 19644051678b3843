const intFromEnv = (name: string, fallback: number, min: number, max: number) => {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback
}

/** Days a join request is kept before the retention job deletes it (HAVEN_JOIN_REQUEST_RETENTION_DAYS). */
export const retentionDays = () => intFromEnv('HAVEN_JOIN_REQUEST_RETENTION_DAYS', 30, 1, 3650)

/** Seconds the join form must be open before it may be sent (HAVEN_JOIN_MIN_FILL_SECONDS). */
export const minimumFillSeconds = () => intFromEnv('HAVEN_JOIN_MIN_FILL_SECONDS', 4, 0, 600)

/** A form token older than this is refused, so harvested tokens go stale. */
export const FORM_TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60

/** Join requests per client IP per hour (HAVEN_JOIN_RATE_PER_IP). */
export const ratePerIp = () => intFromEnv('HAVEN_JOIN_RATE_PER_IP', 5, 0, 10_000)

/** Join requests per group per hour (HAVEN_JOIN_RATE_PER_GROUP). */
export const ratePerGroup = () => intFromEnv('HAVEN_JOIN_RATE_PER_GROUP', 30, 0, 100_000)

/** The honeypot: a field real people never see, so never fill. */
export const HONEYPOT_FIELD = 'website'

/** The encryption context of join-request content (bound into the ciphertext). */
export const SEAL_CONTEXT = 'join-requests'
