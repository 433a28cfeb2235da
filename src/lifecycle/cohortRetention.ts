import { _accessorAndOptions } from '../core/_args.ts'
import { _integer, _rangeError, _typeError } from '../core/_assert.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { DateInput } from '../core/parseInstant.ts'
import type { Excluded, ExclusionCounts, Variant } from '../core/result.ts'
import { _SUBSCRIPTION_DOCS } from '../lifecycle/_subscription.ts'
import { _upper } from '../stats/_upper.ts'
import {
  _CALENDAR_DOCS,
  _CALENDAR_RULES,
  _calendar,
  type CalendarOptions,
  type DateRange,
  type PeriodUnit,
} from '../time/_calendar.ts'
import type { PeriodInfo } from '../time/byPeriod.ts'
import {
  _major,
  _SUBSCRIPTION_FIELDS,
  _SUBSCRIPTION_RULES,
  _subscriptionAggregator,
  _subscriptionConfig,
  type Subscription,
  type SubscriptionExclusion,
  type SubscriptionOptions,
  type SubscriptionSpan,
  type SubscriptionState,
} from './_subscription.ts'
import { _eachLine } from './_timeline.ts'

/**
 * A product-usage event, for cohorts by first event.
 * @category Lifecycle
 */
export interface ActivityEvent {
  /** Who did it. */
  readonly customerId: string | number
  /** When. */
  readonly at: DateInput
  /** What (used with `events.start` and `events.return`). */
  readonly event?: string
}

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

/**
 * One cell of a cohort table.
 * @category Lifecycle
 */
export interface CohortCell {
  /** Retained share (of customers, or of the cohort's new MRR); `null` while the period is not over. */
  readonly value: number | null
  /** Retained customers, or retained MRR in major units; `null` while the period is not over. */
  readonly retained: number | null
  /** False while the cell's period (or bracket) is not over at `asOf`: immature, not 0. */
  readonly complete: boolean
  /** The customers behind it, with `members: true`. */
  readonly members?: string[]
}

/**
 * One cohort of a cohort table.
 * @category Lifecycle
 */
export interface CohortRow {
  /** The cohort's period. */
  readonly period: PeriodInfo
  /** Customers in it. */
  readonly size: number
  /** What the cells divide by: the size, or the cohort's new-business MRR (major units). */
  readonly base: number
  /** The cells, column by column. */
  readonly cells: CohortCell[]
}

/**
 * A column's average over the cohorts that completed it.
 * @category Lifecycle
 */
export interface CohortAverage {
  /** The average, or `null` when no cohort completed the column. */
  readonly value: number | null
  /** Cohorts that count. */
  readonly cohorts: number
  /** Their total size (or base). */
  readonly size: number
}

/**
 * Why an input was left out of a cohort table: the subscription reasons, and for events `otherEvent`
 * (neither the start nor the return event).
 * @category Lifecycle
 */
export type CohortExclusion = SubscriptionExclusion | 'otherEvent'

/**
 * The result of {@link cohortRetention}.
 * @category Lifecycle
 */
export interface CohortRetentionResult {
  /** Always `'table'`: one row per cohort, one column per period since it. */
  readonly kind: 'table'
  /** The resolved options that change the numbers. */
  readonly variant: Variant
  /** Always `'cohortRetention'`. */
  readonly kpi: 'cohortRetention'
  /** The grain. */
  readonly unit: PeriodUnit
  /** The time zone. */
  readonly timeZone: string
  /** Customers or MRR. */
  readonly basis: 'logo' | 'revenue'
  /** The criterion. */
  readonly criterion: 'n-period' | 'unbounded' | 'bracket'
  /** First-time or recurring cohorts. */
  readonly cohorting: 'first' | 'recurring'
  /** Column labels: `'0'`, `'1'`… periods since the cohort's, or `'2–4'` for brackets. */
  readonly columns: string[]
  /** The cohorts in time order. */
  readonly cohorts: CohortRow[]
  /** Column averages. */
  readonly average: CohortAverage[]
  /** How columns are averaged. */
  readonly averageMethod: 'weighted' | 'mean'
  /** Inputs left out, by reason. */
  readonly excluded: Excluded<CohortExclusion>
}

/**
 * The state of {@link cohortRetentionAggregator}: paid spans by customer (subscriptions), or the starts of
 * the periods in which each customer started and returned (events) — proportional to customers and
 * periods, not to events.
 * @category Lifecycle
 */
export interface CohortRetentionState extends SubscriptionState {
  /** For events: per customer, [periods with a start event, periods with a return event] (period starts, ms). */
  activity: Record<string, [number[], number[]]>
  /** Inputs left out, by reason. */
  excluded: ExclusionCounts<CohortExclusion>
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
  range: { type: 'custom' },
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
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const source = o.source
  const basis = o.basis
  const criterion = o.criterion
  const cohorting = o.cohorting
  const averageMethod = o.average
  const members = o.members
  const maxColumns = o.maxPeriods ?? Number.POSITIVE_INFINITY
  if (basis === 'revenue' && (source === 'events' || criterion !== 'n-period')) {
    throw _rangeError(
      fn,
      'options.basis',
      "'logo' with events or with the unbounded and bracket criteria",
      basis,
    )
  }
  const brackets = criterion === 'bracket' ? readBrackets(fn, o.brackets) : []
  const events = o.events ?? {}
  const calendar = _calendar(fn, o.unit, o)
  const config = _subscriptionConfig(fn, options, basis === 'revenue')
  const range =
    o.range === undefined
      ? null
      : [
          _instantArgument(fn, 'options.range.from', o.range.from),
          _instantArgument(fn, 'options.range.to', o.range.to),
        ]

  const result = (state: CohortRetentionState): CohortRetentionResult => {
    // The grid: every period from the first with data to the one containing "now".
    let first = Number.POSITIVE_INFINITY
    let last = Number.NEGATIVE_INFINITY
    if (source === 'subscriptions') {
      for (const id in state.customers) {
        for (const [start, end] of state.customers[id] as SubscriptionSpan[]) {
          if (end !== null && end <= start) continue
          first = Math.min(first, start)
          last = Math.max(last, end ?? start)
        }
      }
      const grid = gridFrom(first, last)
      const rows = table(grid)
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
        const firsts = cohorting === 'first' ? only : cohortsOfRuns(runs, start)
        rows.add(id, firsts, runs, basis === 'revenue' ? (l.v[0] as number) : 1)
      })
      return rows.finish(state)
    }
    for (const id in state.activity) {
      const [starts, returns] = state.activity[id] as [number[], number[]]
      for (const t of starts) {
        first = Math.min(first, t)
        last = Math.max(last, t)
      }
      for (const t of returns) last = Math.max(last, t)
    }
    const grid = gridFrom(first, last)
    const rows = table(grid)
    for (const id in state.activity) {
      const [starts, returns] = state.activity[id] as [number[], number[]]
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

  /** Period starts from the one containing `from` to the end of the one containing "now" (or the last data). */
  function gridFrom(from: number, to: number): number[] {
    if (from === Number.POSITIVE_INFINITY) return []
    const horizon = config.asOf === Number.POSITIVE_INFINITY ? to : config.asOf
    const start = calendar.startOf(range === null ? from : Math.max(from, range[0] as number))
    const bounds = [start]
    // Up to the period containing the last data, or the one in progress at asOf (none starts at asOf).
    const inside = (t: number): boolean =>
      config.asOf === Number.POSITIVE_INFINITY ? t <= horizon : t < horizon
    while (inside(bounds[bounds.length - 1] as number))
      bounds.push(calendar.next(bounds[bounds.length - 1] as number))
    return bounds
  }

  /** The table over a grid: `add` each customer's cohorts and activity runs, then `finish`. */
  function table(grid: number[]): {
    add(id: string, firsts: readonly number[], runs: readonly number[], base: number): void
    finish(state: CohortRetentionState): CohortRetentionResult
  } {
    const periodCount = Math.max(0, grid.length - 1)
    const horizon = config.asOf === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : config.asOf
    const lastCohort =
      range === null ? periodCount - 1 : Math.min(periodCount - 1, _upper(grid, (range[1] as number) - 1) - 1)
    const cohortCount = Math.max(0, lastCohort + 1)
    const columns = Math.min(maxColumns, criterion === 'bracket' ? brackets.length : periodCount)
    const complete = (j: number): boolean => j < periodCount && (grid[j + 1] as number) <= horizon
    const sizes = new Array<number>(cohortCount).fill(0)
    const bases = new Array<number>(cohortCount).fill(0)
    const retained = Array.from({ length: cohortCount }, () => new Array<number>(columns + 1).fill(0))
    const who = members
      ? Array.from({ length: cohortCount }, () => Array.from({ length: columns }, (): string[] => []))
      : null
    /** Marks columns k0…k1 of cohort c as retained (weight w), as a difference array. */
    const mark = (c: number, id: string, k0: number, k1: number, w: number): void => {
      const a = Math.max(0, k0)
      const b = Math.min(columns - 1, k1)
      if (a > b) return
      const cells = retained[c] as number[]
      cells[a] = (cells[a] as number) + w
      cells[b + 1] = (cells[b + 1] as number) - w
      if (who !== null) for (let k = a; k <= b; k++) (who[c] as string[][])[k]?.push(id)
    }
    /** Adds a customer: the cohorts it belongs to, and its activity as flat runs [from, to, weight, …]. */
    const add = (id: string, firsts: readonly number[], runs: readonly number[], base: number): void => {
      for (const c of firsts) {
        if (c < 0 || c >= cohortCount) continue
        sizes[c] = (sizes[c] as number) + 1
        bases[c] = (bases[c] as number) + base
        if (criterion === 'n-period') {
          for (let r = 0; r < runs.length; r += 3) {
            mark(c, id, (runs[r] as number) - c, (runs[r + 1] as number) - c, runs[r + 2] as number)
          }
        } else if (criterion === 'unbounded') {
          let lastActive = -1
          for (let r = 1; r < runs.length; r += 3)
            if ((runs[r] as number) >= c) lastActive = Math.max(lastActive, runs[r] as number)
          if (lastActive >= c) mark(c, id, 0, lastActive - c, 1)
        } else {
          brackets.forEach(([a, b], k) => {
            for (let r = 0; r < runs.length; r += 3) {
              if ((runs[r] as number) <= c + b && (runs[r + 1] as number) >= c + a) {
                mark(c, id, k, k, 1)
                return
              }
            }
          })
        }
      }
    }
    const finish = (state: CohortRetentionState): CohortRetentionResult => {
      const scale = (x: number): number => (basis === 'revenue' ? _major(x, config) : x)
      const cohorts: CohortRow[] = []
      const sums = Array.from({ length: columns }, () => ({ retained: 0, size: 0, values: 0, cohorts: 0 }))
      for (let c = 0; c < cohortCount; c++) {
        const start = grid[c] as number
        const end = grid[c + 1] as number
        const cells: CohortCell[] = []
        let running = 0
        for (let k = 0; k < columns; k++) {
          running += (retained[c] as number[])[k] as number
          const lastPeriod =
            criterion === 'bracket' ? c + ((brackets[k] as [number, number])[1] as number) : c + k
          const done = complete(lastPeriod)
          const base = bases[c] as number
          const value = done && base > 0 ? running / base : null
          const cell: CohortCell = { value, retained: done ? scale(running) : null, complete: done }
          cells.push(
            who === null ? cell : { ...cell, members: done ? ((who[c] as string[][])[k] as string[]) : [] },
          )
          if (value !== null) {
            const s = sums[k] as { retained: number; size: number; values: number; cohorts: number }
            s.retained += running
            s.size += base
            s.values += value
            s.cohorts++
          }
        }
        if ((sizes[c] as number) === 0 && range === null) continue
        cohorts.push({
          period: { key: calendar.key(start), start, end, complete: end <= horizon },
          size: sizes[c] as number,
          base: scale(bases[c] as number),
          cells,
        })
      }
      return {
        kind: 'table',
        kpi: 'cohortRetention',
        variant,
        unit: calendar.unit,
        timeZone: calendar.timeZone,
        basis,
        criterion,
        cohorting,
        columns: Array.from({ length: columns }, (_, k) =>
          criterion === 'bracket' ? bracketLabel(brackets[k] as [number, number]) : String(k),
        ),
        cohorts,
        average: sums.map((s) => ({
          value:
            s.cohorts === 0
              ? null
              : averageMethod === 'weighted'
                ? s.retained / s.size
                : s.values / s.cohorts,
          cohorts: s.cohorts,
          size: scale(s.size),
        })),
        averageMethod,
        excluded: { ...state.excluded },
      }
    }
    return { add, finish }
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
      init: () => ({ ...inner.init(), activity: {}, excluded: { ...inner.init().excluded, otherEvent: 0 } }),
    } as Aggregator<T, CohortRetentionState, CohortRetentionResult>
  }

  const startEvent = events.start
  const returnEvent = events.return
  return {
    kpi: fn,
    init: () => ({
      currency: null,
      customers: {},
      n: 0,
      activity: {},
      excluded: { missing: 0, invalid: 0, trial: 0, free: 0, pending: 0, otherEvent: 0 },
    }),
    add(state, item, index) {
      const e = (accessor === undefined ? item : accessor(item, index)) as ActivityEvent
      const skip = (reason: string, value: unknown): CohortRetentionState => {
        const policy = reason === 'missing' || reason === 'invalid' ? config.onInvalid : 'exclude'
        _exclude(state.excluded, reason, policy, fn, index, value)
        return state
      }
      if (e === null || e === undefined) return skip('missing', e)
      const id = e.customerId
      if (id === undefined || id === null || id === '' || e.at === undefined || e.at === null) {
        return skip('missing', id)
      }
      const at = config.instant(e.at)
      if (at === null || (typeof id !== 'string' && typeof id !== 'number')) {
        return skip('invalid', e.at)
      }
      if (at >= config.asOf) return skip('pending', e.at)
      const isStart = startEvent === undefined || e.event === startEvent
      const isReturn = returnEvent === undefined || e.event === returnEvent
      if (!isStart && !isReturn) return skip('otherEvent', e.event)
      const period = calendar.startOf(at)
      let entry = state.activity[id]
      if (entry === undefined) {
        entry = [[], []]
        state.activity[id] = entry
      }
      if (isStart && !entry[0].includes(period)) entry[0].push(period)
      if (isReturn && !entry[1].includes(period)) entry[1].push(period)
      state.n++
      return state
    },
    merge(a, b) {
      for (const id in b.activity) {
        const [s, r] = b.activity[id] as [number[], number[]]
        const mine = a.activity[id]
        if (mine === undefined) a.activity[id] = [s.slice(), r.slice()]
        else {
          for (const t of s) if (!mine[0].includes(t)) mine[0].push(t)
          for (const t of r) if (!mine[1].includes(t)) mine[1].push(t)
        }
      }
      a.n += b.n
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result,
  }
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

const bracketLabel = ([a, b]: [number, number]): string => (a === b ? String(a) : `${a}–${b}`)

/** For recurring cohorts from subscriptions: every period in which the customer was active at the end. */
function cohortsOfRuns(runs: readonly number[], start: number): number[] {
  const out = [start]
  for (let r = 0; r < runs.length; r += 3) {
    for (let j = Math.max(runs[r] as number, start + 1); j <= (runs[r + 1] as number); j++) out.push(j)
  }
  return out
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
