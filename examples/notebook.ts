// What an analyst sees in a notebook: every kind of result shown as a table and a chart. Run with
// `npx tsx examples/notebook.ts`; in a Deno Jupyter notebook, the last expression of a cell,
// `show(result)`, displays the same (examples/notebooks/cx-metrics.ipynb).
import { show, toRows, toVegaLite } from 'cx-metrics/notebook'
import { gallery } from './_gallery.ts'
import { loadCodeFrame, loadSampleData } from './_load.ts'

const results = gallery(loadSampleData(), loadCodeFrame())

for (const [name, result] of Object.entries(results)) {
  const shown = show(result, { locale: 'en-US' })
  const bundle = (shown as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for('Jupyter.display')
  ]?.()
  if (bundle === undefined || !bundle['text/html']?.includes('class="cxm"'))
    throw new Error(`${name}: no HTML`)
  console.log(`\n## ${name}\n${shown.text}`)
}

// The rows behind a chart, for arquero, polars or DuckDB.
const rows = toRows(results.npsByQuarter)
console.log(`\nnpsByQuarter as rows: ${rows.length} rows; the first: ${JSON.stringify(rows[0])}`)
console.log(
  `npsByQuarter as Vega-Lite: ${toVegaLite(results.npsByQuarter)
    ?.layer.map((l) => l.mark.type)
    .join(' + ')}`,
)
