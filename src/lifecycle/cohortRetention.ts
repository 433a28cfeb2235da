import { _accessorAndOptions } from '../core/_args.ts'
import { _integer, _rangeError, _typeError } from '../core/_assert.ts'
import { _documented } from '../core/_documented.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _keyed } from '../core/_keyed.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import { _SUBSCRIPTION_DOCS } from '../lifecycle/_subscription.ts'
import { _upper } from '../stats/_upper.ts'
import {
  _CALENDAR_DOCS,
  _CALENDAR_RULES,
  type _Calendar,
  _calendar,
  type CalendarOptions,
  type DateRange,
  type PeriodUnit,
} from '../time/_calendar.ts'
import { _activityAggregator } from './_activityEvents.ts'
import { type _CohortTableSpec, _cohortGrid, _cohortsOfRuns, _cohortTable } from './_cohortTable.ts'
import type { ActivityEvent, CohortRetentionResult, CohortRetentionState } from './_cohortTypes.ts'
import {
  _SUBSCRIPTION_FIELDS,
  _SUBSCRIPTION_RULES,
  type _SubscriptionConfig,
  _subscriptionAggregator,
  _subscriptionConfig,
  type Subscription,
  type SubscriptionOptions,
} from './_subscription.ts'
import { _eachLine } from './_timeline.ts'

export type {
  ActivityEvent,
  CohortAverage,
  CohortCell,
  CohortExclusion,
  CohortRetentionResult,
  CohortRetentionState,
  CohortRow,
} from './_cohortTypes.ts'

/**
 * Options of {@link cohortRetention}.
 * @category Lifecycle
 */
export interface CohortRetentionOptions extends SubscriptionOptions, CalendarOptions {
  /**
   * What the items are: subscriptions (cohorts by first paid period; retained = paying at the end of the
   * period) or activity events (cohorts by first event; retained = active in the period).
   * @defaultValue 'subscriptions'
   */
  readonly source?: 'subscriptions' | 'events'
  /** The grain of cohorts and of the columns. */
  readonly unit: PeriodUnit
  /** Only cohorts whose period overlaps this range. */
  readonly range?: DateRange
  /**
   * What a cell counts (Amplitude): active in exactly period k (`'n-period'`, "return on"), in k or any
   * later period (`'unbounded'`, "return on or after"), or in any period of each bracket of `brackets`.
   * @defaultValue 'n-period'
   */
  readonly criterion?: 'n-period' | 'unbounded' | 'bracket'
  /** For `'bracket'`: inclusive ranges of periods since the cohort's, e.g. `[[1, 1], [2, 4], [5, 8]]`. */
  readonly brackets?: readonly (readonly [number, number])[]
  /**
   * First-time cohorts (each customer once, by their first period; Mixpanel "birth") or recurring ones
   * (a customer joins the cohort of every period in which they were active; Mixpanel "compounded").
   * @defaultValue 'first'
   */
  readonly cohorting?: 'first' | 'recurring'
  /**
   * Customers (logo retention) or MRR (net MRR retention per cohort: the cohort's MRR at the end of each
   * period / its new-business MRR; ChartMogul). Revenue needs subscriptions and the `'n-period'` criterion.
   * @defaultValue 'logo'
   */
  readonly basis?: 'logo' | 'revenue'
  /**
   * How a column is averaged over cohorts: weighted by cohort size (sum retained / sum of sizes, Amplitude),
   * or the simple mean of the cells. Only complete cells count either way.
   * @defaultValue 'weighted'
   */
  readonly average?: 'weighted' | 'mean'
  /** For events: the event that puts a customer in a cohort, and the one that counts as a return. */
  readonly events?: {
    /** The event that puts a customer in a cohort (by default any). */
    readonly start?: string
    /** The event that counts as a return (by default any). */
    readonly return?: string
  }
  /** At most this many columns (periods since the cohort's). */
  readonly maxPeriods?: number
  /**
   * List the customer ids behind each cell.
   * @defaultValue false
   */
  readonly members?: boolean
}

const RULES = {
  ..._SUBSCRIPTION_RULES,
  ..._CALENDAR_RULES,
  source: {
    type: 'enum',
    values: ['subscriptions', 'events'],
    default: 'subscriptions',
  },
  unit: {
    type: 'enum',
    values: ['day', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'n-days'],
  },
  range: {
    type: 'object',
    expected: 'a range { from, to } of instants',
    fields: { from: { type: 'instant', required: true }, to: { type: 'instant', required: true } },
  },
  criterion: {
    type: 'enum',
    values: ['n-period', 'unbounded', 'bracket'],
    default: 'n-period',
  },
  brackets: { type: 'custom' },
  cohorting: {
    type: 'enum',
    values: ['first', 'recurring'],
    default: 'first',
  },
  basis: {
    type: 'enum',
    values: ['logo', 'revenue'],
    default: 'logo',
  },
  average: {
    type: 'enum',
    values: ['weighted', 'mean'],
    default: 'weighted',
  },
  events: {
    type: 'object',
    fields: {
      start: { type: 'string' },
      return: { type: 'string' },
    },
  },
  maxPeriods: { type: 'number', integer: true, min: 1 },
  members: { type: 'boolean', default: false },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  source: 'Cohorts from paid subscriptions, or from activity events.',
  unit: 'The period of cohorts and columns.',
  'range.from': 'The first cohort period starts at or after this instant.',
  'range.to': 'Cohort periods start before this instant (half-open).',
  range: 'Only cohorts that start within { from, to }.',
  criterion: 'Active in period n, active in n or later, or active within a bracket of periods.',
  brackets: "For 'bracket': the brackets, [from, to] period offsets.",
  cohorting: 'A customer in the cohort of their first period only, or of every period they start in.',
  basis: 'Cells count customers, or MRR over the cohort’s starting MRR.',
  average: 'Column averages weighted by cohort size, or plain means.',
  'events.start': 'The event type that starts a customer’s cohort.',
  'events.return': 'The event type that counts as returning.',
  events: 'For events: which event types start a cohort and which count as a return.',
  maxPeriods: 'At most this many columns (periods since the cohort’s).',
  members: 'List the customer ids behind each cell.',
}

/**
 * What {@link cohortRetention} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const cohortRetentionDescriptor: KpiDescriptor = {
  id: 'cohortRetention',
  title: 'Cohort retention table',
  category: 'lifecycle',
  input: { kind: 'subscription', fields: _SUBSCRIPTION_FIELDS },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, _SUBSCRIPTION_DOCS, _CALENDAR_DOCS, DOCS),
  result: {
    kind: 'table',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['cohorts', 'average'],
    // Revenue cells can pass 1: a cohort that expands keeps more MRR than it started with.
    cases: [{ when: { basis: 'revenue' }, bounds: [0, null] }],
  },
  periodModel: 'none',
  compute: cohortRetention,
  aggregator: cohortRetentionAggregator,
}

/**
 * The aggregator behind {@link cohortRetention}.
 * @category Lifecycle
 */
export function cohortRetentionAggregator(
  options: CohortRetentionOptions,
): Aggregator<Subscription | ActivityEvent, CohortRetentionState, CohortRetentionResult>
export function cohortRetentionAggregator<T>(
  accessor: Accessor<T, Subscription | ActivityEvent>,
  options: CohortRetentionOptions,
): Aggregator<T, CohortRetentionState, CohortRetentionResult>
/* @__NO_SIDE_EFFECTS__ */
export function cohortRetentionAggregator<T>(
  accessorOrOptions: Accessor<T, Subscription | ActivityEvent> | CohortRetentionOptions,
  maybeOptions?: CohortRetentionOptions,
): Aggregator<T, CohortRetentionState, CohortRetentionResult> {
  const fn = 'cohortRetention'
  const [accessor, options] = _accessorAndOptions<
    Accessor<T, Subscription | ActivityEvent>,
    CohortRetentionOptions
  >(fn, accessorOrOptions, maybeOptions)
  const { spec, source, events, calendar, config } = _cohortRetentionPlan(options)
  const { basis, cohorting } = spec
  const result = (state: CohortRetentionState): CohortRetentionResult => {
    // The grid: every period from the first with data to the one containing "now".
    let first = Number.POSITIVE_INFINITY
    let last = Number.NEGATIVE_INFINITY
    if (source === 'subscriptions') {
      for (const spans of state.customers.values) {
        for (const [start, end] of spans) {
          if (end !== null && end <= start) continue
          first = Math.min(first, start)
          last = Math.max(last, end ?? start)
        }
      }
      const grid = _cohortGrid(spec, first, last)
      const rows = _cohortTable(spec, grid)
      const scratch: number[] = []
      const only = [0]
      _eachLine(state, 'customer', (l, id) => {
        // Paying at the end of grid period j: active just before bounds[j + 1].
        const runs = scratch
        runs.length = 0
        for (let s = 0; s < l.t.length; s++) {
          const v = l.v[s] as number
          if (v === 0) continue
          const lo = _upper(grid, l.t[s] as number) - 1
          const hi = s + 1 < l.t.length ? _upper(grid, l.t[s + 1] as number) - 2 : grid.length - 2
          if (hi >= lo && lo >= 0) runs.push(lo, hi, basis === 'revenue' ? v : 1)
        }
        const start = _upper(grid, l.t[0] as number) - 1
        only[0] = start
        const firsts = cohorting === 'first' ? only : _cohortsOfRuns(runs, start)
        rows.add(id, firsts, runs, basis === 'revenue' ? (l.v[0] as number) : 1)
      })
      return rows.finish(state)
    }
    const { keys, values } = state.activity
    for (const [starts, returns] of values) {
      for (const t of starts) {
        first = Math.min(first, t)
        last = Math.max(last, t)
      }
      for (const t of returns) last = Math.max(last, t)
    }
    const grid = _cohortGrid(spec, first, last)
    const rows = _cohortTable(spec, grid)
    for (let i = 0; i < keys.length; i++) {
      const id = keys[i] as string
      const [starts, returns] = values[i] as [number[], number[]]
      if (starts.length === 0) continue
      const index = (t: number): number => _upper(grid, t) - 1
      const runs: number[] = []
      for (const j of returns.map(index).sort((a, b) => a - b)) {
        const n = runs.length
        if (n > 0 && (runs[n - 2] as number) >= j - 1) runs[n - 2] = Math.max(runs[n - 2] as number, j)
        else runs.push(j, j, 1)
      }
      const cohorts = starts.map(index).sort((a, b) => a - b)
      rows.add(id, cohorting === 'first' ? [cohorts[0] as number] : cohorts, runs, 1)
    }
    return rows.finish(state)
  }

  if (source === 'subscriptions') {
    const inner = _subscriptionAggregator(
      fn,
      accessor as Accessor<T, Subscription> | undefined,
      config,
      (s) => result(s as CohortRetentionState),
    )
    return {
      ...inner,
      init: () => ({
        ...inner.init(),
        activity: _keyed(),
        excluded: { ...inner.init().excluded, otherEvent: 0 },
      }),
    } as Aggregator<T, CohortRetentionState, CohortRetentionResult>
  }

  return _activityAggregator(
    fn,
    accessor as Accessor<T, ActivityEvent> | undefined,
    config,
    calendar,
    events,
    result,
  )
}

/** Reads cohortRetention's options once, for the aggregator and for a warehouse query. */
export function _cohortRetentionPlan(options: CohortRetentionOptions | undefined): {
  readonly spec: _CohortTableSpec
  readonly source: 'subscriptions' | 'events'
  readonly events: { readonly start?: string; readonly return?: string }
  readonly calendar: _Calendar
  readonly config: _SubscriptionConfig
} {
  const fn = 'cohortRetention'
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const source = o.source
  const basis = o.basis
  const criterion = o.criterion
  if (basis === 'revenue' && (source === 'events' || criterion !== 'n-period')) {
    throw _rangeError(
      fn,
      'options.basis',
      "'logo' with events or with the unbounded and bracket criteria",
      basis,
    )
  }
  const brackets = criterion === 'bracket' ? readBrackets(fn, o.brackets) : []
  const calendar = _calendar(fn, o.unit, o)
  const config = _subscriptionConfig(fn, options, basis === 'revenue')
  const range =
    o.range === undefined
      ? null
      : [
          _instantArgument(fn, 'options.range.from', o.range.from),
          _instantArgument(fn, 'options.range.to', o.range.to),
        ]
  const spec: _CohortTableSpec = {
    config,
    calendar,
    variant,
    range,
    maxColumns: o.maxPeriods ?? Number.POSITIVE_INFINITY,
    criterion,
    brackets,
    cohorting: o.cohorting,
    basis,
    averageMethod: o.average,
    members: o.members,
  }
  return { spec, source, events: o.events ?? {}, calendar, config }
}

function readBrackets(fn: string, value: unknown): [number, number][] {
  const expected = 'a non-empty array of [from, to] pairs of period offsets with 0 ≤ from ≤ to'
  if (!Array.isArray(value) || value.length === 0) throw _typeError(fn, 'options.brackets', expected, value)
  return value.map((pair: unknown) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw _typeError(fn, 'options.brackets', expected, pair)
    const a = _integer(fn, 'options.brackets', pair[0], 0)
    const b = _integer(fn, 'options.brackets', pair[1], a)
    return [a, b]
  })
}

/**
 * Cohort retention table: rows are acquisition cohorts (customers by the period of their first paid
 * subscription, or of their first event), columns are periods since (0, 1, 2…), cells the share of the
 * cohort retained — paying at the end of the period (subscriptions) or active in it (events).
 *
 * Options cover the variants analytics tools use: the criterion ("return on" `'n-period'`, "on or after"
 * `'unbounded'`, custom `'bracket'` ranges; Amplitude), first-time or recurring cohorts (Mixpanel birth /
 * compounded), logo or revenue (net MRR retention per cohort, ChartMogul), any grain and time zone, and a
 * drill-down of the customers behind each cell. Cells whose period is not over at `asOf` are `null` with
 * `complete: false` — immature, never 0 — and column averages count only completed cells, weighted by
 * cohort size (or a simple mean).
 *
 * Under n-period retention later cells can exceed earlier ones (retention is not a funnel); revenue cells
 * can exceed 1 (expansion). Sources: Amplitude retention FAQ; Mixpanel retention query; ChartMogul
 * cohorts (help.chartmogul.com/hc/en-us/articles/203359411); spec §4.4, §5.3.
 *
 * @example
 * ```ts
 * const t = cohortRetention(subscriptions, { unit: 'month', asOf: '2026-01-01T00:00:00Z' })
 * t.cohorts[0]?.cells.map((c) => c.value) // the first cohort, period by period since it started
 * t.average.map((a) => a.value)
 * ```
 * @category Lifecycle
 */
export function cohortRetention(
  items: Iterable<Subscription | ActivityEvent>,
  options: CohortRetentionOptions,
): CohortRetentionResult
export function cohortRetention<T>(
  items: Iterable<T>,
  accessor: Accessor<T, Subscription | ActivityEvent>,
  options: CohortRetentionOptions,
): CohortRetentionResult
export function cohortRetention<T>(
  items: Iterable<T>,
  accessorOrOptions: Accessor<T, Subscription | ActivityEvent> | CohortRetentionOptions,
  options?: CohortRetentionOptions,
): CohortRetentionResult {
  return _foldAs(
    'cohortRetention',
    cohortRetentionAggregator(
      accessorOrOptions as Accessor<T, Subscription | ActivityEvent>,
      options as CohortRetentionOptions,
    ),
    items,
  )
}
