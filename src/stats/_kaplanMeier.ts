// The Kaplan–Meier engine behind `survival`: risk sets, the product-limit curve with Greenwood's
// variance and its intervals, R's median rule, the restricted mean and the k-group log-rank test.
import { _chiSquareUpper } from './_chiSquare.ts'

/**
 * One row of a Kaplan–Meier curve: a time at which an event or a censoring happened.
 * @category Lifecycle
 */
export interface SurvivalPoint {
  /** The time. */
  readonly time: number
  /** Subjects at risk just before it. */
  readonly atRisk: number
  /** Events at it. */
  readonly events: number
  /** Censored at it. */
  readonly censored: number
  /** S(t), the share surviving past it. */
  readonly survival: number
  /** Greenwood standard error of S(t); `null` once S reaches 0. */
  readonly standardError: number | null
  /** Lower bound of the pointwise interval, or `null` where it is undefined. */
  readonly lower: number | null
  /** Upper bound of the pointwise interval, or `null` where it is undefined. */
  readonly upper: number | null
}

/**
 * A Kaplan–Meier curve and its summaries.
 * @category Lifecycle
 */
export interface SurvivalCurve {
  /** Subjects. */
  readonly n: number
  /** Events. */
  readonly events: number
  /** The curve, one row per distinct time. */
  readonly curve: SurvivalPoint[]
  /**
   * Median lifetime: the smallest time with S(t) ≤ 0.5, with the same rule applied to the interval's
   * bounds; `value: null, reached: false` when the curve never gets there (never Infinity).
   */
  readonly median: {
    /** The median, or `null` when not reached. */
    readonly value: number | null
    /** Whether the curve reached 0.5. */
    readonly reached: boolean
    /** The same time on the interval's lower curve, or `null`. */
    readonly lower: number | null
    /** The same time on the interval's upper curve, or `null` (often not reached). */
    readonly upper: number | null
  }
  /** Restricted mean lifetime to `horizon` (area under S from 0), with its standard error; with `horizon` only. */
  readonly restrictedMean: {
    /** The horizon. */
    readonly horizon: number
    /** Expected time alive up to the horizon. */
    readonly value: number
    /** Its standard error (delta method, as R's print.survfit). */
    readonly standardError: number
  } | null
}

/**
 * The log-rank test of k ≥ 2 groups' curves: are their hazards equal?
 * @category Lifecycle
 */
export interface LogRankTest {
  /** The groups, in sorted order. */
  readonly groups: string[]
  /** Observed events in each. */
  readonly observed: number[]
  /** Expected events in each under equal hazards. */
  readonly expected: number[]
  /** The chi-square statistic. */
  readonly chiSquare: number
  /** Its degrees of freedom: the groups with expected events, less one. */
  readonly degreesOfFreedom: number
  /** Its p-value (upper tail of the chi-square distribution). */
  readonly pValue: number
}

/**
 * Survival counts of one group: per time, [events, censored, entries]; `open` counts subjects without an
 * entry time.
 * @category Lifecycle
 */
export interface SurvivalTally {
  /** Subjects at risk from the start (no entry time). */
  open: number
  /** Per time (as a string key): [events, censored, entries]. */
  times: Record<string, [number, number, number]>
}

interface _Row {
  t: number
  n: number
  d: number
  c: number
}

/** Per tally: sorted exit times with [events, censored], sorted entry times with counts, and open subjects. */
function sweep(tallies: readonly SurvivalTally[]): {
  exits: [number, number, number][]
  entries: [number, number][]
  open: number
} {
  const exits = new Map<number, [number, number]>()
  const entries = new Map<number, number>()
  let open = 0
  for (const tally of tallies) {
    open += tally.open
    for (const key in tally.times) {
      const [d, c, e] = tally.times[key] as [number, number, number]
      const t = Number(key)
      if (d + c > 0) {
        const x = exits.get(t)
        if (x === undefined) exits.set(t, [d, c])
        else {
          x[0] += d
          x[1] += c
        }
      }
      if (e > 0) entries.set(t, (entries.get(t) ?? 0) + e)
    }
  }
  return {
    exits: [...exits].map(([t, [d, c]]): [number, number, number] => [t, d, c]).sort((x, y) => x[0] - y[0]),
    entries: [...entries].sort((x, y) => x[0] - y[0]),
    open,
  }
}

/**
 * Risk sets and counts at the given sorted times (default: every exit time). At risk at t: entered
 * strictly before t (or with no entry time) and not out before t.
 */
function rows(tallies: readonly SurvivalTally[], at?: readonly number[]): _Row[] {
  const { exits, entries, open } = sweep(tallies)
  const times = at ?? exits.map((x) => x[0])
  const out: _Row[] = []
  let atRisk = open
  let i = 0
  let j = 0
  for (const t of times) {
    while (j < entries.length && (entries[j] as [number, number])[0] < t)
      atRisk += (entries[j++] as [number, number])[1]
    while (i < exits.length && (exits[i] as [number, number, number])[0] < t) {
      const [, d, c] = exits[i++] as [number, number, number]
      atRisk -= d + c
    }
    const x = exits[i]
    const here = x !== undefined && x[0] === t
    out.push({ t, n: atRisk, d: here ? x[1] : 0, c: here ? x[2] : 0 })
  }
  return out
}

/** R's median rule (survival:::minmin). */
function firstBelowHalf(
  ys: readonly (number | null)[],
  xs: readonly number[],
  rule: 'midpoint' | 'first',
): number | null {
  const tolerance = Math.sqrt(Number.EPSILON)
  const i = ys.findIndex((y) => y !== null && y < 0.5 + tolerance)
  if (i < 0) return null
  const y = ys[i] as number
  if (rule === 'midpoint' && Math.abs(y - 0.5) < tolerance) {
    const k = ys.findIndex((z, m) => m > i && z !== null && z < y)
    if (k >= 0) return ((xs[i] as number) + (xs[k] as number)) / 2
  }
  return xs[i] as number
}

export function _curve(
  tallies: readonly SurvivalTally[],
  z: number,
  interval: 'log' | 'log-log' | 'plain',
  horizon: number | null,
  rule: 'midpoint' | 'first',
): SurvivalCurve {
  const rs = rows(tallies)
  let s = 1
  let greenwood = 0
  let n = 0
  let events = 0
  for (const tally of tallies) {
    n += tally.open
    for (const key in tally.times) n += (tally.times[key] as [number, number, number])[2]
  }
  const curve: SurvivalPoint[] = rs.map(({ t, n: atRisk, d, c }) => {
    events += d
    s *= 1 - d / atRisk
    greenwood += d === atRisk ? Number.POSITIVE_INFINITY : d / (atRisk * (atRisk - d))
    const sigma = Math.sqrt(greenwood)
    let lower: number | null = null
    let upper: number | null = null
    if (s > 0 && Number.isFinite(sigma)) {
      if (interval === 'log') {
        lower = s * Math.exp(-z * sigma)
        upper = Math.min(1, s * Math.exp(z * sigma))
      } else if (interval === 'plain') {
        lower = Math.max(0, s - z * sigma * s)
        upper = Math.min(1, s + z * sigma * s)
      } else if (s < 1) {
        const shift = (z * sigma) / Math.log(s)
        // log(s) < 0, so the shift is negative: subtracting it gives the lower bound.
        lower = Math.exp(-Math.exp(Math.log(-Math.log(s)) - shift))
        upper = Math.exp(-Math.exp(Math.log(-Math.log(s)) + shift))
      }
    }
    return {
      time: t,
      atRisk,
      events: d,
      censored: c,
      survival: s,
      standardError: Number.isFinite(sigma) ? s * sigma : null,
      lower,
      upper,
    }
  })
  const times = curve.map((p) => p.time)
  const value = firstBelowHalf(
    curve.map((p) => p.survival),
    times,
    rule,
  )
  const median = {
    value,
    reached: value !== null,
    lower: firstBelowHalf(
      curve.map((p) => p.lower),
      times,
      rule,
    ),
    upper: firstBelowHalf(
      curve.map((p) => p.upper),
      times,
      rule,
    ),
  }
  return { n, events, curve, median, restrictedMean: horizon === null ? null : restrictedMean(rs, horizon) }
}

/** The area under S from 0 to the horizon, and its variance by the delta method (R's print.survfit rmean). */
function restrictedMean(
  rs: readonly _Row[],
  horizon: number,
): { horizon: number; value: number; standardError: number } {
  const kept = rs.filter((r) => r.t < horizon)
  // Segment i runs from the previous time (0 for the first) to kept[i].t with the survival before it.
  const knots = [Math.min(0, ...kept.map((r) => r.t)), ...kept.map((r) => r.t), horizon]
  const survivals = [1]
  let s = 1
  for (const r of kept) {
    s *= 1 - r.d / r.n
    survivals.push(s)
  }
  const areas = survivals.map((x, i) => x * ((knots[i + 1] as number) - (knots[i] as number)))
  const value = areas.reduce((a, b) => a + b, 0)
  // Var = sum over event times t_j of d/(n(n−d)) × (area after t_j)^2.
  let variance = 0
  let after = 0
  for (let i = kept.length - 1; i >= 0; i--) {
    after += areas[i + 1] as number
    const r = kept[i] as _Row
    if (r.d > 0 && r.n > r.d) variance += (after * after * r.d) / (r.n * (r.n - r.d))
  }
  return { horizon, value, standardError: Math.sqrt(variance) }
}

/**
 * The log-rank test of k groups, as R's survdiff computes it: with O and E the observed and expected
 * events and V their covariance, χ² = (O − E)ᵀ V⁻¹ (O − E) over the groups with expected events, less
 * the first, on as many degrees of freedom.
 */
export function _logRank(names: readonly string[], tallies: readonly SurvivalTally[]): LogRankTest {
  const k = names.length
  const all = rows(tallies).filter((r) => r.d > 0)
  const times = all.map((r) => r.t)
  const per = tallies.map((t) => rows([t], times))
  const observed = new Array<number>(k).fill(0)
  const expected = new Array<number>(k).fill(0)
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  all.forEach((r, i) => {
    const f = r.n > 1 ? (r.d * (r.n - r.d)) / (r.n - 1) : 0
    for (let a = 0; a < k; a++) {
      const x = (per[a] as _Row[])[i] as _Row
      const share = x.n / r.n
      observed[a] = (observed[a] as number) + x.d
      expected[a] = (expected[a] as number) + r.d * share
      const row = v[a] as number[]
      for (let b = 0; b < k; b++) {
        const other = ((per[b] as _Row[])[i] as _Row).n / r.n
        row[b] = (row[b] as number) + f * share * ((a === b ? 1 : 0) - other)
      }
    }
  })
  const kept = expected.map((e, a) => (e > 0 ? a : -1)).filter((a) => a >= 0)
  const used = kept.slice(1)
  const df = used.length
  const diff = used.map((a) => (observed[a] as number) - (expected[a] as number))
  const x =
    df === 0
      ? null
      : _solve(
          used.map((a) => used.map((b) => (v[a] as number[])[b] as number)),
          diff,
        )
  const chiSquare =
    x === null
      ? 0
      : Math.max(
          0,
          x.reduce((sum, xi, i) => sum + xi * (diff[i] as number), 0),
        )
  return {
    groups: [...names],
    observed,
    expected,
    chiSquare,
    degreesOfFreedom: df,
    pValue: df === 0 ? 1 : _chiSquareUpper(chiSquare, df),
  }
}

/**
 * Solves A x = b by Gaussian elimination with partial pivoting (the log-rank covariance is k − 1 square,
 * a few rows: too small to take a linear-algebra dependency for); `null` when A is singular.
 */
function _solve(a: number[][], b: number[]): number[] | null {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i] as number])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r
    const pivot = (m[p] as number[])[c] as number
    if (Math.abs(pivot) < 1e-12) return null
    ;[m[c], m[p]] = [m[p] as number[], m[c] as number[]]
    const top = m[c] as number[]
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const row = m[r] as number[]
      const f = (row[c] as number) / pivot
      if (f !== 0) for (let j = c; j <= n; j++) row[j] = (row[j] as number) - f * (top[j] as number)
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number))
}
