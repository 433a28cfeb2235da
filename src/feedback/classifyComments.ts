import { _iterable } from '../core/_args.ts'
import { _function, _integer, _options, _typeError, _within } from '../core/_assert.ts'
import { _isChecked } from './_checked.ts'
import type { ThemeTag } from './_types.ts'
import {
  type CodeFrame,
  type CodeFrameInput,
  type CodeFrameTheme,
  codeFrame,
  type FeedbackLanguage,
} from './codeFrame.ts'

/**
 * An external classifier, synchronous or asynchronous — a model the user runs, an LLM behind an
 * API: the themes of one comment with confidences 0–1, chosen among `context.themes`.
 * @category Feedback
 */
export type AsyncThemeClassifier = (
  text: string,
  context: ClassifyContext,
) => readonly ThemeTag[] | PromiseLike<readonly ThemeTag[]>

/**
 * What a classifier is told about the comment it classifies.
 * @category Feedback
 */
export interface ClassifyContext {
  /** The themes it may return. */
  readonly themes: readonly CodeFrameTheme[]
  /** The comment's language, or `null` when unknown. */
  readonly language: FeedbackLanguage | null
  /** The comment's index in the input. */
  readonly index: number
}

/**
 * Options of {@link classifyComments}.
 * @category Feedback
 */
export interface ClassifyCommentsOptions {
  /**
   * How many comments are classified at once.
   * @defaultValue 4
   */
  readonly concurrency?: number
}

/**
 * A comment with the tags a classifier gave it: ready for {@link themes}, whose `minConfidence`
 * decides which tags count and which need review.
 * @category Feedback
 */
export interface ClassifiedComment<T> {
  /** The input item. */
  readonly item: T
  /** The comment's text (`''` when it had none: such a comment is not sent to the classifier). */
  readonly text: string
  /** Its language, when the item said it. */
  readonly language: FeedbackLanguage | null
  /** The tags the classifier returned for themes of the frame. */
  readonly tags: readonly ThemeTag[]
  /** Theme ids it returned that the code frame does not have (not counted anywhere else). */
  readonly unknown: readonly string[]
  /** The classifier's error for this comment, as a message, or `null`. */
  readonly error: string | null
}

/**
 * Runs an external classifier — synchronous or asynchronous — over comments, a few at a time, and
 * returns each comment with its tags, in input order, for {@link themes}
 * (`themes(classified, (c) => ({ text: c.text, tags: c.tags }), { codeFrame })`). The library ships
 * no model and downloads nothing: the classifier is the user's. Tags naming themes the frame does not
 * have are set apart in `unknown`; a classifier that throws or rejects on one comment gives that
 * comment no tags and its `error`, and the others are still classified.
 *
 * @example
 * ```ts
 * const frame = codeFrame({ id: 'f', version: '1', themes: [{ id: 'price', label: 'Price' }] })
 * const out = await classifyComments(['Too expensive'], async (text) => [{ theme: 'price', confidence: 0.9 }], frame)
 * out.map((c) => c.tags) //=> [[{ theme: 'price', confidence: 0.9 }]]
 * ```
 * @category Feedback
 */
export async function classifyComments<T>(
  items: Iterable<T>,
  classifier: AsyncThemeClassifier,
  frame: CodeFrame | CodeFrameInput,
  options?: ClassifyCommentsOptions,
): Promise<ClassifiedComment<T>[]> {
  const fn = 'classifyComments'
  _iterable(fn, items)
  _function(fn, 'classifier', classifier)
  const f = _isChecked<CodeFrame>(frame)
    ? frame
    : _within(fn, 'frame', 'codeFrame', 'definition', () => codeFrame(frame as CodeFrameInput))
  const o = _options(fn, options, ['concurrency'])
  const concurrency =
    o.concurrency === undefined ? 4 : _integer(fn, 'options.concurrency', o.concurrency, 1, 1000)
  const ids = new Set(f.themes.map((t) => t.id))
  const list = [...items]
  const out: ClassifiedComment<T>[] = new Array(list.length)
  let next = 0
  const work = async () => {
    while (next < list.length) {
      const index = next++
      const item = list[index] as T
      const raw = typeof item === 'object' && item !== null ? (item as { text?: unknown }).text : item
      const lang =
        typeof item === 'object' && item !== null ? (item as { language?: unknown }).language : null
      const language = lang === 'en' || lang === 'pt' ? lang : null
      const text = typeof raw === 'string' ? raw : ''
      if (text.trim() === '') {
        out[index] = { item, text, language, tags: [], unknown: [], error: null }
        continue
      }
      try {
        const given = await classifier(text, { themes: f.themes, language, index })
        if (!Array.isArray(given))
          throw _typeError(fn, 'classifier', 'a function returning an array of { theme, confidence }', given)
        const tags: ThemeTag[] = []
        const unknown: string[] = []
        for (const t of given as unknown[]) {
          const theme = (t as { theme?: unknown } | null)?.theme
          const confidence = (t as { confidence?: unknown } | null)?.confidence
          if (typeof theme !== 'string' || !ids.has(theme)) unknown.push(String(theme))
          else tags.push(confidence === undefined ? { theme } : { theme, confidence: confidence as number })
        }
        out[index] = { item, text, language, tags, unknown, error: null }
      } catch (e) {
        out[index] = {
          item,
          text,
          language,
          tags: [],
          unknown: [],
          error: e instanceof Error ? e.message : String(e),
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, work))
  return out
}
