import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { _collect, _sumCount } from './_testAggregators.ts'
import { accumulate } from './accumulate.ts'
import { combine } from './combine.ts'
import { fold } from './fold.ts'
import { foldAsync } from './foldAsync.ts'
import { mapInput } from './mapInput.ts'
import { mergeAll } from './mergeAll.ts'

describe('fold(aggregator, items)', () => {
  it('runs add over every item with its index, then result', () => {
    expect(fold(_collect<string>(), ['a', 'b', 'c'])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ])
  })
  it('accepts any iterable (a Set, a generator)', () => {
    expect(fold(_sumCount(), new Set([1, 2, 3]))).toEqual({ sum: 6, count: 3 })
    function* numbers(): Generator<number> {
      yield 4
      yield 5
    }
    expect(fold(_sumCount(), numbers())).toEqual({ sum: 9, count: 2 })
  })
  it('gives the result of init() for no items', () => {
    expect(fold(_sumCount(), [])).toEqual({ sum: 0, count: 0 })
  })
})

describe('accumulate and mergeAll', () => {
  it('merging the states of parts equals folding the whole', () => {
    const agg = _sumCount()
    const states = [[1, 2], [3], [], [4, 5, 6]].map((part) => accumulate(agg, part))
    expect(agg.result(mergeAll(agg, states))).toEqual(fold(agg, [1, 2, 3, 4, 5, 6]))
  })
  it('does not modify the states it merges', () => {
    const agg = _sumCount()
    const a = accumulate(agg, [1, 2])
    const b = accumulate(agg, [3])
    mergeAll(agg, [a, b])
    expect(a).toEqual([3, 2])
    expect(b).toEqual([3, 1])
  })
  it('gives init() for no states', () => {
    expect(mergeAll(_sumCount(), [])).toEqual([0, 0])
  })
})

describe('foldAsync(aggregator, source)', () => {
  it('reads an async generator', async () => {
    async function* numbers(): AsyncGenerator<number> {
      yield 1
      yield 2
    }
    expect(await foldAsync(_sumCount(), numbers())).toEqual({ sum: 3, count: 2 })
  })
  it('reads a Node object stream', async () => {
    expect(await foldAsync(_collect<number>(), Readable.from([7, 8]))).toEqual([
      [7, 0],
      [8, 1],
    ])
  })
  it('reads a web ReadableStream through its reader when it is not async-iterable', async () => {
    const stream = new ReadableStream<number>({
      start(controller) {
        controller.enqueue(5)
        controller.enqueue(6)
        controller.close()
      },
    })
    Object.defineProperty(stream, Symbol.asyncIterator, { value: undefined })
    expect(await foldAsync(_sumCount(), stream)).toEqual({ sum: 11, count: 2 })
  })
  it('reads a plain iterable', async () => {
    expect(await foldAsync(_sumCount(), [1, 1, 1])).toEqual({ sum: 3, count: 3 })
  })
  it('drains a Node stream as its buffer fills, in order, with each item at its index', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => i)
    const got = (await foldAsync(_collect<number>(), Readable.from(items))) as [number, number][]
    expect(got).toHaveLength(10_000)
    expect(got.every(([x, i]) => x === i)).toBe(true)
    // A stream fed over time, whose buffer is empty now and then.
    const later = new Readable({ objectMode: true, read() {} })
    setTimeout(() => later.push(1), 5)
    setTimeout(() => later.push(2), 10)
    setTimeout(() => later.push(null), 15)
    expect(await foldAsync(_sumCount(), later)).toEqual({ sum: 3, count: 2 })
    // An ended stream gives the empty state.
    const ended = Readable.from([])
    ended.read()
    await new Promise((r) => setTimeout(r, 5))
    expect(await foldAsync(_sumCount(), ended)).toEqual({ sum: 0, count: 0 })
  })
  it("rejects with the stream's error, and destroys the stream when the aggregator throws", async () => {
    const broken = new Readable({ objectMode: true, read() {} })
    setTimeout(() => broken.destroy(new Error('connection reset')), 5)
    await expect(foldAsync(_sumCount(), broken)).rejects.toThrow('connection reset')
    const stream = Readable.from([1, 2, 3])
    const throwing = {
      ..._sumCount(),
      add: () => {
        throw new RangeError('bad item')
      },
    }
    await expect(foldAsync(throwing as never, stream)).rejects.toThrow('bad item')
    expect(stream.destroyed).toBe(true)
    const cut = new Readable({ objectMode: true, read() {} })
    setTimeout(() => cut.destroy(), 5)
    await expect(foldAsync(_sumCount(), cut)).rejects.toThrow('foldAsync: the stream closed before its end')
  })
  it('reads chunks of items with chunks: true, from every kind of source', async () => {
    async function* batches(): AsyncGenerator<number[]> {
      yield [1, 2]
      yield []
      yield [3]
    }
    const expected = [
      [1, 0],
      [2, 1],
      [3, 2],
    ]
    expect(await foldAsync(_collect<number>(), batches(), { chunks: true })).toEqual(expected)
    expect(await foldAsync(_collect<number>(), Readable.from([[1, 2], [3]]), { chunks: true })).toEqual(
      expected,
    )
    expect(await foldAsync(_collect<number>(), [new Set([1, 2]), [3]], { chunks: true })).toEqual(expected)
    // Without the option, an array is one item.
    expect(await foldAsync(_collect<number[]>(), [[1, 2]])).toEqual([[[1, 2], 0]])
    await expect(foldAsync(_sumCount(), [[1], 5], { chunks: true })).rejects.toThrow(
      'foldAsync expected `chunk after item 0` to be an array or iterable of items, got `5`',
    )
    await expect(foldAsync(_sumCount(), [1], { chunk: true } as never)).rejects.toThrow(
      /did you mean `chunks`/,
    )
    await expect(foldAsync(_sumCount(), [1], { chunks: 'yes' } as never)).rejects.toThrow(
      'foldAsync expected `options.chunks` to be true or false',
    )
  })
})

describe('combine(parts)', () => {
  it('computes several aggregators in one pass, keyed like its parts', () => {
    const both = combine({ total: _sumCount(), seen: _collect<number>() })
    expect(fold(both, [2, 3])).toEqual({
      kind: 'combined',
      kpi: 'combine',
      results: {
        total: { sum: 5, count: 2 },
        seen: [
          [2, 0],
          [3, 1],
        ],
      },
    })
    expect(both.kpi).toBe('combine')
  })
  it('merges part by part', () => {
    const both = combine({ a: _sumCount(), b: mapInput(_sumCount(), (x: number) => x * 10) })
    const merged = both.merge(accumulate(both, [1]), accumulate(both, [2]))
    expect(both.result(merged).results).toEqual({ a: { sum: 3, count: 2 }, b: { sum: 30, count: 2 } })
  })
  it('rejects what is not an object of aggregators', () => {
    expect(() => combine(null as never)).toThrow(
      'combine expected `parts` to be an object of aggregators, got `null`',
    )
    expect(() => combine({ a: 3 } as never)).toThrow(
      'combine expected `parts.a` to be an aggregator, got `3`',
    )
  })
})

describe('mapInput(aggregator, map)', () => {
  it('maps each item (with its index) before adding it', () => {
    const lengths = mapInput(_collect<number>(), (s: string, i) => s.length * 10 + i)
    expect(fold(lengths, ['ab', 'c'])).toEqual([
      [20, 0],
      [11, 1],
    ])
    expect(lengths.kpi).toBe('collect')
  })
  it('rejects a map that is not a function', () => {
    expect(() => mapInput(_sumCount(), 'x' as never)).toThrow(
      'mapInput expected `map` to be a function, got `"x"`',
    )
  })
})
