import { type _Problems, _throwProblems, _unknownKeys } from '../core/_problems.ts'
import { _markChecked } from './_checked.ts'
import { _fold, _splitter } from './_text.ts'
import type { PerLanguage } from './_types.ts'

/**
 * A language the tagger knows: Portuguese or English.
 * @category Feedback
 */
export type FeedbackLanguage = 'en' | 'pt'

/**
 * Phrases of a theme: one list for every language of the code frame, or a list per language.
 * @category Feedback
 */
export type PhraseList = readonly string[] | PerLanguage<readonly string[]>

/**
 * A theme's label: one for every language, or one per language.
 * @category Feedback
 */
export type ThemeLabel = string | PerLanguage<string>

/**
 * One theme (code) of a code frame, as written.
 * @category Feedback
 */
export interface ThemeInput {
  /** Its id: letters, digits, `_`, `-`, `.`; unique in the frame. */
  readonly id: string
  /** Its label, for people. */
  readonly label: ThemeLabel
  /** The id of its parent theme: a comment tagged with this theme is counted under the parent too. */
  readonly parent?: string | null
  /** What the theme covers, for the people who tag and audit. */
  readonly description?: string
  /** Phrases and synonyms that tag a comment with the theme (one word or several). */
  readonly phrases?: PhraseList
  /** Phrases under which a match of this theme does not count (`not a bug` for *bugs*). */
  readonly exclude?: PhraseList
  /** Ignored: what {@link codeFrame} adds (a checked frame is a definition too), computed again. */
  readonly ancestors?: readonly string[]
  /** Ignored, as `ancestors`. */
  readonly depth?: number
}

/**
 * A code frame (taxonomy) as written: versioned themes with their phrases.
 * @category Feedback
 */
export interface CodeFrameInput {
  /** `'code-frame'`, or absent. */
  readonly kind?: 'code-frame'
  /** Its id. */
  readonly id: string
  /** Its version: every result carries it, and results of different versions are not compared. */
  readonly version: string
  /**
   * The languages it matches; a comment of unknown language is matched in each.
   * @defaultValue ['en', 'pt']
   */
  readonly languages?: readonly FeedbackLanguage[]
  /**
   * Inflection-tolerant matching (plurals, gender, common verb forms); `false` matches folded words exactly.
   * @defaultValue true
   */
  readonly stemming?: boolean
  /** The themes. */
  readonly themes: readonly ThemeInput[]
}

/**
 * Phrases by language, after checking.
 * @category Feedback
 */
export interface PhrasesByLanguage {
  /** English phrases. */
  readonly en: readonly string[]
  /** Portuguese phrases. */
  readonly pt: readonly string[]
}

/**
 * A theme of a checked code frame.
 * @category Feedback
 */
export interface CodeFrameTheme {
  /** Its id. */
  readonly id: string
  /** Its label by language (every language of the frame has one). */
  readonly label: PerLanguage<string>
  /** Its parent's id, or `null` for a top-level theme. */
  readonly parent: string | null
  /** Its ancestors, nearest first. */
  readonly ancestors: readonly string[]
  /** 0 for a top-level theme, 1 for its children, and so on. */
  readonly depth: number
  /** What it covers (`''` when not said). */
  readonly description: string
  /** Phrases that tag it. */
  readonly phrases: PhrasesByLanguage
  /** Phrases that cancel its matches. */
  readonly exclude: PhrasesByLanguage
}

/**
 * A checked code frame: plain, frozen JSON that the tagger compiles once.
 * @category Feedback
 */
export interface CodeFrame {
  /** Always `'code-frame'`. */
  readonly kind: 'code-frame'
  /** Its id. */
  readonly id: string
  /** Its version. */
  readonly version: string
  /** The languages it matches. */
  readonly languages: readonly FeedbackLanguage[]
  /** Whether matching is inflection-tolerant. */
  readonly stemming: boolean
  /** The themes, parents before their children. */
  readonly themes: readonly CodeFrameTheme[]
}

const ID = /^[\p{L}\p{N}_.-]{1,100}$/u
const TOP = ['kind', 'id', 'version', 'languages', 'stemming', 'themes']
// `ancestors` and `depth` are what a checked frame adds: a frame read back from JSON is checked again.
const THEME = ['id', 'label', 'parent', 'description', 'phrases', 'exclude', 'ancestors', 'depth']
const LANGUAGES: readonly FeedbackLanguage[] = ['en', 'pt']

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * Checks a code frame — a versioned taxonomy of themes with labels per language, parents, phrases,
 * synonyms and exclusion phrases — and returns it frozen, parents before children. Every problem is
 * named in one error (a `TypeError` when all are of type, a `RangeError` otherwise).
 *
 * A phrase is one or more words; it matches a comment where the comment has the same words in a row,
 * after case and accent folding and, unless `stemming: false`, light stemming of both (`cobranças`
 * matches `cobrança`, `bugs` matches `bug`, `demorou` matches `demora`). An exclusion phrase cancels
 * every match of its own theme that it overlaps: with `exclude: ['not a bug']`, "not a bug report" does
 * not tag *bugs*, but "not a bug report, the export bugs are" does, through its second match.
 *
 * Call it once and pass the result to {@link themes} and {@link tagComment}: the frame is compiled
 * for matching once per frame object. A frame read back from JSON is checked again.
 *
 * @example
 * ```ts
 * codeFrame({
 *   id: 'lumen', version: '1',
 *   themes: [{ id: 'billing', label: { en: 'Billing', pt: 'Cobrança' }, phrases: { en: ['invoice'], pt: ['cobrança'] } }],
 * }).themes.map((t) => t.phrases.pt) //=> [['cobrança']]
 * ```
 * @category Feedback
 */
export function codeFrame(definition: CodeFrameInput): CodeFrame {
  const fn = 'codeFrame'
  const problems: _Problems = []
  const arg = 'definition'
  if (!isObject(definition)) _throwProblems(fn, [[arg, 'a code frame { id, version, themes }', definition]])
  _unknownKeys(arg, definition, TOP, problems)
  if (definition.kind !== undefined && definition.kind !== 'code-frame')
    problems.push([`${arg}.kind`, "'code-frame' or absent", definition.kind])
  if (typeof definition.id !== 'string' || !ID.test(definition.id))
    problems.push([`${arg}.id`, 'an id of letters, digits, `_`, `-` and `.`', definition.id])
  if (
    typeof definition.version !== 'string' ||
    definition.version.trim() === '' ||
    definition.version.length > 100
  )
    problems.push([`${arg}.version`, 'a non-empty string', definition.version])
  let languages: readonly FeedbackLanguage[] = LANGUAGES
  if (definition.languages !== undefined) {
    const given = definition.languages as unknown
    if (
      !Array.isArray(given) ||
      given.length === 0 ||
      given.some((l, i) => !LANGUAGES.includes(l) || given.indexOf(l) !== i)
    )
      problems.push([`${arg}.languages`, "a non-empty list of distinct languages, 'en' and/or 'pt'", given])
    else languages = LANGUAGES.filter((l) => given.includes(l))
  }
  const stemming = definition.stemming ?? true
  if (typeof stemming !== 'boolean') problems.push([`${arg}.stemming`, 'a boolean', stemming])
  const given = definition.themes as unknown
  if (!Array.isArray(given) || given.length === 0) {
    problems.push([`${arg}.themes`, 'a non-empty array of themes { id, label, phrases }', given])
    _throwProblems(fn, problems)
  }
  if (given.length > 100_000) _throwProblems(fn, [[`${arg}.themes`, 'at most 100,000 themes', given.length]])
  const split = _splitter()
  const ids = new Map<string, number>()
  const raw: {
    id: string
    at: number
    parent: string | null
    theme: Omit<CodeFrameTheme, 'ancestors' | 'depth'>
  }[] = []
  given.forEach((t: unknown, i: number) => {
    const p = `${arg}.themes[${i}]`
    if (!isObject(t)) {
      problems.push([p, 'a theme { id, label, phrases }', t])
      return
    }
    _unknownKeys(p, t, THEME, problems)
    const id = t.id
    if (typeof id !== 'string' || !ID.test(id)) {
      problems.push([`${p}.id`, 'an id of letters, digits, `_`, `-` and `.`', id])
      return
    }
    if (ids.has(id)) problems.push([`${p}.id`, 'an id no other theme has', id])
    ids.set(id, i)
    const label = labels(`${p}.label`, t.label, languages, problems)
    const parent = t.parent === undefined || t.parent === null ? null : t.parent
    if (parent !== null && typeof parent !== 'string') problems.push([`${p}.parent`, 'a theme id', parent])
    const description = t.description ?? ''
    if (typeof description !== 'string') problems.push([`${p}.description`, 'a string', description])
    const phrases = phraseList(`${p}.phrases`, t.phrases, languages, split, problems)
    const exclude = phraseList(`${p}.exclude`, t.exclude, languages, split, problems)
    raw.push({
      id,
      at: i,
      parent: typeof parent === 'string' ? parent : null,
      theme: {
        id,
        label,
        parent: typeof parent === 'string' ? parent : null,
        description: String(description),
        phrases,
        exclude,
      },
    })
  })
  // Parents must exist and form a tree.
  const byId = new Map(raw.map((r) => [r.id, r]))
  const ancestors = new Map<string, string[]>()
  for (const r of raw) {
    const chain: string[] = []
    let at = r.parent
    while (at !== null) {
      if (at === r.id || chain.includes(at)) {
        problems.push([`${arg}.themes[${r.at}].parent`, 'a theme that is not its own ancestor', r.parent])
        break
      }
      const up = byId.get(at)
      if (up === undefined) {
        problems.push([`${arg}.themes[${r.at}].parent`, 'the id of a theme of the frame', at])
        break
      }
      chain.push(at)
      at = up.parent
    }
    ancestors.set(r.id, chain)
  }
  if (problems.length > 0) _throwProblems(fn, problems)
  const themes = raw
    .map((r, i) => ({ r, i, depth: (ancestors.get(r.id) as string[]).length }))
    .sort((a, b) => a.depth - b.depth || a.i - b.i)
    .map(({ r, depth }) =>
      Object.freeze({
        ...r.theme,
        label: Object.freeze(r.theme.label),
        ancestors: Object.freeze(ancestors.get(r.id) as string[]),
        depth,
      }),
    )
  return _markChecked(
    Object.freeze({
      kind: 'code-frame',
      id: definition.id,
      version: definition.version,
      languages: Object.freeze([...languages]),
      stemming,
      themes: Object.freeze(themes),
    }),
  )
}

function labels(
  path: string,
  label: unknown,
  languages: readonly FeedbackLanguage[],
  problems: _Problems,
): { en?: string; pt?: string } {
  if (typeof label === 'string' && label.trim() !== '')
    return Object.fromEntries(languages.map((l) => [l, label]))
  if (!isObject(label)) {
    problems.push([path, 'a label, or labels by language { en, pt }', label])
    return {}
  }
  _unknownKeys(path, label, languages, problems)
  const out: { en?: string; pt?: string } = {}
  for (const l of languages) {
    const x = label[l]
    if (typeof x !== 'string' || x.trim() === '') problems.push([`${path}.${l}`, 'a non-empty label', x])
    else out[l] = x
  }
  return out
}

function phraseList(
  path: string,
  list: unknown,
  languages: readonly FeedbackLanguage[],
  split: ReturnType<typeof _splitter>,
  problems: _Problems,
): PhrasesByLanguage {
  const out: { en: string[]; pt: string[] } = { en: [], pt: [] }
  if (list === undefined) return Object.freeze({ en: Object.freeze(out.en), pt: Object.freeze(out.pt) })
  const check = (p: string, xs: unknown, into: string[][]) => {
    if (!Array.isArray(xs)) {
      problems.push([p, 'an array of phrases', xs])
      return
    }
    xs.forEach((x: unknown, i: number) => {
      if (typeof x !== 'string' || x.length > 1000 || split(_fold(x)).words.length === 0)
        problems.push([`${p}[${i}]`, 'a phrase of one or more words', x])
      else for (const target of into) if (!target.includes(x)) target.push(x)
    })
  }
  if (Array.isArray(list))
    check(
      path,
      list,
      languages.map((l) => out[l]),
    )
  else if (isObject(list)) {
    _unknownKeys(path, list, languages, problems)
    for (const l of languages) if (list[l] !== undefined) check(`${path}.${l}`, list[l], [out[l]])
  } else problems.push([path, 'an array of phrases, or arrays by language { en, pt }', list])
  return Object.freeze({ en: Object.freeze(out.en), pt: Object.freeze(out.pt) })
}
