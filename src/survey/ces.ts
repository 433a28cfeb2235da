import { _accessorAndOptions } from '../core/_args.ts'
import { _number, _rangeError, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _MIN_N, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import { KpiError } from '../core/KpiError.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult, ScoreInput } from '../core/result.ts'
import { _momentsAdd, _momentsMean, _momentsMerge, _sampleVariance } from '../stats/_moments.ts'
import { _npsWald } from '../stats/_npsWald.ts'
import { meanInterval } from '../stats/meanInterval.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import {
  _score,
  _surveyExcluded,
  type SurveyAggregator,
  type SurveyExclusion,
  type SurveyOptions,
} from './_survey.ts'

/**
 * The CES instrument:
 * - `'2.0'` (default): "[Company] made it easy for me to handle my issue", 1 (strongly disagree) to 7
 *   (strongly agree); higher is better (CEB/Gartner 2013).
 * - `'1.0'`: "How much effort did you personally have to put forth?", 1 (very low) to 5 (very high);
 *   lower is better (Dixon, Freeman & Toman, HBR 2010).
 * - a custom `{ min, max, higherIsBetter }` (then give the thresholds).
 * @category Survey
 */
export type CesVersion = '2.0' | '1.0' | CustomCesVersion

/**
 * A CES instrument other than 1.0 and 2.0.
 * @category Survey
 */
export interface CustomCesVersion {
  /** Lowest score. */
  readonly min: number
  /** Highest score. */
  readonly max: number
  /** Whether a higher score means less effort. */
  readonly higherIsBetter: boolean
}

/**
 * How CES is aggregated: the mean score (default), the share of easy ("agree") responses, or net
 * effort — the share easy minus the share difficult, in points (−100…100).
 * @category Survey
 */
export type CesMethod = 'mean' | 'percent-easy' | 'net'

/**
 * Options of {@link ces}.
 * @category Survey
 */
export interface CesOptions extends SurveyOptions {
  /**
   * The instrument. Responses read as `{ score, version }` objects are checked against it: CES 1.0 and
   * 2.0 are never mixed.
   * @defaultValue '2.0'
   */
  readonly version?: CesVersion
  /**
   * The formula: mean rating, share easy, or net effort (share easy − share difficult, in points).
   * @defaultValue 'mean'
   */
  readonly method?: CesMethod
  /**
   * Responses this easy or easier count as easy ("agree"): at least this score when higher is better,
   * at most it when lower is better.
   * @defaultValue 5 on 2.0 ("somewhat agree" or more), 2 on 1.0 (low effort)
   */
  readonly easyThreshold?: number
  /**
   * Responses this difficult or more count as difficult ("disagree").
   * @defaultValue 3 on 2.0 (at most "somewhat disagree"), 4 on 1.0 (high effort)
   */
  readonly difficultThreshold?: number
  /**
   * `lowSample` is set when the interval's half-width exceeds it, in the unit of `value`.
   * @defaultValue 5 % of the scale's range for the mean, 0.1 for the share, 10 points for net
   */
  readonly lowSampleHalfWidth?: number
}

/**
 * The result of {@link ces}.
 * @category Survey
 */
export interface CesResult extends KpiResult<'ces', SurveyExclusion> {
  /** How {@link compare} compares two results: `'mean'`, `'proportion'` (percent easy) or `'points'` (net). */
  readonly measure: 'mean' | 'proportion' | 'points'
  /** The instrument. */
  readonly version: '2.0' | '1.0' | 'custom'
  /** The formula used. */
  readonly method: CesMethod
  /** Whether a higher score means less effort. */
  readonly higherIsBetter: boolean
  /** Easy ("agree") responses. */
  readonly easy: number
  /** Neutral responses: in the denominator, in neither easy nor difficult. */
  readonly neutral: number
  /** Difficult ("disagree") responses. */
  readonly difficult: number
  /** The numerator of the share of easy responses, for comparisons. */
  readonly successes: number
  /** Mean score, or `null` without responses. */
  readonly mean: number | null
  /** Sample standard deviation of the scores for `'mean'` (`null` otherwise or below two responses). */
  readonly standardDeviation: number | null
  /** t-interval (mean), Wilson (percent easy) or trinomial Wald (net, in points); `null` without data. */
  readonly ci: ConfidenceInterval | null
  /** True below `minN`, or when the interval is wider than ± `lowSampleHalfWidth`. */
  readonly lowSample: boolean
}

/**
 * The state of {@link cesAggregator}.
 * @category Survey
 */
export interface CesState {
  /** The instrument, so that states of different versions are never merged. */
  version: string
  /** Easy, neutral, difficult responses. */
  counts: [number, number, number]
  /** Count, sum and sum of squares of the scores (whole points: exact in any order). */
  moments: [n: number, sum: number, sumOfSquares: number]
  /** Responses left out, by reason. */
  excluded: ExclusionCounts<SurveyExclusion>
}

/**
 * A CES answer: a score, or a response that says its version (`{ score, version }`), which is refused
 * when the version differs from the computation's.
 * @category Survey
 */
export type CesInput =
  | ScoreInput
  | {
      /** The score. */
      readonly score: ScoreInput
      /** The CES version the response was given in (`'2.0'`, `'1.0'`). */
      readonly version?: string
    }

const RULES = {
  level: _LEVEL,
  minN: _MIN_N,
  onInvalid: _ON_INVALID,
  version: {
    type: 'enum',
    values: ['2.0', '1.0'],
    also: 'object',
    default: '2.0',
    expected: "'2.0', '1.0' or { min, max, higherIsBetter }",
    fields: {
      min: { type: 'number' },
      max: { type: 'number' },
      higherIsBetter: { type: 'boolean' },
    },
  },
  method: {
    type: 'enum',
    values: ['mean', 'percent-easy', 'net'],
    default: 'mean',
  },
  easyThreshold: { type: 'number' },
  difficultThreshold: {
    type: 'number',
  },
  lowSampleHalfWidth: {
    type: 'number',
    min: 0,
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  'version.min': 'Lowest score.',
  'version.max': 'Highest score.',
  'version.higherIsBetter': 'Whether a higher score means less effort.',
  version:
    'CES 2.0 (agreement 1–7, higher is easier), CES 1.0 (effort 1–5, lower is easier), or a custom scale.',
  method: 'Mean score, share easy, or net effort (easy − difficult, in points).',
  easyThreshold: 'Scores at or beyond it (on the easy side) are easy.',
  difficultThreshold: 'Scores at or beyond it (on the difficult side) are difficult.',
  lowSampleHalfWidth:
    '`lowSample` is set when the interval is wider than ± this (default 5 % of the scale for the mean).',
}

/**
 * What {@link ces} computes, as data: its input, options, unit, range and direction.
 * @category Survey
 */
export const cesDescriptor: KpiDescriptor = {
  id: 'ces',
  title: 'Customer Effort Score',
  category: 'survey',
  input: { kind: 'score', fields: {} },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'score',
    measure: 'mean',
    bounds: [1, 7],
    better: 'higher',
    components: ['easy', 'neutral', 'difficult', 'mean', 'standardDeviation'],
    numerator: 'easy',
    cases: [
      { when: { version: '1.0' }, bounds: [1, 5], better: 'lower' },
      { when: { version: 'custom' }, bounds: [null, null] },
      { when: { 'version.higherIsBetter': false }, better: 'lower' },
      {
        when: { method: 'percent-easy' },
        unit: 'proportion',
        measure: 'proportion',
        bounds: [0, 1],
        better: 'higher',
      },
      { when: { method: 'net' }, unit: 'points', measure: 'points', bounds: [-100, 100], better: 'higher' },
    ],
  },
  periodModel: 'bucket',
  compute: ces,
  aggregator: cesAggregator,
}

/**
 * The aggregator behind {@link ces}, for windows, segments, streams, stored states and
 * {@link accountLevel}.
 * @category Survey
 */
export function cesAggregator(options?: CesOptions): SurveyAggregator<CesInput, CesState, CesResult>
export function cesAggregator<T>(
  accessor: Accessor<T, CesInput>,
  options?: CesOptions,
): SurveyAggregator<T, CesState, CesResult>
/* @__NO_SIDE_EFFECTS__ */
export function cesAggregator<T>(
  accessorOrOptions?: Accessor<T, CesInput> | CesOptions,
  maybeOptions?: CesOptions,
): SurveyAggregator<T, CesState, CesResult> {
  const fn = 'ces'
  const [accessor, options] = _accessorAndOptions<Accessor<T, CesInput>, CesOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const { level, minN, onInvalid } = o
  const aggregation = o.method
  const v = o.version
  let version: '2.0' | '1.0' | 'custom'
  let min: number
  let max: number
  let higherIsBetter: boolean
  let easyAt: number
  let difficultAt: number
  if (v === '2.0' || v === '1.0') {
    version = v
    ;[min, max, higherIsBetter, easyAt, difficultAt] = v === '2.0' ? [1, 7, true, 5, 3] : [1, 5, false, 2, 4]
  } else {
    version = 'custom'
    min = _number(fn, 'options.version.min', v.min)
    max = _number(fn, 'options.version.max', v.max, min + 1)
    if (typeof v.higherIsBetter !== 'boolean')
      throw _typeError(fn, 'options.version.higherIsBetter', 'a boolean', v.higherIsBetter)
    higherIsBetter = v.higherIsBetter
    if (o.easyThreshold === undefined || o.difficultThreshold === undefined) {
      throw _typeError(
        fn,
        'options.easyThreshold',
        'given (with difficultThreshold) for a custom version',
        o.easyThreshold,
      )
    }
    ;[easyAt, difficultAt] = [max, min]
  }
  if (o.easyThreshold !== undefined) easyAt = _number(fn, 'options.easyThreshold', o.easyThreshold, min, max)
  if (o.difficultThreshold !== undefined)
    difficultAt = _number(fn, 'options.difficultThreshold', o.difficultThreshold, min, max)
  if (higherIsBetter ? difficultAt >= easyAt : difficultAt <= easyAt) {
    throw _rangeError(
      fn,
      'options.difficultThreshold',
      `on the difficult side of the easy threshold ${easyAt}`,
      difficultAt,
    )
  }
  const threshold =
    o.lowSampleHalfWidth ?? (aggregation === 'mean' ? 0.05 * (max - min) : aggregation === 'net' ? 10 : 0.1)
  const read = accessor as Accessor<T, unknown> | undefined
  const raw = (item: T, index: number): unknown => {
    const x = read === undefined ? item : read(item, index)
    if (x === null || typeof x !== 'object') return x
    // A response that says its version: refuse to mix instruments.
    const tagged = x as { score?: unknown; version?: unknown }
    if (tagged.version !== undefined && tagged.version !== version) {
      throw new KpiError(
        'incompatible-input',
        `ces: response ${index} is CES ${String(tagged.version)} but the computation is CES ${version}; CES versions are never mixed — compute them separately, or convert explicitly (reverseScale) and say so`,
        { kpi: fn, index, value: x },
      )
    }
    return tagged.score
  }
  const score = (item: T, index: number) => _score(raw(item, index), min, max, version !== 'custom')
  const tally = (state: CesState, x: number): CesState => {
    const easy = higherIsBetter ? x >= easyAt : x <= easyAt
    const difficult = higherIsBetter ? x <= difficultAt : x >= difficultAt
    state.counts[easy ? 0 : difficult ? 2 : 1]++
    _momentsAdd(state.moments, x)
    return state
  }

  return {
    kpi: fn,
    score,
    tally,
    init: () => ({ version, counts: [0, 0, 0], moments: [0, 0, 0], excluded: _surveyExcluded() }),
    add: (state, item, index) => {
      const x = score(item, index)
      if (typeof x === 'number') return tally(state, x)
      _exclude(state.excluded, x, onInvalid, fn, index, raw(item, index))
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      if (a.version !== b.version) {
        throw new KpiError(
          'incompatible-state',
          `ces: cannot merge a CES ${a.version} state with a CES ${b.version} state`,
          { kpi: fn },
        )
      }
      for (let i = 0; i < 3; i++) (a.counts[i] as number) += b.counts[i] as number
      _momentsMerge(a.moments, b.moments)
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const [easy, neutral, difficult] = state.counts
      const n = state.moments[0]
      const measured = n > 0 && n >= minN
      const variance = _sampleVariance(state.moments)
      const standardDeviation = aggregation === 'mean' && !Number.isNaN(variance) ? Math.sqrt(variance) : null
      let value: number | null = null
      let ci: ConfidenceInterval | null = null
      if (measured && aggregation === 'mean') {
        value = _momentsMean(state.moments)
        ci =
          standardDeviation === null ? null : meanInterval({ n, mean: value, standardDeviation }, { level })
      } else if (measured && aggregation === 'percent-easy') {
        value = easy / n
        ci = wilsonInterval(easy, n, { level })
      } else if (measured) {
        // Net effort has the NPS trinomial variance: easy = +1, neutral = 0, difficult = −1 (spec §3.4).
        value = (100 * (easy - difficult)) / n
        ci = {
          ..._npsWald({ promoters: easy, passives: neutral, detractors: difficult }, n, level, false),
          method: 'trinomial-wald',
        }
      }
      return {
        kind: 'result',
        kpi: fn,
        value,
        reason: _reasonOf(n, state.excluded, minN),
        variant,
        n,
        excluded: { ...state.excluded },
        measure: aggregation === 'mean' ? 'mean' : aggregation === 'percent-easy' ? 'proportion' : 'points',
        version,
        method: aggregation,
        higherIsBetter,
        easy,
        neutral,
        difficult,
        successes: easy,
        mean: n > 0 ? _momentsMean(state.moments) : null,
        standardDeviation,
        ci,
        lowSample: !measured || (ci !== null && (ci.upper - ci.lower) / 2 > threshold),
      }
    },
  }
}

/**
 * The Customer Effort Score: how easy customers found it to get their issue handled. By default CES 2.0
 * — agreement with "the company made it easy for me to handle my issue" on 1–7, higher is better —
 * aggregated as the mean; `'percent-easy'` gives the share that agree (5 or more), `'net'` the share
 * easy minus the share difficult (3 or less) in points. CES 1.0 (effort on 1–5, lower is better) is a
 * separate `version`, never mixed with 2.0: a response tagged with another version is a `KpiError`.
 *
 * Unit: the scale's points (mean), proportion 0…1 (percent easy), points −100…100 (net). Unanswered
 * (`null`/`undefined`), off-scale, fractional and non-numeric responses are counted in `excluded`; no
 * responses give `value: null`. Intervals: t (mean), Wilson (share), trinomial Wald (net).
 *
 * Source: spec §3 — Gartner (CES 2.0), Dixon, Freeman & Toman, HBR 2010 (CES 1.0), ServiceMax (net).
 *
 * @example
 * ```ts
 * ces([7, 6, 5, 4, 2]).value                                    //=> 4.8
 * ces([7, 6, 5, 4, 2], { method: 'net' }).value  //=> 40
 * ```
 * @category Survey
 */
export function ces(items: Iterable<CesInput>, options?: CesOptions): CesResult
export function ces<T>(items: Iterable<T>, accessor: Accessor<T, CesInput>, options?: CesOptions): CesResult
export function ces<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, CesInput> | CesOptions,
  options?: CesOptions,
): CesResult {
  return _foldAs('ces', cesAggregator(accessorOrOptions as Accessor<T, CesInput>, options), items)
}
