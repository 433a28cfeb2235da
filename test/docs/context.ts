// The reader's data that doc-comment examples and the guides' snippets refer to by name (`responses`,
// `subscriptions`, `tickets`, `summary`…), bound to the bundled sample data (examples/data), so that
// every snippet type-checks and every example runs against real records.

import * as arquero from 'arquero'
import pgModule from 'pg'
import { loadCdnow } from '../../examples/_cdnow.ts'
import {
  type Customer,
  loadCodeFrame,
  loadSampleData,
  type Mention,
  type SampleData,
  type Ticket as SampleTicket,
  type Subscription,
  type SurveyResponse,
} from '../../examples/_load.ts'
import {
  type AcquisitionCostResult,
  type AcquisitionRecord,
  acquisitionCost,
  type BgNbdFit,
  type BusinessHours,
  businessHours,
  type CodeFrameInput,
  fitBgNbd,
  fitGammaGamma,
  type GammaGammaFit,
  type MrrMovementsResult,
  mrrMovements,
  type RfmSummaryResult,
  rfmSummary,
  type Schedule,
} from '../../src/index.ts'

const data: SampleData = loadSampleData()
const planOf = new Map(data.subscriptions.map((s) => [s.customerId, s.plan]))

/** A survey answer with the fields the examples read. */
export type Row = SurveyResponse & {
  readonly at: string
  readonly nps: number | null
  readonly csat: number | null
  readonly plan: string
}

/** Survey answers (NPS, CSAT and CES), one per offer. */
export const responses: Row[] = data.surveys.map((r) => ({
  ...r,
  at: r.answeredAt ?? r.offeredAt,
  nps: r.survey === 'nps' ? r.score : null,
  csat: r.survey === 'csat' ? r.score : null,
  plan: planOf.get(r.customerId) ?? 'starter',
}))
/** The NPS scores alone. */
export const scores: number[] = responses.flatMap((r) => (r.nps === null ? [] : [r.nps]))
/** The same answers under the other name the examples use. */
export const rows: Row[] = responses
/** Survey offers (answered or not). */
export const offers: Row[] = responses
export const subscriptions: Subscription[] = data.subscriptions
/** A ticket of the sample data. */
export type Ticket = SampleTicket
export const tickets: Ticket[] = data.tickets
/** Orders (the CDNOW purchases), for the guides' custom aggregators. */
export const orders: { at: string; amount: number }[] = loadCdnow().map((t) => ({
  at: String(t.at),
  amount: Number(t.amount ?? 0),
}))
export const customers: Customer[] = data.customers
/** Marketing spend records and new customers, as `acquisitionCost` reads them. */
export const spend: AcquisitionRecord[] = data.spend.map((s) => ({
  at: `${s.month}-01T00:00:00Z`,
  amount: s.amount,
  channel: s.channel,
}))
export const newCustomers: AcquisitionRecord[] = data.customers.map((c) => ({
  customerId: c.id,
  acquiredAt: c.signedUpAt,
  channel: c.channel,
}))
/** The business hours of the examples: New York, Monday–Friday 09:00–17:00, closed on July 4. */
export const schedule: Schedule = {
  name: 'Support (New York)',
  timeZone: 'America/New_York',
  hours: {
    monday: [['09:00', '17:00']],
    tuesday: [['09:00', '17:00']],
    wednesday: [['09:00', '17:00']],
    thursday: [['09:00', '17:00']],
    friday: [['09:00', '17:00']],
  },
  holidays: [{ date: '2024-07-04', name: 'Independence Day' }],
}
export const support: BusinessHours = businessHours(schedule)
/** "Now" for the sample data. */
export const asOf: string = '2026-01-01T00:00:00Z'
export const now: string = asOf
/** CDNOW purchases, their RFM summary and the fitted models. */
export const transactions: ReturnType<typeof loadCdnow> = loadCdnow()
export const summary: RfmSummaryResult = rfmSummary(transactions, { calibrationEnd: '1997-09-30T00:00:00Z' })
export const model: BgNbdFit = fitBgNbd(summary)
export const purchases: BgNbdFit = model
export const spendModel: GammaGammaFit = fitGammaGamma(summary)
/** Two quarters of MRR movements and a CAC figure. */
export const q1: MrrMovementsResult['movements'] = (
  mrrMovements(subscriptions, { period: '2025-Q1', unit: 'quarter' }) as MrrMovementsResult
).movements
export const q2: MrrMovementsResult['movements'] = (
  mrrMovements(subscriptions, { period: '2025-Q2', unit: 'quarter' }) as MrrMovementsResult
).movements
export const cac: AcquisitionCostResult = acquisitionCost([...spend, ...newCustomers], {
  period: '2025-03',
  unit: 'month',
})

/** An open comment with the NPS score of the answer it came with. */
export type Feedback = { at: string; text: string; language: 'pt' | 'en'; score: number | null; plan: string }
const npsOf = new Map(data.surveys.map((r) => [r.id, r.score]))
export const comments: Feedback[] = data.comments.map((c) => ({
  at: c.at,
  text: c.text,
  language: c.language,
  score: npsOf.get(c.responseId) ?? null,
  plan: planOf.get(c.customerId) ?? 'unknown',
}))
export const mentions: Mention[] = data.mentions
export const lumenFrame: CodeFrameInput = loadCodeFrame()

/** arquero, as the notebooks guide imports it. */
export const aq: typeof arquero = arquero

/** node-postgres, as the warehouse guide imports it. */
export const pg: typeof pgModule = pgModule
