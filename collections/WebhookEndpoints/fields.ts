import type { Field } from 'payload'

import { WEBHOOK_OPERATIONS, WEBHOOK_SOURCES } from '../../src/webhooks'
import { assertWebhookTarget, WebhookUrlError } from '../../src/webhooks'

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// Headers Haven sets itself (or that would break the request) cannot be overridden.
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
])

const validateUrl = async (value: unknown): Promise<true | string> => {
  if (!value) return 'Enter the address to deliver to.'
  try {
    await assertWebhookTarget(String(value))
    return true
  } catch (error) {
    if (error instanceof WebhookUrlError) return error.message
    throw error
  }
}

const validateHeaderName = (value: unknown): true | string => {
  const name = String(value ?? '')
  if (!HEADER_NAME.test(name)) return 'Use a header name such as X-Build-Token.'
  if (RESERVED_HEADERS.has(name.toLowerCase())) return `Haven sets ${name} itself.`
  return true
}

const validateHeaderValue = (value: unknown): true | string =>
  /[\r\n\0]/.test(String(value ?? '')) ? 'Header values cannot contain line breaks.' : true

const everything = WEBHOOK_SOURCES.map((source) => ({
  source: source.value,
  operations: WEBHOOK_OPERATIONS.map((op) => op.value),
}))

/** The editable settings of an endpoint (secrets and actions live in index.ts). */
export const endpointSettingsFields: Field[] = [
  { name: 'name', type: 'text', required: true, maxLength: 120 },
  {
    name: 'url',
    type: 'text',
    required: true,
    validate: validateUrl,
    admin: {
      description: 'http(s) only. Private and loopback addresses are refused in production.',
    },
  },
  {
    name: 'mode',
    type: 'radio',
    required: true,
    defaultValue: 'signed',
    options: [
      { label: 'Signed event (Standard Webhooks JSON body)', value: 'signed' },
      {
        label: 'Build hook (bare POST for Netlify, Vercel, Cloudflare Pages…)',
        value: 'build-hook',
      },
    ],
  },
  {
    name: 'subscriptions',
    type: 'array',
    labels: { singular: 'Subscription', plural: 'Subscriptions' },
    defaultValue: everything,
    admin: { description: 'Which changes to send, per collection.', initCollapsed: true },
    fields: [
      {
        type: 'row',
        fields: [
          {
            // Not `collection`: mongoose reserves that name on documents and subdocuments.
            name: 'source',
            label: 'Collection',
            type: 'select',
            required: true,
            options: [...WEBHOOK_SOURCES],
          },
          {
            name: 'operations',
            type: 'select',
            hasMany: true,
            required: true,
            options: [...WEBHOOK_OPERATIONS],
          },
        ],
      },
    ],
  },
  {
    name: 'coalesceSeconds',
    type: 'number',
    required: true,
    defaultValue: 10,
    min: 0,
    max: 3600,
    admin: {
      description:
        'Changes within this many seconds of the first one go out as one delivery (0 sends each at once).',
    },
  },
  {
    name: 'headers',
    type: 'array',
    labels: { singular: 'Header', plural: 'Extra headers' },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'name', type: 'text', required: true, validate: validateHeaderName },
          { name: 'value', type: 'text', required: true, validate: validateHeaderValue },
        ],
      },
    ],
  },
]
