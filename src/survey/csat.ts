import { _accessor, _number, _oneOf, _options, _rangeError, _typeError } from '../core/_assert.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import type { Accessor } from '../core/aggregator.ts'
import { fold } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult } from '../core/result.ts'
import { _momentsAdd, _momentsMerge, _sampleVariance } from '../stats/_moments.ts'
import { agrestiCoullInterval } from '../stats/agrestiCoullInterval.ts'
import { meanInterval } from '../stats/meanInterval.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import {
  _common,
  _score,
  _surveyExcluded,
  _threshold,
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
 * - `'acsi'`: the ACSI index, 0…100, from three 1–10 questions per response (an array of scores),
 *   100 × (Σ wᵢ·meanᵢ − Σ wᵢ) / (9 Σ wᵢ); with equal weights 100 × (S + E + P − 3) / 27.
 * @category Survey
 */
export type CsatMethod = 'top-box' | 'binary' | 'mean' | 'normalized-mean' | 'acsi'

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
   * For `'acsi'`: the weight of each question (from the ACSI's PLS model); their number is the number of
   * questions each response must answer.
   * @defaultValue three questions (overall satisfaction, expectancy disconfirmation, comparison with the ideal), equal weights
   */
  readonly weights?: readonly number[]
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
  /** How {@link compare} compares two results: `'proportion'` for shares, `'mean'` for means, `'points'` for ACSI. */
  readonly scale: 'proportion' | 'mean' | 'points'
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
  /** The interval of `value`; `null` without data, for ACSI, or with `interval: 'none'`. */
  readonly ci: ConfidenceInterval | null
  /** True below `minN`, or when the interval is wider than ± `lowSampleHalfWidth`. */
  readonly lowSample: boolean
}

/**
 * The state of {@link csatAggregator}.
 * @category Survey
 */
export interface CsatState {
  /** Satisfied, neutral, dissatisfied responses. */
  counts: [number, number, number]
  /** Count, mean and sum of squared deviations of the ratings. */
  moments: [n: number, mean: number, m2: number]
  /** For ACSI: the sum of each question's scores, and the number of responses. */
  questions: number[]
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
const METHODS: readonly CsatMethod[] = ['top-box', 'binary', 'mean', 'normalized-mean', 'acsi']

/**
 * The aggregator behind {@link csat}, for windows, segments, streams, stored states and
 * {@link accountLevel}.
 * @category Survey
 */
/* @__NO_SIDE_EFFECTS__ */
export function csatAggregator<T = number>(
  accessor?: Accessor<T, unknown>,
  options?: CsatOptions,
): SurveyAggregator<T, CsatState, CsatResult> {
  const fn = 'csat'
  _accessor(fn, accessor)
  const o = _options(fn, options)
  const { level, minN, onInvalid } = _common(fn, o)
  const method = o.method === undefined ? 'top-box' : _oneOf(fn, 'options.method', o.method, METHODS)
  const named = typeof o.scale === 'string' || o.scale === undefined
  const scaleName = o.scale ?? '1-5'
  let min: number
  let max: number
  let satisfiedAt: number
  let dissatisfiedAt: number
  if (named) {
    const entry = NAMED[scaleName as string]
    if (entry === undefined)
      throw _rangeError(
        fn,
        'options.scale',
        `one of ${Object.keys(NAMED)
          .map((k) => `'${k}'`)
          .join(', ')} or { min, max }`,
        o.scale,
      )
    ;[min, max, satisfiedAt, dissatisfiedAt] = entry
  } else {
    const custom = o.scale as { min: number; max: number }
    if (custom === null || typeof custom !== 'object')
      throw _typeError(fn, 'options.scale', 'a scale name or { min, max }', custom)
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
  if (method === 'acsi' && !(min === 1 && max === 10))
    throw _rangeError(fn, 'options.scale', "'1-10' for the ACSI method", o.scale)
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
  const neutralPolicy =
    o.neutral === undefined ? 'include' : _oneOf(fn, 'options.neutral', o.neutral, ['include', 'exclude'])
  const interval =
    o.interval === undefined
      ? 'wilson'
      : _oneOf(fn, 'options.interval', o.interval, ['wilson', 'agresti-coull', 'none'])
  const weights = o.weights
  if (
    weights !== undefined &&
    (!Array.isArray(weights) ||
      weights.length === 0 ||
      weights.some((w) => !(typeof w === 'number' && w > 0 && Number.isFinite(w))))
  ) {
    throw _typeError(fn, 'options.weights', 'a non-empty array of positive numbers', weights)
  }
  const isShare = method === 'top-box' || method === 'binary'
  const threshold = _threshold(
    fn,
    o.lowSampleHalfWidth,
    isShare ? 0.1 : (0.05 * (max - min)) / (method === 'normalized-mean' ? max : 1),
  )
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
    init: () => ({ counts: [0, 0, 0], moments: [0, 0, 0], questions: [], excluded: _surveyExcluded() }),
    add: (state, item, index) => {
      if (method !== 'acsi') {
        const x = score(item, index)
        if (typeof x === 'number') return tally(state, x)
        _exclude(state.excluded, x, onInvalid, fn, index, raw(item, index))
        return state
      }
      const answers = raw(item, index)
      const reason = acsiReason(answers, weights?.length ?? 3)
      if (reason !== null) {
        _exclude(state.excluded, reason, onInvalid, fn, index, answers)
        return state
      }
      const list = answers as number[]
      for (let q = 0; q < list.length; q++)
        state.questions[q] = (state.questions[q] ?? 0) + (list[q] as number)
      _momentsAdd(state.moments, 0) // only the count of the moments is used for ACSI: it counts the response
      return state
    },
    merge: (a, b) => {
      for (let i = 0; i < 3; i++) (a.counts[i] as number) += b.counts[i] as number
      _momentsMerge(a.moments, b.moments)
      b.questions.forEach((sum, q) => {
        a.questions[q] = (a.questions[q] ?? 0) + sum
      })
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
      } else if (measured && method === 'acsi') {
        const w = weights ?? state.questions.map(() => 1)
        const total = w.reduce((sum, x) => sum + x, 0)
        value =
          (100 * state.questions.reduce((sum, q, i) => sum + (w[i] as number) * (q / n - 1), 0)) / (9 * total)
      } else if (measured) {
        const divisor = method === 'normalized-mean' ? max : 1
        value = state.moments[1] / divisor
        standardDeviation = sd === null ? null : sd / divisor
        const interval =
          standardDeviation === null ? null : meanInterval({ n, mean: value, standardDeviation }, { level })
        ci = interval === null ? null : { ...interval, method: 't' }
      }
      return {
        kpi: fn,
        value,
        n,
        excluded: { ...state.excluded },
        scale: isShare ? 'proportion' : method === 'acsi' ? 'points' : 'mean',
        method,
        ratingScale: { min, max },
        satisfied,
        neutral,
        dissatisfied: method === 'binary' ? neutral + dissatisfied : dissatisfied,
        successes: satisfied,
        mean: responses > 0 && method !== 'acsi' ? state.moments[1] : null,
        standardDeviation,
        ci,
        lowSample: !measured || (ci !== null && (ci.upper - ci.lower) / 2 > threshold),
      }
    },
  }
}

function acsiReason(
  answers: unknown,
  questions: number,
): 'missing' | 'invalid' | 'outOfRange' | 'nonInteger' | null {
  if (answers === null || answers === undefined) return 'missing'
  if (!Array.isArray(answers) || answers.length !== questions) return 'invalid'
  for (const a of answers) {
    if (typeof a !== 'number' || Number.isNaN(a)) return 'invalid'
    if (a < 1 || a > 10) return 'outOfRange'
    if (!Number.isInteger(a)) return 'nonInteger'
  }
  return null
}

/**
 * Customer Satisfaction: the share of satisfied customers (top-box, the default: ratings of 4 or 5 on a
 * 1–5 scale), or the mean rating, Zendesk's good/(good + bad), a normalised mean or the ACSI index.
 * Unit: proportion 0…1 for shares, the scale's points for means, 0…100 for ACSI.
 *
 * Formula (top-box): satisfied / n. Unanswered surveys (`null`/`undefined`) never enter the
 * denominator: they are counted in `excluded.missing`; off-scale, fractional and non-numeric ratings
 * are counted by reason. No responses give `value: null`. Shares carry a Wilson interval, means a
 * t-interval.
 *
 * Source: spec §2 — Delighted, Intercom VoC, SoGoSurvey (top-box); Zendesk (good/bad); ACSI methodology.
 *
 * @example
 * ```ts
 * csat([5, 5, 4, 3, 1]).value                   //=> 0.6
 * csat([5, 5, 4, 3, 1], undefined, { method: 'mean' }).value //=> 3.6
 * ```
 * @category Survey
 */
export function csat(items: Iterable<unknown>, accessor?: undefined, options?: CsatOptions): CsatResult
export function csat<T>(items: Iterable<T>, accessor: Accessor<T, unknown>, options?: CsatOptions): CsatResult
export function csat<T>(
  items: Iterable<T>,
  accessor?: Accessor<T, unknown>,
  options?: CsatOptions,
): CsatResult {
  return fold(csatAggregator(accessor, options), items)
}
