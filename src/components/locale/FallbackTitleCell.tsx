import type { CollectionSlug, DefaultServerCellComponentProps } from 'payload'

/**
 * The title column of a list in a locale the document is not translated into yet: Payload's list
 * reads without fallback and would say "<No Title>", so the English title is shown instead,
 * marked "(English)", still linking to the document.
 */
export async function FallbackTitleCell(props: DefaultServerCellComponentProps) {
  const { cellData, collectionSlug, field, payload, rowData, link, linkURL } = props
  const name = 'name' in field ? field.name : 'title'
  let text = typeof cellData === 'string' && cellData.trim() ? cellData : null
  let fellBack = false
  if (!text && rowData?.id != null) {
    const english = (await payload
      .findByID({
        collection: collectionSlug as CollectionSlug,
        id: rowData.id,
        locale: 'en',
        fallbackLocale: false,
        draft: true,
        depth: 0,
        disableErrors: true,
        select: { [name]: true },
      })
      .catch(() => null)) as Record<string, unknown> | null
    const value = english?.[name]
    if (typeof value === 'string' && value.trim()) {
      text = value
      fellBack = true
    }
  }
  const label = (
    <>
      {text ?? 'Untitled'}
      {fellBack ? (
        <span className="haven-fallback" style={{ opacity: 0.7 }}>
          {' '}
          (English)
        </span>
      ) : null}
    </>
  )
  if (!link) return <span>{label}</span>
  const href =
    linkURL ?? `${payload.config.routes.admin}/collections/${collectionSlug}/${rowData.id}`
  return <a href={href}>{label}</a>
}
