/** Renders nothing: internal fields (fingerprints, import hashes) stay out of version diffs. */
export const NoDiff = () => null
