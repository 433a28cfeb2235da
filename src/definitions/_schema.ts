// The file format's schemas, generated from the KPI descriptors: every option of every KPI is declared
// in a file exactly as its descriptor's rule says, and nothing is written twice.
import * as z from 'zod'
import type { InputField, KpiDescriptor, OptionRule, OptionRules } from '../core/descriptor.ts'

/** Names of definitions and shared objects: lower case, digits, `_` and `-`; no dots or slashes. */
export const _NAME: RegExp = /^[a-z][a-z0-9_-]{0,63}$/

/** The period units a definition's `time.unit` may name. */
export const _UNITS = ['day', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year'] as const

/** The zod schema of one option rule, or `null` when the option cannot be written in a file (a function). */
export function _optionSchema(rule: OptionRule): z.ZodType | null {
  const base = baseSchema(rule)
  if (base === null) return null
  const also = rule.also === undefined || rule.also === 'function' ? null : alsoSchema(rule)
  const schema = also === null ? base : z.union([base, also])
  return rule.doc === undefined ? schema : schema.describe(rule.doc)
}

function baseSchema(rule: OptionRule): z.ZodType | null {
  switch (rule.type) {
    case 'enum':
      return z.enum(rule.values as [string, ...string[]])
    case 'number': {
      let n = z.number()
      if (rule.integer === true) n = n.int()
      if (rule.min !== undefined && Number.isFinite(rule.min))
        n = rule.exclusive === true ? n.gt(rule.min) : n.min(rule.min)
      if (rule.max !== undefined && Number.isFinite(rule.max))
        n = rule.exclusive === true ? n.lt(rule.max) : n.max(rule.max)
      return n
    }
    case 'boolean':
      return z.boolean()
    case 'string':
      return z.string()
    case 'instant':
      return z.union([z.string(), z.number()])
    case 'object':
      return rule.fields === undefined ? z.record(z.string(), z.unknown()) : _optionsSchema(rule.fields)
    case 'array': {
      const items = rule.items === undefined ? z.unknown() : _optionSchema(rule.items)
      return items === null ? null : z.array(items)
    }
    case 'custom':
      // Checked by the KPI itself when the definition is validated (stage 4), or a shared object's name.
      return z.unknown()
    case 'function':
      return null
  }
}

function alsoSchema(rule: OptionRule): z.ZodType {
  switch (rule.also) {
    case 'object':
      return rule.fields === undefined ? z.record(z.string(), z.unknown()) : _optionsSchema(rule.fields)
    case 'number':
      return z.number()
    case 'string':
      return z.string()
    case 'instant':
      return z.union([z.string(), z.number()])
    default:
      return z.array(z.unknown())
  }
}

/** The schema of a set of options: each one optional unless required; unknown keys refused. */
export function _optionsSchema(rules: OptionRules): z.ZodType {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, rule] of Object.entries(rules)) {
    const s = _optionSchema(rule)
    if (s !== null) shape[key] = rule.required === true ? s : s.optional()
  }
  return z.strictObject(shape)
}

const column = z
  .strictObject({
    column: z.string().min(1).describe('The dataset column that holds the field.'),
    type: z
      .enum(['string', 'number', 'score', 'money', 'instant', 'boolean', 'array', 'object'])
      .optional()
      .describe('The type of the column as the data holds it.'),
    zone: z.string().optional().describe('The IANA zone of wall-clock timestamps written without an offset.'),
    format: z
      .string()
      .optional()
      .describe('The date-fns format of timestamps that are not ISO 8601, e.g. `MM/dd/yyyy hh:mm:ss a`.'),
  })
  .describe('Where a field of the KPI comes from.')

const columns = z
  .strictObject({
    columns: z
      .record(z.string(), z.string().min(1))
      .describe('The column of each key of the object (a health score’s measure ids).'),
    type: z
      .enum(['string', 'number', 'score', 'money', 'boolean'])
      .optional()
      .describe('The type of those columns as the data holds them.'),
  })
  .describe('An object field built from several columns, one per key.')

/** The column mapping of a KPI's input: its fields (or `value` for a KPI over plain values). */
function inputSchema(fields: { readonly [name: string]: InputField }): z.ZodType {
  const names = Object.keys(fields)
  const shape: Record<string, z.ZodType> = {}
  if (names.length === 0) shape.value = column.describe('The column of the values the KPI reads.')
  for (const name of names) {
    const f = fields[name] as InputField
    const mapping = f.type === 'object' ? z.union([column, columns]) : column
    shape[name] = (f.required ? mapping : mapping.optional()).describe(f.doc)
  }
  return z.strictObject({
    dataset: z.string().regex(_NAME).describe('The name of the dataset (a `kind: dataset` object).'),
    fields: z.strictObject(shape).describe('The column of each field.'),
  })
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])
type Filter =
  | { column: string; op: '==' | '!=' | '<' | '<=' | '>' | '>='; value: string | number | boolean | null }
  | { column: string; in: (string | number | boolean | null)[] }
  | { and: Filter[] }
  | { or: Filter[] }
  | { not: Filter }
/** The filter language: comparisons, `in`, and `and` / `or` / `not` over them. */
export const _filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.strictObject({ column: z.string(), op: z.enum(['==', '!=', '<', '<=', '>', '>=']), value: scalar }),
    z.strictObject({ column: z.string(), in: z.array(scalar) }),
    z.strictObject({ and: z.array(_filterSchema) }),
    z.strictObject({ or: z.array(_filterSchema) }),
    z.strictObject({ not: _filterSchema }),
  ]),
)

/** The calendar of periods: in `time`, and in a shared `kind: calendar`. */
function calendarFields(): Record<string, z.ZodType> {
  return {
    timeZone: z.string().optional().describe('The IANA zone periods are cut in.'),
    weekStartsOn: z
      .number()
      .int()
      .min(0)
      .max(6)
      .optional()
      .describe('0 Sunday … 6 Saturday, for local weeks.'),
    fiscalYearStartMonth: z
      .number()
      .int()
      .min(1)
      .max(12)
      .optional()
      .describe('The first month of the fiscal year.'),
  }
}

const time = z
  .strictObject({
    column: z.string().describe('The dataset column whose instant puts a row in a period.'),
    zone: z
      .string()
      .optional()
      .describe(
        'The zone the column is written in, when its timestamps have no offset (default: as the input maps it).',
      ),
    format: z
      .string()
      .optional()
      .describe(
        'The date-fns format of the column, when it is not ISO 8601 (default: as the input maps it).',
      ),
    unit: z.enum(_UNITS).optional().describe('The period (or `trailingDays` for trailing windows).'),
    trailingDays: z
      .number()
      .int()
      .min(1)
      .max(36_600)
      .optional()
      .describe('Trailing windows of this many days, ending at `asOf`.'),
    count: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('How many trailing windows, the latest last (default 1).'),
    asOf: z
      .union([z.string(), z.number()])
      .optional()
      .describe('Where the latest trailing window ends (or the run’s --as-of).'),
    ...calendarFields(),
    range: z
      .strictObject({ from: z.union([z.string(), z.number()]), to: z.union([z.string(), z.number()]) })
      .optional()
      .describe('The periods to report, every one of them (empty ones included).'),
    empty: z
      .enum(['null', 'omit'])
      .optional()
      .describe(
        'What an empty period gives: its result with a null value and `reason: no-data` (`null`, the default), or nothing (`omit`).',
      ),
    compare: z
      .enum(['previous'])
      .optional()
      .describe('Compare each period with the one before (change, test, p-value), without dimensions.'),
  })
  .describe('Window the KPI by period (KPIs whose observations each have a date).')

const display = z
  .strictObject({
    format: z.string().optional().describe('A display format, e.g. `0.0` or `0%`.'),
    unit: z.string().optional().describe('The unit shown beside the number.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .describe('ISO 4217 currency of a money KPI.'),
    direction: z
      .enum(['higher', 'lower'])
      .optional()
      .describe('Which direction is good, when it differs from the KPI’s.'),
  })
  .describe('How the number is shown.')

const fixture = z.strictObject({
  name: z.string().min(1).describe('What the fixture shows.'),
  rows: z.array(z.record(z.string(), z.unknown())).describe('Input rows, by column.'),
  expect: z
    .strictObject({
      value: z.union([z.number(), z.null()]).optional().describe('The expected value (`null` for none).'),
      n: z.number().int().min(0).optional().describe('The expected number of observations.'),
      reason: z.string().optional().describe('The expected reason for a null value.'),
      tolerance: z.number().min(0).optional().describe('Absolute tolerance of `value` (default 1e-9).'),
      periods: z
        .record(z.string(), z.union([z.number(), z.null()]))
        .optional()
        .describe('Expected values by period key, for a windowed definition.'),
      segments: z
        .record(z.string(), z.union([z.number(), z.null()]))
        .optional()
        .describe('Expected values by key, for a definition with dimensions.'),
      windows: z
        .array(z.union([z.number(), z.null()]))
        .optional()
        .describe('Expected values of the trailing windows, earliest first.'),
      themes: z
        .record(z.string(), z.number().int().min(0))
        .optional()
        .describe('Expected mentions by theme id, for a themes definition.'),
      bands: z
        .record(z.string(), z.number().int().min(0))
        .optional()
        .describe('Expected accounts by band id, for a health score definition.'),
    })
    .describe('The expected result.'),
})

const silence = z.strictObject({
  rule: z.string().describe('The rule id to silence for this definition.'),
  reason: z.string().min(1).describe('Why: silencing needs a written reason.'),
})

/** The fields every metric definition has, whatever its KPI. */
function metricShape(): Record<string, z.ZodType> {
  return {
    kind: z.literal('metric').optional(),
    name: z.string().regex(_NAME).describe('Unique name: lower case, digits, `_` and `-`.'),
    label: z.string().optional().describe('A human title.'),
    description: z.string().optional().describe('What the number means.'),
    owners: z.array(z.string()).optional().describe('Who answers for it.'),
    tags: z.array(z.string()).optional().describe('Free tags.'),
    status: z.enum(['draft', 'certified', 'deprecated']).optional().describe('Its lifecycle.'),
    replacedBy: z.string().regex(_NAME).optional().describe('The definition that replaces a deprecated one.'),
    version: z.union([z.string(), z.number()]).optional().describe('Its version.'),
    extends: z.string().regex(_NAME).optional().describe('A definition whose fields this one starts from.'),
    filters: z.array(_filterSchema).optional().describe('Rows kept (all must hold).'),
    numerator: z
      .array(_filterSchema)
      .optional()
      .describe(
        'For a ratio KPI: rows counted in the numerator only (all must hold); the denominator keeps every row of `filters`.',
      ),
    calendar: z
      .string()
      .regex(_NAME)
      .optional()
      .describe(
        'A `kind: calendar` object: its zone, week start and fiscal year, unless `time` or the options say.',
      ),
    time: time.optional(),
    dimensions: z.array(z.string()).optional().describe('Columns to break the KPI down by (`byKey`).'),
    display: display.optional(),
    fixtures: z.array(fixture).optional().describe('Small inputs with their expected results.'),
    silence: z
      .array(silence)
      .optional()
      .describe('Rules silenced for this definition, each with its reason.'),
  }
}

/** The keys a metric definition may have, for "did you mean". */
export function _metricKeys(): string[] {
  return [...Object.keys(metricShape()), 'kpi', 'options', 'input']
}

/** The schema of a metric definition of one KPI. */
export function _metricSchema(d: KpiDescriptor): z.ZodType {
  return z.strictObject({
    ...metricShape(),
    kpi: z.literal(d.id).describe(d.title),
    options: _optionsSchema(d.options).optional().describe(`Options of ${d.id}.`),
    input: inputSchema(d.input.fields).optional(),
  })
}

/** A metric definition before its KPI is known: the shared fields, any `kpi` and loose parts. */
export function _anyMetricSchema(): z.ZodType {
  return z.looseObject({ ...metricShape(), kpi: z.string() })
}

/** The schemas of the shared objects, by kind. */
export function _sharedSchemas(): Record<
  'dataset' | 'schedule' | 'code-frame' | 'health-definition' | 'bands' | 'calendar',
  z.ZodType
> {
  const named = { name: z.string().regex(_NAME).describe('Unique name: lower case, digits, `_` and `-`.') }
  return {
    dataset: z.strictObject({
      kind: z.literal('dataset'),
      ...named,
      description: z.string().optional(),
      table: z
        .string()
        .min(1)
        .optional()
        .describe(
          'The warehouse table it lives in (`analytics.responses`), for `cx-metrics run --warehouse`.',
        ),
      headerRows: z
        .number()
        .int()
        .min(1)
        .max(10)
        .optional()
        .describe('Header rows of its CSV files; the first names the columns (SurveyMonkey exports have 2).'),
      columns: z
        .record(
          z.string(),
          z.strictObject({
            type: z.enum(['string', 'number', 'instant', 'boolean']).optional(),
            description: z.string().optional(),
            min: z
              .number()
              .optional()
              .describe('The smallest value the column holds (the low end of a scale).'),
            max: z
              .number()
              .optional()
              .describe('The largest value the column holds (the high end of a scale).'),
          }),
        )
        .describe('The columns it has.'),
    }),
    schedule: z
      .looseObject({ kind: z.literal('schedule'), ...named })
      .describe('Business hours (the fields of businessHours).'),
    'code-frame': z
      .looseObject({ kind: z.literal('code-frame'), ...named })
      .describe('A code frame (the fields of codeFrame).'),
    'health-definition': z
      .looseObject({ kind: z.literal('health-definition'), ...named })
      .describe(
        'A health definition (the fields of healthDefinition); `bands: { ref: name }` names shared bands.',
      ),
    bands: z
      .strictObject({
        kind: z.literal('bands'),
        ...named,
        description: z.string().optional(),
        bands: z
          .array(
            z.strictObject({
              id: z.string().min(1).describe('The band’s id (`red`, `poor`…).'),
              label: z.string().optional().describe('A label for reports.'),
              min: z.number().min(0).max(100).describe('Its lowest score.'),
              max: z.number().min(0).max(100).describe('Its highest score.'),
              minInclusive: z.boolean().optional().describe('Whether `min` is in the band (default true).'),
              maxInclusive: z
                .boolean()
                .optional()
                .describe('Whether `max` is in the band (default: only when it is 100).'),
            }),
          )
          .min(1)
          .describe('The bands, covering 0–100 without gaps or overlaps.'),
      })
      .describe('Score bands, shared by health definitions (`bands: { ref: name }`).'),
    calendar: z
      .strictObject({
        kind: z.literal('calendar'),
        ...named,
        description: z.string().optional(),
        ...calendarFields(),
      })
      .describe('A calendar: the zone, week start and fiscal year that metrics name with `calendar: name`.'),
  }
}
