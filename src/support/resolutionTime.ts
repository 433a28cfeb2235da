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
 * Options of {@link resolutionTime}.
 * @category Support
 */
export interface ResolutionTimeOptions extends DurationOptions {
  /**
   * Which resolution `value` measures: the last solve (`'full'`) or the first (`'first'`). Both are
   * reported.
   * @defaultValue 'full'
   */
  readonly resolution?: 'full' | 'first'
}

/**
 * Why a ticket was left out of resolution time: besides `missing` and `invalid` dates, `unresolved`
 * (not solved yet: never counted as 0), `resolvedBeforeCreation`, `spam` and `merged`.
 * @category Support
 */
export type ResolutionTimeExclusion = 'unresolved' | 'resolvedBeforeCreation' | 'spam' | 'merged'

/**
 * Durations of one resolution, in calendar and business time.
 * @category Support
 */
export interface ResolutionDurations {
  /** Calendar (elapsed) durations. */
  readonly calendar: DurationStats
  /** Business-hours durations, with a schedule. */
  readonly business: DurationStats | null
}

/**
 * The result of {@link resolutionTime}.
 * @category Support
 */
export interface ResolutionTimeResult extends KpiResult<'resolutionTime', ResolutionTimeExclusion> {
  /** Always `'ms'`. */
  readonly unit: 'ms'
  /** `'business'` with a schedule, else `'calendar'`. */
  readonly basis: 'business' | 'calendar'
  /** The resolution `value` measures. */
  readonly resolution: 'full' | 'first'
  /** The statistic `value` reports. */
  readonly method: DurationStatistic
  /** Creation → first solve. */
  readonly first: ResolutionDurations
  /** Creation → last solve. */
  readonly full: ResolutionDurations
  /** Requester wait (new + open + on hold) of resolved tickets, when the summaries carry it. */
  readonly requesterWait: DurationStats | null
  /** On-hold time of resolved tickets, when the summaries carry it. */
  readonly onHold: DurationStats | null
  /** Agent wait (pending) of resolved tickets, when the summaries carry it. */
  readonly agentWait: DurationStats | null
  /** The share resolved within `target`, on the basis and resolution of `value`. */
  readonly withinTarget: TargetAttainment | null
  /** Always `'level'`. */
  readonly measure: 'level'
}

/**
 * The state of {@link resolutionTimeAggregator}: every duration.
 * @category Support
 */
export interface ResolutionTimeState {
  /** The business-hours schedule the business durations were measured on, as JSON; states of another one are not merged. */
  made: string
  /** Creation → first solve, calendar ms. */
  firstCalendar: number[]
  /** Creation → last solve, calendar ms. */
  fullCalendar: number[]
  /** Creation → first solve, business ms (with a schedule). */
  firstBusiness: number[]
  /** Creation → last solve, business ms (with a schedule). */
  fullBusiness: number[]
  /** Requester wait of resolved tickets, ms. */
  requesterWait: number[]
  /** On-hold time of resolved tickets, ms. */
  onHold: number[]
  /** Agent wait of resolved tickets, ms. */
  agentWait: number[]
  /** Tickets left out, by reason. */
  excluded: ExclusionCounts<ResolutionTimeExclusion>
}

const LISTS = [
  'firstCalendar',
  'fullCalendar',
  'firstBusiness',
  'fullBusiness',
  'requesterWait',
  'onHold',
  'agentWait',
] as const

const RULES = {
  ..._DURATION_RULES,
  resolution: {
    type: 'enum',
    values: ['full', 'first'],
    default: 'full',
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  resolution: 'Which resolution `value` measures: the final one (full) or the first solve.',
}

/**
 * What {@link resolutionTime} computes, as data: its input, options, unit, range and direction.
 * @category Support
 */
export const resolutionTimeDescriptor: KpiDescriptor = {
  id: 'resolutionTime',
  title: 'Resolution time',
  category: 'support',
  input: { kind: 'ticket', fields: _TICKET_FIELDS },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, _SUPPORT_DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'ms',
    measure: 'level',
    bounds: [0, null],
    better: 'lower',
    components: ['first', 'full', 'requesterWait', 'agentWait', 'withinTarget'],
  },
  periodModel: 'bucket',
  compute: resolutionTime,
  aggregator: resolutionTimeAggregator,
}

/**
 * What a resolution time is built from: the statistics of its durations, how many are within the
 * target (on the basis and resolution of `value`), and the tickets left out.
 */
export interface _ResolutionTimeSummary {
  readonly first: ResolutionDurations
  readonly full: ResolutionDurations
  readonly requesterWait: DurationStats | null
  readonly onHold: DurationStats | null
  readonly agentWait: DurationStats | null
  readonly within: number
  readonly excluded: ExclusionCounts<ResolutionTimeExclusion>
}

/** The options of resolution time resolved, and its result from a summary of the durations. */
export function _resolutionTimeOf(options: ResolutionTimeOptions | undefined): {
  readonly resolved: {
    readonly resolution: 'full' | 'first'
    readonly inputTimeZone?: unknown
    readonly disambiguation?: unknown
  }
  readonly config: _DurationConfig
  readonly made: string
  readonly result: (summary: _ResolutionTimeSummary) => ResolutionTimeResult
} {
  const fn = 'resolutionTime'
  const resolved = _resolve(fn, RULES, options)
  const variant = _variant(RULES, resolved)
  const config = _durationConfig(fn, resolved)
  const resolution = resolved.resolution
  return {
    resolved,
    config,
    made: _made(variant, ['schedule']),
    result: (s) => {
      const chosen = resolution === 'full' ? s.full : s.first
      const basis = chosen.business ?? chosen.calendar
      return {
        kind: 'result',
        kpi: fn,
        value: _pick(basis, config.statistic),
        reason: _reasonOf(s.full.calendar.n, s.excluded),
        variant,
        n: s.full.calendar.n,
        excluded: { ...s.excluded },
        unit: 'ms',
        basis: config.hours === null ? 'calendar' : 'business',
        resolution,
        method: config.statistic,
        first: s.first,
        full: s.full,
        requesterWait: s.requesterWait,
        onHold: s.onHold,
        agentWait: s.agentWait,
        withinTarget: _attainment(s.within, basis.n, config),
        measure: 'level',
      }
    },
  }
}

/**
 * The aggregator behind {@link resolutionTime}.
 * @category Support
 */
export function resolutionTimeAggregator(
  options?: ResolutionTimeOptions,
): Aggregator<TicketSummary, ResolutionTimeState, ResolutionTimeResult>
export function resolutionTimeAggregator<T>(
  accessor: Accessor<T, TicketSummary>,
  options?: ResolutionTimeOptions,
): Aggregator<T, ResolutionTimeState, ResolutionTimeResult>
/* @__NO_SIDE_EFFECTS__ */
export function resolutionTimeAggregator<T>(
  accessorOrOptions?: Accessor<T, TicketSummary> | ResolutionTimeOptions,
  maybeOptions?: ResolutionTimeOptions,
): Aggregator<T, ResolutionTimeState, ResolutionTimeResult> {
  const fn = 'resolutionTime'
  const [accessor, options] = _accessorAndOptions<Accessor<T, TicketSummary>, ResolutionTimeOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const { resolved, config, made, result } = _resolutionTimeOf(options)
  const instant = _instantReader(fn, resolved)
  const resolution = resolved.resolution
  const hours = config.hours
  return {
    kpi: fn,
    init: () => ({
      made,
      firstCalendar: [],
      fullCalendar: [],
      firstBusiness: [],
      fullBusiness: [],
      requesterWait: [],
      onHold: [],
      agentWait: [],
      excluded: { missing: 0, invalid: 0, unresolved: 0, resolvedBeforeCreation: 0, spam: 0, merged: 0 },
    }),
    add: (state, item, index) => {
      const read = _ticket(state.excluded, fn, config.onInvalid, accessor, item, index, instant)
      if (read === null) return state
      const { ticket, created } = read
      const last = _optionalInstant(ticket.solvedAt, instant)
      const first =
        ticket.firstSolvedAt === undefined || ticket.firstSolvedAt === null
          ? last
          : _optionalInstant(ticket.firstSolvedAt, instant)
      if (last === null) state.excluded.unresolved++
      else if (last === undefined || first === undefined || first === null) {
        _exclude(state.excluded, 'invalid', config.onInvalid, fn, index, ticket)
      } else if (first < created || last < first) {
        _exclude(state.excluded, 'resolvedBeforeCreation', config.onInvalid, fn, index, ticket)
      } else {
        const d = state
        d.firstCalendar.push(first - created)
        d.fullCalendar.push(last - created)
        if (hours !== null) {
          d.firstBusiness.push(hours.duration(created, first))
          d.fullBusiness.push(hours.duration(created, last))
        }
        // Waits are read when they are durations: a NaN or an infinite one is no wait.
        if (Number.isFinite(ticket.requesterWaitMs))
          state.requesterWait.push(ticket.requesterWaitMs as number)
        if (Number.isFinite(ticket.onHoldMs)) state.onHold.push(ticket.onHoldMs as number)
        if (Number.isFinite(ticket.agentWaitMs)) state.agentWait.push(ticket.agentWaitMs as number)
      }
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      _sameMaker(fn, a.made, b.made)
      for (const key of LISTS) for (const x of b[key]) a[key].push(x)
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const stats = (values: number[]): DurationStats => _durationStats(values, config.percentile)
      const durations = (calendar: number[], business: number[]): ResolutionDurations => ({
        calendar: stats(calendar),
        business: hours === null ? null : stats(business),
      })
      const wait = (values: number[]): DurationStats | null => (values.length === 0 ? null : stats(values))
      const basis =
        resolution === 'full'
          ? hours === null
            ? state.fullCalendar
            : state.fullBusiness
          : hours === null
            ? state.firstCalendar
            : state.firstBusiness
      return result({
        first: durations(state.firstCalendar, state.firstBusiness),
        full: durations(state.fullCalendar, state.fullBusiness),
        requesterWait: wait(state.requesterWait),
        onHold: wait(state.onHold),
        agentWait: wait(state.agentWait),
        within: _within(basis, config),
        excluded: state.excluded,
      })
    },
  }
}

/**
 * Resolution time: from a ticket's creation to its first solve (first resolution) and to its last
 * solve (full resolution: a reopened ticket's clock runs on), in calendar time and, with a `schedule`,
 * in business hours; with status history (see {@link ticketSummaries}), also the requester's wait, the
 * time on hold and the agent's wait. `value` is the median full resolution time (business time with a
 * schedule); `resolution: 'first'` and `method` change that.
 *
 * Unit: milliseconds. Unresolved tickets are counted in `excluded.unresolved`, never as 0. No resolved
 * tickets give `value: null`.
 *
 * Source: spec §12.1 — Zendesk (4408834848154), fivetran/dbt_zendesk (first and final resolution).
 *
 * @example
 * ```ts
 * resolutionTime(tickets, { schedule: support }).full.business?.medianMs
 * ```
 * @category Support
 */
export function resolutionTime(
  items: Iterable<TicketSummary>,
  options?: ResolutionTimeOptions,
): ResolutionTimeResult
export function resolutionTime<T>(
  items: Iterable<T>,
  accessor: Accessor<T, TicketSummary>,
  options?: ResolutionTimeOptions,
): ResolutionTimeResult
export function resolutionTime<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, TicketSummary> | ResolutionTimeOptions,
  options?: ResolutionTimeOptions,
): ResolutionTimeResult {
  return _foldAs(
    'resolutionTime',
    resolutionTimeAggregator(accessorOrOptions as Accessor<T, TicketSummary>, options),
    items,
  )
}
