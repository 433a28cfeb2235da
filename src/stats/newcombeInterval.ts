import { _level, _options } from '../core/_assert.ts'
import type { ConfidenceInterval } from '../core/result.ts'
import { _proportionSample, type ProportionSample } from './_sample.ts'
import { wilsonInterval } from './wilsonInterval.ts'

/**
 * Options of {@link newcombeInterval}.
 * @category Statistics
 */
export interface NewcombeIntervalOptions {
  /**
   * Confidence level.
   * @defaultValue 0.95
   */
  readonly level?: number
}

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions p₁ − p₂, built
 * from the two Wilson intervals (l₁, u₁) and (l₂, u₂):
 * [d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)]. Unit: proportion (−1…1).
 * `null` when either sample is empty.
 *
 * Source: R. G. Newcombe, Statistics in Medicine 17 (1998), method 10; spec §15.
 *
 * @example
 * ```ts
 * newcombeInterval({ successes: 74, trials: 107 }, { successes: 60, trials: 100 })
 * //=> { lower: -0.0382, upper: 0.2178, level: 0.95, method: 'newcombe' } (rounded)
 * ```
 * @category Statistics
 */
export function newcombeInterval(
  a: ProportionSample,
  b: ProportionSample,
  options?: NewcombeIntervalOptions,
): ConfidenceInterval | null {
  const fn = 'newcombeInterval'
  _proportionSample(fn, 'a', a)
  _proportionSample(fn, 'b', b)
  const o = _options(fn, options, ['level'])
  const level = o.level === undefined ? 0.95 : _level(fn, o.level)
  const first = wilsonInterval(a.successes, a.trials, { level })
  const second = wilsonInterval(b.successes, b.trials, { level })
  if (first === null || second === null) return null
  const p1 = a.successes / a.trials
  const p2 = b.successes / b.trials
  const difference = p1 - p2
  return {
    lower: difference - Math.hypot(p1 - first.lower, second.upper - p2),
    upper: difference + Math.hypot(first.upper - p1, p2 - second.lower),
    level,
    method: 'newcombe',
  }
}
