// What the fuzz suites require of every result and state: that JSON can carry it.

/**
 * The first value JSON cannot carry (undefined, NaN, ±Infinity, a function, a symbol, a bigint, a
 * cycle), with its path; null when there is none. Objects that `skip` accepts are not looked into
 * (aggregators and prepared business hours hold functions by design).
 */
export function unsafe(
  value: unknown,
  skip: (x: object) => boolean = () => false,
  path = '$',
  seen: Set<unknown> = new Set(),
): string | null {
  if (value === undefined) return `${path} is undefined`
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}`
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    return `${path} is a ${typeof value}`
  if (value === null || typeof value !== 'object' || skip(value)) return null
  if (seen.has(value)) return `${path} is circular`
  seen.add(value)
  for (const [k, v] of Object.entries(value)) {
    const found = unsafe(v, skip, `${path}.${k}`, seen)
    if (found !== null) return found
  }
  seen.delete(value)
  return null
}
