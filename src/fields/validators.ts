/** Field validators shared across collections; each returns true or a message for the editor. */

export const validateTime = (value: unknown): true | string =>
  value == null || value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(value))
    ? true
    : 'Use 24-hour HH:MM, e.g. 18:30.'

export function isIanaTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return value.includes('/') || value === 'UTC'
  } catch {
    return false
  }
}

export const validateTimezone = (value: unknown): true | string =>
  value == null || value === '' || isIanaTimezone(String(value))
    ? true
    : 'Use an IANA timezone such as Europe/London or America/New_York.'

export const validateHttpUrl = (value: unknown): true | string =>
  value == null || value === '' || /^https?:\/\/[^\s]+$/i.test(String(value))
    ? true
    : 'Use an http(s) address.'
