/**
 * A 32-bit hash of a string: FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser (so that
 * strings like '1', '2', '3' spread evenly). The same in every run and every runtime; not for security.
 */
export function _hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
