// The least options each KPI needs to run at all, for the tests that call every KPI from its descriptor.
const march = { period: '2024-03', unit: 'month' } as const

export const requiredOptions: Record<string, Record<string, unknown>> = {
  slaAttainment: { targetMs: 3_600_000 },
  churnRate: march,
  retentionRate: march,
  mrrMovements: march,
  revenueRetention: march,
  acquisitionCost: march,
  mrr: { at: '2024-03-01T00:00:00Z' },
  cohortRetention: { unit: 'month', asOf: '2024-06-01T00:00:00Z' },
  rfmSummary: { calibrationEnd: '2024-03-01T00:00:00Z' },
  themes: {
    codeFrame: {
      id: 'required',
      version: '1',
      themes: [{ id: 'price', label: 'Price', phrases: ['price'] }],
    },
  },
  shareOfVoice: { brand: 'Lumen' },
  healthScore: {
    definition: {
      measures: [
        { id: 'a', weight: 20, normaliser: { type: 'score' } },
        { id: 'b', weight: 15, normaliser: { type: 'score' } },
        { id: 'c', weight: 22, normaliser: { type: 'score' } },
      ],
    },
  },
}
