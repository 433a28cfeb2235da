// Deep equality for results, with numbers compared to a relative tolerance: merging in another order
// sums floating values in another order, which may move the last bits.
export function approximatelyEqual(a: unknown, b: unknown, tolerance = 1e-9): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b)
    if (a === b) return true
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b))
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => approximatelyEqual(x, b[i], tolerance))
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort()
    const kb = Object.keys(b).sort()
    return (
      approximatelyEqual(ka, kb, 0) &&
      ka.every((k) =>
        approximatelyEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tolerance),
      )
    )
  }
  return Object.is(a, b)
}
