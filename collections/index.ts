import type { CollectionConfig } from 'payload'

import { ArticleSignatures } from './ArticleSignatures'
import { Articles } from './Articles'
import { BlockedPhrases } from './BlockedPhrases'
import { AuditLog } from './AuditLog'
import { JoinRequests } from './JoinRequests'
import { Media } from './Media'
import { SupportGroups } from './SupportGroups'
import { Topics } from './Topics'
import { UsedFormTokens } from './UsedFormTokens'
import { Users } from './Users'
import { WebhookDeliveries } from './WebhookDeliveries'
import { WebhookEndpoints } from './WebhookEndpoints'

/** Every collection, in the order the admin navigation shows them. */
export const collections: CollectionConfig[] = [
  Articles,
  Topics,
  SupportGroups,
  Media,
  Users,
  BlockedPhrases,
  ArticleSignatures,
  WebhookEndpoints,
  WebhookDeliveries,
  JoinRequests,
  AuditLog,
  UsedFormTokens,
]
