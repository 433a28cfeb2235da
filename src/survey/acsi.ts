import { _accessorAndOptions } from '../core/_args.ts'
import { _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _MIN_N, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import { KpiError } from '../core/KpiError.ts'
import type { ExclusionCounts, KpiResult, OnInvalid, ScoreInput } from '../core/result.ts'
import { _score, _surveyExcluded, type SurveyExclusion } from './_survey.ts'

/**
 * Options of {@link acsi}.
 * @category Survey
 */
export interface AcsiOptions {
  /**
   * The weight of each question (from the ACSI's PLS model); their number is the number of questions
   * each response answers.
   * @defaultValue three questions — overall satisfaction, expectancy disconfirmation, comparison with
   * the ideal — with equal weights
   */
  readonly weights?: readonly number[]
  /**
   * Below this many responses `value` is null (reason `low-sample`); 0 turns it off.
   * @defaultValue 0
   */
  readonly minN?: number
  /**
   * What to do with an invalid response: count it in `excluded`, or throw a KpiError.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * One ACSI response: a 1–10 score for each question, in the order of `weights`.
 * @category Survey
 */
export type AcsiInput = readonly ScoreInput[] | null | undefined

/**
 * The result of {@link acsi}.
 * @category Survey
 */
export interface AcsiResult extends KpiResult<'acsi', SurveyExclusion> {
  /** Always `'points'`: an index 0…100, compared as a change in points. */
  readonly measure: 'points'
  /** The mean score of each question, 1…10, or `null` without responses. */
  readonly questionMeans: (number | null)[]
  /** True below `minN`. */
  readonly lowSample: boolean
}

/**
 * The state of {@link acsiAggregator}.
 * @category Survey
 */
export interface AcsiState {
  /** Responses counted. */
  n: number
  /** The sum of each question's scores. */
  sums: number[]
  /** Responses left out, by reason. */
  excluded: ExclusionCounts<SurveyExclusion>
}

const RULES = {
  weights: {
    type: 'array',
    items: { type: 'number', min: 0, exclusive: true, max: Number.MAX_VALUE },
  },
  minN: _MIN_N,
  onInvalid: _ON_INVALID,
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  weights: 'The weight of each question; their number is the number of questions per response.',
  'weights[]': 'A positive weight.',
}

/**
 * What {@link acsi} computes, as data: its input, options, unit, range and direction.
 * @category Survey
 */
export const acsiDescriptor: KpiDescriptor = {
  id: 'acsi',
  title: 'American Customer Satisfaction Index',
  category: 'survey',
  input: { kind: 'score-list', fields: {} },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'points',
    measure: 'points',
    bounds: [0, 100],
    better: 'higher',
    components: ['questionMeans'],
  },
  periodModel: 'bucket',
  compute: acsi,
  aggregator: acsiAggregator,
}

/**
 * The aggregator behind {@link acsi}, for windows, segments, streams and stored states.
 * @category Survey
 */
export function acsiAggregator(options?: AcsiOptions): Aggregator<AcsiInput, AcsiState, AcsiResult>
export function acsiAggregator<T>(
  accessor: Accessor<T, AcsiInput>,
  options?: AcsiOptions,
): Aggregator<T, AcsiState, AcsiResult>
/* @__NO_SIDE_EFFECTS__ */
export function acsiAggregator<T>(
  accessorOrOptions?: Accessor<T, AcsiInput> | AcsiOptions,
  maybeOptions?: AcsiOptions,
): Aggregator<T, AcsiState, AcsiResult> {
  const fn = 'acsi'
  const [read, options] = _accessorAndOptions<Accessor<T, AcsiInput>, AcsiOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const { minN, onInvalid } = o
  const weights = o.weights ?? [1, 1, 1]
  if (weights.length === 0)
    throw _typeError(fn, 'options.weights', 'a non-empty array of positive numbers', weights)
  const questions = weights.length
  const total = weights.reduce((sum, w) => sum + w, 0)
  return {
    kpi: fn,
    init: () => ({ n: 0, sums: weights.map(() => 0), excluded: _surveyExcluded() }),
    add: (state, item, index) => {
      const answers = read === undefined ? (item as AcsiInput) : read(item, index)
      let reason: 'missing' | SurveyExclusion | 'invalid' | null = null
      const scores: number[] = []
      if (answers === null || answers === undefined) reason = 'missing'
      else if (!Array.isArray(answers) || answers.length !== questions) reason = 'invalid'
      else
        for (const a of answers) {
          const x = _score(a, 1, 10, true)
          if (typeof x !== 'number') {
            reason = x === 'missing' ? 'invalid' : x
            break
          }
          scores.push(x)
        }
      if (reason !== null) {
        _exclude(state.excluded, reason, onInvalid, fn, index, answers)
        return state
      }
      for (let q = 0; q < questions; q++) (state.sums[q] as number) += scores[q] as number
      state.n++
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      if (a.sums.length !== b.sums.length)
        throw new KpiError(
          'incompatible-state',
          `acsi: cannot merge a state of ${b.sums.length} questions into one of ${a.sums.length}`,
          { kpi: fn },
        )
      a.n += b.n
      for (let q = 0; q < questions; q++) (a.sums[q] as number) += b.sums[q] as number
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const { n } = state
      const measured = n > 0 && n >= minN
      const means = state.sums.map((sum) => (n > 0 ? sum / n : null))
      const value = measured
        ? (100 * state.sums.reduce((sum, s, q) => sum + (weights[q] as number) * (s / n - 1), 0)) /
          (9 * total)
        : null
      return {
        kind: 'result',
        kpi: fn,
        value,
        reason: _reasonOf(n, state.excluded, minN),
        variant,
        n,
        excluded: { ...state.excluded },
        measure: 'points',
        questionMeans: means,
        lowSample: !measured,
      }
    },
  }
}

/**
 * The American Customer Satisfaction Index: each response answers three questions on 1–10 (overall
 * satisfaction, expectancy disconfirmation, comparison with an ideal), and the index rescales the
 * weighted mean of the question means to 0…100. Unit: points, 0…100.
 *
 * Formula: ACSI = 100 × (Σ wᵢ·meanᵢ − Σ wᵢ) / (9 Σ wᵢ); with equal weights 100 × (S + E + P − 3) / 27.
 * A response without a score for every question, or with one off 1–10 or fractional, is counted in
 * `excluded` by reason; no responses give `value: null`. No interval: the index's published standard
 * errors come from the ACSI's PLS model, which the library does not fit.
 *
 * Source: ACSI methodology (theacsi.org); spec §2.
 *
 * @example
 * ```ts
 * // Question means 8, 7 and 6: 100 × (8 + 7 + 6 − 3) / 27
 * acsi([[9, 8, 7], [7, 6, 5]]).value //=> 66.67 (rounded)
 * acsi([[9, 8, 7], [7, 6, 5]], { weights: [2, 1, 1] }).value //=> 69.44 (rounded)
 * ```
 * @category Survey
 */
export function acsi(items: Iterable<AcsiInput>, options?: AcsiOptions): AcsiResult
export function acsi<T>(
  items: Iterable<T>,
  accessor: Accessor<T, AcsiInput>,
  options?: AcsiOptions,
): AcsiResult
export function acsi<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, AcsiInput> | AcsiOptions,
  options?: AcsiOptions,
): AcsiResult {
  return _foldAs('acsi', acsiAggregator(accessorOrOptions as Accessor<T, AcsiInput>, options), items)
}
