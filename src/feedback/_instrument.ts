// The score of a set of comments — NPS, CSAT, CES or mean sentiment — through the instrument's own
// aggregator, so that a theme's score and interval are exactly what the KPI gives for those responses.
import { _copy } from '../core/_copy.ts'
import { _mergeCounts } from '../core/_exclude.ts'
import type { ConfidenceInterval } from '../core/result.ts'
import type { SampleSummary } from '../stats/meanInterval.ts'
import { meanInterval } from '../stats/meanInterval.ts'
import type { SurveyAggregator } from '../survey/_survey.ts'
import { cesAggregator } from '../survey/ces.ts'
import { csatAggregator } from '../survey/csat.ts'
import { npsAggregator } from '../survey/nps.ts'
import type { _ReadSentiment } from './_sentiment.ts'

/** A score, its interval and how many responses it rests on. */
export interface _Score {
  readonly value: number | null
  readonly ci: ConfidenceInterval | null
  readonly n: number
}

/** Accumulates one instrument's scores in plain, subtractable states (counts and sums). */
export interface _Instrument<S = unknown> {
  init(): S
  /** Adds a raw score; `false` when it was left out (counted in the state). */
  add(state: S, raw: unknown): boolean
  merge(a: S, b: S): S
  /** `a − b`, for the responses of `a` that are not in `b` (a subset of them). */
  subtract(a: S, b: S): S
  score(state: S): _Score
}

import type { ThemeScoreMetric } from './_types.ts'

/** The metric that scores comments. */
export type _ScoreMetric = ThemeScoreMetric

/** The instrument of a metric, made with the instrument's own options. */
export function _instrument(
  metric: _ScoreMetric,
  options: object | undefined,
  sentiment: _ReadSentiment,
  level: number,
): _Instrument {
  if (metric === 'sentiment') return sentimentInstrument(sentiment, level)
  const agg: SurveyAggregator<
    unknown,
    { excluded: Record<string, number> },
    { value: number | null; ci: ConfidenceInterval | null; n: number }
  > =
    metric === 'nps'
      ? (npsAggregator(options) as never)
      : metric === 'csat'
        ? (csatAggregator(options) as never)
        : (cesAggregator(options) as never)
  return {
    init: () => agg.init(),
    add: (state, raw) => {
      const x = agg.score(raw, 0)
      if (typeof x === 'number') {
        agg.tally(state as never, x)
        return true
      }
      const excluded = (state as { excluded: Record<string, number> }).excluded
      excluded[x] = (excluded[x] ?? 0) + 1
      return false
    },
    merge: (a, b) => agg.merge(a as never, b as never),
    subtract: (a, b) => _subtract(a, b),
    score: (state) => {
      const r = agg.result(state as never)
      return { value: r.value, ci: r.ci, n: r.n }
    },
  }
}

/** State of the sentiment instrument: count, sum and sum of squares, and what was left out. */
interface SentimentState {
  moments: [number, number, number]
  excluded: Record<string, number>
}

function sentimentInstrument(read: _ReadSentiment, level: number): _Instrument<SentimentState> {
  return {
    init: () => ({ moments: [0, 0, 0], excluded: { missing: 0, invalid: 0, outOfRange: 0 } }),
    add: (state, raw) => {
      const s = read(raw)
      if (typeof s === 'string') {
        state.excluded[s] = (state.excluded[s] ?? 0) + 1
        return false
      }
      state.moments[0]++
      state.moments[1] += s[1]
      state.moments[2] += s[1] * s[1]
      return true
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      for (let i = 0; i < 3; i++) (a.moments[i] as number) += b.moments[i] as number
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    subtract: (a, b) => _subtract(a, b),
    score: (state) => {
      const [n, sum, squares] = state.moments
      if (n === 0) return { value: null, ci: null, n }
      const mean = sum / n
      const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0
      const summary: SampleSummary = { n, mean, standardDeviation: Math.sqrt(variance) }
      return { value: mean, ci: meanInterval(summary, { level }), n }
    },
  }
}

/** `a − b` for states of counts and sums: numbers, arrays of numbers and records of them; strings kept. */
export function _subtract<S>(a: S, b: S): S {
  if (typeof a === 'number') return ((a as number) - (b as number)) as S
  if (Array.isArray(a)) return a.map((x, i) => _subtract(x, (b as unknown[])[i])) as S
  if (a !== null && typeof a === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(a))
      out[k] = _subtract((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    return out as S
  }
  return a
}
