import { _integer, _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import { _compareIds } from '../core/_order.ts'
import type { HealthAccountScore } from './_types.ts'
import { explainHealthChange, type HealthChange } from './explainHealthChange.ts'

/**
 * Options of {@link healthMovers}.
 * @category Health
 */
export interface HealthMoversOptions {
  /** How many movers to list. @defaultValue 10 */
  readonly top?: number
  /** Rank the largest falls (`'down'`), rises (`'up'`) or either by size (`'both'`). @defaultValue 'both' */
  readonly direction?: 'down' | 'up' | 'both'
}

const portfolio = (fn: string, arg: string, p: unknown): readonly HealthAccountScore[] => {
  const accounts = (p as { accounts?: unknown } | null)?.accounts
  if (p === null || typeof p !== 'object' || !Array.isArray(accounts))
    throw _typeError(fn, arg, 'a portfolio from healthScore', p)
  return accounts as HealthAccountScore[]
}

/**
 * The accounts whose health moved most between two portfolios (two snapshots of `healthScore` under
 * the same definition), each with {@link explainHealthChange}'s explanation, largest change first (ties
 * by account id). Accounts in only one snapshot, or without a score in either, are not listed.
 *
 * @example
 * ```ts
 * const definition = { measures: [{ id: 'usage', weight: 1, normaliser: { type: 'score' } }] } as const
 * const snapshot = (usage: Record<string, number>) =>
 *   healthScore(Object.entries(usage).map(([accountId, u]) => ({ accountId, values: { usage: u } })), { definition })
 * healthMovers(snapshot({ a: 80, b: 70 }), snapshot({ a: 50, b: 75 }), { direction: 'down' })[0]?.parts[0]?.text
 * //=> '−30.0 points from usage: 80 → 50'
 * ```
 * @category Health
 */
export function healthMovers(before: object, after: object, options?: HealthMoversOptions): HealthChange[] {
  const fn = 'healthMovers'
  const a = portfolio(fn, 'before', before)
  const b = portfolio(fn, 'after', after)
  if (options !== undefined && (options === null || typeof options !== 'object'))
    throw _typeError(fn, 'options', 'an object or undefined', options)
  _knownKeys(fn, 'options', options ?? {}, ['top', 'direction'])
  const top = options?.top ?? 10
  _integer(fn, 'options.top', top, 0)
  const direction = options?.direction ?? 'both'
  if (direction !== 'down' && direction !== 'up' && direction !== 'both')
    throw _typeError(fn, 'options.direction', "'down', 'up' or 'both'", direction)
  const earlier = new Map<string, HealthAccountScore>()
  for (const s of a) earlier.set(s.accountId, s)
  // Rank by the change of score first, and explain only the accounts listed.
  const moved: [HealthAccountScore, HealthAccountScore, number][] = []
  for (const s of b) {
    const e = earlier.get(s.accountId)
    if (e === undefined || e.value === null || s.value === null) continue
    if (e.measures.length !== s.measures.length || e.measures.some((m, i) => m.id !== s.measures[i]?.id))
      continue
    const d = s.value - e.value
    if ((direction === 'down' && d >= 0) || (direction === 'up' && d <= 0)) continue
    moved.push([e, s, d])
  }
  moved.sort((x, y) => Math.abs(y[2]) - Math.abs(x[2]) || _compareIds(x[1].accountId, y[1].accountId))
  return moved.slice(0, top).map(([e, s]) => explainHealthChange(e, s))
}
