import { _typeError } from '../core/_assert.ts'
import { _exclude } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DISAMBIGUATION, _INPUT_TIME_ZONE } from '../core/_rules.ts'
import type { Accessor } from '../core/aggregator.ts'
import { _instantReader, type DateInput, type ParseInstantOptions } from '../core/parseInstant.ts'

/**
 * A ticket's status, as help desks name them.
 * @category Support
 */
export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed'

/**
 * One entry of a ticket's event log: a message or a status change.
 * @category Support
 */
export interface TicketEvent {
  /** The ticket the event belongs to. */
  readonly ticketId: string | number
  /** When it happened. */
  readonly at: DateInput
  /** `'message'` (a comment or reply) or `'status'` (a status change). */
  readonly type: 'message' | 'status'
  /** Who wrote a message: the customer, a human agent, a bot or an automation (`'system'`). */
  readonly author?: 'customer' | 'agent' | 'bot' | 'system'
  /** The agent who wrote a message (for one-teammate FCR). */
  readonly agentId?: string | number
  /** Whether a message is public (false: an internal note). @defaultValue true */
  readonly public?: boolean
  /** The new status of a status change. */
  readonly status?: TicketStatus
  /** The requester, on any event (the first one given is used). */
  readonly requesterId?: string | number
  /** The topic or category, on any event (the first one given is used). */
  readonly topic?: string
}

/**
 * A ticket as the support KPIs read it. Give these fields directly, or derive them from event logs
 * with {@link ticketSummaries}.
 * @category Support
 */
export interface TicketSummary {
  /** The ticket. */
  readonly id?: string | number
  /** When it was created. */
  readonly createdAt: DateInput
  /** The first public reply by a human agent (the second for a ticket an agent opened); `null` if none. */
  readonly firstReplyAt?: DateInput | null
  /** The first time it was solved (or closed without being solved). */
  readonly firstSolvedAt?: DateInput | null
  /** The last time it was solved. */
  readonly solvedAt?: DateInput | null
  /** Public replies by human agents. */
  readonly agentReplies?: number
  /** Times it was reopened: solves − 1. */
  readonly reopens?: number
  /** Customer messages after the first one (Freshservice's "customer interactions"). */
  readonly customerFollowups?: number
  /** Distinct agents who replied publicly (Intercom's "participating teammates"). */
  readonly agentsInvolved?: number
  /** Times it was closed or solved. */
  readonly closes?: number
  /** The current status. */
  readonly status?: TicketStatus
  /** Time waiting on the support team (new, open, on hold), in ms, up to the last solve. */
  readonly requesterWaitMs?: number
  /** Time on hold, in ms, up to the last solve. */
  readonly onHoldMs?: number
  /** Time waiting on the customer (pending), in ms, up to the last solve. */
  readonly agentWaitMs?: number
  /** The requester. */
  readonly requesterId?: string | number
  /** The topic or category. */
  readonly topic?: string
  /** The channel (email, chat, phone…). */
  readonly channel?: string
  /** True for spam; such tickets are left out of the KPIs. */
  readonly spam?: boolean
  /** True for a ticket merged into another; left out of the KPIs. */
  readonly merged?: boolean
}

/**
 * Options of {@link ticketSummaries}.
 * @category Support
 */
export interface TicketSummariesOptions<E> extends ParseInstantOptions {
  /**
   * Reads an event's ticket, when the events are not {@link TicketEvent}s (with `ticketId`).
   * @defaultValue (event) => event.ticketId
   */
  readonly ticket?: Accessor<E, string | number>
  /**
   * What to do with an event that cannot be placed (no ticket id, or an `at` that is not an instant
   * in the supported span): throw a `KpiError` naming it (`'throw'`), or leave it out (`'skip'`). A
   * summary built without one of its events would be silently wrong, so leaving out is a choice.
   * @defaultValue 'throw'
   */
  readonly onInvalid?: 'throw' | 'skip'
}

const RULES = {
  ticket: { type: 'function' },
  onInvalid: { type: 'enum', values: ['throw', 'skip'], default: 'throw' },
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
} as const

/**
 * Turns ticket event logs into the summaries the support KPIs read, by Zendesk's rules:
 * - only public messages by human agents are replies: bots, automations (`'system'`) and internal notes
 *   are not;
 * - the first reply of a ticket an agent opened (its first message is a public agent message) is the
 *   second public agent message;
 * - reopens = solves − 1; the first resolution is the first solve, the full resolution the last;
 * - a closed ticket does not reopen: events after `'closed'` belong to a follow-up ticket and are
 *   ignored (a close without a solve counts as the resolution);
 * - wait times come from the status history: requester wait = new + open + hold, agent wait = pending,
 *   up to the last solve (or the last event of an unsolved ticket).
 *
 * Events may come in any order; they are sorted by time per ticket. An event without a ticket id or
 * with an unusable `at` is a `KpiError` (`'invalid-observation'`, with its index and reason), or with
 * `onInvalid: 'skip'` left out. Tickets come back in the order of their first event.
 *
 * Source: spec §11.1, §12.1 — Zendesk (4408821871642, 4408820618266), fivetran/dbt_zendesk.
 *
 * @example
 * ```ts
 * ticketSummaries([
 *   { ticketId: 1, at: '2024-03-01T09:00:00Z', type: 'message', author: 'customer' },
 *   { ticketId: 1, at: '2024-03-01T09:05:00Z', type: 'message', author: 'bot' },
 *   { ticketId: 1, at: '2024-03-01T10:00:00Z', type: 'message', author: 'agent' },
 *   { ticketId: 1, at: '2024-03-01T10:01:00Z', type: 'status', status: 'solved' },
 * ])
 * //=> [{ id: 1, createdAt: 1709283600000, firstReplyAt: 1709287200000, agentReplies: 1, reopens: 0, … }]
 * ```
 * @category Support
 */
export function ticketSummaries<E = TicketEvent>(
  events: Iterable<E>,
  options?: TicketSummariesOptions<E>,
): TicketSummary[] {
  const fn = 'ticketSummaries'
  if (events === null || typeof (events as Iterable<E>)?.[Symbol.iterator] !== 'function') {
    throw _typeError(fn, 'events', 'an iterable of ticket events', events)
  }
  const o = _resolve(fn, RULES, options)
  const instant = _instantReader(fn, o)
  const ticketOf = (o.ticket ?? ((e: E) => (e as unknown as TicketEvent | null)?.ticketId)) as Accessor<
    E,
    string | number
  >
  const byTicket = new Map<string | number, [number, number, TicketEvent][]>()
  let index = 0
  for (const event of events) {
    const at = (event as unknown as TicketEvent | null)?.at
    const t = instant(at)
    const id = ticketOf(event, index)
    if (t === null || id === null || id === undefined) {
      if (o.onInvalid === 'throw')
        id === null || id === undefined
          ? _exclude({}, 'missing', 'throw', fn, index, id)
          : _exclude({}, 'invalid', 'throw', fn, index, at)
    } else {
      const list = byTicket.get(id) ?? []
      list.push([t, index, event as unknown as TicketEvent])
      byTicket.set(id, list)
    }
    index++
  }
  return [...byTicket].map(([id, list]) =>
    summarize(
      id,
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    ),
  )
}

function summarize(id: string | number, events: readonly [number, number, TicketEvent][]): TicketSummary {
  const first = events[0] as [number, number, TicketEvent]
  const createdAt = first[0]
  const isReply = (e: TicketEvent): boolean =>
    e.type === 'message' && e.author === 'agent' && e.public !== false
  const agentOpened = isReply(first[2])
  let requesterId: string | number | undefined
  let topic: string | undefined
  let replies = 0
  let firstReplyAt: number | null = null
  let customerMessages = 0
  const agents = new Set<string | number>()
  let solves = 0
  let closes = 0
  let firstSolvedAt: number | null = null
  let solvedAt: number | null = null
  let status: TicketStatus = 'new'
  let statusSince = createdAt
  const waits = { new: 0, open: 0, pending: 0, hold: 0, solved: 0, closed: 0 }
  let waitsAtLastSolve = { ...waits }
  let closedAt: number | null = null
  for (const [t, , e] of events) {
    if (closedAt !== null) break // a closed ticket does not reopen: later events are a follow-up ticket
    requesterId ??= e.requesterId
    topic ??= e.topic
    if (e.type === 'message') {
      if (isReply(e)) {
        replies++
        if (e.agentId !== undefined) agents.add(e.agentId)
        // The first reply: the first public agent message, or the second when an agent opened the ticket.
        if (firstReplyAt === null && replies === (agentOpened ? 2 : 1)) firstReplyAt = t
      } else if (e.author === 'customer' && e.public !== false) customerMessages++
      // A customer message on a solved ticket reopens it.
      if (e.author === 'customer' && status === 'solved') {
        waits[status] += t - statusSince
        status = 'open'
        statusSince = t
      }
    } else if (e.status !== undefined && e.status !== status) {
      const previous = status
      waits[status] += t - statusSince
      status = e.status
      statusSince = t
      // A solve is a resolution; so is a close without a solve before it (closed by a rule). Closing a
      // solved ticket is not another resolution.
      if (status === 'solved' || (status === 'closed' && previous !== 'solved')) {
        if (status === 'solved') solves++
        closes++
        firstSolvedAt ??= t
        solvedAt = t
        waitsAtLastSolve = { ...waits }
      }
      if (status === 'closed') closedAt = t
    }
  }
  if (solvedAt === null)
    waitsAtLastSolve = {
      ...waits,
      [status]: waits[status] + ((events.at(-1)?.[0] ?? createdAt) - statusSince),
    }
  return {
    id,
    createdAt,
    firstReplyAt,
    firstSolvedAt,
    solvedAt,
    agentReplies: replies,
    reopens: Math.max(0, solves - 1),
    customerFollowups: Math.max(0, customerMessages - (agentOpened ? 0 : 1)),
    agentsInvolved: agents.size,
    closes,
    status,
    requesterWaitMs: waitsAtLastSolve.new + waitsAtLastSolve.open + waitsAtLastSolve.hold,
    onHoldMs: waitsAtLastSolve.hold,
    agentWaitMs: waitsAtLastSolve.pending,
    ...(requesterId === undefined ? {} : { requesterId }),
    ...(topic === undefined ? {} : { topic }),
  }
}
