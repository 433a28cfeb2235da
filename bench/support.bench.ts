// Business durations: 1,000,000 ticket spans of up to 30 days, New York 09:00–17:00 on weekdays with
// holidays (issue targetMs: under 2 s on one core), against a hand-written loop that only subtracts.
import { businessHours } from 'cx-metrics'
import { _newYorkNineToFive } from '../src/time/_testSchedules.ts'
import { compare } from './_harness.ts'

/**
 * The floor: New York 09:00–17:00 on weekdays as a table of local days, written without the library —
 * each day's midnight and opening hours as instants (from Intl's offsets), the business time before
 * each day — so that a duration is two lookups and two clamps.
 */
function perDayTable(
  from: number,
  count: number,
  holidays: readonly string[],
): (a: number, b: number) => number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  })
  // The instant of a New York wall-clock time: the UTC guess corrected by the offset found there.
  const offset = (t: number): number => {
    const p: Record<string, number> = Object.fromEntries(
      parts.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]),
    )
    const at = (k: string) => p[k] as number
    return (
      Date.UTC(at('year'), at('month') - 1, at('day'), at('hour'), at('minute')) -
      Math.floor(t / 60_000) * 60_000
    )
  }
  const wall = (day: number, hour: number): number => {
    const guess = day * 86_400_000 + hour * 3_600_000
    const t = guess - offset(guess)
    return guess - offset(t)
  }
  const first = Math.floor(from / 86_400_000)
  const midnights = new Float64Array(count + 1)
  const opens = new Float64Array(count)
  const closes = new Float64Array(count)
  const before = new Float64Array(count + 1)
  for (let i = 0; i <= count; i++) midnights[i] = wall(first + i, 0)
  for (let i = 0; i < count; i++) {
    const date = new Date((first + i) * 86_400_000)
    const weekday = date.getUTCDay()
    const open = weekday >= 1 && weekday <= 5 && !holidays.includes(date.toISOString().slice(0, 10))
    opens[i] = wall(first + i, 9)
    closes[i] = open ? wall(first + i, 17) : (opens[i] as number)
    before[i + 1] = (before[i] as number) + (closes[i] as number) - (opens[i] as number)
  }
  const base = midnights[0] as number
  const upTo = (t: number): number => {
    let i = Math.floor((t - base) / 86_400_000)
    if ((midnights[i] as number) > t) i--
    else if ((midnights[i + 1] as number) <= t) i++
    const o = opens[i] as number
    return (before[i] as number) + (t <= o ? 0 : Math.min(t, closes[i] as number) - o)
  }
  return (a, b) => (b > a ? upTo(b) - upTo(a) : 0)
}

export async function run(): Promise<void> {
  const schedule = businessHours(
    _newYorkNineToFive([
      { date: '2024-07-04' },
      { date: '2024-12-25' },
      { date: '2025-01-01' },
      { date: '2025-07-04' },
    ]),
  )
  let seed = 11
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const n = 1_000_000
  const start = Date.UTC(2024, 0, 1)
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    starts[i] = start + Math.floor(random() * 700 * 86_400_000)
    ends[i] = (starts[i] as number) + Math.floor(random() * 30 * 86_400_000)
  }
  const floor = perDayTable(Date.UTC(2023, 11, 30), 760, [
    '2024-07-04',
    '2024-12-25',
    '2025-01-01',
    '2025-07-04',
  ])
  let check = 0
  for (let i = 0; i < 1000; i++)
    check += Math.abs(
      floor(starts[i] as number, ends[i] as number) -
        schedule.duration(starts[i] as number, ends[i] as number),
    )
  if (check !== 0) throw new Error(`the per-day table and businessHours disagree by ${check} ms`)
  await compare(
    {
      title: 'business durations of 1,000,000 tickets (spans up to 30 days, random order)',
      baseline: 'hand-written loop over a precomputed table of business time per local day',
      targets: { 'schedule.duration(start, end)': 2 },
      cases: {
        'hand-written loop over a precomputed table of business time per local day': () => {
          let total = 0
          for (let i = 0; i < n; i++) total += floor(starts[i] as number, ends[i] as number)
          return total
        },
        'hand-written loop subtracting the instants': () => {
          let total = 0
          for (let i = 0; i < n; i++) total += (ends[i] as number) - (starts[i] as number)
          return total
        },
        'schedule.duration(start, end)': () => {
          let total = 0
          for (let i = 0; i < n; i++) total += schedule.duration(starts[i] as number, ends[i] as number)
          return total
        },
      },
    },
    2,
  )
}
