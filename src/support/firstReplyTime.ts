import { _accessorAndOptions } from '../core/_args.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _made, _sameMaker } from '../core/_made.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import { _instantReader } from '../core/parseInstant.ts'
import type { ExclusionCounts, KpiResult } from '../core/result.ts'
import { _SUPPORT_DOCS } from '../support/_support.ts'
import {
  _attainment,
  _DURATION_RULES,
  type _DurationConfig,
  _durationConfig,
  _durationStats,
  _pick,
  _within,
  type DurationOptions,
  type DurationStatistic,
  type DurationStats,
  type TargetAttainment,
} from './_support.ts'
import { _optionalInstant, _TICKET_FIELDS, _ticket } from './_ticket.ts'
import type { TicketSummary } from './ticketSummaries.ts'

/**
 * Options of {@link firstReplyTime}.
 * @category Support
 */
export interface FirstReplyTimeOptions extends DurationOptions {}

/**
 * Why a ticket was left out of first reply time: besides `missing` and `invalid` dates, `unanswered`
 * (no reply yet: never counted as 0), `replyBeforeCreation`, `spam` and `merged`.
 * @category Support
 */
export type FirstReplyTimeExclusion = 'unanswered' | 'replyBeforeCreation' | 'spam' | 'merged'

/**
 * The result of {@link firstReplyTime}.
 * @category Support
 */
export interface FirstReplyTimeResult extends KpiResult<'firstReplyTime', FirstReplyTimeExclusion> {
  /** Always `'ms'`: `value` and every duration are milliseconds. */
  readonly unit: 'ms'
  /** `'business'` when a schedule was given (and `value` is business time), else `'calendar'`. */
  readonly basis: 'business' | 'calendar'
  /** The statistic `value` reports. */
  readonly method: DurationStatistic
  /** Calendar (elapsed) durations. */
  readonly calendar: DurationStats
  /** Business-hours durations, with a schedule. */
  readonly business: DurationStats | null
  /** The share answered within `target`, on the basis of `value`. */
  readonly withinTarget: TargetAttainment | null
  /** Always `'level'`: changes are reported as relative changes. */
  readonly measure: 'level'
}

/**
 * The state of {@link firstReplyTimeAggregator}: every duration (percentiles are exact).
 * @category Support
 */
export interface FirstReplyTimeState {
  /** The business-hours schedule the business durations were measured on, as JSON; states of another one are not merged. */
  made: string
  /** Calendar durations, ms. */
  calendar: number[]
  /** Business durations, ms (with a schedule). */
  business: number[]
  /** Tickets left out, by reason. */
  excluded: ExclusionCounts<FirstReplyTimeExclusion>
}

/**
 * What {@link firstReplyTime} computes, as data: its input, options, unit, range and direction.
 * @category Support
 */
export const firstReplyTimeDescriptor: KpiDescriptor = {
  id: 'firstReplyTime',
  title: 'First reply time',
  category: 'support',
  input: { kind: 'ticket', fields: _TICKET_FIELDS },
  options: /* @__PURE__ */ _documented(_DURATION_RULES, _DOCS, _SUPPORT_DOCS),
  result: {
    kind: 'result',
    unit: 'ms',
    measure: 'level',
    bounds: [0, null],
    better: 'lower',
    components: ['calendar', 'business', 'withinTarget'],
  },
  periodModel: 'bucket',
  compute: firstReplyTime,
  aggregator: firstReplyTimeAggregator,
}

/**
 * What a first reply time is built from: the statistics of its durations, how many are within the
 * target (on the basis of `value`), and the tickets left out.
 */
export interface _FirstReplyTimeSummary {
  readonly calendar: DurationStats
  readonly business: DurationStats | null
  readonly within: number
  readonly excluded: ExclusionCounts<FirstReplyTimeExclusion>
}

/** The options of first reply time resolved, and its result from a summary of the durations. */
export function _firstReplyTimeOf(options: FirstReplyTimeOptions | undefined): {
  readonly resolved: { readonly inputTimeZone?: unknown; readonly disambiguation?: unknown }
  readonly config: _DurationConfig
  readonly made: string
  readonly result: (summary: _FirstReplyTimeSummary) => FirstReplyTimeResult
} {
  const fn = 'firstReplyTime'
  const resolved = _resolve(fn, _DURATION_RULES, options)
  const variant = _variant(_DURATION_RULES, resolved)
  const config = _durationConfig(fn, resolved)
  return {
    resolved,
    config,
    made: _made(variant, ['schedule']),
    result: ({ calendar, business, within, excluded }) => ({
      kind: 'result',
      kpi: fn,
      value: _pick(business ?? calendar, config.statistic),
      reason: _reasonOf(calendar.n, excluded),
      variant,
      n: calendar.n,
      excluded: { ...excluded },
      unit: 'ms',
      basis: business === null ? 'calendar' : 'business',
      method: config.statistic,
      calendar,
      business,
      withinTarget: _attainment(within, (business ?? calendar).n, config),
      measure: 'level',
    }),
  }
}

/**
 * The aggregator behind {@link firstReplyTime}, for `byPeriod` (by creation date by default:
 * `date: (t) => t.createdAt`; by reply date: `date: (t) => t.firstReplyAt`), `byKey` (team, channel)
 * and streams.
 * @category Support
 */
export function firstReplyTimeAggregator(
  options?: FirstReplyTimeOptions,
): Aggregator<TicketSummary, FirstReplyTimeState, FirstReplyTimeResult>
export function firstReplyTimeAggregator<T>(
  accessor: Accessor<T, TicketSummary>,
  options?: FirstReplyTimeOptions,
): Aggregator<T, FirstReplyTimeState, FirstReplyTimeResult>
/* @__NO_SIDE_EFFECTS__ */
export function firstReplyTimeAggregator<T>(
  accessorOrOptions?: Accessor<T, TicketSummary> | FirstReplyTimeOptions,
  maybeOptions?: FirstReplyTimeOptions,
): Aggregator<T, FirstReplyTimeState, FirstReplyTimeResult> {
  const fn = 'firstReplyTime'
  const [accessor, options] = _accessorAndOptions<Accessor<T, TicketSummary>, FirstReplyTimeOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const { resolved, config, made, result } = _firstReplyTimeOf(options)
  const instant = _instantReader(fn, resolved)
  return {
    kpi: fn,
    init: () => ({
      made,
      calendar: [],
      business: [],
      excluded: { missing: 0, invalid: 0, unanswered: 0, replyBeforeCreation: 0, spam: 0, merged: 0 },
    }),
    add: (state, item, index) => {
      const read = _ticket(state.excluded, fn, config.onInvalid, accessor, item, index, instant)
      if (read === null) return state
      const reply = _optionalInstant(read.ticket.firstReplyAt, instant)
      if (reply === null) state.excluded.unanswered++
      else if (reply === undefined)
        _exclude(state.excluded, 'invalid', config.onInvalid, fn, index, read.ticket.firstReplyAt)
      else if (reply < read.created)
        _exclude(state.excluded, 'replyBeforeCreation', config.onInvalid, fn, index, read.ticket)
      else {
        state.calendar.push(reply - read.created)
        if (config.hours !== null) state.business.push(config.hours.duration(read.created, reply))
      }
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      _sameMaker(fn, a.made, b.made)
      for (const x of b.calendar) a.calendar.push(x)
      for (const x of b.business) a.business.push(x)
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) =>
      result({
        calendar: _durationStats(state.calendar, config.percentile),
        business: config.hours === null ? null : _durationStats(state.business, config.percentile),
        within: _within(config.hours === null ? state.calendar : state.business, config),
        excluded: state.excluded,
      }),
  }
}

/**
 * First reply time: from a ticket's creation to the first public reply by a human agent (bots,
 * automations and internal notes are not replies; see {@link ticketSummaries}). Reports the count,
 * mean, median, p90 and p95 in calendar time and, with a `schedule`, in business hours side by side;
 * `value` is the median (Intercom's default aggregate) of the business durations when there is a
 * schedule, else of the calendar ones. With a `target`, the share answered within it (SLA attainment)
 * with its Wilson interval.
 *
 * Unit: milliseconds. Unanswered tickets are left out of every statistic and counted in
 * `excluded.unanswered` — never treated as 0. No answered tickets give `value: null`.
 *
 * Source: spec §12 — Zendesk (4408821871642, 4408834848154), Intercom (3653556); percentiles: numpy.
 *
 * @example
 * ```ts
 * firstReplyTime(tickets, { schedule: support, targetMs: 4 * 3_600_000 })
 * //=> { value: 5_400_000, basis: 'business', calendar: { medianMs: …, p90Ms: … }, withinTarget: { value: 0.82, … }, … }
 * ```
 * @category Support
 */
export function firstReplyTime(
  items: Iterable<TicketSummary>,
  options?: FirstReplyTimeOptions,
): FirstReplyTimeResult
export function firstReplyTime<T>(
  items: Iterable<T>,
  accessor: Accessor<T, TicketSummary>,
  options?: FirstReplyTimeOptions,
): FirstReplyTimeResult
export function firstReplyTime<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, TicketSummary> | FirstReplyTimeOptions,
  options?: FirstReplyTimeOptions,
): FirstReplyTimeResult {
  return _foldAs(
    'firstReplyTime',
    firstReplyTimeAggregator(accessorOrOptions as Accessor<T, TicketSummary>, options),
    items,
  )
}
