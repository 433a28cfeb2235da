// Maps keyed by the user's data — customer and account ids, channels, group keys — kept as plain objects
// so that states stay JSON. Any string must be a safe key: '__proto__' is written as an own property
// (never through the prototype setter), and only own properties are read, so that 'constructor' or
// 'toString' are data like any other id. States parsed back from JSON are read the same way.

/** A map from user-data keys to values, as a plain JSON object. */
export type _Dict<V> = { [key: string]: V }

/** A new, empty map with no prototype. */
export function _dict<V>(): _Dict<V> {
  return Object.create(null) as _Dict<V>
}

/** The value under `key`, if the map has it as its own. */
export function _get<V>(dict: _Dict<V>, key: string): V | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined
}

/** Sets the value under `key` as an own property, whatever the key. */
export function _set<V>(dict: _Dict<V>, key: string, value: V): void {
  if (key === '__proto__')
    Object.defineProperty(dict, key, { value, writable: true, enumerable: true, configurable: true })
  else dict[key] = value
}
