// The columns of a ticket's fields in a warehouse table, checked against the fields the support KPIs
// read, and the options that cannot travel into SQL.
import { _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import type { SqlDialect } from './_dialects.ts'
import { _identifier } from './_identifier.ts'

/** What the ticket KPIs read of a spec. */
interface TicketSpec {
  readonly options?: Readonly<Record<string, unknown>>
  readonly value?: unknown
  readonly columns?: object | undefined
}

/** The fields of a ticket a column can be given for. */
export const _TICKET_COLUMNS: readonly string[] = [
  'createdAt',
  'firstReplyAt',
  'solvedAt',
  'status',
  'agentReplies',
  'reopens',
  'customerFollowups',
  'agentsInvolved',
  'closes',
  'spam',
  'merged',
  'firstSolvedAt',
  'requesterWaitMs',
  'onHoldMs',
  'agentWaitMs',
]

/** The ticket columns of a spec, checked: known fields, and those the KPI needs given. */
export function _ticketColumns(
  fn: string,
  spec: TicketSpec,
  dialect: SqlDialect,
  needed: readonly string[],
): Record<string, string> {
  if (spec.value !== undefined)
    throw _typeError(fn, 'spec.value', 'no value: a ticket KPI reads `spec.columns`', spec.value)
  const columns = spec.columns
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns))
    throw _typeError(fn, 'spec.columns', 'the columns of the ticket fields: { createdAt, … }', columns)
  _knownKeys(fn, 'spec.columns', columns, _TICKET_COLUMNS)
  const out: Record<string, string> = {}
  for (const field of _TICKET_COLUMNS) {
    const c = Object.hasOwn(columns, field) ? (columns as Record<string, unknown>)[field] : undefined
    if (c === undefined) {
      if (needed.includes(field)) throw _typeError(fn, `spec.columns.${field}`, `the column of ${field}`, c)
      continue
    }
    out[field] = _identifier(fn, `spec.columns.${field}`, dialect, c)
  }
  return out
}

/** Functions cannot run in the warehouse: an option that is one is refused. */
export function _noFunctions(fn: string, spec: TicketSpec): void {
  for (const [key, x] of Object.entries(spec.options ?? {}))
    if (typeof x === 'function')
      throw _typeError(fn, `spec.options.${key}`, 'a value (a function cannot run in the warehouse)', x)
}
