// Sentiment as other tools deliver it: a number in [−1, 1], or a label.
import { _typeError } from '../core/_assert.ts'
import { _numeric } from '../core/_numeric.ts'
import { _npsWald } from '../stats/_npsWald.ts'
import { _fold } from './_text.ts'
import type { NetSentimentSummary } from './_types.ts'

/** Polarity: 0 positive, 1 neutral (or mixed), 2 negative. */
export type _Polarity = 0 | 1 | 2

/** Why a sentiment is left out. */
export type _SentimentExclusion = 'missing' | 'invalid' | 'outOfRange'

/** The labels read by default (folded: lower case, no accents), English and Portuguese. */
const LABELS: { readonly [label: string]: readonly [_Polarity, number] } = {
  positive: [0, 1],
  'very positive': [0, 1],
  negative: [2, -1],
  'very negative': [2, -1],
  neutral: [1, 0],
  mixed: [1, 0],
  positivo: [0, 1],
  'muito positivo': [0, 1],
  negativo: [2, -1],
  'muito negativo': [2, -1],
  neutro: [1, 0],
  misto: [1, 0],
}

/** A sentiment reader: polarity and value of a raw sentiment, or why it is left out. */
export type _ReadSentiment = (raw: unknown) => readonly [_Polarity, number] | _SentimentExclusion

/**
 * Reads a sentiment: a number (or decimal string) in [−1, 1] is positive from `threshold` up,
 * negative from −`threshold` down, neutral between; a label is looked up, after folding, among
 * `labels` (label → `'positive' | 'neutral' | 'negative'`) and then the defaults.
 */
export function _sentimentReader(
  threshold: number,
  labels: { readonly [label: string]: 'positive' | 'neutral' | 'negative' } | undefined,
): _ReadSentiment {
  const own = new Map<string, readonly [_Polarity, number]>()
  if (labels !== undefined)
    for (const [k, v] of Object.entries(labels))
      own.set(fold(k), v === 'positive' ? [0, 1] : v === 'negative' ? [2, -1] : [1, 0])
  return (raw) => {
    if (raw === null || raw === undefined) return 'missing'
    const x = _numeric(raw)
    if (x !== null) {
      if (!(x >= -1 && x <= 1)) return 'outOfRange'
      return [x >= threshold ? 0 : x <= -threshold ? 2 : 1, x]
    }
    if (typeof raw !== 'string' || raw.length > 100) return 'invalid'
    const key = fold(raw)
    return (
      own.get(key) ?? (Object.hasOwn(LABELS, key) ? (LABELS[key] as readonly [_Polarity, number]) : 'invalid')
    )
  }
}

/** A label folded as the tagger folds words, with its separators made one space. */
const fold = (s: string): string =>
  _fold(s)
    .trim()
    .replace(/[\s_-]+/g, ' ')

/** Net sentiment of positive, neutral and negative counts, with the trinomial adjusted-Wald interval. */
export function _netSentiment(counts: readonly number[], level: number): NetSentimentSummary {
  const [positive, neutral, negative] = counts as [number, number, number]
  const n = positive + neutral + negative
  return {
    value: n > 0 ? (100 * (positive - negative)) / n : null,
    ci:
      n > 0
        ? _npsWald({ promoters: positive, passives: neutral, detractors: negative }, n, level, true)
        : null,
    n,
    positive,
    neutral,
    negative,
  }
}

/** Sentiment labels of the user's tool, checked: each maps to positive, neutral or negative. */
export function _labels(
  fn: string,
  arg: string,
  labels: unknown,
): { readonly [label: string]: 'positive' | 'neutral' | 'negative' } | undefined {
  if (labels === undefined) return undefined
  if (
    typeof labels !== 'object' ||
    labels === null ||
    Array.isArray(labels) ||
    !Object.values(labels).every((v) => v === 'positive' || v === 'neutral' || v === 'negative')
  )
    throw _typeError(fn, arg, "an object { label: 'positive' | 'neutral' | 'negative' }", labels)
  return labels as { readonly [label: string]: 'positive' | 'neutral' | 'negative' }
}
