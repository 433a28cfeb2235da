import { _function, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _finder, type _Keyed, _keyed } from '../core/_keyed.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DISAMBIGUATION, _INPUT_TIME_ZONE, _ON_INVALID } from '../core/_rules.ts'
import { _emptyReason, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator, KeyedMap } from '../core/aggregator.ts'
import { _instantReader, type DateInput, type ParseInstantOptions } from '../core/parseInstant.ts'
import type { Excluded, ExclusionCounts, OnInvalid, Variant } from '../core/result.ts'
import { _surveyExcluded, type SurveyAggregator, type SurveyExclusion, type SurveyResult } from './_survey.ts'

/**
 * How several responses of one customer (or account) are counted:
 * - `'latest'` / `'first'`: only the account's latest / first valid response (by `date`);
 * - `'mean'`: the mean of the account's valid scores, counted once;
 * - `'all'`: every response (the KPI's own behaviour; useful to switch policies by configuration).
 * @category Survey
 */
export type AccountPolicy = 'all' | 'latest' | 'first' | 'mean'

/**
 * Why {@link accountLevel} left a response out, beside the KPI's own reasons: no account, no date (for
 * `'latest'` and `'first'`), or replaced by another response of the same account.
 * @category Survey
 */
export type AccountLevelExclusion = 'missingAccount' | 'undated' | 'duplicateAccount'

/**
 * The result of {@link accountLevel}: the KPI's result over one response (or mean) per account, with
 * the account-level exclusions counted beside the KPI's own.
 * @category Survey
 */
export type AccountLevelResult<Result extends SurveyResult> = Result & {
  /** Responses left out, by reason, the account-level ones included. */
  readonly excluded: Excluded<AccountLevelExclusion>
}

/**
 * Options of {@link accountLevel}.
 * @category Survey
 */
export interface AccountLevelOptions<T> extends ParseInstantOptions {
  /** Reads the customer or account a response belongs to. */
  readonly account: Accessor<T, string | number | null | undefined>
  /** How several responses of one account count. */
  readonly policy: AccountPolicy
  /** Reads when a response was given; required by `'latest'` and `'first'`. */
  readonly date?: Accessor<T, DateInput | null | undefined>
  /**
   * What to do with a response without an account or (for `'latest'` / `'first'`) a date.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * The state of {@link accountLevel}: one record per account — `[time, score]` for `'latest'` and
 * `'first'`, `[sum of scores, count]` for `'mean'` — the inner state for `'all'`, and what was left out.
 * @category Survey
 */
export interface AccountLevelState<State> {
  /** Records by account: `values[i]` is the record of account `keys[i]`. */
  accounts: KeyedMap<[number, number]>
  /** The inner KPI's state (policy `'all'`). */
  inner: State
  /** Valid responses filed under an account. */
  filed: number
  /** Responses left out before reaching the KPI, by reason. */
  excluded: ExclusionCounts<SurveyExclusion | AccountLevelExclusion>
}

const RULES = {
  account: { type: 'function' },
  policy: {
    type: 'enum',
    values: ['all', 'latest', 'first', 'mean'],
  },
  date: { type: 'function' },
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
  onInvalid: _ON_INVALID,
} as const

/**
 * Account-level survey KPIs: when one customer answered several times, count each account once —
 * its latest or first valid response, or the mean of its scores — instead of every response. Wraps
 * {@link npsAggregator}, {@link csatAggregator} or {@link cesAggregator}; the result is that KPI's, with
 * `n` counting accounts and the responses that were replaced counted in `excluded.duplicateAccount`.
 * Account-level NPS (`'mean'`) classifies each account as promoter, passive or detractor by its mean
 * score, with half-open buckets: below 7 detractor, 7 to below 9 passive, 9 and above promoter.
 *
 * No authority settles which response should count; the choice is yours and the result names it
 * through this wrapper (spec §1.3).
 *
 * @example
 * ```ts
 * fold(accountLevel(npsAggregator((r: Row) => r.score), {
 *   account: (r) => r.customerId, policy: 'latest', date: (r) => r.answeredAt,
 * }), responses)
 * ```
 * @category Survey
 */
/* @__NO_SIDE_EFFECTS__ */
export function accountLevel<T, State, Result extends SurveyResult>(
  aggregator: SurveyAggregator<T, State, Result>,
  options: AccountLevelOptions<T>,
): Aggregator<T, AccountLevelState<State>, AccountLevelResult<Result>> {
  const fn = 'accountLevel'
  if (aggregator === null || typeof aggregator !== 'object' || typeof aggregator.tally !== 'function') {
    throw _typeError(
      fn,
      'aggregator',
      'a survey aggregator (npsAggregator, csatAggregator or cesAggregator)',
      aggregator,
    )
  }
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const instant = _instantReader(fn, o)
  _function(fn, 'options.account', o.account)
  const policy = o.policy
  if (policy === undefined)
    throw _typeError(fn, 'options.policy', "one of 'all', 'latest', 'first', 'mean'", policy)
  if (policy === 'latest' || policy === 'first') _function(fn, 'options.date', o.date)
  const onInvalid = o.onInvalid
  const account = o.account as Accessor<T, unknown>
  const date = o.date as Accessor<T, unknown>
  const kpi = aggregator.kpi

  // Files (first, second) under `key`: [time, score] for 'latest' and 'first', [sum, count] for 'mean'.
  const find = _finder(kpi)
  const put = (accounts: _Keyed<[number, number]>, key: string, first: number, second: number): void => {
    const mine = find.get(accounts, key)
    if (mine === undefined) find.set(accounts, key, [first, second])
    else if (policy === 'mean') {
      mine[0] += first
      mine[1] += second
    } else {
      // A total order on (time, score), so that ties resolve the same way whatever the order of arrival.
      const later = first > mine[0] || (first === mine[0] && second > mine[1])
      if (later === (policy === 'latest')) {
        mine[0] = first
        mine[1] = second
      }
    }
  }

  return {
    kpi,
    init: () => ({
      accounts: _keyed(),
      inner: aggregator.init(),
      filed: 0,
      excluded: { ..._surveyExcluded(), missingAccount: 0, undated: 0, duplicateAccount: 0 },
    }),
    add: (state, item, index) => {
      if (policy === 'all') {
        state.inner = aggregator.add(state.inner, item, index)
        return state
      }
      const score = aggregator.score(item, index)
      if (typeof score !== 'number') {
        _exclude(state.excluded, score, onInvalid, kpi, index, item)
        return state
      }
      const key = account(item, index)
      if (key === null || key === undefined || key === '') {
        _exclude(state.excluded, 'missingAccount', onInvalid, kpi, index, key)
        return state
      }
      let time = 0
      if (policy !== 'mean') {
        const t = instant(date(item, index))
        if (t === null) {
          _exclude(state.excluded, 'undated', onInvalid, kpi, index, item)
          return state
        }
        time = t
      }
      state.filed++
      if (policy === 'mean') put(state.accounts, String(key), score, 1)
      else put(state.accounts, String(key), time, score)
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      const { keys, values } = b.accounts
      for (let i = 0; i < keys.length; i++) {
        const [first, second] = values[i] as [number, number]
        put(a.accounts, keys[i] as string, first, second)
      }
      a.inner = aggregator.merge(a.inner, b.inner)
      a.filed += b.filed
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      let inner = aggregator.merge(aggregator.init(), state.inner)
      const records = state.accounts.values
      for (const [first, second] of records)
        inner = aggregator.tally(inner, policy === 'mean' ? first / second : second)
      const result = aggregator.result(inner)
      const excluded: Record<string, number> = { ...result.excluded }
      _mergeCounts(excluded, state.excluded)
      excluded.duplicateAccount = (excluded.duplicateAccount ?? 0) + state.filed - records.length
      // Every response may have been left out here, before the KPI saw any.
      const reason = result.value === null && result.n === 0 ? _emptyReason(excluded) : result.reason
      const own = (result as { variant?: Variant }).variant
      return {
        ...result,
        reason,
        variant: { ...own, ...variant },
        excluded,
      } as unknown as AccountLevelResult<Result>
    },
  }
}
