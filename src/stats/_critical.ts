import { _normalSeries, _normalUpperTail, normalCdf } from './normalCdf.ts'

/**
 * The two-sided critical value z_{1−α/2} of a confidence level: the z ≥ 0 with Φ(z) = ½ + level / 2.
 *
 * Written apart from `normalQuantile` so that a KPI's interval carries only the half of the normal
 * distribution it needs. Start: Abramowitz & Stegun 26.2.23 (error < 4.5e-4); then Halley steps on
 * Φ, measured from below by Marsaglia's series (no cancellation for z ≥ 0) and from above, past 3,
 * by the upper tail against (1 − level) / 2 — so the result is as exact as `level` itself allows.
 */
export function _criticalZ(level: number): number {
  const tail = (1 - level) / 2
  const t = Math.sqrt(-2 * Math.log(tail))
  let z =
    t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
  for (let step = 0; step < 3; step++) {
    // u = (Φ(z) − Φ(target)) / φ(z)
    const scale = Math.sqrt(2 * Math.PI) * Math.exp((z * z) / 2)
    const u = z < 3 ? _normalSeries(z) - (level / 2) * scale : (tail - _normalUpperTail(z)) * scale
    z -= u / (1 + (z * u) / 2)
  }
  return z
}

/** Two-sided p-value of a standard normal statistic, 2·Φ(−|z|), computed in the tail. */
export function _twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)))
}
