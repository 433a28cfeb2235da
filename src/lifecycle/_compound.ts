import { _number, _oneOf, _options } from '../core/_assert.ts'

/**
 * Options of {@link annualize} and {@link deannualize}.
 * @category Lifecycle
 */
export interface CompoundOptions {
  /**
   * Periods in a year: 12 for monthly rates, 4 for quarterly, 52 for weekly.
   * @defaultValue 12
   */
  readonly periodsPerYear?: number
  /**
   * Whether the rate is a loss (`'churn'`: 1 − (1 − r)^n) or what stays (`'retention'`: r^n).
   * @defaultValue 'churn'
   */
  readonly kind?: 'churn' | 'retention'
}

/** Compounds a rate over `power` periods (a fraction for the other direction). */
export function _compound(
  fn: string,
  rate: number | null,
  options: CompoundOptions | undefined,
  inverse: boolean,
): number | null {
  const o = _options(fn, options, ['periodsPerYear', 'kind'])
  const n =
    o.periodsPerYear === undefined
      ? 12
      : _number(fn, 'options.periodsPerYear', o.periodsPerYear, Number.MIN_VALUE)
  const kind = o.kind === undefined ? 'churn' : _oneOf(fn, 'options.kind', o.kind, ['churn', 'retention'])
  if (rate === null) return null
  _number(fn, 'rate', rate, 0, 1)
  const power = inverse ? 1 / n : n
  return kind === 'churn' ? 1 - (1 - rate) ** power : rate ** power
}
