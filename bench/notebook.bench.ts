// Display: show() of a 1,000-period series and of a 100 × 100 cohort table (target: under 50 ms each,
// SVGs under 100 KB), against a hand-written loop that formats the same cells into an HTML table with
// one Intl.NumberFormat (no chart), and against JSON.stringify, what a notebook printed before.
import { show } from 'cx-metrics/notebook'
import { _cohortTable, _dailyNps } from '../src/notebook/_testResults.ts'
import { compare } from './_harness.ts'

export async function run(): Promise<void> {
  const series = _dailyNps(20)
  const table = _cohortTable(100)
  const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
  const hand = () => {
    let html = '<table>'
    for (const p of series.periods)
      html += `<tr><th>${p.period.key}</th><td>${p.result.value === null ? '—' : format.format(p.result.value)}</td><td>${p.result.n}</td></tr>`
    return `${html}</table>`
  }
  const sizes = { series: show(series).svg?.length ?? 0, cohorts: show(table).svg?.length ?? 0 }
  await compare({
    title: `show() of a 1,000-period series (SVG ${(sizes.series / 1024).toFixed(1)} KB) and a 100 × 100 cohort table (SVG ${(sizes.cohorts / 1024).toFixed(1)} KB); target under 50 ms each`,
    baseline: 'hand-written HTML table of the series',
    cases: {
      'hand-written HTML table of the series': hand,
      'JSON.stringify(series)': () => JSON.stringify(series),
      'show(series)': () => show(series),
      'show(cohort table)': () => show(table),
    },
  })
}
