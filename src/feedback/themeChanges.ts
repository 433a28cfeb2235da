import { _level, _number, _oneOf, _options, _rangeError, _typeError } from '../core/_assert.ts'
import type { SignificanceTest } from '../stats/significance.ts'
import { twoProportionTest } from '../stats/twoProportionTest.ts'
import type { CodeFrameVersion } from './_types.ts'
import type { CodeFrameTheme } from './codeFrame.ts'
import type { ThemeRow, ThemesResult } from './themes.ts'

/**
 * Options of {@link themeChanges}.
 * @category Feedback
 */
export interface ThemeChangesOptions {
  /**
   * Confidence level of the intervals of the volume changes.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * A change is `significant` when its adjusted p-value is below this.
   * @defaultValue 0.05
   */
  readonly alpha?: number
  /**
   * How p-values are adjusted for testing every theme at once: Benjamini–Hochberg (false discovery
   * rate), Holm (family-wise error) or not at all.
   * @defaultValue 'benjamini-hochberg'
   */
  readonly adjust?: 'benjamini-hochberg' | 'holm' | 'none'
}

/**
 * One theme's volume in one period.
 * @category Feedback
 */
export interface ThemeVolume {
  /** Comments that mention it. */
  readonly mentions: number
  /** Share of the period's denominator, or `null` without one. */
  readonly volume: number | null
  /** Its score there, or `null`. */
  readonly score: number | null
  /** Its impact there, or `null`. */
  readonly impact: number | null
}

/**
 * How one theme changed between two periods.
 * @category Feedback
 */
export interface ThemeChange {
  /** The theme's id. */
  readonly id: string
  /** Its labels. */
  readonly label: CodeFrameTheme['label']
  /** In the earlier period. */
  readonly before: ThemeVolume
  /** In the later period. */
  readonly after: ThemeVolume
  /** Later volume minus earlier, as a proportion (0.05 is five percentage points); `null` without both. */
  readonly volumeChange: number | null
  /** The two-proportion z-test of the later volume against the earlier (Newcombe interval of the difference). */
  readonly test: SignificanceTest
  /** The test's p-value adjusted for every theme tested. */
  readonly adjustedPValue: number | null
  /** Whether `adjustedPValue` is below `alpha`. */
  readonly significant: boolean
  /** Later score minus earlier, or `null`. */
  readonly scoreChange: number | null
  /** Later impact minus earlier, or `null`. */
  readonly impactChange: number | null
}

/**
 * The result of {@link themeChanges}.
 * @category Feedback
 */
export interface ThemeChangesResult {
  /** The code frame both results were tagged with. */
  readonly codeFrame: CodeFrameVersion
  /** The earlier and later denominators. */
  readonly n: readonly [before: number, after: number]
  /** The adjustment used. */
  readonly adjust: 'benjamini-hochberg' | 'holm' | 'none'
  /** Every theme listed in either result, significant changes first, then by the size of the volume change. */
  readonly themes: readonly ThemeChange[]
}

/**
 * How each theme changed between two periods — two results of {@link themes}, earlier first (two
 * periods of a `byPeriod` series, for instance): the volume change with a two-proportion z-test
 * (Thematic flags significant frequency changes this way), p-values adjusted for testing every theme
 * at once (Benjamini–Hochberg by default: at 5 %, 200 themes would otherwise flag about ten by chance),
 * and the changes of score and impact.
 *
 * Results tagged with different code frames, or different versions of one, are refused: their
 * volumes do not measure the same thing.
 *
 * @example
 * ```ts
 * const frame = codeFrame({ id: 'f', version: '1', themes: [{ id: 'price', label: 'Price', phrases: ['price'] }] })
 * const before = themes([...Array(80).fill('ok product'), ...Array(20).fill('price is high')], { codeFrame: frame })
 * const after = themes([...Array(60).fill('ok product'), ...Array(40).fill('price is high')], { codeFrame: frame })
 * themeChanges(before, after).themes.map((t) => [t.id, t.significant]) //=> [['price', true]]
 * ```
 * @category Feedback
 */
export function themeChanges(
  before: ThemesResult,
  after: ThemesResult,
  options?: ThemeChangesOptions,
): ThemeChangesResult {
  const fn = 'themeChanges'
  check(fn, 'before', before)
  check(fn, 'after', after)
  if (before.codeFrame.id !== after.codeFrame.id || before.codeFrame.version !== after.codeFrame.version)
    throw _rangeError(
      fn,
      'after',
      `themes tagged with the code frame of \`before\` (${before.codeFrame.id}@${before.codeFrame.version})`,
      `${after.codeFrame.id}@${after.codeFrame.version}`,
    )
  const o = _options(fn, options, ['level', 'alpha', 'adjust'])
  const level = o.level === undefined ? 0.95 : _level(fn, o.level)
  const alpha = o.alpha === undefined ? 0.05 : _number(fn, 'options.alpha', o.alpha, 0, 1)
  const adjust =
    o.adjust === undefined
      ? 'benjamini-hochberg'
      : _oneOf(fn, 'options.adjust', o.adjust, ['benjamini-hochberg', 'holm', 'none'])
  const rowsBefore = new Map(before.themes.map((t) => [t.id, t]))
  const rowsAfter = new Map(after.themes.map((t) => [t.id, t]))
  const ids = [...new Set([...rowsAfter.keys(), ...rowsBefore.keys()])]
  const volume = (r: ThemeRow | undefined, n: number): ThemeVolume => ({
    mentions: r?.mentions ?? 0,
    volume: n > 0 ? (r?.mentions ?? 0) / n : null,
    score: r?.score?.value ?? null,
    impact: r?.impact ?? null,
  })
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b)
  const tests = ids.map((id) => {
    const a = rowsAfter.get(id)
    const b = rowsBefore.get(id)
    return twoProportionTest(
      { successes: a?.mentions ?? 0, trials: after.n },
      { successes: b?.mentions ?? 0, trials: before.n },
      { level },
    )
  })
  const adjusted = _adjustPValues(
    tests.map((t) => t.pValue),
    adjust,
  )
  const rows: ThemeChange[] = ids.map((id, i) => {
    const a = rowsAfter.get(id)
    const b = rowsBefore.get(id)
    const p = adjusted[i] as number | null
    const x = volume(b, before.n)
    const y = volume(a, after.n)
    return {
      id,
      label: (a ?? b)?.label as CodeFrameTheme['label'],
      before: x,
      after: y,
      volumeChange: diff(y.volume, x.volume),
      test: tests[i] as SignificanceTest,
      adjustedPValue: p,
      significant: p !== null && p < alpha,
      scoreChange: diff(y.score, x.score),
      impactChange: diff(y.impact, x.impact),
    }
  })
  rows.sort(
    (a, b) =>
      Number(b.significant) - Number(a.significant) ||
      Math.abs(b.volumeChange ?? 0) - Math.abs(a.volumeChange ?? 0),
  )
  return { codeFrame: { ...after.codeFrame }, n: [before.n, after.n], adjust, themes: rows }
}

function check(fn: string, arg: string, r: unknown): void {
  const x = r as ThemesResult | null
  if (
    typeof x !== 'object' ||
    x === null ||
    x.kind !== 'themes' ||
    !Array.isArray(x.themes) ||
    typeof x.n !== 'number' ||
    typeof x.codeFrame !== 'object' ||
    x.codeFrame === null
  )
    throw _typeError(fn, arg, 'a result of themes()', r)
}

/**
 * P-values adjusted for multiple tests, as R's `p.adjust` computes them (`'BH'`, `'holm'`); `null`s
 * are left out of the count and stay `null`.
 */
export function _adjustPValues(
  ps: readonly (number | null)[],
  method: 'benjamini-hochberg' | 'holm' | 'none',
): (number | null)[] {
  if (method === 'none') return [...ps]
  const order = ps
    .map((p, i) => [p, i] as const)
    .filter((x): x is readonly [number, number] => x[0] !== null)
    .sort((a, b) => a[0] - b[0])
  const m = order.length
  const out: (number | null)[] = ps.map(() => null)
  if (method === 'holm') {
    let running = 0
    order.forEach(([p, i], k) => {
      running = Math.max(running, Math.min(1, (m - k) * p))
      out[i] = running
    })
  } else {
    let running = 1
    for (let k = m - 1; k >= 0; k--) {
      const [p, i] = order[k] as readonly [number, number]
      running = Math.min(running, (m / (k + 1)) * p)
      out[i] = Math.min(1, running)
    }
  }
  return out
}
