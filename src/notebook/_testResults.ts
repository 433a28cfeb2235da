// Large results for the display's size tests and its benchmark: NPS over 1,000 daily periods, and a
// triangular cohort table of n cohorts × n periods (the cohorts of the last periods are immature).
import { fold } from '../core/fold.ts'
import type { CohortRetentionResult } from '../lifecycle/_cohortTypes.ts'
import type { NpsResult } from '../survey/nps.ts'
import { npsAggregator } from '../survey/nps.ts'
import type { PeriodSeries } from '../time/_series.ts'
import { byPeriod } from '../time/byPeriod.ts'

/** NPS by day over 1,000 days from 2020-01-01 UTC, `perDay` answers a day. */
export function _dailyNps(perDay = 1): PeriodSeries<NpsResult> {
  const days = Array.from({ length: 1000 * perDay }, (_, i) => ({
    at: Date.UTC(2020, 0, 1) + (i % 1000) * 86_400_000,
    score: (i * 7) % 11,
  }))
  return fold(
    byPeriod(
      npsAggregator((d: (typeof days)[number]) => d.score),
      { date: (d) => d.at, unit: 'day' },
    ),
    days,
  )
}

/** A cohort table of the given cohorts (period key, size and cells), columns numbered from 0. */
export function _cohortResult(
  cohorts: readonly {
    key: string
    size: number
    cells: readonly { value: number | null; complete: boolean }[]
  }[],
): CohortRetentionResult {
  const width = Math.max(0, ...cohorts.map((c) => c.cells.length))
  return {
    kind: 'table',
    kpi: 'cohortRetention',
    variant: {},
    unit: 'month',
    timeZone: 'UTC',
    basis: 'logo',
    criterion: 'n-period',
    cohorting: 'first',
    columns: Array.from({ length: width }, (_, j) => String(j)),
    cohorts: cohorts.map((c, i) => ({
      period: { key: c.key, start: i, end: i + 1, complete: true },
      size: c.size,
      base: c.size,
      // In the library's own field order, so that the cells have the shape real cohort tables have.
      cells: c.cells.map((x) => ({
        value: x.value,
        retained: x.value === null ? null : x.value * c.size,
        complete: x.complete,
      })),
    })),
    average: [],
    averageMethod: 'weighted',
    excluded: { missing: 0, invalid: 0 },
  } as unknown as CohortRetentionResult
}

/** A cohort table of `n` cohorts by `n` periods, retention falling with noise, immature past the diagonal. */
export function _cohortTable(n = 100): CohortRetentionResult {
  return _cohortResult(
    Array.from({ length: n }, (_, i) => ({
      key: `c${i}`,
      size: 100,
      cells: Array.from({ length: n }, (_, j) => ({
        value: j < n - i ? Math.max(0, 1 - j / (1.2 * n) - ((i * 13 + j * 7) % 10) / 100) : null,
        complete: j < n - i,
      })),
    })),
  )
}
