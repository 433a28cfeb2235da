// Every function the library exports, called with hostile arguments: it answers with a JSON-clean value
// or refuses with the library's own error (a KpiError, or a TypeError/RangeError naming the function) —
// never an engine error, a NaN, an Infinity or an undefined.
import * as library from 'cx-metrics'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anything } from './_hostile.ts'
import { unsafe } from './_json.ts'

const runs = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 2000 : 60))
const functions = (Object.entries(library) as [string, unknown][]).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] =>
    typeof entry[1] === 'function' && entry[0] !== 'KpiError',
)

/** Values that hold functions by design: aggregators and prepared business hours. */
const callable = (x: object): boolean => 'add' in x || (x as { kind?: unknown }).kind === 'businessHours'

const show = (x: unknown): string => {
  try {
    return JSON.stringify(x) ?? String(x)
  } catch {
    return Object.prototype.toString.call(x)
  }
}

const args = fc.array(
  fc.oneof(
    anything,
    fc.array(anything, { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('value', 'n', 'min', 'max', 'from', 'to', 'unit', 'level', 'method'),
      anything,
      { maxKeys: 3 },
    ),
  ),
  { maxLength: 4 },
)

describe('every export over hostile arguments', () => {
  it.each(functions)('%s answers or refuses in its own words', (name, f) => {
    fc.assert(
      fc.property(args, (xs) => {
        let out: unknown
        try {
          out = f(...xs)
        } catch (e) {
          const own =
            library.isKpiError(e) ||
            ((e instanceof TypeError || e instanceof RangeError) && /^\w+ expected `/.test(e.message))
          expect(own, `${name}(${xs.map(show).join(', ')}): ${String(e)}`).toBe(true)
          return
        }
        if (out instanceof Promise) {
          // foldAsync: its refusals are rejections, checked in the test below.
          out.catch(() => undefined)
          return
        }
        expect(unsafe(out, callable), `${name}(${xs.map(show).join(', ')})`).toBeNull()
      }),
      { numRuns: runs },
    )
  })

  it('foldAsync rejects bad arguments with its own errors', async () => {
    await expect(library.foldAsync(undefined as never, [])).rejects.toThrow('foldAsync expected `aggregator`')
    await expect(library.foldAsync(library.npsAggregator(), 5 as never)).rejects.toThrow(
      'foldAsync expected `source`',
    )
    await expect(library.foldAsync(library.npsAggregator(), [10, 0])).resolves.toMatchObject({ value: 0 })
  })
})
