import type { RequestContext } from 'payload'

/**
 * Every flag Haven passes between the parts of one request through Payload's `req.context`, with
 * its value type. Payload types that context as an open string map, so a misspelt key compiles and
 * reads as unset; reading and writing through these functions makes the key and value checked.
 * tests/unit/requestFlags.test.ts fails when code touches `req.context` any other way.
 */
export type RequestFlags = {
  /** Set by Payload itself while it restores a version. */
  isRestoringVersion: boolean
  /** Server-side writes (seed, import, benchmarks) that are not an editor's action. */
  seed: boolean
  skipContentChecks: boolean
  skipReviewWorkflow: boolean
  /** No content-change event (and so no webhook) for this write. */
  skipContentChange: boolean
  /** The import indexes signatures itself, once, after the batch. */
  skipDuplicateIndex: boolean
  /** The nested save refreshRelatedArticles makes; it must not start another round. */
  refreshingRelated: boolean
  /** Join requests removed by the retention job, not by a person. */
  retention: boolean
  /** The article the unpublish endpoint is taking down, and the reason it was given. */
  havenUnpublish: string | number
  havenUnpublishReason: string
  /** The document (id, or the global's slug) whose review state a revert may carry over. */
  havenRevert: string
  /** The deletion a caller explained; see src/contentDeletion/reason.ts. */
  havenDeleteReason: { id: string; reason: string }
  /** A reset started by Haven's own forgot-password endpoint, already throttled there. */
  havenForgotPasswordEndpoint: boolean
}

export type RequestFlagName = keyof RequestFlags

type WithContext = { context?: RequestContext }

export function readFlag<K extends RequestFlagName>(
  req: WithContext,
  name: K,
): RequestFlags[K] | undefined {
  return req.context?.[name] as RequestFlags[K] | undefined
}

export function setFlag<K extends RequestFlagName>(
  req: { context: RequestContext },
  name: K,
  value: RequestFlags[K],
): void {
  req.context[name] = value
}

export function clearFlag(req: { context: RequestContext }, name: RequestFlagName): void {
  delete req.context[name]
}

/** A context for a Local API call; an unknown key or a wrong value type fails the type check. */
export function requestFlags(values: Partial<RequestFlags>): RequestContext {
  return { ...values }
}
