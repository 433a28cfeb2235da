// A warehouse query's spec, checked, and the in-memory aggregator whose states the query's rows become.
import { _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import type { Aggregator, AnyAggregator } from '../core/aggregator.ts'
import { type DateInput, parseInstant } from '../core/parseInstant.ts'
import type { DefinitionFilter } from '../definitions/_types.ts'
import type { RfmSummaryResult } from '../economics/rfmSummary.ts'
import type { SubscriptionExclusion } from '../lifecycle/_subscription.ts'
import type { ChurnRateResult } from '../lifecycle/churnRate.ts'
import type { CohortRetentionResult } from '../lifecycle/cohortRetention.ts'
import type { MrrMovementsResult } from '../lifecycle/mrrMovements.ts'
import type { RevenueRetentionResult } from '../lifecycle/revenueRetention.ts'
import type { SurvivalResult } from '../lifecycle/survival.ts'
import type { FirstContactResolutionResult } from '../support/firstContactResolution.ts'
import type { FirstReplyTimeResult } from '../support/firstReplyTime.ts'
import type { ResolutionTimeResult } from '../support/resolutionTime.ts'
import type { SlaAttainmentResult } from '../support/slaAttainment.ts'
import type { AcsiResult } from '../survey/acsi.ts'
import type { CesResult } from '../survey/ces.ts'
import type { CsatResult } from '../survey/csat.ts'
import type { NpsResult } from '../survey/nps.ts'
import type { ResponseRateResult } from '../survey/responseRate.ts'
import { _CALENDAR_KEYS, type CalendarOptions, type DateRange } from '../time/_calendar.ts'
import type { PeriodSeries } from '../time/_series.ts'
import { type ByKeyResult, byKey } from '../time/byKey.ts'
import { type ByPeriodResult, byPeriod } from '../time/byPeriod.ts'
import { _CODECS } from './_codecs.ts'
import { _DIALECTS, type SqlDialect } from './_dialects.ts'
import { _DURATION_KPIS, _durationAggregator } from './_durations.ts'
import { _checkRfm } from './_rfm.ts'
import { _checkSubscriptions, _SUBSCRIPTION_KPIS } from './_subscriptions.ts'

/**
 * The KPIs a warehouse computes, and their results.
 * @category Warehouse
 */
export interface WarehouseKpis {
  /** Net Promoter Score. */
  readonly nps: NpsResult
  /** CSAT. */
  readonly csat: CsatResult
  /** CES. */
  readonly ces: CesResult
  /** The ACSI index of three questions. */
  readonly acsi: AcsiResult
  /** Survey response rate. */
  readonly responseRate: ResponseRateResult
  /** First-contact resolution, by a method computed per ticket. */
  readonly firstContactResolution: FirstContactResolutionResult
  /** SLA attainment against a target in calendar time. */
  readonly slaAttainment: SlaAttainmentResult
  /** First reply time: exact percentiles per period and key, in calendar and business time. */
  readonly firstReplyTime: FirstReplyTimeResult
  /** Resolution time, first and full: exact percentiles per period and key, in calendar and business time. */
  readonly resolutionTime: ResolutionTimeResult
  /** Kaplan–Meier survival, from the tallies of its observations. */
  readonly survival: SurvivalResult
  /** The RFM summary of a transaction log, one row per customer. */
  readonly rfmSummary: RfmSummaryResult
  /** Customer churn rate, for the options' period (a series for a range). */
  readonly churnRate: ChurnRateResult | PeriodSeries<ChurnRateResult, 'churnRate', SubscriptionExclusion>
  /** MRR movements, for the options' period (a series for a range). */
  readonly mrrMovements:
    | MrrMovementsResult
    | PeriodSeries<MrrMovementsResult, 'mrrMovements', SubscriptionExclusion>
  /** A cohort retention table of subscriptions. */
  readonly cohortRetention: CohortRetentionResult
  /** Net and gross revenue retention, for the options' period (a series for a range). */
  readonly revenueRetention:
    | RevenueRetentionResult
    | PeriodSeries<RevenueRetentionResult, 'revenueRetention', SubscriptionExclusion>
}

/**
 * The columns of a subscription, for churn, MRR movements and revenue retention: instants are
 * timestamp columns; the value is `mrr`, a numeric column of the monthly value in major units, or
 * `amount`, `billingInterval` and `quantity`, read as in memory (the revenue KPIs need one or the
 * other; discounts are not read: put the discounted price in a view); `trial` is a boolean column.
 * @category Warehouse
 */
export interface WarehouseSubscriptionColumns {
  /** The customer. */
  readonly customerId: string
  /** The subscription (for `entity: 'subscription'`). */
  readonly subscriptionId?: string
  /** When paid service began. */
  readonly start: string
  /** When it ends or ended; `NULL` while active. */
  readonly end?: string
  /** When the customer asked to cancel. */
  readonly cancelledAt?: string
  /** Since when it is past due. */
  readonly pastDueSince?: string
  /** Its monthly recurring revenue, in major units. */
  readonly mrr?: string
  /** Its price per billing interval per unit, in major units (read when `mrr` is NULL). */
  readonly amount?: string
  /** Its billing interval: `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'` (a text column). */
  readonly billingInterval?: string
  /** Seats or units (NULL is 1). */
  readonly quantity?: string
  /** A trial (never a customer). */
  readonly trial?: string
  /** Its ISO 4217 currency code. */
  readonly currency?: string
}

/**
 * The columns of a transaction, for the RFM summary: the customer, the instant (a timestamp column)
 * and, optionally, the amount (a numeric column, in major units).
 * @category Warehouse
 */
export interface WarehouseTransactionColumns {
  /** The customer. */
  readonly customerId: string
  /** When. */
  readonly at: string
  /** Its value in major units. */
  readonly amount?: string
}

/**
 * The columns of a survival observation: its time and whether it ended with the event (numeric and
 * boolean or 0/1 columns), and optionally its entry time and its group. A `NULL` is read as `null`
 * is in memory — an invalid entry or group — so leave a column out rather than fill it with NULLs.
 * @category Warehouse
 */
export interface WarehouseObservationColumns {
  /** Time at which the observation ended. */
  readonly time: string
  /** Whether it ended with the event (churn). */
  readonly event: string
  /** Time at which observation began (delayed entry). */
  readonly entry?: string
  /** Its group, for per-group curves and the log-rank test. */
  readonly group?: string
}

/**
 * The columns of a ticket's fields, for the support KPIs: instants are timestamp columns, counts
 * numeric columns, `spam` and `merged` boolean ones.
 * @category Warehouse
 */
export interface WarehouseTicketColumns {
  /** When the ticket was created. */
  readonly createdAt?: string
  /** Its first public reply by an agent. */
  readonly firstReplyAt?: string
  /** When it was (last) solved. */
  readonly solvedAt?: string
  /** Its status (`'solved'` and `'closed'` count as resolved). */
  readonly status?: string
  /** Public agent replies. */
  readonly agentReplies?: string
  /** Reopens. */
  readonly reopens?: string
  /** Customer messages after the first reply. */
  readonly customerFollowups?: string
  /** Distinct agents who replied. */
  readonly agentsInvolved?: string
  /** Times closed. */
  readonly closes?: string
  /** Marked as spam. */
  readonly spam?: string
  /** Merged into another ticket. */
  readonly merged?: string
  /** When it was first solved (resolution time; the last solve when absent). */
  readonly firstSolvedAt?: string
  /** Time waiting on the requester, ms (resolution time). */
  readonly requesterWaitMs?: string
  /** Time on hold, ms (resolution time). */
  readonly onHoldMs?: string
  /** Time waiting on an agent, ms (resolution time). */
  readonly agentWaitMs?: string
}

/**
 * How a warehouse query windows its KPI by period: the instant column, the unit, and the calendar —
 * exactly as `byPeriod` takes them.
 * @category Warehouse
 */
export interface WarehouseTime extends CalendarOptions {
  /** The column of instants that puts a row in a period. */
  readonly column: string
  /** The period unit. */
  readonly unit: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'fiscal-quarter' | 'fiscal-year' | 'n-days'
  /** The periods to report, every one of them (empty ones included). */
  readonly range?: DateRange
  /** "Now": periods not over then are marked incomplete. */
  readonly asOf?: DateInput
}

/**
 * What to compute in the warehouse: a KPI with its options, over a table's column, optionally filtered,
 * windowed by period and broken down by columns.
 * @category Warehouse
 */
export interface WarehouseSpec<K extends keyof WarehouseKpis = keyof WarehouseKpis> {
  /** The SQL dialect. */
  readonly dialect: SqlDialect
  /** The KPI. */
  readonly kpi: K
  /** Its options, as the KPI takes them. */
  readonly options?: Readonly<Record<string, unknown>>
  /** The table: `'responses'`, `'analytics.responses'`, or its parts. */
  readonly table: string | readonly string[]
  /**
   * For the survey KPIs, the column of their values: the score, or whether an offered survey was
   * answered; for ACSI the three columns of its questions, in order.
   */
  readonly value?: string | readonly string[]
  /**
   * For the support KPIs, the columns of the ticket's fields; for the RFM summary, a transaction's; for
   * survival, an observation's; for churn, MRR movements and revenue retention, a subscription's.
   */
  readonly columns?:
    | WarehouseTicketColumns
    | WarehouseTransactionColumns
    | WarehouseObservationColumns
    | WarehouseSubscriptionColumns
  /** Rows kept (all must hold), in the filter language of definition files. */
  readonly filters?: readonly DefinitionFilter[]
  /** Window by period. */
  readonly time?: WarehouseTime
  /** Columns to break the KPI down by; several are joined into one key, `a / b`. */
  readonly dimensions?: readonly string[]
  /**
   * For response and resolution times in business hours: the instants the business calendar written
   * into the query covers (at most 25 years); by default the range and a year after it. For a cohort
   * table: the first start and the last end (or start) of the subscriptions, which its grid of periods
   * is cut from; {@link inWarehouse} asks the warehouse for them first.
   */
  readonly span?: DateRange
}

/**
 * The result of a warehouse query of a spec: the KPI's result, per period with `time`, per key with
 * `dimensions` (periods within each key with both).
 * @category Warehouse
 */
export type WarehouseOutput<S extends WarehouseSpec> = S extends {
  /** Dimensions given: the result is by key. */
  readonly dimensions: readonly [string, ...string[]]
}
  ? ByKeyResult<
      S extends {
        /** Periods given: the result is a series. */
        readonly time: WarehouseTime
      }
        ? ByPeriodResult<WarehouseKpis[S['kpi']]>
        : WarehouseKpis[S['kpi']]
    >
  : S extends {
        /** Periods given: the result is a series. */
        readonly time: WarehouseTime
      }
    ? ByPeriodResult<WarehouseKpis[S['kpi']]>
    : WarehouseKpis[S['kpi']]

/** The KPIs computed from a histogram of their cells. */
export const _SCALAR_KPIS: readonly string[] = [
  'nps',
  'csat',
  'ces',
  'acsi',
  'responseRate',
  'firstContactResolution',
  'slaAttainment',
  'survival',
]

const SPEC_KEYS = [
  'dialect',
  'kpi',
  'options',
  'table',
  'value',
  'columns',
  'filters',
  'time',
  'dimensions',
  'span',
]
const TIME_KEYS = ['column', 'unit', 'range', 'asOf', ..._CALENDAR_KEYS]

/** An item of the query's rows as the aggregator reads it: its cells, its local date, its key, how many. */
export interface _Item {
  v: readonly unknown[]
  d: number | string | null
  k: string
  c: number
}

/**
 * The instants `byPeriod` keeps items within, `[from, min(range.to, asOf))`, or `null` for an open end:
 * a bucket of the query may straddle them, so the query tells rows before and after them apart.
 */
export function _bounds(time: WarehouseTime): {
  readonly lower: number | null
  readonly upper: number | null
} {
  const at = (x: DateInput | undefined) => (x === undefined ? null : parseInstant(x))
  const lower = at(time.range?.from)
  const ends = [at(time.range?.to), at(time.asOf)].filter((x): x is number => x !== null)
  return { lower, upper: ends.length === 0 ? null : Math.min(...ends) }
}

/** Whether the KPI's own `add` ran for the last item (or the period or key left it out). */
export interface _Reached {
  reached: boolean
}

/**
 * The KPI's aggregator adding `item.c` copies of each item: one `add`, then merges of the state with
 * itself, so that the cost follows the number of rows of the histogram, not the responses they count.
 */
function weighted(inner: AnyAggregator, reached: _Reached): AnyAggregator {
  return {
    kpi: inner.kpi,
    init: inner.init,
    merge: inner.merge,
    result: inner.result,
    add: (state: unknown, item: _Item, index: number) => {
      reached.reached = true
      let times = item.c
      let unit = inner.add(inner.init(), item, index)
      let s = state
      for (;;) {
        if (times % 2 === 1) s = inner.merge(s, unit)
        times = Math.floor(times / 2)
        if (times === 0) return s
        unit = inner.merge(inner.merge(inner.init(), unit), unit)
      }
    },
  }
}

/** The KPI's aggregator adding each item once, noting that it was reached. */
function once(inner: AnyAggregator, reached: _Reached): AnyAggregator {
  return {
    ...inner,
    add: (state: unknown, item: _Item, index: number) => {
      reached.reached = true
      return inner.add(state, item, index)
    },
  }
}

/**
 * Checks a spec (its KPI's own checks of the options included) and builds its aggregator; with
 * `reached`, the KPI adds `item.c` copies of each item. The RFM summary and the subscription KPIs,
 * whose queries compute their tallies themselves, have none: `null`.
 */
export function _checkSpec(fn: string, spec: WarehouseSpec, reached?: _Reached): AnyAggregator | null {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
    throw _typeError(fn, 'spec', 'a spec: { dialect, kpi, table, value, … }', spec)
  _knownKeys(fn, 'spec', spec, SPEC_KEYS)
  if (!_DIALECTS.includes(spec.dialect))
    throw _typeError(fn, 'spec.dialect', `one of ${_DIALECTS.map((d) => `'${d}'`).join(', ')}`, spec.dialect)
  const kpis = [..._SCALAR_KPIS, ..._DURATION_KPIS, 'rfmSummary', ..._SUBSCRIPTION_KPIS]
  if (typeof spec.kpi !== 'string' || !kpis.includes(spec.kpi))
    throw _typeError(
      fn,
      'spec.kpi',
      `a KPI computed in the warehouse (${kpis.join(', ')}; the others are computed in memory only)`,
      spec.kpi,
    )
  if (spec.kpi === 'rfmSummary') {
    _checkRfm(fn, spec)
    return null
  }
  if (_SUBSCRIPTION_KPIS.includes(spec.kpi)) {
    _checkSubscriptions(fn, spec)
    return null
  }
  if (spec.span !== undefined && !_DURATION_KPIS.includes(spec.kpi))
    throw _typeError(
      fn,
      'spec.span',
      'no span (only response and resolution times in business hours read one)',
      spec.span,
    )
  const durations = _DURATION_KPIS.includes(spec.kpi)
  const kpi = durations
    ? _durationAggregator(spec)
    : (_CODECS[spec.kpi] as NonNullable<(typeof _CODECS)[string]>).aggregator(spec)
  // A duration KPI's rows are one per period and key: each is added once.
  let agg: AnyAggregator =
    reached === undefined ? kpi : durations ? once(kpi, reached) : weighted(kpi, reached)
  const time = spec.time
  if (time !== undefined) {
    if (time === null || typeof time !== 'object')
      throw _typeError(fn, 'spec.time', 'a period windowing', time)
    _knownKeys(fn, 'spec.time', time, TIME_KEYS)
    const { column: _c, ...calendar } = time
    agg = byPeriod(agg as Aggregator<_Item, unknown, unknown>, {
      ...calendar,
      date: (item: _Item) => item.d,
    }) as AnyAggregator
  }
  if ((spec.dimensions ?? []).length > 0)
    agg = byKey(agg as Aggregator<_Item, unknown, unknown>, (item: _Item) => item.k) as AnyAggregator
  return agg
}
