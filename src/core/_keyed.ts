import { _typeError } from './_assert.ts'
import type { KeyedMap } from './aggregator.ts'

// Maps keyed by user ids — customers, accounts, segments — in states that may hold tens of millions of
// entries. A plain object used as a map stalls in V8 at 2^23 (about 8.4 million) keys, and one Map
// refuses more than 2^24 entries, so a state keeps its entries as two plain arrays, keys and values
// (JSON like any state: it is stored, parsed back and merged as it is), and an aggregator finds entries
// through an index of Maps of up to 2^23 keys each, built the first time it searches a state and kept
// beside it in a WeakMap, so that the state itself stays plain data. Any string is a key like any
// other: '__proto__' and 'constructor' are never property names here. Written by hand: no library keeps
// a map in this JSON shape with an index beside it.

/** A map from user ids to values, as two plain arrays: `values[i]` is the value under `keys[i]`. */
export type _Keyed<V> = KeyedMap<V>

/** A new, empty keyed map. */
export function _keyed<V>(): _Keyed<V> {
  return { keys: [], values: [] }
}

/** Finds and adds entries of keyed maps, with an index per map. */
export interface _Finder {
  /** The value under `key` in `map`, if it has one. */
  get<V>(map: _Keyed<V>, key: string): V | undefined
  /** Sets the value under `key` in `map`, adding the key if it is new. */
  set<V>(map: _Keyed<V>, key: string, value: V): void
}

/** The most keys one Map of an index holds before the index starts another (V8 slows down past 2^23). */
const SLICE = 1 << 23

interface Index {
  readonly keys: string[]
  /** Key → position, in slices of up to SLICE keys. */
  readonly maps: Map<string, number>[]
  /** Keys indexed. */
  n: number
}

/**
 * An index for the keyed maps of one aggregator. It remembers the last map it searched (a fold adds to
 * one state), and the others in a WeakMap, so that an index lives no longer than its map. A map whose
 * keys were added elsewhere — parsed from JSON, or grown by another aggregator — is indexed again the
 * first time it is searched; a map with a key twice, or with fewer values than keys, is refused with a
 * TypeError naming the state.
 */
export function _finder(fn: string, slice: number = SLICE): _Finder {
  let indexes: WeakMap<string[], Index> | undefined
  let last: Index | undefined

  const at = (index: Index, key: string): number => {
    for (const m of index.maps) {
      const i = m.get(key)
      if (i !== undefined) return i
    }
    return -1
  }
  const put = (index: Index, key: string, i: number): void => {
    let tail = index.maps[index.maps.length - 1] as Map<string, number>
    if (tail.size >= slice) {
      tail = new Map()
      index.maps.push(tail)
    }
    tail.set(key, i)
    index.n++
  }
  const indexOf = (map: _Keyed<unknown>): Index => {
    const keys = map.keys
    if (last !== undefined && last.keys === keys && last.n === keys.length) return last
    indexes ??= new WeakMap()
    let index = indexes.get(keys)
    if (index === undefined || index.n !== keys.length) {
      if (!Array.isArray(keys) || !Array.isArray(map.values) || map.values.length !== keys.length)
        throw _typeError(fn, 'state', 'a keyed map { keys, values } with one value per key', map)
      index = { keys, maps: [new Map()], n: 0 }
      for (const key of keys) {
        if (typeof key !== 'string' || at(index, key) >= 0)
          throw _typeError(fn, 'state', 'a keyed map whose keys are strings, each once', key)
        put(index, key, index.n)
      }
      indexes.set(keys, index)
    }
    last = index
    return index
  }

  return {
    get<V>(map: _Keyed<V>, key: string): V | undefined {
      const i = at(indexOf(map), key)
      return i < 0 ? undefined : map.values[i]
    },
    set<V>(map: _Keyed<V>, key: string, value: V): void {
      const index = indexOf(map)
      const i = at(index, key)
      if (i >= 0) map.values[i] = value
      else {
        put(index, key, map.keys.length)
        map.keys.push(key)
        map.values.push(value)
      }
    },
  }
}
