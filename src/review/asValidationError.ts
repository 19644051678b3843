import { ValidationError } from 'payload'

import { ReviewRefusal } from './types'

/**
 * Runs a step of the review workflow and turns its refusal into the ValidationError the admin
 * shows on the field. The label lands in the error's headline too, so toasts, API clients and
 * scheduled-job logs all say why.
 */
export async function asValidationError<T>(
  step: () => Promise<T>,
  target: { collection: string } | { global: string } = { collection: 'articles' },
): Promise<T> {
  try {
    return await step()
  } catch (err) {
    if (!(err instanceof ReviewRefusal)) throw err
    throw new ValidationError({
      ...target,
      errors: [{ path: err.path, label: `Clinical review: ${err.message}`, message: err.message }],
    })
  }
}
