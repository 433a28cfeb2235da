import { _number } from '../core/_assert.ts'

/**
 * Reverses a score on a scale `[min, max]`: min + max − score. The explicit transform for reading CES
 * 1.0 effort scores (1–5, lower is better) in the direction of CES 2.0 (higher is better): 6 − x. The
 * conversion is only approximate — the two questions differ — so a computation that uses it should say so.
 *
 * Source: spec §3.2.
 *
 * @example
 * ```ts
 * reverseScale(2, 1, 5) //=> 4
 * ```
 * @category Survey
 */
export function reverseScale(score: number, min: number, max: number): number {
  _number('reverseScale', 'min', min)
  _number('reverseScale', 'max', max, min)
  _number('reverseScale', 'score', score, min, max)
  return min + max - score
}
