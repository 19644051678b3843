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

/** Join requests per client network per hour (HAVEN_JOIN_RATE_PER_IP; see joinNetworkPrefixes). */
export const ratePerIp = () => intFromEnv('HAVEN_JOIN_RATE_PER_IP', 5, 0, 10_000)

/**
 * Distinct client networks whose requests a group takes per hour as usual
 * (HAVEN_JOIN_RATE_PER_GROUP); requests from further networks are held for review.
 */
export const ratePerGroup = () => intFromEnv('HAVEN_JOIN_RATE_PER_GROUP', 30, 0, 100_000)

/**
 * Requests a group holds for review per hour once its usual budget is spent
 * (HAVEN_JOIN_HELD_PER_GROUP); past it requests are refused, so a flood cannot fill the database.
 */
export const heldPerGroup = () => intFromEnv('HAVEN_JOIN_HELD_PER_GROUP', 200, 0, 100_000)

/**
 * How much of a client's address counts as one client in the join-request budgets. IPv6: a /64
 * (HAVEN_JOIN_IPV6_PREFIX), the smallest block a subscriber is given, so rotating addresses inside
 * it gains nothing. IPv4: the whole address by default (HAVEN_JOIN_IPV4_PREFIX, 16-32), because
 * IPv4 is already shared: a household, an office or a mobile carrier's NAT puts many people
 * behind one address, and a /24 would make a whole neighbourhood one client. Deployments that see
 * floods from rented IPv4 blocks can set 24.
 */
export const joinNetworkPrefixes = () => ({
  ipv4: intFromEnv('HAVEN_JOIN_IPV4_PREFIX', 32, 16, 32),
  ipv6: intFromEnv('HAVEN_JOIN_IPV6_PREFIX', 64, 32, 128),
})

/** The honeypot: a field real people never see, so never fill. */
export const HONEYPOT_FIELD = 'website'

/** The encryption context of join-request content (bound into the ciphertext). */
export const SEAL_CONTEXT = 'join-requests'

/**
 * How the public reaches the organisation when a group takes no join requests online
 * (HAVEN_PUBLIC_CONTACT: an email address, phone number or web address); empty when unset.
 */
export const publicContact = () => (process.env.HAVEN_PUBLIC_CONTACT ?? '').trim()

/** The answer for a group nobody coordinates: nobody would read a request sent online. */
export function notTakenOnlineMessage(contact = publicContact()): string {
  const reach = contact
    ? `To ask about joining, contact ${contact}.`
    : 'To ask about joining, contact the organisation that runs this site.'
  return `This group does not take join requests online at the moment. ${reach}`
}
