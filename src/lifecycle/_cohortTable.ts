// The cohort table of cohortRetention: the grid of periods over the data, and the table that customers'
// cohorts and activity runs are added to, finished into rows, cells and column averages.

import { _compareIds } from '../core/_order.ts'
import type { Variant } from '../core/result.ts'
import { _upper } from '../stats/_upper.ts'
import type { _Calendar } from '../time/_calendar.ts'
import type { CohortCell, CohortRetentionResult, CohortRetentionState, CohortRow } from './_cohortTypes.ts'
import { _major, type _SubscriptionConfig } from './_subscription.ts'

/** What a cohort table is built with: the resolved options of cohortRetention. */
export interface _CohortTableSpec {
  readonly config: _SubscriptionConfig
  readonly calendar: _Calendar
  readonly variant: Variant
  readonly range: readonly number[] | null
  readonly maxColumns: number
  readonly criterion: 'n-period' | 'unbounded' | 'bracket'
  readonly brackets: readonly [number, number][]
  readonly cohorting: 'first' | 'recurring'
  readonly basis: 'logo' | 'revenue'
  readonly averageMethod: 'weighted' | 'mean'
  readonly members: boolean
}

/** Period starts from the one containing `from` to the end of the one containing "now" (or the last data). */
export function _cohortGrid(spec: _CohortTableSpec, from: number, to: number): number[] {
  const { config, calendar, range } = spec
  if (from === Number.POSITIVE_INFINITY) return []
  const horizon = config.asOf === Number.POSITIVE_INFINITY ? to : config.asOf
  const start = calendar.startOf(range === null ? from : Math.max(from, range[0] as number))
  const bounds = [start]
  // Up to the period containing the last data, or the one in progress at asOf (none starts at asOf).
  const inside = (t: number): boolean =>
    config.asOf === Number.POSITIVE_INFINITY ? t <= horizon : t < horizon
  while (inside(bounds[bounds.length - 1] as number))
    bounds.push(calendar.next(bounds[bounds.length - 1] as number))
  return bounds
}

/** The table over a grid: `add` each customer's cohorts and activity runs, then `finish`. */
export function _cohortTable(
  spec: _CohortTableSpec,
  grid: number[],
): {
  add(id: string, firsts: readonly number[], runs: readonly number[], base: number): void
  cohort(c: number, size: number, base: number): void
  cells(c: number, k0: number, k1: number, weight: number): void
  finish(state: Pick<CohortRetentionState, 'excluded'>): CohortRetentionResult
} {
  const {
    config,
    calendar,
    variant,
    range,
    maxColumns,
    criterion,
    brackets,
    cohorting,
    basis,
    averageMethod,
    members,
  } = spec
  const periodCount = Math.max(0, grid.length - 1)
  const horizon = config.asOf === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : config.asOf
  const lastCohort =
    range === null ? periodCount - 1 : Math.min(periodCount - 1, _upper(grid, (range[1] as number) - 1) - 1)
  const cohortCount = Math.max(0, lastCohort + 1)
  const columns = Math.min(maxColumns, criterion === 'bracket' ? brackets.length : periodCount)
  const complete = (j: number): boolean => j < periodCount && (grid[j + 1] as number) <= horizon
  const sizes = new Array<number>(cohortCount).fill(0)
  const bases = new Array<number>(cohortCount).fill(0)
  // Rows are made for the cohorts that have customers (and, with a range, every cohort in it), so that
  // the table costs cohorts × columns of the data, not periods² of the span between its first and last date.
  const retained: (number[] | undefined)[] = new Array(cohortCount)
  const who: (string[][] | undefined)[] | null = members ? new Array(cohortCount) : null
  const row = (c: number): number[] => {
    let cells = retained[c]
    if (cells === undefined) {
      cells = new Array<number>(columns + 1).fill(0)
      retained[c] = cells
    }
    return cells
  }
  /** Marks columns k0…k1 of cohort c as retained (weight w), as a difference array. */
  const mark = (c: number, id: string, k0: number, k1: number, w: number): void => {
    const a = Math.max(0, k0)
    const b = Math.min(columns - 1, k1)
    if (a > b) return
    const cells = row(c)
    cells[a] = (cells[a] as number) + w
    cells[b + 1] = (cells[b + 1] as number) - w
    if (who !== null) {
      let lists = who[c]
      if (lists === undefined) {
        lists = Array.from({ length: columns }, (): string[] => [])
        who[c] = lists
      }
      for (let k = a; k <= b; k++) lists[k]?.push(id)
    }
  }
  /** Adds a customer: the cohorts it belongs to, and its activity as flat runs [from, to, weight, …]. */
  const add = (id: string, firsts: readonly number[], runs: readonly number[], base: number): void => {
    for (const c of firsts) {
      if (c < 0 || c >= cohortCount) continue
      sizes[c] = (sizes[c] as number) + 1
      bases[c] = (bases[c] as number) + base
      if (criterion === 'n-period') {
        for (let r = 0; r < runs.length; r += 3) {
          mark(c, id, (runs[r] as number) - c, (runs[r + 1] as number) - c, runs[r + 2] as number)
        }
      } else if (criterion === 'unbounded') {
        let lastActive = -1
        for (let r = 1; r < runs.length; r += 3)
          if ((runs[r] as number) >= c) lastActive = Math.max(lastActive, runs[r] as number)
        if (lastActive >= c) mark(c, id, 0, lastActive - c, 1)
      } else {
        brackets.forEach(([a, b], k) => {
          for (let r = 0; r < runs.length; r += 3) {
            if ((runs[r] as number) <= c + b && (runs[r + 1] as number) >= c + a) {
              mark(c, id, k, k, 1)
              return
            }
          }
        })
      }
    }
  }
  /** Adds `size` customers to cohort c, with their base, as a warehouse query counted them. */
  const cohort = (c: number, size: number, base: number): void => {
    if (c < 0 || c >= cohortCount) return
    sizes[c] = (sizes[c] as number) + size
    bases[c] = (bases[c] as number) + base
  }
  /** Marks columns k0…k1 of cohort c as retained with `weight`, as a warehouse query counted them. */
  const cells = (c: number, k0: number, k1: number, weight: number): void => {
    if (c >= 0 && c < cohortCount) mark(c, '', k0, k1, weight)
  }
  const finish = (state: Pick<CohortRetentionState, 'excluded'>): CohortRetentionResult => {
    const scale = (x: number): number => (basis === 'revenue' ? _major(x, config) : x)
    const cohorts: CohortRow[] = []
    const sums = Array.from({ length: columns }, () => ({ retained: 0, size: 0, values: 0, cohorts: 0 }))
    for (let c = 0; c < cohortCount; c++) {
      // A cohort without customers has no row, unless a range asks for every period in it.
      if ((sizes[c] as number) === 0 && range === null) continue
      const start = grid[c] as number
      const end = grid[c + 1] as number
      const cells: CohortCell[] = []
      const marks = retained[c]
      const lists = who?.[c]
      let running = 0
      for (let k = 0; k < columns; k++) {
        running += marks === undefined ? 0 : (marks[k] as number)
        const lastPeriod =
          criterion === 'bracket' ? c + ((brackets[k] as [number, number])[1] as number) : c + k
        const done = complete(lastPeriod)
        const base = bases[c] as number
        const value = done && base > 0 ? running / base : null
        const cell: CohortCell = { value, retained: done ? scale(running) : null, complete: done }
        cells.push(
          who === null
            ? cell
            : {
                ...cell,
                members: done && lists !== undefined ? (lists[k] as string[]).sort(_compareIds) : [],
              },
        )
        if (value !== null) {
          const s = sums[k] as { retained: number; size: number; values: number; cohorts: number }
          s.retained += running
          s.size += base
          s.values += value
          s.cohorts++
        }
      }
      cohorts.push({
        period: { key: calendar.key(start), start, end, complete: end <= horizon },
        size: sizes[c] as number,
        base: scale(bases[c] as number),
        cells,
      })
    }
    return {
      kind: 'table',
      kpi: 'cohortRetention',
      variant,
      unit: calendar.unit,
      timeZone: calendar.timeZone,
      basis,
      criterion,
      cohorting,
      columns: Array.from({ length: columns }, (_, k) =>
        criterion === 'bracket' ? _bracketLabel(brackets[k] as [number, number]) : String(k),
      ),
      cohorts,
      average: sums.map((s) => ({
        value:
          s.cohorts === 0 ? null : averageMethod === 'weighted' ? s.retained / s.size : s.values / s.cohorts,
        cohorts: s.cohorts,
        size: scale(s.size),
      })),
      averageMethod,
      excluded: { ...state.excluded },
    }
  }
  return { add, cohort, cells, finish }
}

export const _bracketLabel = ([a, b]: [number, number]): string => (a === b ? String(a) : `${a}–${b}`)

/** For recurring cohorts from subscriptions: every period in which the customer was active at the end. */
export function _cohortsOfRuns(runs: readonly number[], start: number): number[] {
  const out = [start]
  for (let r = 0; r < runs.length; r += 3) {
    for (let j = Math.max(runs[r] as number, start + 1); j <= (runs[r + 1] as number); j++) out.push(j)
  }
  return out
}
