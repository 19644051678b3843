import type { Detection } from '../types'

const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/gi

// Query parameters that carry a secret or identify a person.
const SENSITIVE_PARAMS = new Set(
  (
    'token access_token id_token refresh_token auth authorization key apikey api_key sig signature ' +
    'secret password pwd pass passcode session sessionid session_id sid jwt otp code invite ' +
    'email e-mail mail phone tel mobile user userid user_id uid username login name firstname ' +
    'first_name lastname last_name surname fullname full_name dob birthdate nhs nhsnumber ' +
    'nhs_number patient patientid patient_id member memberid member_id ssn'
  ).split(' '),
)

// Hosts whose links are a private meeting room: those go in the group's private meeting link.
const MEETING_HOSTS =
  /(^|\.)(zoom\.us|meet\.google\.com|teams\.microsoft\.com|whereby\.com|meet\.jit\.si)$/i

// Anchored at the start of a run (lookbehind), so a long value without an @ is scanned once.
const EMAIL = /(?<![^\s@/?&=])[^\s@/?&=]+@[^\s@/?&=]+\.[a-z]{2,}/i
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/

/** A long random-looking string: letters and digits mixed, like a token or a share code. */
function looksLikeToken(value: string): boolean {
  if (JWT.test(value)) return true
  // Dotted values are versions, DOIs and file names; tokens are one unbroken run of characters.
  if (value.length < 20 || !/^[\w~+/=-]+$/.test(value)) return false
  const digits = (value.match(/\d/g) ?? []).length
  const letters = (value.match(/[a-z]/gi) ?? []).length
  return digits >= 3 && letters >= 3 && !/^[a-z]+(-[a-z]+)*$/i.test(value)
}

function reasonFor(raw: string): string | null {
  let url: URL
  try {
    url = new URL(/^www\./i.test(raw) ? `https://${raw}` : raw)
  } catch {
    return null
  }
  if (url.username || url.password) return 'Link with a user name or password in it'
  if (MEETING_HOSTS.test(url.hostname))
    return 'Private meeting link in public text; use the private meeting link field'
  for (const [name, value] of url.searchParams) {
    if (SENSITIVE_PARAMS.has(name.toLowerCase()) && value) return `Link carries “${name}”`
    if (EMAIL.test(value) || looksLikeToken(value))
      return 'Link carries a token or personal identifier'
  }
  const segments = url.pathname.split('/').map((s) => decodeURIComponent(s))
  if (segments.some((s) => EMAIL.test(s) || looksLikeToken(s)))
    return 'Link carries a token or personal identifier'
  if (url.hash && (EMAIL.test(url.hash) || /(access_)?token=/.test(url.hash)))
    return 'Link carries a token or personal identifier'
  return null
}

export function findSensitiveUrls(text: string): Detection[] {
  const found: Detection[] = []
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const message = reasonFor(m[0])
    if (message)
      found.push({ kind: 'url', match: m[0], start: m.index, end: m.index + m[0].length, message })
  }
  return found
}
