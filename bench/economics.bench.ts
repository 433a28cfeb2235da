// Predictive CLV: the model fits on CDNOW (issue targetMs: under 1 s), and an RFM summary of 1,000,000
// transactions against a hand-written single pass and arquero.
import * as aq from 'arquero'
import { fitBgNbd, fitGammaGamma, fitShiftedBetaGeometric, rfmSummary } from 'cx-metrics'
import { loadCdnow } from '../examples/_cdnow.ts'
import { compare } from './_harness.ts'

const DAY = 86_400_000

interface Purchase {
  customerId: string
  at: number
  amount: number
}

function generate(n: number): Purchase[] {
  let seed = 5
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const start = Date.UTC(2024, 0, 1)
  return Array.from({ length: n }, () => ({
    customerId: `C${Math.floor(random() * 100_000)}`,
    at: start + Math.floor(random() * 730) * DAY + Math.floor(random() * DAY),
    amount: Math.round(random() * 20_000) / 100,
  }))
}

const calibrationEnd = Date.UTC(2025, 5, 30)

/** The same summary by hand: merge days per customer in a map, then x, t_x, T and m_x. */
function hand(rows: readonly Purchase[]): { id: string; x: number; tx: number; T: number; m: number }[] {
  const last = Math.floor(calibrationEnd / DAY)
  const byCustomer = new Map<string, Map<number, number>>()
  for (const r of rows) {
    const day = Math.floor(r.at / DAY)
    if (day > last) continue
    let days = byCustomer.get(r.customerId)
    if (days === undefined) {
      days = new Map()
      byCustomer.set(r.customerId, days)
    }
    days.set(day, (days.get(day) ?? 0) + Math.round(r.amount * 100))
  }
  const out: { id: string; x: number; tx: number; T: number; m: number }[] = []
  for (const [id, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b)
    const first = sorted[0] as number
    let sum = 0
    for (let i = 1; i < sorted.length; i++) sum += days.get(sorted[i] as number) as number
    const x = sorted.length - 1
    out.push({
      id,
      x,
      tx: x === 0 ? 0 : ((sorted[x] as number) - first) / 7,
      T: (last - first) / 7,
      m: x === 0 ? 0 : sum / x / 100,
    })
  }
  return out
}

/** The same summary in arquero: a day column, a group-by per customer and day, then per customer. */
function arquero(rows: readonly Purchase[]) {
  const last = Math.floor(calibrationEnd / DAY)
  return aq
    .table({
      customerId: rows.map((r) => r.customerId),
      day: rows.map((r) => Math.floor(r.at / DAY)),
      amount: rows.map((r) => r.amount),
    })
    .params({ last })
    .filter((d: { day: number }, $: { last: number }) => d.day <= $.last)
    .groupby('customerId', 'day')
    .rollup({ amount: aq.op.sum('amount') })
    .groupby('customerId')
    .orderby('day')
    .derive({ occasion: () => aq.op.row_number() })
    .rollup({
      first: aq.op.min('day'),
      lastDay: aq.op.max('day'),
      x: (d: { occasion: number }) => aq.op.sum(d.occasion > 1 ? 1 : 0),
      repeatTotal: (d: { occasion: number; amount: number }) => aq.op.sum(d.occasion > 1 ? d.amount : 0),
    })
    .objects()
}

export async function run(): Promise<void> {
  const transactions = loadCdnow()
  const summary = rfmSummary(transactions, { calibrationEnd: '1997-09-30T00:00:00Z' })
  await compare({
    title: 'Model fits on CDNOW (2,357 customers; targetMs: under 1 s)',
    baseline: 'rfmSummary of the 6,919 transactions',
    cases: {
      'rfmSummary of the 6,919 transactions': () =>
        rfmSummary(transactions, { calibrationEnd: '1997-09-30T00:00:00Z' }),
      'fitBgNbd(summary)': () => fitBgNbd(summary),
      'fitGammaGamma(summary)': () => fitGammaGamma(summary),
      'fitShiftedBetaGeometric (8 counts)': () =>
        fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]),
    },
  })

  const rows = generate(1_000_000)
  await compare({
    title: 'RFM summary of 1,000,000 transactions (100,000 customers, two years, UTC days)',
    baseline: 'hand-written single pass',
    cases: {
      'hand-written single pass': () => hand(rows),
      'rfmSummary(rows)': () => rfmSummary(rows, { calibrationEnd }),
    },
  })
  await compare(
    {
      title: 'The same summary in arquero (one round)',
      baseline: 'rfmSummary(rows)',
      cases: {
        'rfmSummary(rows)': () => rfmSummary(rows, { calibrationEnd }),
        arquero: () => arquero(rows),
      },
    },
    1,
  )
}
