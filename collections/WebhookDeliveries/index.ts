import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { redeliverEndpoint } from './endpoints/redeliver'

export const DELIVERY_STATUSES = [
  { label: 'Collecting (coalescing window open)', value: 'collecting' },
  { label: 'Pending', value: 'pending' },
  { label: 'Delivered', value: 'delivered' },
  { label: 'Failed', value: 'failed' },
  { label: 'Cancelled', value: 'cancelled' },
  { label: 'Merged', value: 'merged' },
]

const readOnly = { readOnly: true }

/**
 * The webhook outbox and its log. A content save writes one `collecting` row per subscribed
 * endpoint inside its own transaction; the worker (src/webhooks/worker.ts) folds an endpoint's
 * rows into one delivery when its coalescing window closes, then sends and retries it. Nobody
 * edits rows by hand: admins read them, redeliver, or delete old ones.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Webhook delivery', plural: 'Webhook deliveries' },
  admin: {
    group: 'Webhooks',
    useAsTitle: 'eventType',
    defaultColumns: [
      'createdAt',
      'endpoint',
      'eventType',
      'status',
      'lastStatusCode',
      'attemptCount',
      'lastDurationMs',
    ],
    // Rows folded into another delivery are bookkeeping, not deliveries.
    baseFilter: () => ({ status: { not_equals: 'merged' } }),
  },
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  endpoints: [redeliverEndpoint],
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'endpoint',
      type: 'relationship',
      relationTo: 'webhook-endpoints',
      required: true,
      index: true,
      admin: readOnly,
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: DELIVERY_STATUSES,
      admin: { ...readOnly, position: 'sidebar' },
    },
    { name: 'eventType', type: 'text', admin: readOnly },
    {
      name: 'webhookId',
      type: 'text',
      required: true,
      index: true,
      admin: { ...readOnly, description: 'Stable across retries and redeliveries.' },
    },
    {
      name: 'changes',
      type: 'json',
      admin: { ...readOnly, description: 'Collection, id, slug, locale and operation only.' },
    },
    {
      name: 'eventAt',
      type: 'date',
      admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'dueAt',
      type: 'date',
      required: true,
      index: true,
      admin: {
        ...readOnly,
        position: 'sidebar',
        description: 'When the worker next looks at this delivery.',
        date: { pickerAppearance: 'dayAndTime' },
      },
    },
    { name: 'attemptCount', type: 'number', defaultValue: 0, admin: readOnly },
    { name: 'lastStatusCode', type: 'number', admin: readOnly },
    { name: 'lastDurationMs', type: 'number', admin: readOnly },
    { name: 'lastError', type: 'text', admin: readOnly },
    {
      name: 'attempts',
      type: 'array',
      admin: { ...readOnly, description: 'Every attempt, oldest first.' },
      fields: [
        { name: 'attempt', type: 'number' },
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'statusCode', type: 'number' },
        { name: 'durationMs', type: 'number' },
        { name: 'error', type: 'text' },
        { name: 'response', type: 'textarea', admin: { description: 'First 1,000 characters.' } },
      ],
    },
    {
      name: 'redeliveryOf',
      type: 'relationship',
      relationTo: 'webhook-deliveries',
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'redeliver',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/src/webhooks/components/RedeliverButton#RedeliverButton' },
      },
    },
    // Worker bookkeeping: the optimistic-claim token and the row this one was folded into.
    { name: 'claimToken', type: 'text', hidden: true },
    { name: 'mergedInto', type: 'text', index: true, hidden: true },
  ],
}
