import type * as z from 'zod'
import { _descriptors } from '../catalog/_descriptors.ts'
import { _options } from '../core/_assert.ts'
import { _hash32 } from '../core/_hash.ts'
import { _closest } from '../core/_keys.ts'
import { _isTimeZone } from '../core/_wallClock.ts'
import { describeResult } from '../core/describeResult.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { codeFrame } from '../feedback/codeFrame.ts'
import { healthDefinition } from '../health/healthDefinition.ts'
import { businessHours } from '../time/businessHours.ts'
import { _filterColumns } from './_filter.ts'
import { _isColumns } from './_mapping.ts'
import { _refs, _resolveOptions } from './_resolveOptions.ts'
import { _anyMetricSchema, _metricKeys, _metricSchema, _NAME, _sharedSchemas } from './_schema.ts'
import { type _Document, _parse, _problem } from './_source.ts'
import type {
  ColumnMapping,
  ColumnsMapping,
  DefinitionCalendar,
  DefinitionFile,
  DefinitionFixture,
  DefinitionProblem,
  DefinitionReport,
  MetricDefinition,
  SharedObjects,
} from './_types.ts'
import { runDefinition } from './runDefinition.ts'

/**
 * Options of {@link validateDefinitions}.
 * @category Definitions
 */
export interface ValidateDefinitionsOptions {
  /**
   * Also run every definition on its fixtures and compare the results (stage 6, `cx-metrics test`).
   * @defaultValue false
   */
  readonly fixtures?: boolean
}

type Kind = 'metric' | 'dataset' | 'schedule' | 'code-frame' | 'health-definition' | 'bands' | 'calendar'
interface Entry {
  readonly doc: _Document
  readonly kind: Kind
  readonly name: string
  readonly value: Record<string, unknown>
  /** Whether it passed its schema: later stages check references of every entry, the rest only of these. */
  readonly schemaOk: boolean
  /** Its schema is checked once `extends` is resolved (it takes its KPI from the definition it extends). */
  readonly deferred?: true
}

const KINDS: readonly Kind[] = [
  'metric',
  'dataset',
  'schedule',
  'code-frame',
  'health-definition',
  'bands',
  'calendar',
]

/** KPIs whose value is a level at an instant: summing it over time double-counts (semi-additive). */
const SEMI_ADDITIVE: Readonly<Record<string, string>> = {
  mrr: 'Compute it at each period’s end instead (its `at` option).',
  healthScore: 'Score one snapshot per run (rows of one date), and compare two runs with healthMovers.',
}

/**
 * Validates metric definition files — YAML or JSON, one or several documents each — in stages, and
 * reports every problem at once, each with its file, line and column, a stable rule id and a hint:
 *
 * 1. parse and schema (`parse/yaml`, `schema/…`): the schemas are generated from the KPI descriptors;
 *    unknown keys say "did you mean";
 * 2. names (`names/duplicate`);
 * 3. references (`references/…`): datasets, shared objects, `extends` and `replacedBy` exist, no cycles;
 * 4. semantics (`semantics/…`): the KPI accepts the options (its own checks), NPS on its 0–10 scale,
 *    money with a currency, no semi-additive KPI over periods, filters and dimensions on known columns,
 *    health definitions and code frames that check;
 * 5. time (`time/…`): IANA zones, schedules that check;
 * 6. with `fixtures: true`, each definition on its fixtures (`fixtures/…`).
 *
 * One bad file never stops the others from being checked. A rule is silenced for one definition with
 * `silence: [{ rule, reason }]` in it.
 *
 * @example
 * ```ts
 * validateDefinitions([{ path: 'nps.yaml', text: 'name: nps\nkpi: nps\noptions: { minn: 30 }\n' }]).problems.map((p) => [p.rule, p.line, p.column])
 * //=> [['schema/unknown-key', 3, 12]]
 * ```
 * @category Definitions
 */
export function validateDefinitions(
  files: readonly DefinitionFile[],
  options?: ValidateDefinitionsOptions,
): DefinitionReport {
  const fn = 'validateDefinitions'
  const o = _options(fn, options, ['fixtures'])
  const problems: DefinitionProblem[] = []
  const descriptors = _descriptors()
  const schemas = schemaCache()
  const entries: Entry[] = []

  // 1. Parse and schema.
  for (const file of Array.isArray(files) ? files : []) {
    const { documents, problems: syntax } = _parse(String(file?.path ?? ''), String(file?.text ?? ''))
    problems.push(...syntax)
    for (const doc of documents) {
      const entry = schemaStage(doc, descriptors, schemas, problems)
      if (entry !== null) entries.push(entry)
    }
  }

  // 2. Names: unique across all files (per kind of object).
  const byKind = new Map<Kind, Map<string, Entry>>(KINDS.map((k) => [k, new Map()]))
  for (const e of entries) {
    const seen = byKind.get(e.kind) as Map<string, Entry>
    const first = seen.get(e.name)
    if (first !== undefined)
      problems.push(
        _problem(
          e.doc,
          ['name'],
          'names/duplicate',
          `${e.kind} \`${e.name}\` is defined twice (first in ${first.doc.file}:${first.doc.locate(['name']).line})`,
          'Give each a unique name.',
          {
            definition: e.name,
          },
        ),
      )
    else seen.set(e.name, e)
  }
  const metrics = byKind.get('metric') as Map<string, Entry>
  const datasets = byKind.get('dataset') as Map<string, Entry>
  const sharedNames = new Map<string, Kind>()
  for (const kind of ['schedule', 'code-frame', 'health-definition', 'bands'] as const)
    for (const name of (byKind.get(kind) as Map<string, Entry>).keys()) sharedNames.set(name, kind)

  // Shared objects are checked by the library's own functions.
  const shared: {
    datasets: Map<string, { columns: Record<string, { type?: string }>; headerRows?: number; table?: string }>
    schedules: Map<string, unknown>
    codeFrames: Map<string, unknown>
    healthDefinitions: Map<string, unknown>
    bands: Map<string, unknown>
    calendars: Map<string, DefinitionCalendar>
  } = {
    datasets: new Map(),
    schedules: new Map(),
    codeFrames: new Map(),
    healthDefinitions: new Map(),
    bands: new Map(),
    calendars: new Map(),
  }
  for (const e of datasets.values())
    shared.datasets.set(e.name, {
      columns: e.value.columns as Record<string, { type?: string }>,
      ...(typeof e.value.headerRows === 'number' ? { headerRows: e.value.headerRows } : {}),
      ...(typeof e.value.table === 'string' ? { table: e.value.table } : {}),
    })
  // Bands and calendars first: health definitions and metrics name them.
  for (const e of (byKind.get('bands') as Map<string, Entry>).values()) {
    if (!e.schemaOk) continue
    const bands = e.value.bands
    try {
      // The health composer's own check of bands: contiguous over 0–100, inclusivity explicit.
      healthDefinition({ measures: [{ id: 'x', weight: 1, normaliser: { type: 'score' } }], bands } as never)
      shared.bands.set(e.name, bands)
    } catch (error) {
      problems.push(
        _problem(
          e.doc,
          ['bands'],
          'semantics/bands',
          String((error as Error).message).replace(
            /^healthDefinition expected `definition\.bands/,
            'expected `bands',
          ),
          'Make the bands cover 0–100 without gaps or overlaps.',
          { definition: e.name },
        ),
      )
    }
  }
  for (const e of (byKind.get('calendar') as Map<string, Entry>).values()) {
    if (!e.schemaOk) continue
    const { kind: _k, name: _n, description: _d, ...calendar } = e.value
    const zone = calendar.timeZone
    if (typeof zone === 'string' && !_isTimeZone(zone))
      problems.push(
        _problem(
          e.doc,
          ['timeZone'],
          'time/zone',
          `\`${zone}\` is not an IANA time zone`,
          'Write a zone such as `America/Sao_Paulo`.',
          { definition: e.name },
        ),
      )
    else shared.calendars.set(e.name, calendar as DefinitionCalendar)
  }
  for (const kind of ['schedule', 'code-frame', 'health-definition'] as const) {
    for (const e of (byKind.get(kind) as Map<string, Entry>).values()) {
      if (!e.schemaOk) continue
      const { kind: _k, name: _n, ...written } = e.value
      let body = written
      if (kind === 'health-definition') {
        const refs = _refs(written)
        for (const ref of refs)
          if (!shared.bands.has(ref.name))
            problems.push(missing(e, ref.path, 'bands', ref.name, [...shared.bands.keys()]))
        if (refs.some((ref) => !shared.bands.has(ref.name))) continue
        body = _resolveOptions(written, shared)
      }
      try {
        if (kind === 'schedule') {
          businessHours(body as never)
          shared.schedules.set(e.name, body)
        } else if (kind === 'code-frame') {
          const frame = { ...body, id: (body.id as string | undefined) ?? e.name }
          codeFrame(frame as never)
          shared.codeFrames.set(e.name, frame)
        } else {
          const definition = { ...body, id: (body.id as string | undefined) ?? e.name }
          healthDefinition(definition as never)
          shared.healthDefinitions.set(e.name, definition)
        }
      } catch (error) {
        const rule =
          kind === 'schedule'
            ? 'time/schedule'
            : kind === 'code-frame'
              ? 'semantics/code-frame'
              : 'semantics/health-definition'
        problems.push(
          _problem(e.doc, [], rule, String((error as Error).message), 'Fix the object as the message says.', {
            definition: e.name,
          }),
        )
      }
    }
  }

  // 3. References, with `extends` resolved (and its cycles found).
  const resolved = new Map<string, Record<string, unknown>>()
  const resolve = (e: Entry, chain: string[]): Record<string, unknown> | null => {
    const done = resolved.get(e.name)
    if (done !== undefined) return done
    const parent = e.value.extends
    if (typeof parent !== 'string') {
      resolved.set(e.name, e.value)
      return e.value
    }
    if (chain.includes(parent) || parent === e.name) {
      problems.push(
        _problem(
          e.doc,
          ['extends'],
          'references/cycle',
          `\`${e.name}\` extends itself through ${[...chain, e.name, parent].join(' → ')}`,
          'Break the cycle of `extends`.',
          {
            definition: e.name,
          },
        ),
      )
      return null
    }
    const base = metrics.get(parent)
    if (base === undefined) {
      problems.push(missing(e, ['extends'], 'metric definition', parent, [...metrics.keys()]))
      return null
    }
    const from = resolve(base, [...chain, e.name])
    if (from === null) return null
    const { name: _n, extends: _e, fixtures: _f, silence: _s, ...inherited } = from
    const merged = {
      ...inherited,
      ...e.value,
      options: { ...(from.options as object), ...(e.value.options as object) },
    }
    resolved.set(e.name, merged)
    return merged
  }
  const ready: { entry: Entry; value: Record<string, unknown> }[] = []
  for (const e of metrics.values()) {
    const before = problems.length
    const value = resolve(e, [])
    if (value === null) continue
    const input = value.input as { dataset?: unknown } | undefined
    if (typeof input?.dataset === 'string' && !datasets.has(input.dataset))
      problems.push(missing(e, ['input', 'dataset'], 'dataset', input.dataset, [...datasets.keys()]))
    for (const ref of _refs(value.options ?? {}))
      if (!sharedNames.has(ref.name))
        problems.push(
          missing(
            e,
            ['options', ...ref.path],
            'shared object (schedule, code frame, health definition, bands)',
            ref.name,
            [...sharedNames.keys()],
          ),
        )
    const calendar = value.calendar
    if (typeof calendar === 'string' && !(byKind.get('calendar') as Map<string, Entry>).has(calendar))
      problems.push(
        missing(e, ['calendar'], 'calendar', calendar, [
          ...(byKind.get('calendar') as Map<string, Entry>).keys(),
        ]),
      )
    const replacedBy = value.replacedBy as string | undefined
    if (typeof replacedBy === 'string' && !metrics.has(replacedBy))
      problems.push(missing(e, ['replacedBy'], 'metric definition', replacedBy, [...metrics.keys()]))
    if (value.status === 'deprecated' && replacedBy === undefined)
      problems.push(
        _problem(
          e.doc,
          ['status'],
          'references/deprecated-without-replacement',
          `\`${e.name}\` is deprecated without saying what replaces it`,
          'Add `replacedBy: <name>`.',
          {
            definition: e.name,
            severity: 'warning',
          },
        ),
      )
    if (e.deferred === true && problems.length === before) {
      const d = typeof value.kpi === 'string' ? descriptors.get(value.kpi) : undefined
      const parsed =
        d === undefined ? null : schemas.metric(d).safeParse({ ...value, extends: e.value.extends })
      if (parsed !== null && !parsed.success) report(e.doc, parsed.error, e.name, problems)
    }
    if (problems.length === before && e.schemaOk) ready.push({ entry: e, value })
  }

  // 4 and 5. Semantics and time.
  const valid: MetricDefinition[] = []
  for (const { entry: e, value } of ready) {
    const before = problems.length
    const d = descriptors.get(value.kpi as string) as KpiDescriptor
    semantics(e, value, d, shared, problems)
    if (problems.slice(before).some((p) => p.severity === 'error')) continue
    const hashed = JSON.stringify(value, Object.keys(value).sort())
    valid.push({
      ...(value as unknown as Omit<MetricDefinition, 'file' | 'hash'>),
      file: e.doc.file,
      hash:
        (_hash32(JSON.stringify(value)) >>> 0).toString(16).padStart(8, '0') +
        (_hash32(hashed) >>> 0).toString(16).padStart(8, '0'),
    })
  }

  // 6. Fixtures.
  if (o.fixtures === true)
    for (const m of valid) {
      const e = metrics.get(m.name) as Entry
      ;(m.fixtures ?? []).forEach((f, i) => {
        const p = fixture(m, f, shared)
        if (p !== null)
          problems.push(_problem(e.doc, ['fixtures', i], p.rule, p.message, p.hint, { definition: m.name }))
      })
    }

  // Silenced rules, each with its written reason.
  const silenced = new Map<string, Set<string>>()
  for (const e of metrics.values())
    silenced.set(
      e.name,
      new Set(((e.value.silence as { rule: string }[] | undefined) ?? []).map((s) => s.rule)),
    )
  const order = new Map((Array.isArray(files) ? files : []).map((f, i) => [String(f?.path ?? ''), i]))
  const kept = problems
    .filter((p) => p.definition === null || !(silenced.get(p.definition)?.has(p.rule) ?? false))
    .sort(
      (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column,
    )
  const invalid = new Set(
    kept.filter((p) => p.severity === 'error' && p.definition !== null).map((p) => p.definition),
  )
  return {
    files: Array.isArray(files) ? files.length : 0,
    metrics: valid.filter((m) => !invalid.has(m.name)),
    shared,
    problems: kept,
  }
}

/** The schemas, each built once per validation (building one costs far more than using it). */
interface Schemas {
  metric(d: KpiDescriptor): z.ZodType
  any(): z.ZodType
  shared(): ReturnType<typeof _sharedSchemas>
}

function schemaCache(): Schemas {
  const metrics = new Map<string, z.ZodType>()
  let any: z.ZodType | undefined
  let shared: ReturnType<typeof _sharedSchemas> | undefined
  return {
    metric: (d) => {
      let s = metrics.get(d.id)
      if (s === undefined) {
        s = _metricSchema(d)
        metrics.set(d.id, s)
      }
      return s
    },
    any: () => {
      any ??= _anyMetricSchema()
      return any
    },
    shared: () => {
      shared ??= _sharedSchemas()
      return shared
    },
  }
}

function missing(
  e: Entry,
  path: (string | number)[],
  what: string,
  name: string,
  known: string[],
): DefinitionProblem {
  const near = _closest(name, known)
  return _problem(
    e.doc,
    path,
    'references/missing',
    `\`${e.name}\` refers to the ${what} \`${name}\`, which no file defines`,
    near === null ? `Define it, or refer to one that exists.` : `Did you mean \`${near}\`?`,
    { definition: e.name },
  )
}

/** Stage 1 for one document: its kind, and its schema (generated from the KPI's descriptor). */
function schemaStage(
  doc: _Document,
  descriptors: ReadonlyMap<string, KpiDescriptor>,
  schemas: Schemas,
  problems: DefinitionProblem[],
): Entry | null {
  const v = doc.value
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    problems.push(
      _problem(
        doc,
        [],
        'parse/not-an-object',
        'The document is not a definition (a map of keys)',
        'Write a definition: `name`, `kpi`, `input`…',
      ),
    )
    return null
  }
  const value = v as Record<string, unknown>
  const kind = (value.kind ?? 'metric') as Kind
  if (!KINDS.includes(kind)) {
    const near = _closest(String(kind), KINDS as string[])
    problems.push(
      _problem(
        doc,
        ['kind'],
        'schema/value',
        `\`kind\` is ${JSON.stringify(value.kind)}`,
        `Use one of ${KINDS.join(', ')}${near === null ? '' : ` (did you mean \`${near}\`?)`}.`,
      ),
    )
    return null
  }
  const name = typeof value.name === 'string' ? value.name : null
  let schema: z.ZodType
  if (kind === 'metric') {
    const loose = schemas.any().safeParse(value)
    const kpi = value.kpi
    // A definition that extends another may take its KPI from it: it is checked once merged (stage 3).
    if (kpi === undefined && typeof value.extends === 'string') {
      if (name === null || !_NAME.test(name)) {
        if (!loose.success) report(doc, loose.error, name, problems)
        return null
      }
      return { doc, kind, name, value, schemaOk: true, deferred: true }
    }
    const d = typeof kpi === 'string' ? descriptors.get(kpi) : undefined
    if (d === undefined) {
      if (!loose.success) report(doc, loose.error, name, problems)
      if (typeof kpi === 'string') {
        const near = _closest(kpi, [...descriptors.keys()])
        problems.push(
          _problem(
            doc,
            ['kpi'],
            'schema/unknown-kpi',
            `There is no KPI \`${kpi}\``,
            near === null ? 'Use the id of a KPI of the library.' : `Did you mean \`${near}\`?`,
            { definition: name },
          ),
        )
      }
      return null
    }
    schema = schemas.metric(d)
  } else schema = schemas.shared()[kind]
  const parsed = schema.safeParse(value)
  if (!parsed.success) report(doc, parsed.error, name, problems)
  if (name === null || !_NAME.test(name)) return null
  return { doc, kind, name, value, schemaOk: parsed.success }
}

/** Zod's issues as problems, with "did you mean" for unknown keys. */
function report(
  doc: _Document,
  error: z.ZodError,
  definition: string | null,
  problems: DefinitionProblem[],
): void {
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(doc.value, path)
      for (const key of issue.keys) {
        const near = _closest(key, known)
        problems.push(
          _problem(
            doc,
            [...path, key],
            'schema/unknown-key',
            `Unknown key \`${[...path, key].join('.')}\``,
            near === null
              ? known.length === 0
                ? 'Remove it.'
                : `Known keys: ${known.join(', ')}.`
              : `Did you mean \`${near}\`?`,
            {
              definition,
              key: true,
            },
          ),
        )
      }
    } else {
      const where = path.length === 0 ? 'the definition' : `\`${path.join('.')}\``
      const absent = issue.code === 'invalid_type' && getIn(doc.value, path) === undefined
      problems.push(
        _problem(
          doc,
          path,
          absent ? 'schema/required' : issue.code === 'invalid_type' ? 'schema/type' : 'schema/value',
          `${where}: ${issue.message}`,
          absent ? `Add \`${path.join('.')}\`.` : 'Write a value of the kind the message names.',
          {
            definition,
          },
        ),
      )
    }
  }
}

const getIn = (x: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (at, k) =>
      typeof at === 'object' && at !== null && Object.hasOwn(at, k)
        ? (at as Record<string, unknown>)[k]
        : undefined,
    x,
  )

/** The keys a map at `path` may have, for "did you mean": read back from the schema's error is not possible, so from the KPI. */
function knownKeys(value: unknown, path: readonly (string | number)[]): string[] {
  const v = value as Record<string, unknown>
  const d = typeof v.kpi === 'string' ? _descriptors().get(v.kpi) : undefined
  if (path.length === 0)
    return v.kind === undefined || v.kind === 'metric'
      ? _metricKeys()
      : ['kind', 'name', 'description', 'headerRows', 'table', 'columns']
  if (path[0] === 'options' && d !== undefined) {
    let rules = d.options
    for (const step of path.slice(1)) rules = rules[step as string]?.fields ?? {}
    return Object.keys(rules)
  }
  if (path[0] === 'input' && path.length === 1) return ['dataset', 'fields']
  if (path[0] === 'input' && path[1] === 'fields' && d !== undefined)
    return path.length === 2
      ? Object.keys(d.input.fields).length === 0
        ? ['value']
        : Object.keys(d.input.fields)
      : ['column', 'columns', 'type', 'zone', 'format']
  if (path[0] === 'time')
    return [
      'column',
      'zone',
      'format',
      'unit',
      'trailingDays',
      'count',
      'asOf',
      'timeZone',
      'weekStartsOn',
      'fiscalYearStartMonth',
      'range',
      'empty',
      'compare',
    ]
  if (path[0] === 'display') return ['format', 'unit', 'currency', 'direction']
  return []
}

/** Stages 4 and 5 for one metric definition. */
function semantics(
  e: Entry,
  value: Record<string, unknown>,
  d: KpiDescriptor,
  shared: SharedObjects,
  problems: DefinitionProblem[],
): void {
  const at = (
    path: (string | number)[],
    rule: string,
    message: string,
    hint: string,
    severity: 'error' | 'warning' = 'error',
  ) => problems.push(_problem(e.doc, path, rule, message, hint, { definition: e.name, severity }))
  const options = (value.options ?? {}) as Record<string, unknown>
  // The KPI's own checks of its options (and of the shared objects they name).
  try {
    ;(d.aggregator ?? d.compute)(_resolveOptions(options, shared))
  } catch (error) {
    at(
      ['options'],
      'semantics/options',
      String((error as Error).message),
      'Fix the option as the message says.',
    )
  }
  const input = value.input as
    | { dataset: string; fields: Record<string, ColumnMapping | ColumnsMapping> }
    | undefined
  const columns = input === undefined ? null : shared.datasets.get(input.dataset)?.columns
  const has = (c: string) => columns === null || columns === undefined || Object.hasOwn(columns, c)
  if (input !== undefined)
    for (const [field, m] of Object.entries(input.fields)) {
      if (_isColumns(m)) {
        for (const [key, c] of Object.entries(m.columns))
          if (!has(c))
            at(
              ['input', 'fields', field, 'columns', key],
              'semantics/unknown-column',
              `\`${c}\` is not a column of the dataset \`${input.dataset}\``,
              'Map the key to a column the dataset declares.',
            )
        continue
      }
      if (!has(m.column))
        at(
          ['input', 'fields', field, 'column'],
          'semantics/unknown-column',
          `\`${m.column}\` is not a column of the dataset \`${input.dataset}\``,
          'Map the field to a column the dataset declares.',
        )
      if (m.zone !== undefined && !_isTimeZone(m.zone))
        at(
          ['input', 'fields', field, 'zone'],
          'time/zone',
          `\`${m.zone}\` is not an IANA time zone`,
          'Write a zone such as `America/Sao_Paulo`.',
        )
    }
  ;((value.filters ?? []) as never[]).forEach((f, i) => {
    for (const c of _filterColumns(f))
      if (!has(c))
        at(
          ['filters', i],
          'semantics/filter-column',
          `The filter reads \`${c}\`, which the dataset does not have`,
          'Filter on a column of the dataset.',
        )
  })
  const numerator = (value.numerator ?? []) as never[]
  numerator.forEach((f, i) => {
    for (const c of _filterColumns(f))
      if (!has(c))
        at(
          ['numerator', i],
          'semantics/filter-column',
          `The numerator filter reads \`${c}\`, which the dataset does not have`,
          'Filter on a column of the dataset.',
        )
  })
  if (
    numerator.length > 0 &&
    (d.result.numerator === undefined || describeResult(d, options).measure !== 'proportion')
  )
    at(
      ['numerator'],
      'semantics/numerator',
      `${d.id}${d.result.numerator === undefined ? '' : ' under these options'} is not a share of counted rows: a numerator filter has nothing to narrow`,
      'Use `filters` (rows kept in numerator and denominator), or a ratio KPI: responseRate, csat or ces as shares, firstContactResolution, slaAttainment.',
    )
  const calendar = typeof value.calendar === 'string' ? shared.calendars.get(value.calendar) : undefined
  if (
    calendar !== undefined &&
    value.time === undefined &&
    !['timeZone', 'weekStartsOn', 'fiscalYearStartMonth'].some((k) => Object.hasOwn(d.options, k))
  )
    at(
      ['calendar'],
      'semantics/calendar-unused',
      `${d.id} is not windowed by period here: the calendar \`${value.calendar}\` changes nothing`,
      'Drop `calendar`, or window the KPI with `time`.',
      'warning',
    )
  ;((value.dimensions ?? []) as string[]).forEach((c, i) => {
    if (!has(c))
      at(
        ['dimensions', i],
        'semantics/unknown-column',
        `\`${c}\` is not a column of the dataset`,
        'Break down by a column of the dataset.',
      )
  })
  const time = value.time as { column: string; timeZone?: string } | undefined
  if (time !== undefined) {
    const semiAdditive = Object.hasOwn(SEMI_ADDITIVE, d.id) ? SEMI_ADDITIVE[d.id] : undefined
    if (d.periodModel === 'select')
      at(
        ['time'],
        'semantics/time-on-period-kpi',
        `${d.id} selects its own periods; \`time\` does not window it`,
        'Give the period in its options (`period`, `range`, `unit`).',
      )
    else if (d.periodModel === 'none' && semiAdditive === undefined)
      at(
        ['time'],
        'semantics/time-on-period-kpi',
        `${d.id} has no periods; \`time\` does not window it`,
        'Drop `time`.',
      )
    if (semiAdditive !== undefined)
      at(
        ['time'],
        'semantics/semi-additive',
        `${d.id} is a level at an instant: it is never summed over a period`,
        semiAdditive,
      )
    const t = time as { unit?: string; trailingDays?: number; asOf?: unknown; compare?: string }
    if ((t.unit === undefined) === (t.trailingDays === undefined))
      at(
        ['time'],
        'semantics/time-window',
        '`time` needs either `unit` (calendar periods) or `trailingDays` (trailing windows)',
        'Give one of them.',
      )
    if (t.trailingDays !== undefined && t.asOf === undefined)
      at(
        ['time'],
        'semantics/trailing-as-of',
        'Trailing windows end at `asOf`, which the definition does not give',
        'Give `time.asOf`, or `--as-of` when running.',
        'warning',
      )
    if (t.trailingDays !== undefined && t.compare !== undefined)
      at(
        ['time', 'compare'],
        'semantics/time-window',
        '`compare` compares calendar periods, not trailing windows',
        'Drop `compare`, or use `unit`.',
      )
    if (!has(time.column))
      at(
        ['time', 'column'],
        'semantics/unknown-column',
        `\`${time.column}\` is not a column of the dataset`,
        'Window by a date column of the dataset.',
      )
    if (
      (time as { compare?: string }).compare !== undefined &&
      ((value.dimensions ?? []) as string[]).length > 0
    )
      at(
        ['time', 'compare'],
        'semantics/compare-with-dimensions',
        'Periods are compared for one series, not for each key of `dimensions`',
        'Drop `compare`, or the dimensions.',
      )
    for (const key of ['timeZone', 'zone'] as const) {
      const zone = (time as { timeZone?: string; zone?: string })[key]
      if (zone !== undefined && !_isTimeZone(zone))
        at(
          ['time', key],
          'time/zone',
          `\`${zone}\` is not an IANA time zone`,
          'Write a zone such as `America/Sao_Paulo`.',
        )
    }
  }
  // NPS is Bain's 0–10 question: a column declared on another scale needs custom buckets.
  if (d.id === 'nps' && options.buckets === undefined && input !== undefined) {
    const mapped = input.fields.value
    const column = mapped === undefined || _isColumns(mapped) ? undefined : mapped.column
    const declared =
      column === undefined ? undefined : (columns?.[column] as { min?: number; max?: number } | undefined)
    if (declared !== undefined && ((declared.min ?? 0) !== 0 || (declared.max ?? 10) !== 10))
      at(
        ['input', 'fields', 'value'],
        'semantics/nps-scale',
        `NPS reads \`${column}\`, declared on ${declared.min ?? 0}–${declared.max ?? 10}, not 0–10`,
        'Map a 0–10 column, or declare `options.buckets` for this scale (the result is then not the Net Promoter Score).',
      )
  }
  if (
    d.result.unit === 'money' &&
    (value.display as { currency?: string } | undefined)?.currency === undefined
  )
    at(
      ['display'],
      'semantics/currency',
      `${d.id} is money: say its currency`,
      'Add `display: { currency: USD }` (ISO 4217).',
    )
}

/** Runs a definition on one fixture; the problem when the result is not the expected one. */
function fixture(
  m: MetricDefinition,
  f: DefinitionFixture,
  shared: SharedObjects,
): { rule: string; message: string; hint: string } | null {
  let result: {
    kind?: string
    value?: number | null
    n?: number
    reason?: string | null
    periods?: { period: { key: string }; result: { value: number | null } }[]
    groups?: { key: string; result: { value: number | null } }[]
    themes?: { id: string; mentions: number }[]
    bands?: { id: string; count: number }[]
    windows?: { result: { value: number | null } }[]
  }

  try {
    result = runDefinition(m, f.rows, shared).result as typeof result
  } catch (error) {
    return {
      rule: 'fixtures/error',
      message: `Fixture \`${f.name}\` fails: ${String((error as Error).message)}`,
      hint: 'Fix the fixture rows or the definition.',
    }
  }
  const tolerance = f.expect.tolerance ?? 1e-9
  const close = (a: number | null | undefined, b: number | null) =>
    a === b || (typeof a === 'number' && b !== null && Math.abs(a - b) <= tolerance)
  const wrong: string[] = []
  if (f.expect.value !== undefined && !close(result.value, f.expect.value))
    wrong.push(`value ${result.value ?? 'null'}, expected ${f.expect.value}`)
  if (f.expect.n !== undefined && result.n !== f.expect.n) wrong.push(`n ${result.n}, expected ${f.expect.n}`)
  if (f.expect.reason !== undefined && result.reason !== f.expect.reason)
    wrong.push(`reason ${result.reason}, expected ${f.expect.reason}`)
  for (const [key, expected] of Object.entries(f.expect.periods ?? {})) {
    const p = result.periods?.find((x) => x.period.key === key)
    if (p === undefined) wrong.push(`no period ${key}`)
    else if (!close(p.result.value, expected))
      wrong.push(`${key}: ${p.result.value ?? 'null'}, expected ${expected}`)
  }
  for (const [key, expected] of Object.entries(f.expect.segments ?? {})) {
    const p = result.groups?.find((x) => x.key === key)
    if (p === undefined) wrong.push(`no segment ${key}`)
    else if (!close(p.result.value, expected))
      wrong.push(`${key}: ${p.result.value ?? 'null'}, expected ${expected}`)
  }
  if (f.expect.windows !== undefined) {
    const got = (result.windows ?? []).map((w) => w.result.value)
    if (
      got.length !== f.expect.windows.length ||
      got.some((v, i) => !close(v, f.expect.windows?.[i] ?? null))
    )
      wrong.push(`windows ${JSON.stringify(got)}, expected ${JSON.stringify(f.expect.windows)}`)
  }
  for (const [id, expected] of Object.entries(f.expect.bands ?? {})) {
    const b = result.bands?.find((x) => x.id === id)
    if (b === undefined) wrong.push(`no band ${id}`)
    else if (b.count !== expected) wrong.push(`band ${id}: ${b.count} accounts, expected ${expected}`)
  }
  for (const [id, expected] of Object.entries(f.expect.themes ?? {})) {
    const t = result.themes?.find((x) => x.id === id)
    if ((t?.mentions ?? 0) !== expected)
      wrong.push(`theme ${id}: ${t?.mentions ?? 0} mentions, expected ${expected}`)
  }
  return wrong.length === 0
    ? null
    : {
        rule: 'fixtures/mismatch',
        message: `Fixture \`${f.name}\` gives ${wrong.join('; ')}`,
        hint: `Fix the definition, or the expectation if the definition is right (tolerance ${tolerance}).`,
      }
}
