// One order for lists of user ids in results (cohort members, per-customer details, RFM rows): by
// UTF-16 code units, the order of `<` on strings, which does not depend on the locale or on the order
// the input came in.

/** Compares two ids by UTF-16 code units. */
export function _compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
