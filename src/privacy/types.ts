export type PersonalDataKind = 'email' | 'phone' | 'address' | 'postcode' | 'url' | 'name'

/** One piece of likely personal data found in a text, with where it sits. */
export type Detection = {
  kind: PersonalDataKind
  match: string
  start: number
  end: number
  /** Why it was flagged, in words an editor understands. */
  message: string
}

export type DetectOptions = {
  /** Regions whose national phone formats are recognised (international formats always are). */
  phoneRegions?: string[]
  /** Organisational numbers that may be published, e.g. the crisis helplines (any format). */
  allowedPhones?: string[]
}
