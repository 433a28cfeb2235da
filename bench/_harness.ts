// A small layer over mitata's `measure`: runs named cases side by side and prints their median times
// and their ratio to a baseline (the hand-written loop), with the target an issue sets, if any.
import { do_not_optimize, measure } from 'mitata'

export interface Comparison {
  readonly title: string
  /** The case the ratios are taken against. */
  readonly baseline: string
  readonly cases: Record<string, () => unknown>
  /** Targets: case name → highest allowed ratio to the baseline. */
  readonly targets?: Record<string, number>
}

export interface Measured {
  readonly title: string
  readonly rows: {
    name: string
    medianMs: number
    ratio: number
    target: number | null
    met: boolean | null
  }[]
}

const format = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4))

/**
 * Each case is measured in several interleaved rounds and keeps its best median: on a shared 2-core
 * machine the same case can run twice as slow in one round as in the next, and interference only ever
 * adds time.
 */
export async function compare(comparison: Comparison, rounds = 3): Promise<Measured> {
  const medians: Record<string, number> = {}
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(comparison.cases)) {
      const stats = await measure(() => do_not_optimize(fn()), { min_cpu_time: 5e8, max_samples: 100 })
      medians[name] = Math.min(medians[name] ?? Number.POSITIVE_INFINITY, stats.p50 / 1e6)
    }
  }
  const base = medians[comparison.baseline] as number
  const rows = Object.entries(medians).map(([name, medianMs]) => {
    const target = comparison.targets?.[name] ?? null
    const ratio = medianMs / base
    return { name, medianMs, ratio, target, met: target === null ? null : ratio <= target }
  })
  console.log(`\n### ${comparison.title}\n`)
  console.log('| case | best median | ratio to baseline | target |')
  console.log('| --- | ---: | ---: | --- |')
  for (const row of rows) {
    const target = row.target === null ? '' : `≤ ${row.target}× ${row.met ? '✓' : '✗ missed'}`
    console.log(`| ${row.name} | ${format(row.medianMs)} ms | ${row.ratio.toFixed(2)}× | ${target} |`)
  }
  return { title: comparison.title, rows }
}
