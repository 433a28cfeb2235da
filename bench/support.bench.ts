// Business durations: 1,000,000 ticket spans of up to 30 days, New York 09:00–17:00 on weekdays with
// holidays (issue targetMs: under 2 s on one core), against a hand-written loop that only subtracts.
import { businessHours } from 'cx-metrics'
import { _newYorkNineToFive } from '../src/time/_testSchedules.ts'
import { compare } from './_harness.ts'

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
  await compare(
    {
      title: 'business durations of 1,000,000 tickets (spans up to 30 days, random order)',
      baseline: 'hand-written loop subtracting the instants',
      cases: {
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
