import { _integer, _oneOf, _options, _typeError, _within } from '../core/_assert.ts'
import { _isChecked } from './_checked.ts'
import { _matcher, _meaningful, _PLACEHOLDERS, _placeholders } from './_matcher.ts'
import type { CodeFrameVersion, NotMeaningfulReason } from './_types.ts'
import { type CodeFrame, type CodeFrameInput, codeFrame, type FeedbackLanguage } from './codeFrame.ts'

/**
 * Options of {@link tagComment}.
 * @category Feedback
 */
export interface TagCommentOptions {
  /**
   * The comment's language; `'auto'` matches it in every language of the frame.
   * @defaultValue 'auto'
   */
  readonly language?: 'auto' | FeedbackLanguage
  /** Comments that carry no feedback, replacing the built-in list (as in {@link themes}). */
  readonly placeholders?: readonly string[]
  /**
   * Comments with fewer words are not meaningful.
   * @defaultValue 1
   */
  readonly minWords?: number
}

/**
 * Where a phrase matched: the theme, the phrase as the code frame writes it, the language it was
 * matched in, and the matched text with its UTF-16 offsets in the comment (`text.slice(start, end)`).
 * @category Feedback
 */
export interface PhraseMatch {
  /** The theme's id. */
  readonly theme: string
  /** The phrase of the code frame that matched. */
  readonly phrase: string
  /** The language it matched in. */
  readonly language: FeedbackLanguage
  /** Offset of the first matched character. */
  readonly start: number
  /** Offset after the last matched character. */
  readonly end: number
  /** The matched text, as the comment writes it. */
  readonly text: string
}

/**
 * A match that an exclusion phrase cancelled, with the exclusion's own match.
 * @category Feedback
 */
export interface CancelledMatch extends PhraseMatch {
  /** The exclusion phrase's match. */
  readonly by: PhraseMatch
}

/**
 * The tags of one comment, and how each was found.
 * @category Feedback
 */
export interface CommentTags {
  /** The code frame's id and version. */
  readonly codeFrame: CodeFrameVersion
  /** Whether the comment is meaningful (counted in theme volumes). */
  readonly meaningful: boolean
  /** Why it is not, or `null`. */
  readonly reason: NotMeaningfulReason | null
  /** Its themes with their ancestors, in code-frame order (none when it is not meaningful). */
  readonly themes: readonly string[]
  /** The phrases that tagged it, in the order of the text. */
  readonly matches: readonly PhraseMatch[]
  /** Matches cancelled by an exclusion phrase. */
  readonly cancelled: readonly CancelledMatch[]
}

/**
 * Tags one comment against a code frame and shows its work: every phrase that matched, where, in
 * which language, and every match an exclusion phrase cancelled — so that a tag can be audited. The
 * same tagger as {@link themes}: Unicode word boundaries, case and accent folding, light stemming,
 * multi-word phrases. Offsets are UTF-16 indices into `text`.
 *
 * @example
 * ```ts
 * const frame = codeFrame({ id: 'help', version: '2', themes: [
 *   { id: 'billing', label: 'Billing', phrases: { pt: ['cobrança'], en: ['invoice'] } },
 * ] })
 * tagComment('Duas COBRANCAS no mesmo mês', frame).matches //=> [{ theme: 'billing', phrase: 'cobrança', language: 'pt', start: 5, end: 14, text: 'COBRANCAS' }]
 * ```
 * @category Feedback
 */
export function tagComment(
  text: string,
  frame: CodeFrame | CodeFrameInput,
  options?: TagCommentOptions,
): CommentTags {
  const fn = 'tagComment'
  if (typeof text !== 'string' && text !== null && text !== undefined)
    throw _typeError(fn, 'text', 'a string', text)
  const f = _isChecked<CodeFrame>(frame)
    ? frame
    : _within(fn, 'frame', 'codeFrame', 'definition', () => codeFrame(frame as CodeFrameInput))
  const o = _options(fn, options, ['language', 'placeholders', 'minWords'])
  const language =
    o.language === undefined ? 'auto' : _oneOf(fn, 'options.language', o.language, ['auto', 'en', 'pt'])
  const minWords = o.minWords === undefined ? 1 : _integer(fn, 'options.minWords', o.minWords, 1, 1000)
  const list = o.placeholders ?? _PLACEHOLDERS
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string'))
    throw _typeError(fn, 'options.placeholders', 'an array of strings', o.placeholders)
  const m = _matcher(f)
  const words = typeof text === 'string' ? m.split(text) : null
  const reason = _meaningful(text, words, m.fold, _placeholders(m, list), minWords)
  const codeFrameId = { id: f.id, version: f.version }
  if (reason !== null || words === null)
    return { codeFrame: codeFrameId, meaningful: false, reason, themes: [], matches: [], cancelled: [] }
  const found = m.find(text, language === 'auto' ? null : language, words)
  const at = (x: {
    theme: number
    phrase: string
    language: FeedbackLanguage
    from: number
    to: number
  }): PhraseMatch => {
    const start = words.starts[x.from] as number
    const end = words.ends[x.to - 1] as number
    return {
      theme: (f.themes[x.theme] as { id: string }).id,
      phrase: x.phrase,
      language: x.language,
      start,
      end,
      text: text.slice(start, end),
    }
  }
  const order = (a: PhraseMatch, b: PhraseMatch) => a.start - b.start || a.end - b.end
  const tagged = new Set<number>()
  for (const x of found.matches) for (const t of m.lineage[x.theme] as readonly number[]) tagged.add(t)
  return {
    codeFrame: codeFrameId,
    meaningful: true,
    reason: null,
    themes: [...tagged].sort((a, b) => a - b).map((i) => (f.themes[i] as { id: string }).id),
    matches: found.matches.map(at).sort(order),
    cancelled: found.cancelled.map((x) => ({ ...at(x), by: at(x.by) })).sort(order),
  }
}
