#!/usr/bin/env node
import { execFileSync } from 'node:child_process'
// The `cx-metrics` command: validates, tests and runs metric definition files. Never imported by the
// library; it reads files and writes to the terminal, which the library does not.
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { extname, join, relative, resolve as resolvePath } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { parse as parseCsv } from 'csv-parse'
import { parseInstant } from '../core/parseInstant.ts'
import { _filterColumns } from '../definitions/_filter.ts'
import { _isColumns, _mappedColumns } from '../definitions/_mapping.ts'
import type {
  ColumnMapping,
  DefinitionChange,
  DefinitionFile,
  DefinitionProblem,
  DefinitionReport,
  MetricDefinition,
} from '../definitions/index.ts'
import { definitionJsonSchema, diffDefinitions, toSarif, validateDefinitions } from '../definitions/index.ts'
import { _definitionAggregator, _instant, _omitEmpty } from '../definitions/runDefinition.ts'
import { _escape } from '../notebook/_format.ts'
import { toSvg } from '../notebook/toSvg.ts'
import { _definitionSpec } from '../sql/_definition.ts'
import type { SqlDialect } from '../sql/_dialects.ts'
import { inWarehouse, type RunQuery } from '../sql/index.ts'
import { comparePeriods, type PeriodComparison } from '../time/comparePeriods.ts'

const HELP: Record<string, string> = {
  main: `cx-metrics <command> [options]

Commands:
  validate [paths…]   check definition files (schema, names, references, semantics, time)
  test [paths…]       validate, then run every definition on its fixtures
  run [paths…]        compute definitions over data files (--data name=file.csv|.jsonl|.json)
  diff --base <dir|ref> [paths…]   what changed against other definitions (a folder or a git ref)
  schema              print the JSON Schema of definition files
  init [dir]          write a small, valid definitions folder to start from

Options: --format text|json|sarif (validate, test), --format text|json|csv|markdown|html (run), --help, --version
Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.`,
  validate: `cx-metrics validate [paths…] [--format text|json|sarif]

Checks every .yaml, .yml and .json file under the paths (default: .) in stages — parse and schema,
names, references, semantics, time — and reports every problem with file:line:column, its rule id
and a hint. Exit code 1 when there are errors.`,
  test: `cx-metrics test [paths…] [--format text|json|sarif]

Validates, then runs every definition on its fixtures and compares the results (rule fixtures/…).`,
  run: `cx-metrics run [paths…] --data name=file … [--warehouse <module>] [--as-of <instant>] [--format text|json|csv|markdown|html]

Computes every valid definition whose dataset is given with --data, streaming the file: .csv (header
row), .jsonl (one object a line) or .json (an array of objects). --as-of is "now": periods not over then
are marked incomplete, and KPIs that read it (asOf) count what is not known yet as pending.
--warehouse names a module whose default export is { dialect, run(query) } (run returns the rows of
a query with your client): definitions whose dataset names a \`table\` and is not given with --data
are computed inside the warehouse (cx-metrics/sql); the others are named on stderr.`,
  diff: `cx-metrics diff --base <dir or git ref> [paths…] [--format markdown|json] [--fail-on-breaking]

Compares the definitions under the paths (default: .) with those of a folder or of a git ref (a
branch, a tag, a commit): removed, added and changed definitions, whether each change is breaking (its
KPI, options, input, filters, period, zone or dimensions), and every fixture's value before and after,
as a table a reviewer reads in a pull request. Exit code 1 with --fail-on-breaking when a change is
breaking.`,
  schema: `cx-metrics schema

Prints the JSON Schema (draft 2020-12) of a definition file's documents.`,
  init: `cx-metrics init [dir]

Writes a small, valid definitions folder (default: ./definitions) with a dataset, two metrics and
their fixtures.`,
}

/** A mistake in how the command was called, or a file it cannot read: exit code 2. */
class UsageError extends Error {}

/** Every definition file under the paths, in a stable order. */
function collect(paths: string[]): DefinitionFile[] {
  const out: DefinitionFile[] = []
  const walk = (p: string) => {
    if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`)
    const s = statSync(p)
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort())
        if (!name.startsWith('.') && name !== 'node_modules') walk(join(p, name))
    } else if (['.yaml', '.yml', '.json'].includes(extname(p)))
      out.push({ path: relative('.', p) || p, text: readFileSync(p, 'utf8') })
  }
  for (const p of paths.length === 0 ? ['.'] : paths) walk(p)
  return out
}

function printProblems(report: DefinitionReport, format: string, write: (s: string) => void): void {
  if (format === 'json')
    write(
      `${JSON.stringify({ files: report.files, metrics: report.metrics.map((m) => m.name), problems: report.problems }, null, 2)}\n`,
    )
  else if (format === 'sarif') write(`${JSON.stringify(toSarif(report.problems), null, 2)}\n`)
  else {
    for (const p of report.problems)
      write(`${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  [${p.rule}]\n    ${p.hint}\n`)
    const errors = report.problems.filter((p) => p.severity === 'error').length
    const warnings = report.problems.length - errors
    write(
      `${report.files} file${report.files === 1 ? '' : 's'}, ${report.metrics.length} valid definition${report.metrics.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    )
  }
}

/** The definition files under the paths as they are at a git ref. */
function fromGit(ref: string, paths: string[]): DefinitionFile[] {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    })
  let prefix: string
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)
    prefix = git('rev-parse', '--show-prefix').trim()
  } catch {
    throw new UsageError(`--base ${ref} is neither a folder nor a git ref`)
  }
  const listed = git('ls-tree', '-r', '--name-only', ref, '--', ...(paths.length === 0 ? ['.'] : paths))
    .split('\n')
    .filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f)))
  return listed.map((f) => ({ path: relative(prefix, f) || f, text: git('show', `${ref}:${f}`) }))
}

/** The changes as a markdown table, for a pull request. */
function diffTable(changes: readonly DefinitionChange[]): string {
  if (changes.length === 0) return 'No definition changed.\n'
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ')
  const lines = [
    '| definition | change | breaking | what | fixture | before | after |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const c of changes) {
    const rows = c.values.length === 0 ? [{ fixture: '', before: '', after: '' }] : c.values
    rows.forEach((v, i) => {
      lines.push(
        `| ${i === 0 ? `\`${c.name}\`` : ''} | ${i === 0 ? c.change : ''} | ${i === 0 ? (c.breaking ? '**yes**' : 'no') : ''} | ${i === 0 ? cell(c.what.join('; ')) : ''} | ${cell(v.fixture)} | ${cell(v.before)} | ${cell(v.after)} |`,
      )
    })
  }
  return `${lines.join('\n')}\n`
}

/** Rows of a data file, streamed. */
async function* rows(file: string, headerRows = 1): AsyncGenerator<Record<string, unknown>> {
  const ext = extname(file)
  if (ext === '.csv') {
    // Header rows after the first (SurveyMonkey's row of answer options) are not data.
    let skip = headerRows - 1
    const parser = createReadStream(file).pipe(
      parseCsv({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }),
    )
    for await (const row of parser) {
      if (skip > 0) {
        skip--
        continue
      }
      yield row as Record<string, unknown>
    }
  } else if (ext === '.jsonl' || ext === '.ndjson') {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })
    let n = 0
    for await (const line of lines) {
      n++
      if (line.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch {
        throw new UsageError(`${file}: line ${n} is not JSON`)
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new UsageError(`${file}: line ${n} is not an object`)
      yield value as Record<string, unknown>
    }
  } else if (ext === '.json') {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (!Array.isArray(value)) throw new UsageError(`${file}: expected an array of objects`)
    yield* value as Record<string, unknown>[]
  } else throw new UsageError(`${file}: expected .csv, .jsonl or .json`)
}

/** A warehouse connection: the module given with --warehouse exports it as its default. */
interface Warehouse {
  readonly dialect: SqlDialect
  readonly run: RunQuery
}

/** Loads the connection module: `export default { dialect: 'duckdb', run: async (query) => rows }`. */
async function connection(path: string): Promise<Warehouse> {
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`)
  const module = (await import(pathToFileURL(resolvePath(path)).href)) as { default?: Partial<Warehouse> }
  const w = module.default
  if (w === undefined || typeof w.dialect !== 'string' || typeof w.run !== 'function')
    throw new UsageError(`${path}: expected a default export { dialect, run(query) }`)
  return w as Warehouse
}

/** The columns a definition reads. */
function columnsOf(m: MetricDefinition): string[] {
  const out = new Set<string>()
  for (const f of Object.values(m.input?.fields ?? {})) for (const c of _mappedColumns(f)) out.add(c)
  if (m.time !== undefined) out.add(m.time.column)
  for (const d of m.dimensions ?? []) out.add(d)
  for (const f of m.filters ?? []) for (const c of _filterColumns(f)) out.add(c)
  return [...out]
}

/**
 * A self-contained HTML report: one section per definition, with its provenance, its chart (the notebook's
 * SVG, where the result has one) and its table. Every string is escaped.
 */
function htmlReport(
  results: readonly { metric: MetricDefinition; result: unknown }[],
  table: readonly string[][],
): string {
  const sections = results.map(({ metric, result }) => {
    const chart =
      result !== null && typeof result === 'object'
        ? toSvg(result, { title: metric.label ?? metric.name })
        : null
    const rows = table.filter((r) => r[0] === metric.name)
    const body = rows
      .map(
        (r) =>
          `<tr><th scope="row">${_escape(r[1] || '—')}</th>${r
            .slice(2)
            .map((c) => `<td>${_escape(c)}</td>`)
            .join('')}</tr>`,
      )
      .join('\n')
    const title = _escape(metric.label ?? metric.name)
    return `<section aria-labelledby="${_escape(metric.name)}">
<h2 id="${_escape(metric.name)}">${title}</h2>
<p class="about">${_escape(metric.description ?? '')}</p>
<p class="provenance"><code>${_escape(metric.name)}</code> · ${_escape(metric.kpi)} · version ${_escape(String(metric.version ?? '—'))} · <code>${_escape(metric.hash)}</code></p>
${chart === null ? '' : `<figure>${chart}</figure>\n`}<table><thead><tr><th scope="col">period or key</th><th scope="col">value</th><th scope="col">n</th><th scope="col">change</th></tr></thead>
<tbody>
${body}
</tbody></table>
</section>`
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cx-metrics report</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #1f2328; margin: 24px; max-width: 760px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin: 28px 0 4px; }
.about { margin: 0 0 2px; color: #444; } .provenance { margin: 0 0 8px; color: #6e7781; font-size: 12px; }
table { border-collapse: collapse; min-width: 420px; } figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; }
th, td { padding: 3px 10px; border-bottom: 1px solid #d0d7de; font-variant-numeric: tabular-nums; }
thead th { text-align: right; border-bottom: 2px solid #8c959f; } thead th:first-child { text-align: left; } td { text-align: right; } tbody th { text-align: left; font-weight: normal; }
</style></head>
<body><h1>cx-metrics report</h1>
${sections.join('\n')}
</body></html>
`
}

/** Whether a raw value reads as its column's declared type (an instant as the definition reads it). */
function valid(mapping: ColumnMapping, raw: unknown): boolean {
  if (typeof raw === 'number') return Number.isFinite(raw)
  if (typeof raw !== 'string') return false
  return mapping.type === 'number'
    ? /^-?\d+(?:\.\d+)?$/.test(raw.trim())
    : typeof _instant(mapping, raw) === 'number'
}

function formatValue(x: unknown): string {
  return typeof x === 'number'
    ? String(Math.round(x * 10_000) / 10_000)
    : x === null || x === undefined
      ? '—'
      : String(x)
}

async function run(
  report: DefinitionReport,
  data: Map<string, string>,
  format: string,
  write: (s: string) => void,
  warn: (s: string) => void,
  progress: boolean,
  asOf: number | undefined,
  warehouse: Warehouse | null,
): Promise<number> {
  const inWarehouseTable = (m: MetricDefinition) =>
    warehouse !== null &&
    m.input !== undefined &&
    !data.has(m.input.dataset) &&
    report.shared.datasets.get(m.input.dataset)?.table !== undefined
  const wanted = report.metrics.filter((m) => m.input !== undefined && data.has(m.input.dataset))
  const pushed = report.metrics.filter(inWarehouseTable)
  if (wanted.length === 0 && pushed.length === 0)
    throw new UsageError(
      warehouse === null
        ? 'no valid definition reads a dataset given with --data'
        : 'no valid definition reads a dataset given with --data or a dataset with a warehouse `table`',
    )
  const results: { metric: MetricDefinition; result: unknown; comparisons: PeriodComparison[] | null }[] = []
  for (const [dataset, file] of data) {
    const metrics = wanted.filter((m) => m.input?.dataset === dataset)
    if (metrics.length === 0) continue
    const aggs = metrics.map((m) => _definitionAggregator(m, report.shared, asOf))
    // Columns of a declared type, whose values are checked as they stream by, to name the bad rows.
    const typed = new Map<string, ColumnMapping>()
    for (const m of metrics)
      for (const f of Object.values(m.input?.fields ?? {}))
        if (f.type === 'number' || f.type === 'instant')
          for (const column of _mappedColumns(f))
            typed.set(column, _isColumns(f) ? { column, type: f.type } : f)
    const samples: string[] = []
    let invalid = 0
    const states = aggs.map((a) => a.init())
    let index = 0
    for await (const row of rows(file, report.shared.datasets.get(dataset)?.headerRows ?? 1)) {
      if (index === 0)
        for (const m of metrics) {
          const absent = columnsOf(m).filter((c) => !Object.hasOwn(row, c))
          if (absent.length > 0)
            throw new UsageError(
              `${file}: the definition \`${m.name}\` reads ${absent.map((c) => `\`${c}\``).join(', ')}, which the file does not have`,
            )
        }
      for (let i = 0; i < aggs.length; i++)
        states[i] = (aggs[i] as (typeof aggs)[number]).add(states[i], row, index)
      for (const [column, mapping] of typed) {
        const raw = row[column]
        const type = mapping.type as string
        if (raw === undefined || raw === null || raw === '' || valid(mapping, raw)) continue
        invalid++
        if (samples.length < 5)
          samples.push(
            `${file}: row ${(index + 1).toLocaleString('en-US')}: \`${column}\` is ${JSON.stringify(raw)}, not ${type === 'instant' ? 'an instant' : 'a number'} — counted as invalid by ${metrics
              .filter((m) => columnsOf(m).includes(column))
              .map((m) => `\`${m.name}\``)
              .join(', ')}`,
          )
      }
      index++
      if (progress && index % 100_000 === 0)
        process.stderr.write(`\r${file}: ${index.toLocaleString('en-US')} rows`)
    }
    if (progress && index >= 100_000) process.stderr.write('\n')
    for (const line of samples) warn(`${line}\n`)
    if (invalid > samples.length)
      warn(`${file}: ${(invalid - samples.length).toLocaleString('en-US')} more invalid values\n`)
    metrics.forEach((m, i) => {
      const result = (aggs[i] as (typeof aggs)[number]).result(states[i])
      const compared = m.time?.compare === 'previous' && (result as { kind?: string }).kind === 'series'
      results.push({ metric: m, result, comparisons: compared ? comparePeriods(result as never) : null })
    })
  }
  // Datasets that live in the warehouse: each definition as one query, through the user's connection.
  for (const m of pushed) {
    const spec = _definitionSpec(m, report.shared, (warehouse as Warehouse).dialect, asOf)
    if (typeof spec === 'string') {
      warn(`${m.name}: not computed in the warehouse: ${spec} (give its dataset with --data)\n`)
      continue
    }
    const computed = await inWarehouse(spec, (warehouse as Warehouse).run)
    const omit = (x: unknown) => (m.time?.empty === 'omit' ? _omitEmpty(x) : x)
    const keyed = computed as { kind?: string; groups?: { result: unknown }[] }
    const result =
      keyed.groups !== undefined
        ? { ...keyed, groups: keyed.groups.map((g) => ({ ...g, result: omit(g.result) })) }
        : omit(computed)
    const compared = m.time?.compare === 'previous' && (result as { kind?: string }).kind === 'series'
    results.push({ metric: m, result, comparisons: compared ? comparePeriods(result as never) : null })
  }
  const provenance = (m: MetricDefinition) => ({
    name: m.name,
    version: m.version ?? null,
    hash: m.hash,
    kpi: m.kpi,
    options: m.options ?? {},
  })
  if (format === 'json') {
    write(
      `${JSON.stringify(
        results.map((r) => ({
          definition: provenance(r.metric),
          result: r.result,
          comparisons: r.comparisons,
        })),
        null,
        2,
      )}\n`,
    )
    return 0
  }
  const table: string[][] = []
  for (const { metric, result, comparisons } of results) {
    const r = result as {
      kind: string
      value?: number | null
      n?: number
      periods?: { period: { key: string }; result: { value?: number | null; n?: number } }[]
      groups?: { key: string; result: { value?: number | null; n?: number } }[]
      windows?: { start: number; end: number; result: { value?: number | null; n?: number } }[]
    }
    const change = (i: number) => {
      const c = comparisons?.[i]?.comparison
      return c === null || c === undefined || c.change === null
        ? ''
        : `${c.change > 0 ? '+' : ''}${formatValue(c.change)}`
    }
    if (r.kind === 'series')
      (r.periods ?? []).forEach((p, i) => {
        table.push([
          metric.name,
          p.period.key,
          formatValue(p.result.value),
          formatValue(p.result.n),
          change(i),
        ])
      })
    else if (r.kind === 'windows')
      for (const w of r.windows ?? [])
        table.push([
          metric.name,
          `${new Date(w.start).toISOString().slice(0, 10)} – ${new Date(w.end).toISOString().slice(0, 10)}`,
          formatValue(w.result.value),
          formatValue(w.result.n),
          '',
        ])
    else if (r.kind === 'segments')
      for (const s of r.groups ?? [])
        table.push([metric.name, s.key, formatValue(s.result.value), formatValue(s.result.n), ''])
    else table.push([metric.name, '', formatValue(r.value), formatValue(r.n), ''])
  }
  const header = ['definition', 'period or key', 'value', 'n', 'change']
  if (format === 'csv') {
    const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
    write(`${[header, ...table].map((row) => row.map(cell).join(',')).join('\n')}\n`)
  } else if (format === 'html') {
    write(htmlReport(results, table))
  } else if (format === 'markdown') {
    write(
      `| ${header.join(' | ')} |\n| --- | --- | ---: | ---: | ---: |\n${table.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`,
    )
  } else {
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] as string).length)))
    const line = (row: string[]) =>
      row.map((c, i) => (i >= 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ')
    write(`${[line(header), line(widths.map((w) => '─'.repeat(w))), ...table.map(line)].join('\n')}\n`)
  }
  return 0
}

const INIT: Record<string, string> = {
  'datasets.yaml': `kind: dataset
name: surveys
description: Survey answers, one row each.
columns:
  score: { type: number, min: 0, max: 10, description: The 0–10 answer. }
  answered_at: { type: instant }
  plan: { type: string }
`,
  'nps.yaml': `name: nps_monthly
label: NPS by month
description: Net Promoter Score of the answers, by month of answer in São Paulo time.
owners: [cx-team]
status: certified
version: 1
kpi: nps
options: { minN: 1 }
input:
  dataset: surveys
  fields:
    value: { column: score, type: number }
time: { column: answered_at, unit: month, timeZone: America/Sao_Paulo }
fixtures:
  - name: one promoter and one detractor in March
    rows:
      - { score: 10, answered_at: '2024-03-05T10:00:00Z', plan: growth }
      - { score: 3, answered_at: '2024-03-06T10:00:00Z', plan: starter }
    expect: { periods: { '2024-03': 0 } }
`,
  'nps-growth.yaml': `name: nps_growth
label: NPS of the growth plan
extends: nps_monthly
filters:
  - { column: plan, op: '==', value: growth }
fixtures:
  - name: only the growth plan counts
    rows:
      - { score: 10, answered_at: '2024-03-05T10:00:00Z', plan: growth }
      - { score: 3, answered_at: '2024-03-06T10:00:00Z', plan: starter }
    expect: { periods: { '2024-03': 100 } }
`,
}

/** Runs the command; returns its exit code. */
export async function main(
  argv: string[],
  write: (s: string) => void = (s) => process.stdout.write(s),
  error: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      write(`${HELP.main}\n`)
      return command === undefined ? 2 : 0
    }
    if (command === '--version') {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        version: string
      }
      write(`${pkg.version}\n`)
      return 0
    }
    if (!Object.hasOwn(HELP, command) || command === 'main')
      throw new UsageError(`unknown command \`${command}\` (cx-metrics --help lists them)`)
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        data: { type: 'string', multiple: true },
        base: { type: 'string' },
        'fail-on-breaking': { type: 'boolean' },
        'as-of': { type: 'string' },
        warehouse: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help === true) {
      write(`${HELP[command]}\n`)
      return 0
    }
    const format = values.format ?? 'text'
    if (command === 'schema') {
      write(`${JSON.stringify(definitionJsonSchema(), null, 2)}\n`)
      return 0
    }
    if (command === 'init') {
      const dir = positionals[0] ?? 'definitions'
      if (existsSync(dir) && readdirSync(dir).length > 0)
        throw new UsageError(`${dir} exists and is not empty`)
      mkdirSync(dir, { recursive: true })
      for (const [name, text] of Object.entries(INIT)) writeFileSync(join(dir, name), text)
      write(`wrote ${Object.keys(INIT).length} files to ${dir}; try: cx-metrics test ${dir}\n`)
      return 0
    }
    if (command === 'diff') {
      if (values.base === undefined) throw new UsageError('diff needs --base <dir or git ref>')
      if (!['markdown', 'json', 'text'].includes(format))
        throw new UsageError(`--format is markdown or json, not ${format}`)
      const base = validateDefinitions(
        existsSync(values.base) ? collect([values.base]) : fromGit(values.base, positionals),
      )
      const head = validateDefinitions(collect(positionals))
      const changes = diffDefinitions(base, head)
      if (format === 'json') write(`${JSON.stringify(changes, null, 2)}\n`)
      else write(diffTable(changes))
      return values['fail-on-breaking'] === true && changes.some((c) => c.breaking) ? 1 : 0
    }
    if (command === 'validate' || command === 'test') {
      if (!['text', 'json', 'sarif'].includes(format))
        throw new UsageError(`--format is text, json or sarif, not ${format}`)
      const report = validateDefinitions(collect(positionals), { fixtures: command === 'test' })
      printProblems(report, format, write)
      return report.problems.some((p: DefinitionProblem) => p.severity === 'error') ? 1 : 0
    }
    // run
    if (!['text', 'json', 'csv', 'markdown', 'html'].includes(format))
      throw new UsageError(`--format is text, json, csv, markdown or html, not ${format}`)
    const data = new Map<string, string>()
    for (const d of values.data ?? []) {
      const eq = d.indexOf('=')
      if (eq <= 0) throw new UsageError(`--data takes name=file, not ${d}`)
      const file = d.slice(eq + 1)
      if (!existsSync(file)) throw new UsageError(`no such file: ${file}`)
      data.set(d.slice(0, eq), file)
    }
    const warehouse = values.warehouse === undefined ? null : await connection(values.warehouse)
    if (data.size === 0 && warehouse === null)
      throw new UsageError('run needs at least one --data name=file, or --warehouse <module>')
    const report = validateDefinitions(collect(positionals))
    const errors = report.problems.filter((p) => p.severity === 'error')
    if (errors.length > 0) {
      printProblems(report, 'text', error)
      return 1
    }
    const asOf = values['as-of'] === undefined ? undefined : parseInstant(values['as-of'])
    if (asOf === null)
      throw new UsageError(`--as-of takes an ISO 8601 instant with an offset, not ${values['as-of']}`)
    return await run(report, data, format, write, error, process.stderr.isTTY === true, asOf, warehouse)
  } catch (e) {
    // Usage errors, unreadable files, bad arguments: said in one line, exit code 2.
    error(`cx-metrics: ${(e as Error).message}\n`)
    return 2
  }
}

if (
  import.meta.url === `file://${process.argv[1]}` ||
  process.argv[1]?.endsWith('/cx-metrics') === true ||
  process.argv[1]?.endsWith('cli/main.js') === true
)
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
  })
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
