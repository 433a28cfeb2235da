// cx-metrics — customer-relationship KPIs as typed, mergeable aggregators.
// Every export is listed here by name so that bundlers keep only what is imported.

export type { Disambiguation } from './core/_wallClock.ts'
export { accumulate } from './core/accumulate.ts'
export type {
  Accessor,
  Aggregator,
  AnyAggregator,
  InputOf,
  KeyedMap,
  ResultOf,
  StateOf,
} from './core/aggregator.ts'
export { type CombinedInput, type CombinedResult, type CombinedState, combine } from './core/combine.ts'
export { describeResult, type ResultTraits } from './core/describeResult.ts'
export type { InputField, KpiDescriptor, OptionRule, OptionRules, ResultCase } from './core/descriptor.ts'
export { fold } from './core/fold.ts'
export { type AsyncSource, type FoldAsyncOptions, foldAsync } from './core/foldAsync.ts'
export { isKpiError } from './core/isKpiError.ts'
export { KpiError, type KpiErrorCode, type KpiErrorDetails } from './core/KpiError.ts'
export { mapInput } from './core/mapInput.ts'
export { mergeAll } from './core/mergeAll.ts'
export { type DateInput, type ParseInstantOptions, parseInstant } from './core/parseInstant.ts'
export type {
  ConfidenceInterval,
  Excluded,
  ExclusionCounts,
  KpiResult,
  NullReason,
  NumericInput,
  OnInvalid,
  ResultKind,
  ScoreInput,
  Variant,
  VariantValue,
} from './core/result.ts'
export { roundForDisplay } from './core/roundForDisplay.ts'
export type { BgNbdParameters } from './economics/_bgnbd.ts'
export type { GammaGammaParameters } from './economics/_gammaGamma.ts'
export type { RfmInput, RfmRows, RfmTable } from './economics/_rfm.ts'
export type { ShiftedBetaGeometricParameters } from './economics/_sbg.ts'
export {
  type AcquisitionCostOptions,
  type AcquisitionCostOutput,
  type AcquisitionCostResult,
  type AcquisitionCostState,
  type AcquisitionExclusion,
  type AcquisitionRecord,
  acquisitionCost,
  acquisitionCostAggregator,
  acquisitionCostDescriptor,
  type ChannelCost,
  type NewCustomer,
  type SpendRecord,
} from './economics/acquisitionCost.ts'
export {
  type CacPaybackInput,
  type CacPaybackOptions,
  type CacPaybackResult,
  cacPayback,
  type MovementFigures,
} from './economics/cacPayback.ts'
export {
  type CohortLifetimeValueOptions,
  type CohortLifetimeValueResult,
  cohortLifetimeValue,
  type RevenueCohortTable,
} from './economics/cohortLifetimeValue.ts'
export { conditionalExpectedPurchases } from './economics/conditionalExpectedPurchases.ts'
export { conditionalExpectedSpend } from './economics/conditionalExpectedSpend.ts'
export {
  type CustomerLifetimeValueOptions,
  type CustomerSummary,
  type CustomerValue,
  customerLifetimeValue,
} from './economics/customerLifetimeValue.ts'
export { discountedResidualLifetime } from './economics/discountedResidualLifetime.ts'
export { expectedPurchases } from './economics/expectedPurchases.ts'
export { type BgNbdFit, type FitBgNbdOptions, fitBgNbd } from './economics/fitBgNbd.ts'
export { type FitGammaGammaOptions, fitGammaGamma, type GammaGammaFit } from './economics/fitGammaGamma.ts'
export {
  type FitShiftedBetaGeometricOptions,
  fitShiftedBetaGeometric,
  type ShiftedBetaGeometricFit,
} from './economics/fitShiftedBetaGeometric.ts'
export {
  type LifetimeValueInput,
  type LifetimeValueOptions,
  type LifetimeValueResult,
  lifetimeValue,
} from './economics/lifetimeValue.ts'
export {
  type Figure,
  type FigureResult,
  type LtvToCacRatioResult,
  ltvToCacRatio,
} from './economics/ltvToCacRatio.ts'
export { probabilityAlive } from './economics/probabilityAlive.ts'
export { retentionCurve } from './economics/retentionCurve.ts'
export {
  type RfmCustomer,
  type RfmExclusion,
  type RfmSummaryOptions,
  type RfmSummaryResult,
  type RfmSummaryState,
  type RfmUnit,
  rfmSummary,
  rfmSummaryAggregator,
  rfmSummaryDescriptor,
  type Transaction,
} from './economics/rfmSummary.ts'
export { survivalCurve } from './economics/survivalCurve.ts'
export type {
  CodeFrameVersion,
  FeedbackScore,
  Mention,
  NetSentimentSummary,
  NotMeaningfulReason,
  PerLanguage,
  SentimentExclusions,
  SentimentInput,
  ThemeScoreMetric,
  ThemeTag,
} from './feedback/_types.ts'
export {
  type AsyncThemeClassifier,
  type ClassifiedComment,
  type ClassifyCommentsOptions,
  type ClassifyContext,
  classifyComments,
} from './feedback/classifyComments.ts'
export {
  type CodeFrame,
  type CodeFrameInput,
  type CodeFrameTheme,
  codeFrame,
  type FeedbackLanguage,
  type PhraseList,
  type PhrasesByLanguage,
  type ThemeInput,
  type ThemeLabel,
} from './feedback/codeFrame.ts'
export {
  type MentionRepliesOptions,
  type MentionRepliesResult,
  type MentionRepliesState,
  mentionReplies,
  mentionRepliesAggregator,
  mentionRepliesDescriptor,
} from './feedback/mentionReplies.ts'
export {
  type MentionVolumeOptions,
  type MentionVolumeResult,
  type MentionVolumeState,
  mentionVolume,
  mentionVolumeAggregator,
  mentionVolumeDescriptor,
  type PlatformVolume,
} from './feedback/mentionVolume.ts'
export {
  type NetSentimentExclusion,
  type NetSentimentOptions,
  type NetSentimentResult,
  type NetSentimentState,
  netSentiment,
  netSentimentAggregator,
  netSentimentDescriptor,
} from './feedback/netSentiment.ts'
export {
  type BrandVoice,
  type ShareOfVoiceExclusion,
  type ShareOfVoiceOptions,
  type ShareOfVoiceResult,
  type ShareOfVoiceState,
  shareOfVoice,
  shareOfVoiceAggregator,
  shareOfVoiceDescriptor,
} from './feedback/shareOfVoice.ts'
export {
  type CancelledMatch,
  type CommentTags,
  type PhraseMatch,
  type TagCommentOptions,
  tagComment,
} from './feedback/tagComment.ts'
export {
  type ThemeChange,
  type ThemeChangesOptions,
  type ThemeChangesResult,
  type ThemeVolume,
  themeChanges,
} from './feedback/themeChanges.ts'
export {
  type CooccurrenceRow,
  type FeedbackComment,
  type ImpactReason,
  type TagProblems,
  type ThemeClassifier,
  type ThemeRow,
  type ThemeState,
  type ThemesExclusion,
  type ThemesOptions,
  type ThemesResult,
  type ThemesState,
  themes,
  themesAggregator,
  themesDescriptor,
} from './feedback/themes.ts'
export type {
  HealthAccount,
  HealthAccountScore,
  HealthBand,
  HealthComparison,
  HealthDefinition,
  HealthDefinitionInput,
  HealthGate,
  HealthGateHit,
  HealthGoalNormaliser,
  HealthGroup,
  HealthGroupScore,
  HealthKpiNormaliser,
  HealthLinearNormaliser,
  HealthLookupNormaliser,
  HealthMeasure,
  HealthMeasureScore,
  HealthMissing,
  HealthNormaliser,
  HealthResultValue,
  HealthScoreNormaliser,
  HealthTier,
  HealthTiersNormaliser,
  HealthValue,
} from './health/_types.ts'
export {
  explainHealthChange,
  type HealthChange,
  type HealthChangePart,
  type HealthMeasureState,
} from './health/explainHealthChange.ts'
export {
  type HealthAuc,
  type HealthBacktest,
  type HealthBacktestOptions,
  type HealthBacktestVariant,
  type HealthBandOutcome,
  type HealthCalibrationRow,
  type HealthMeasureAuc,
  type HealthOutcome,
  healthBacktest,
} from './health/healthBacktest.ts'
export { healthDefinition } from './health/healthDefinition.ts'
export { type HealthMoversOptions, healthMovers } from './health/healthMovers.ts'
export {
  type HealthRollupChild,
  type HealthRollupOptions,
  type HealthRollupRow,
  healthRollup,
} from './health/healthRollup.ts'
export {
  type HealthBandCount,
  type HealthExclusion,
  type HealthMeasureSummary,
  type HealthPortfolio,
  type HealthScoreOptions,
  type HealthScoreState,
  type HealthScoreStateExclusions,
  type HealthUnscored,
  healthScore,
  healthScoreAggregator,
  healthScoreDescriptor,
} from './health/healthScore.ts'
export {
  type HealthAccountTrend,
  type HealthSnapshot,
  type HealthTrend,
  type HealthTrendOptions,
  type HealthTrendPoint,
  healthTrend,
} from './health/healthTrend.ts'
export {
  type HealthHeldOut,
  type HealthWeightSnapshot,
  type HealthWeightSuggestion,
  type HealthWeightsFitted,
  type HealthWeightsResult,
  type SuggestHealthWeightsOptions,
  type SuggestHealthWeightsVariant,
  suggestHealthWeights,
} from './health/suggestHealthWeights.ts'
export type { CompoundOptions } from './lifecycle/_compound.ts'
export type {
  BillingInterval,
  Discount,
  Subscription,
  SubscriptionExclusion,
  SubscriptionOptions,
  SubscriptionSpan,
  SubscriptionState,
} from './lifecycle/_subscription.ts'
export { annualize } from './lifecycle/annualize.ts'
export {
  type ChurnDenominator,
  type ChurnRateOptions,
  type ChurnRateOutput,
  type ChurnRateResult,
  type ChurnVariant,
  churnRate,
  churnRateAggregator,
  churnRateDescriptor,
} from './lifecycle/churnRate.ts'
export {
  type ActivityEvent,
  type CohortAverage,
  type CohortCell,
  type CohortExclusion,
  type CohortRetentionOptions,
  type CohortRetentionResult,
  type CohortRetentionState,
  type CohortRow,
  cohortRetention,
  cohortRetentionAggregator,
  cohortRetentionDescriptor,
} from './lifecycle/cohortRetention.ts'
export {
  type CustomerLifetime,
  type CustomerLifetimesOptions,
  customerLifetimes,
  customerLifetimesAggregator,
} from './lifecycle/customerLifetimes.ts'
export { deannualize } from './lifecycle/deannualize.ts'
export {
  type GrowthMethod,
  type GrowthOptions,
  type GrowthResult,
  type GrowthState,
  type GrowthUndefined,
  growth,
  growthAggregator,
  growthDescriptor,
} from './lifecycle/growth.ts'
export { type MrrOptions, type MrrResult, mrr, mrrAggregator, mrrDescriptor } from './lifecycle/mrr.ts'
export {
  type CustomerMovement,
  type MovementTotals,
  type MrrMovement,
  type MrrMovementsOptions,
  type MrrMovementsOutput,
  type MrrMovementsResult,
  mrrMovements,
  mrrMovementsAggregator,
  mrrMovementsDescriptor,
} from './lifecycle/mrrMovements.ts'
export {
  type RetentionRateOptions,
  type RetentionRateOutput,
  type RetentionRateResult,
  retentionRate,
  retentionRateAggregator,
  retentionRateDescriptor,
} from './lifecycle/retentionRate.ts'
export {
  type RevenueRetentionOptions,
  type RevenueRetentionOutput,
  type RevenueRetentionResult,
  revenueRetention,
  revenueRetentionAggregator,
  revenueRetentionDescriptor,
} from './lifecycle/revenueRetention.ts'
export {
  type LogRankTest,
  type SurvivalCurve,
  type SurvivalObservation,
  type SurvivalOptions,
  type SurvivalPoint,
  type SurvivalResult,
  type SurvivalState,
  type SurvivalTally,
  survival,
  survivalAggregator,
  survivalDescriptor,
} from './lifecycle/survival.ts'
export type { NpsCounts } from './stats/_npsCounts.ts'
export type { ProportionSample } from './stats/_sample.ts'
export { type AgrestiCoullIntervalOptions, agrestiCoullInterval } from './stats/agrestiCoullInterval.ts'
export { type ClopperPearsonIntervalOptions, clopperPearsonInterval } from './stats/clopperPearsonInterval.ts'
export { compensatedSum } from './stats/compensatedSum.ts'
export { logGamma } from './stats/logGamma.ts'
export { type MeanIntervalOptions, meanInterval, type SampleSummary } from './stats/meanInterval.ts'
export { type NewcombeIntervalOptions, newcombeInterval } from './stats/newcombeInterval.ts'
export { normalCdf } from './stats/normalCdf.ts'
export { normalQuantile } from './stats/normalQuantile.ts'
export { type NpsIntervalMethod, type NpsIntervalOptions, npsInterval } from './stats/npsInterval.ts'
export { type NpsTestOptions, npsTest } from './stats/npsTest.ts'
export { npsVariance } from './stats/npsVariance.ts'
export { type QuantileOptions, quantile } from './stats/quantile.ts'
export { type QuantileMethod, quantileSorted } from './stats/quantileSorted.ts'
export { regularizedIncompleteBeta } from './stats/regularizedIncompleteBeta.ts'
export type { SignificanceTest } from './stats/significance.ts'
export { studentTCdf } from './stats/studentTCdf.ts'
export { studentTQuantile } from './stats/studentTQuantile.ts'
export { type TwoProportionTestOptions, twoProportionTest } from './stats/twoProportionTest.ts'
export { type WaldIntervalOptions, waldInterval } from './stats/waldInterval.ts'
export { type WelchTestOptions, welchTest } from './stats/welchTest.ts'
export { type WilsonIntervalOptions, wilsonInterval } from './stats/wilsonInterval.ts'
export type {
  DurationOptions,
  DurationStatistic,
  DurationStats,
  TargetAttainment,
} from './support/_support.ts'
export {
  type FcrExclusion,
  type FcrMethod,
  type FirstContactResolutionOptions,
  type FirstContactResolutionResult,
  type FirstContactResolutionState,
  firstContactResolution,
  firstContactResolutionAggregator,
  firstContactResolutionDescriptor,
} from './support/firstContactResolution.ts'
export {
  type FirstReplyTimeExclusion,
  type FirstReplyTimeOptions,
  type FirstReplyTimeResult,
  type FirstReplyTimeState,
  firstReplyTime,
  firstReplyTimeAggregator,
  firstReplyTimeDescriptor,
} from './support/firstReplyTime.ts'
export {
  type ResolutionDurations,
  type ResolutionTimeExclusion,
  type ResolutionTimeOptions,
  type ResolutionTimeResult,
  type ResolutionTimeState,
  resolutionTime,
  resolutionTimeAggregator,
  resolutionTimeDescriptor,
} from './support/resolutionTime.ts'
export {
  type SlaAttainmentOptions,
  type SlaAttainmentResult,
  type SlaAttainmentState,
  type SlaExclusion,
  slaAttainment,
  slaAttainmentAggregator,
  slaAttainmentDescriptor,
} from './support/slaAttainment.ts'
export {
  type TicketEvent,
  type TicketStatus,
  type TicketSummariesOptions,
  type TicketSummary,
  ticketSummaries,
} from './support/ticketSummaries.ts'
export type {
  RatingScale,
  SurveyAggregator,
  SurveyExclusion,
  SurveyOptions,
  SurveyResult,
} from './survey/_survey.ts'
export {
  type AccountLevelExclusion,
  type AccountLevelOptions,
  type AccountLevelResult,
  type AccountLevelState,
  type AccountPolicy,
  accountLevel,
} from './survey/accountLevel.ts'
export {
  type AcsiInput,
  type AcsiOptions,
  type AcsiResult,
  type AcsiState,
  acsi,
  acsiAggregator,
  acsiDescriptor,
} from './survey/acsi.ts'
export {
  type CesInput,
  type CesMethod,
  type CesOptions,
  type CesResult,
  type CesState,
  type CesVersion,
  type CustomCesVersion,
  ces,
  cesAggregator,
  cesDescriptor,
} from './survey/ces.ts'
export {
  type CsatInput,
  type CsatMethod,
  type CsatOptions,
  type CsatResult,
  type CsatScale,
  type CsatState,
  csat,
  csatAggregator,
  csatDescriptor,
} from './survey/csat.ts'
export {
  type NpsBuckets,
  type NpsExclusion,
  type NpsIntervalFunction,
  type NpsOptions,
  type NpsResult,
  type NpsState,
  nps,
  npsAggregator,
  npsDescriptor,
} from './survey/nps.ts'
export {
  type ResponseRateInput,
  type ResponseRateOptions,
  type ResponseRateResult,
  type ResponseRateState,
  responseRate,
  responseRateAggregator,
  responseRateDescriptor,
} from './survey/responseRate.ts'
export { reverseScale } from './survey/reverseScale.ts'
export type { CalendarOptions, DateRange, PeriodUnit } from './time/_calendar.ts'
export type { PeriodSelection } from './time/_periodSelection.ts'
export type { PeriodSeries } from './time/_series.ts'
export { addBusinessTime } from './time/addBusinessTime.ts'
export { businessDuration } from './time/businessDuration.ts'
export {
  type BusinessHours,
  businessHours,
  type Holiday,
  type Schedule,
  type ScheduleVersion,
  type Weekday,
  type WeeklyHours,
} from './time/businessHours.ts'
export { type ByKeyOptions, type ByKeyResult, type ByKeyState, byKey, type KeyResult } from './time/byKey.ts'
export {
  type ByPeriodAggregator,
  type ByPeriodOptions,
  type ByPeriodResult,
  type ByPeriodState,
  byPeriod,
  type PeriodInfo,
  type PeriodResult,
} from './time/byPeriod.ts'
export {
  type Comparable,
  type CompareOptions,
  type Comparison,
  compare,
  type Measure,
} from './time/compare.ts'
export { type ComparePeriodsOptions, comparePeriods, type PeriodComparison } from './time/comparePeriods.ts'
export { type ParsedPeriodKey, parsePeriodKey } from './time/parsePeriodKey.ts'
export { periodKey } from './time/periodKey.ts'
export { type PeriodRange, periodRange } from './time/periodRange.ts'
export { periods } from './time/periods.ts'
export { type RollingOptions, type RollingResult, type RollingWindow, rolling } from './time/rolling.ts'
export {
  type TrailingOptions,
  type TrailingResult,
  type TrailingState,
  type TrailingWindow,
  trailing,
} from './time/trailing.ts'
