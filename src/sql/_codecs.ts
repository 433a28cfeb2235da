// What each KPI computed in the warehouse asks the query for — the cells of a histogram row — and the
// aggregator that reads those cells back. The survey KPIs read their value columns as they are; the
// ticket KPIs read what their rules look at: whether each instant is there and in the supported span,
// the counts and flags as they are, and, for SLA attainment, each ticket's outcome against its due time
// (compared in SQL, since it depends on two instants).
import { _typeError } from '../core/_assert.ts'
import { _exclude } from '../core/_exclude.ts'
import { _knownKeys } from '../core/_keys.ts'
import type { AnyAggregator } from '../core/aggregator.ts'
import { parseInstant } from '../core/parseInstant.ts'
import { survivalAggregator } from '../lifecycle/survival.ts'
import { firstContactResolutionAggregator } from '../support/firstContactResolution.ts'
import { type SlaAttainmentState, slaAttainmentAggregator } from '../support/slaAttainment.ts'
import type { TicketSummary } from '../support/ticketSummaries.ts'
import { acsiAggregator } from '../survey/acsi.ts'
import { cesAggregator } from '../survey/ces.ts'
import { csatAggregator } from '../survey/csat.ts'
import { npsAggregator } from '../survey/nps.ts'
import { responseRateAggregator } from '../survey/responseRate.ts'
import { _epochMs, _float, _MAX_TIME, _MIN_TIME, type _Params, type SqlDialect } from './_dialects.ts'
import { _identifier } from './_identifier.ts'
import { _noFunctions, _ticketColumns } from './_tickets.ts'

/** What a codec reads from the spec to write its cells. */
export interface _CellSpec {
  readonly kpi: string
  readonly options?: Readonly<Record<string, unknown>>
  readonly value?: string | readonly string[] | undefined
  readonly columns?: object | undefined
}

/** A KPI as the warehouse computes it. */
export interface _Codec {
  /** The cells of a row, as SQL over the table's columns (values bound in `params`). */
  readonly cells: (fn: string, spec: _CellSpec, dialect: SqlDialect, params: _Params) => string[]
  /** The KPI's aggregator, reading the cells of a row as its item. */
  readonly aggregator: (spec: _CellSpec) => AnyAggregator
}

/** An item of the query's rows as the aggregators read it: the cells of a row. */
interface Cells {
  readonly v: readonly unknown[]
}

type Factory = (accessor: (item: Cells) => unknown, options: unknown) => AnyAggregator

const survey =
  (factory: unknown, width: 1 | 3): _Codec['aggregator'] =>
  (spec) =>
    (factory as Factory)((item) => (width === 1 ? item.v[0] : item.v), spec.options ?? {})

function surveyCells(fn: string, spec: _CellSpec, dialect: SqlDialect): string[] {
  const acsi = spec.kpi === 'acsi'
  const given = spec.value
  if (acsi !== (Array.isArray(given) && given.length === 3))
    throw _typeError(
      fn,
      'spec.value',
      acsi ? "ACSI's three question columns, in order" : 'one column name',
      given,
    )
  if (spec.columns !== undefined)
    throw _typeError(fn, 'spec.columns', 'no columns: a survey KPI reads `spec.value`', spec.columns)
  return (Array.isArray(given) ? given : [given]).map((c, i) =>
    _identifier(fn, Array.isArray(given) ? `spec.value[${i}]` : 'spec.value', dialect, c),
  )
}

/**
 * Whether an instant column is there and readable: NULL when absent, `'invalid'` outside the span the
 * library reads (1900–2200), 0 (an instant in the span) otherwise.
 */
function presence(dialect: SqlDialect, column: string): string {
  const ms = _epochMs(dialect, column)
  return `CASE WHEN ${column} IS NULL THEN NULL WHEN ${ms} < ${_MIN_TIME} OR ${ms} >= ${_MAX_TIME} THEN 'invalid' ELSE '0' END`
}

/** The ticket fields each FCR method reads, besides creation, solve, status and the spam and merged flags. */
const FCR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'one-agent-reply': ['agentReplies', 'reopens'],
  'zendesk-lt2': ['agentReplies'],
  'no-customer-followup': ['customerFollowups'],
  'single-teammate-closed-once': ['agentsInvolved', 'closes'],
}

/** The fields FCR reads, those with a column (the others are absent from every ticket, as in memory). */
function fcrFields(fn: string, spec: _CellSpec): readonly string[] {
  const o = spec.options ?? {}
  const method = (o.method ?? 'one-agent-reply') as string
  if (method === 'repeat-contact-window')
    throw _typeError(
      fn,
      'spec.options.method',
      "a method computed per ticket (the repeat-contact window compares each requester's tickets, which is computed in memory only)",
      method,
    )
  if (o.denominator === 'resolvable')
    throw _typeError(
      fn,
      'spec.options.denominator',
      "'resolved' or 'all' (a `resolvable` function cannot run in the warehouse)",
      o.denominator,
    )
  const columns = (spec.columns ?? {}) as Record<string, unknown>
  return [
    'createdAt',
    'solvedAt',
    'status',
    'spam',
    'merged',
    ...(FCR_FIELDS[method] ?? FCR_FIELDS['one-agent-reply'] ?? []),
  ].filter((f) => Object.hasOwn(columns, f) && columns[f] !== undefined)
}

const fcr: _Codec = {
  cells: (fn, spec, dialect) => {
    _noFunctions(fn, spec)
    const method = (spec.options?.method ?? 'one-agent-reply') as string
    const columns = _ticketColumns(fn, spec, dialect, [
      'createdAt',
      ...(FCR_FIELDS[method] ?? []).filter((f) => f !== 'reopens'),
    ])
    return fcrFields(fn, spec).map((f) => {
      const c = columns[f] as string
      return f === 'createdAt' || f === 'solvedAt' ? presence(dialect, c) : c
    })
  },
  aggregator: (spec) => {
    const fields = fcrFields('firstContactResolution', spec)
    return (firstContactResolutionAggregator as unknown as Factory)((item) => {
      const ticket: Record<string, unknown> = {}
      fields.forEach((f, i) => {
        const x = item.v[i]
        // An instant's presence: '0' is the instant 0, 'invalid' is read as invalid, as in memory.
        ticket[f] = (f === 'createdAt' || f === 'solvedAt') && x === '0' ? 0 : x
      })
      return ticket as unknown as TicketSummary
    }, spec.options ?? {})
  },
}

/** The outcome of a ticket against its SLA, as SQL: `met`, `late`, `pending`, or why it is left out. */
function slaOutcome(fn: string, spec: _CellSpec, dialect: SqlDialect, params: _Params): string {
  const o = spec.options ?? {}
  if (o.schedule !== undefined)
    throw _typeError(
      fn,
      'spec.options.schedule',
      'no schedule (due times in business hours are computed in memory only)',
      o.schedule,
    )
  const target = o.targetMs
  if (typeof target !== 'number')
    throw _typeError(fn, 'spec.options.targetMs', 'a target in ms (a number of at least 0)', target)
  const metric = (o.metric ?? 'first-reply') as string
  const done = metric === 'resolution' ? 'solvedAt' : 'firstReplyAt'
  const columns = _ticketColumns(fn, spec, dialect, ['createdAt', done])
  const created = columns.createdAt as string
  const doneAt = columns[done] as string
  const [cms, dms] = [_epochMs(dialect, created), _epochMs(dialect, doneAt)]
  const asOf = o.asOf === undefined ? null : parseInstant(o.asOf as string)
  const flag = (f: string) => (columns[f] === undefined ? [] : [`WHEN ${columns[f]} IS TRUE THEN '${f}'`])
  const open =
    asOf === null
      ? `'pending'`
      : `CASE WHEN ${_float(dialect, params, asOf)} > ${cms} + ${_float(dialect, params, target)} THEN 'late' ELSE 'pending' END`
  return [
    'CASE',
    ...flag('spam'),
    ...flag('merged'),
    `WHEN ${created} IS NULL THEN 'missing'`,
    `WHEN ${cms} < ${_MIN_TIME} OR ${cms} >= ${_MAX_TIME} THEN 'invalid'`,
    `WHEN ${doneAt} IS NULL THEN ${open}`,
    `WHEN ${dms} < ${_MIN_TIME} OR ${dms} >= ${_MAX_TIME} THEN 'invalid'`,
    `WHEN ${dms} <= ${cms} + ${_float(dialect, params, target)} THEN 'met'`,
    `ELSE 'late' END`,
  ].join(' ')
}

const sla: _Codec = {
  cells: (fn, spec, dialect, params) => {
    _noFunctions(fn, spec)
    return [slaOutcome(fn, spec, dialect, params)]
  },
  aggregator: (spec) => {
    // The KPI's own state and result; each outcome counted where its add counts it.
    const options = spec.options ?? {}
    const inner = slaAttainmentAggregator(options as never) as unknown as AnyAggregator
    const onInvalid = (options.onInvalid ?? 'exclude') as 'exclude'
    return {
      ...inner,
      add: (state: SlaAttainmentState, item: Cells, index: number) => {
        const outcome = item.v[0]
        if (outcome === 'met') state.counts[0]++
        else if (outcome === 'late') state.counts[1]++
        else if (outcome === 'pending' || outcome === 'spam' || outcome === 'merged')
          state.excluded[outcome]++
        else
          _exclude(
            state.excluded,
            outcome === 'invalid' ? 'invalid' : 'missing',
            onInvalid,
            'slaAttainment',
            index,
            outcome,
          )
        return state
      },
    } as AnyAggregator
  },
}

/** The columns of a survival observation, checked: `time` and `event` given, `entry` and `group` optional. */
function survivalColumns(fn: string, spec: _CellSpec, dialect: SqlDialect): [string, string][] {
  if (spec.value !== undefined)
    throw _typeError(fn, 'spec.value', 'no value: survival reads `spec.columns`', spec.value)
  const columns = spec.columns
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns))
    throw _typeError(
      fn,
      'spec.columns',
      'the columns of the observation: { time, event, entry?, group? }',
      columns,
    )
  _knownKeys(fn, 'spec.columns', columns, SURVIVAL_FIELDS)
  const out: [string, string][] = []
  for (const field of SURVIVAL_FIELDS) {
    const c = Object.hasOwn(columns, field) ? (columns as Record<string, unknown>)[field] : undefined
    if (c === undefined) {
      if (field === 'time' || field === 'event')
        throw _typeError(fn, `spec.columns.${field}`, `the column of ${field}`, c)
      continue
    }
    out.push([field, _identifier(fn, `spec.columns.${field}`, dialect, c)])
  }
  return out
}

const SURVIVAL_FIELDS = ['time', 'event', 'entry', 'group']

/** A numeric cell as a driver returns it — decimal text for PostgreSQL's numeric — as a number. */
const numeric = (x: unknown): unknown =>
  typeof x === 'string' && /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(x) ? Number(x) : x

const survivalCodec: _Codec = {
  cells: (fn, spec, dialect) => {
    _noFunctions(fn, spec)
    return survivalColumns(fn, spec, dialect).map(([, c]) => c)
  },
  aggregator: (spec) => {
    const fields = Object.keys((spec.columns ?? {}) as object)
    const given = SURVIVAL_FIELDS.filter((f) => fields.includes(f))
    // Each field as the cell holds it (a NULL is null, as in a row in memory); numbers as numbers.
    return (survivalAggregator as unknown as Factory)((item) => {
      const observation: Record<string, unknown> = {}
      given.forEach((f, i) => {
        const x = item.v[i]
        observation[f] = f === 'time' || f === 'entry' ? numeric(x) : x
      })
      return observation
    }, spec.options ?? {})
  },
}

/** The KPIs computed in the warehouse, in the order the guide lists them. */
export const _CODECS: Readonly<Record<string, _Codec>> = {
  nps: { cells: surveyCells, aggregator: /* @__PURE__ */ survey(npsAggregator, 1) },
  csat: { cells: surveyCells, aggregator: /* @__PURE__ */ survey(csatAggregator, 1) },
  ces: { cells: surveyCells, aggregator: /* @__PURE__ */ survey(cesAggregator, 1) },
  acsi: { cells: surveyCells, aggregator: /* @__PURE__ */ survey(acsiAggregator, 3) },
  responseRate: { cells: surveyCells, aggregator: /* @__PURE__ */ survey(responseRateAggregator, 1) },
  firstContactResolution: fcr,
  slaAttainment: sla,
  survival: survivalCodec,
}
