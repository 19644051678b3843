/**
 * Admin settings for bookkeeping fields that mean nothing to a person (fingerprints, import
 * hashes): not on the edit form, not offered as list columns or filters, not in version diffs.
 */
export const internalAdmin = {
  hidden: true,
  disableListColumn: true,
  disableListFilter: true,
  disableBulkEdit: true,
  components: { Diff: '/src/components/admin/NoDiff#NoDiff' },
} as const
