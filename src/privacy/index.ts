/** What the rest of Haven uses of src/privacy: import it from here. */
export { showFindings } from './showFindings'
export { detectPersonalData, phoneRegions } from './detectPersonalData'
export { publicTexts, richTextForScan } from './publicTexts'
