import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * SMTP when SMTP_HOST is set (coordinator notifications must reach a real inbox in production);
 * otherwise Payload's default, which writes emails to the console — fine for development.
 */
export function emailAdapter(): Promise<EmailAdapter> | undefined {
  const host = process.env.SMTP_HOST
  if (!host) return undefined
  return nodemailerAdapter({
    defaultFromAddress: process.env.EMAIL_FROM || 'haven@localhost',
    defaultFromName: 'Haven',
    transportOptions: {
      host,
      port: Number(process.env.SMTP_PORT || 587),
      auth: process.env.SMTP_USER
        ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS }
        : undefined,
    },
  })
}
