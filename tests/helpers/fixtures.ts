import type { Payload } from 'payload'

import { toLexical } from '../../src/lib/lexical'

type Role = 'admin' | 'editor' | 'reviewer' | 'coordinator'

let counter = 0

export async function createUser(payload: Payload, roles: Role[], displayName?: string) {
  counter += 1
  return payload.create({
    collection: 'users',
    data: {
      email: `${roles.join('-')}-${counter}-${Date.now()}@example.test`,
      password: 'correct-horse-battery-staple',
      roles,
      displayName: displayName ?? `${roles[0]} ${counter}`,
    },
  })
}

export const body = (...paragraphs: string[]) =>
  toLexical(paragraphs.map((text) => ({ type: 'paragraph' as const, text })))
