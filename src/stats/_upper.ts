// A binary search shared by the code that locates instants among sorted period boundaries.

/** The index of the first element of sorted `xs` greater than `x`. */
export function _upper(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as number) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}
