// `cx-metrics/notebook`: display for analysts — Jupyter MIME bundles, SVG charts, HTML tables, rows for
// data-frame libraries and Vega-Lite specifications. The library's results stay plain JSON; this entry
// only reads them.
export type { DisplayOptions } from './displayOptions.ts'
export { type MimeBundle, type Shown, show } from './show.ts'
export { toHtml } from './toHtml.ts'
export { type ResultRow, toRows } from './toRows.ts'
export { toSvg } from './toSvg.ts'
export {
  toVegaLite,
  type VegaLiteData,
  type VegaLiteJson,
  type VegaLiteLayer,
  type VegaLiteSpec,
} from './toVegaLite.ts'
