import { _oneOf, _options, _typeError } from '../core/_assert.ts'
import type { PeriodSeries } from './_series.ts'
import type { PeriodInfo } from './byPeriod.ts'
import { type Comparable, type Comparison, compare, type Measure } from './compare.ts'
import { parsePeriodKey } from './parsePeriodKey.ts'

/**
 * Options of {@link comparePeriods}.
 * @category Time
 */
export interface ComparePeriodsOptions {
  /**
   * Which period each one is compared with: the one before (month over month, quarter over quarter)
   * or the same period a year earlier (year over year).
   * @defaultValue 'previous'
   */
  readonly against?: 'previous' | 'year-ago'
  /** Overrides the results' own `measure`. */
  readonly measure?: Measure
  /**
   * Confidence level of the intervals of the differences.
   * @defaultValue 0.95
   */
  readonly level?: number
}

/**
 * One period compared with another.
 * @category Time
 */
export interface PeriodComparison {
  /** The period. */
  readonly period: PeriodInfo
  /** The key of the period it is compared with, or `null` when that period is not in the result. */
  readonly against: string | null
  /** The comparison, or `null` without a period to compare with. */
  readonly comparison: Comparison | null
}

/** The key of the same period one year earlier, or null when the unit has none. */
function yearAgo(key: string): string | null {
  const parsed = parsePeriodKey(key)
  if (parsed.unit === 'n-days') return null
  const year = String(parsed.year - 1).padStart(4, '0')
  return key.startsWith('FY') ? `FY${year}${key.slice(6)}` : `${year}${key.slice(4)}`
}

/**
 * Compares every period of a series — a {@link byPeriod} result, or a KPI's over a `range` such as
 * `churnRate(subscriptions, { range, unit: 'month' })` — with the period before it, or with the same
 * period a year earlier, using {@link compare}: "NPS this quarter vs last", "CSAT month over month",
 * "revenue year over year". Periods with nothing to compare with have `comparison: null`; a year-ago
 * day 29 February, week 53 or n-day bucket has none.
 *
 * @example
 * ```ts
 * const quarterly = byPeriod(npsAggregator((r: Row) => r.nps), { date: (r) => r.at, unit: 'quarter' })
 * comparePeriods(fold(quarterly, rows))
 * // [{ period: { key: '2024-Q1', … }, against: null, comparison: null },
 * //  { period: { key: '2024-Q2', … }, against: '2024-Q1', comparison: { change, test: { pValue, … } } }, …]
 * ```
 * @category Time
 */
export function comparePeriods<Out extends Comparable>(
  result: PeriodSeries<Out, string, string>,
  options?: ComparePeriodsOptions,
): PeriodComparison[] {
  const fn = 'comparePeriods'
  if (result === null || typeof result !== 'object' || !Array.isArray(result.periods)) {
    throw _typeError(fn, 'result', 'a series (a result of byPeriod, or of a KPI over a `range`)', result)
  }
  const o = _options(fn, options, ['against', 'measure', 'level'])
  const against =
    o.against === undefined ? 'previous' : _oneOf(fn, 'options.against', o.against, ['previous', 'year-ago'])
  const compareOptions = {
    ...(o.measure === undefined ? {} : { measure: o.measure }),
    ...(o.level === undefined ? {} : { level: o.level }),
  }
  const byKey = new Map(result.periods.map((row) => [row.period.key, row.result]))
  return result.periods.map((row, i) => {
    const otherKey =
      against === 'previous' ? (result.periods[i - 1]?.period.key ?? null) : yearAgo(row.period.key)
    const other = otherKey === null ? undefined : byKey.get(otherKey)
    return {
      period: row.period,
      against: other === undefined ? null : otherKey,
      comparison: other === undefined ? null : compare(row.result, other, compareOptions),
    }
  })
}
