// The support team's business hours in the sample data: São Paulo, Monday to Friday 08:00–18:00 with a
// lunch break, closed on Brazil's national holidays and Carnival.
import type { Schedule } from 'cx-metrics'

const day = [
  ['08:00', '12:00'],
  ['13:00', '18:00'],
] as const

const holidays = [
  '2024-01-01',
  '2024-02-12',
  '2024-02-13',
  '2024-03-29',
  '2024-04-21',
  '2024-05-01',
  '2024-05-30',
  '2024-09-07',
  '2024-10-12',
  '2024-11-02',
  '2024-11-15',
  '2024-11-20',
  '2024-12-25',
  '2025-01-01',
  '2025-03-03',
  '2025-03-04',
  '2025-04-18',
  '2025-04-21',
  '2025-05-01',
  '2025-06-19',
  '2025-09-07',
  '2025-10-12',
  '2025-11-02',
  '2025-11-15',
  '2025-11-20',
  '2025-12-25',
]

export const supportSchedule: Schedule = {
  name: 'Lumen Desk support (São Paulo)',
  timeZone: 'America/Sao_Paulo',
  hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day },
  holidays: holidays.map((date) => ({ date })),
}
