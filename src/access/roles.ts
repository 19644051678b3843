import type { PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'reviewer', 'coordinator'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = PayloadRequest['user'] | null | undefined

/** True when the signed-in user holds any of the given roles. */
export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  const held = ((user as { roles?: Role[] } | null | undefined)?.roles ?? []) as Role[]
  return held.some((role) => roles.includes(role))
}

/**
 * Clinical authority: reviewers, and admins. They approve, override content-check findings and
 * correct what live content shows; the review step never lets them approve their own text.
 */
export function isReviewer(user: MaybeUser): boolean {
  return hasRole(user, 'admin', 'reviewer')
}
