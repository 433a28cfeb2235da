// Unknown option keys, answered with the closest known one ("did you mean `schedule`?").
// Written by hand: an edit distance over a handful of short names needs no library.

/** The known name closest to `name` (case-insensitive edit distance), if close enough to be a typo. */
export function _closest(
  name: string,
  known: readonly string[],
  hints?: { readonly [key: string]: readonly string[] | undefined },
): string | null {
  const x = name.toLowerCase()
  let best: string | null = null
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const k of known) if (hints?.[k]?.includes(name)) return k
  for (const k of known) {
    const y = k.toLowerCase()
    let row = Array.from({ length: y.length + 1 }, (_, j) => j)
    for (let i = 1; i <= x.length; i++) {
      const next = [i]
      for (let j = 1; j <= y.length; j++)
        next[j] = Math.min(
          (row[j] as number) + 1,
          (next[j - 1] as number) + 1,
          (row[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
        )
      row = next
    }
    // A name that contains the other ('grace' in 'graceDays') counts as just over one edit away.
    const d = Math.min(
      row[y.length] as number,
      y.includes(x) || x.includes(y) ? 1.5 : Number.POSITIVE_INFINITY,
    )
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
