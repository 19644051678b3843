import type { Field, FieldAccess, Validate } from 'payload'

type Options = { canRead: FieldAccess; canCreate: FieldAccess; validateUrl: Validate }

/**
 * Everything about a group that must never be public. Access sits on the enclosing group field,
 * so every child (and any field added here later) inherits it: Payload strips the whole group
 * from REST, its GraphQL and the Local API (with overrideAccess: false) for other callers.
 */
export function privateGroupFields({ canRead, canCreate, validateUrl }: Options): Field {
  return {
    name: 'private',
    type: 'group',
    label: 'Private details (coordinators and admins only)',
    access: { read: canRead, update: canRead, create: canCreate },
    fields: [
      { name: 'address', type: 'textarea', admin: { description: 'Exact meeting address.' } },
      { name: 'accessInstructions', type: 'textarea' },
      { name: 'meetingLink', type: 'text', validate: validateUrl },
      {
        name: 'meetingLinkIsPublic',
        type: 'checkbox',
        defaultValue: false,
        admin: {
          description:
            'Publish the meeting link in the public meeting feed. Leave off unless the group wants drop-ins.',
        },
      },
      {
        name: 'facilitatorContact',
        type: 'group',
        fields: [
          { name: 'name', type: 'text' },
          { name: 'phone', type: 'text' },
          { name: 'email', type: 'email' },
        ],
      },
      { name: 'internalNotes', type: 'textarea' },
    ],
  }
}
