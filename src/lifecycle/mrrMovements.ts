import { _accessorAndOptions } from '../core/_args.ts'
import { _boolean } from '../core/_assert.ts'
import { _documented } from '../core/_documented.ts'
import { _compareIds } from '../core/_order.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ExclusionCounts, KpiResult } from '../core/result.ts'
import { _SUBSCRIPTION_DOCS } from '../lifecycle/_subscription.ts'
import { _CALENDAR_DOCS } from '../time/_calendar.ts'
import {
  _PERIOD_SELECTION_DOCS,
  _PERIOD_SELECTION_RULES,
  type _Periods,
  _periodOutput,
  _selectPeriods,
  type PeriodSelection,
} from '../time/_periodSelection.ts'
import type { PeriodSeries } from '../time/_series.ts'
import type { PeriodInfo } from '../time/byPeriod.ts'
import { _Movements, _majorTotals } from './_movements.ts'
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
import { _eachLine, _Levels } from './_timeline.ts'

/**
 * The five MRR movements (ChartMogul).
 * @category Lifecycle
 */
export type MrrMovement = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation'

/**
 * Options of {@link mrrMovements}.
 * @category Lifecycle
 */
export interface MrrMovementsOptions extends SubscriptionOptions, PeriodSelection {
  /**
   * List the movement of each customer in each period (`customers` in the result).
   * @defaultValue false
   */
  readonly detail?: boolean
}

/**
 * One customer's net movement in a period.
 * @category Lifecycle
 */
export interface CustomerMovement {
  /** The customer. */
  readonly customerId: string
  /** The movement. */
  readonly movement: MrrMovement
  /** Its size, positive, in major units. */
  readonly amount: number
  /** MRR just before the period. */
  readonly before: number
  /** MRR at its end. */
  readonly after: number
}

/**
 * Movement totals, in major units, or counts of customers.
 * @category Lifecycle
 */
export type MovementTotals = { readonly [K in MrrMovement]: number }

/**
 * The result of {@link mrrMovements} for one period.
 * @category Lifecycle
 */
export interface MrrMovementsResult extends KpiResult<'mrrMovements', SubscriptionExclusion> {
  /** Always `'level'`; `value` is the net new MRR (end − start). */
  readonly measure: 'level'
  /** The period. */
  readonly period: PeriodInfo
  /** The currency, or null when no subscription named one. */
  readonly currency: string | null
  /** MRR just before the period (the previous period's closing MRR). */
  readonly start: number
  /** MRR at the period's end: start + new + expansion + reactivation − contraction − churn. */
  readonly end: number
  /** The movements, positive, in major units. */
  readonly movements: MovementTotals
  /** How many customers made each movement. */
  readonly customerCounts: MovementTotals
  /** (new + expansion + reactivation) / (churn + contraction), the SaaS quick ratio; `null` without losses. */
  readonly quickRatio: number | null
  /** Each customer's movement, with `detail: true`, by customer id (UTF-16 code-unit order). */
  readonly customers?: CustomerMovement[]
}

/**
 * What {@link mrrMovements} returns: one result for `period` or `trailingDays`, a series for `range`,
 * and the union of both when the options' type does not say (options read from a file).
 * @category Lifecycle
 */
export type MrrMovementsOutput<O> = O extends {
  /** A range of periods: the result is a series. */
  readonly range: object
}
  ? PeriodSeries<MrrMovementsResult, 'mrrMovements', SubscriptionExclusion>
  : 'range' extends keyof O
    ? MrrMovementsResult | PeriodSeries<MrrMovementsResult, 'mrrMovements', SubscriptionExclusion>
    : MrrMovementsResult

const RULES = {
  ..._SUBSCRIPTION_RULES,
  ..._PERIOD_SELECTION_RULES,
  detail: { type: 'boolean', default: false },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  detail: 'Also list the movement of every customer.',
}

/**
 * What {@link mrrMovements} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const mrrMovementsDescriptor: KpiDescriptor = {
  id: 'mrrMovements',
  title: 'MRR movements',
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
    unit: 'money',
    measure: 'level',
    bounds: [null, null],
    better: 'higher',
    components: ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'quickRatio'],
  },
  periodModel: 'select',
  compute: mrrMovements,
  aggregator: mrrMovementsAggregator,
}

/**
 * The aggregator behind {@link mrrMovements}.
 * @category Lifecycle
 */
export function mrrMovementsAggregator<const O extends MrrMovementsOptions>(
  options: O,
): Aggregator<Subscription, SubscriptionState, MrrMovementsOutput<O>>
export function mrrMovementsAggregator<T, const O extends MrrMovementsOptions>(
  accessor: Accessor<T, Subscription>,
  options: O,
): Aggregator<T, SubscriptionState, MrrMovementsOutput<O>>
/* @__NO_SIDE_EFFECTS__ */
export function mrrMovementsAggregator<T, const O extends MrrMovementsOptions>(
  accessorOrOptions: Accessor<T, Subscription> | O,
  maybeOptions?: O,
): Aggregator<T, SubscriptionState, MrrMovementsOutput<O>> {
  const fn = 'mrrMovements'
  const [accessor, options] = _accessorAndOptions<Accessor<T, Subscription>, O>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const plan = _mrrMovementsPlan(options)
  const { config, p, detail } = plan
  return _subscriptionAggregator(fn, accessor, config, (state) => {
    const m = p.periods.length
    const levelsOf = new _Levels(p.bounds)
    const rows: CustomerMovement[][] = Array.from({ length: m }, () => [])
    const movements = new _Movements(
      p.bounds,
      detail
        ? (k, customerId, movement, v0, v1) =>
            (rows[k] as CustomerMovement[]).push({
              customerId,
              movement,
              amount: _major(Math.abs(v1 - v0), config),
              before: _major(v0, config),
              after: _major(v1, config),
            })
        : undefined,
    )
    _eachLine(state, 'customer', (l, id) => {
      levelsOf.add(l)
      movements.add(l, id)
    })
    const levels = levelsOf.finish()
    const t: _MrrTally = {
      n: state.n,
      excluded: state.excluded,
      currency: state.currency,
      atCount: levels.count,
      atValue: levels.value,
      movements,
    }
    return plan.result(t, detail ? rows : null) as MrrMovementsOutput<O>
  })
}

/**
 * What MRR movements are computed from: in memory from the subscriptions' lines, in a warehouse from
 * its query's rows.
 */
export interface _MrrTally {
  /** Subscriptions counted. */
  n: number
  /** Subscriptions left out, by reason. */
  excluded: ExclusionCounts<SubscriptionExclusion>
  /** Their currency, or null. */
  currency: string | null
  /** Customers paying just before each bound, and their MRR (1/360 minor units). */
  atCount: number[]
  atValue: number[]
  /** The movements of each period. */
  movements: _Movements
}

/** MRR movements' options, resolved: the periods, and how a tally becomes the output. */
export interface _MrrMovementsPlan {
  readonly config: _SubscriptionConfig
  readonly p: _Periods
  readonly detail: boolean
  /** The output of a tally, with each customer's movements by period when `detail` asks for them. */
  result(t: _MrrTally, rows: CustomerMovement[][] | null): MrrMovementsOutput<MrrMovementsOptions>
}

/** Reads MRR movements' options once, for the aggregator and for a warehouse query. */
export function _mrrMovementsPlan(options: MrrMovementsOptions | undefined): _MrrMovementsPlan {
  const fn = 'mrrMovements'
  const resolved = _resolve(fn, RULES, options)
  const variant = _variant(RULES, resolved)
  const d = resolved.detail
  const config = _subscriptionConfig(fn, options, true)
  const p = _selectPeriods(fn, options, config.asOf)
  const detail = d === undefined ? false : _boolean(fn, 'options.detail', d)
  const result = (
    t: _MrrTally,
    rows: CustomerMovement[][] | null,
  ): MrrMovementsOutput<MrrMovementsOptions> => {
    const { amounts, counts } = t.movements
    const excluded = { ...t.excluded }
    const results = p.periods.map((period, k): MrrMovementsResult => {
      const a = amounts[k] as MovementTotals
      const start = t.atValue[k] as number
      const end = t.atValue[k + 1] as number
      const losses = a.churn + a.contraction
      const still = start === 0 && end === 0 && losses === 0 && a.new === 0 && a.reactivation === 0
      const result: MrrMovementsResult = {
        kind: 'result',
        kpi: 'mrrMovements',
        value: still ? null : _major(end - start, config),
        reason: still ? _lifecycleReason(t, 'no-data') : null,
        variant,
        n:
          (t.atCount[k] as number) +
          (counts[k] as MovementTotals).new +
          (counts[k] as MovementTotals).reactivation,
        excluded,
        measure: 'level',
        period,
        currency: t.currency,
        start: _major(start, config),
        end: _major(end, config),
        movements: _majorTotals(a, config),
        customerCounts: counts[k] as MovementTotals,
        quickRatio: losses === 0 ? null : (a.new + a.expansion + a.reactivation) / losses,
      }
      // Listed by customer id, whatever order the subscriptions came in.
      const customers =
        rows === null
          ? []
          : (rows[k] as CustomerMovement[]).sort((x, y) => _compareIds(x.customerId, y.customerId))
      return rows === null ? result : { ...result, customers }
    })
    return _periodOutput(
      'mrrMovements',
      p,
      results,
      excluded,
      variant,
    ) as MrrMovementsOutput<MrrMovementsOptions>
  }
  return { config, p, detail, result }
}

/**
 * MRR movements: how MRR moved in a period, split the ChartMogul way into new business, expansion,
 * contraction, churn and reactivation, so that
 * `end = start + new + expansion + reactivation − contraction − churn` holds exactly.
 *
 * Classification is per customer per period, on the net change between the MRR just before the period and
 * at its end (spec §5.1, §5.5): a plan switch nets to one expansion or contraction; cancelling one of
 * several subscriptions is contraction; churn is the MRR lost when the last one ends (at expiry, or at
 * cancellation with `recognition: 'cancellation'`); a customer who paid before and comes back is a
 * reactivation, never new. A customer who joins and leaves within one period nets to no movement.
 *
 * Unit: currency per month (major units), exact sums; `value` is net new MRR, `null` for a period with no
 * MRR and no movement. With `detail: true`, the result lists each customer's movement.
 *
 * Sources: ChartMogul, "MRR movements" (help.chartmogul.com/hc/en-us/articles/203299912) and
 * "Subscription MRR example" (…/201244842); spec §5.6 E3.
 *
 * @example
 * ```ts
 * const q = mrrMovements(subscriptions, { period: '2025-Q1', unit: 'quarter' })
 * q.movements // { new: …, expansion: …, contraction: …, churn: …, reactivation: … }
 * ```
 * @category Lifecycle
 */
export function mrrMovements<const O extends MrrMovementsOptions>(
  subscriptions: Iterable<Subscription>,
  options: O,
): MrrMovementsOutput<O>
export function mrrMovements<T, const O extends MrrMovementsOptions>(
  subscriptions: Iterable<T>,
  accessor: Accessor<T, Subscription>,
  options: O,
): MrrMovementsOutput<O>
export function mrrMovements<T, const O extends MrrMovementsOptions>(
  subscriptions: Iterable<T>,
  accessorOrOptions: Accessor<T, Subscription> | O,
  options?: O,
): MrrMovementsOutput<O> {
  return _foldAs(
    'mrrMovements',
    mrrMovementsAggregator(accessorOrOptions as Accessor<T, Subscription>, options as O),
    subscriptions,
  )
}
