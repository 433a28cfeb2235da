// A state merged with itself (`merge(s, s)`) is read as a copy of itself, so that a merge never reads
// what it is writing: the law is merge(s, s) = merge(s, copy of s).

/** A deep copy of a JSON state. */
export function _copy<S>(state: S): S {
  return structuredClone(state)
}
