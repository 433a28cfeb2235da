import { _accessorAndOptions } from '../core/_args.ts'
import { _number, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _made, _sameMaker } from '../core/_made.ts'
import { _resolve } from '../core/_resolve.ts'
import {
  _AS_OF,
  _DISAMBIGUATION,
  _DOCS,
  _INPUT_TIME_ZONE,
  _LEVEL,
  _MIN_N,
  _ON_INVALID,
} from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { DateInput, ParseInstantOptions } from '../core/parseInstant.ts'
import { _instantReader } from '../core/parseInstant.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult, OnInvalid } from '../core/result.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { _SUPPORT_DOCS } from '../support/_support.ts'
import { _businessHoursOf, type BusinessHours, type Schedule } from '../time/businessHours.ts'
import { _SCHEDULE } from './_support.ts'
import { _optionalInstant, _TICKET_FIELDS, _ticket } from './_ticket.ts'
import type { TicketSummary } from './ticketSummaries.ts'

/**
 * Options of {@link slaAttainment}, over records of type `T` (tickets, or the rows an accessor reads).
 * @category Support
 */
export interface SlaAttainmentOptions<T = TicketSummary> extends ParseInstantOptions {
  /**
   * The SLA's target in ms — business ms with a `schedule` — or a function giving each ticket's target
   * from the record as given (by priority, plan, channel…); a target that is not a non-negative number
   * leaves the ticket out (`excluded.invalid`).
   */
  readonly targetMs: number | ((item: T, index: number) => number)
  /**
   * What must happen by the due time: the first reply or the (last) resolution.
   * @defaultValue 'first-reply'
   */
  readonly metric?: 'first-reply' | 'resolution'
  /** Business hours: the due time is `target` business ms after creation. */
  readonly schedule?: Schedule | BusinessHours
  /**
   * "Now": a ticket still waiting is breached once its due time has passed, and pending before that.
   * Without it, waiting tickets are pending.
   */
  readonly asOf?: DateInput
  /**
   * Confidence level of the Wilson interval.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * Below this many tickets `value` is `null`.
   * @defaultValue 0
   */
  readonly minN?: number
  /**
   * What to do with a ticket whose dates or target are invalid.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * Why a ticket was left out of SLA attainment: besides `missing` and `invalid`, `pending` (still
 * waiting and not yet due, or no `asOf`), `spam` and `merged`.
 * @category Support
 */
export type SlaExclusion = 'pending' | 'spam' | 'merged'

/**
 * The result of {@link slaAttainment}.
 * @category Support
 */
export interface SlaAttainmentResult extends KpiResult<'slaAttainment', SlaExclusion> {
  /** Always `'proportion'`. */
  readonly measure: 'proportion'
  /** What was measured against the SLA. */
  readonly metric: 'first-reply' | 'resolution'
  /** Tickets that met the SLA. */
  readonly successes: number
  /** Tickets that breached it: late, or still waiting past the due time. */
  readonly breached: number
  /** Wilson interval of the share met. */
  readonly ci: ConfidenceInterval | null
  /** True below `minN`. */
  readonly lowSample: boolean
}

/**
 * The state of {@link slaAttainmentAggregator}.
 * @category Support
 */
export interface SlaAttainmentState {
  /** The target, the clock it runs on and `asOf`, as JSON; states of other ones are not merged. */
  made: string
  /** Met and breached tickets. */
  counts: [number, number]
  /** Tickets left out, by reason. */
  excluded: ExclusionCounts<SlaExclusion>
}

const RULES = {
  targetMs: {
    type: 'number',
    min: 0,
    also: 'function',
    expected: 'a number of at least 0 or a function of the ticket',
  },
  metric: {
    type: 'enum',
    values: ['first-reply', 'resolution'],
    default: 'first-reply',
  },
  schedule: _SCHEDULE,
  asOf: _AS_OF,
  level: _LEVEL,
  minN: _MIN_N,
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
  onInvalid: _ON_INVALID,
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  targetMs: 'The target in ms (business ms with a schedule), or a function giving each ticket its own.',
  metric: 'What must happen by the due time.',
}

/**
 * What {@link slaAttainment} computes, as data: its input, options, unit, range and direction.
 * @category Support
 */
export const slaAttainmentDescriptor: KpiDescriptor = {
  id: 'slaAttainment',
  title: 'SLA attainment',
  category: 'support',
  input: { kind: 'ticket', fields: _TICKET_FIELDS },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, _SUPPORT_DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['successes', 'breached'],
    numerator: 'successes',
  },
  periodModel: 'bucket',
  compute: slaAttainment,
  aggregator: slaAttainmentAggregator,
}

/**
 * The aggregator behind {@link slaAttainment}.
 * @category Support
 */
export function slaAttainmentAggregator<T extends TicketSummary = TicketSummary>(
  options: SlaAttainmentOptions<T>,
): Aggregator<T, SlaAttainmentState, SlaAttainmentResult>
export function slaAttainmentAggregator<T>(
  accessor: Accessor<T, TicketSummary>,
  options: SlaAttainmentOptions<T>,
): Aggregator<T, SlaAttainmentState, SlaAttainmentResult>
/* @__NO_SIDE_EFFECTS__ */
export function slaAttainmentAggregator<T>(
  accessorOrOptions: Accessor<T, TicketSummary> | SlaAttainmentOptions<T>,
  maybeOptions?: SlaAttainmentOptions<T>,
): Aggregator<T, SlaAttainmentState, SlaAttainmentResult> {
  const fn = 'slaAttainment'
  const [accessor, options] = _accessorAndOptions<Accessor<T, TicketSummary>, SlaAttainmentOptions<T>>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const instant = _instantReader(fn, o)
  const variant = _variant(RULES, o)
  const made = _made(variant, ['metric', 'targetMs', 'schedule', 'asOf'])
  const target = o.targetMs
  if (typeof target !== 'function') _number(fn, 'options.targetMs', target, 0)
  const { metric, level, minN, onInvalid } = o
  const s = o.schedule
  if (s !== undefined && (s === null || typeof s !== 'object'))
    throw _typeError(fn, 'options.schedule', 'a schedule', s)
  const hours = s === undefined ? null : _businessHoursOf(s, fn, 'options.schedule')
  const asOf = o.asOf === undefined ? null : _instantArgument(fn, 'options.asOf', o.asOf)
  return {
    kpi: fn,
    init: () => ({
      made,
      counts: [0, 0],
      excluded: { missing: 0, invalid: 0, pending: 0, spam: 0, merged: 0 },
    }),
    add: (state, item, index) => {
      const read = _ticket(state.excluded, fn, onInvalid, accessor, item, index, instant)
      if (read === null) return state
      const { ticket, created } = read
      const ms = typeof target === 'function' ? target(item, index) : target
      const done = _optionalInstant(metric === 'first-reply' ? ticket.firstReplyAt : ticket.solvedAt, instant)
      if (!(typeof ms === 'number' && ms >= 0 && Number.isFinite(ms)) || done === undefined) {
        _exclude(state.excluded, 'invalid', onInvalid, fn, index, ticket)
        return state
      }
      const due = hours === null ? created + ms : hours.add(created, ms)
      if (done !== null) state.counts[due !== null && done <= due ? 0 : 1]++
      else if (asOf !== null && due !== null && asOf > due) state.counts[1]++
      else state.excluded.pending++
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      _sameMaker(fn, a.made, b.made)
      a.counts[0] += b.counts[0]
      a.counts[1] += b.counts[1]
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const [met, breached] = state.counts
      const n = met + breached
      const measured = n > 0 && n >= minN
      return {
        kind: 'result',
        kpi: fn,
        value: measured ? met / n : null,
        reason: _reasonOf(n, state.excluded, minN),
        variant,
        n,
        excluded: { ...state.excluded },
        measure: 'proportion',
        metric,
        successes: met,
        breached,
        ci: measured ? wilsonInterval(met, n, { level }) : null,
        lowSample: !measured,
      }
    },
  }
}

/**
 * SLA attainment: the share of tickets whose first reply (or resolution) came by its due time — the
 * target after creation, counted in business hours with a `schedule` (a ticket created on Friday
 * evening with an 8-hour target is due at Monday's closing time). Targets may differ by ticket. A
 * ticket still waiting counts as breached once `asOf` is past its due time; before that, or without
 * `asOf`, it is pending and left out (`excluded.pending`).
 *
 * Unit: proportion 0…1, with a Wilson interval. No tickets give `value: null`.
 *
 * Source: spec §12 (Zendesk SLA policies measure first reply and resolution against business-hour targets).
 *
 * @example
 * ```ts
 * // Chat within 30 business minutes, everything else within 4 business hours.
 * slaAttainment(tickets, { targetMs: (t) => (t.channel === 'chat' ? 30 : 240) * 60_000, schedule: support })
 * ```
 * @category Support
 */
export function slaAttainment<T extends TicketSummary>(
  items: Iterable<T>,
  options: SlaAttainmentOptions<T>,
): SlaAttainmentResult
export function slaAttainment<T>(
  items: Iterable<T>,
  accessor: Accessor<T, TicketSummary>,
  options: SlaAttainmentOptions<T>,
): SlaAttainmentResult
export function slaAttainment<T>(
  items: Iterable<T>,
  accessorOrOptions: Accessor<T, TicketSummary> | SlaAttainmentOptions<T>,
  options?: SlaAttainmentOptions<T>,
): SlaAttainmentResult {
  return _foldAs(
    'slaAttainment',
    slaAttainmentAggregator(
      accessorOrOptions as Accessor<T, TicketSummary>,
      options as SlaAttainmentOptions<T>,
    ),
    items,
  )
}
