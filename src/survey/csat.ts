import { _accessorAndOptions } from '../core/_args.ts'
import { _number, _rangeError, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _sameMaker } from '../core/_made.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _MIN_N, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult, ScoreInput } from '../core/result.ts'
import { _momentsAdd, _momentsMean, _momentsMerge, _sampleVariance } from '../stats/_moments.ts'
import { agrestiCoullInterval } from '../stats/agrestiCoullInterval.ts'
import { meanInterval } from '../stats/meanInterval.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import {
  _score,
  _surveyExcluded,
  type RatingScale,
  type SurveyAggregator,
  type SurveyExclusion,
  type SurveyOptions,
} from './_survey.ts'

/**
 * The rating scale: a named one, `'binary'` (good/bad: `true`/`false`, `'good'`/`'bad'` or 1/0), or a
 * custom `{ min, max }` of whole points.
 * @category Survey
 */
export type CsatScale = '1-5' | '1-3' | '1-7' | '1-10' | '0-10' | 'binary' | RatingScale

/**
 * How CSAT is aggregated (spec §2.1):
 * - `'top-box'` (default): share of responses at or above `satisfiedThreshold` (4 and 5 on 1–5).
 * - `'binary'`: Zendesk's good / (good + bad), every score below the threshold being bad.
 * - `'mean'`: mean rating, in the scale's points, with a t-interval.
 * - `'normalized-mean'`: sum of scores / (n × max), 0…1.
 * @category Survey
 */
export type CsatMethod = 'top-box' | 'binary' | 'mean' | 'normalized-mean'

/**
 * Options of {@link csat}.
 * @category Survey
 */
export interface CsatOptions extends SurveyOptions {
  /**
   * The rating scale.
   * @defaultValue '1-5'
   */
  readonly scale?: CsatScale
  /**
   * The aggregation.
   * @defaultValue 'top-box'
   */
  readonly method?: CsatMethod
  /**
   * Scores at or above it are satisfied.
   * @defaultValue 4 on 1–5, 3 on 1–3, 6 on 1–7, 9 on 1–10 and 0–10, 1 on binary; required for a custom scale
   */
  readonly satisfiedThreshold?: number
  /**
   * Scores at or below it are dissatisfied; those between the thresholds are neutral.
   * @defaultValue 2 on 1–5, 1 on 1–3, 3 on 1–7, 6 on 1–10 and 0–10, 0 on binary; required for a custom scale
   */
  readonly dissatisfiedThreshold?: number
  /**
   * For `'top-box'`: neutral responses stay in the denominator (`'include'`, the standard) or are left
   * out, giving satisfied / (satisfied + dissatisfied) (`'exclude'`, a non-standard variant).
   * @defaultValue 'include'
   */
  readonly neutral?: 'include' | 'exclude'
  /**
   * The interval of a share: Wilson, or Agresti–Coull (MeasuringU's "adjusted Wald").
   * @defaultValue 'wilson'
   */
  readonly interval?: 'wilson' | 'agresti-coull' | 'none'
  /**
   * `lowSample` is set when the interval's half-width exceeds it, in the unit of `value`.
   * @defaultValue 0.1 for shares (10 points), 5 % of the scale's range for means
   */
  readonly lowSampleHalfWidth?: number
}

/**
 * The result of {@link csat}.
 * @category Survey
 */
export interface CsatResult extends KpiResult<'csat', SurveyExclusion> {
  /** How {@link compare} compares two results: `'proportion'` for shares, `'mean'` for means. */
  readonly measure: 'proportion' | 'mean'
  /** The aggregation used. */
  readonly method: CsatMethod
  /** The rating scale, as `{ min, max }`. */
  readonly ratingScale: RatingScale
  /** Responses at or above the satisfied threshold. */
  readonly satisfied: number
  /** Responses between the thresholds. */
  readonly neutral: number
  /** Responses at or below the dissatisfied threshold (for `'binary'`: every response below the satisfied threshold). */
  readonly dissatisfied: number
  /** For shares: the numerator (satisfied or good), for comparisons. */
  readonly successes: number
  /** Mean rating, or `null` without responses. */
  readonly mean: number | null
  /** Sample standard deviation of `value` for means (`null` otherwise or below two responses). */
  readonly standardDeviation: number | null
  /** The interval of `value`; `null` without data or with `interval: 'none'`. */
  readonly ci: ConfidenceInterval | null
  /** True below `minN`, or when the interval is wider than ± `lowSampleHalfWidth`. */
  readonly lowSample: boolean
}

/**
 * The state of {@link csatAggregator}.
 * @category Survey
 */
export interface CsatState {
  /** The scale and thresholds that sorted the ratings, as JSON; states of other ones are not merged. */
  made: string
  /** Satisfied, neutral, dissatisfied responses. */
  counts: [number, number, number]
  /** Count, sum and sum of squares of the ratings (whole points: exact in any order). */
  moments: [n: number, sum: number, sumOfSquares: number]
  /** Responses left out, by reason. */
  excluded: ExclusionCounts<SurveyExclusion>
}

const NAMED: Record<string, [min: number, max: number, satisfied: number, dissatisfied: number]> = {
  '1-5': [1, 5, 4, 2],
  '1-3': [1, 3, 3, 1],
  '1-7': [1, 7, 6, 3],
  '1-10': [1, 10, 9, 6],
  '0-10': [0, 10, 9, 6],
  binary: [0, 1, 1, 0],
}

/**
 * A CSAT answer: a score, or for the binary scale `true`/`false` or `'good'`/`'bad'`.
 * @category Survey
 */
export type CsatInput = ScoreInput | boolean

const RULES = {
  level: _LEVEL,
  minN: _MIN_N,
  onInvalid: _ON_INVALID,
  scale: {
    type: 'enum',
    values: ['1-5', '1-3', '1-7', '1-10', '0-10', 'binary'],
    also: 'object',
    default: '1-5',
    expected: "one of '1-5', '1-3', '1-7', '1-10', '0-10', 'binary' or { min, max }",
    fields: {
      min: { type: 'number' },
      max: { type: 'number' },
    },
  },
  method: {
    type: 'enum',
    values: ['top-box', 'binary', 'mean', 'normalized-mean'],
    default: 'top-box',
  },
  satisfiedThreshold: { type: 'number' },
  dissatisfiedThreshold: {
    type: 'number',
  },
  neutral: {
    type: 'enum',
    values: ['include', 'exclude'],
    default: 'include',
  },
  interval: {
    type: 'enum',
    values: ['wilson', 'agresti-coull', 'none'],
    default: 'wilson',
  },
  lowSampleHalfWidth: {
    type: 'number',
    min: 0,
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  'scale.min': 'Lowest rating.',
  'scale.max': 'Highest rating.',
  scale: 'The rating scale: a named one, binary (good/bad), or { min, max } of whole points.',
  method: 'Top-2-box share, good/(good+bad), mean rating, or normalised mean.',
  satisfiedThreshold: 'Scores at or above it are satisfied (default by scale).',
  dissatisfiedThreshold: 'Scores at or below it are dissatisfied (default by scale).',
  neutral: 'For top-box: neutral responses stay in the denominator (standard) or are left out.',
  interval: 'The interval of a share.',
  lowSampleHalfWidth:
    '`lowSample` is set when the interval is wider than ± this (default 0.1 for shares, 5 % of the scale for means).',
}

/**
 * What {@link csat} computes, as data: its input, options, unit, range and direction.
 * @category Survey
 */
export const csatDescriptor: KpiDescriptor = {
  id: 'csat',
  title: 'Customer Satisfaction Score',
  category: 'survey',
  input: { kind: 'score', fields: {} },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['satisfied', 'neutral', 'dissatisfied', 'mean', 'standardDeviation'],
    numerator: 'satisfied',
    cases: [
      { when: { method: 'mean' }, unit: 'score', measure: 'mean', bounds: [1, 5] },
      { when: { method: 'mean', scale: '1-3' }, bounds: [1, 3] },
      { when: { method: 'mean', scale: '1-7' }, bounds: [1, 7] },
      { when: { method: 'mean', scale: '1-10' }, bounds: [1, 10] },
      { when: { method: 'mean', scale: '0-10' }, bounds: [0, 10] },
      { when: { method: 'mean', scale: 'binary' }, bounds: [0, 1] },
      { when: { method: 'mean', scale: 'custom' }, bounds: [null, null] },
      { when: { method: 'normalized-mean' }, measure: 'mean' },
    ],
  },
  periodModel: 'bucket',
  compute: csat,
  aggregator: csatAggregator,
}

/**
 * The aggregator behind {@link csat}, for windows, segments, streams, stored states and
 * {@link accountLevel}.
 * @category Survey
 */
export function csatAggregator(options?: CsatOptions): SurveyAggregator<CsatInput, CsatState, CsatResult>
export function csatAggregator<T>(
  accessor: Accessor<T, CsatInput>,
  options?: CsatOptions,
): SurveyAggregator<T, CsatState, CsatResult>
/* @__NO_SIDE_EFFECTS__ */
export function csatAggregator<T>(
  accessorOrOptions?: Accessor<T, CsatInput> | CsatOptions,
  maybeOptions?: CsatOptions,
): SurveyAggregator<T, CsatState, CsatResult> {
  const fn = 'csat'
  const [accessor, options] = _accessorAndOptions<Accessor<T, CsatInput>, CsatOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const { level, minN, onInvalid, method, interval } = o
  const named = typeof o.scale === 'string'
  const scaleName = o.scale
  let min: number
  let max: number
  let satisfiedAt: number
  let dissatisfiedAt: number
  if (named) {
    ;[min, max, satisfiedAt, dissatisfiedAt] = NAMED[scaleName as string] as [number, number, number, number]
  } else {
    const custom = o.scale as { min: number; max: number }
    min = _number(fn, 'options.scale.min', custom.min)
    max = _number(fn, 'options.scale.max', custom.max, min + 1)
    if (o.satisfiedThreshold === undefined || o.dissatisfiedThreshold === undefined) {
      throw _typeError(
        fn,
        'options.satisfiedThreshold',
        'given (with dissatisfiedThreshold) for a custom scale',
        o.satisfiedThreshold,
      )
    }
    satisfiedAt = max
    dissatisfiedAt = min
  }
  if (o.satisfiedThreshold !== undefined)
    satisfiedAt = _number(fn, 'options.satisfiedThreshold', o.satisfiedThreshold, min, max)
  if (o.dissatisfiedThreshold !== undefined)
    dissatisfiedAt = _number(fn, 'options.dissatisfiedThreshold', o.dissatisfiedThreshold, min, max)
  if (dissatisfiedAt >= satisfiedAt) {
    throw _rangeError(
      fn,
      'options.dissatisfiedThreshold',
      `below the satisfied threshold ${satisfiedAt}`,
      dissatisfiedAt,
    )
  }
  const neutralPolicy = o.neutral
  const made = JSON.stringify({
    scale: [min, max],
    satisfiedThreshold: satisfiedAt,
    dissatisfiedThreshold: dissatisfiedAt,
  })
  const isShare = method === 'top-box' || method === 'binary'
  const threshold =
    o.lowSampleHalfWidth ?? (isShare ? 0.1 : (0.05 * (max - min)) / (method === 'normalized-mean' ? max : 1))
  const read = accessor as Accessor<T, unknown> | undefined
  const raw = (item: T, index: number): unknown => {
    const x = read === undefined ? item : read(item, index)
    if (scaleName !== 'binary') return x
    return x === true || x === 'good' ? 1 : x === false || x === 'bad' ? 0 : x
  }
  const score = (item: T, index: number) => _score(raw(item, index), min, max, true)
  const tally = (state: CsatState, x: number): CsatState => {
    state.counts[x >= satisfiedAt ? 0 : x > dissatisfiedAt ? 1 : 2]++
    _momentsAdd(state.moments, x)
    return state
  }

  return {
    kpi: fn,
    score,
    tally,
    init: () => ({ made, counts: [0, 0, 0], moments: [0, 0, 0], excluded: _surveyExcluded() }),
    add: (state, item, index) => {
      const x = score(item, index)
      if (typeof x === 'number') return tally(state, x)
      _exclude(state.excluded, x, onInvalid, fn, index, raw(item, index))
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      _sameMaker(fn, a.made, b.made)
      for (let i = 0; i < 3; i++) (a.counts[i] as number) += b.counts[i] as number
      _momentsMerge(a.moments, b.moments)
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const [satisfied, neutral, dissatisfied] = state.counts
      const responses = state.moments[0]
      const n = method === 'top-box' && neutralPolicy === 'exclude' ? satisfied + dissatisfied : responses
      const measured = n > 0 && n >= minN
      const variance = _sampleVariance(state.moments)
      const sd = Number.isNaN(variance) ? null : Math.sqrt(variance)
      let value: number | null = null
      let ci: ConfidenceInterval | null = null
      let standardDeviation: number | null = null
      if (measured && isShare) {
        value = satisfied / n
        ci =
          interval === 'none'
            ? null
            : (interval === 'wilson' ? wilsonInterval : agrestiCoullInterval)(satisfied, n, { level })
      } else if (measured) {
        const divisor = method === 'normalized-mean' ? max : 1
        value = _momentsMean(state.moments) / divisor
        standardDeviation = sd === null ? null : sd / divisor
        const interval =
          standardDeviation === null ? null : meanInterval({ n, mean: value, standardDeviation }, { level })
        ci = interval === null ? null : { ...interval, method: 't' }
      }
      return {
        kind: 'result',
        kpi: fn,
        value,
        reason: _reasonOf(n, state.excluded, minN),
        variant,
        n,
        excluded: { ...state.excluded },
        measure: isShare ? 'proportion' : 'mean',
        method,
        ratingScale: { min, max },
        satisfied,
        neutral,
        dissatisfied: method === 'binary' ? neutral + dissatisfied : dissatisfied,
        successes: satisfied,
        mean: responses > 0 ? _momentsMean(state.moments) : null,
        standardDeviation,
        ci,
        lowSample: !measured || (ci !== null && (ci.upper - ci.lower) / 2 > threshold),
      }
    },
  }
}

/**
 * Customer Satisfaction: the share of satisfied customers (top-box, the default: ratings of 4 or 5 on a
 * 1–5 scale), or the mean rating, Zendesk's good/(good + bad) or a normalised mean ({@link acsi} is a
 * KPI of its own). Unit: proportion 0…1 for shares and the normalised mean, the scale's points for the
 * mean.
 *
 * Formula (top-box): satisfied / n. Unanswered surveys (`null`/`undefined`) never enter the
 * denominator: they are counted in `excluded.missing`; off-scale, fractional and non-numeric ratings
 * are counted by reason. No responses give `value: null`. Shares carry a Wilson interval, means a
 * t-interval.
 *
 * Source: spec §2 — Delighted, Intercom VoC, SoGoSurvey (top-box); Zendesk (good/bad).
 *
 * @example
 * ```ts
 * csat([5, 5, 4, 3, 1]).value                   //=> 0.6
 * csat([5, 5, 4, 3, 1], { method: 'mean' }).value //=> 3.6
 * ```
 * @category Survey
 */
export function csat(items: Iterable<CsatInput>, options?: CsatOptions): CsatResult
export function csat<T>(
  items: Iterable<T>,
  accessor: Accessor<T, CsatInput>,
  options?: CsatOptions,
): CsatResult
export function csat<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, CsatInput> | CsatOptions,
  options?: CsatOptions,
): CsatResult {
  return _foldAs('csat', csatAggregator(accessorOrOptions as Accessor<T, CsatInput>, options), items)
}
