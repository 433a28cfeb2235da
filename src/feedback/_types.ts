import type { DateInput } from '../core/parseInstant.ts'
import type { ConfidenceInterval } from '../core/result.ts'

/**
 * Something in each language of a code frame (a label, a list of phrases).
 * @category Feedback
 */
export interface PerLanguage<T> {
  /** In English. */
  readonly en?: T
  /** In Portuguese. */
  readonly pt?: T
}

/**
 * Which code frame, and which version of it, tagged a result.
 * @category Feedback
 */
export interface CodeFrameVersion {
  /** The code frame's id. */
  readonly id: string
  /** Its version. */
  readonly version: string
}

/**
 * Sentiments left out, by reason: none given, not a number or a known label, outside −1…1.
 * @category Feedback
 */
export interface SentimentExclusions {
  /** None given. */
  missing: number
  /** Neither a number nor a known label. */
  invalid: number
  /** A number outside −1…1. */
  outOfRange: number
}

/**
 * Why a comment is not meaningful: `missing` (no text), `invalid` (not text), `empty` (blank),
 * `noWords` (punctuation or symbols only), `placeholder` ("n/a", "nada"…), `tooShort`.
 * @category Feedback
 */
export type NotMeaningfulReason = 'missing' | 'invalid' | 'empty' | 'noWords' | 'placeholder' | 'tooShort'

/**
 * What scores a theme: the NPS, CSAT or CES of the answers its comments came with, or their mean sentiment.
 * @category Feedback
 */
export type ThemeScoreMetric = 'nps' | 'csat' | 'ces' | 'sentiment'

/**
 * A score of a set of comments — the instrument's own number (NPS, CSAT, CES or mean sentiment), its
 * interval and how many comments it rests on.
 * @category Feedback
 */
export interface FeedbackScore {
  /** The score, or `null` without scored comments. */
  readonly value: number | null
  /** Its interval, as the instrument gives it. */
  readonly ci: ConfidenceInterval | null
  /** Scored comments. */
  readonly n: number
}

/**
 * Net sentiment: the percentage of positive minus the percentage of negative among comments with a
 * sentiment, in points (−100…100), with a trinomial (adjusted Wald) interval as for NPS.
 * @category Feedback
 */
export interface NetSentimentSummary {
  /** Net sentiment, points; `null` without sentiments. */
  readonly value: number | null
  /** Its interval, points. */
  readonly ci: ConfidenceInterval | null
  /** Comments with a sentiment. */
  readonly n: number
  /** Positive ones. */
  readonly positive: number
  /** Neutral or mixed ones. */
  readonly neutral: number
  /** Negative ones. */
  readonly negative: number
}

/**
 * A theme tag given by an external classifier (or by the data): the theme's id and the classifier's
 * confidence, 0–1 (1 when absent).
 * @category Feedback
 */
export interface ThemeTag {
  /** The theme's id in the code frame. */
  readonly theme: string
  /** The classifier's confidence, 0–1. */
  readonly confidence?: number
}

/**
 * Sentiment as a tool gives it: a number in [−1, 1] or a label (`'positive'`, `'negative'`,
 * `'neutral'`, `'mixed'`, `'very positive'`… and their Portuguese forms).
 * @category Feedback
 */
export type SentimentInput = number | string | null | undefined

/**
 * A social mention, as a listening tool exports it. Each KPI reads the fields it needs.
 * @category Feedback
 */
export interface Mention {
  /** Where it was posted (`'x'`, `'instagram'`, `'reclameaqui'`…). */
  readonly platform?: string | null
  /** When. */
  readonly at?: DateInput | null
  /** Who posted it. */
  readonly author?: string | null
  /** What it says. */
  readonly text?: string | null
  /** Its sentiment, −1…1 or a label. */
  readonly sentiment?: SentimentInput
  /** How many people it may have reached (followers, impressions). */
  readonly reach?: number | string | null
  /** The brand it mentions (yours or a competitor's). */
  readonly brand?: string | null
  /** Whether it needs a reply (a question, a complaint); absent means it does. */
  readonly needsReply?: boolean | null
  /** When the brand first replied; `null` if it has not. */
  readonly repliedAt?: DateInput | null
}
