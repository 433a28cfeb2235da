import { _accessorAndOptions } from '../core/_args.ts'
import { _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { type _Dict, _dict, _get, _set } from '../core/_dict.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _made, _sameMaker } from '../core/_made.ts'
import { _numeric } from '../core/_numeric.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _ON_INVALID } from '../core/_rules.ts'
import { _reasonOf, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult } from '../core/result.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { _fold } from './_text.ts'
import type { Mention } from './_types.ts'

/**
 * Options of {@link shareOfVoice}.
 * @category Feedback
 */
export interface ShareOfVoiceOptions {
  /** Your brand, as the mentions name it (compared without case, accents or surrounding space). */
  readonly brand: string
  /** The competitor brands you track; without them, every brand the mentions name is tracked. */
  readonly competitors?: readonly string[]
  /**
   * What a mention weighs: one, or its reach.
   * @defaultValue 'mentions'
   */
  readonly weight?: 'mentions' | 'reach'
  /**
   * Confidence level of the interval (by mentions).
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
 * Why a mention was left out: `missing` (no brand), `invalid`, `untracked` (a brand you do not track),
 * `invalidReach` (with `weight: 'reach'`, a reach that is not a non-negative number).
 * @category Feedback
 */
export type ShareOfVoiceExclusion = 'untracked' | 'invalidReach'

/**
 * One tracked brand's voice.
 * @category Feedback
 */
export interface BrandVoice {
  /** The brand, as the options name it (or, untracked by name, as the mentions first spell it). */
  readonly brand: string
  /** Whether it is yours. */
  readonly own: boolean
  /** Its mentions. */
  readonly mentions: number
  /** Its share of the tracked mentions. */
  readonly share: number | null
  /** The reach of its mentions. */
  readonly reach: number
  /** Its share of the tracked reach. */
  readonly reachShare: number | null
}

/**
 * The result of {@link shareOfVoice}.
 * @category Feedback
 */
export interface ShareOfVoiceResult extends KpiResult<'shareOfVoice', ShareOfVoiceExclusion> {
  /** Always `'proportion'`. */
  readonly measure: 'proportion'
  /** What `value` weighs by. */
  readonly weight: 'mentions' | 'reach'
  /** Wilson interval of the share by mentions; `null` by reach (a reach is not a count of trials). */
  readonly ci: ConfidenceInterval | null
  /** Every tracked brand, yours first, then by mentions. */
  readonly brands: readonly BrandVoice[]
}

/**
 * The state of {@link shareOfVoiceAggregator}.
 * @category Feedback
 */
export interface ShareOfVoiceState {
  /** The brands and weight, as JSON; other states are not merged. */
  made: string
  /** Mentions and reach, by folded brand. */
  brands: { [brand: string]: [mentions: number, reach: number] }
  /** The spelling of each brand (the smallest seen, so that merges agree). */
  names: { [brand: string]: string }
  /** Mentions left out, by reason. */
  excluded: ExclusionCounts<ShareOfVoiceExclusion>
}

const RULES = {
  brand: { type: 'string', required: true, expected: 'your brand, a non-empty string' },
  competitors: { type: 'array', items: { type: 'string' } },
  weight: { type: 'enum', values: ['mentions', 'reach'], default: 'mentions' },
  level: _LEVEL,
  onInvalid: _ON_INVALID,
} as const

const DOCS = {
  'competitors[]': 'A competitor brand.',
  brand: 'Your brand, as the mentions name it.',
  competitors: 'The competitor brands you track (default: every brand the mentions name).',
  weight: 'What a mention weighs: one, or its reach.',
}

/**
 * What {@link shareOfVoice} computes, as data.
 * @category Feedback
 */
export const shareOfVoiceDescriptor: KpiDescriptor = {
  id: 'shareOfVoice',
  title: 'Share of voice',
  category: 'feedback',
  input: {
    kind: 'mention',
    fields: {
      brand: { type: 'string', required: true, doc: 'The brand it mentions.' },
      reach: { type: 'number', required: false, doc: 'How many people it may have reached.' },
    },
  },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['brands', 'weight'],
  },
  periodModel: 'bucket',
  compute: shareOfVoice,
  aggregator: shareOfVoiceAggregator,
}

/** A brand folded as the tagger folds words: case, accents and surrounding space do not count. */
const fold = (s: string): string => _fold(s).trim()

/**
 * The aggregator behind {@link shareOfVoice}.
 * @category Feedback
 */
export function shareOfVoiceAggregator(
  options: ShareOfVoiceOptions,
): Aggregator<Mention, ShareOfVoiceState, ShareOfVoiceResult>
export function shareOfVoiceAggregator<T>(
  accessor: Accessor<T, Mention>,
  options: ShareOfVoiceOptions,
): Aggregator<T, ShareOfVoiceState, ShareOfVoiceResult>
/* @__NO_SIDE_EFFECTS__ */
export function shareOfVoiceAggregator<T>(
  accessorOrOptions: Accessor<T, Mention> | ShareOfVoiceOptions,
  maybeOptions?: ShareOfVoiceOptions,
): Aggregator<T, ShareOfVoiceState, ShareOfVoiceResult> {
  const fn = 'shareOfVoice'
  const [read, options] = _accessorAndOptions<Accessor<T, Mention>, ShareOfVoiceOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const own = fold(o.brand)
  if (own === '') throw _typeError(fn, 'options.brand', 'your brand, a non-empty string', o.brand)
  const competitors = o.competitors?.map(fold)
  competitors?.forEach((c, i) => {
    if (c === '' || c === own)
      throw _typeError(
        fn,
        `options.competitors[${i}]`,
        'a non-empty brand other than yours',
        o.competitors?.[i],
      )
  })
  const tracked = competitors === undefined ? null : new Set([own, ...competitors])
  const configured = new Map<string, string>([[own, o.brand.trim()]])
  o.competitors?.forEach((c, i) => {
    configured.set(competitors?.[i] as string, c.trim())
  })
  const variant = _variant(RULES, o)
  const made = _made(variant, ['brand', 'competitors', 'weight'])
  const byReach = o.weight === 'reach'
  return {
    kpi: fn,
    init: () => ({
      made,
      brands: _dict(),
      names: _dict(),
      excluded: { missing: 0, invalid: 0, untracked: 0, invalidReach: 0 },
    }),
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
      const raw = (m as Mention).brand
      if (raw === null || raw === undefined) {
        _exclude(state.excluded, 'missing', o.onInvalid, fn, index, m)
        return state
      }
      if (typeof raw !== 'string' || fold(raw) === '' || raw.length > 1000) {
        _exclude(state.excluded, 'invalid', o.onInvalid, fn, index, m)
        return state
      }
      const key = fold(raw)
      if (tracked !== null && !tracked.has(key)) {
        _exclude(state.excluded, 'untracked', o.onInvalid, fn, index, m)
        return state
      }
      const r = (m as Mention).reach
      const reach = r === null || r === undefined ? null : _numeric(r)
      const validReach = reach !== null && reach >= 0 && Number.isFinite(reach)
      if (byReach && !validReach) {
        _exclude(state.excluded, 'invalidReach', o.onInvalid, fn, index, m)
        return state
      }
      const counts = _get(state.brands, key) ?? [0, 0]
      counts[0]++
      if (validReach) counts[1] += reach
      _set(state.brands, key, counts)
      const name = configured.get(key) ?? raw.trim()
      const seen = _get(state.names, key)
      if (seen === undefined || name < seen) _set(state.names, key, name)
      return state
    },
    merge: (a, b) => {
      _sameMaker(fn, a.made, b.made)
      if (a === b) b = _copy(b)
      for (const key of Object.keys(b.brands)) {
        const x = _get(b.brands, key) as [number, number]
        const y = _get(a.brands, key) ?? [0, 0]
        _set(a.brands, key, [y[0] + x[0], y[1] + x[1]])
        const name = _get(b.names, key) as string
        const seen = _get(a.names, key)
        if (seen === undefined || name < seen) _set(a.names, key, name)
      }
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => {
      const keys = Object.keys(state.brands)
      let mentions = 0
      let reach = 0
      for (const k of keys) {
        const [m, r] = _get(state.brands as _Dict<[number, number]>, k) as [number, number]
        mentions += m
        reach += r
      }
      const mine = _get(state.brands, own) ?? [0, 0]
      const brands: BrandVoice[] = keys.map((k) => {
        const [m, r] = _get(state.brands, k) as [number, number]
        return {
          brand: _get(state.names, k) as string,
          own: k === own,
          mentions: m,
          share: mentions > 0 ? m / mentions : null,
          reach: r,
          reachShare: reach > 0 ? r / reach : null,
        }
      })
      if (!Object.hasOwn(state.brands, own))
        brands.push({
          brand: o.brand.trim(),
          own: true,
          mentions: 0,
          share: mentions > 0 ? 0 : null,
          reach: 0,
          reachShare: reach > 0 ? 0 : null,
        })
      brands.sort(
        (x, y) => Number(y.own) - Number(x.own) || y.mentions - x.mentions || (x.brand < y.brand ? -1 : 1),
      )
      const n = mentions
      const value = byReach ? (reach > 0 ? mine[1] / reach : null) : n > 0 ? mine[0] / n : null
      return {
        kind: 'result',
        kpi: fn,
        value,
        reason: byReach && n > 0 && reach === 0 ? 'zero-denominator' : _reasonOf(n, state.excluded),
        variant,
        n,
        excluded: { ...state.excluded },
        measure: 'proportion',
        weight: byReach ? 'reach' : 'mentions',
        ci: byReach || n === 0 ? null : wilsonInterval(mine[0], n, { level: o.level }),
        brands,
      }
    },
  }
}

/**
 * Share of voice: your brand's mentions over the mentions of every brand you track (yours and the
 * competitors'), or, with `weight: 'reach'`, your mentions' reach over theirs. Unit: proportion, 0–1,
 * with a Wilson interval by mentions. Brands are compared without case, accents or surrounding space;
 * mentions of brands you do not track, and without a brand, are counted in `excluded`. No tracked
 * mentions give `value: null`.
 *
 * Source: spec §13 (social listening); the share-of-voice definition of social-listening tools
 * (mentions of the brand / mentions of all tracked brands).
 *
 * @example
 * ```ts
 * shareOfVoice([{ brand: 'Lumen' }, { brand: 'lumen' }, { brand: 'Acme' }, { brand: 'Other' }],
 *   { brand: 'Lumen', competitors: ['Acme'] }).value //=> 0.6667 (rounded; 'Other' is untracked)
 * ```
 * @category Feedback
 */
export function shareOfVoice(items: Iterable<Mention>, options: ShareOfVoiceOptions): ShareOfVoiceResult
export function shareOfVoice<T>(
  items: Iterable<T>,
  accessor: Accessor<T, Mention>,
  options: ShareOfVoiceOptions,
): ShareOfVoiceResult
export function shareOfVoice<T>(
  items: Iterable<T>,
  accessorOrOptions: Accessor<T, Mention> | ShareOfVoiceOptions,
  options?: ShareOfVoiceOptions,
): ShareOfVoiceResult {
  return _foldAs(
    'shareOfVoice',
    shareOfVoiceAggregator(accessorOrOptions as Accessor<T, Mention>, options as ShareOfVoiceOptions),
    items,
  )
}
