// foldAsync over 1,000,000 survey scores arriving over time: from a Node object stream
// (`Readable.from`), from an async generator that yields them one by one, and from one that yields
// chunks of 1,000 — against a fold of the same array, and against the hand-written loop each source
// allows (a `for await` loop, or draining the stream's buffer by hand). The NPS counts are checked to
// agree first.
import { Readable } from 'node:stream'
import { fold, foldAsync, npsAggregator } from 'cx-metrics'

const n = 1_000_000

async function median(f: () => Promise<unknown> | unknown, rounds = 7): Promise<number> {
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const a = performance.now()
    await f()
    times.push(performance.now() - a)
  }
  return times.sort((x, y) => x - y)[Math.floor(rounds / 2)] as number
}

export async function run(): Promise<void> {
  const scores = Array.from({ length: n }, (_, i) => (i * 7919) % 11)
  async function* one(): AsyncGenerator<number> {
    for (const s of scores) yield s
  }
  async function* chunks(): AsyncGenerator<number[]> {
    for (let i = 0; i < n; i += 1000) yield scores.slice(i, i + 1000)
  }
  const count = (s: number, c: [number, number, number]) => {
    if (s >= 9) c[0]++
    else if (s <= 6) c[1]++
    c[2]++
  }
  const nps = (c: [number, number, number]) => ((c[0] - c[1]) / c[2]) * 100
  const byHand = {
    'for await over the stream': async () => {
      const c: [number, number, number] = [0, 0, 0]
      for await (const s of Readable.from(scores)) count(s as number, c)
      return nps(c)
    },
    "draining the stream's buffer by hand": () =>
      new Promise<number>((resolve) => {
        const c: [number, number, number] = [0, 0, 0]
        const stream = Readable.from(scores)
        stream.on('readable', () => {
          for (let s = stream.read(); s !== null; s = stream.read()) count(s as number, c)
        })
        stream.on('end', () => resolve(nps(c)))
      }),
    'for await over the generator of chunks': async () => {
      const c: [number, number, number] = [0, 0, 0]
      for await (const chunk of chunks()) for (let i = 0; i < chunk.length; i++) count(chunk[i] as number, c)
      return nps(c)
    },
    'for await over the generator': async () => {
      const c: [number, number, number] = [0, 0, 0]
      for await (const s of one()) count(s, c)
      return nps(c)
    },
  }
  const agg = npsAggregator()
  const library = {
    'fold of the array': () => fold(agg, scores).value,
    'foldAsync of the stream': async () => (await foldAsync(agg, Readable.from(scores))).value,
    'foldAsync of the one-by-one generator': async () => (await foldAsync(agg, one())).value,
    'foldAsync of the generator of chunks (chunks: true)': async () =>
      (await foldAsync(agg, chunks(), { chunks: true })).value,
  }
  const expected = fold(agg, scores).value
  for (const [name, f] of Object.entries({ ...byHand, ...library }))
    if (Math.abs(((await f()) as number) - (expected as number)) > 1e-9) throw new Error(`${name} disagrees`)
  console.log('\n### foldAsync of 1,000,000 scores arriving over time\n')
  console.log('| case | median of 7 |')
  console.log('| --- | ---: |')
  for (const [name, f] of Object.entries({ ...library, ...byHand }))
    console.log(`| ${name} | ${(await median(f)).toFixed(1)} ms |`)
}
