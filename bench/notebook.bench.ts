// Display: show() of a 1,000-period series and of a 100 × 100 cohort table (target: under 50 ms each,
// SVGs under 100 KB), against a hand-written loop that formats the same cells into an HTML table with
// one Intl.NumberFormat (no chart), and against JSON.stringify, what a notebook printed before.
import { byPeriod, type CohortRetentionResult, fold, npsAggregator } from 'cx-metrics'
import { show } from 'cx-metrics/notebook'
import { compare } from './_harness.ts'

export async function run(): Promise<void> {
  const days = Array.from({ length: 20_000 }, (_, i) => ({
    at: Date.UTC(2022, 0, 1) + (i % 1000) * 86_400_000,
    score: (i * 7) % 11,
  }))
  const series = fold(
    byPeriod(
      npsAggregator((d: (typeof days)[number]) => d.score),
      { date: (d) => d.at, unit: 'day' },
    ),
    days,
  )
  const cohorts = Array.from({ length: 100 }, (_, i) => ({
    period: { key: `c${i}`, start: i, end: i + 1, complete: true },
    size: 100,
    base: 100,
    cells: Array.from({ length: 100 }, (_, j) => ({
      value: j < 100 - i ? 1 - j / 150 : null,
      retained: null,
      complete: j < 100 - i,
    })),
  }))
  const table = {
    kind: 'table',
    kpi: 'cohortRetention',
    variant: {},
    unit: 'month',
    timeZone: 'UTC',
    basis: 'logo',
    criterion: 'n-period',
    cohorting: 'first',
    columns: Array.from({ length: 100 }, (_, j) => String(j)),
    cohorts,
    average: [],
    averageMethod: 'weighted',
    excluded: { missing: 0, invalid: 0 },
  } as unknown as CohortRetentionResult
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
