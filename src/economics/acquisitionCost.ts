import { _accessorAndOptions } from '../core/_args.ts'
import { _integer, _oneOf, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _dict, _get, _set } from '../core/_dict.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _finder, _keyed } from '../core/_keyed.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DISAMBIGUATION, _DOCS, _INPUT_TIME_ZONE, _ON_INVALID } from '../core/_rules.ts'
import { _emptyReason, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator, KeyedMap } from '../core/aggregator.ts'
import type { InputField, KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import { KpiError } from '../core/KpiError.ts'
import {
  _instantReader,
  type DateInput,
  type ParseInstantOptions,
  parseInstant,
} from '../core/parseInstant.ts'
import type { ExclusionCounts, KpiResult, OnInvalid } from '../core/result.ts'
import { _upper } from '../stats/_upper.ts'
import { _CALENDAR_DOCS, _calendar, type CalendarOptions } from '../time/_calendar.ts'
import {
  _PERIOD_SELECTION_DOCS,
  _PERIOD_SELECTION_RULES,
  _periodOutput,
  _selectPeriods,
  type PeriodSelection,
} from '../time/_periodSelection.ts'
import type { PeriodSeries } from '../time/_series.ts'
import type { PeriodInfo } from '../time/byPeriod.ts'
import { _amount, _Decimal, _exact } from './_decimal.ts'

/**
 * Acquisition spend: an amount at an instant, with its channel and kind of cost.
 * @category Economics
 */
export interface SpendRecord {
  /** When it was spent (the start of its month, for monthly figures). */
  readonly at: DateInput
  /** How much, in major units (a number, or a decimal string for exactness). */
  readonly amount: number | string
  /** The channel, e.g. `'paid-search'`. */
  readonly channel?: string
  /** The kind of cost, e.g. `'media'`, `'salaries'`, `'tools'` (for `costKinds`). */
  readonly kind?: string
  /** ISO 4217 code; one currency per computation. */
  readonly currency?: string
}

/**
 * A newly acquired customer.
 * @category Economics
 */
export interface NewCustomer {
  /** The customer: only their first acquisition counts (a reactivation is not new). */
  readonly customerId: string | number
  /** When they became a paying customer. */
  readonly acquiredAt: DateInput
  /** The channel they came through. */
  readonly channel?: string
}

/**
 * Options of {@link acquisitionCost}.
 * @category Economics
 */
export interface AcquisitionCostOptions extends ParseInstantOptions, PeriodSelection {
  /**
   * Blended (all spend over all new customers; the default), paid (spend on `paidChannels` over
   * customers acquired through them; a16z's paid CAC) or per channel (`channels` in the result).
   * @defaultValue 'blended'
   */
  readonly attribution?: 'blended' | 'paid' | 'per-channel'
  /** The paid channels, for `attribution: 'paid'`. */
  readonly paidChannels?: readonly string[]
  /** The kinds of cost that count (all sales and marketing by default); e.g. `['media']` for paid media only. */
  readonly costKinds?: readonly string[]
  /**
   * Spend of this many periods earlier is set against each period's new customers (SaaSGrid: 1 month).
   * Needs `unit`.
   * @defaultValue 0
   */
  readonly lag?: number
  /** The currency expected; spend in another one is an error. */
  readonly currency?: string
  /**
   * What to do with an invalid record.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * One channel's figures.
 * @category Economics
 */
export interface ChannelCost {
  /** Spend / new customers, or null without new customers. */
  readonly value: number | null
  /** The exact decimal of `value`, or null. */
  readonly exact: string | null
  /** The spend (major units). */
  readonly spend: number
  /** New customers through the channel. */
  readonly newCustomers: number
}

/**
 * Why a record was left out: besides `missing` and `invalid`, `otherKind` (a cost kind not in
 * `costKinds`), `duplicate` (a customer already acquired: a reactivation, or a repeated record) and
 * `outOfRange` (spend that no selected period is set against, or a customer acquired outside them).
 * @category Economics
 */
export type AcquisitionExclusion = 'otherKind' | 'duplicate' | 'outOfRange'

/**
 * The result of {@link acquisitionCost} for one period.
 * @category Economics
 */
export interface AcquisitionCostResult extends KpiResult<'acquisitionCost', AcquisitionExclusion> {
  /** Always `'level'`. */
  readonly measure: 'level'
  /** The period. */
  readonly period: PeriodInfo
  /** CAC as an exact decimal string, or null. */
  readonly exact: string | null
  /** The attribution. */
  readonly attribution: 'blended' | 'paid' | 'per-channel'
  /** The spend set against the period (after lag and filters), major units. */
  readonly spend: number
  /** Its exact decimal string. */
  readonly spendExact: string
  /** New customers counted. */
  readonly newCustomers: number
  /** The currency, or null when no record named one. */
  readonly currency: string | null
  /**
   * Per channel, with `attribution: 'per-channel'`, by the channel's name; spend and customers without a
   * channel under `''` (so that no channel name, `'(none)'` included, is mistaken for them).
   */
  readonly channels?: Record<string, ChannelCost>
}

/**
 * What {@link acquisitionCost} returns: one result for `period` or `trailingDays`, a series for `range`,
 * and the union of both when the options' type does not say (options read from a file).
 * @category Economics
 */
export type AcquisitionCostOutput<O> = O extends {
  /** A range of periods: the result is a series. */
  readonly range: object
}
  ? PeriodSeries<AcquisitionCostResult, 'acquisitionCost', AcquisitionExclusion>
  : 'range' extends keyof O
    ? AcquisitionCostResult | PeriodSeries<AcquisitionCostResult, 'acquisitionCost', AcquisitionExclusion>
    : AcquisitionCostResult

/**
 * The state of {@link acquisitionCostAggregator}: exact spend by period start and channel, and each
 * customer's first acquisition.
 * @category Economics
 */
export interface AcquisitionCostState {
  /** The currency, or null. */
  currency: string | null
  /** Spend as exact decimal strings, keyed `periodIndex|channel`. */
  spend: Record<string, string>
  /** Each customer's first acquisition, [instant, channel or null], at the customer's position in `keys`. */
  customers: KeyedMap<[number, string | null]>
  /** Records left out. */
  excluded: ExclusionCounts<AcquisitionExclusion>
}

/**
 * A record of {@link acquisitionCost}: spend or a new customer.
 * @category Economics
 */
export type AcquisitionRecord = SpendRecord | NewCustomer

const RULES = {
  ..._PERIOD_SELECTION_RULES,
  attribution: {
    type: 'enum',
    values: ['blended', 'paid', 'per-channel'],
    default: 'blended',
  },
  paidChannels: { type: 'array' },
  costKinds: { type: 'array' },
  lag: {
    type: 'number',
    integer: true,
    min: 0,
    default: 0,
  },
  currency: { type: 'string' },
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
  onInvalid: _ON_INVALID,
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  attribution: 'All spend over all new customers, paid spend over paid customers, or per channel.',
  paidChannels: "For 'paid': the channels whose spend and customers are paid.",
  costKinds: 'Only spend of these kinds counts (media, salaries…).',
  lag: 'Set spend this many periods earlier against customers.',
  currency: 'The currency expected; spend in another one is an error.',
}

const INPUT_FIELDS: { readonly [name: string]: InputField } = {
  at: { type: 'instant', required: true, doc: 'Spend: when it was spent.' },
  amount: { type: 'money', required: true, doc: 'Spend: the amount, in major units.' },
  channel: { type: 'string', required: false, doc: 'The acquisition channel.' },
  kind: { type: 'string', required: false, doc: 'Spend: the kind of cost.' },
  customerId: { type: 'string', required: true, doc: 'A new customer.' },
  acquiredAt: { type: 'instant', required: true, doc: 'A new customer: when they were acquired.' },
}

/**
 * What {@link acquisitionCost} computes, as data: its input, options, unit, range and direction.
 * @category Economics
 */
export const acquisitionCostDescriptor: KpiDescriptor = {
  id: 'acquisitionCost',
  title: 'Customer acquisition cost',
  category: 'economics',
  input: { kind: 'spend-or-customer', fields: INPUT_FIELDS },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, _CALENDAR_DOCS, _PERIOD_SELECTION_DOCS, DOCS),
  result: {
    kind: 'result-or-series',
    unit: 'money',
    measure: 'level',
    bounds: [0, null],
    better: 'lower',
    components: ['spend', 'customers', 'channels'],
  },
  periodModel: 'select',
  compute: acquisitionCost,
  aggregator: acquisitionCostAggregator,
}

/**
 * The aggregator behind {@link acquisitionCost}.
 * @category Economics
 */
export function acquisitionCostAggregator<const O extends AcquisitionCostOptions>(
  options: O,
): Aggregator<AcquisitionRecord, AcquisitionCostState, AcquisitionCostOutput<O>>
export function acquisitionCostAggregator<T, const O extends AcquisitionCostOptions>(
  accessor: Accessor<T, AcquisitionRecord>,
  options: O,
): Aggregator<T, AcquisitionCostState, AcquisitionCostOutput<O>>
/* @__NO_SIDE_EFFECTS__ */
export function acquisitionCostAggregator<T, const O extends AcquisitionCostOptions>(
  accessorOrOptions: Accessor<T, AcquisitionRecord> | O,
  maybeOptions?: O,
): Aggregator<T, AcquisitionCostState, AcquisitionCostOutput<O>> {
  const fn = 'acquisitionCost'
  const [accessor, options] = _accessorAndOptions<Accessor<T, AcquisitionRecord>, O>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const instant = _instantReader(fn, o)
  const variant = _variant(RULES, o)
  const asOf = o.asOf === undefined ? Number.POSITIVE_INFINITY : (parseInstant(o.asOf) ?? Number.NaN)
  if (Number.isNaN(asOf)) throw _typeError(fn, 'options.asOf', 'a date', o.asOf)
  const p = _selectPeriods(fn, options, asOf)
  const attribution =
    o.attribution === undefined
      ? 'blended'
      : _oneOf(fn, 'options.attribution', o.attribution, ['blended', 'paid', 'per-channel'])
  const stringList = (arg: string, value: unknown): Set<string> => {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      throw _typeError(fn, arg, 'an array of strings', value)
    return new Set(value)
  }
  const paid = attribution === 'paid' ? stringList('options.paidChannels', o.paidChannels) : null
  const kinds = o.costKinds === undefined ? null : stringList('options.costKinds', o.costKinds)
  const lag = o.lag === undefined ? 0 : _integer(fn, 'options.lag', o.lag, 0)
  if (lag > 0 && p.unit === null)
    throw _typeError(fn, 'options.unit', 'a period unit (a lag counts periods)', o.unit)
  const currency = o.currency === undefined ? null : o.currency
  const onInvalid =
    o.onInvalid === undefined ? 'exclude' : _oneOf(fn, 'options.onInvalid', o.onInvalid, ['exclude', 'throw'])
  // Boundaries extended back by `lag` periods, for the spend set against the first periods.
  const bounds = p.bounds.slice()
  if (lag > 0 && p.unit !== null) {
    const calendar = _calendar(fn, p.unit, options as CalendarOptions)
    for (let i = 0; i < lag; i++) {
      const first = bounds[0] as number
      bounds.unshift(calendar.startOf(first - 1))
    }
  }
  /** The index of the (extended) period containing t, or −1 outside them. */
  const indexOf = (t: number): number => {
    const k = _upper(bounds, t) - 1
    return k < bounds.length - 1 ? k : -1
  }

  const find = _finder(fn)
  return {
    kpi: fn,
    init: () => ({
      currency: null,
      spend: _dict(),
      customers: _keyed(),
      excluded: { missing: 0, invalid: 0, otherKind: 0, duplicate: 0, outOfRange: 0 },
    }),
    add(state, item, index) {
      const r = accessor === undefined ? (item as unknown as AcquisitionRecord) : accessor(item, index)
      const x = state.excluded
      if (r === null || typeof r !== 'object') {
        _exclude(x, r === null || r === undefined ? 'missing' : 'invalid', onInvalid, fn, index, r)
        return state
      }
      if ('customerId' in r) {
        const at = instant(r.acquiredAt)
        const id = r.customerId
        if (id === undefined || id === null || r.acquiredAt === undefined || r.acquiredAt === null) {
          _exclude(x, 'missing', onInvalid, fn, index, r)
          return state
        }
        if (
          at === null ||
          (typeof id !== 'string' && typeof id !== 'number') ||
          (r.channel !== undefined && typeof r.channel !== 'string')
        ) {
          _exclude(x, 'invalid', onInvalid, fn, index, r.acquiredAt)
          return state
        }
        const customer = String(id)
        const seen = find.get(state.customers, customer)
        if (seen !== undefined) {
          x.duplicate++
          if (at < seen[0]) find.set(state.customers, customer, [at, r.channel ?? null])
        } else find.set(state.customers, customer, [at, r.channel ?? null])
        return state
      }
      if (r.at === undefined || r.at === null || r.amount === undefined || r.amount === null) {
        _exclude(x, 'missing', onInvalid, fn, index, r)
        return state
      }
      const at = instant(r.at)
      const amount = _amount(r.amount)
      if (at === null || amount === null || (r.channel !== undefined && typeof r.channel !== 'string')) {
        _exclude(x, 'invalid', onInvalid, fn, index, r.amount)
        return state
      }
      if (kinds !== null && !kinds.has(r.kind ?? '')) {
        x.otherKind++
        return state
      }
      const money = r.currency ?? currency
      if (money !== null && money !== undefined) {
        const known = currency ?? state.currency
        if (known !== null && known !== money) {
          throw new KpiError(
            'incompatible-input',
            `${fn}: spend ${index} is in ${money} but the computation is in ${known}; convert first`,
            {
              kpi: fn,
              index,
              value: money,
            },
          )
        }
        state.currency = money
      }
      // Period k's result sets the spend of period k − lag against it: spend of the last `lag` selected
      // periods, or outside them, is set against none.
      const k = indexOf(at)
      if (k < 0 || k >= p.periods.length) {
        x.outOfRange++
        return state
      }
      const key = `${k}|${r.channel ?? ''}`
      const before = _get(state.spend, key)
      _set(state.spend, key, before === undefined ? amount.toFixed() : amount.plus(before).toFixed())
      return state
    },
    merge(a, b) {
      if (a === b) b = _copy(b)
      if (a.currency !== null && b.currency !== null && a.currency !== b.currency) {
        throw new KpiError(
          'incompatible-state',
          `${fn}: cannot merge spend in ${a.currency} with spend in ${b.currency}`,
          { kpi: fn },
        )
      }
      a.currency ??= b.currency
      const D = _Decimal()
      for (const key of Object.keys(b.spend)) {
        const mine = _get(a.spend, key)
        const theirs = b.spend[key] as string
        _set(a.spend, key, mine === undefined ? theirs : new D(mine).plus(theirs).toFixed())
      }
      const { keys, values } = b.customers
      for (let i = 0; i < keys.length; i++) {
        const id = keys[i] as string
        const theirs = values[i] as [number, string | null]
        const mine = find.get(a.customers, id)
        if (mine === undefined) find.set(a.customers, id, [theirs[0], theirs[1]])
        else {
          a.excluded.duplicate++
          if (theirs[0] < mine[0]) find.set(a.customers, id, [theirs[0], theirs[1]])
        }
      }
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result(state) {
      const D = _Decimal()
      const m = p.periods.length
      const offset = bounds.length - p.bounds.length
      // Spend by period (of the extended grid) and channel.
      const spend = new Map<number, Map<string, InstanceType<typeof D>>>()
      for (const key of Object.keys(state.spend)) {
        const bar = key.indexOf('|')
        const k = Number(key.slice(0, bar))
        const channel = key.slice(bar + 1)
        let byChannel = spend.get(k)
        if (byChannel === undefined) {
          byChannel = new Map()
          spend.set(k, byChannel)
        }
        byChannel.set(channel, new D(state.spend[key] as string))
      }
      const newBy = Array.from({ length: m }, () => new Map<string, number>())
      let outside = 0
      for (const [at, channel] of state.customers.values) {
        const k = indexOf(at) - offset
        if (k < 0 || k >= m) {
          outside++
          continue
        }
        const counts = newBy[k] as Map<string, number>
        counts.set(channel ?? '', (counts.get(channel ?? '') ?? 0) + 1)
      }
      const excluded = { ...state.excluded, outOfRange: (state.excluded.outOfRange ?? 0) + outside }
      const recorded = Object.keys(state.spend).length > 0 || state.customers.keys.length > 0
      const empty = recorded ? 'zero-denominator' : _emptyReason(excluded)
      const results = p.periods.map((period, k): AcquisitionCostResult => {
        const spent = spend.get(k + offset - lag) ?? new Map<string, InstanceType<typeof D>>()
        const counts = newBy[k] as Map<string, number>
        const counted = (channel: string): boolean => paid === null || paid.has(channel)
        let total = new D(0)
        for (const [channel, amount] of spent) if (counted(channel)) total = total.plus(amount)
        let customers = 0
        for (const [channel, n] of counts) if (counted(channel)) customers += n
        const cac = customers === 0 ? null : _exact(total.div(customers))
        const result: AcquisitionCostResult = {
          kind: 'result',
          kpi: 'acquisitionCost',
          value: cac === null ? null : cac.value,
          exact: cac === null ? null : cac.exact,
          reason: cac === null ? empty : null,
          variant,
          n: customers,
          excluded,
          measure: 'level',
          period,
          attribution,
          spend: total.toNumber(),
          spendExact: total.toFixed(),
          newCustomers: customers,
          currency: state.currency,
        }
        if (attribution !== 'per-channel') return result
        const channels: Record<string, ChannelCost> = {}
        for (const channel of new Set([...spent.keys(), ...counts.keys()])) {
          const amount = spent.get(channel) ?? new D(0)
          const n = counts.get(channel) ?? 0
          const v = n === 0 ? null : _exact(amount.div(n))
          _set(channels, channel, {
            value: v === null ? null : v.value,
            exact: v === null ? null : v.exact,
            spend: amount.toNumber(),
            newCustomers: n,
          })
        }
        return { ...result, channels }
      })
      return _periodOutput(fn, p, results, excluded, variant) as AcquisitionCostOutput<O>
    },
  }
}

/**
 * Customer acquisition cost: the acquisition spend of a period over the customers acquired in it —
 * blended (all spend, all new customers; the default), paid (spend on paid channels over customers
 * acquired through them, which a16z prefers for judging whether acquisition scales) or per channel. A
 * cost basis filter (`costKinds`) and a lag (spend of the previous period against this period's
 * customers, as SaaSGrid does) are options.
 *
 * Reactivated customers are not new: each customer counts once, at their first acquisition. Spend is
 * summed exactly with decimal.js; the result gives CAC as a number and as an exact decimal string.
 * Without new customers, `value` is `null` with `reason: 'zero-denominator'` and the spend is still
 * reported. Unit: currency per new customer.
 *
 * Sources: a16z "16 startup metrics" (#8); SaaSGrid; spec §7 (E1: $1,000 a day, 20 new customers, 5 of
 * them paid: blended $50, paid $200).
 *
 * @example
 * ```ts
 * acquisitionCost([...spend, ...newCustomers], { period: '2025-03', unit: 'month' }).value
 * ```
 * @category Economics
 */
export function acquisitionCost<const O extends AcquisitionCostOptions>(
  records: Iterable<AcquisitionRecord>,
  options: O,
): AcquisitionCostOutput<O>
export function acquisitionCost<T, const O extends AcquisitionCostOptions>(
  records: Iterable<T>,
  accessor: Accessor<T, AcquisitionRecord>,
  options: O,
): AcquisitionCostOutput<O>
export function acquisitionCost<T, const O extends AcquisitionCostOptions>(
  records: Iterable<T>,
  accessorOrOptions: Accessor<T, AcquisitionRecord> | O,
  options?: O,
): AcquisitionCostOutput<O> {
  return _foldAs(
    'acquisitionCost',
    acquisitionCostAggregator(accessorOrOptions as Accessor<T, AcquisitionRecord>, options as O),
    records,
  )
}
