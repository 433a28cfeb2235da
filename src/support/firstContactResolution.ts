import { _accessorAndOptions } from '../core/_args.ts'
import { _function, _number } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _made, _sameMaker } from '../core/_made.ts'
import { _numeric } from '../core/_numeric.ts'
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
import { _optionalInstant, _TICKET_FIELDS, _ticket } from './_ticket.ts'
import type { TicketSummary } from './ticketSummaries.ts'

/**
 * What counts as resolved at first contact (spec §11.1):
 * - `'one-agent-reply'` (default): resolved with exactly one public agent reply and no reopen
 *   (fivetran/dbt_zendesk's one-touch);
 * - `'zendesk-lt2'`: resolved with fewer than two agent replies, zero included (Zendesk's one-touch);
 * - `'no-customer-followup'`: resolved with no customer message after the first (Freshservice);
 * - `'single-teammate-closed-once'`: one teammate replied and the ticket was closed once (Intercom);
 * - `'repeat-contact-window'`: resolved, and the same requester (on the same topic, when tickets have
 *   topics) did not open another ticket between its creation and `window` after its resolution (SQM's
 *   repeat-contact tracking).
 * @category Support
 */
export type FcrMethod =
  | 'one-agent-reply'
  | 'zendesk-lt2'
  | 'no-customer-followup'
  | 'single-teammate-closed-once'
  | 'repeat-contact-window'

/**
 * Options of {@link firstContactResolution}.
 * @category Support
 */
export interface FirstContactResolutionOptions extends ParseInstantOptions {
  /**
   * What counts as resolved at first contact.
   * @defaultValue 'one-agent-reply'
   */
  readonly method?: FcrMethod
  /**
   * The denominator: resolved tickets (Freshservice, the default), all tickets received (gross FCR), or
   * tickets that could be resolved at first contact (`resolvable`; MetricNet's net FCR).
   * @defaultValue 'resolved'
   */
  readonly denominator?: 'resolved' | 'all' | 'resolvable'
  /** For `denominator: 'resolvable'`: whether a ticket could be resolved at first contact at all. */
  readonly resolvable?: (ticket: TicketSummary) => boolean
  /** For `'repeat-contact-window'`: the window after resolution, in ms (24–72 hours is typical). */
  readonly windowMs?: number
  /** For `'repeat-contact-window'`: "now" — tickets whose window has not ended are left out (`pending`: not known yet at `asOf`). */
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
   * What to do with a ticket whose dates or counts are invalid.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * Why a ticket was left out of FCR: besides `missing` and `invalid`, `unresolved` (with the resolved
 * denominator), `notResolvable`, `incomplete` (a field the method needs is absent), `missingRequester`,
 * `pending` (its repeat-contact window is still open at `asOf`), `spam` and `merged`.
 * @category Support
 */
export type FcrExclusion =
  | 'unresolved'
  | 'notResolvable'
  | 'incomplete'
  | 'missingRequester'
  | 'pending'
  | 'spam'
  | 'merged'

/**
 * The result of {@link firstContactResolution}.
 * @category Support
 */
export interface FirstContactResolutionResult extends KpiResult<'firstContactResolution', FcrExclusion> {
  /** Always `'proportion'`: compared in points with the two-proportion test. */
  readonly measure: 'proportion'
  /** The method. */
  readonly method: FcrMethod
  /** The denominator. */
  readonly denominator: 'resolved' | 'all' | 'resolvable'
  /** Tickets resolved at first contact. */
  readonly successes: number
  /** Wilson interval of the share. */
  readonly ci: ConfidenceInterval | null
  /** True below `minN`. */
  readonly lowSample: boolean
}

/**
 * The state of {@link firstContactResolutionAggregator}.
 * @category Support
 */
export interface FirstContactResolutionState {
  /** The definition that sorted the tickets (method, denominator, `asOf`), as JSON; states of another one are not merged. */
  made: string
  /** Successes and trials (methods other than the repeat-contact window). */
  counts: [number, number]
  /** For the repeat-contact window: [requester, topic, created, resolved or null]. */
  contacts: [string, string | null, number, number | null][]
  /** Tickets left out, by reason. */
  excluded: ExclusionCounts<FcrExclusion>
}

const RULES = {
  method: {
    type: 'enum',
    values: [
      'one-agent-reply',
      'zendesk-lt2',
      'no-customer-followup',
      'single-teammate-closed-once',
      'repeat-contact-window',
    ],
    default: 'one-agent-reply',
  },
  denominator: {
    type: 'enum',
    values: ['resolved', 'all', 'resolvable'],
    default: 'resolved',
  },
  resolvable: {
    type: 'function',
  },
  windowMs: {
    type: 'number',
    min: 0,
  },
  asOf: _AS_OF,
  level: _LEVEL,
  minN: _MIN_N,
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
  onInvalid: _ON_INVALID,
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  method: 'What counts as resolved at first contact.',
  denominator: 'Resolved tickets, all tickets, or the tickets that could be resolved at first contact.',
  resolvable: "For denominator 'resolvable': whether a ticket could be resolved at first contact.",
  windowMs: "For 'repeat-contact-window': the window after resolution, in ms.",
}

/**
 * What {@link firstContactResolution} computes, as data: its input, options, unit, range and direction.
 * @category Support
 */
export const firstContactResolutionDescriptor: KpiDescriptor = {
  id: 'firstContactResolution',
  title: 'First-contact resolution',
  category: 'support',
  input: { kind: 'ticket', fields: _TICKET_FIELDS },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['successes'],
    numerator: 'successes',
  },
  periodModel: 'bucket',
  compute: firstContactResolution,
  aggregator: firstContactResolutionAggregator,
}

/**
 * The aggregator behind {@link firstContactResolution}.
 * @category Support
 */
export function firstContactResolutionAggregator(
  options?: FirstContactResolutionOptions,
): Aggregator<TicketSummary, FirstContactResolutionState, FirstContactResolutionResult>
export function firstContactResolutionAggregator<T>(
  accessor: Accessor<T, TicketSummary>,
  options?: FirstContactResolutionOptions,
): Aggregator<T, FirstContactResolutionState, FirstContactResolutionResult>
/* @__NO_SIDE_EFFECTS__ */
export function firstContactResolutionAggregator<T>(
  accessorOrOptions?: Accessor<T, TicketSummary> | FirstContactResolutionOptions,
  maybeOptions?: FirstContactResolutionOptions,
): Aggregator<T, FirstContactResolutionState, FirstContactResolutionResult> {
  const fn = 'firstContactResolution'
  const [accessor, options] = _accessorAndOptions<Accessor<T, TicketSummary>, FirstContactResolutionOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const instant = _instantReader(fn, o)
  const variant = _variant(RULES, o)
  const made = _made(variant, ['method', 'denominator', 'resolvable', 'asOf'])
  const { method, denominator, level, minN, onInvalid } = o
  if (denominator === 'resolvable') _function(fn, 'options.resolvable', o.resolvable)
  const windowMs = method === 'repeat-contact-window' ? _number(fn, 'options.windowMs', o.windowMs, 0) : 0
  const asOf = o.asOf === undefined ? Number.POSITIVE_INFINITY : _instantArgument(fn, 'options.asOf', o.asOf)

  /**
   * Whether the ticket meets the method; null when a field it needs is absent, 'invalid' when a count
   * it reads is not a whole number of at least 0 (a canonical decimal string such as '1' reads as 1).
   */
  const meets = (t: TicketSummary, resolved: boolean): boolean | null | 'invalid' => {
    const need = (x: unknown): number | null | 'invalid' => {
      if (x === undefined || x === null) return null
      const n = _numeric(x)
      return n !== null && Number.isInteger(n) && n >= 0 ? n : 'invalid'
    }
    const fields =
      method === 'one-agent-reply'
        ? [need(t.agentReplies), t.reopens === undefined ? 0 : need(t.reopens)]
        : method === 'zendesk-lt2'
          ? [need(t.agentReplies)]
          : method === 'no-customer-followup'
            ? [need(t.customerFollowups)]
            : [need(t.agentsInvolved), need(t.closes)]
    if (fields.includes('invalid')) return 'invalid'
    if (fields.includes(null)) return null
    const [a, b] = fields as number[]
    if (method === 'one-agent-reply') return resolved && a === 1 && b === 0
    if (method === 'zendesk-lt2') return resolved && (a as number) < 2
    if (method === 'no-customer-followup') return resolved && a === 0
    return resolved && a === 1 && b === 1
  }

  return {
    kpi: fn,
    init: () => ({
      made,
      counts: [0, 0],
      contacts: [],
      excluded: {
        missing: 0,
        invalid: 0,
        unresolved: 0,
        notResolvable: 0,
        incomplete: 0,
        missingRequester: 0,
        pending: 0,
        spam: 0,
        merged: 0,
      },
    }),
    add: (state, item, index) => {
      const read = _ticket(state.excluded, fn, onInvalid, accessor, item, index, instant)
      if (read === null) return state
      const { ticket, created } = read
      const solved = _optionalInstant(ticket.solvedAt, instant)
      if (solved === undefined) {
        _exclude(state.excluded, 'invalid', onInvalid, fn, index, ticket)
        return state
      }
      const resolved = solved !== null || ticket.status === 'solved' || ticket.status === 'closed'
      if (!resolved && denominator === 'resolved') {
        state.excluded.unresolved++
        return state
      }
      if (denominator === 'resolvable' && !(o.resolvable as (t: TicketSummary) => boolean)(ticket)) {
        state.excluded.notResolvable++
        return state
      }
      if (method === 'repeat-contact-window') {
        if (ticket.requesterId === undefined || ticket.requesterId === null) {
          state.excluded.missingRequester++
          return state
        }
        state.contacts.push([
          String(ticket.requesterId),
          ticket.topic ?? null,
          created,
          resolved ? (solved ?? created) : null,
        ])
        return state
      }
      const success = meets(ticket, resolved)
      if (success === null || success === 'invalid') {
        _exclude(state.excluded, success === null ? 'incomplete' : 'invalid', onInvalid, fn, index, ticket)
        return state
      }
      if (success) state.counts[0]++
      state.counts[1]++
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      _sameMaker(fn, a.made, b.made)
      a.counts[0] += b.counts[0]
      a.counts[1] += b.counts[1]
      for (const contact of b.contacts) a.contacts.push([...contact])
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      let [successes, trials] = state.counts
      const excluded = { ...state.excluded }
      if (method === 'repeat-contact-window') {
        // Each requester's contacts in time order: a resolved contact is a first-contact resolution
        // when no later contact (on the same topic, when both have one) opens within its window.
        const byRequester = new Map<string, [string, string | null, number, number | null][]>()
        for (const contact of state.contacts) {
          const list = byRequester.get(contact[0]) ?? []
          list.push(contact)
          byRequester.set(contact[0], list)
        }
        for (const list of byRequester.values()) {
          list.sort((x, y) => x[2] - y[2] || (x[3] ?? 0) - (y[3] ?? 0))
          list.forEach(([, topic, created, solved], i) => {
            if (solved !== null && solved + windowMs > asOf) {
              excluded.pending++
              return
            }
            trials++
            if (solved === null) return
            const repeated = list.some(
              ([, other, otherCreated], j) =>
                j !== i &&
                otherCreated > created &&
                otherCreated <= solved + windowMs &&
                (topic === null || other === null || other === topic),
            )
            if (!repeated) successes++
          })
        }
      }
      const measured = trials > 0 && trials >= minN
      return {
        kind: 'result',
        kpi: fn,
        value: measured ? successes / trials : null,
        reason: _reasonOf(trials, excluded, minN),
        variant,
        n: trials,
        excluded,
        measure: 'proportion',
        method,
        denominator,
        successes,
        ci: measured ? wilsonInterval(successes, trials, { level }) : null,
        lowSample: !measured,
      }
    },
  }
}

/**
 * First-contact resolution: the share of tickets resolved at the first contact, by a named method —
 * by default resolved with exactly one public agent reply and no reopen, over resolved tickets — with
 * its Wilson interval. Methods follow Zendesk, Freshservice, Intercom and SQM; denominators gross (all
 * tickets), resolved, or net of tickets that could not be resolved at first contact.
 *
 * Unit: proportion 0…1. Spam and merged tickets are left out; with the resolved denominator, open
 * tickets are counted in `excluded.unresolved` (they enter the period in which they are resolved when
 * windowed by resolution date). No tickets give `value: null`.
 *
 * Source: spec §11 — Zendesk (4408820618266), fivetran/dbt_zendesk, Freshservice (50000004904),
 * Intercom (7022438), SQM Group, MetricNet (gross vs net).
 *
 * @example
 * ```ts
 * const tickets = [
 *   { createdAt: '2024-03-01T09:00:00Z', solvedAt: '2024-03-01T10:00:00Z', agentReplies: 1, reopens: 0 },
 *   { createdAt: '2024-03-01T09:30:00Z', solvedAt: '2024-03-02T10:00:00Z', agentReplies: 3, reopens: 0 },
 *   { createdAt: '2024-03-01T11:00:00Z', solvedAt: '2024-03-01T12:00:00Z', agentReplies: 1, reopens: 1 },
 *   { createdAt: '2024-03-01T12:00:00Z', solvedAt: '2024-03-01T12:30:00Z', agentReplies: 1, reopens: 0 },
 * ]
 * firstContactResolution(tickets).value //=> 0.5 (one reply and no reopen: the first and the last)
 * firstContactResolution(tickets, { method: 'zendesk-lt2' }).value
 * ```
 * @category Support
 */
export function firstContactResolution(
  items: Iterable<TicketSummary>,
  options?: FirstContactResolutionOptions,
): FirstContactResolutionResult
export function firstContactResolution<T>(
  items: Iterable<T>,
  accessor: Accessor<T, TicketSummary>,
  options?: FirstContactResolutionOptions,
): FirstContactResolutionResult
export function firstContactResolution<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, TicketSummary> | FirstContactResolutionOptions,
  options?: FirstContactResolutionOptions,
): FirstContactResolutionResult {
  return _foldAs(
    'firstContactResolution',
    firstContactResolutionAggregator(accessorOrOptions as Accessor<T, TicketSummary>, options),
    items,
  )
}
