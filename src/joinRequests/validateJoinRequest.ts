import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'

import { phoneRegions } from '../privacy'
import { JoinRequestError } from './errors'

export type JoinRequestInput = {
  group: string
  name: string
  contact: string
  message?: string | null
  consent: boolean
}

export type ValidJoinRequest = { group: string; name: string; contact: string; message: string }

const CONTROL = /[\p{Cc}\p{Cf}]/u
// Control characters other than tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

const isPhone = (value: string) =>
  phoneRegions().some((region) =>
    Boolean(parsePhoneNumberFromString(value, region as CountryCode)?.isPossible()),
  )

const refuse = (message: string): never => {
  throw new JoinRequestError('BAD_USER_INPUT', message)
}

/** Checks and normalises what the form sent. Messages say what to fix, never echo the value. */
export function validateJoinRequest(input: JoinRequestInput): ValidJoinRequest {
  const group = String(input.group ?? '').trim()
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(group)) refuse('Unknown group.')
  const name = String(input.name ?? '').trim()
  if (name.length < 1 || name.length > 100 || CONTROL.test(name))
    refuse('Enter your name, or the name you would like to be called (up to 100 characters).')
  const contact = String(input.contact ?? '').trim()
  if (contact.length > 200 || CONTROL.test(contact) || !(EMAIL.test(contact) || isPhone(contact)))
    refuse('Give an email address or a phone number, so a coordinator can reply.')
  const message = String(input.message ?? '')
    .replace(/\r\n?/g, '\n')
    .trim()
  if (message.length > 2000 || CONTROL_EXCEPT_LINES.test(message))
    refuse('Keep the message under 2000 characters of plain text.')
  if (input.consent !== true)
    refuse("Tick the consent box: the group's coordinators need your permission to contact you.")
  return { group, name, contact, message }
}
