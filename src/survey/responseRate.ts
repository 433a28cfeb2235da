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
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import type { SurveyOptions } from './_survey.ts'

/**
 * Options of {@link responseRate}.
 * @category Survey
 */
export interface ResponseRateOptions extends SurveyOptions {}

/**
 * Whether an offered survey was answered: `true` or `false` (`null`/`undefined` is missing).
 * @category Survey
 */
export type ResponseRateInput = boolean | null | undefined

/**
 * The result of {@link responseRate}.
 * @category Survey
 */
export interface ResponseRateResult extends KpiResult<'responseRate'> {
  /** Always `'proportion'`: compared in points with the two-proportion test. */
  readonly measure: 'proportion'
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

const RULES = { level: _LEVEL, minN: _MIN_N, onInvalid: _ON_INVALID } as const

/**
 * What {@link responseRate} computes, as data: its input, options, unit, range and direction.
 * @category Survey
 */
export const responseRateDescriptor: KpiDescriptor = {
  id: 'responseRate',
  title: 'Survey response rate',
  category: 'survey',
  input: { kind: 'answered', fields: {} },
  options: /* @__PURE__ */ _documented(RULES, _DOCS),
  result: {
    kind: 'result',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['answered', 'offered'],
    numerator: 'answered',
  },
  periodModel: 'bucket',
  compute: responseRate,
  aggregator: responseRateAggregator,
}

/**
 * The aggregator behind {@link responseRate}.
 * @category Survey
 */
export function responseRateAggregator(
  options?: ResponseRateOptions,
): Aggregator<ResponseRateInput, ResponseRateState, ResponseRateResult>
export function responseRateAggregator<T>(
  accessor: Accessor<T, ResponseRateInput>,
  options?: ResponseRateOptions,
): Aggregator<T, ResponseRateState, ResponseRateResult>
/* @__NO_SIDE_EFFECTS__ */
export function responseRateAggregator<T>(
  accessorOrOptions?: Accessor<T, ResponseRateInput> | ResponseRateOptions,
  maybeOptions?: ResponseRateOptions,
): Aggregator<T, ResponseRateState, ResponseRateResult> {
  const fn = 'responseRate'
  const [accessor, options] = _accessorAndOptions<Accessor<T, ResponseRateInput>, ResponseRateOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const answered: Accessor<T, unknown> = accessor ?? ((item) => item)
  const resolved = _resolve(fn, RULES, options)
  const variant = _variant(RULES, resolved)
  const { level, minN, onInvalid } = resolved
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
      if (a === b) b = _copy(b)
      a.counts[0] += b.counts[0]
      a.counts[1] += b.counts[1]
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: ({ counts: [yes, offered], excluded }) => {
      const measured = offered > 0 && offered >= minN
      return {
        kind: 'result',
        kpi: fn,
        value: measured ? yes / offered : null,
        reason: _reasonOf(offered, excluded, minN),
        variant,
        n: offered,
        excluded: { ...excluded },
        measure: 'proportion',
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
 * responseRate([true, false, true, null]).value //=> 0.6667 (null is missing)
 * responseRate(offers, (o) => o.answeredAt !== null).value // the share of survey offers answered
 * ```
 * @category Survey
 */
export function responseRate(
  items: Iterable<ResponseRateInput>,
  options?: ResponseRateOptions,
): ResponseRateResult
export function responseRate<T>(
  items: Iterable<T>,
  accessor: Accessor<T, ResponseRateInput>,
  options?: ResponseRateOptions,
): ResponseRateResult
export function responseRate<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, ResponseRateInput> | ResponseRateOptions,
  options?: ResponseRateOptions,
): ResponseRateResult {
  return _foldAs(
    'responseRate',
    responseRateAggregator(accessorOrOptions as Accessor<T, ResponseRateInput>, options),
    items,
  )
}
