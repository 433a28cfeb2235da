import { logGamma } from './logGamma.ts'

/**
 * One draw from Binomial(n, p) by inversion, enumerating outcomes outward from the mode so that the
 * expected work is O(√(np(1−p))) rather than O(n). Exact up to floating-point rounding.
 */
export function _binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0
  if (p >= 1) return n
  if (p > 0.5) return n - _binomial(n, 1 - p, random)
  const ratio = p / (1 - p)
  const mode = Math.min(n, Math.floor((n + 1) * p))
  const logPmf =
    logGamma(n + 1) -
    logGamma(mode + 1) -
    logGamma(n - mode + 1) +
    mode * Math.log(p) +
    (n - mode) * Math.log1p(-p)
  let u = random()
  const atMode = Math.exp(logPmf)
  u -= atMode
  if (u < 0) return mode
  let up = mode
  let down = mode
  let pmfUp = atMode
  let pmfDown = atMode
  for (;;) {
    const canUp = up < n && pmfUp > 0
    const canDown = down > 0 && pmfDown > 0
    if (!canUp && !canDown) return mode
    if (canUp) {
      pmfUp *= ((n - up) / (up + 1)) * ratio
      up++
      u -= pmfUp
      if (u < 0) return up
    }
    if (canDown) {
      pmfDown *= down / ((n - down + 1) * ratio)
      down--
      u -= pmfDown
      if (u < 0) return down
    }
  }
}
