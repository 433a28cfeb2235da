import { _typeError } from './_assert.ts'

/**
 * Splits the two call forms of every KPI and aggregator factory — `(options?)` and
 * `(accessor, options?)` — into the accessor and the options. A function is the accessor; an object
 * (or nothing) is the options; anything else, or options followed by more options, is a TypeError.
 */
export function _accessorAndOptions<A, O>(
  fn: string,
  first: unknown,
  second: unknown,
): [A | undefined, O | undefined] {
  if (typeof first === 'function') return [first as A, second as O | undefined]
  if (first === undefined) return [undefined, second as O | undefined]
  if (first === null || typeof first !== 'object' || Array.isArray(first) || second !== undefined)
    throw _typeError(fn, 'accessor', 'a function, or options in its place', first)
  return [undefined, first as O]
}

/** Checks that `items` is iterable (an array, a Set, a generator…), naming the function. */
export function _iterable(fn: string, items: unknown, arg: string = 'items'): void {
  if (typeof (items as Iterable<unknown> | null | undefined)?.[Symbol.iterator] !== 'function')
    throw _typeError(fn, arg, 'an iterable (an array, a Set, a generator)', items)
}
