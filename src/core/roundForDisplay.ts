import { _integer } from './_assert.ts'

/**
 * Rounds a KPI value for display, half away from zero: −12.5 → −13 and 12.5 → 13 (JavaScript's
 * `Math.round(-12.5)` gives −12, which is wrong for a negative NPS). Works on the decimal digits as
 * written, so 1.005 rounds to 1.01 at two digits. `null` stays `null`. Values in results are never
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
  _integer('roundForDisplay', 'digits', digits, 0, 15)
  if (value === null || !Number.isFinite(value)) return value
  const magnitude = Math.abs(value)
  const rounded = Number(`${Math.round(Number(`${magnitude}e${digits}`))}e-${digits}`)
  return value < 0 ? -rounded : rounded
}
