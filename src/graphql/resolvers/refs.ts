type Ref = number | string | { id: number | string } | null | undefined

/** The id of a relationship value read at depth 0 (or populated, should that ever happen). */
export const idOf = (ref: Ref) => (ref == null ? null : typeof ref === 'object' ? ref.id : ref)

export const idsOf = (refs: Ref[] | null | undefined) =>
  (refs ?? []).map(idOf).filter((id): id is number | string => id != null)
