import { _iterable } from '../core/_args.ts'
import { _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import { _compareIds } from '../core/_order.ts'
import type { HealthAccountScore } from './_types.ts'

/**
 * Options of {@link healthRollup}.
 * @category Health
 */
export interface HealthRollupOptions {
  /** Each account's parent, or `null`/`undefined` for a top-level account. */
  readonly parentOf: (accountId: string) => string | null | undefined
  /** Each account's weight (contract value, seats); equal weights without it (Planhat: the mean). */
  readonly weightOf?: (accountId: string) => number
  /** Whether a parent's own score counts beside its children's (Planhat: it does). @defaultValue true */
  readonly includeParent?: boolean
}

/**
 * One child's part in a parent's score.
 * @category Health
 */
export interface HealthRollupChild {
  /** The account (a child, or the parent itself). */
  readonly accountId: string
  /** Its score. */
  readonly value: number
  /** Its share of the weight, 0–1. */
  readonly weight: number
  /** Its contribution in points; the contributions add up to the parent's `value`. */
  readonly contribution: number
}

/**
 * A parent account's rolled-up score.
 * @category Health
 */
export interface HealthRollupRow {
  /** The parent. */
  readonly accountId: string
  /** The weighted mean of its children's scores (and its own, with `includeParent`), or `null` without any. */
  readonly value: number | null
  /** The scores behind it, largest contribution first. */
  readonly children: readonly HealthRollupChild[]
}

/**
 * A parent account's health as the weighted mean of its children's (Totango's sub-account method:
 * weighted by contract value or equally; Planhat: the mean of its companies, the parent's own score
 * included). Children without a score are left out. Parents are listed by account id, one level up
 * (a grandparent rolls up its children's own scores, not theirs rolled up).
 *
 * @example
 * ```ts
 * // Planhat's example: a parent at 10 with three children at 5 is 6.25, shown as 6.
 * const scores = [['p', 10], ['a', 5], ['b', 5], ['c', 5]].map(([accountId, value]) => ({ accountId, value }))
 * healthRollup(scores as never, { parentOf: (id) => (id === 'p' ? null : 'p') })[0]?.value //=> 6.25
 * ```
 * @category Health
 */
export function healthRollup(
  accounts: Iterable<Pick<HealthAccountScore, 'accountId' | 'value'>>,
  options: HealthRollupOptions,
): HealthRollupRow[] {
  const fn = 'healthRollup'
  _iterable(fn, accounts, 'accounts')
  if (options === null || typeof options !== 'object')
    throw _typeError(fn, 'options', 'options with `parentOf`', options)
  _knownKeys(fn, 'options', options, ['parentOf', 'weightOf', 'includeParent'])
  const { parentOf, weightOf, includeParent = true } = options
  if (typeof parentOf !== 'function') throw _typeError(fn, 'options.parentOf', 'a function', parentOf)
  if (weightOf !== undefined && typeof weightOf !== 'function')
    throw _typeError(fn, 'options.weightOf', 'a function', weightOf)
  if (typeof includeParent !== 'boolean')
    throw _typeError(fn, 'options.includeParent', 'a boolean', includeParent)
  const own = new Map<string, number | null>()
  const members = new Map<string, string[]>()
  for (const a of accounts) {
    if (a === null || typeof a !== 'object')
      throw _typeError(fn, 'accounts', 'account scores { accountId, value }', a)
    const id = String(a.accountId)
    own.set(id, typeof a.value === 'number' && Number.isFinite(a.value) ? a.value : null)
    const parent = parentOf(id)
    if (parent === null || parent === undefined) continue
    const p = String(parent)
    const list = members.get(p) ?? []
    list.push(id)
    members.set(p, list)
  }
  const rows: HealthRollupRow[] = []
  for (const [parent, children] of members) {
    const ids = includeParent && own.has(parent) ? [parent, ...children] : children
    const scored: [string, number, number][] = []
    for (const id of ids) {
      const v = own.get(id)
      if (v === null || v === undefined) continue
      const w = weightOf === undefined ? 1 : weightOf(id)
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
        throw _typeError(fn, 'options.weightOf', `a function returning a non-negative number (for ${id})`, w)
      scored.push([id, v, w])
    }
    const total = scored.reduce((s, [, , w]) => s + w, 0)
    const list = scored
      .map(([accountId, value, w]) => ({
        accountId,
        value,
        weight: total === 0 ? 0 : w / total,
        contribution: total === 0 ? 0 : (w / total) * value,
      }))
      .sort((x, y) => y.contribution - x.contribution || _compareIds(x.accountId, y.accountId))
    let value = 0
    for (const c of list) value += c.contribution
    rows.push({ accountId: parent, value: total === 0 ? null : value, children: list })
  }
  return rows.sort((x, y) => _compareIds(x.accountId, y.accountId))
}
