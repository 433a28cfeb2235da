// The bundle-size budget of every runtime export that is measured (minified + gzip), read by the
// tree-shaking test and checked against the descriptors by test/inventory.test.ts.

/**
 * Budgets in bytes, minified and gzipped: today's sizes + 3 %, rounded up to 50 B (docs/performance.md).
 * The target for a single survey KPI is 3 KB; `nps` is at 3.54 KB, of which the option resolver, its
 * unknown-key suggestions and the `variant`/`reason` of the result are about 0.75 KB (the descriptor
 * itself, and its option docs, stay out of the bundle). KPIs that read timestamps carry the zone offset
 * lookup of `inputTimeZone` (about 0.7 KB); states keyed by user ids carry the index of their keyed
 * maps (about 0.3 KB).
 */
export const budgets: Record<string, number> = {
  fold: 650,
  combine: 650,
  foldAsync: 1500, // with the synchronous drain of Node streams and chunks
  parseInstant: 1600,
  wilsonInterval: 1450,
  npsInterval: 3700,
  twoProportionTest: 1900,
  welchTest: 2700,
  // The time layer carries date-fns and @date-fns/tz (about 4 KB of it).
  periodKey: 5700,
  byPeriod: 7850, // with the starts of the period keys it has seen
  byKey: 1700, // 1.58 KB: with the index of its keyed state (about 0.3 KB)
  rolling: 1300,
  trailing: 4550,
  compare: 4100,
  // Survey KPIs. nps is over the 3 KB of its issue (see above); csat and ces carry four and three methods,
  // six scales and the t distribution of their mean's interval.
  nps: 3650,
  csat: 5450,
  acsi: 2650,
  ces: 5650,
  responseRate: 3050,
  accountLevel: 4050,
  roundForDisplay: 650,
  // Support KPIs load the business-hours engine (date-fns and @date-fns/tz) for their schedule option.
  // The business-hours engine keeps a dense table of local days (the durations' fast path).
  businessDuration: 6050,
  firstReplyTime: 9750, // with the recorded schedule and its merge check
  resolutionTime: 10_100, // its result built from a summary of the durations, which the warehouse reuses
  firstContactResolution: 5500,
  ticketSummaries: 3500, // 3.37 KB: with the KpiError for an event it cannot place
  slaAttainment: 9100,
  // Lifecycle KPIs over periods carry the calendar (date-fns and @date-fns/tz); the snapshot, the
  // compounding helpers, growth and survival do not.
  churnRate: 11_750,
  retentionRate: 11_250,
  mrrMovements: 11_500,
  revenueRetention: 12_000,
  cohortRetention: 12_600, // 11.91 KB: with members listed by id
  mrr: 5950,
  customerLifetimes: 6450,
  annualize: 1050,
  deannualize: 1100,
  growth: 2300,
  survival: 4900,
  // Money figures of unit economics carry decimal.js (about 13 KB); the predictive models carry neither
  // it nor the calendar.
  acquisitionCost: 23_200,
  lifetimeValue: 15_300,
  ltvToCacRatio: 14_100,
  cacPayback: 15_300,
  cohortLifetimeValue: 1350,
  rfmSummary: 9100, // 8.59 KB: with the recorded zone and its merge check
  fitBgNbd: 2400,
  expectedPurchases: 850,
  conditionalExpectedPurchases: 1000,
  probabilityAlive: 650,
  fitGammaGamma: 2850,
  conditionalExpectedSpend: 600,
  customerLifetimeValue: 2400,
  fitShiftedBetaGeometric: 2050,
  survivalCurve: 650,
  retentionCurve: 650,
  discountedResidualLifetime: 1100,
  // Feedback: themes carries the three survey instruments that can score a theme (nps, csat, ces: its
  // score is the instrument's own number and interval) and the tagger.
  themes: 14650,
  codeFrame: 2450,
  tagComment: 5050,
  themeChanges: 2800,
  classifyComments: 3600,
  netSentiment: 3400,
  shareOfVoice: 4100,
  mentionVolume: 2650,
  // mentionReplies measures reply times as firstReplyTime does (business hours, zones).
  mentionReplies: 10_350,
  // Health: the composer checks a definition (every normaliser, gate and band) before it scores.
  healthScore: 7350,
}
