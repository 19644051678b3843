const path = '/src/privacy/components/FieldFindings#FieldFindings'

/**
 * Admin settings that list a field's content-check findings right under it. Text fields take
 * them after the input; rich text has no such slot, so there they stand in for the description
 * (and show it, when given).
 */
export function showFindings(field: string, options: { richText?: boolean } = {}) {
  return options.richText
    ? { components: { Description: { path, clientProps: { field } } } }
    : { components: { afterInput: [{ path, clientProps: { field } }] } }
}
