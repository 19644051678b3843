const intFromEnv = (name: string, fallback: number, min: number, max: number) => {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback
}

/** Failed sign-ins allowed per (client, account) per window (HAVEN_LOGIN_FAILURES_PER_ACCOUNT). */
export const loginFailuresPerAccount = () =>
  intFromEnv('HAVEN_LOGIN_FAILURES_PER_ACCOUNT', 5, 0, 10_000)

/** Failed sign-ins allowed per client, whatever the account (HAVEN_LOGIN_FAILURES_PER_CLIENT). */
export const loginFailuresPerClient = () =>
  intFromEnv('HAVEN_LOGIN_FAILURES_PER_CLIENT', 20, 0, 100_000)

/** The window both sign-in budgets refill over, seconds (HAVEN_LOGIN_WINDOW_SECONDS). */
export const loginWindowSeconds = () => intFromEnv('HAVEN_LOGIN_WINDOW_SECONDS', 900, 1, 86_400)

/** Password-reset requests per client per hour (HAVEN_FORGOT_PASSWORD_PER_CLIENT). */
export const forgotPasswordPerClient = () =>
  intFromEnv('HAVEN_FORGOT_PASSWORD_PER_CLIENT', 5, 0, 10_000)

/**
 * Reset emails sent per account per hour, whoever asks (HAVEN_FORGOT_PASSWORD_PER_ACCOUNT):
 * past it a request is answered as usual and no email goes out.
 */
export const forgotPasswordPerAccount = () =>
  intFromEnv('HAVEN_FORGOT_PASSWORD_PER_ACCOUNT', 3, 0, 1_000)

/** Payload REST reads (GET, HEAD) per client per window (HAVEN_REST_RATE_READ). */
export const restReadsPerWindow = () => intFromEnv('HAVEN_REST_RATE_READ', 600, 0, 1_000_000)

/** Payload REST writes (every other method, and /api/graphql) per client (HAVEN_REST_RATE_WRITE). */
export const restWritesPerWindow = () => intFromEnv('HAVEN_REST_RATE_WRITE', 240, 0, 1_000_000)

/** The window of the REST budgets, seconds (HAVEN_REST_RATE_WINDOW_SECONDS). */
export const restWindowSeconds = () => intFromEnv('HAVEN_REST_RATE_WINDOW_SECONDS', 60, 1, 86_400)
