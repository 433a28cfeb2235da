import { _accessorAndOptions } from '../core/_args.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ExclusionCounts, KpiResult } from '../core/result.ts'

/**
 * How growth is measured (spec §6):
 * - `'period-over-period'`: (R_t − R_{t−lag}) / R_{t−lag} — MoM with lag 1 on monthly values, YoY with 12;
 * - `'cmgr'`: compound periodic growth, (R_last / R_first)^(1/k) − 1 with k the number of steps;
 * - `'cagr'`: compound annual growth, (R_last / R_first)^(1/years) − 1.
 * @category Lifecycle
 */
export type GrowthMethod = 'period-over-period' | 'cmgr' | 'cagr'

/**
 * Options of {@link growth}.
 * @category Lifecycle
 */
export interface GrowthOptions {
  /**
   * The method.
   * @defaultValue 'period-over-period'
   */
  readonly method?: GrowthMethod
  /**
   * For period over period: how many periods back the base is (1 for MoM or QoQ, 12 for YoY on months).
   * @defaultValue 1
   */
  readonly lag?: number
  /**
   * For CAGR: how many values make a year (12 for monthly values).
   * @defaultValue 1
   */
  readonly periodsPerYear?: number
}

/**
 * Why growth is `null` beside the shared reasons: a zero base (`'zero-denominator'`), a negative base, a negative end value (no real root), a missing value in
 * the series (missing periods are refused, not interpolated), or too few values.
 * @category Lifecycle
 */
export type GrowthUndefined =
  | 'zero-denominator'
  | 'negative-base'
  | 'negative-value'
  | 'missing-value'
  | 'too-few-values'

/**
 * The result of {@link growth}.
 * @category Lifecycle
 */
export interface GrowthResult extends KpiResult<'growth', never, GrowthUndefined> {
  /** Always `'proportion'` (a growth rate per step; compare in points). */
  readonly measure: 'proportion'
  /** The method. */
  readonly method: GrowthMethod
  /** Steps between the base and the last value (k of CMGR, or the lag). */
  readonly steps: number
  /** For period over period: the growth at each position (`null` for the first `lag` ones and undefined ones). */
  readonly changes: (number | null)[]
}

/**
 * The state of {@link growthAggregator}: the series in order (missing values as `null`).
 * @category Lifecycle
 */
export interface GrowthState {
  /** The values in order. */
  values: (number | null)[]
  /** Values that were not numbers. */
  excluded: ExclusionCounts
}

function rate(base: number | null, last: number | null): [number | null, GrowthUndefined | null] {
  if (base === null || last === null) return [null, 'missing-value']
  if (base === 0) return [null, 'zero-denominator']
  if (base < 0) return [null, 'negative-base']
  return finite((last - base) / base)
}

/** A growth rate, or null where the base is too close to 0 for the quotient to be a number. */
const finite = (x: number): [number | null, GrowthUndefined | null] =>
  Number.isFinite(x) ? [x, null] : [null, 'zero-denominator']

const RULES = {
  method: {
    type: 'enum',
    values: ['period-over-period', 'cmgr', 'cagr'],
    default: 'period-over-period',
  },
  lag: {
    type: 'number',
    integer: true,
    min: 1,
    default: 1,
  },
  periodsPerYear: {
    type: 'number',
    min: Number.MIN_VALUE,
    default: 1,
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  method: 'Period over period, compound monthly growth, or compound annual growth.',
  lag: 'Period over period: compare with this many periods back.',
  periodsPerYear: 'For CAGR: how many of the values make a year.',
}

/**
 * What {@link growth} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const growthDescriptor: KpiDescriptor = {
  id: 'growth',
  title: 'Revenue growth',
  category: 'revenue',
  input: { kind: 'value', fields: {}, ordered: true },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'proportion',
    measure: 'level',
    bounds: [-1, null],
    better: 'higher',
    components: ['first', 'last', 'steps'],
  },
  periodModel: 'none',
  compute: growth,
  aggregator: growthAggregator,
}

/**
 * The aggregator behind {@link growth}. Its state keeps the values in order, so merging concatenates:
 * merge states in time order.
 * @category Lifecycle
 */
export function growthAggregator(
  options?: GrowthOptions,
): Aggregator<number | null | undefined, GrowthState, GrowthResult>
export function growthAggregator<T>(
  accessor: Accessor<T, number | null | undefined>,
  options?: GrowthOptions,
): Aggregator<T, GrowthState, GrowthResult>
/* @__NO_SIDE_EFFECTS__ */
export function growthAggregator<T>(
  accessorOrOptions?: Accessor<T, number | null | undefined> | GrowthOptions,
  maybeOptions?: GrowthOptions,
): Aggregator<T, GrowthState, GrowthResult> {
  const fn = 'growth'
  const [accessor, options] = _accessorAndOptions<Accessor<T, number | null | undefined>, GrowthOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const method = o.method
  const lag = o.lag
  const perYear = o.periodsPerYear
  return {
    kpi: fn,
    init: () => ({ values: [], excluded: { missing: 0, invalid: 0 } }),
    add(state, item, index) {
      const v = accessor === undefined ? (item as unknown) : accessor(item, index)
      if (v === null || v === undefined) {
        state.excluded.missing++
        state.values.push(null)
      } else if (typeof v !== 'number' || !Number.isFinite(v)) {
        state.excluded.invalid++
        state.values.push(null)
      } else state.values.push(v)
      return state
    },
    merge(a, b) {
      if (a === b) b = _copy(b)
      for (const v of b.values) a.values.push(v)
      a.excluded.missing += b.excluded.missing
      a.excluded.invalid += b.excluded.invalid
      return a
    },
    result(state) {
      const xs = state.values
      const n = xs.filter((x) => x !== null).length
      const base = {
        kind: 'result' as const,
        kpi: 'growth' as const,
        variant,
        n,
        excluded: { ...state.excluded },
        measure: 'proportion' as const,
        method,
      }
      if (xs.length === 0) return { ...base, value: null, reason: 'no-data', steps: 0, changes: [] }
      if (n === 0) return { ...base, value: null, reason: 'all-excluded', steps: 0, changes: [] }
      if (method === 'period-over-period') {
        const changes = xs.map((x, i) => (i < lag ? null : rate(xs[i - lag] as number | null, x)[0]))
        if (xs.length <= lag) return { ...base, value: null, reason: 'too-few-values', steps: lag, changes }
        const [value, reason] = rate(
          xs[xs.length - 1 - lag] as number | null,
          xs[xs.length - 1] as number | null,
        )
        return { ...base, value, reason, steps: lag, changes }
      }
      const steps = xs.length - 1
      const done = (value: number | null, reason: GrowthResult['reason']): GrowthResult => ({
        ...base,
        value,
        reason,
        steps,
        changes: [],
      })
      if (steps < 1) return done(null, 'too-few-values')
      if (xs.includes(null)) return done(null, 'missing-value')
      const first = xs[0] as number
      const last = xs[steps] as number
      if (first === 0) return done(null, 'zero-denominator')
      if (first < 0) return done(null, 'negative-base')
      if (last < 0) return done(null, 'negative-value')
      const exponent = method === 'cmgr' ? 1 / steps : perYear / steps
      return done(...finite((last / first) ** exponent - 1))
    },
  }
}

/**
 * Revenue (or any level's) growth over an ordered series of period values: period over period (MoM, QoQ,
 * YoY with `lag`), CMGR with k = the number of steps (months − 1, not the number of months; spec §17 #12)
 * or CAGR. A zero or negative base, or a missing value, gives `null` with the `reason` — never Infinity
 * and never an interpolation.
 *
 * Unit: a proportion per step (per year for CAGR). CMGR is below the mean of the MoM rates of a growing,
 * volatile series.
 *
 * Sources: a16z, "16 Startup Metrics"; help.malartu.co/kpi-glossary/financial-metrics/cmgr; spec §6.
 *
 * @example
 * ```ts
 * growth([100, 110, 121]).value // 0.1 (the last MoM)
 * growth([100, 110, 121], { method: 'cmgr' }).value // 0.1
 * ```
 * @category Lifecycle
 */
export function growth(values: Iterable<number | null | undefined>, options?: GrowthOptions): GrowthResult
export function growth<T>(
  values: Iterable<T>,
  accessor: Accessor<T, number | null | undefined>,
  options?: GrowthOptions,
): GrowthResult
export function growth<T>(
  values: Iterable<T>,
  accessorOrOptions?: Accessor<T, number | null | undefined> | GrowthOptions,
  options?: GrowthOptions,
): GrowthResult {
  return _foldAs(
    'growth',
    growthAggregator(accessorOrOptions as Accessor<T, number | null | undefined>, options),
    values,
  )
}
