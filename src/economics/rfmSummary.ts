import { _accessorAndOptions } from '../core/_args.ts'
import { _integer, _number, _oneOf, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _finder, _keyed } from '../core/_keyed.ts'
import { _made, _sameMaker } from '../core/_made.ts'
import { _numeric } from '../core/_numeric.ts'
import { _compareIds } from '../core/_order.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DISAMBIGUATION, _DOCS, _INPUT_TIME_ZONE, _ON_INVALID } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator, KeyedMap } from '../core/aggregator.ts'
import type { InputField, KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import { _instantReader, type DateInput, type ParseInstantOptions } from '../core/parseInstant.ts'
import type { ExclusionCounts, NumericInput, OnInvalid, Variant } from '../core/result.ts'
import { _calendar } from '../time/_calendar.ts'
import { _locator } from '../time/_locator.ts'

/**
 * A purchase.
 * @category Economics
 */
export interface Transaction {
  /** The customer. */
  readonly customerId: string | number
  /** When. */
  readonly at: DateInput
  /** Its value in major units, a number or a decimal string (for the monetary value); absent when only counts matter. */
  readonly amount?: NumericInput
}

/**
 * The time unit of a summary: days, weeks (7 days), or any number of days.
 * @category Economics
 */
export type RfmUnit = 'day' | 'week' | number

/**
 * Options of {@link rfmSummary}.
 * @category Economics
 */
export interface RfmSummaryOptions extends ParseInstantOptions {
  /** The last day of the calibration period: purchases on that day count, and `T` runs to its start. */
  readonly calibrationEnd: DateInput
  /** The last day of an optional holdout period after calibration, for `holdoutFrequency`. */
  readonly holdoutEnd?: DateInput
  /**
   * The unit of `recency` and `T`: `'day'`, `'week'` (7 days, as CDNOW is published) or a number of days.
   * @defaultValue 'week'
   */
  readonly durationUnit?: RfmUnit
  /**
   * The zone whose calendar days purchases are merged in.
   * @defaultValue 'UTC'
   */
  readonly timeZone?: string
  /**
   * Digits of the currency's minor unit: amounts are summed exactly in whole minor units.
   * @defaultValue 2
   */
  readonly minorUnits?: number
  /**
   * What to do with an invalid transaction.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * One customer's summary, in the paper's notation: x, t_x, T and m_x.
 * @category Economics
 */
export interface RfmCustomer {
  /** The customer. */
  readonly customerId: string
  /** x: repeat purchase occasions (days) in calibration; the first purchase is not a repeat. */
  readonly frequency: number
  /** t_x: time from the first purchase to the last repeat purchase (0 when x = 0), in the unit. */
  readonly recency: number
  /** T: time from the first purchase to the end of calibration, in the unit. */
  readonly T: number
  /** m_x: mean value of the repeat purchase occasions (first excluded), major units; 0 when x = 0. */
  readonly monetaryValue: number
  /** The first purchase day, `'YYYY-MM-DD'`. */
  readonly firstPurchase: string
  /** Repeat purchase occasions in the holdout period (with `holdoutEnd`). */
  readonly holdoutFrequency?: number
  /** Mean value of the holdout occasions (with `holdoutEnd`), 0 without any. */
  readonly holdoutMonetaryValue?: number
}

/**
 * Why a transaction was left out: besides `missing` and `invalid`, `outOfRange` (after the calibration,
 * or the holdout when there is one: outside the range it summarises).
 * @category Economics
 */
export type RfmExclusion = 'outOfRange'

/**
 * The result of {@link rfmSummary}.
 * @category Economics
 */
export interface RfmSummaryResult {
  /** Always `'table'`: one row per customer. */
  readonly kind: 'table'
  /** The resolved options that change the numbers. */
  readonly variant: Variant
  /** Always `'rfmSummary'`. */
  readonly kpi: 'rfmSummary'
  /** The unit of `recency`, `T` and the holdout length, in days per unit. */
  readonly unitDays: number
  /** The customers, by id; only those whose first purchase is in calibration. */
  readonly customers: RfmCustomer[]
  /** The holdout length in units, or null without a holdout. */
  readonly holdoutLength: number | null
  /** Transactions counted. */
  readonly n: number
  /** Transactions left out, by reason. */
  readonly excluded: ExclusionCounts<RfmExclusion>
  /** Customers left out because their first purchase is after calibration (holdout only). */
  readonly firstAfterCalibration: number
}

/**
 * The state of {@link rfmSummaryAggregator}: per customer, per civil day number, the day's total in minor
 * units (purchase days, not transactions).
 * @category Economics
 */
export interface RfmSummaryState {
  /** The zone whose calendar days the purchases were merged in, as JSON; states of another zone are not merged. */
  made: string
  /**
   * Day totals by customer and day number (days since 1970-01-01 in the zone's calendar): `values[i]`
   * holds the days of customer `keys[i]`.
   */
  customers: KeyedMap<Record<string, number>>
  /** Transactions counted. */
  n: number
  /** Transactions left out. */
  excluded: ExclusionCounts<RfmExclusion>
}

const DAY = 86_400_000
const civil = (key: string): number =>
  Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / DAY
const dayKey = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)

const RULES = {
  calibrationEnd: { type: 'instant' },
  holdoutEnd: { type: 'instant' },
  durationUnit: {
    type: 'enum',
    values: ['day', 'week'],
    also: 'number',
    default: 'week',
  },
  timeZone: { type: 'string', default: 'UTC' },
  minorUnits: { type: 'number', integer: true, min: 0, max: 6, default: 2 },
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
  onInvalid: _ON_INVALID,
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  calibrationEnd: 'The end of the calibration period.',
  holdoutEnd: 'The end of a holdout period, whose purchases are counted apart.',
  durationUnit: "The unit of recency and age: 'week', 'day' or a number of days.",
  timeZone: 'The zone in which purchases on one day merge.',
  minorUnits: 'Digits of the minor unit.',
}

const INPUT_FIELDS: { readonly [name: string]: InputField } = {
  customerId: { type: 'string', required: true, doc: 'The customer.' },
  at: { type: 'instant', required: true, doc: 'When the purchase was made.' },
  amount: { type: 'money', required: true, doc: 'Its value, in major units.' },
}

/**
 * What {@link rfmSummary} computes, as data: its input and options.
 * @category Economics
 */
export const rfmSummaryDescriptor: KpiDescriptor = {
  id: 'rfmSummary',
  title: 'Recency, frequency and monetary value',
  category: 'predictive',
  input: { kind: 'transaction', fields: INPUT_FIELDS },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'table',
    unit: 'count',
    measure: 'level',
    bounds: [0, null],
    better: 'higher',
    components: ['customers', 'repeatCustomers'],
  },
  periodModel: 'none',
  compute: rfmSummary,
  aggregator: rfmSummaryAggregator,
}

/**
 * The aggregator behind {@link rfmSummary}.
 * @category Economics
 */
export function rfmSummaryAggregator(
  options: RfmSummaryOptions,
): Aggregator<Transaction, RfmSummaryState, RfmSummaryResult>
export function rfmSummaryAggregator<T>(
  accessor: Accessor<T, Transaction>,
  options: RfmSummaryOptions,
): Aggregator<T, RfmSummaryState, RfmSummaryResult>
/* @__NO_SIDE_EFFECTS__ */
export function rfmSummaryAggregator<T>(
  accessorOrOptions: Accessor<T, Transaction> | RfmSummaryOptions,
  maybeOptions?: RfmSummaryOptions,
): Aggregator<T, RfmSummaryState, RfmSummaryResult> {
  const fn = 'rfmSummary'
  const [accessor, options] = _accessorAndOptions<Accessor<T, Transaction>, RfmSummaryOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const instant = _instantReader(fn, o)
  const variant = _variant(RULES, o)
  const made = _made(variant, ['timeZone'])
  if (o.calibrationEnd === undefined) throw _typeError(fn, 'options.calibrationEnd', 'a date', undefined)
  const unitDays =
    typeof o.durationUnit === 'number'
      ? _number(fn, 'options.durationUnit', o.durationUnit, Number.MIN_VALUE)
      : o.durationUnit === undefined
        ? 7
        : _oneOf(fn, 'options.durationUnit', o.durationUnit, ['day', 'week']) === 'day'
          ? 1
          : 7
  const calendar = _calendar(fn, 'day', o.timeZone === undefined ? {} : { timeZone: o.timeZone })
  const utc = calendar.timeZone === 'UTC'
  const dayOf = (t: number): number => civil(calendar.key(calendar.startOf(t)))
  const calibrationEnd = dayOf(_instantArgument(fn, 'options.calibrationEnd', o.calibrationEnd))
  const holdoutEnd =
    o.holdoutEnd === undefined ? null : dayOf(_instantArgument(fn, 'options.holdoutEnd', o.holdoutEnd))
  if (holdoutEnd !== null && holdoutEnd <= calibrationEnd) {
    throw _typeError(fn, 'options.holdoutEnd', 'a day after `options.calibrationEnd`', o.holdoutEnd)
  }
  const lastDay = holdoutEnd ?? calibrationEnd
  const minor =
    10 ** (o.minorUnits === undefined ? 2 : _integer(fn, 'options.minorUnits', o.minorUnits, 0, 6))
  const onInvalid =
    o.onInvalid === undefined ? 'exclude' : _oneOf(fn, 'options.onInvalid', o.onInvalid, ['exclude', 'throw'])
  // Days are located without zone arithmetic per transaction: UTC days by division, other zones through
  // a locator that computes each local day once.
  const locate = utc ? null : _locator(calendar)

  const find = _finder(fn)
  return {
    kpi: fn,
    init: () => ({ made, customers: _keyed(), n: 0, excluded: { missing: 0, invalid: 0, outOfRange: 0 } }),
    add(state, item, index) {
      const x = state.excluded
      const t = accessor === undefined ? (item as unknown as Transaction) : accessor(item, index)
      if (
        t === null ||
        t === undefined ||
        t.customerId === undefined ||
        t.customerId === null ||
        t.at === undefined ||
        t.at === null
      ) {
        _exclude(x, 'missing', onInvalid, fn, index, t)
        return state
      }
      const at = instant(t.at)
      const amount = t.amount === undefined || t.amount === null ? 0 : _numeric(t.amount)
      // Whole minor units that integers hold exactly; a larger amount is invalid, not rounded away.
      const cents = amount !== null ? Math.round(amount * minor) : Number.NaN
      if (!Number.isSafeInteger(cents)) {
        _exclude(x, 'invalid', onInvalid, fn, index, t.amount)
        return state
      }
      if (at === null || (typeof t.customerId !== 'string' && typeof t.customerId !== 'number')) {
        _exclude(x, 'invalid', onInvalid, fn, index, t.at)
        return state
      }
      const day = locate === null ? Math.floor(at / DAY) : civil(locate(at).key)
      if (day > lastDay) {
        x.outOfRange++
        return state
      }
      const id = String(t.customerId)
      let days = find.get(state.customers, id)
      if (days === undefined) {
        days = {}
        find.set(state.customers, id, days)
      }
      days[day] = (days[day] ?? 0) + cents
      state.n++
      return state
    },
    merge(a, b) {
      if (a === b) b = _copy(b)
      _sameMaker(fn, a.made, b.made)
      const { keys, values } = b.customers
      for (let i = 0; i < keys.length; i++) {
        const id = keys[i] as string
        const from = values[i] as Record<string, number>
        const into = find.get(a.customers, id)
        if (into === undefined) find.set(a.customers, id, { ...from })
        else for (const d of Object.keys(from)) into[d] = (into[d] ?? 0) + (from[d] as number)
      }
      a.n += b.n
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result(state) {
      const customers: RfmCustomer[] = []
      let late = 0
      const { keys, values } = state.customers
      for (let c = 0; c < keys.length; c++) {
        const id = keys[c] as string
        const totals = values[c] as Record<string, number>
        const days = Object.keys(totals)
          .map(Number)
          .sort((p, q) => p - q)
        const first = days[0] as number
        if (first > calibrationEnd) {
          late++
          continue
        }
        let x = 0
        let last = first
        let sum = 0
        let holdout = 0
        let holdoutSum = 0
        for (let i = 1; i < days.length; i++) {
          const d = days[i] as number
          const value = totals[d] as number
          if (d <= calibrationEnd) {
            x++
            last = d
            sum += value
          } else {
            holdout++
            holdoutSum += value
          }
        }
        const row: RfmCustomer = {
          customerId: id,
          frequency: x,
          recency: x === 0 ? 0 : (last - first) / unitDays,
          T: (calibrationEnd - first) / unitDays,
          monetaryValue: x === 0 ? 0 : sum / x / minor,
          firstPurchase: dayKey(first),
        }
        customers.push(
          holdoutEnd === null
            ? row
            : {
                ...row,
                holdoutFrequency: holdout,
                holdoutMonetaryValue: holdout === 0 ? 0 : holdoutSum / holdout / minor,
              },
        )
      }
      customers.sort((p, q) => _compareIds(p.customerId, q.customerId))
      return {
        kind: 'table',
        kpi: 'rfmSummary',
        variant,
        unitDays,
        customers,
        holdoutLength: holdoutEnd === null ? null : (holdoutEnd - calibrationEnd) / unitDays,
        n: state.n,
        excluded: { ...state.excluded },
        firstAfterCalibration: late,
      }
    },
  }
}

/**
 * The customer-by-customer summary that BG/NBD, Pareto/NBD and Gamma-Gamma are fitted on, from a
 * transaction log: for each customer, x (repeat purchase occasions in the calibration period), t_x (time
 * from the first purchase to the last repeat), T (time from the first purchase to the end of
 * calibration) and m_x (the mean value of the repeat occasions).
 *
 * The rules users trip over are built in: several purchases on one day (in `timeZone`) are one occasion,
 * with their values added; the first purchase is not a repeat and is not in m_x; the unit is explicit
 * (weeks by default, as CDNOW is published) and reported; the calibration end is explicit, and a holdout
 * period after it is counted when asked. Amounts are summed exactly in minor units.
 *
 * Reproduces the published CDNOW summary (2,357 customers; 946 with x > 0) from its transaction log.
 * Source: Fader, Hardie & Lee (2005); Hardie's note 004.
 *
 * @example
 * ```ts
 * rfmSummary(transactions, { calibrationEnd: '1997-09-30T00:00:00Z' }).customers[0]
 * // { customerId: '1', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35, … }
 * ```
 * @category Economics
 */
export function rfmSummary(transactions: Iterable<Transaction>, options: RfmSummaryOptions): RfmSummaryResult
export function rfmSummary<T>(
  transactions: Iterable<T>,
  accessor: Accessor<T, Transaction>,
  options: RfmSummaryOptions,
): RfmSummaryResult
export function rfmSummary<T>(
  transactions: Iterable<T>,
  accessorOrOptions: Accessor<T, Transaction> | RfmSummaryOptions,
  options?: RfmSummaryOptions,
): RfmSummaryResult {
  return _foldAs(
    'rfmSummary',
    rfmSummaryAggregator(accessorOrOptions as Accessor<T, Transaction>, options as RfmSummaryOptions),
    transactions,
  )
}
