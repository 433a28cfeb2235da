import { _accessorAndOptions } from '../core/_args.ts'
import { _typeError, _within } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult } from '../core/result.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import {
  type FirstReplyTimeOptions,
  type FirstReplyTimeResult,
  type FirstReplyTimeState,
  firstReplyTimeAggregator,
} from '../support/firstReplyTime.ts'
import type { Mention } from './_types.ts'

/**
 * Options of {@link mentionReplies}.
 * @category Feedback
 */
export interface MentionRepliesOptions {
  /** Options of the reply time, as for {@link firstReplyTime}: a business-hours `schedule`, a `targetMs`, the `method` (median, mean, a percentile). */
  readonly replyTime?: FirstReplyTimeOptions
  /**
   * Confidence level of the reply rate's interval.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * A record that is not a mention: count it (`invalid`), or throw.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: 'exclude' | 'throw'
}

/**
 * The result of {@link mentionReplies}: the reply rate, and the reply time of the replied mentions.
 * @category Feedback
 */
export interface MentionRepliesResult extends KpiResult<'mentionReplies'> {
  /** Always `'proportion'`. */
  readonly measure: 'proportion'
  /** Mentions that needed a reply (the denominator, also `n`). */
  readonly needingReply: number
  /** Those that got one. */
  readonly replied: number
  /** Mentions that did not need a reply. */
  readonly notNeedingReply: number
  /** Wilson interval of the reply rate. */
  readonly ci: ConfidenceInterval | null
  /** The time to the first reply, as {@link firstReplyTime} measures it (unanswered mentions are its `excluded.unanswered`). */
  readonly replyTime: FirstReplyTimeResult
}

/**
 * The state of {@link mentionRepliesAggregator}.
 * @category Feedback
 */
export interface MentionRepliesState {
  /** Needing a reply, replied, not needing one. */
  counts: [needing: number, replied: number, notNeeding: number]
  /** The reply times' state. */
  replyTime: FirstReplyTimeState
  /** Mentions left out, by reason. */
  excluded: ExclusionCounts
}

const RULES = {
  replyTime: { type: 'custom', expected: 'the options of firstReplyTime' },
  level: _LEVEL,
  onInvalid: _ON_INVALID,
} as const

const DOCS = { replyTime: 'Options of the reply time, as for firstReplyTime (schedule, targetMs, method).' }

/**
 * What {@link mentionReplies} computes, as data.
 * @category Feedback
 */
export const mentionRepliesDescriptor: KpiDescriptor = {
  id: 'mentionReplies',
  title: 'Mention reply rate',
  category: 'feedback',
  input: {
    kind: 'mention',
    fields: {
      at: { type: 'instant', required: true, doc: 'When it was posted.' },
      needsReply: { type: 'boolean', required: false, doc: 'Whether it needs a reply (absent: it does).' },
      repliedAt: { type: 'instant', required: false, doc: 'When the brand first replied.' },
    },
  },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['replied', 'needingReply', 'replyTime'],
  },
  periodModel: 'bucket',
  compute: mentionReplies,
  aggregator: mentionRepliesAggregator,
}

/**
 * The aggregator behind {@link mentionReplies}.
 * @category Feedback
 */
export function mentionRepliesAggregator(
  options?: MentionRepliesOptions,
): Aggregator<Mention, MentionRepliesState, MentionRepliesResult>
export function mentionRepliesAggregator<T>(
  accessor: Accessor<T, Mention>,
  options?: MentionRepliesOptions,
): Aggregator<T, MentionRepliesState, MentionRepliesResult>
/* @__NO_SIDE_EFFECTS__ */
export function mentionRepliesAggregator<T>(
  accessorOrOptions?: Accessor<T, Mention> | MentionRepliesOptions,
  maybeOptions?: MentionRepliesOptions,
): Aggregator<T, MentionRepliesState, MentionRepliesResult> {
  const fn = 'mentionReplies'
  const [read, options] = _accessorAndOptions<Accessor<T, Mention>, MentionRepliesOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  if (
    o.replyTime !== undefined &&
    (typeof o.replyTime !== 'object' || o.replyTime === null || Array.isArray(o.replyTime))
  )
    throw _typeError(fn, 'options.replyTime', 'the options of firstReplyTime, an object', o.replyTime)
  const times = _within(fn, 'options.replyTime', 'firstReplyTime', 'options', () =>
    firstReplyTimeAggregator(o.replyTime as FirstReplyTimeOptions | undefined),
  )
  const variant = _variant(RULES, o)
  return {
    kpi: fn,
    init: () => ({ counts: [0, 0, 0], replyTime: times.init(), excluded: { missing: 0, invalid: 0 } }),
    add: (state, item, index) => {
      const m = read === undefined ? item : read(item, index)
      if (typeof m !== 'object' || m === null || Array.isArray(m)) {
        _exclude(
          state.excluded,
          m === null || m === undefined ? 'missing' : 'invalid',
          o.onInvalid,
          fn,
          index,
          m,
        )
        return state
      }
      const { needsReply, at, repliedAt } = m as Mention
      if (needsReply !== undefined && needsReply !== null && typeof needsReply !== 'boolean') {
        _exclude(state.excluded, 'invalid', o.onInvalid, fn, index, m)
        return state
      }
      if (needsReply === false) {
        state.counts[2]++
        return state
      }
      if (at === null || at === undefined) {
        _exclude(state.excluded, 'missing', o.onInvalid, fn, index, m)
        return state
      }
      state.counts[0]++
      if (repliedAt !== null && repliedAt !== undefined) state.counts[1]++
      times.add(state.replyTime, { createdAt: at, firstReplyAt: repliedAt ?? null }, index)
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      for (let i = 0; i < 3; i++) (a.counts[i] as number) += b.counts[i] as number
      a.replyTime = times.merge(a.replyTime, b.replyTime)
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const [needing, replied, notNeeding] = state.counts
      return {
        kind: 'result',
        kpi: fn,
        value: needing > 0 ? replied / needing : null,
        reason: notNeeding > 0 && needing === 0 ? 'zero-denominator' : _reasonOf(needing, state.excluded),
        variant,
        n: needing,
        excluded: { ...state.excluded },
        measure: 'proportion',
        needingReply: needing,
        replied,
        notNeedingReply: notNeeding,
        ci: needing > 0 ? wilsonInterval(replied, needing, { level: o.level }) : null,
        replyTime: times.result(state.replyTime),
      }
    },
  }
}

/**
 * Replies to social mentions: the share of the mentions that need a reply which got one (unit:
 * proportion, Wilson interval), and the time to the first reply, measured exactly as
 * {@link firstReplyTime} measures tickets — in calendar time, or in business hours with a schedule,
 * against a target. A mention needs a reply unless it says `needsReply: false`. No mention needing a
 * reply gives `value: null`.
 *
 * Source: spec §13 (social listening: response rate and response time to mentions that need a reply).
 *
 * @example
 * ```ts
 * mentionReplies([
 *   { at: '2025-03-03T10:00:00Z', repliedAt: '2025-03-03T10:30:00Z' },
 *   { at: '2025-03-03T11:00:00Z', repliedAt: null },
 *   { at: '2025-03-03T12:00:00Z', needsReply: false },
 * ]).value //=> 0.5
 * ```
 * @category Feedback
 */
export function mentionReplies(
  items: Iterable<Mention>,
  options?: MentionRepliesOptions,
): MentionRepliesResult
export function mentionReplies<T>(
  items: Iterable<T>,
  accessor: Accessor<T, Mention>,
  options?: MentionRepliesOptions,
): MentionRepliesResult
export function mentionReplies<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, Mention> | MentionRepliesOptions,
  options?: MentionRepliesOptions,
): MentionRepliesResult {
  return _foldAs(
    'mentionReplies',
    mentionRepliesAggregator(accessorOrOptions as Accessor<T, Mention>, options),
    items,
  )
}
