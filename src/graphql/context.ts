import type { Payload } from 'payload'

import { createLoaders, type Loaders } from './loaders'

export type HavenContext = {
  payload: Payload
  loaders: Loaders
  /** From the `haven-preview-token` header; a `previewToken` argument takes precedence. */
  previewToken: string | null
  /** One clock per request, so every nextMeetings in a response agrees. */
  now: Date
  /** The client's address (per-IP limits such as join requests); null outside HTTP. */
  ip: string | null
}

type ContextInput = {
  payload: Payload
  headers?: { get(name: string): string | null | undefined }
  ip?: string | null
}

/** A fresh context, loaders included, for every request. */
export async function createContext({ payload, headers, ip }: ContextInput): Promise<HavenContext> {
  return {
    payload,
    loaders: createLoaders(payload),
    previewToken: headers?.get('haven-preview-token') ?? null,
    now: new Date(),
    ip: ip ?? null,
  }
}
