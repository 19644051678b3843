/** What the rest of Haven uses of src/import: import it from here. */
export { importEndpoint } from './importEndpoint'
export { collectFiles, readImportFile } from './collectFiles'
export { importArticles } from './importArticles'
export type { ImportFinding, ImportOutcome } from './importArticles'
