// The code frame compiled for matching: one trie of stemmed words per language, walked once over a
// comment's words — not one regular expression per phrase.

import { _fold, type _Language, _splitter, _stemmer, type _Words } from './_text.ts'
import type { NotMeaningfulReason } from './_types.ts'
import type { CodeFrame, FeedbackLanguage } from './codeFrame.ts'

/** Where a phrase ends in the trie: its theme (by index), phrase, whether it excludes, and its words. */
interface Hit {
  readonly theme: number
  readonly phrase: string
  readonly exclude: boolean
  readonly length: number
}

interface Node {
  readonly next: Map<string, Node>
  readonly hits: Hit[]
}

/** One match of a phrase in a comment: words `from` to `to` (exclusive). */
export interface _Match {
  readonly theme: number
  readonly phrase: string
  readonly language: FeedbackLanguage
  readonly from: number
  readonly to: number
}

/** What the tagger found in a comment. */
export interface _Found {
  readonly words: _Words
  /** Matches that count. */
  readonly matches: _Match[]
  /** Matches cancelled by an exclusion phrase, each with the exclusion that cancelled it. */
  readonly cancelled: (_Match & { readonly by: _Match })[]
}

/** A compiled code frame. */
export interface _Matcher {
  readonly frame: CodeFrame
  /** Theme index by id. */
  readonly index: ReadonlyMap<string, number>
  /** For each theme, itself and its ancestors, by index. */
  readonly lineage: readonly (readonly number[])[]
  /** The words of a text. */
  readonly split: (text: string) => _Words
  /** Finds the phrases in a text, in `language`, or in every language of the frame when `null`. */
  find(text: string, language: FeedbackLanguage | null, words?: _Words): _Found
  /** The folded form of a word. */
  fold(word: string): string
}

/** Words seen, cached: comments repeat a small vocabulary. Cleared when it grows past this. */
const CACHE_LIMIT = 200_000

const cache = /* @__PURE__ */ new WeakMap<CodeFrame, _Matcher>()

/** The matcher of a checked code frame, compiled once per frame object. */
export function _matcher(frame: CodeFrame): _Matcher {
  let m = cache.get(frame)
  if (m === undefined) {
    m = compile(frame)
    cache.set(frame, m)
  }
  return m
}

function compile(frame: CodeFrame): _Matcher {
  const split = _splitter()
  const index = new Map(frame.themes.map((t, i) => [t.id, i]))
  const lineage = frame.themes.map((t, i) => [i, ...t.ancestors.map((a) => index.get(a) as number)])
  const folded = new Map<string, string>()
  const fold = (w: string): string => {
    let f = folded.get(w)
    if (f === undefined) {
      if (folded.size >= CACHE_LIMIT) folded.clear()
      f = _fold(w)
      folded.set(w, f)
    }
    return f
  }
  const languages = frame.languages
  const stemmers = languages.map((l) => _stemmer(frame.stemming ? (l as _Language) : 'none'))
  // Each word as written → its key in each language (its folded, stemmed form): one lookup a word.
  const keyed = new Map<string, string[]>()
  const keysOf = (w: string): string[] => {
    let k = keyed.get(w)
    if (k === undefined) {
      if (keyed.size >= CACHE_LIMIT) keyed.clear()
      const f = fold(w)
      k = stemmers.map((stem) => stem(f))
      keyed.set(w, k)
    }
    return k
  }
  const stems = languages.map(
    (_, li) =>
      (w: string): string =>
        keysOf(w)[li] as string,
  )
  /** Scratch space: the words' keys, by language, reused from comment to comment. */
  const scratch: string[][] = languages.map(() => [])
  const tries = languages.map((l, li) => {
    const root: Node = { next: new Map(), hits: [] }
    const stem = stems[li] as (w: string) => string
    frame.themes.forEach((t, ti) => {
      for (const [list, exclude] of [
        [t.phrases[l], false],
        [t.exclude[l], true],
      ] as const) {
        for (const phrase of list) {
          const words = split(phrase).words
          let node = root
          for (const w of words) {
            const key = stem(w)
            let next = node.next.get(key)
            if (next === undefined) {
              next = { next: new Map(), hits: [] }
              node.next.set(key, next)
            }
            node = next
          }
          node.hits.push({ theme: ti, phrase, exclude, length: words.length })
        }
      }
    })
    return root
  })
  const find = (text: string, language: FeedbackLanguage | null, given?: _Words): _Found => {
    const words = given ?? split(text)
    const n = words.words.length
    const matches: _Match[] = []
    const exclusions: _Match[] = []
    for (let i = 0; i < n; i++) {
      const k = keysOf(words.words[i] as string)
      for (let li = 0; li < languages.length; li++) (scratch[li] as string[])[i] = k[li] as string
    }
    let walked = 0
    for (let li = 0; li < languages.length; li++) {
      const l = languages[li] as FeedbackLanguage
      if (language !== null && language !== l) continue
      const root = tries[li] as Node
      const keys = scratch[li] as string[]
      // A phrase written for every language is found in each: it is kept once, from the first.
      const dedupe = walked++ > 0
      for (let i = 0; i < n; i++) {
        let node = root.next.get(keys[i] as string)
        for (let j = i + 1; node !== undefined; j++) {
          for (const hit of node.hits) {
            const list = hit.exclude ? exclusions : matches
            if (
              dedupe &&
              list.some((x) => x.theme === hit.theme && x.phrase === hit.phrase && x.from === i && x.to === j)
            )
              continue
            list.push({ theme: hit.theme, phrase: hit.phrase, language: l, from: i, to: j })
          }
          if (j >= n) break
          node = node.next.get(keys[j] as string)
        }
      }
    }
    if (exclusions.length === 0) return { words, matches, cancelled: [] }
    const kept: _Match[] = []
    const cancelled: (_Match & { by: _Match })[] = []
    for (const m of matches) {
      const by = exclusions.find((e) => e.theme === m.theme && e.from < m.to && m.from < e.to)
      if (by === undefined) kept.push(m)
      else cancelled.push({ ...m, by })
    }
    return { words, matches: kept, cancelled }
  }
  return { frame, index, lineage, split, find, fold }
}

/** The comment placeholders that carry no feedback, by default (compared after folding, word by word). */
export const _PLACEHOLDERS: readonly string[] = [
  'n/a',
  'na',
  'n.a.',
  'none',
  'nothing',
  'no',
  'no comment',
  'no comments',
  'nil',
  'null',
  'ok',
  'okay',
  'k',
  'x',
  'xx',
  'xxx',
  'test',
  'idk',
  'nope',
  'nada',
  'nenhum',
  'nenhuma',
  'nao',
  'sem comentarios',
  'sem comentario',
  'nada a declarar',
  'nada a acrescentar',
  'tudo ok',
  'teste',
  'nao sei',
]

/** Why a comment is not meaningful. */
export type _NotMeaningful = NotMeaningfulReason

/**
 * Whether a comment carries feedback: a string, not blank, with a word, not a placeholder, and with
 * at least `minWords` words. `placeholders` are folded word sequences (`'n a'` for "N/A").
 */
export function _meaningful(
  text: unknown,
  words: _Words | null,
  fold: (w: string) => string,
  placeholders: _Placeholders,
  minWords: number,
): _NotMeaningful | null {
  if (text === null || text === undefined) return 'missing'
  if (typeof text !== 'string' || words === null) return 'invalid'
  if (text.trim() === '') return 'empty'
  const n = words.words.length
  if (n === 0) return 'noWords'
  if (n <= placeholders.longest) {
    let key = ''
    for (let i = 0; i < n; i++) key += (i === 0 ? '' : ' ') + fold(words.words[i] as string)
    if (placeholders.keys.has(key)) return 'placeholder'
  }
  if (n < minWords) return 'tooShort'
  return null
}

/** Placeholder phrases as {@link _meaningful} compares them: folded word sequences, and the longest's length. */
export interface _Placeholders {
  readonly keys: ReadonlySet<string>
  readonly longest: number
}

/** The placeholders of a list of phrases. */
export function _placeholders(m: _Matcher, list: readonly string[]): _Placeholders {
  const words = list.map((p) => m.split(p).words.map(m.fold))
  return { keys: new Set(words.map((w) => w.join(' '))), longest: Math.max(0, ...words.map((w) => w.length)) }
}
