/**
 * A one-pass, mergeable computation: the shape every KPI in this library has.
 *
 * `init()` gives the empty state (the identity of `merge`), `add()` folds one input into a state,
 * `merge()` joins two states (associative, so partial states from shards, days or workers can be
 * combined in any grouping) and `result()` turns a state into the published result without changing it.
 * States are plain JSON (numbers, strings, arrays, plain objects), so they can be stored and merged later.
 * `add(state, …)` and `merge(a, b)` may mutate and return `state` and `a`; they never change `b`, and
 * `result` changes nothing.
 *
 * @typeParam In - what `add` accepts (one observation)
 * @typeParam State - the JSON state
 * @typeParam Out - what `result` returns
 * @category Core
 */
export interface Aggregator<In, State, Out> {
  /** The id of what is computed, e.g. `'nps'`. */
  readonly kpi: string
  /** The empty state; `merge(init(), s)` equals `s`. */
  init(): State
  /** Folds one input (at position `index` of its source) into `state`. */
  add(state: State, input: In, index: number): State
  /**
   * Optional: folds `items[start]` … `items[end − 1]` (with those indices) into `state` in one call.
   * It must give exactly what calling `add` for each would; it exists so that an aggregator can run
   * its own tight loop, which the engine optimises far better than one call per item. {@link fold}
   * and {@link accumulate} use it for arrays.
   */
  addRange?(state: State, items: ArrayLike<In>, start: number, end: number): State
  /** Joins two states; associative. May reuse `a`; never changes `b`. */
  merge(a: State, b: State): State
  /** The result of a state; pure and never throws. */
  result(state: State): Out
}

/**
 * An aggregator of any input, state and result, for functions that accept several kinds at once.
 * @category Core
 */
// biome-ignore lint/suspicious/noExplicitAny: any aggregator, whatever its type parameters
export type AnyAggregator = Aggregator<any, any, any>

/**
 * The input type of an aggregator.
 * @category Core
 */
// biome-ignore lint/suspicious/noExplicitAny: variance-free extraction of a type parameter
export type InputOf<A> = A extends Aggregator<infer In, any, any> ? In : never
/**
 * The state type of an aggregator.
 * @category Core
 */
// biome-ignore lint/suspicious/noExplicitAny: variance-free extraction of a type parameter
export type StateOf<A> = A extends Aggregator<any, infer S, any> ? S : never
/**
 * The result type of an aggregator.
 * @category Core
 */
// biome-ignore lint/suspicious/noExplicitAny: variance-free extraction of a type parameter
export type ResultOf<A> = A extends Aggregator<any, any, infer O> ? O : never

/**
 * Reads the value a KPI needs from one item of the caller's data, like the accessor of d3-array.
 * @category Core
 */
export type Accessor<T, V> = (item: T, index: number) => V

/**
 * A map from user ids — customers, accounts, segments — inside a state, as two plain arrays:
 * `values[i]` is the value under `keys[i]`. Not an object keyed by id, so that a state holds tens of
 * millions of keys (an object stalls at about 8.4 million) and any string, `'__proto__'` included, is a
 * key like any other; still JSON, to store and merge.
 * @category Core
 */
export interface KeyedMap<V> {
  /** The keys, each once, in the order they came. */
  keys: string[]
  /** The value under each key, at the key's position. */
  values: V[]
}
