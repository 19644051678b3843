import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { coordinatesGroup } from '../../access/coordinatesGroup'
import { hasRole, type Role } from '../../access/roles'
import { MAX_PREVIEW_TTL_SECONDS, signPreviewToken } from './previewToken'

type Target = {
  collection: CollectionSlug
  /** The GraphQL query that takes the token, for the hint in the answer. */
  field: 'article' | 'supportGroup'
  /** Roles that may preview any document of the collection. */
  roles: Role[]
  /** Roles that may preview only the groups they coordinate (src/access/coordinatesGroup.ts). */
  coordinatorRoles?: Role[]
}

type PreviewedDoc = { id: string | number }

const DEFAULT_TTL_SECONDS = 10 * 60
const NO_STORE = { 'cache-control': 'no-store' }

const fail = (status: number, error: string) =>
  Response.json({ error }, { status, headers: NO_STORE })

function ttlFrom(req: PayloadRequest): number | string {
  const raw = new URL(req.url ?? '/', 'http://localhost').searchParams.get('ttl')
  if (raw == null || raw === '') return DEFAULT_TTL_SECONDS
  const ttl = Number(raw)
  return Number.isInteger(ttl) && ttl >= 1 && ttl <= MAX_PREVIEW_TTL_SECONDS
    ? ttl
    : `ttl must be a whole number of seconds from 1 to ${MAX_PREVIEW_TTL_SECONDS}.`
}

/**
 * GET /api/<collection>/:id/preview-token[?ttl=seconds]: a short-lived token with which a frontend
 * shows the latest draft of one document through the public API. Staff only; the document is
 * read as the caller (their own access rules apply), so nobody previews what they cannot open.
 */
export function previewTokenEndpoint(target: Target): Endpoint {
  return {
    path: '/:id/preview-token',
    method: 'get',
    handler: async (req) => {
      const user = req.user
      if (!user) return fail(401, 'Sign in to preview drafts.')
      const broad = hasRole(user, ...target.roles)
      if (!broad && !hasRole(user, ...(target.coordinatorRoles ?? []))) {
        return fail(403, 'Your role cannot preview drafts of this collection.')
      }
      const ttl = ttlFrom(req)
      if (typeof ttl === 'string') return fail(400, ttl)
      const id = String(req.routeParams?.id ?? '')
      let doc: PreviewedDoc | null
      try {
        doc = (await req.payload.findByID({
          collection: target.collection,
          id,
          draft: true,
          depth: 0,
          user,
          overrideAccess: false,
          disableErrors: true,
          select: { name: true } as never,
          req,
        })) as PreviewedDoc | null
      } catch {
        doc = null // a malformed id is as unknown as a missing one
      }
      if (!doc) return fail(404, `No ${target.collection} document with id ${id}.`)
      if (!broad && !(await coordinatesGroup(req, doc.id))) {
        return fail(403, 'Only the coordinators of this group can preview it.')
      }
      const now = Date.now()
      const token = signPreviewToken(
        req.payload.secret,
        { collection: target.collection, id: doc.id },
        ttl,
        now,
      )
      return Response.json(
        {
          token,
          expiresAt: new Date((Math.floor(now / 1000) + ttl) * 1000).toISOString(),
          hint:
            `Send it as the haven-preview-token header, or as ` +
            `{ ${target.field}(slug: "any", previewToken: "<token>") { … } }: the token names the document.`,
        },
        { headers: NO_STORE },
      )
    },
  }
}

export const articlePreviewTokenEndpoint = previewTokenEndpoint({
  collection: 'articles',
  field: 'article',
  roles: ['admin', 'editor', 'reviewer'],
})

export const supportGroupPreviewTokenEndpoint = previewTokenEndpoint({
  collection: 'support-groups',
  field: 'supportGroup',
  roles: ['admin'],
  coordinatorRoles: ['coordinator'],
})
