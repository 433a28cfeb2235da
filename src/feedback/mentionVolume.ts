import { _accessorAndOptions } from '../core/_args.ts'
import { _copy } from '../core/_copy.ts'
import { _dict, _get, _set } from '../core/_dict.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _numeric } from '../core/_numeric.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ExclusionCounts, KpiResult } from '../core/result.ts'
import type { Mention } from './_types.ts'

/**
 * Options of {@link mentionVolume}.
 * @category Feedback
 */
export interface MentionVolumeOptions {
  /** Platforms listed even without mentions (others are listed as they come). */
  readonly platforms?: readonly string[]
  /**
   * A record that is not a mention: count it (`invalid`), or throw.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: 'exclude' | 'throw'
}

/**
 * One platform's mentions.
 * @category Feedback
 */
export interface PlatformVolume {
  /** The platform, as the mentions name it. */
  readonly platform: string
  /** Its mentions. */
  readonly mentions: number
  /** Its share of all mentions. */
  readonly share: number | null
  /** The reach of its mentions (mentions without a reach add nothing). */
  readonly reach: number
}

/**
 * The result of {@link mentionVolume}.
 * @category Feedback
 */
export interface MentionVolumeResult extends KpiResult<'mentionVolume'> {
  /** Always `'level'`: a count, compared as a relative change. */
  readonly measure: 'level'
  /** The reach of every mention. */
  readonly reach: number
  /** Mentions whose reach is missing or not a non-negative number. */
  readonly withoutReach: number
  /** By platform, most mentioned first. */
  readonly platforms: readonly PlatformVolume[]
}

/**
 * The state of {@link mentionVolumeAggregator}.
 * @category Feedback
 */
export interface MentionVolumeState {
  /** Mentions and reach, by platform. */
  platforms: { [platform: string]: [mentions: number, reach: number] }
  /** Mentions without a usable reach. */
  withoutReach: number
  /** Mentions left out, by reason. */
  excluded: ExclusionCounts
}

const RULES = {
  platforms: { type: 'array', items: { type: 'string' } },
  onInvalid: _ON_INVALID,
} as const

const DOCS = { 'platforms[]': 'A platform name.', platforms: 'Platforms listed even without mentions.' }

/**
 * What {@link mentionVolume} computes, as data.
 * @category Feedback
 */
export const mentionVolumeDescriptor: KpiDescriptor = {
  id: 'mentionVolume',
  title: 'Mention volume',
  category: 'feedback',
  input: {
    kind: 'mention',
    fields: {
      platform: { type: 'string', required: true, doc: 'Where it was posted.' },
      reach: { type: 'number', required: false, doc: 'How many people it may have reached.' },
    },
  },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'count',
    measure: 'level',
    bounds: [0, null],
    better: 'higher',
    components: ['platforms', 'reach', 'withoutReach'],
  },
  periodModel: 'bucket',
  compute: mentionVolume,
  aggregator: mentionVolumeAggregator,
}

/**
 * The aggregator behind {@link mentionVolume}: with `byPeriod`, mentions by period and platform.
 * @category Feedback
 */
export function mentionVolumeAggregator(
  options?: MentionVolumeOptions,
): Aggregator<Mention, MentionVolumeState, MentionVolumeResult>
export function mentionVolumeAggregator<T>(
  accessor: Accessor<T, Mention>,
  options?: MentionVolumeOptions,
): Aggregator<T, MentionVolumeState, MentionVolumeResult>
/* @__NO_SIDE_EFFECTS__ */
export function mentionVolumeAggregator<T>(
  accessorOrOptions?: Accessor<T, Mention> | MentionVolumeOptions,
  maybeOptions?: MentionVolumeOptions,
): Aggregator<T, MentionVolumeState, MentionVolumeResult> {
  const fn = 'mentionVolume'
  const [read, options] = _accessorAndOptions<Accessor<T, Mention>, MentionVolumeOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const listed = o.platforms ?? []
  const variant = _variant(RULES, o)
  return {
    kpi: fn,
    init: () => ({ platforms: _dict(), withoutReach: 0, excluded: { missing: 0, invalid: 0 } }),
    add: (state, item, index) => {
      const m = read === undefined ? item : read(item, index)
      const platform =
        typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as Mention).platform : undefined
      if (typeof platform !== 'string' || platform.trim() === '' || platform.length > 1000) {
        const reason =
          m === null ||
          m === undefined ||
          (typeof m === 'object' && (platform === null || platform === undefined))
            ? 'missing'
            : 'invalid'
        _exclude(state.excluded, reason, o.onInvalid, fn, index, m)
        return state
      }
      const counts = _get(state.platforms, platform) ?? [0, 0]
      counts[0]++
      const r = (m as Mention).reach
      const reach = r === null || r === undefined ? null : _numeric(r)
      if (reach !== null && reach >= 0 && Number.isFinite(reach)) counts[1] += reach
      else state.withoutReach++
      _set(state.platforms, platform, counts)
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      for (const key of Object.keys(b.platforms)) {
        const x = _get(b.platforms, key) as [number, number]
        const y = _get(a.platforms, key) ?? [0, 0]
        _set(a.platforms, key, [y[0] + x[0], y[1] + x[1]])
      }
      a.withoutReach += b.withoutReach
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const keys = [...new Set([...listed, ...Object.keys(state.platforms)])]
      let n = 0
      let reach = 0
      for (const k of keys) {
        const [m, r] = _get(state.platforms, k) ?? [0, 0]
        n += m
        reach += r
      }
      const platforms = keys
        .map((platform) => {
          const [mentions, r] = _get(state.platforms, platform) ?? [0, 0]
          return { platform, mentions, share: n > 0 ? mentions / n : null, reach: r }
        })
        .sort(
          (x, y) =>
            y.mentions - x.mentions || (x.platform < y.platform ? -1 : x.platform > y.platform ? 1 : 0),
        )
      return {
        kind: 'result',
        kpi: fn,
        value: n > 0 ? n : null,
        reason: _reasonOf(n, state.excluded),
        variant,
        n,
        excluded: { ...state.excluded },
        measure: 'level',
        reach,
        withoutReach: state.withoutReach,
        platforms,
      }
    },
  }
}

/**
 * Mention volume: how many social mentions there were, by platform, with their reach. Windowed with
 * `byPeriod`, it is the volume by period and platform that social-listening reports start with.
 * Unit: count. Mentions without a platform are counted in `excluded`; no mentions give `value: null` with
 * `reason: 'no-data'` (a period `byPeriod` fills has `n: 0`).
 *
 * Source: spec §13 (social listening).
 *
 * @example
 * ```ts
 * mentionVolume([{ platform: 'x', reach: 120 }, { platform: 'instagram' }, { platform: 'x', reach: 30 }]).platforms
 * //=> [{ platform: 'x', mentions: 2, share: 0.6667, reach: 150 }, { platform: 'instagram', mentions: 1, share: 0.3333, reach: 0 }] (rounded)
 * ```
 * @category Feedback
 */
export function mentionVolume(items: Iterable<Mention>, options?: MentionVolumeOptions): MentionVolumeResult
export function mentionVolume<T>(
  items: Iterable<T>,
  accessor: Accessor<T, Mention>,
  options?: MentionVolumeOptions,
): MentionVolumeResult
export function mentionVolume<T>(
  items: Iterable<T>,
  accessorOrOptions?: Accessor<T, Mention> | MentionVolumeOptions,
  options?: MentionVolumeOptions,
): MentionVolumeResult {
  return _foldAs(
    'mentionVolume',
    mentionVolumeAggregator(accessorOrOptions as Accessor<T, Mention>, options),
    items,
  )
}
