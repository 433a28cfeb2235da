// The filter language of definition files: comparisons, `in`, and `and` / `or` / `not`.
import type { DefinitionFilter } from './_types.ts'

/** Whether a row satisfies a filter. Numbers compare as numbers (decimal strings too), the rest as strings. */
export function _matches(f: DefinitionFilter, row: Readonly<Record<string, unknown>>): boolean {
  if ('and' in f) return f.and.every((g) => _matches(g, row))
  if ('or' in f) return f.or.some((g) => _matches(g, row))
  if ('not' in f) return !_matches(f.not, row)
  const raw = Object.hasOwn(row, f.column) ? row[f.column] : undefined
  const value = raw === undefined || raw === '' ? null : raw
  if ('in' in f) return f.in.some((x) => same(value, x))
  if (f.op === '==') return same(value, f.value)
  if (f.op === '!=') return !same(value, f.value)
  if (value === null || f.value === null) return false
  const a = numeric(value)
  const b = numeric(f.value)
  const [x, y] = a !== null && b !== null ? [a, b] : [String(value), String(f.value)]
  return f.op === '<' ? x < y : f.op === '<=' ? x <= y : f.op === '>' ? x > y : x >= y
}

const numeric = (x: unknown): number | null => {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null
  if (typeof x === 'string' && /^-?\d+(?:\.\d+)?$/.test(x.trim())) return Number(x)
  return null
}

function same(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b
  const x = numeric(a)
  const y = numeric(b)
  if (x !== null && y !== null) return x === y
  return String(a) === String(b)
}

/** The columns a filter reads. */
export function _filterColumns(f: DefinitionFilter): string[] {
  if ('and' in f) return f.and.flatMap(_filterColumns)
  if ('or' in f) return f.or.flatMap(_filterColumns)
  if ('not' in f) return _filterColumns(f.not)
  return [f.column]
}
