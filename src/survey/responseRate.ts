import { _function, _options } from '../core/_assert.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import { fold } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult } from '../core/result.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { _common, type SurveyOptions } from './_survey.ts'

/**
 * Options of {@link responseRate}.
 * @category Survey
 */
export interface ResponseRateOptions<T> extends SurveyOptions {
  /** Whether an offered survey was answered (`true`/`false`). */
  readonly answered: Accessor<T, boolean | null | undefined>
}

/**
 * The result of {@link responseRate}.
 * @category Survey
 */
export interface ResponseRateResult extends KpiResult<'responseRate'> {
  /** Always `'proportion'`: compared in points with the two-proportion test. */
  readonly scale: 'proportion'
  /** Surveys answered. */
  readonly answered: number
  /** Surveys offered (= n). */
  readonly offered: number
  /** Answered surveys, for comparisons. */
  readonly successes: number
  /** Wilson interval of the rate. */
  readonly ci: ConfidenceInterval | null
  /** True below `minN`. */
  readonly lowSample: boolean
}

/**
 * The state of {@link responseRateAggregator}.
 * @category Survey
 */
export interface ResponseRateState {
  /** Answered and offered. */
  counts: [number, number]
  /** Offers left out, by reason. */
  excluded: ExclusionCounts
}

/**
 * The aggregator behind {@link responseRate}.
 * @category Survey
 */
/* @__NO_SIDE_EFFECTS__ */
export function responseRateAggregator<T>(
  options: ResponseRateOptions<T>,
): Aggregator<T, ResponseRateState, ResponseRateResult> {
  const fn = 'responseRate'
  const o = _options(fn, options)
  _function(fn, 'options.answered', o.answered)
  const answered = o.answered as Accessor<T, unknown>
  const { level, minN, onInvalid } = _common(fn, o)
  return {
    kpi: fn,
    init: () => ({ counts: [0, 0], excluded: { missing: 0, invalid: 0 } }),
    add: (state, item, index) => {
      const x = answered(item, index)
      if (x === true || x === false) {
        if (x) state.counts[0]++
        state.counts[1]++
      } else
        _exclude(
          state.excluded,
          x === null || x === undefined ? 'missing' : 'invalid',
          onInvalid,
          fn,
          index,
          x,
        )
      return state
    },
    merge: (a, b) => {
      a.counts[0] += b.counts[0]
      a.counts[1] += b.counts[1]
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: ({ counts: [yes, offered], excluded }) => {
      const measured = offered > 0 && offered >= minN
      return {
        kpi: fn,
        value: measured ? yes / offered : null,
        n: offered,
        excluded: { ...excluded },
        scale: 'proportion',
        answered: yes,
        offered,
        successes: yes,
        ci: measured ? wilsonInterval(yes, offered, { level }) : null,
        lowSample: !measured,
      }
    },
  }
}

/**
 * The survey response rate: surveys answered / surveys offered, with the Wilson interval. Report it
 * beside CSAT, NPS and CES, whose denominators never include unanswered surveys. Unit: proportion 0…1.
 * An offer whose `answered` is `null`/`undefined` is counted in `excluded.missing`; no offers give
 * `value: null`.
 *
 * Source: spec §2.3 ("report the response rate separately as rated / offered").
 *
 * @example
 * ```ts
 * responseRate(offers, { answered: (o) => o.answeredAt !== null }).value //=> 0.32
 * ```
 * @category Survey
 */
export function responseRate<T>(items: Iterable<T>, options: ResponseRateOptions<T>): ResponseRateResult {
  return fold(responseRateAggregator(options), items)
}
