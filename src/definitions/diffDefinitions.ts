import { _typeError } from '../core/_assert.ts'
import type { DefinitionReport, MetricDefinition } from './_types.ts'
import { runDefinition } from './runDefinition.ts'

/**
 * One fixture's value before and after a change of its definition.
 * @category Definitions
 */
export interface FixtureValues {
  /** The fixture's name (from the new definition, or the old one when it was removed). */
  readonly fixture: string
  /** Its value under the old definition, as text (`—` for none, `error: …` when it cannot run). */
  readonly before: string
  /** Its value under the new definition. */
  readonly after: string
}

/**
 * How one definition changed between two sets.
 * @category Definitions
 */
export interface DefinitionChange {
  /** The definition's name. */
  readonly name: string
  /** Removed, added or changed. */
  readonly change: 'removed' | 'added' | 'changed'
  /** Whether what it computes may have changed (its KPI, options, input, filters, numerator, calendar, time or dimensions), or it is gone. */
  readonly breaking: boolean
  /** What changed, one line each (`options.minN: 30 → 50`). */
  readonly what: readonly string[]
  /** Its fixtures' values before and after. */
  readonly values: readonly FixtureValues[]
}

/** The parts of a definition that decide its numbers; the others only document it. */
const COMPUTING = [
  'kpi',
  'options',
  'input',
  'filters',
  'numerator',
  'calendar',
  'time',
  'dimensions',
] as const
const DOCUMENTING = [
  'label',
  'description',
  'owners',
  'tags',
  'status',
  'replacedBy',
  'version',
  'display',
] as const

/**
 * The changes between two validated sets of definitions — the base (a branch's, a release's) and the
 * head — for a reviewer: every removed, added or changed definition, whether the change is breaking
 * (a removed definition, or a changed KPI, option, input, filter, period, zone or dimension), what
 * changed, and every fixture's value under the old and the new definition (`cx-metrics diff --base`).
 *
 * @example
 * ```ts
 * const set = (minN: number) => validateDefinitions([{ path: 'n.yaml', text: `name: n\nkpi: nps\noptions: { minN: ${minN} }\nfixtures: [{ name: two, rows: [{ value: 10 }, { value: 0 }], expect: {} }]\n` }])
 * diffDefinitions(set(1), set(3)).map((c) => c.what) //=> [['options.minN: 1 → 3']]
 * ```
 * @category Definitions
 */
export function diffDefinitions(base: DefinitionReport, head: DefinitionReport): DefinitionChange[] {
  const fn = 'diffDefinitions'
  for (const [arg, r] of [
    ['base', base],
    ['head', head],
  ] as const)
    if (typeof r !== 'object' || r === null || !Array.isArray(r.metrics))
      throw _typeError(fn, arg, 'a report of validateDefinitions', r)
  const before = new Map(base.metrics.map((m) => [m.name, m]))
  const after = new Map(head.metrics.map((m) => [m.name, m]))
  const names = [...new Set([...before.keys(), ...after.keys()])].sort()
  const changes: DefinitionChange[] = []
  for (const name of names) {
    const a = before.get(name)
    const b = after.get(name)
    if (a !== undefined && b !== undefined && a.hash === b.hash) continue
    const what: string[] = []
    let breaking = a === undefined ? false : b === undefined
    if (a !== undefined && b !== undefined) {
      for (const key of [...COMPUTING, ...DOCUMENTING])
        for (const line of differences(
          key,
          (a as unknown as Record<string, unknown>)[key],
          (b as unknown as Record<string, unknown>)[key],
        )) {
          what.push(line)
          if ((COMPUTING as readonly string[]).includes(key)) breaking = true
        }
      if (what.length === 0) what.push('fixtures')
    }
    const fixtures = (b ?? a)?.fixtures ?? []
    const values = fixtures.map((f) => ({
      fixture: f.name,
      before: a === undefined ? '—' : value(a, f.rows, base),
      after: b === undefined ? '—' : value(b, f.rows, head),
    }))
    changes.push({
      name,
      change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed',
      breaking,
      what,
      values,
    })
  }
  return changes
}

/** The differences of one part, as lines (`time.unit: month → quarter`). */
function differences(path: string, a: unknown, b: unknown): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return []
  const plain = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x)
  if (plain(a) && plain(b)) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort()
    return keys.flatMap((k) =>
      differences(`${path}.${k}`, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  }
  const show = (x: unknown) => (x === undefined ? '(none)' : JSON.stringify(x))
  return [`${path}: ${show(a)} → ${show(b)}`]
}

/** A definition's result on rows, in a few words: its value, or its first periods' or keys' values. */
function value(
  m: MetricDefinition,
  rows: readonly Readonly<Record<string, unknown>>[],
  report: DefinitionReport,
): string {
  let r: {
    kind?: string
    value?: number | null
    periods?: { period: { key: string }; result: { value?: number | null } }[]
    groups?: { key: string; result: { value?: number | null } }[]
    themes?: { id: string; mentions: number }[]
    windows?: { end: number; result: { value?: number | null } }[]
  }
  try {
    r = runDefinition(m, rows, report.shared).result as typeof r
  } catch (e) {
    return `error: ${(e as Error).message}`
  }
  const n = (x: number | null | undefined) =>
    typeof x === 'number' ? String(Math.round(x * 10_000) / 10_000) : '—'
  if (r.kind === 'series')
    return (r.periods ?? []).map((p) => `${p.period.key}: ${n(p.result.value)}`).join(', ')
  if (r.kind === 'segments') return (r.groups ?? []).map((g) => `${g.key}: ${n(g.result.value)}`).join(', ')
  if (r.kind === 'windows')
    return (r.windows ?? [])
      .map((w) => `to ${new Date(w.end).toISOString().slice(0, 10)}: ${n(w.result.value)}`)
      .join(', ')
  if (r.kind === 'themes') return (r.themes ?? []).map((t) => `${t.id}: ${t.mentions}`).join(', ')
  return n(r.value)
}
