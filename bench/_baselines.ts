// Pieces of the hand-written baselines that several benchmarks share.

/**
 * Month starts of America/Sao_Paulo for 2024–2025 (03:00 UTC: no DST there since 2019), written by
 * hand, with sentinels at both ends.
 */
export function saoPauloMonthBounds(): number[] {
  const bounds = [Number.NEGATIVE_INFINITY]
  for (let month = 0; month <= 24; month++) bounds.push(Date.UTC(2024, month, 1, 3))
  bounds.push(Number.POSITIVE_INFINITY)
  return bounds
}

/** The index k of the bucket [bounds[k], bounds[k + 1]) holding t, starting from the current one. */
export function bucketOf(bounds: readonly number[], t: number, current: number): number {
  if (t >= (bounds[current] as number) && t < (bounds[current + 1] as number)) return current
  let low = 0
  let high = bounds.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((bounds[middle] as number) <= t) low = middle + 1
    else high = middle
  }
  return low - 1
}
