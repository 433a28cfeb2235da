import { _number, _oneOf, _options, _typeError } from '../core/_assert.ts'

/**
 * The parts of a revenue cohort table that {@link cohortLifetimeValue} reads — the result of
 * `cohortRetention(…, { basis: 'revenue' })`.
 * @category Economics
 */
export interface RevenueCohortTable {
  /** Must be `'revenue'`. */
  readonly basis: string
  /** Column labels. */
  readonly columns: readonly string[]
  /** The cohorts. */
  readonly cohorts: readonly {
    /** The cohort's period. */
    readonly period: {
      /** The cohort's period key. */
      readonly key: string
    }
    /** Customers acquired. */
    readonly size: number
    /** Cells: the cohort's MRR at the end of each period (`retained`), null while immature. */
    readonly cells: readonly {
      /** The cohort's MRR at the end of the period (major units), or null. */
      readonly retained: number | null
      /** Whether the period is over. */
      readonly complete: boolean
    }[]
  }[]
}

/**
 * Options of {@link cohortLifetimeValue}.
 * @category Economics
 */
export interface CohortLifetimeValueOptions {
  /** Gross margin, 0…1; without it the values are revenue. */
  readonly margin?: number
  /**
   * How cohorts are averaged per column: weighted by cohort size (the default) or the simple mean.
   * @defaultValue 'weighted'
   */
  readonly average?: 'weighted' | 'mean'
}

/**
 * The result of {@link cohortLifetimeValue}.
 * @category Economics
 */
export interface CohortLifetimeValueResult {
  /** Always `'table'`: one row per cohort, one column per period since acquisition. */
  readonly kind: 'table'
  /** Always `'cohortLifetimeValue'`. */
  readonly kpi: 'cohortLifetimeValue'
  /** Revenue or gross margin. */
  readonly basis: 'revenue' | 'gross-margin'
  /** Column labels (periods since acquisition). */
  readonly columns: string[]
  /** Per cohort: cumulative value per acquired customer after each period, null once immature. */
  readonly cohorts: {
    /** The cohort's period key. */
    readonly key: string
    /** Customers acquired. */
    readonly size: number
    /** Cumulative value per acquired customer after each period; null from the first immature cell. */
    readonly cumulative: (number | null)[]
  }[]
  /** Per column: the average over cohorts whose cell is complete, or null. */
  readonly average: (number | null)[]
}

/**
 * Empirical cohort LTV: the cumulative revenue (or gross margin) per acquired customer by periods since
 * acquisition — the cohort's MRR in each period, summed and divided by the customers it acquired. It
 * needs no churn assumption: it is what each cohort has actually been worth so far, and the column
 * averages show the curve a new customer can be expected to follow (a16z prefers these 12- and 24-month
 * values to a formula when data are short).
 *
 * Input: a revenue cohort table from `cohortRetention(subscriptions, { basis: 'revenue', … })`
 * with monthly periods (each cell counts one month of MRR). Immature cells end a cohort's curve.
 *
 * @example
 * ```ts
 * const table = cohortRetention(subscriptions, { unit: 'month', basis: 'revenue', asOf })
 * cohortLifetimeValue(table, { margin: 0.8 }).average // [m0, m0 + m1, …]
 * ```
 * @category Economics
 */
export function cohortLifetimeValue(
  table: RevenueCohortTable,
  options?: CohortLifetimeValueOptions,
): CohortLifetimeValueResult {
  const fn = 'cohortLifetimeValue'
  if (
    table === null ||
    typeof table !== 'object' ||
    table.basis !== 'revenue' ||
    !Array.isArray(table.cohorts)
  ) {
    throw _typeError(fn, 'table', "a cohortRetention result with basis 'revenue'", table)
  }
  const o = _options(fn, options, ['margin', 'average'])
  const margin = o.margin === undefined ? 1 : _number(fn, 'options.margin', o.margin, 0, 1)
  const average =
    o.average === undefined ? 'weighted' : _oneOf(fn, 'options.average', o.average, ['weighted', 'mean'])
  const columns = table.columns.slice()
  const sums = columns.map(() => ({ value: 0, size: 0, count: 0 }))
  const cohorts = table.cohorts.map((c) => {
    let running = 0
    let open = true
    const cumulative = columns.map((_, k) => {
      const cell = c.cells[k]
      if (!open || cell === undefined || !cell.complete || cell.retained === null || c.size === 0) {
        open = false
        return null
      }
      running += cell.retained * margin
      const perCustomer = running / c.size
      const s = sums[k] as { value: number; size: number; count: number }
      s.value += average === 'weighted' ? running : perCustomer
      s.size += c.size
      s.count++
      return perCustomer
    })
    return { key: c.period.key, size: c.size, cumulative }
  })
  return {
    kind: 'table',
    kpi: 'cohortLifetimeValue',
    basis: o.margin === undefined ? 'revenue' : 'gross-margin',
    columns,
    cohorts,
    average: sums.map((s) =>
      s.count === 0 ? null : average === 'weighted' ? s.value / s.size : s.value / s.count,
    ),
  }
}
