import { _integer, _rangeError, _typeError } from './_assert.ts'

/**
 * Rounds a KPI value for display, half away from zero: −12.5 → −13 and 12.5 → 13 (JavaScript's
 * `Math.round(-12.5)` gives −12, which is wrong for a negative NPS). Works on the decimal digits as
 * written, so 1.005 rounds to 1.01 at two digits, and 1e-7 to 0. `null` stays `null`; NaN and ±Infinity are
 * a RangeError. Values in results are never
 * rounded; round only when you show them.
 *
 * Source: spec §0 (precision and rounding).
 *
 * @example
 * ```ts
 * roundForDisplay(-12.5)    //=> -13
 * roundForDisplay(69.1589)  //=> 69
 * roundForDisplay(0.6916, 3) //=> 0.692
 * ```
 * @category Core
 */
export function roundForDisplay(value: number | null, digits = 0): number | null {
  const fn = 'roundForDisplay'
  _integer(fn, 'digits', digits, 0, 15)
  if (value === null) return null
  if (typeof value !== 'number') throw _typeError(fn, 'value', 'a number or null', value)
  if (!Number.isFinite(value)) throw _rangeError(fn, 'value', 'a finite number or null', value)
  const magnitude = Math.abs(value)
  const scaled = shift(magnitude, digits)
  // A number with no digits below the one asked for is already rounded (and 2⁵³ has none).
  if (scaled >= 2 ** 52) return value
  const rounded = shift(Math.round(scaled), -digits)
  return value < 0 ? -rounded : rounded
}

/** x × 10^by, exactly as decimal notation moves the point (so that 1.005 × 100 is 100.5, not 100.49…). */
function shift(x: number, by: number): number {
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string]
  return Number(`${mantissa}e${Number(exponent) + by}`)
}
