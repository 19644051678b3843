import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { endpointSettingsFields } from './fields'
import { clearDisabledReason } from './hooks/clearDisabledReason'
import { deleteDeliveries } from './hooks/deleteDeliveries'
import { issueSigningSecret } from './hooks/issueSigningSecret'
import { rebuildNowEndpoint } from './endpoints/rebuildNow'
import { revealSecretEndpoint } from './endpoints/revealSecret'
import { rotateSecretEndpoint } from './endpoints/rotateSecret'
import { sendTestEndpoint } from './endpoints/sendTest'

// Never readable through REST, GraphQL or the admin: the worker reads it with the Local API.
const sealed = {
  hidden: true,
  access: { read: () => false, create: () => false, update: () => false },
} as const

/** Where Haven sends change events: signed Standard Webhooks, or bare build-hook POSTs. */
export const WebhookEndpoints: CollectionConfig = {
  slug: 'webhook-endpoints',
  labels: { singular: 'Webhook endpoint', plural: 'Webhook endpoints' },
  admin: {
    group: 'Webhooks',
    useAsTitle: 'name',
    defaultColumns: ['name', 'mode', 'active', 'coalesceSeconds', 'updatedAt'],
    components: {
      beforeListTable: ['/src/webhooks/components/RebuildNowButton#RebuildNowButton'],
    },
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [issueSigningSecret, clearDisabledReason],
    beforeDelete: [deleteDeliveries],
  },
  endpoints: [revealSecretEndpoint, rotateSecretEndpoint, sendTestEndpoint, rebuildNowEndpoint],
  fields: [
    ...endpointSettingsFields,
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'disabledReason',
      type: 'text',
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.disabledReason),
        description: 'Set when a receiver answers 410 Gone. Clear it and re-activate to resume.',
      },
    },
    {
      name: 'signingSecret',
      type: 'ui',
      admin: {
        position: 'sidebar',
        condition: (data) => data?.mode !== 'build-hook',
        components: { Field: '/src/webhooks/components/SigningSecret#SigningSecret' },
      },
    },
    {
      name: 'actions',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/src/webhooks/components/EndpointActions#EndpointActions' },
      },
    },
    {
      name: 'secretRevealed',
      type: 'checkbox',
      defaultValue: false,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'previousSecretExpiresAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.previousSecretExpiresAt),
        description: 'Until then the previous secret signs too.',
        date: { pickerAppearance: 'dayAndTime' },
      },
    },
    { name: 'secretCiphertext', type: 'text', ...sealed },
    { name: 'previousSecretCiphertext', type: 'text', ...sealed },
    {
      name: 'deliveries',
      type: 'join',
      collection: 'webhook-deliveries',
      on: 'endpoint',
      where: { status: { not_equals: 'merged' } },
      defaultSort: '-createdAt',
      defaultLimit: 20,
      admin: {
        allowCreate: false,
        defaultColumns: [
          'createdAt',
          'eventType',
          'status',
          'lastStatusCode',
          'lastDurationMs',
          'attemptCount',
          'lastError',
        ],
      },
    },
  ],
}
