import { _accessorAndOptions } from '../core/_args.ts'
import { _typeError, _within } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { type _Dict, _dict, _get, _set } from '../core/_dict.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _hash32 } from '../core/_hash.ts'
import { _sameMaker } from '../core/_made.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _ON_INVALID } from '../core/_rules.ts'
import { _emptyReason, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, NullReason, Variant } from '../core/result.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { _isChecked } from './_checked.ts'
import { type _Instrument, _instrument, type _ScoreMetric } from './_instrument.ts'
import { type _Matcher, _matcher, _meaningful, _PLACEHOLDERS, _placeholders } from './_matcher.ts'
import { _labels, type _Polarity, _sentimentReader, _netSentiment as netSentiment } from './_sentiment.ts'
import type {
  CodeFrameVersion,
  FeedbackScore,
  NetSentimentSummary,
  SentimentExclusions,
  SentimentInput,
  ThemeScoreMetric,
  ThemeTag,
} from './_types.ts'
import type { ClassifyContext } from './classifyComments.ts'
import {
  type CodeFrame,
  type CodeFrameInput,
  type CodeFrameTheme,
  codeFrame,
  type FeedbackLanguage,
} from './codeFrame.ts'

/**
 * An open comment: its text, or a record with the text and what else is known of it — the score of
 * the survey answer it came with, a sentiment from the user's tool, its language, tags an external
 * classifier gave it.
 * @category Feedback
 */
export type FeedbackComment =
  | string
  | null
  | undefined
  | {
      /** The comment. */
      readonly text?: unknown
      /** The score of the answer it came with (NPS 0–10, CSAT, CES), for theme scores. */
      readonly score?: unknown
      /** Its sentiment, −1…1 or a label, from the user's tool. */
      readonly sentiment?: SentimentInput
      /** `'en'` or `'pt'`; anything else (or nothing) is matched in every language of the frame. */
      readonly language?: string | null
      /** Themes an external classifier gave it, with confidences. */
      readonly tags?: readonly ThemeTag[] | null
    }

/**
 * A synchronous external classifier: themes with confidences for a comment. For an asynchronous one
 * (a model behind an API), tag the comments first with {@link classifyComments}.
 * @category Feedback
 */
export type ThemeClassifier = (text: string, context: ClassifyContext) => readonly ThemeTag[]

/**
 * Options of {@link themes}.
 * @category Feedback
 */
export interface ThemesOptions {
  /** The code frame (from {@link codeFrame}, or a definition it checks). */
  readonly codeFrame: CodeFrame | CodeFrameInput
  /**
   * What scores a theme: the NPS, CSAT or CES of the answers the comments came with (`score`), the
   * mean of their sentiment, or nothing.
   * @defaultValue 'none'
   */
  readonly scoreMetric?: 'none' | 'nps' | 'csat' | 'ces' | 'sentiment'
  /** Options of the instrument ({@link NpsOptions}, {@link CsatOptions}, {@link CesOptions}): its scale, interval, level. */
  readonly scoreOptions?: object
  /**
   * `'removal'`: overall score minus the score without the theme's comments (Thematic's impact);
   * `'difference'`: the theme's score minus the overall score.
   * @defaultValue 'removal'
   */
  readonly impactMethod?: 'removal' | 'difference'
  /**
   * What volumes are shares of, and what the overall score is over: the meaningful comments, or all.
   * @defaultValue 'meaningful'
   */
  readonly denominator?: 'meaningful' | 'all'
  /**
   * Themes with fewer mentions are listed in `suppressed`, not in `themes` nor in the co-occurrences.
   * @defaultValue 0
   */
  readonly minMentions?: number
  /**
   * Classifier tags below this confidence are counted as `needsReview`, not as mentions.
   * @defaultValue 0.5
   */
  readonly minConfidence?: number
  /** A synchronous classifier, whose tags are added to the code frame's. */
  readonly classifier?: ThemeClassifier
  /**
   * The language of comments that do not say theirs; `'auto'` matches them in every language of the frame.
   * @defaultValue 'auto'
   */
  readonly language?: 'auto' | 'en' | 'pt'
  /** Comments that carry no feedback ("n/a", "nada", "ok"…), compared after folding; replaces the built-in list. */
  readonly placeholders?: readonly string[]
  /**
   * Comments with fewer words are not meaningful (`tooShort`).
   * @defaultValue 1
   */
  readonly minWords?: number
  /**
   * A numeric sentiment is positive from this value up, negative from its opposite down (VADER's ±0.05).
   * @defaultValue 0.05
   */
  readonly sentimentThreshold?: number
  /** The user's own sentiment labels, each mapped to `'positive'`, `'neutral'` or `'negative'`. */
  readonly sentimentLabels?: { readonly [label: string]: 'positive' | 'neutral' | 'negative' }
  /**
   * Confidence level of the volume and net-sentiment intervals.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * A record that is not a comment: count it (`invalid`), or throw.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: 'exclude' | 'throw'
}

/**
 * Why a comment is not in the denominator: `missing` (no text), `invalid` (not a string or a
 * record), `empty` (blank), `noWords` (punctuation or symbols only), `placeholder` ("n/a", "nada"…),
 * `tooShort` (fewer than `minWords` words).
 * @category Feedback
 */
export type ThemesExclusion = 'empty' | 'noWords' | 'placeholder' | 'tooShort'

/**
 * Why a theme's impact is `null`: no score metric; no scored comment mentions it; or every scored
 * comment does, so that there is no score without it.
 * @category Feedback
 */
export type ImpactReason = 'no-score-metric' | 'no-scores' | 'theme-in-every-comment'

/**
 * One theme of a {@link ThemesResult}.
 * @category Feedback
 */
export interface ThemeRow {
  /** The theme's id. */
  readonly id: string
  /** Its labels. */
  readonly label: CodeFrameTheme['label']
  /** Its parent's id, or `null`. */
  readonly parent: string | null
  /** Its depth in the hierarchy (0: top level). */
  readonly depth: number
  /** Comments that mention it (or one of its descendants). */
  readonly mentions: number
  /** Share of the denominator that mentions it, 0–1. */
  readonly volume: number | null
  /** Wilson interval of `volume`. */
  readonly ci: ConfidenceInterval | null
  /** Classifier tags under `minConfidence`, not counted in `mentions`. */
  readonly needsReview: number
  /** The score among its mentions (`null` with `scoreMetric: 'none'`). */
  readonly score: FeedbackScore | null
  /** Its impact on the overall score, in the score's unit; `null` with `impactReason`. */
  readonly impact: number | null
  /** Why `impact` is `null`. */
  readonly impactReason: ImpactReason | null
  /** Net sentiment among its mentions. */
  readonly sentiment: NetSentimentSummary
}

/**
 * Two themes mentioned in the same comments.
 * @category Feedback
 */
export interface CooccurrenceRow {
  /** The two themes, in code-frame order. */
  readonly themes: readonly [string, string]
  /** Comments that mention both. */
  readonly count: number
  /** `count` over the denominator. */
  readonly share: number
  /** How much more often they meet than if they were independent: P(a and b) / (P(a) P(b)). */
  readonly lift: number
}

/**
 * Problems with classifier tags: a theme the frame does not have, or a confidence outside 0–1.
 * @category Feedback
 */
export interface TagProblems {
  /** Tags naming a theme the code frame does not have. */
  unknownTheme: number
  /** Tags whose confidence is not a number from 0 to 1. */
  invalidConfidence: number
}

/**
 * The result of {@link themes}.
 * @category Feedback
 */
export interface ThemesResult {
  /** Always `'themes'`. */
  readonly kind: 'themes'
  /** Always `'themes'`. */
  readonly kpi: 'themes'
  /** The code frame's id and version: results of different versions are not comparable. */
  readonly codeFrame: CodeFrameVersion
  /** The resolved options that change the numbers. */
  readonly variant: Variant
  /** `null` when there is a denominator; otherwise why not. */
  readonly reason: NullReason | null
  /** Every comment seen. */
  readonly comments: number
  /** The denominator: meaningful comments (or all, with `denominator: 'all'`). */
  readonly n: number
  /** Meaningful comments. */
  readonly meaningful: number
  /** Comments left out of the meaningful ones, by reason. */
  readonly excluded: ExclusionCounts<ThemesExclusion>
  /** Meaningful comments without a theme. */
  readonly untagged: number
  /** The score metric. */
  readonly scoreMetric: 'none' | ThemeScoreMetric
  /** The overall score over the denominator's comments. */
  readonly score: FeedbackScore | null
  /** Scores left out of `score`, by reason (missing, off the scale…). */
  readonly scoreExcluded: { readonly [reason: string]: number }
  /** Net sentiment over the denominator's comments. */
  readonly sentiment: NetSentimentSummary
  /** Sentiments left out, by reason. */
  readonly sentimentExcluded: SentimentExclusions
  /** The themes with at least `minMentions` mentions, most mentioned first (code-frame order on ties). */
  readonly themes: readonly ThemeRow[]
  /** Themes with fewer than `minMentions` mentions. */
  readonly suppressed: readonly string[]
  /** Pairs of themes mentioned together (never a theme with its own ancestor), most frequent first. */
  readonly cooccurrence: readonly CooccurrenceRow[]
  /** Problems with classifier tags. */
  readonly tagProblems: TagProblems
}

/**
 * One theme's part of a {@link ThemesState}.
 * @category Feedback
 */
export interface ThemeState {
  /** Comments that mention it. */
  mentions: number
  /** Classifier tags under the confidence threshold. */
  review: number
  /** The instrument's state over its mentions, or `null` without a score metric. */
  score: unknown
  /** Positive, neutral, negative. */
  sentiment: [number, number, number]
}

/**
 * The state of {@link themesAggregator}: counts, and the instrument's states, which subtract.
 * @category Feedback
 */
export interface ThemesState {
  /** The code frame and options that decided the counts, as JSON; other states are not merged. */
  made: string
  /** Every comment. */
  comments: number
  /** The denominator. */
  counted: number
  /** Meaningful comments. */
  meaningful: number
  /** Meaningful comments without a theme. */
  untagged: number
  /** Comments left out, by reason. */
  excluded: ExclusionCounts<ThemesExclusion>
  /** The instrument's state over the denominator's comments. */
  score: unknown
  /** Positive, neutral, negative over the denominator's comments. */
  sentiment: [number, number, number]
  /** Sentiments left out, by reason. */
  sentimentExcluded: SentimentExclusions
  /** By theme id. */
  themes: { [id: string]: ThemeState }
  /** Co-occurrences, by the two ids joined with a space. */
  pairs: { [pair: string]: number }
  /** Problems with classifier tags. */
  tagProblems: TagProblems
}

const RULES = {
  codeFrame: {
    type: 'custom',
    required: true,
    expected: 'a code frame (from codeFrame()) or its definition',
  },
  scoreMetric: { type: 'enum', values: ['none', 'nps', 'csat', 'ces', 'sentiment'], default: 'none' },
  scoreOptions: { type: 'custom', expected: 'the options of the score metric (nps, csat or ces)' },
  impactMethod: { type: 'enum', values: ['removal', 'difference'], default: 'removal' },
  denominator: { type: 'enum', values: ['meaningful', 'all'], default: 'meaningful' },
  minMentions: { type: 'number', integer: true, min: 0, default: 0 },
  minConfidence: { type: 'number', min: 0, max: 1, default: 0.5 },
  classifier: { type: 'function' },
  language: { type: 'enum', values: ['auto', 'en', 'pt'], default: 'auto' },
  placeholders: { type: 'array', items: { type: 'string' } },
  minWords: { type: 'number', integer: true, min: 1, max: 1000, default: 1 },
  sentimentThreshold: { type: 'number', min: 0, max: 1, default: 0.05 },
  sentimentLabels: { type: 'custom', expected: "an object { label: 'positive' | 'neutral' | 'negative' }" },
  level: _LEVEL,
  onInvalid: _ON_INVALID,
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  'placeholders[]': 'A placeholder phrase, compared after folding.',
  codeFrame: 'The code frame: versioned themes with phrases, exclusions and parents.',
  scoreMetric: "What scores a theme: the answers' NPS, CSAT or CES, mean sentiment, or nothing.",
  scoreOptions: "The score metric's own options (scale, interval).",
  impactMethod: 'Impact by removal (overall minus without the theme) or by difference (theme minus overall).',
  denominator: 'Volumes over meaningful comments, or over all.',
  minMentions: 'Themes with fewer mentions are suppressed (listed in `suppressed`).',
  minConfidence: 'Classifier tags below this confidence need review and are not counted.',
  classifier: 'A synchronous external classifier whose tags add to the code frame’s.',
  language: "The language of comments that do not say theirs; 'auto' matches every language.",
  placeholders: 'Comments that carry no feedback ("n/a", "nada", "ok"), replacing the built-in list.',
  minWords: 'Comments with fewer words are not meaningful.',
  sentimentThreshold: 'A numeric sentiment at or beyond ± this is positive or negative.',
  sentimentLabels: 'Sentiment labels of the user’s tool, mapped to positive, neutral or negative.',
}

/**
 * What {@link themes} computes, as data.
 * @category Feedback
 */
export const themesDescriptor: KpiDescriptor = {
  id: 'themes',
  title: 'Feedback themes',
  category: 'feedback',
  input: {
    kind: 'comment',
    fields: {
      text: { type: 'string', required: true, doc: 'The comment.' },
      score: { type: 'score', required: false, doc: 'The score of the answer it came with.' },
      sentiment: { type: 'number', required: false, doc: 'Its sentiment, −1…1 or a label.' },
      language: { type: 'string', required: false, doc: "'en' or 'pt'." },
      tags: { type: 'array', required: false, doc: 'Themes an external classifier gave it.' },
    },
  },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'themes',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['themes', 'score', 'sentiment', 'cooccurrence', 'suppressed'],
  },
  periodModel: 'bucket',
  compute: themes,
  aggregator: themesAggregator,
}

/** A comment as the aggregator reads it. */
interface Read {
  readonly text: unknown
  readonly score: unknown
  readonly sentiment: unknown
  readonly language: FeedbackLanguage | null
  readonly tags: unknown
}

const EMPTY: Read = {
  text: undefined,
  score: undefined,
  sentiment: undefined,
  language: null,
  tags: undefined,
}

/**
 * The aggregator behind {@link themes}, for windows (`byPeriod`: themes by quarter), segments (`byKey`:
 * by plan, by NPS group), streams and stored partial states.
 * @category Feedback
 */
export function themesAggregator(
  options: ThemesOptions,
): Aggregator<FeedbackComment, ThemesState, ThemesResult>
export function themesAggregator<T>(
  accessor: Accessor<T, FeedbackComment>,
  options: ThemesOptions,
): Aggregator<T, ThemesState, ThemesResult>
/* @__NO_SIDE_EFFECTS__ */
export function themesAggregator<T>(
  accessorOrOptions: Accessor<T, FeedbackComment> | ThemesOptions,
  maybeOptions?: ThemesOptions,
): Aggregator<T, ThemesState, ThemesResult> {
  const fn = 'themes'
  const [read, options] = _accessorAndOptions<Accessor<T, FeedbackComment>, ThemesOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const frame = _isChecked<CodeFrame>(o.codeFrame)
    ? o.codeFrame
    : _within(fn, 'options.codeFrame', 'codeFrame', 'definition', () =>
        codeFrame(o.codeFrame as CodeFrameInput),
      )
  const labels = _labels(fn, 'options.sentimentLabels', o.sentimentLabels)
  const readSentiment = _sentimentReader(o.sentimentThreshold, labels)
  const metric = o.scoreMetric as 'none' | _ScoreMetric
  if (o.scoreOptions !== undefined && (metric === 'none' || metric === 'sentiment'))
    throw _typeError(
      fn,
      'options.scoreOptions',
      "absent unless scoreMetric is 'nps', 'csat' or 'ces'",
      o.scoreOptions,
    )
  const instrument: _Instrument | null =
    metric === 'none'
      ? null
      : _within(fn, 'options.scoreOptions', metric, 'options', () =>
          _instrument(metric, o.scoreOptions as object | undefined, readSentiment, o.level),
        )
  const m: _Matcher = _matcher(frame)
  const placeholders = _placeholders(m, o.placeholders ?? _PLACEHOLDERS)
  const classifier = o.classifier as ThemeClassifier | undefined
  const all = o.denominator === 'all'
  const fallback: FeedbackLanguage | null = o.language === 'auto' ? null : (o.language as FeedbackLanguage)
  const variant: Variant = {
    ..._variant(RULES, { ...o, codeFrame: undefined, scoreOptions: undefined }),
    codeFrame: `${frame.id}@${frame.version}`,
    ...(o.scoreOptions === undefined ? {} : { scoreOptions: instrumentVariant(o.scoreOptions) }),
  }
  // The frame's themes and phrases as a digest: two frames that share an id and a version but differ
  // are still told apart, without carrying 2,000 phrases in every state.
  const made = JSON.stringify({
    frame: frame.id,
    version: frame.version,
    digest: _hash32(JSON.stringify(frame.themes)),
    variant: { ...variant, minMentions: undefined, level: undefined, impactMethod: undefined },
  })
  const themeIds = frame.themes.map((t) => t.id)
  const n = themeIds.length
  // Per comment: which themes it mentions, by index (a mark and a list, reused).
  const mark = new Uint8Array(n)
  const list: number[] = []
  const review: number[] = []
  const pairKeys = new Map<number, string>()

  const mention = (i: number) => {
    for (const t of m.lineage[i] as readonly number[])
      if (mark[t] === 0) {
        mark[t] = 1
        list.push(t)
      }
  }

  const theme = (state: ThemesState, id: string): ThemeState => {
    let t = _get(state.themes, id)
    if (t === undefined) {
      t = {
        mentions: 0,
        review: 0,
        score: instrument === null ? null : instrument.init(),
        sentiment: [0, 0, 0],
      }
      _set(state.themes, id, t)
    }
    return t
  }

  const given = (state: ThemesState, tags: unknown) => {
    if (tags === undefined || tags === null) return
    if (!Array.isArray(tags)) {
      state.tagProblems.invalidConfidence++
      return
    }
    for (const tag of tags as unknown[]) {
      const id = (tag as { theme?: unknown } | null)?.theme
      const i = typeof id === 'string' ? m.index.get(id) : undefined
      if (i === undefined) {
        state.tagProblems.unknownTheme++
        continue
      }
      const c = (tag as { confidence?: unknown }).confidence ?? 1
      if (typeof c !== 'number' || !(c >= 0 && c <= 1)) state.tagProblems.invalidConfidence++
      else if (c >= o.minConfidence) mention(i)
      else review.push(i)
    }
  }

  const add = (state: ThemesState, item: T, index: number): ThemesState => {
    const raw = read === undefined ? item : read(item, index)
    const c = comment(raw)
    if (c === null) {
      _exclude(state.excluded, 'invalid', o.onInvalid, fn, index, raw)
      state.comments++
      if (all) count(state, EMPTY, [])
      return state
    }
    state.comments++
    const text = c.text
    const words = typeof text === 'string' ? m.split(text) : null
    const why = _meaningful(text, words, m.fold, placeholders, o.minWords)
    if (why !== null) {
      state.excluded[why]++
      if (all) count(state, c, [])
      return state
    }
    state.meaningful++
    // A classifier that threw on the comment before may have left marks: start clean.
    for (const i of list) mark[i] = 0
    list.length = 0
    review.length = 0
    const language = c.language ?? fallback
    const found = m.find(text as string, language, words as NonNullable<typeof words>)
    for (const match of found.matches) mention(match.theme)
    given(state, c.tags)
    if (classifier !== undefined) {
      const tags = classifier(text as string, { themes: frame.themes, language, index })
      if (typeof (tags as { then?: unknown } | null)?.then === 'function')
        throw _typeError(
          fn,
          'options.classifier',
          'a synchronous function (use classifyComments for an asynchronous one)',
          tags,
        )
      given(state, tags)
    }
    for (const i of review) if (mark[i] === 0) theme(state, themeIds[i] as string).review++
    review.length = 0
    if (list.length === 0) state.untagged++
    list.sort((a, b) => a - b)
    count(state, c, list)
    // Pairs, never a theme with its own ancestor.
    for (let a = 0; a < list.length; a++) {
      const i = list[a] as number
      for (let b = a + 1; b < list.length; b++) {
        const j = list[b] as number
        if (
          (m.lineage[j] as readonly number[]).includes(i) ||
          (m.lineage[i] as readonly number[]).includes(j)
        )
          continue
        // A pair's key has a space, which no theme id has and no member of Object.prototype has
        // either: it is read and written directly, safely, in any state (one parsed from JSON too).
        // Keys are made once per pair and reused, so that the engine hashes each string once.
        const slot = i * n + j
        let key = pairKeys.get(slot)
        if (key === undefined) {
          key = `${themeIds[i]} ${themeIds[j]}`
          pairKeys.set(slot, key)
        }
        state.pairs[key] = (state.pairs[key] ?? 0) + 1
      }
    }
    for (const i of list) mark[i] = 0
    list.length = 0
    return state
  }

  /** Counts a comment in the denominator, with its score and sentiment, and under each of its themes. */
  const count = (state: ThemesState, c: Read, ids: readonly number[]) => {
    state.counted++
    const s = readSentiment(c.sentiment)
    if (typeof s === 'string') state.sentimentExcluded[s]++
    else state.sentiment[s[0] as _Polarity]++
    if (instrument !== null) instrument.add(state.score, metric === 'sentiment' ? c.sentiment : c.score)
    for (const i of ids) {
      const t = theme(state, themeIds[i] as string)
      t.mentions++
      if (typeof s !== 'string') t.sentiment[s[0] as _Polarity]++
      if (instrument !== null) instrument.add(t.score, metric === 'sentiment' ? c.sentiment : c.score)
    }
  }

  return {
    kpi: fn,
    init: () => ({
      made,
      comments: 0,
      counted: 0,
      meaningful: 0,
      untagged: 0,
      excluded: { missing: 0, invalid: 0, empty: 0, noWords: 0, placeholder: 0, tooShort: 0 },
      score: instrument === null ? null : instrument.init(),
      sentiment: [0, 0, 0],
      sentimentExcluded: { missing: 0, invalid: 0, outOfRange: 0 },
      themes: _dict(),
      pairs: _dict(),
      tagProblems: { unknownTheme: 0, invalidConfidence: 0 },
    }),
    add,
    merge: (a, b) => {
      _sameMaker(fn, a.made, b.made)
      if (a === b) b = _copy(b)
      a.comments += b.comments
      a.counted += b.counted
      a.meaningful += b.meaningful
      a.untagged += b.untagged
      _mergeCounts(a.excluded, b.excluded)
      _mergeCounts(a.sentimentExcluded as never, b.sentimentExcluded as never)
      _mergeCounts(a.tagProblems as never, b.tagProblems as never)
      for (let i = 0; i < 3; i++) (a.sentiment[i] as number) += b.sentiment[i] as number
      if (instrument !== null) a.score = instrument.merge(a.score, b.score)
      for (const id of Object.keys(b.themes)) {
        const x = _get(b.themes, id) as ThemeState
        const t = theme(a, id)
        t.mentions += x.mentions
        t.review += x.review
        for (let i = 0; i < 3; i++) (t.sentiment[i] as number) += x.sentiment[i] as number
        if (instrument !== null) t.score = instrument.merge(t.score, _copy(x.score))
      }
      for (const key of Object.keys(b.pairs))
        _set(a.pairs, key, (_get(a.pairs, key) ?? 0) + (_get(b.pairs, key) as number))
      return a
    },
    result: (state) => {
      const denominator = state.counted
      const overall = instrument === null ? null : instrument.score(state.score)
      const rows: ThemeRow[] = []
      const suppressed: string[] = []
      const shown = new Set<string>()
      frame.themes.forEach((t) => {
        const s = _get(state.themes as _Dict<ThemeState>, t.id)
        const mentions = s?.mentions ?? 0
        if (mentions < o.minMentions) {
          suppressed.push(t.id)
          return
        }
        shown.add(t.id)
        const score =
          instrument === null || s === undefined
            ? instrument === null
              ? null
              : { value: null, ci: null, n: 0 }
            : instrument.score(s.score)
        const [impact, impactReason] = impactOf(
          instrument,
          state.score,
          s?.score,
          overall,
          score,
          o.impactMethod,
        )
        rows.push({
          id: t.id,
          label: t.label,
          parent: t.parent,
          depth: t.depth,
          mentions,
          volume: denominator > 0 ? mentions / denominator : null,
          ci: denominator > 0 ? wilsonInterval(mentions, denominator, { level: o.level }) : null,
          needsReview: s?.review ?? 0,
          score,
          impact,
          impactReason,
          sentiment: netSentiment(s?.sentiment ?? [0, 0, 0], o.level),
        })
      })
      rows.sort((a, b) => b.mentions - a.mentions)
      const mentionsOf = new Map(rows.map((r) => [r.id, r.mentions]))
      const cooccurrence: CooccurrenceRow[] = []
      for (const key of Object.keys(state.pairs)) {
        const [a, b] = key.split(' ') as [string, string]
        if (!shown.has(a) || !shown.has(b)) continue
        const count = _get(state.pairs, key) as number
        const pa = (mentionsOf.get(a) as number) / denominator
        const pb = (mentionsOf.get(b) as number) / denominator
        cooccurrence.push({
          themes: [a, b],
          count,
          share: count / denominator,
          lift: count / denominator / (pa * pb),
        })
      }
      const at = (id: string) => m.index.get(id) as number
      cooccurrence.sort(
        (x, y) => y.count - x.count || at(x.themes[0]) - at(y.themes[0]) || at(x.themes[1]) - at(y.themes[1]),
      )
      return {
        kind: 'themes',
        kpi: fn,
        codeFrame: { id: frame.id, version: frame.version },
        variant,
        reason: denominator > 0 ? null : _emptyReason(state.excluded),
        comments: state.comments,
        n: denominator,
        meaningful: state.meaningful,
        excluded: { ...state.excluded },
        untagged: state.untagged,
        scoreMetric: metric,
        score: overall,
        scoreExcluded:
          instrument === null ? {} : { ...(state.score as { excluded: Record<string, number> }).excluded },
        sentiment: netSentiment(state.sentiment, o.level),
        sentimentExcluded: { ...state.sentimentExcluded },
        themes: rows,
        suppressed,
        cooccurrence,
        tagProblems: { ...state.tagProblems },
      }
    },
  }
}

/** A theme's impact and, when there is none, why. */
function impactOf(
  instrument: _Instrument | null,
  all: unknown,
  mine: unknown,
  overall: FeedbackScore | null,
  score: FeedbackScore | null,
  method: string,
): [number | null, ImpactReason | null] {
  if (instrument === null || overall === null || score === null) return [null, 'no-score-metric']
  if (score.value === null || mine === undefined) return [null, 'no-scores']
  if (method === 'difference') return [score.value - (overall.value as number), null]
  const without = instrument.score(instrument.subtract(all, mine))
  if (without.value === null) return [null, 'theme-in-every-comment']
  return [(overall.value as number) - without.value, null]
}

/** The comment in a raw item, or `null` when it is not one. */
function comment(raw: unknown): Read | null {
  if (raw === null || raw === undefined) return EMPTY
  if (typeof raw === 'string') return { ...EMPTY, text: raw }
  if (typeof raw !== 'object' || Array.isArray(raw)) return null
  const r = raw as Record<string, unknown>
  const language = r.language === 'en' || r.language === 'pt' ? r.language : null
  return { text: r.text, score: r.score, sentiment: r.sentiment, language, tags: r.tags }
}

/** The instrument's options as JSON, for `variant`. */
function instrumentVariant(options: unknown): Variant {
  return JSON.parse(JSON.stringify(options ?? {}, (_, v) => (typeof v === 'function' ? 'custom' : v)))
}

/**
 * Theme analysis of open comments against a code frame: for each theme (and each parent, counted at
 * every level), its **volume** — the share of meaningful comments that mention it, with a Wilson
 * interval (volumes do not sum to 100 %: a comment can mention several themes) —, its **score** — the
 * NPS, CSAT, CES or mean sentiment of the answers among its mentions, with the instrument's own
 * interval —, its **impact** and its net sentiment; and which themes meet in the same comments.
 *
 * Impact by removal (the default, Thematic's definition): overall score − score of the comments
 * without the theme, in the score's unit — how much the overall score would change if the theme's
 * comments were removed; impacts of overlapping themes do not add. By difference: theme score −
 * overall score, which ignores volume. A theme that every scored comment mentions has no impact by
 * removal (`null`, `theme-in-every-comment`).
 *
 * Meaningful comments are the denominator: blank, punctuation-only, placeholder ("n/a", "nada", "-",
 * "ok") and too-short comments are counted in `excluded` by reason. No comments give `reason:
 * 'no-data'` and every volume `null`.
 *
 * Source: Thematic (help.getthematic.com/article/86, /96); spec §13.
 *
 * @example
 * ```ts
 * const frame = codeFrame({ id: 'e2', version: '1', themes: [
 *   { id: 'bugs', label: 'Bugs', phrases: ['bug'] }, { id: 'price', label: 'Price', phrases: ['price'] },
 * ] })
 * const r = themes([{ text: 'Bugs everywhere', score: 2 }, { text: 'Fair price', score: 9 }, { text: 'Love it', score: 10 }],
 *   { codeFrame: frame, scoreMetric: 'nps' })
 * r.themes.map((t) => [t.id, t.impact]) //=> [['bugs', -66.67], ['price', 33.33]] (rounded)
 * ```
 * @category Feedback
 */
export function themes(items: Iterable<FeedbackComment>, options: ThemesOptions): ThemesResult
export function themes<T>(
  items: Iterable<T>,
  accessor: Accessor<T, FeedbackComment>,
  options: ThemesOptions,
): ThemesResult
export function themes<T>(
  items: Iterable<T>,
  accessorOrOptions: Accessor<T, FeedbackComment> | ThemesOptions,
  options?: ThemesOptions,
): ThemesResult {
  return _foldAs(
    'themes',
    themesAggregator(accessorOrOptions as Accessor<T, FeedbackComment>, options as ThemesOptions),
    items,
  )
}
