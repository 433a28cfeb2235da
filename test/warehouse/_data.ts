// The rows the warehouse tests load into DuckDB and PostgreSQL and fold in memory: the sample surveys
// (examples/data) and a generated set that is hostile on purpose — scores off the scale, between points,
// NaN and missing, as text (`' 10'`, `'N/A'`), instants around daylight-saving transitions in several
// zones, and segment names that are prototype keys, quotes and SQL.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generator } from '../../examples/data/generate.ts'

export interface Row {
  id: string
  survey: 'nps' | 'csat' | 'ces'
  plan: string | null
  answered_at: string | null
  score: number | null
  score_text: string | null
  answered: boolean | null
  /** ACSI's three questions, 1–10. */
  q1: number | null
  q2: number | null
  q3: number | null
}

export const COLUMNS: readonly [keyof Row, string][] = [
  ['id', 'text'],
  ['survey', 'text'],
  ['plan', 'text'],
  ['answered_at', 'timestamptz'],
  ['score', 'double precision'],
  ['score_text', 'text'],
  ['answered', 'boolean'],
  ['q1', 'integer'],
  ['q2', 'integer'],
  ['q3', 'integer'],
]

const PLANS = [
  'starter',
  'growth',
  'enterprise',
  '__proto__',
  'constructor',
  'O\'Brien"; DROP TABLE t; --',
  'Ünïcødé plan',
  null,
]
// Instants near transitions: New York (2024-03-10 07:00Z, 2024-11-03 06:00Z), Lord Howe's half hour
// (2024-04-06 15:00Z, 2024-10-05 15:30Z), month ends in every zone, and two instants far from today.
const HOT = [
  Date.UTC(2024, 2, 10, 7),
  Date.UTC(2024, 10, 3, 6),
  Date.UTC(2024, 3, 6, 15),
  Date.UTC(2024, 9, 5, 15, 30),
  Date.UTC(2024, 2, 31, 23, 30),
  Date.UTC(2024, 5, 30, 18, 45),
  Date.UTC(2024, 11, 31, 23, 59),
  // Outside the span whose offsets the query carries (1970–2100): the engine's zone functions.
  Date.UTC(1965, 5, 30, 23),
  Date.UTC(2150, 0, 1, 2),
]

export function generated(n: number): Row[] {
  const r = generator(20_241_202)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const rows: Row[] = []
  for (let i = 0; i < n; i++) {
    const survey = pick(['nps', 'nps', 'csat', 'ces'] as const)
    const max = survey === 'nps' ? 10 : survey === 'csat' ? 5 : 7
    const u = r()
    const score =
      u < 0.03
        ? null
        : u < 0.04
          ? Number.NaN
          : u < 0.05
            ? max + 1
            : u < 0.055
              ? -1
              : u < 0.06
                ? 2.5
                : Math.floor(r() * (max + 1))
    const v = r()
    const at =
      v < 0.02
        ? null
        : v < 0.3
          ? (pick(HOT) as number) + Math.round((r() - 0.5) * 4 * 3_600_000)
          : Date.UTC(2023, 0, 1) + Math.floor(r() * 730 * 86_400_000)
    const w = r()
    rows.push({
      id: `g${i}`,
      survey,
      plan: pick(PLANS),
      answered_at: at === null ? null : new Date(at).toISOString(),
      score,
      score_text:
        score === null
          ? null
          : w < 0.05
            ? 'N/A'
            : w < 0.1
              ? ` ${score}`
              : Number.isNaN(score)
                ? 'NaN'
                : String(score),
      answered: w < 0.02 ? null : score !== null,
      // Mostly 1–10; now and then missing, or 0 and 11 (off the scale).
      ...Object.fromEntries(
        (['q1', 'q2', 'q3'] as const).map((q) => {
          const x = r()
          return [q, x < 0.02 ? null : x < 0.03 ? pick([0, 11]) : 1 + Math.floor(r() * 10)]
        }),
      ),
    } as Row)
  }
  return rows
}

export function sample(): Row[] {
  const root = resolve(import.meta.dirname, '../..')
  const surveys = JSON.parse(readFileSync(join(root, 'examples/data/surveys.json'), 'utf8')) as {
    id: string
    customerId: string
    survey: 'nps' | 'csat' | 'ces'
    answeredAt: string | null
    score: number | null
  }[]
  return surveys.map((s) => ({
    id: s.id,
    survey: s.survey,
    plan: ['starter', 'growth', 'enterprise'][Number(s.customerId.slice(1)) % 3] as string,
    answered_at: s.answeredAt,
    score: s.score,
    score_text: s.score === null ? null : String(s.score),
    answered: s.answeredAt !== null,
    q1: null,
    q2: null,
    q3: null,
  }))
}

/** The rows as CSV (empty cells are NULL), which both engines load with their own COPY. */
export function writeCsv(path: string, rows: readonly Row[]): void {
  const cell = (x: unknown): string => {
    if (x === null) return ''
    const s = Number.isNaN(x) ? 'NaN' : String(x)
    return /[",\n\r]|^\s|\s$/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s
  }
  const lines = [COLUMNS.map(([c]) => c).join(',')]
  for (const row of rows) lines.push(COLUMNS.map(([c]) => cell(row[c])).join(','))
  writeFileSync(path, `${lines.join('\n')}\n`)
}
