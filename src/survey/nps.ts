import { _accessorAndOptions } from '../core/_args.ts'
import { _rangeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _MIN_N, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult, ScoreInput } from '../core/result.ts'
import type { NpsCounts } from '../stats/_npsCounts.ts'
import { _npsWald } from '../stats/_npsWald.ts'
import {
  _score,
  _surveyExcluded,
  type SurveyAggregator,
  type SurveyExclusion,
  type SurveyOptions,
} from './_survey.ts'

/**
 * Where the NPS buckets lie, for a survey that is not Bain's 0–10 question. A result computed with
 * custom buckets says `definition: 'custom'`: it is not the Net Promoter Score.
 * @category Survey
 */
export interface NpsBuckets {
  /** Lowest score of the scale. */
  readonly min: number
  /** Highest score of the scale. */
  readonly max: number
  /** Highest detractor score (6 on Bain's scale). */
  readonly detractorMax: number
  /** Lowest promoter score (9 on Bain's scale). */
  readonly promoterMin: number
}

/**
 * An NPS interval computed by the caller from the counts, e.g.
 * `(counts, level) => npsInterval(counts, { method: 'bootstrap', seed: 7, level })`.
 * @category Survey
 */
export type NpsIntervalFunction = (counts: NpsCounts, level: number) => ConfidenceInterval | null

/**
 * Options of {@link nps}.
 * @category Survey
 */
export interface NpsOptions extends SurveyOptions {
  /**
   * The interval: `'adjusted-wald'` (MeasuringU, Rocks 2016), `'wald'` (Rocks' R package), `'none'`,
   * or a function of the counts — pass one that calls {@link npsInterval} for the trinomial t or the
   * seeded bootstrap interval (kept out of `nps` so that it stays small).
   * @defaultValue 'adjusted-wald'
   */
  readonly interval?: 'adjusted-wald' | 'wald' | 'none' | NpsIntervalFunction
  /**
   * Custom buckets, for a scale other than Bain's. The result is then labelled `definition: 'custom'`.
   * @defaultValue Bain: 0–10, detractors 0–6, promoters 9–10
   */
  readonly buckets?: NpsBuckets
  /**
   * `lowSample` is set when the interval's half-width exceeds this many points.
   * @defaultValue 10
   */
  readonly lowSampleHalfWidth?: number
}

/**
 * Why a response was left out of NPS.
 * @category Survey
 */
export type NpsExclusion = SurveyExclusion

/**
 * The result of {@link nps}.
 * @category Survey
 */
export interface NpsResult extends KpiResult<'nps', NpsExclusion>, NpsCounts {
  /** Always `'nps'`: how {@link compare} compares two results (points, NPS z-test). */
  readonly measure: 'nps'
  /** `'bain'` for the standard 0–10 buckets, `'custom'` otherwise. */
  readonly definition: 'bain' | 'custom'
  /** Share of promoters (0…1), or `null` without responses. */
  readonly promoterShare: number | null
  /** Share of passives (0…1), or `null` without responses. */
  readonly passiveShare: number | null
  /** Share of detractors (0…1), or `null` without responses. */
  readonly detractorShare: number | null
  /** The interval of `value`, in points; `null` without data or with `interval: 'none'`. */
  readonly ci: ConfidenceInterval | null
  /** True below `minN`, or when the interval is wider than ± `lowSampleHalfWidth` points. */
  readonly lowSample: boolean
}

/**
 * The state of {@link npsAggregator}.
 * @category Survey
 */
export interface NpsState {
  /** Promoters, passives, detractors. */
  counts: [number, number, number]
  /** Responses left out, by reason. */
  excluded: ExclusionCounts<NpsExclusion>
}

const BAIN: NpsBuckets = { min: 0, max: 10, detractorMax: 6, promoterMin: 9 }

const RULES = {
  level: _LEVEL,
  minN: _MIN_N,
  onInvalid: _ON_INVALID,
  interval: {
    type: 'enum',
    values: ['adjusted-wald', 'wald', 'none'],
    also: 'function',
    default: 'adjusted-wald',
    expected:
      "'adjusted-wald', 'wald', 'none' or a function (counts, level) => npsInterval(counts, { method, level })",
  },
  buckets: {
    type: 'object',
    expected: 'an object { min, max, detractorMax, promoterMin }',
    fields: {
      min: { type: 'number', integer: true, min: -(2 ** 31), max: 2 ** 31 - 1, required: true },
      max: { type: 'number', integer: true, min: -(2 ** 31), max: 2 ** 31 - 1, required: true },
      detractorMax: { type: 'number', integer: true, required: true },
      promoterMin: { type: 'number', integer: true, required: true },
    },
  },
  lowSampleHalfWidth: {
    type: 'number',
    min: 0,
    default: 10,
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  interval: 'The interval: adjusted Wald, Wald, none, or a function of the counts.',
  'buckets.min': 'Lowest score.',
  'buckets.max': 'Highest score.',
  'buckets.detractorMax': 'Highest detractor score.',
  'buckets.promoterMin': 'Lowest promoter score.',
  buckets: "Custom buckets for a scale other than Bain's 0–10 (the result is then `definition: 'custom'`).",
  lowSampleHalfWidth: '`lowSample` is set when the interval is wider than ± this many points.',
}

/**
 * What {@link nps} computes, as data: its input, options, unit, range and direction.
 * @category Survey
 */
export const npsDescriptor: KpiDescriptor = {
  id: 'nps',
  title: 'Net Promoter Score',
  category: 'survey',
  input: { kind: 'score', fields: {} },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'points',
    measure: 'nps',
    bounds: [-100, 100],
    better: 'higher',
    components: ['promoters', 'passives', 'detractors', 'promoterShare', 'passiveShare', 'detractorShare'],
  },
  periodModel: 'bucket',
  compute: nps,
  aggregator: npsAggregator,
}

/**
 * The aggregator behind {@link nps}, for windows (`byPeriod`), segments (`byKey`), streams and stored
 * partial states.
 * @category Survey
 */
export function npsAggregator(options?: NpsOptions): SurveyAggregator<ScoreInput, NpsState, NpsResult>
export function npsAggregator<T>(
  accessor: Accessor<T, ScoreInput>,
  options?: NpsOptions,
): SurveyAggregator<T, NpsState, NpsResult>
/* @__NO_SIDE_EFFECTS__ */
export function npsAggregator<T>(
  accessorOrOptions?: Accessor<T, ScoreInput> | NpsOptions,
  maybeOptions?: NpsOptions,
): SurveyAggregator<T, NpsState, NpsResult> {
  const fn = 'nps'
  const [read, options] = _accessorAndOptions<Accessor<T, ScoreInput>, NpsOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const resolved = _resolve(fn, RULES, options)
  const variant = _variant(RULES, resolved)
  const { level, minN, onInvalid, interval, lowSampleHalfWidth: threshold, ...o } = resolved
  const buckets = o.buckets === undefined ? BAIN : checkBuckets(fn, o.buckets)
  const { min, max, detractorMax, promoterMin } = buckets
  const score = (item: T, index: number) =>
    _score(read === undefined ? item : read(item, index), min, max, true)
  // Half-open buckets, so that an account's mean score (accountLevel) also finds one: [min, detractorMax + 1)
  // is a detractor, [promoterMin, max] a promoter. For whole scores these are Bain's buckets.
  const tally = (state: NpsState, x: number): NpsState => {
    state.counts[x >= promoterMin ? 0 : x >= detractorMax + 1 ? 1 : 2]++
    return state
  }
  const add = (state: NpsState, item: T, index: number): NpsState => {
    const x = score(item, index)
    if (typeof x === 'number') return tally(state, x)
    _exclude(state.excluded, x, onInvalid, fn, index, read === undefined ? item : read(item, index))
    return state
  }

  return {
    kpi: fn,
    score,
    tally,
    init: () => ({ counts: [0, 0, 0], excluded: _surveyExcluded() }),
    add,
    addRange: (state, items, start, end) => {
      // Runs of valid scores are counted by a small module-level loop (which the engine compiles as
      // tightly as a hand-written one); anything else goes through `add`.
      for (let i = start; i < end; i++) {
        i =
          read === undefined
            ? scan(items, i, end, min, max, promoterMin, detractorMax, state.counts)
            : scanWith(items, read, i, end, min, max, promoterMin, detractorMax, state.counts)
        if (i < end) add(state, items[i] as T, i)
      }
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      a.counts[0] += b.counts[0]
      a.counts[1] += b.counts[1]
      a.counts[2] += b.counts[2]
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const [promoters, passives, detractors] = state.counts
      const n = promoters + passives + detractors
      const counts = { promoters, passives, detractors }
      const measured = n > 0 && n >= minN
      const ci =
        !measured || interval === 'none'
          ? null
          : typeof interval === 'function'
            ? interval(counts, level)
            : _npsWald(counts, n, level, interval === 'adjusted-wald')
      return {
        kind: 'result',
        kpi: fn,
        value: measured ? (100 * (promoters - detractors)) / n : null,
        reason: _reasonOf(n, state.excluded, minN),
        variant,
        n,
        excluded: { ...state.excluded },
        measure: 'nps',
        definition: buckets === BAIN ? 'bain' : 'custom',
        ...counts,
        promoterShare: n > 0 ? promoters / n : null,
        passiveShare: n > 0 ? passives / n : null,
        detractorShare: n > 0 ? detractors / n : null,
        ci,
        lowSample: !measured || (ci !== null && (ci.upper - ci.lower) / 2 > threshold),
      }
    },
  }
}

/**
 * Counts whole scores in [low, high] from items[i] on, into counts (promoters, passives, detractors),
 * and returns the index of the first item that is not one (or `end`).
 */
function scan(
  items: ArrayLike<unknown>,
  i: number,
  end: number,
  low: number,
  high: number,
  top: number,
  bottom: number,
  counts: [number, number, number],
): number {
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (; i < end; i++) {
    const x = items[i]
    if (typeof x !== 'number' || !(x >= low && x <= high) || (x | 0) !== x) break
    if (x >= top) promoters++
    else if (x > bottom) passives++
    else detractors++
  }
  counts[0] += promoters
  counts[1] += passives
  counts[2] += detractors
  return i
}

/** {@link scan} through an accessor. */
function scanWith<T>(
  items: ArrayLike<T>,
  read: Accessor<T, unknown>,
  i: number,
  end: number,
  low: number,
  high: number,
  top: number,
  bottom: number,
  counts: [number, number, number],
): number {
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (; i < end; i++) {
    const x = read(items[i] as T, i)
    if (typeof x !== 'number' || !(x >= low && x <= high) || (x | 0) !== x) break
    if (x >= top) promoters++
    else if (x > bottom) passives++
    else detractors++
  }
  counts[0] += promoters
  counts[1] += passives
  counts[2] += detractors
  return i
}

/** The resolved buckets, in order (the resolver has checked each one). */
function checkBuckets(fn: string, buckets: NpsBuckets): NpsBuckets {
  const { min, max, detractorMax, promoterMin } = buckets
  if (!(min <= detractorMax && detractorMax < promoterMin && promoterMin <= max))
    throw _rangeError(fn, 'options.buckets', 'min ≤ detractorMax < promoterMin ≤ max', buckets)
  return buckets
}

/**
 * The Net Promoter Score: the percentage of promoters (9–10) minus the percentage of detractors (0–6)
 * among the answers to "How likely is it that you would recommend us to a friend or colleague?" on a
 * 0–10 scale. Passives (7–8) count in the denominator. Unit: points, −100…100 (not a percentage).
 *
 * Formula: NPS = 100 × (promoters − detractors) / n. Only whole scores 0–10 count; `null`/`undefined`
 * (unanswered), non-numbers, NaN, out-of-range and non-integer scores are counted in `excluded` by
 * reason. No responses give `value: null` — never 0. The interval is adjusted Wald by default.
 *
 * Source: Bain & Company, nps.bain.com; spec §1 (intervals: MeasuringU, Rocks 2016).
 *
 * @example
 * ```ts
 * nps([10, 9, 8, 7, 6, 0]).value //=> 0 (2 promoters, 2 detractors of 6)
 * nps(responses, (r) => r.score, { minN: 30 })
 * nps(['9', '10', '3']).value //=> 33.33… (decimal strings, as a CSV export gives them)
 * ```
 * @category Survey
 */
export function nps(items: Iterable<ScoreInput>, options?: NpsOptions): NpsResult
export function nps<T>(items: Iterable<T>, accessor: Accessor<T, ScoreInput>, options?: NpsOptions): NpsResult
export function nps<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, ScoreInput> | NpsOptions,
  options?: NpsOptions,
): NpsResult {
  return _foldAs('nps', npsAggregator(accessorOrOptions as Accessor<T, ScoreInput>, options), items)
}
