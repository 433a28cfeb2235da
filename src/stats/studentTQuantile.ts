import { logGamma } from './logGamma.ts'
import { normalQuantile } from './normalQuantile.ts'
import { _studentTLowerTail } from './studentTCdf.ts'

/**
 * The quantile of Student's t distribution: the t with P(T ≤ t) = p, for ν = `degreesOfFreedom` > 0.
 * `studentTQuantile(0.975, 49)` is the 2.0096 of a 95 % t-interval over 50 observations.
 *
 * Exact closed forms for ν = 1 and ν = 2; otherwise a Cornish–Fisher start refined by safeguarded
 * Newton steps on {@link studentTCdf} (relative error about 1e−12). NaN outside [0, 1] or for ν ≤ 0.
 *
 * @example
 * ```ts
 * studentTQuantile(0.975, 10) //=> 2.2281388519649385
 * ```
 * @category Statistics
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  const nu = degreesOfFreedom
  if (Number.isNaN(p) || p < 0 || p > 1 || !(nu > 0)) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (p === 0.5) return 0
  if (nu === Number.POSITIVE_INFINITY) return normalQuantile(p)
  const sign = p < 0.5 ? -1 : 1
  const q = p < 0.5 ? p : 1 - p // lower-tail probability, solve P(T ≤ −s) = q for s > 0
  if (nu === 1) return sign / Math.tan(Math.PI * q) // cot(πq) = tan(π(½ − q)), precise for small q
  if (nu === 2) return (sign * (1 - 2 * q)) / Math.sqrt(2 * q * (1 - q))
  // Cornish–Fisher expansion in 1/ν around the normal quantile (Abramowitz & Stegun 26.7.5).
  const z = -normalQuantile(q)
  const z2 = z * z
  let s =
    z +
    (z * (z2 + 1)) / (4 * nu) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * nu * nu) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * nu * nu * nu)
  if (!(s > 0) || !Number.isFinite(s)) s = 1
  const logDensityConstant = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI)
  const g = (x: number): number => _studentTLowerTail(x, nu) - q // decreasing in x
  let low = 0
  let high = s
  while (g(high) > 0) {
    low = high
    high *= 2
  }
  for (let iteration = 0; iteration < 200; iteration++) {
    const value = g(s)
    if (value === 0) break
    if (value > 0) low = s
    else high = s
    const density = Math.exp(logDensityConstant - ((nu + 1) / 2) * Math.log1p((s * s) / nu))
    let next = s + value / density
    if (!(next > low && next < high)) next = 0.5 * (low + high)
    if (Math.abs(next - s) <= 1e-15 * s) {
      s = next
      break
    }
    s = next
  }
  return sign * s
}
