// Words of a comment, folded and stemmed, with where they are in the text.
//
// Word boundaries are Unicode's (UAX #29), as `Intl.Segmenter` finds them. Segmenting is slow
// (about 10 µs a comment), so text made only of the characters below — Latin letters with their
// accents, digits, spaces and common punctuation, which is nearly every Portuguese and English
// comment — is split by a regular expression that applies the same rules to those characters
// (letters and digits join; `.` `'` `’` `‘` join two letters; `.` `,` `;` `'` `’` `‘` join two digits).
// Any other text goes to the segmenter. A property test checks that the two agree on that alphabet.
//
// Stemming is a light inflectional one, written here because no stemmer package covers both
// languages and stays small: the Snowball ports for JavaScript ship every language in one
// unsplittable file of 850 KB (snowball-stemmers, last published 2016) or pull a framework
// (natural, @nlpjs). Full Snowball stemming also conflates derivations (`organization`, `organ`),
// which a code frame's author does not expect; this one removes plurals, gender and common verb
// endings, so that `cobrança`/`cobranças`, `bug`/`bugs` and `demorou`/`demora` meet.

/** The two languages the tagger stems. */
export type _Language = 'en' | 'pt'

/** The words of a text, as written, and their UTF-16 offsets in it. */
export interface _Words {
  readonly words: string[]
  readonly starts: number[]
  readonly ends: number[]
}

/** Characters the fast path splits exactly as UAX #29 does. */
const SIMPLE = /^[\t\n\r A-Za-z0-9ªµºÀ-ÖØ-öø-ÿ!"#$%&()*+,\-./;<=>?@[\\\]^`{|}~'’‘“”«»–—…]*$/
/** A word on the fast path's alphabet. */
const WORD =
  /[A-Za-z0-9ªµºÀ-ÖØ-öø-ÿ]+(?:(?:(?<=[A-Za-zªµºÀ-ÖØ-öø-ÿ])['.’‘](?=[A-Za-zªµºÀ-ÖØ-öø-ÿ])|(?<=[0-9])[.,;'’‘](?=[0-9]))[A-Za-z0-9ªµºÀ-ÖØ-öø-ÿ]+)*/g

/** Case and accent folding: compatibility decomposition, marks dropped, lower case, one apostrophe. */
export function _fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
}

/** A word splitter; the segmenter is made on first use, and only for text off the fast path. */
export function _splitter(): (text: string) => _Words {
  let segmenter: Intl.Segmenter | undefined
  return (text) => {
    const words: string[] = []
    const starts: number[] = []
    const ends: number[] = []
    if (SIMPLE.test(text)) {
      WORD.lastIndex = 0
      for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
        words.push(m[0])
        starts.push(m.index)
        ends.push(m.index + m[0].length)
      }
    } else {
      segmenter ??= new Intl.Segmenter('und', { granularity: 'word' })
      for (const s of segmenter.segment(text)) {
        if (!s.isWordLike) continue
        words.push(s.segment)
        starts.push(s.index)
        ends.push(s.index + s.segment.length)
      }
    }
    return { words, starts, ends }
  }
}

const ends = (w: string, suffix: string, keep: number): boolean =>
  w.length - suffix.length >= keep && w.endsWith(suffix)

/** Drops the last letter of a doubled consonant (`stopp` → `stop`), but not of `ll`, `ss`, `zz`. */
function undouble(w: string): string {
  const n = w.length
  const c = w[n - 1] as string
  return n > 3 && c === w[n - 2] && !'aeiouylsz'.includes(c) ? w.slice(0, -1) : w
}

/** English: plurals (`bugs`, `replies`, `crashes`), `-ed`, `-ing`, and a final `e` (`charge`/`charged`/`charging`). */
export function _stemEn(w: string): string {
  if (w.length <= 3) return w
  if (ends(w, 'ies', 2) || ends(w, 'ied', 2)) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith("'s")) {
    if (w.endsWith("'s")) w = w.slice(0, -2)
  } else if (ends(w, 'ches', 2) || ends(w, 'shes', 2) || ends(w, 'xes', 2) || ends(w, 'zes', 2))
    w = w.slice(0, -2)
  else if (ends(w, 's', 3)) w = w.slice(0, -1)
  if (ends(w, 'ing', 3)) w = undouble(w.slice(0, -3))
  else if (ends(w, 'ed', 3)) w = undouble(w.slice(0, -2))
  if (ends(w, 'e', 3)) w = w.slice(0, -1)
  return w
}

const PT_PLURALS: readonly [string, string][] = [
  ['oes', 'ao'],
  ['aes', 'ao'],
  ['ais', 'al'],
  ['eis', 'el'],
  ['ois', 'ol'],
  ['ns', 'm'],
  ['res', 'r'],
  ['zes', 'z'],
  ['ses', 's'],
]
const PT_VERBS = [
  'ando',
  'endo',
  'indo',
  'aram',
  'eram',
  'iram',
  'avam',
  'ava',
  'ado',
  'ada',
  'ido',
  'ida',
  'ou',
  'eu',
  'iu',
  'ei',
  'ar',
  'er',
  'ir',
  'am',
  'em',
]

/**
 * Portuguese, on folded text: plurals (`cobranças`, `ligações`, `mensagens`, `valores`), common verb
 * endings (`demorou`, `demorando`, `demorado`, `demoram`) and a final vowel (`demora`, `lenta`/`lento`).
 */
export function _stemPt(w: string): string {
  if (w.length <= 3) return w
  let plural = false
  for (const [from, to] of PT_PLURALS) {
    if (ends(w, from, 2)) {
      w = w.slice(0, -from.length) + to
      plural = true
      break
    }
  }
  if (!plural && ends(w, 's', 3) && !w.endsWith('us')) w = w.slice(0, -1)
  for (const v of PT_VERBS) {
    if (ends(w, v, 3)) {
      w = w.slice(0, -v.length)
      break
    }
  }
  if (ends(w, 'a', 3) || ends(w, 'o', 3) || ends(w, 'e', 3)) w = w.slice(0, -1)
  return w
}

/** The stemmer of a language, or none. */
export function _stemmer(language: _Language | 'none'): (w: string) => string {
  return language === 'en' ? _stemEn : language === 'pt' ? _stemPt : (w) => w
}
