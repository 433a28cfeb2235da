import { _options, _typeError } from './_assert.ts'
import { _aggregatorArgument } from './accumulate.ts'
import type { Aggregator } from './aggregator.ts'

/**
 * A source of items for {@link foldAsync}: an async iterable (async generators, Node readable streams in
 * object mode), a web `ReadableStream`, or a plain iterable.
 * @category Core
 */
export type AsyncSource<T> = AsyncIterable<T> | Iterable<T> | ReadableStream<T>

/**
 * Options of {@link foldAsync}.
 * @category Core
 */
export interface FoldAsyncOptions {
  /**
   * Whether each value the source yields is a chunk — an array (or iterable) of items — rather than one
   * item: a source that batches its items is then folded without a promise per item.
   * @defaultValue false
   */
  readonly chunks?: boolean
}

/** A Node readable stream, as foldAsync reads it (by its methods: no Node module is imported). */
interface NodeReadable {
  read(): unknown
  on(event: string, listener: (...args: unknown[]) => void): unknown
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown
  destroy?(error?: Error): unknown
  readonly readable: boolean
  readonly readableEnded?: boolean
}

const isNodeReadable = (s: unknown): s is NodeReadable =>
  typeof (s as NodeReadable).read === 'function' &&
  typeof (s as NodeReadable).on === 'function' &&
  typeof (s as NodeReadable).removeListener === 'function' &&
  typeof (s as NodeReadable).readable === 'boolean'

/**
 * Like {@link fold}, for items that arrive over time: async iterables, Node object streams and web
 * `ReadableStream`s (read through their reader where the runtime does not make them async-iterable).
 * A Node stream is drained synchronously as its buffer fills — every item it holds in one pass, with no
 * promise per item —, and with `chunks: true` each value the source yields is a batch of items. Memory
 * use is the aggregator's state, not the stream's length.
 *
 * @example
 * ```ts
 * async function* scores() { yield 10; yield 9; yield 2 }
 * (await foldAsync(npsAggregator(), scores())).value // 33.33…
 * async function* batches() { yield [10, 9]; yield [2] }
 * (await foldAsync(npsAggregator(), batches(), { chunks: true })).value // 33.33…
 * ```
 * @category Core
 */
export async function foldAsync<In, Out>(
  aggregator: Aggregator<In, unknown, Out>,
  source: AsyncSource<In> | AsyncSource<Iterable<In>>,
  options?: FoldAsyncOptions,
): Promise<Out> {
  const fn = 'foldAsync'
  _aggregatorArgument(fn, aggregator)
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
    throw _typeError(fn, 'source', 'an async iterable, a ReadableStream or an iterable', source)
  const o = _options(fn, options, ['chunks'])
  if (o.chunks !== undefined && typeof o.chunks !== 'boolean')
    throw _typeError(fn, 'options.chunks', 'true or false', o.chunks)
  const chunks = o.chunks === true
  let state = aggregator.init()
  let i = 0
  const take = (value: unknown): void => {
    if (!chunks) {
      state = aggregator.add(state, value as In, i++)
      return
    }
    if (value === null || typeof (value as Iterable<In>)?.[Symbol.iterator] !== 'function')
      throw _typeError(
        fn,
        `chunk ${i === 0 ? 0 : `after item ${i - 1}`}`,
        'an array or iterable of items',
        value,
      )
    if (Array.isArray(value))
      for (let j = 0; j < value.length; j++) state = aggregator.add(state, value[j] as In, i++)
    else for (const item of value as Iterable<In>) state = aggregator.add(state, item, i++)
  }
  if (isNodeReadable(source)) await drain(source, take)
  else if (typeof (source as AsyncIterable<In>)[Symbol.asyncIterator] === 'function') {
    for await (const value of source as AsyncIterable<unknown>) take(value)
  } else if (typeof (source as ReadableStream<In>).getReader === 'function') {
    const reader = (source as ReadableStream<unknown>).getReader()
    try {
      for (;;) {
        const chunk = await reader.read()
        if (chunk.done) break
        take(chunk.value)
      }
    } finally {
      reader.releaseLock()
    }
  } else {
    for (const value of source as Iterable<unknown>) take(value)
  }
  return aggregator.result(state)
}

/**
 * Reads a Node readable stream to its end: on each `'readable'`, every value its buffer holds, in one
 * synchronous pass. An error of the stream, or of `take`, ends the read (and destroys the stream, as
 * leaving a `for await` loop does).
 */
function drain(stream: NodeReadable, take: (value: unknown) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: unknown): void => {
      stream.removeListener('readable', pull)
      stream.removeListener('end', end)
      stream.removeListener('error', fail)
      stream.removeListener('close', close)
      if (error === undefined) resolve()
      else reject(error)
    }
    const pull = (): void => {
      try {
        for (let value = stream.read(); value !== null; value = stream.read()) take(value)
      } catch (error) {
        done(error)
        stream.destroy?.()
      }
    }
    const end = (): void => done()
    const fail = (error: unknown): void => done(error)
    const close = (): void => {
      if (stream.readableEnded !== true) done(new Error('foldAsync: the stream closed before its end'))
    }
    if (stream.readableEnded === true) return resolve()
    stream.on('readable', pull)
    stream.on('end', end)
    stream.on('error', fail)
    stream.on('close', close)
  })
}
