import { APIError, ValidationError } from 'payload'

type FieldError = { path?: string; label?: unknown; message?: string }

const fieldName = (path: string) => {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The reason a save was refused, as one plain sentence or a few: the rules' own messages, each
 * once, instead of Payload's "The following fields are invalid (2): body body". Review messages
 * stand alone; any other gets the field's name in front ("Title: This field is required.").
 */
export function refusalMessage(err: unknown): string {
  if (err instanceof ValidationError) {
    const errors = ((err.data as { errors?: FieldError[] } | undefined)?.errors ?? []).filter(
      (e) => e.message,
    )
    const lines = errors.map((e) =>
      !e.path || e.path.startsWith('review') ? e.message! : `${fieldName(e.path)}: ${e.message}`,
    )
    const unique = [...new Set(lines)]
    if (unique.length > 0) return unique.join(' ')
  }
  if (err instanceof APIError || err instanceof Error) return err.message
  return 'The save was refused.'
}
