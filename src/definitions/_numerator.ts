// A numerator filter on a ratio KPI: every row the definition's filters keep counts in the denominator,
// and only those the numerator filter also keeps count in the numerator ("the share of offered surveys
// answered by email", "tickets resolved at first contact by the billing team, over all tickets").
import type { AnyAggregator } from '../core/aggregator.ts'
import { agrestiCoullInterval } from '../stats/agrestiCoullInterval.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { _matches } from './_filter.ts'
import type { DefinitionFilter } from './_types.ts'

interface Proportion {
  readonly value: number | null
  readonly n: number
  readonly successes: number
  readonly ci: unknown
}

/**
 * The KPI twice over the same rows: once over every row (its denominator, and every other component),
 * once over the rows of the numerator filter (its successes). The result is the first, with `value`,
 * `successes`, the KPI's own numerator component and the interval taken from the narrowed successes.
 */
export function _numeratorAggregator(
  agg: AnyAggregator,
  filters: readonly DefinitionFilter[],
  component: string,
  options: Readonly<Record<string, unknown>>,
): AnyAggregator {
  const level = typeof options.level === 'number' ? options.level : 0.95
  const interval = options.interval === 'agresti-coull' ? agrestiCoullInterval : wilsonInterval
  return {
    kpi: agg.kpi,
    init: () => ({ all: agg.init(), numerator: agg.init() }),
    add: (state: { all: unknown; numerator: unknown }, row: Readonly<Record<string, unknown>>, i: number) => {
      state.all = agg.add(state.all, row, i)
      if (filters.every((f) => _matches(f, row))) state.numerator = agg.add(state.numerator, row, i)
      return state
    },
    merge: (a: { all: unknown; numerator: unknown }, b: { all: unknown; numerator: unknown }) => ({
      all: agg.merge(a.all, b.all),
      numerator: agg.merge(a.numerator, b.numerator),
    }),
    result: (state: { all: unknown; numerator: unknown }) => {
      const all = agg.result(state.all) as Proportion
      const successes = (agg.result(state.numerator) as Proportion).successes
      const measured = all.value !== null
      return {
        ...all,
        value: measured ? successes / all.n : null,
        successes,
        [component]: successes,
        ci: measured && all.ci !== null ? interval(successes, all.n, { level }) : null,
      }
    },
  } as AnyAggregator
}
