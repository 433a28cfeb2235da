import { _typeError } from './_assert.ts'
import { _aggregatorArgument } from './accumulate.ts'
import type { Aggregator } from './aggregator.ts'

/**
 * A source of items for {@link foldAsync}: an async iterable (async generators, Node readable streams in
 * object mode), a web `ReadableStream`, or a plain iterable.
 * @category Core
 */
export type AsyncSource<T> = AsyncIterable<T> | Iterable<T> | ReadableStream<T>

/**
 * Like {@link fold}, for items that arrive over time: async iterables, Node object streams and web
 * `ReadableStream`s (read through their reader where the runtime does not make them async-iterable).
 * Memory use is the aggregator's state, not the stream's length.
 *
 * @example
 * ```ts
 * async function* scores() { yield 10; yield 9; yield 2 }
 * (await foldAsync(npsAggregator(), scores())).value // 33.33…
 * ```
 * @category Core
 */
export async function foldAsync<In, Out>(
  aggregator: Aggregator<In, unknown, Out>,
  source: AsyncSource<In>,
): Promise<Out> {
  _aggregatorArgument('foldAsync', aggregator)
  const s = source as {
    [Symbol.asyncIterator]?: unknown
    [Symbol.iterator]?: unknown
    getReader?: unknown
  } | null
  if (
    s === null ||
    typeof s !== 'object' ||
    (typeof s[Symbol.asyncIterator] !== 'function' &&
      typeof s.getReader !== 'function' &&
      typeof s[Symbol.iterator] !== 'function')
  )
    throw _typeError('foldAsync', 'source', 'an async iterable, a ReadableStream or an iterable', source)
  let state = aggregator.init()
  let i = 0
  if (typeof (source as AsyncIterable<In>)[Symbol.asyncIterator] === 'function') {
    for await (const item of source as AsyncIterable<In>) state = aggregator.add(state, item, i++)
  } else if (typeof (source as ReadableStream<In>).getReader === 'function') {
    const reader = (source as ReadableStream<In>).getReader()
    try {
      for (;;) {
        const chunk = await reader.read()
        if (chunk.done) break
        state = aggregator.add(state, chunk.value, i++)
      }
    } finally {
      reader.releaseLock()
    }
  } else {
    for (const item of source as Iterable<In>) state = aggregator.add(state, item, i++)
  }
  return aggregator.result(state)
}
