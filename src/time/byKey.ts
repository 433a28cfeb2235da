import { _function, _options, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _mergeCounts } from '../core/_exclude.ts'
import { _finder, _keyed } from '../core/_keyed.ts'
import { _compareIds } from '../core/_order.ts'
import type { Accessor, Aggregator, KeyedMap } from '../core/aggregator.ts'
import type { Excluded, ExclusionCounts, Variant } from '../core/result.ts'

/**
 * Options of {@link byKey}.
 * @category Time
 */
export interface ByKeyOptions {
  /**
   * Segments to report even when they have no data (with the inner aggregator's empty result), in
   * this order, before any other segment found in the data.
   */
  readonly keys?: readonly string[]
}

/**
 * One segment's result.
 * @category Time
 */
export interface KeyResult<Out> {
  /** The segment, e.g. `'enterprise'`. */
  readonly key: string
  /** The inner aggregator's result over the segment's items. */
  readonly result: Out
}

/**
 * The result of {@link byKey}.
 * @category Time
 */
export interface ByKeyResult<Out> {
  /** Always `'segments'`: one result per key. */
  readonly kind: 'segments'
  /** Always `'byKey'`. */
  readonly kpi: 'byKey'
  /** The options that shape the result (`keys`, as given). */
  readonly variant: Variant
  /** Segments: those of `options.keys` first, in their order, then the others sorted. */
  readonly groups: KeyResult<Out>[]
  /** Items whose key was `null`, `undefined` or an empty string. */
  readonly excluded: Excluded
}

/**
 * The state of {@link byKey}.
 * @category Time
 */
export interface ByKeyState<State> {
  /** Inner state of each segment with data: `values[i]` is the state of segment `keys[i]`. */
  groups: KeyedMap<State>
  /** Items without a key. */
  excluded: ExclusionCounts
}

/**
 * Runs an aggregator per segment — plan, channel, region, team — in one pass. Nests with
 * {@link byPeriod} either way: `byPeriod(byKey(agg, plan), …)` gives segments per period,
 * `byKey(byPeriod(agg, …), plan)` periods per segment.
 *
 * Keys are strings (numbers are turned into strings); an item whose key is `null`, `undefined` or
 * `''` is counted in `excluded.missing`.
 *
 * @example
 * ```ts
 * fold(byKey(npsAggregator((r: Row) => r.score), (r) => r.plan), rows).groups
 * //=> [{ key: 'growth', result: { kpi: 'nps', … } }, { key: 'starter', result: … }]
 * ```
 * @category Time
 */
/* @__NO_SIDE_EFFECTS__ */
export function byKey<T, State, Out>(
  aggregator: Aggregator<T, State, Out>,
  key: Accessor<T, string | number | null | undefined>,
  options?: ByKeyOptions,
): Aggregator<T, ByKeyState<State>, ByKeyResult<Out>> {
  const fn = 'byKey'
  if (aggregator === null || typeof aggregator !== 'object' || typeof aggregator.add !== 'function') {
    throw _typeError(fn, 'aggregator', 'an aggregator', aggregator)
  }
  _function(fn, 'key', key)
  const o = _options(fn, options, ['keys'])
  const listed = o.keys ?? []
  if (!Array.isArray(listed) || listed.some((k) => typeof k !== 'string')) {
    throw _typeError(fn, 'options.keys', 'an array of strings', o.keys)
  }
  const variant: Variant = o.keys === undefined ? {} : { keys: [...listed] }
  const first = new Set(listed)
  const find = _finder('byKey')
  return {
    kpi: 'byKey',
    init: () => ({ groups: _keyed(), excluded: { missing: 0, invalid: 0 } }),
    add: (state, item, index) => {
      const raw = key(item, index)
      if (raw === null || raw === undefined || raw === '') {
        state.excluded.missing++
        return state
      }
      const k = typeof raw === 'string' ? raw : String(raw)
      const current = find.get(state.groups, k)
      find.set(
        state.groups,
        k,
        aggregator.add(current === undefined ? aggregator.init() : current, item, index),
      )
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      const { keys, values } = b.groups
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string
        const mine = find.get(a.groups, k)
        find.set(
          a.groups,
          k,
          aggregator.merge(mine === undefined ? aggregator.init() : mine, values[i] as State),
        )
      }
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const { keys, values } = state.groups
      // The listed segments first, then the others by UTF-16 code units.
      const rest: number[] = []
      for (let i = 0; i < keys.length; i++) if (!first.has(keys[i] as string)) rest.push(i)
      rest.sort((p, q) => _compareIds(keys[p] as string, keys[q] as string))
      const groups: KeyResult<Out>[] = listed.map((k) => {
        const inner = find.get(state.groups, k)
        return { key: k, result: aggregator.result(inner === undefined ? aggregator.init() : inner) }
      })
      for (const i of rest)
        groups.push({ key: keys[i] as string, result: aggregator.result(values[i] as State) })
      return {
        kind: 'segments',
        kpi: 'byKey',
        variant,
        groups,
        excluded: { ...state.excluded },
      }
    },
  }
}
