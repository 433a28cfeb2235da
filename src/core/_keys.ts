// Unknown option keys, answered with the closest known one ("did you mean `schedule`?").
// Written by hand: an edit distance over a handful of short names needs no library.

/** The known name closest to `name` (case-insensitive edit distance), if close enough to be a typo. */
export function _closest(
  name: string,
  known: readonly string[],
  hints?: { readonly [key: string]: readonly string[] | undefined },
): string | null {
  for (const k of known) if (hints?.[k]?.includes(name)) return k
  const x = name.toLowerCase()
  let best: string | null = null
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const k of known) {
    const y = k.toLowerCase()
    // One row of the Levenshtein table at a time: row[j] is the distance from x[0, i) to y[0, j).
    let row = [...Array(y.length + 1).keys()]
    for (let i = 0; i < x.length; i++) {
      const next = [i + 1]
      for (let j = 0; j < y.length; j++)
        next[j + 1] = Math.min(
          (row[j + 1] as number) + 1,
          (next[j] as number) + 1,
          (row[j] as number) + (x[i] === y[j] ? 0 : 1),
        )
      row = next
    }
    // A name that contains the other ('grace' in 'graceDays') counts as just over one edit away.
    const d =
      y.includes(x) || x.includes(y) ? Math.min(1.5, row[y.length] as number) : (row[y.length] as number)
    if (d < bestDistance) {
      bestDistance = d
      best = k
    }
  }
  return best
}

/** Throws for the first key of `given` that is not `known`, naming the closest known key. */
export function _knownKeys(
  fn: string,
  path: string,
  given: object,
  known: readonly string[],
  hints?: { readonly [key: string]: readonly string[] | undefined },
): void {
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue
    const near = _closest(key, known, hints)
    throw new RangeError(
      `${fn} expected \`${path}\` to have only the keys ${known.join(', ')}${
        near === null ? '' : ` (did you mean \`${near}\`?)`
      }, got \`${key}\``,
    )
  }
}
