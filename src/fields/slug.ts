import type { Field, FieldHook } from 'payload'

import { slugify } from '../lib/slugify'

type SlugOptions = { from: string; overrides?: Partial<Field> }

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A unique slug generated from another field when left empty, and editable afterwards, plus the
 * slugs a published item has had before, so that old links keep resolving after a rename.
 */
export function slugFields({ from, overrides = {} }: SlugOptions): Field[] {
  const generate: FieldHook = ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    const source = data?.[from] ?? originalDoc?.[from]
    return typeof source === 'string' ? slugify(source) : value
  }

  const rememberPreviousSlug: FieldHook = ({ value, originalDoc, data }) => {
    const history = Array.isArray(value) ? [...value] : []
    const previous = originalDoc?.slug
    const wasPublished = originalDoc?._status === 'published'
    if (wasPublished && previous && data?.slug && data.slug !== previous) {
      if (!history.some((entry: { slug?: string }) => entry?.slug === previous)) {
        history.push({ slug: previous })
      }
    }
    return history.filter((entry: { slug?: string }) => entry?.slug !== data?.slug)
  }

  return [
    {
      name: 'slug',
      type: 'text',
      index: true,
      unique: true,
      admin: { position: 'sidebar', description: `Generated from the ${from} when left empty.` },
      hooks: { beforeValidate: [generate] },
      validate: (value: unknown) =>
        value == null || value === '' || (typeof value === 'string' && SLUG_PATTERN.test(value))
          ? true
          : 'Use lower-case letters, digits and single hyphens.',
      ...overrides,
    } as Field,
    {
      name: 'previousSlugs',
      type: 'array',
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Slugs this item was published under before; they still lead here.',
      },
      hooks: { beforeChange: [rememberPreviousSlug] },
      fields: [{ name: 'slug', type: 'text', index: true }],
    },
  ]
}
