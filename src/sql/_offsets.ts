// A zone's UTC offsets over a span, from the runtime's time-zone data (the same data the time layer
// reads), written into SQL as a balanced CASE: a row's local day is then integer arithmetic on its epoch
// milliseconds — a handful of comparisons instead of the engine's zone conversion, which costs far more
// per row — and agrees with byPeriod even where the warehouse's own zone data is older. Written by hand:
// no library turns a zone's transitions into SQL. Also here: a row's local day from them, and whether its
// instant lies within the span and the range.
import { tzOffset } from '@date-fns/tz/tzOffset'
import { type DateInput, parseInstant } from '../core/parseInstant.ts'
import { _engineDay, _floorDay, _MAX_TIME, _MIN_TIME, type _Params, type SqlDialect } from './_dialects.ts'

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

/** What a windowed query reads of its spec's time: the zone and the range. */
interface Windowed {
  readonly timeZone?: string
  readonly range?: { readonly from: DateInput; readonly to: DateInput }
}

/**
 * The local day number of a row's epoch ms (`NULL` for no instant): from the zone's offsets within the
 * span written into the query — the range with two days either side, or 1970–2100 — and from the
 * engine's zone functions (through the bound `zone`) outside it.
 */
export function _localDay(dialect: SqlDialect, ms: string, ts: string, zone: string, time: Windowed): string {
  const from = time.range === undefined ? null : parseInstant(time.range.from)
  const to = time.range === undefined ? null : parseInstant(time.range.to)
  const [a, b] =
    from !== null && to !== null && from < to
      ? [from - 2 * DAY, to + 2 * DAY]
      : [Date.UTC(1970, 0, 1), Date.UTC(2100, 0, 1)]
  const offsets = _offsets(time.timeZone ?? 'UTC', a, b)
  return `CASE WHEN ${ms} IS NULL THEN NULL WHEN ${ms} < ${a} OR ${ms} >= ${b} THEN ${_engineDay(dialect, ts, zone)} ELSE ${_floorDay(dialect, `${ms} + ${_offsetCase(ms, offsets)}`)} END`
}

/**
 * Where a row's instant lies, as SQL: 2 outside the span the library reads (1900–2200), -1 before the
 * range, 1 from its end (or asOf) on, 0 within — the bounds bound as parameters, in this order.
 */
export function _rangeFlag(
  ms: string,
  params: _Params,
  bounds: { readonly lower: number | null; readonly upper: number | null },
): string {
  return [
    `CASE WHEN ${ms} < ${_MIN_TIME} OR ${ms} >= ${_MAX_TIME} THEN 2`,
    ...(bounds.lower === null ? [] : [`WHEN ${ms} < ${params.add(bounds.lower)} THEN -1`]),
    ...(bounds.upper === null ? [] : [`WHEN ${ms} >= ${params.add(bounds.upper)} THEN 1`]),
    'ELSE 0 END',
  ].join(' ')
}
