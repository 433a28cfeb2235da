// A zone's UTC offsets over a span, from the runtime's time-zone data (the same data the time layer
// reads), written into SQL as a balanced CASE: a row's local day is then integer arithmetic on its epoch
// milliseconds — a handful of comparisons instead of the engine's zone conversion, which costs far more
// per row — and agrees with byPeriod even where the warehouse's own zone data is older. Written by hand:
// no library turns a zone's transitions into SQL.
import { tzOffset } from '@date-fns/tz/tzOffset'

const DAY = 86_400_000

/** The offset in ms from each instant on (the first one from `from`), until the next. */
export interface _Offsets {
  readonly from: number
  readonly to: number
  readonly starts: readonly number[]
  readonly offsets: readonly number[]
}

let cache: Map<string, _Offsets> | undefined

const offsetAt = (zone: string, t: number): number => Math.round(tzOffset(zone, new Date(t)) * 60_000)

/**
 * The offsets of `zone` over [from, to): probed daily, each change found to the millisecond by
 * bisection. (Every zone has kept each offset for longer than a day since the tz database began.)
 */
export function _offsets(zone: string, from: number, to: number): _Offsets {
  const key = `${zone} ${from} ${to}`
  cache ??= new Map()
  const known = cache.get(key)
  if (known !== undefined) return known
  const starts = [from]
  const offsets = [offsetAt(zone, from)]
  let before = offsets[0] as number
  for (let t = from + DAY; t < to + DAY; t += DAY) {
    const probe = Math.min(t, to - 1)
    const now = offsetAt(zone, probe)
    if (now !== before) {
      let lo = probe - DAY
      let hi = probe
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2)
        if (offsetAt(zone, mid) === before) lo = mid
        else hi = mid
      }
      starts.push(hi)
      offsets.push(now)
      before = now
    }
    if (probe === to - 1) break
  }
  const found = { from, to, starts, offsets }
  cache.set(key, found)
  return found
}

/** A balanced CASE over `ms` giving the offset in ms (integer literals the library computed). */
export function _offsetCase(ms: string, o: _Offsets): string {
  const node = (lo: number, hi: number): string => {
    if (lo === hi) return String(o.offsets[lo])
    const mid = Math.ceil((lo + hi) / 2)
    return `CASE WHEN ${ms} < ${o.starts[mid]} THEN ${node(lo, mid - 1)} ELSE ${node(mid, hi)} END`
  }
  return node(0, o.starts.length - 1)
}
