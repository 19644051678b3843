import type { CollectionBeforeChangeHook } from 'payload'
import type { WebhookEndpoint } from '../../../src/payload-types'

/** Re-activating an endpoint that a 410 switched off clears the reason it was switched off. */
export const clearDisabledReason: CollectionBeforeChangeHook<WebhookEndpoint> = ({
  data,
  originalDoc,
}) => {
  if (data.active === true && originalDoc?.active === false)
    return { ...data, disabledReason: null }
  return data
}
