import { tz } from '@date-fns/tz'
import { parse } from 'date-fns'
import { _descriptors } from '../catalog/_descriptors.ts'
import { _typeError } from '../core/_assert.ts'
import { _dict, _set } from '../core/_dict.ts'
import type { Aggregator, AnyAggregator } from '../core/aggregator.ts'
import { fold } from '../core/fold.ts'
import { parseInstant } from '../core/parseInstant.ts'
import { byKey } from '../time/byKey.ts'
import { byPeriod } from '../time/byPeriod.ts'
import { comparePeriods, type PeriodComparison } from '../time/comparePeriods.ts'
import { trailing } from '../time/trailing.ts'
import { _matches } from './_filter.ts'
import { _isColumns } from './_mapping.ts'
import { _numeratorAggregator } from './_numerator.ts'
import { _resolveOptions } from './_resolveOptions.ts'
import type {
  ColumnMapping,
  ColumnsMapping,
  DefinitionTime,
  MetricDefinition,
  SharedObjects,
} from './_types.ts'

/**
 * Where a result computed from a definition came from: the definition's name, version and content
 * hash, and the options its KPI ran with (shared objects by name).
 * @category Definitions
 */
export interface DefinitionProvenance {
  /** The definition's name. */
  readonly name: string
  /** Its version, when it has one. */
  readonly version: string | number | null
  /** The content hash of the definition as resolved. */
  readonly hash: string
  /** The KPI. */
  readonly kpi: string
  /** The options the KPI ran with, as written. */
  readonly options: Readonly<Record<string, unknown>>
}

/**
 * A result computed from a definition, with its provenance.
 * @category Definitions
 */
export interface DefinitionResult {
  /** Where it came from. */
  readonly definition: DefinitionProvenance
  /** The KPI's result (a series with `time`, segments with `dimensions`). */
  readonly result: unknown
  /** With `time.compare: previous`, each period against the one before (`comparePeriods`); otherwise `null`. */
  readonly comparisons: readonly PeriodComparison[] | null
}

/**
 * An instant as a column writes it: ISO 8601 (with an offset, or without one in the column's `zone`),
 * or in the column's date-fns `format` (`MM/dd/yyyy hh:mm:ss a`) in its zone (UTC by default). What does
 * not read is passed on as written, for the KPI to count as invalid.
 */
export function _instant(m: ColumnMapping, raw: string): unknown {
  if (m.format !== undefined) {
    const t = parse(raw.trim(), m.format, new Date(0), { in: tz(m.zone ?? 'UTC') }).getTime()
    return Number.isFinite(t) ? t : raw
  }
  const t = parseInstant(raw, m.zone === undefined ? undefined : { inputTimeZone: m.zone })
  return t === null ? raw : t
}

/** A definition's `time`, with what its shared calendar says where `time` does not say it. */
export function _definitionTime(metric: MetricDefinition, shared: SharedObjects): DefinitionTime | undefined {
  if (metric.time === undefined) return undefined
  const calendar = metric.calendar === undefined ? undefined : shared.calendars.get(metric.calendar)
  return {
    ...(calendar?.timeZone === undefined ? {} : { timeZone: calendar.timeZone }),
    ...(calendar?.weekStartsOn === undefined ? {} : { weekStartsOn: calendar.weekStartsOn }),
    ...(calendar?.fiscalYearStartMonth === undefined
      ? {}
      : { fiscalYearStartMonth: calendar.fiscalYearStartMonth }),
    ...metric.time,
  }
}

/** A series without its periods that have no observation (`time.empty: omit`). */
export function _omitEmpty(result: unknown): unknown {
  const r = result as { kind?: string; periods?: { result: { n?: number } }[] }
  if (r.kind !== 'series' || r.periods === undefined) return result
  return { ...r, periods: r.periods.filter((p) => p.result.n !== 0) }
}

/**
 * A definition's options as a run computes it: shared objects resolved; the shared calendar's zone, week
 * start and fiscal year for a KPI that selects its own periods (`selects`), and the run's "now" — each
 * only where the KPI takes the option (`takes`) and the definition does not give it.
 */
export function _runOptions(
  metric: MetricDefinition,
  shared: SharedObjects,
  asOf: string | number | undefined,
  selects: boolean,
  takes: (key: string) => boolean,
): Record<string, unknown> {
  const options = _resolveOptions(metric.options ?? {}, shared)
  const calendar = metric.calendar === undefined ? undefined : shared.calendars.get(metric.calendar)
  if (calendar !== undefined && selects)
    for (const key of ['timeZone', 'weekStartsOn', 'fiscalYearStartMonth'] as const)
      if (takes(key) && options[key] === undefined && calendar[key] !== undefined)
        options[key] = calendar[key]
  if (asOf !== undefined && takes('asOf') && options.asOf === undefined) options.asOf = asOf
  return options
}

/**
 * The aggregator a definition describes: the KPI over the mapped columns, filtered, windowed by
 * period and broken down by its dimensions — for streaming rows into it (`cx-metrics run` does).
 */
export function _definitionAggregator(
  metric: MetricDefinition,
  shared: SharedObjects,
  asOf?: string | number,
): Aggregator<Readonly<Record<string, unknown>>, unknown, unknown> {
  const d = _descriptors().get(metric.kpi)
  if (d === undefined || d.aggregator === null)
    throw _typeError('runDefinition', 'definition.kpi', 'the id of a KPI with an aggregator', metric.kpi)
  const options = _runOptions(metric, shared, asOf, d.periodModel === 'select', (key) =>
    Object.hasOwn(d.options, key),
  )
  const names = Object.keys(d.input.fields)
  // Without an input mapping, the columns are named as the KPI's fields (`value` for plain values).
  const fields =
    metric.input?.fields ??
    Object.fromEntries((names.length === 0 ? ['value'] : names).map((f) => [f, { column: f }]))
  const read = (m: ColumnMapping | ColumnsMapping, row: Readonly<Record<string, unknown>>): unknown => {
    if (_isColumns(m)) {
      // An object field whose keys are columns of their own (a health score's measures).
      const out = _dict<unknown>()
      for (const [key, column] of Object.entries(m.columns))
        _set(out, key, read({ column, ...(m.type === undefined ? {} : { type: m.type }) }, row))
      return out
    }
    const raw = Object.hasOwn(row, m.column) ? row[m.column] : undefined
    // An empty cell is a missing value, whatever the column's type.
    if (raw === '') return null
    if (m.type === 'instant' && typeof raw === 'string') return _instant(m, raw)
    if ((m.type === 'number' || m.type === 'money') && typeof raw === 'string' && raw.trim() !== '') {
      const x = Number(raw)
      return Number.isFinite(x) ? x : raw
    }
    if (m.type === 'boolean' && typeof raw === 'string')
      return raw === 'true' ? true : raw === 'false' ? false : raw
    return raw === '' ? null : raw
  }
  const accessor =
    names.length === 0
      ? (row: Readonly<Record<string, unknown>>) => read(fields.value as ColumnMapping, row)
      : (row: Readonly<Record<string, unknown>>) => {
          const out: Record<string, unknown> = {}
          for (const name of names) {
            const m = fields[name]
            if (m !== undefined) out[name] = read(m, row)
          }
          return out
        }
  let agg = (d.aggregator as (a: unknown, o: unknown) => AnyAggregator)(accessor, options)
  const numerator = metric.numerator ?? []
  if (numerator.length > 0) {
    const component = d.result.numerator
    if (component === undefined)
      throw _typeError('runDefinition', 'definition.numerator', 'a ratio KPI (one with a numerator)', d.id)
    agg = _numeratorAggregator(agg, numerator, component, options)
  }
  const time = _definitionTime(metric, shared)
  if (time !== undefined) {
    // The time column is read as the input reads it when a field maps it (its zone, its format).
    const mapped = Object.values(metric.input?.fields ?? {}).find(
      (m): m is ColumnMapping => !_isColumns(m) && m.column === time.column,
    )
    const mapping: ColumnMapping = {
      column: time.column,
      ...(mapped?.zone === undefined ? {} : { zone: mapped.zone }),
      ...(mapped?.format === undefined ? {} : { format: mapped.format }),
      ...(time.zone === undefined ? {} : { zone: time.zone }),
      ...(time.format === undefined ? {} : { format: time.format }),
    }
    const date = (row: Readonly<Record<string, unknown>>) => {
      const raw = row[time.column]
      return typeof raw === 'string' ? (_instant(mapping, raw) as string | number) : (raw as string)
    }
    if (time.trailingDays !== undefined) {
      const end = time.asOf ?? asOf
      if (end === undefined)
        throw _typeError(
          'runDefinition',
          'definition.time.asOf',
          'where the trailing windows end (or the run’s asOf)',
          end,
        )
      agg = trailing(agg, {
        date,
        days: time.trailingDays,
        asOf: end,
        ...(time.count === undefined ? {} : { count: time.count }),
        ...(time.timeZone === undefined ? {} : { timeZone: time.timeZone }),
      }) as AnyAggregator
    } else
      agg = byPeriod(agg, {
        date,
        unit: time.unit as 'month',
        ...(time.timeZone === undefined ? {} : { timeZone: time.timeZone }),
        ...(time.weekStartsOn === undefined ? {} : { weekStartsOn: time.weekStartsOn as 0 }),
        ...(time.fiscalYearStartMonth === undefined
          ? {}
          : { fiscalYearStartMonth: time.fiscalYearStartMonth }),
        ...(time.range === undefined ? {} : { range: time.range }),
        ...(asOf === undefined ? {} : { asOf }),
      }) as AnyAggregator
  }
  if (time?.empty === 'omit') {
    const inner = agg
    agg = { ...inner, result: (state: unknown) => _omitEmpty(inner.result(state)) }
  }
  const dimensions = metric.dimensions ?? []
  if (dimensions.length > 0)
    agg = byKey(agg, (row: Readonly<Record<string, unknown>>) =>
      dimensions.map((c) => String(row[c] ?? '')).join(' / '),
    ) as AnyAggregator
  // Filters choose the rows, outermost: a row they drop is in no period and under no key.
  const filters = metric.filters ?? []
  if (filters.length > 0) {
    const inner = agg
    agg = {
      kpi: inner.kpi,
      init: inner.init,
      merge: inner.merge,
      result: inner.result,
      add: (state: unknown, row: Readonly<Record<string, unknown>>, index: number) =>
        filters.every((f) => _matches(f, row)) ? inner.add(state, row, index) : state,
    }
  }
  return agg
}

/**
 * Computes a metric definition over rows (records by column name): the KPI over the mapped columns,
 * filtered, windowed by period (`time`) and broken down by its `dimensions`, with the provenance of the
 * definition — name, version, content hash and options. Shared objects (schedules, code frames, health
 * definitions) are referred to by name in the options, `{ ref: name }`.
 *
 * @example
 * ```ts
 * const text = 'kind: dataset\nname: surveys\ncolumns: { score: {} }\n---\nname: nps\nkpi: nps\ninput: { dataset: surveys, fields: { value: { column: score } } }\n'
 * const { metrics, shared } = validateDefinitions([{ path: 'nps.yaml', text }])
 * metrics.map((m) => (runDefinition(m, [{ score: 10 }, { score: 3 }], shared).result as { value: number }).value) //=> [0]
 * ```
 * @category Definitions
 */
export function runDefinition(
  metric: MetricDefinition,
  rows: Iterable<Readonly<Record<string, unknown>>>,
  shared?: SharedObjects,
): DefinitionResult {
  const fn = 'runDefinition'
  if (
    typeof metric !== 'object' ||
    metric === null ||
    typeof metric.kpi !== 'string' ||
    typeof metric.hash !== 'string'
  )
    throw _typeError(fn, 'definition', 'a metric definition from validateDefinitions', metric)
  const objects: SharedObjects = shared ?? {
    datasets: new Map(),
    schedules: new Map(),
    codeFrames: new Map(),
    healthDefinitions: new Map(),
    bands: new Map(),
    calendars: new Map(),
  }
  const result = fold(_definitionAggregator(metric, objects), rows)
  const series = result as { kind?: string }
  const comparisons =
    metric.time?.compare === 'previous' && series.kind === 'series' && (metric.dimensions ?? []).length === 0
      ? comparePeriods(result as never)
      : null
  return {
    definition: {
      name: metric.name,
      version: metric.version ?? null,
      hash: metric.hash,
      kpi: metric.kpi,
      options: metric.options ?? {},
    },
    result,
    comparisons,
  }
}
