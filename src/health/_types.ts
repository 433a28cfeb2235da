// The shapes of a health definition and of what the composer returns. A definition is plain data (it
// can live in a JSON or YAML file); the only non-data part it may hold is a KPI descriptor, itself a
// plain object.
import type { KpiDescriptor } from '../core/descriptor.ts'

/**
 * A comparison in a gate or a tier: `{ lt: 40 }`, `{ gte: 1 }`, `{ eq: 0 }`.
 * @category Health
 */
export interface HealthComparison {
  /** Less than. */
  readonly lt?: number
  /** Less than or equal. */
  readonly lte?: number
  /** Greater than. */
  readonly gt?: number
  /** Greater than or equal. */
  readonly gte?: number
  /** Equal. */
  readonly eq?: number
}

/**
 * One tier of a `'tiers'` normaliser: the values from `min` to `max` earn `score`. By default the top of
 * a tier is inclusive and the bottom exclusive, as in ChurnZero (`(min, max]`); `minInclusive` and
 * `maxInclusive` say otherwise. An absent `min` or `max` is unbounded.
 * @category Health
 */
export interface HealthTier {
  /** Lowest value of the tier. */
  readonly min?: number
  /** Highest value of the tier. */
  readonly max?: number
  /** Whether `min` itself is in the tier. @defaultValue false */
  readonly minInclusive?: boolean
  /** Whether `max` itself is in the tier. @defaultValue true */
  readonly maxInclusive?: boolean
  /** The score, 0–100. */
  readonly score: number
}

/**
 * How a measure's raw value becomes a score from 0 to 100. Which direction is good is always stated,
 * never guessed:
 * - `linear`: min–max, clamped; `better: 'lower'` reverses it (`max` scores 0);
 * - `tiers`: ranges with explicit inclusivity (ChurnZero);
 * - `lookup`: labels to points, Totango's good/average/poor = 100/60/0 by default;
 * - `goal`: percent to goal, `value / target` (or `target / value` when lower is better), capped (Pathlight);
 * - `kpi`: from a KPI's descriptor — its natural bounds and direction (NPS → (NPS + 100) / 2, a proportion
 *   × 100); a KPI with an unbounded side needs `worst`, the value that scores 0;
 * - `score`: the value is already a score from 0 to 100.
 * @category Health
 */
export type HealthNormaliser =
  | HealthLinearNormaliser
  | HealthTiersNormaliser
  | HealthLookupNormaliser
  | HealthGoalNormaliser
  | HealthKpiNormaliser
  | HealthScoreNormaliser

/**
 * Min–max, clamped to 0–100: `min` scores 0 and `max` 100, or the reverse when lower is better.
 * @category Health
 */
export interface HealthLinearNormaliser {
  /** Always `'linear'`. */
  readonly type: 'linear'
  /** The lowest value of the range. */
  readonly min: number
  /** The highest value of the range. */
  readonly max: number
  /** Which direction is good. */
  readonly better: 'higher' | 'lower'
}

/**
 * Ranges of values, each with its score (ChurnZero).
 * @category Health
 */
export interface HealthTiersNormaliser {
  /** Always `'tiers'`. */
  readonly type: 'tiers'
  /** The tiers; they must not overlap. A value in none is invalid. */
  readonly tiers: readonly HealthTier[]
}

/**
 * Labels to points (Totango's good/average/poor).
 * @category Health
 */
export interface HealthLookupNormaliser {
  /** Always `'lookup'`. */
  readonly type: 'lookup'
  /** Each label's score. @defaultValue { good: 100, average: 60, poor: 0 } */
  readonly points?: { readonly [label: string]: number }
}

/**
 * Percent to goal (Pathlight): `100 × value / target`, or `100 × target / value` when lower is better.
 * @category Health
 */
export interface HealthGoalNormaliser {
  /** Always `'goal'`. */
  readonly type: 'goal'
  /** The goal, above 0. */
  readonly target: number
  /** Which direction is good. */
  readonly better: 'higher' | 'lower'
  /** The highest score. @defaultValue 100 */
  readonly cap?: number
}

/**
 * From a KPI's descriptor: its natural bounds and direction under its options (NPS → (NPS + 100) / 2,
 * a proportion × 100, a CSAT mean on its scale).
 * @category Health
 */
export interface HealthKpiNormaliser {
  /** Always `'kpi'`. */
  readonly type: 'kpi'
  /** The KPI's descriptor (`npsDescriptor`, …). */
  readonly descriptor: KpiDescriptor
  /** The KPI's options, where they change its bounds or direction (a CSAT `method`). */
  readonly options?: object
  /** The value that scores 0, needed where the KPI is unbounded on its bad side (durations, counts). */
  readonly worst?: number
}

/**
 * The value is already a score from 0 to 100.
 * @category Health
 */
export interface HealthScoreNormaliser {
  /** Always `'score'`. */
  readonly type: 'score'
}

/**
 * A measure of a health definition.
 * @category Health
 */
export interface HealthMeasure {
  /** Its id: the key of its value in each account's `values`. */
  readonly id: string
  /** A label for reports. */
  readonly label?: string
  /** Its weight within its group: any non-negative number; weights are normalised. */
  readonly weight: number
  /** How its value becomes a score. */
  readonly normaliser: HealthNormaliser
  /** The group it belongs to, when the definition has groups. */
  readonly group?: string
  /** How a missing value is treated, instead of the definition's `missing`. */
  readonly missing?: HealthMissing
}

/**
 * A group of measures (a Gainsight measure group, a Totango dimension) with its weight across groups.
 * @category Health
 */
export interface HealthGroup {
  /** Its id. */
  readonly id: string
  /** A label for reports. */
  readonly label?: string
  /** Its weight across groups: any non-negative number; weights are normalised. */
  readonly weight: number
}

/**
 * A band of the score: from `min` to `max`, by default `[min, max)` — except a band ending at 100,
 * which includes it. The bands must cover 0–100 without gaps or overlaps.
 * @category Health
 */
export interface HealthBand {
  /** Its id (`'red'`, `'poor'`…). */
  readonly id: string
  /** A label for reports. */
  readonly label?: string
  /** Lowest score of the band. */
  readonly min: number
  /** Highest score of the band. */
  readonly max: number
  /** Whether `min` itself is in the band. @defaultValue true */
  readonly minInclusive?: boolean
  /** Whether `max` itself is in the band. @defaultValue `max === 100` */
  readonly maxInclusive?: boolean
}

/**
 * A rule applied after the weighted score (Totango's "any poor → poor", "an open escalation caps the
 * score at 40"): when its condition holds, the score is capped at `cap`, raised to `floor`, or set to
 * `set`. The condition reads one measure (`measure`) or any measure (`anyMeasure: true`), on its raw
 * value (`on: 'value'`) or its score (`on: 'score'`, the default).
 * @category Health
 */
export interface HealthGate {
  /** Its id, named in each result it changed. */
  readonly id: string
  /** The measure it reads. */
  readonly measure?: string
  /** Read every measure: the gate applies when any one meets the condition. */
  readonly anyMeasure?: boolean
  /** Whether the condition is on the raw value or the score. @defaultValue 'score' */
  readonly on?: 'value' | 'score'
  /** The condition. */
  readonly when: HealthComparison
  /** The highest the score can be when it applies. */
  readonly cap?: number
  /** The lowest the score can be when it applies. */
  readonly floor?: number
  /** The score when it applies. */
  readonly set?: number
}

/**
 * What a missing value counts as: left out with the weights renormalised over the measures present
 * (Gainsight and Totango, the default), 0, or a neutral score (`neutralScore`, 50 by default:
 * Planhat's neutral start).
 * @category Health
 */
export type HealthMissing = 'exclude' | 'zero' | 'neutral'

/**
 * A health definition: plain data, validated once by {@link healthDefinition} (and by
 * {@link healthScore} on each call).
 * @category Health
 */
export interface HealthDefinitionInput {
  /** Its id, echoed in results. */
  readonly id?: string
  /** Its version, echoed in results: scores of different versions are not comparable. */
  readonly version?: string
  /** The measures. */
  readonly measures: readonly HealthMeasure[]
  /** The groups, when measures are grouped; every measure then names one. */
  readonly groups?: readonly HealthGroup[]
  /** The bands. @defaultValue red [0, 40), yellow [40, 70), green [70, 100] */
  readonly bands?: readonly HealthBand[]
  /** The gates, applied in order after the weighted score. */
  readonly gates?: readonly HealthGate[]
  /** What a missing value counts as. @defaultValue 'exclude' */
  readonly missing?: HealthMissing
  /** The score of a missing value under `'neutral'`. @defaultValue 50 */
  readonly neutralScore?: number
  /**
   * The least share of the total weight (0–1) that must be present; below it the score is `null`
   * with `reason: 'low-coverage'`. @defaultValue 0 (any measure present)
   */
  readonly minCoverage?: number
}

/**
 * A definition after {@link healthDefinition}: every default filled in, weights as given.
 * @category Health
 */
export interface HealthDefinition {
  /** Always `'health-definition'`. */
  readonly kind: 'health-definition'
  /** Its id (`''` when none was given). */
  readonly id: string
  /** Its version (`''` when none was given). */
  readonly version: string
  /** The measures. */
  readonly measures: readonly HealthMeasure[]
  /** The groups (`[]` when the measures are not grouped). */
  readonly groups: readonly HealthGroup[]
  /** The bands. */
  readonly bands: readonly HealthBand[]
  /** The gates. */
  readonly gates: readonly HealthGate[]
  /** What a missing value counts as. */
  readonly missing: HealthMissing
  /** The score of a missing value under `'neutral'`. */
  readonly neutralScore: number
  /** The least share of the weight that must be present. */
  readonly minCoverage: number
}

/**
 * A measure's value for one account: a number, a label (for `lookup`), `null`/absent when missing, or
 * one of the library's results (its `value` is read).
 * @category Health
 */
export type HealthValue = number | string | null | undefined | HealthResultValue

/**
 * One of the library's results, as a measure's value: its `value` is read.
 * @category Health
 */
export interface HealthResultValue {
  /** The result's value, or `null`. */
  readonly value: number | null
}

/**
 * One account as {@link healthScore} reads it.
 * @category Health
 */
export interface HealthAccount {
  /** The account. */
  readonly accountId: string | number
  /** Its measures' values, by measure id. */
  readonly values: { readonly [measure: string]: HealthValue }
  /** Its segment, to choose among `definitions`. */
  readonly segment?: string
}

/**
 * How one measure scored for one account.
 * - `present`: a usable value, normalised;
 * - `missing`: no value (treated by the `missing` policy);
 * - `invalid`: a value the normaliser cannot read (not a finite number, a label not in `lookup`, a value
 *   in no tier); treated like a missing one, and counted apart.
 * @category Health
 */
export interface HealthMeasureScore {
  /** The measure. */
  readonly id: string
  /** Its group (`''` without groups). */
  readonly group: string
  /** The raw value read (a number or a label), or `null`. */
  readonly value: number | string | null
  /** Its score, 0–100: the normalised value, or what the missing policy gave; `null` when left out. */
  readonly score: number | null
  /** Whether the value was present, missing or invalid. */
  readonly status: 'present' | 'missing' | 'invalid'
  /** Its effective weight in the score, 0–1, after renormalisation; the weights add up to 1. */
  readonly weight: number
  /** Its contribution in points: `weight × score`. The contributions add up to `weighted`. */
  readonly contribution: number
}

/**
 * How one group scored for one account.
 * @category Health
 */
export interface HealthGroupScore {
  /** The group. */
  readonly id: string
  /** Its score, 0–100 (the weighted mean of its measures), or `null` when none counted. */
  readonly score: number | null
  /** Its effective weight across groups, 0–1. */
  readonly weight: number
  /** Its contribution in points. */
  readonly contribution: number
}

/**
 * A gate that changed a score.
 * @category Health
 */
export interface HealthGateHit {
  /** The gate. */
  readonly id: string
  /** The score before it. */
  readonly from: number
  /** The score after it. */
  readonly to: number
}

/**
 * One account's health: the score, its band, and everything behind it.
 * @category Health
 */
export interface HealthAccountScore {
  /** The account. */
  readonly accountId: string
  /** Its segment, or `null`. */
  readonly segment: string | null
  /** The score, 0–100, after gates; `null` (see `reason`) when too little is known. */
  readonly value: number | null
  /** Why `value` is null: no measure counted (`'no-data'`) or too little weight present (`'low-coverage'`). */
  readonly reason: 'no-data' | 'low-coverage' | null
  /** The weighted score before gates: the sum of the measures' contributions. */
  readonly weighted: number | null
  /** Its band, or `null`. */
  readonly band: string | null
  /** The share of the total weight whose values were present, 0–1. */
  readonly coverage: number
  /** Every measure, in the definition's order. */
  readonly measures: readonly HealthMeasureScore[]
  /** Every group, in the definition's order. */
  readonly groups: readonly HealthGroupScore[]
  /** The gates that changed the score, in the order applied. */
  readonly gates: readonly HealthGateHit[]
}
