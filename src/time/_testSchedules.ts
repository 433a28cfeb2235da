// Schedules shared by the tests, the law registry and the benchmarks (not part of the library's exports).
import type { Schedule } from './businessHours.ts'

const nineToFive = [['09:00', '17:00']] as const

/** New York, Monday to Friday 09:00–17:00, with the given holidays. */
export function _newYorkNineToFive(holidays: Schedule['holidays'] = []): Schedule {
  return {
    name: 'Support (New York)',
    timeZone: 'America/New_York',
    hours: {
      monday: nineToFive,
      tuesday: nineToFive,
      wednesday: nineToFive,
      thursday: nineToFive,
      friday: nineToFive,
    },
    holidays,
  }
}
