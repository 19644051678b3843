/** Import-map path of the list title cell that falls back to the English title, marked. */
export const FALLBACK_TITLE_CELL = '/src/components/locale/FallbackTitleCell#FallbackTitleCell'
