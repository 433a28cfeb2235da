import { _exclude } from '../core/_exclude.ts'
import type { Accessor } from '../core/aggregator.ts'
import { type DateInput, parseInstant } from '../core/parseInstant.ts'
import type { OnInvalid } from '../core/result.ts'
import type { TicketSummary } from './ticketSummaries.ts'

/** Reads the ticket of an item, or counts why it cannot be used (spam, merged, no or a bad creation date). */
export function _ticket<T>(
  excluded: Record<string, number>,
  fn: string,
  onInvalid: OnInvalid,
  accessor: Accessor<T, TicketSummary> | undefined,
  item: T,
  index: number,
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
  const created = absent ? null : parseInstant(ticket.createdAt)
  if (created === null) {
    _exclude(excluded, absent ? 'missing' : 'invalid', onInvalid, fn, index, ticket.createdAt)
    return null
  }
  return { ticket, created }
}

/** An optional instant: null when absent, undefined when present but unreadable. */
export function _optionalInstant(value: DateInput | null | undefined): number | null | undefined {
  if (value === null || value === undefined) return null
  return parseInstant(value) ?? undefined
}
