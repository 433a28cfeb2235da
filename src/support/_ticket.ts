import { _exclude } from '../core/_exclude.ts'
import type { Accessor } from '../core/aggregator.ts'
import type { InputField } from '../core/descriptor.ts'
import type { DateInput } from '../core/parseInstant.ts'
import type { OnInvalid } from '../core/result.ts'
import type { TicketSummary } from './ticketSummaries.ts'

/** The fields of a ticket summary, for the descriptors of the support KPIs. */
export const _TICKET_FIELDS: { readonly [name: string]: InputField } = {
  id: { type: 'string', required: false, doc: 'The ticket id.' },
  createdAt: { type: 'instant', required: true, doc: 'When the ticket was created.' },
  firstReplyAt: { type: 'instant', required: false, doc: 'The first public reply by a human agent.' },
  firstSolvedAt: { type: 'instant', required: false, doc: 'When the ticket was first solved.' },
  solvedAt: { type: 'instant', required: false, doc: 'When the ticket was last solved.' },
  agentReplies: { type: 'number', required: false, doc: 'Public replies by agents.' },
  reopens: { type: 'number', required: false, doc: 'Times the ticket was reopened.' },
  customerFollowups: {
    type: 'number',
    required: false,
    doc: 'Messages from the customer after the first reply.',
  },
  agentsInvolved: { type: 'number', required: false, doc: 'Distinct agents who replied.' },
  closes: { type: 'number', required: false, doc: 'Times the ticket was closed.' },
  requesterWaitMs: { type: 'number', required: false, doc: 'Time waiting on the requester, ms.' },
  onHoldMs: { type: 'number', required: false, doc: 'Time on hold, ms.' },
  agentWaitMs: { type: 'number', required: false, doc: 'Time waiting on an agent, ms.' },
  status: {
    type: 'string',
    required: false,
    doc: "Its status: 'solved' or 'closed' count as resolved without a solve time.",
  },
  requesterId: { type: 'string', required: false, doc: 'Who asked (for repeat contacts).' },
  topic: { type: 'string', required: false, doc: 'Its topic (repeat contacts on the same topic).' },
  channel: { type: 'string', required: false, doc: 'The channel.' },
  spam: { type: 'boolean', required: false, doc: 'Marked as spam (left out).' },
  merged: { type: 'boolean', required: false, doc: 'Merged into another ticket (left out).' },
}

/** Reads the ticket of an item, or counts why it cannot be used (spam, merged, no or a bad creation date). */
export function _ticket<T>(
  excluded: Record<string, number>,
  fn: string,
  onInvalid: OnInvalid,
  accessor: Accessor<T, TicketSummary> | undefined,
  item: T,
  index: number,
  instant: (input: unknown) => number | null,
): { ticket: TicketSummary; created: number } | null {
  const ticket = accessor === undefined ? (item as unknown as TicketSummary) : accessor(item, index)
  if (ticket === null || ticket === undefined) {
    _exclude(excluded, 'missing', onInvalid, fn, index, ticket)
    return null
  }
  if (ticket.spam === true || ticket.merged === true) {
    const reason = ticket.spam === true ? 'spam' : 'merged'
    excluded[reason] = (excluded[reason] ?? 0) + 1
    return null
  }
  const absent = ticket.createdAt === null || ticket.createdAt === undefined
  const created = absent ? null : instant(ticket.createdAt)
  if (created === null) {
    _exclude(excluded, absent ? 'missing' : 'invalid', onInvalid, fn, index, ticket.createdAt)
    return null
  }
  return { ticket, created }
}

/** An optional instant: null when absent, undefined when present but unreadable. */
export function _optionalInstant(
  value: DateInput | null | undefined,
  instant: (input: unknown) => number | null,
): number | null | undefined {
  if (value === null || value === undefined) return null
  return instant(value) ?? undefined
}
