import { _accessorAndOptions } from '../core/_args.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _MIN_N, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult } from '../core/result.ts'
import { _labels, _netSentiment, _sentimentReader } from './_sentiment.ts'
import type { SentimentInput } from './_types.ts'

/**
 * Options of {@link netSentiment}.
 * @category Feedback
 */
export interface NetSentimentOptions {
  /**
   * A numeric sentiment is positive from this value up and negative from its opposite down (VADER's ±0.05).
   * @defaultValue 0.05
   */
  readonly threshold?: number
  /** The user's own labels, each mapped to `'positive'`, `'neutral'` or `'negative'`. */
  readonly labels?: { readonly [label: string]: 'positive' | 'neutral' | 'negative' }
  /**
   * Confidence level of the interval.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * Below this many sentiments `value` is `null` (`low-sample`).
   * @defaultValue 0
   */
  readonly minN?: number
  /**
   * An invalid sentiment: count it, or throw.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: 'exclude' | 'throw'
}

/**
 * Why a sentiment was left out: `missing`, `invalid` (neither a number nor a known label), `outOfRange` (outside −1…1).
 * @category Feedback
 */
export type NetSentimentExclusion = 'outOfRange'

/**
 * The result of {@link netSentiment}.
 * @category Feedback
 */
export interface NetSentimentResult extends KpiResult<'netSentiment', NetSentimentExclusion> {
  /** Always `'nps'`: net sentiment is compared as NPS is (points, trinomial test). */
  readonly measure: 'nps'
  /** Positive sentiments. */
  readonly positive: number
  /** Neutral or mixed ones. */
  readonly neutral: number
  /** Negative ones. */
  readonly negative: number
  /** Adjusted-Wald interval of `value`, points. */
  readonly ci: ConfidenceInterval | null
}

/**
 * The state of {@link netSentimentAggregator}.
 * @category Feedback
 */
export interface NetSentimentState {
  /** Positive, neutral, negative. */
  counts: [number, number, number]
  /** Sentiments left out, by reason. */
  excluded: ExclusionCounts<NetSentimentExclusion>
}

const RULES = {
  threshold: { type: 'number', min: 0, max: 1, default: 0.05 },
  labels: { type: 'custom', expected: "an object { label: 'positive' | 'neutral' | 'negative' }" },
  level: _LEVEL,
  minN: _MIN_N,
  onInvalid: _ON_INVALID,
} as const

const DOCS = {
  threshold: 'A numeric sentiment at or beyond ± this is positive or negative.',
  labels: 'Sentiment labels of the user’s tool, mapped to positive, neutral or negative.',
}

/**
 * What {@link netSentiment} computes, as data.
 * @category Feedback
 */
export const netSentimentDescriptor: KpiDescriptor = {
  id: 'netSentiment',
  title: 'Net sentiment',
  category: 'feedback',
  input: { kind: 'sentiment', fields: {} },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'points',
    measure: 'nps',
    bounds: [-100, 100],
    better: 'higher',
    components: ['positive', 'neutral', 'negative'],
  },
  periodModel: 'bucket',
  compute: netSentiment,
  aggregator: netSentimentAggregator,
}

/**
 * The aggregator behind {@link netSentiment}.
 * @category Feedback
 */
export function netSentimentAggregator(
  options?: NetSentimentOptions,
): Aggregator<SentimentInput, NetSentimentState, NetSentimentResult>
export function netSentimentAggregator<T>(
  accessor: Accessor<T, SentimentInput>,
  options?: NetSentimentOptions,
): Aggregator<T, NetSentimentState, NetSentimentResult>
/* @__NO_SIDE_EFFECTS__ */
export function netSentimentAggregator<T>(
  accessorOrOptions?: Accessor<T, SentimentInput> | NetSentimentOptions,
  maybeOptions?: NetSentimentOptions,
): Aggregator<T, NetSentimentState, NetSentimentResult> {
  const fn = 'netSentiment'
  const [read, options] = _accessorAndOptions<Accessor<T, SentimentInput>, NetSentimentOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const sentiment = _sentimentReader(o.threshold, _labels(fn, 'options.labels', o.labels))
  const variant = _variant(RULES, o)
  return {
    kpi: fn,
    init: () => ({ counts: [0, 0, 0], excluded: { missing: 0, invalid: 0, outOfRange: 0 } }),
    add: (state, item, index) => {
      const raw = read === undefined ? item : read(item, index)
      const s = sentiment(raw)
      if (typeof s === 'string') _exclude(state.excluded, s, o.onInvalid, fn, index, raw)
      else state.counts[s[0]]++
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      for (let i = 0; i < 3; i++) (a.counts[i] as number) += b.counts[i] as number
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const s = _netSentiment(state.counts, o.level)
      const measured = s.n > 0 && s.n >= o.minN
      return {
        kind: 'result',
        kpi: fn,
        value: measured ? s.value : null,
        reason: _reasonOf(s.n, state.excluded, o.minN),
        variant,
        n: s.n,
        excluded: { ...state.excluded },
        measure: 'nps',
        positive: s.positive,
        neutral: s.neutral,
        negative: s.negative,
        ci: measured ? s.ci : null,
      }
    },
  }
}

/**
 * Net sentiment: the percentage of positive minus the percentage of negative comments or mentions,
 * in points (−100…100), by analogy with NPS, with the same trinomial (adjusted Wald) interval.
 * Sentiment is an input — a number in [−1, 1] from the user's tool (positive from `threshold` up,
 * negative from −`threshold` down, VADER's convention) or a label (`positive`, `negative`, `neutral`,
 * `mixed`, `very positive`… and `positivo`, `negativo`, `neutro`, `misto`; `mixed` counts as neutral).
 * Missing, unknown and out-of-range sentiments are counted in `excluded`. No sentiments give `value: null`.
 *
 * Source: spec §13 (net sentiment by analogy with NPS); Hutto & Gilbert (2014), VADER, for ±0.05.
 *
 * @example
 * ```ts
 * netSentiment([0.8, 'positive', -0.4, 0.01]).value //=> 25 (2 positive, 1 negative of 4)
 * ```
 * @category Feedback
 */
export function netSentiment(
  items: Iterable<SentimentInput>,
  options?: NetSentimentOptions,
): NetSentimentResult
export function netSentiment<T>(
  items: Iterable<T>,
  accessor: Accessor<T, SentimentInput>,
  options?: NetSentimentOptions,
): NetSentimentResult
export function netSentiment<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, SentimentInput> | NetSentimentOptions,
  options?: NetSentimentOptions,
): NetSentimentResult {
  return _foldAs(
    'netSentiment',
    netSentimentAggregator(accessorOrOptions as Accessor<T, SentimentInput>, options),
    items,
  )
}
