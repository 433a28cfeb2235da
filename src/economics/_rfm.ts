import { _typeError } from '../core/_assert.ts'

/**
 * What the models read of a customer: x, t_x, T and, for spend, m_x — an {@link RfmCustomer} or any
 * object with these fields.
 * @category Economics
 */
export interface RfmInput {
  /** x: repeat purchase occasions. */
  readonly frequency: number
  /** t_x: time of the last repeat purchase since the first (0 when x = 0). */
  readonly recency: number
  /** T: time from the first purchase to the end of calibration. */
  readonly T: number
  /** m_x: mean value of the repeat purchases (for spend models). */
  readonly monetaryValue?: number
}

/**
 * A summary as the fits take it: the rows, or an {@link RfmSummaryResult}.
 * @category Economics
 */
export type RfmRows = Iterable<RfmInput> | RfmTable

/**
 * A summary with its unit, as {@link rfmSummary} returns it.
 * @category Economics
 */
export interface RfmTable {
  /** The customers' rows. */
  readonly customers: readonly RfmInput[]
  /** Days per time unit. */
  readonly unitDays?: number
}

/** The rows of a summary and its unit, if it says. */
export function _rows(fn: string, summary: RfmRows): { rows: RfmInput[]; unitDays: number | null } {
  if (
    summary !== null &&
    typeof summary === 'object' &&
    'customers' in summary &&
    Array.isArray(summary.customers)
  ) {
    return {
      rows: summary.customers,
      unitDays: typeof summary.unitDays === 'number' ? summary.unitDays : null,
    }
  }
  if (summary === null || typeof (summary as Iterable<RfmInput>)?.[Symbol.iterator] !== 'function') {
    throw _typeError(
      fn,
      'summary',
      'an iterable of { frequency, recency, T } or an rfmSummary result',
      summary,
    )
  }
  return { rows: [...(summary as Iterable<RfmInput>)], unitDays: null }
}

/** Whether a customer's x, t_x, T are usable: x a whole number ≥ 0, 0 ≤ t_x ≤ T, T > 0, t_x = 0 when x = 0. */
export function _validCustomer(c: RfmInput | null | undefined): boolean {
  if (c === null || c === undefined) return false
  const { frequency: x, recency: tx, T } = c
  return (
    typeof x === 'number' &&
    Number.isInteger(x) &&
    x >= 0 &&
    typeof tx === 'number' &&
    typeof T === 'number' &&
    Number.isFinite(T) &&
    T > 0 &&
    tx >= 0 &&
    tx <= T &&
    (x > 0 || tx === 0)
  )
}

/** Checks one customer argument of a prediction. */
export function _customerArgument(fn: string, c: RfmInput): void {
  if (!_validCustomer(c)) {
    throw _typeError(
      fn,
      'customer',
      'an object { frequency (whole, ≥ 0), recency (0…T, 0 when frequency is 0), T (> 0) }',
      c,
    )
  }
}
