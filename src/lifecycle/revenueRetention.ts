import { TZDate } from '@date-fns/tz'
import { addMonths } from 'date-fns'
import { _accessorAndOptions } from '../core/_args.ts'
import { _documented } from '../core/_documented.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ExclusionCounts, KpiResult } from '../core/result.ts'
import { _SUBSCRIPTION_DOCS } from '../lifecycle/_subscription.ts'
import { _upper } from '../stats/_upper.ts'
import { _CALENDAR_DOCS } from '../time/_calendar.ts'
import {
  _dayBounds,
  _PERIOD_SELECTION_DOCS,
  _PERIOD_SELECTION_RULES,
  type _Periods,
  _periodOutput,
  _selectPeriods,
  type PeriodSelection,
} from '../time/_periodSelection.ts'
import type { PeriodSeries } from '../time/_series.ts'
import type { PeriodInfo } from '../time/byPeriod.ts'
import { _Movements, _majorTotals, type _Totals } from './_movements.ts'
import {
  _lifecycleReason,
  _major,
  _SUBSCRIPTION_FIELDS,
  _SUBSCRIPTION_RULES,
  type _SubscriptionConfig,
  _subscriptionAggregator,
  _subscriptionConfig,
  type Subscription,
  type SubscriptionExclusion,
  type SubscriptionOptions,
  type SubscriptionState,
} from './_subscription.ts'
import { _before, _eachLine, _Levels } from './_timeline.ts'
import type { MovementTotals } from './mrrMovements.ts'

/**
 * Options of {@link revenueRetention}.
 * @category Lifecycle
 */
export interface RevenueRetentionOptions extends SubscriptionOptions, PeriodSelection {
  /**
   * The NRR/GRR horizon in months: the cohort is the customers paying this many months before the end of
   * each period (12 for SaaS Capital's annual NRR). By default, the period itself.
   */
  readonly horizonMonths?: number
  /**
   * Whether reactivation MRR offsets losses in the net MRR churn rate (`'offset'`, ChartMogul) or not
   * (`'exclude'`). Cohort NRR never includes customers outside the cohort, whatever this says.
   * @defaultValue 'offset'
   */
  readonly reactivation?: 'offset' | 'exclude'
  /**
   * How the MRR churn rates are computed: over the period (`'standard'`, ChartMogul B2B), or summed over
   * its days (`'daily-sum'`, ChartMogul's Shopify B2C formula: gross = ∑ (churn + contraction that day) /
   * MRR at the start of the day; net = ∑ [1 − (MRR at the end of the day − new MRR that day) / MRR at the
   * start of the day]).
   * @defaultValue 'standard'
   */
  readonly mrrChurn?: 'standard' | 'daily-sum'
}

/**
 * The result of {@link revenueRetention} for one period.
 * @category Lifecycle
 */
export interface RevenueRetentionResult extends KpiResult<'revenueRetention', SubscriptionExclusion> {
  /** Always `'proportion'`; `value` is the NRR. */
  readonly measure: 'proportion'
  /** The period. */
  readonly period: PeriodInfo
  /** The currency, or null when no subscription named one. */
  readonly currency: string | null
  /** Net revenue retention of the opening cohort: its MRR at the end / its MRR at the start. */
  readonly nrr: number | null
  /** Gross revenue retention: the same without expansion (each customer capped at their starting MRR); ≤ 1. */
  readonly grr: number | null
  /** The cohort: paying customers at `cohort.from`, their MRR then and at the period's end (major units). */
  readonly cohort: {
    /** The instant the cohort is taken at (epoch ms). */
    readonly from: number
    /** Paying customers then. */
    readonly customers: number
    /** Their MRR then (major units). */
    readonly start: number
    /** Their MRR at the period's end (major units). */
    readonly end: number
  }
  /** (churn + contraction) / MRR at the start of the period (ChartMogul standard). */
  readonly grossMrrChurn: number | null
  /** (churn + contraction − expansion − reactivation, unless excluded) / MRR at the start; negative is net expansion. */
  readonly netMrrChurn: number | null
  /** How reactivation was treated in `netMrrChurn` (the daily sum always nets every gain but new MRR). */
  readonly reactivation: 'offset' | 'exclude'
  /** How the MRR churn rates were computed. */
  readonly mrrChurn: 'standard' | 'daily-sum'
  /** (new + expansion + reactivation) / (churn + contraction); `null` without losses. */
  readonly quickRatio: number | null
  /** MRR at the start of the period (major units). */
  readonly startMrr: number
  /** The period's movements (major units). */
  readonly movements: MovementTotals
}

/**
 * What {@link revenueRetention} returns: one result for `period` or `trailingDays`, a series for `range`,
 * and the union of both when the options' type does not say (options read from a file).
 * @category Lifecycle
 */
export type RevenueRetentionOutput<O> = O extends {
  /** A range of periods: the result is a series. */
  readonly range: object
}
  ? PeriodSeries<RevenueRetentionResult, 'revenueRetention', SubscriptionExclusion>
  : 'range' extends keyof O
    ? RevenueRetentionResult | PeriodSeries<RevenueRetentionResult, 'revenueRetention', SubscriptionExclusion>
    : RevenueRetentionResult

const RULES = {
  ..._SUBSCRIPTION_RULES,
  ..._PERIOD_SELECTION_RULES,
  // At most the supported span of instants (1900–2199).
  horizonMonths: {
    type: 'number',
    integer: true,
    min: 1,
    max: 3600,
  },
  reactivation: {
    type: 'enum',
    values: ['offset', 'exclude'],
    default: 'offset',
  },
  mrrChurn: {
    type: 'enum',
    values: ['standard', 'daily-sum'],
    default: 'standard',
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  horizonMonths:
    'Measure the cohort of this many months back (12 for trailing NRR) instead of the period’s start.',
  reactivation: 'Whether reactivated MRR offsets churn in net MRR churn.',
  mrrChurn: 'MRR churn over the period’s starting MRR, or ChartMogul’s sum of daily rates.',
}

/**
 * What {@link revenueRetention} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const revenueRetentionDescriptor: KpiDescriptor = {
  id: 'revenueRetention',
  title: 'Net and gross revenue retention',
  category: 'revenue',
  input: { kind: 'subscription', fields: _SUBSCRIPTION_FIELDS },
  options: /* @__PURE__ */ _documented(
    RULES,
    _DOCS,
    _SUBSCRIPTION_DOCS,
    _CALENDAR_DOCS,
    _PERIOD_SELECTION_DOCS,
    DOCS,
  ),
  result: {
    kind: 'result-or-series',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, null],
    better: 'higher',
    components: ['nrr', 'grr', 'grossMrrChurn', 'netMrrChurn', 'quickRatio'],
  },
  periodModel: 'select',
  compute: revenueRetention,
  aggregator: revenueRetentionAggregator,
}

/**
 * The aggregator behind {@link revenueRetention}.
 * @category Lifecycle
 */
export function revenueRetentionAggregator<const O extends RevenueRetentionOptions>(
  options: O,
): Aggregator<Subscription, SubscriptionState, RevenueRetentionOutput<O>>
export function revenueRetentionAggregator<T, const O extends RevenueRetentionOptions>(
  accessor: Accessor<T, Subscription>,
  options: O,
): Aggregator<T, SubscriptionState, RevenueRetentionOutput<O>>
/* @__NO_SIDE_EFFECTS__ */
export function revenueRetentionAggregator<T, const O extends RevenueRetentionOptions>(
  accessorOrOptions: Accessor<T, Subscription> | O,
  maybeOptions?: O,
): Aggregator<T, SubscriptionState, RevenueRetentionOutput<O>> {
  const fn = 'revenueRetention'
  const [accessor, options] = _accessorAndOptions<Accessor<T, Subscription>, O>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const plan = _revenueRetentionPlan(options)
  const { p, days, cohortStarts } = plan
  return _subscriptionAggregator(fn, accessor, plan.config, (state) => {
    const levelsOf = new _Levels(p.bounds)
    const movements = new _Movements(p.bounds)
    const dayLevels = days === null ? null : new _Levels(days)
    const dayMovements = days === null ? null : new _Movements(days)
    const m = p.periods.length
    const t = plan.tally(state)
    _eachLine(state, 'customer', (l, id) => {
      levelsOf.add(l)
      movements.add(l, id)
      dayLevels?.add(l)
      dayMovements?.add(l, id)
      for (let k = 0; k < m; k++) {
        const v0 = _before(l, cohortStarts[k] as number)
        if (v0 === 0) continue
        const v1 = _before(l, (p.periods[k] as PeriodInfo).end)
        t.base[k] = (t.base[k] as number) + v0
        t.kept[k] = (t.kept[k] as number) + v1
        t.capped[k] = (t.capped[k] as number) + Math.min(v0, v1)
        t.members[k] = (t.members[k] as number) + 1
      }
    })
    t.atValue = levelsOf.finish().value
    t.movements = movements
    if (dayLevels !== null && dayMovements !== null) {
      t.dayValue = dayLevels.finish().value
      t.dayMovements = dayMovements
    }
    return plan.result(t) as RevenueRetentionOutput<O>
  })
}

/**
 * What revenue retention is computed from: in memory from the subscriptions' lines, in a warehouse
 * from its query's rows.
 */
export interface _RetentionTally {
  /** Subscriptions counted. */
  n: number
  /** Subscriptions left out, by reason. */
  excluded: ExclusionCounts<SubscriptionExclusion>
  /** Their currency, or null. */
  currency: string | null
  /** MRR just before each bound (1/360 minor units). */
  atValue: number[]
  /** The movements of each period. */
  movements: _Movements
  /** With the daily sum: MRR just before each day bound, and each day's movements. */
  dayValue: number[] | null
  dayMovements: _Movements | null
  /** Per period, the cohort's MRR at its start, at the period's end, capped at its start, and its size. */
  base: number[]
  kept: number[]
  capped: number[]
  members: number[]
}

/** Revenue retention's options, resolved: its periods, days and cohort instants, and how a tally becomes the output. */
export interface _RevenueRetentionPlan {
  readonly config: _SubscriptionConfig
  readonly p: _Periods
  readonly days: number[] | null
  /** The instant each period's cohort is taken at. */
  readonly cohortStarts: readonly number[]
  /** An empty tally. */
  tally(of: Pick<_RetentionTally, 'n' | 'excluded' | 'currency'>): _RetentionTally
  /** The output of a tally. */
  result(t: _RetentionTally): RevenueRetentionOutput<RevenueRetentionOptions>
}

/** Reads revenue retention's options once, for the aggregator and for a warehouse query. */
export function _revenueRetentionPlan(options: RevenueRetentionOptions | undefined): _RevenueRetentionPlan {
  const fn = 'revenueRetention'
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const config = _subscriptionConfig(fn, options, true)
  const p = _selectPeriods(fn, options, config.asOf)
  const reactivation = o.reactivation
  const mrrChurn = o.mrrChurn
  const days = mrrChurn === 'daily-sum' ? _dayBounds(p) : null
  const horizon = o.horizonMonths ?? null
  const cohortStarts = p.periods.map((period) =>
    horizon === null ? period.start : addMonths(new TZDate(period.end, p.timeZone), -horizon).getTime(),
  )
  const m = p.periods.length
  const zeros = () => new Array<number>(m).fill(0)
  const tally = (of: Pick<_RetentionTally, 'n' | 'excluded' | 'currency'>): _RetentionTally => ({
    n: of.n,
    excluded: of.excluded,
    currency: of.currency,
    atValue: new Array<number>(m + 1).fill(0),
    movements: new _Movements(p.bounds),
    dayValue: days === null ? null : new Array<number>(days.length).fill(0),
    dayMovements: days === null ? null : new _Movements(days),
    base: zeros(),
    kept: zeros(),
    capped: zeros(),
    members: zeros(),
  })
  const result = (t: _RetentionTally): RevenueRetentionOutput<RevenueRetentionOptions> => {
    const { amounts } = t.movements
    const daily =
      days === null || t.dayValue === null || t.dayMovements === null
        ? null
        : dailyChurn(t.dayValue, t.dayMovements.amounts, days, p.bounds)
    const excluded = { ...t.excluded }
    const results = p.periods.map((period, k): RevenueRetentionResult => {
      const a = amounts[k] as _Totals
      const start = t.atValue[k] as number
      const b = t.base[k] as number
      const losses = a.churn + a.contraction
      const offset = a.expansion + (reactivation === 'offset' ? a.reactivation : 0)
      const nrr = b > 0 ? (t.kept[k] as number) / b : null
      return {
        kind: 'result',
        kpi: 'revenueRetention',
        value: nrr,
        reason: nrr === null ? _lifecycleReason(t, 'zero-denominator') : null,
        variant,
        n: t.members[k] as number,
        excluded,
        measure: 'proportion',
        period,
        currency: t.currency,
        nrr,
        grr: b > 0 ? (t.capped[k] as number) / b : null,
        cohort: {
          from: cohortStarts[k] as number,
          customers: t.members[k] as number,
          start: _major(b, config),
          end: _major(t.kept[k] as number, config),
        },
        grossMrrChurn: daily !== null ? (daily.gross[k] ?? null) : start > 0 ? losses / start : null,
        netMrrChurn: daily !== null ? (daily.net[k] ?? null) : start > 0 ? (losses - offset) / start : null,
        reactivation,
        mrrChurn,
        quickRatio: losses === 0 ? null : (a.new + a.expansion + a.reactivation) / losses,
        startMrr: _major(start, config),
        movements: _majorTotals(a, config),
      }
    })
    return _periodOutput(
      'revenueRetention',
      p,
      results,
      excluded,
      variant,
    ) as RevenueRetentionOutput<RevenueRetentionOptions>
  }
  return { config, p, days, cohortStarts, tally, result }
}

/** ChartMogul's Shopify formulas: per period, sums over its days with MRR at their start; null without MRR. */
function dailyChurn(
  value: readonly number[],
  amounts: readonly _Totals[],
  days: readonly number[],
  bounds: readonly number[],
): { gross: (number | null)[]; net: (number | null)[] } {
  const m = bounds.length - 1
  const gross: (number | null)[] = new Array(m).fill(null)
  const net: (number | null)[] = new Array(m).fill(null)
  for (let d = 0; d + 1 < days.length; d++) {
    const start = value[d] as number
    if (start === 0) continue
    const k = _upper(bounds, days[d] as number) - 1
    const a = amounts[d] as _Totals
    gross[k] = (gross[k] ?? 0) + (a.churn + a.contraction) / start
    net[k] = (net[k] ?? 0) + 1 - ((value[d + 1] as number) - a.new) / start
  }
  return { gross, net }
}

/**
 * Revenue retention: NRR and GRR of the opening cohort, gross and net MRR churn rates and the SaaS quick
 * ratio, per period.
 *
 * - **NRR** = the cohort's MRR at the end / its MRR at the start, where the cohort is the customers paying
 *   at the start (of the period, or `horizonMonths` before its end: 12 for SaaS Capital's annual NRR).
 *   Later customers are left out, churned ones count 0, expansion counts in full, and a cohort customer
 *   who left and came back counts at their current MRR.
 * - **GRR**: the same with each customer capped at their starting MRR, so GRR ≤ 1.
 * - **Gross MRR churn** = (churn + contraction) / MRR at the start; **net MRR churn** subtracts expansion
 *   and, by default, reactivation (ChartMogul), and can be negative.
 *
 * Unit: proportions of MRR; `null` when the base is 0. `value` is the NRR. Reactivation of customers who
 * churned before the cohort start offsets net MRR churn (when `reactivation: 'offset'`) but never NRR —
 * the result names which (spec §5.5, §17 #6).
 *
 * Sources: SaaS Capital, "Revenue retention fundamentals"; ChartMogul, "MRR churn rate"
 * (help.chartmogul.com/hc/en-us/articles/203359341, …/4414075567250); spec §5.2–5.3.
 *
 * @example
 * ```ts
 * const r = revenueRetention(subscriptions, { period: '2025', unit: 'year' })
 * r.nrr; r.grr; r.netMrrChurn
 * ```
 * @category Lifecycle
 */
export function revenueRetention<const O extends RevenueRetentionOptions>(
  subscriptions: Iterable<Subscription>,
  options: O,
): RevenueRetentionOutput<O>
export function revenueRetention<T, const O extends RevenueRetentionOptions>(
  subscriptions: Iterable<T>,
  accessor: Accessor<T, Subscription>,
  options: O,
): RevenueRetentionOutput<O>
export function revenueRetention<T, const O extends RevenueRetentionOptions>(
  subscriptions: Iterable<T>,
  accessorOrOptions: Accessor<T, Subscription> | O,
  options?: O,
): RevenueRetentionOutput<O> {
  return _foldAs(
    'revenueRetention',
    revenueRetentionAggregator(accessorOrOptions as Accessor<T, Subscription>, options as O),
    subscriptions,
  )
}
