import { describe, expect, it } from 'vitest'
import { _finder, _keyed } from './_keyed.ts'

describe('_finder', () => {
  it('keeps any string as a key, never as a property', () => {
    const find = _finder('test')
    const map = _keyed<number>()
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '1', '']
    for (const [i, id] of ids.entries()) find.set(map, id, i)
    find.set(map, 'toString', 10)
    expect(map).toEqual({ keys: ids, values: [0, 1, 10, 3, 4, 5] })
    expect(ids.map((id) => find.get(map, id))).toEqual([0, 1, 10, 3, 4, 5])
    expect(find.get(map, 'valueOf')).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(map.values)).toBe(Array.prototype)
  })

  it('indexes a map parsed from JSON, and one another finder grew', () => {
    const a = _finder('test')
    const b = _finder('test')
    const map = JSON.parse('{"keys":["x","y"],"values":[1,2]}')
    expect(a.get(map, 'y')).toBe(2)
    b.set(map, 'z', 3)
    expect(a.get(map, 'z')).toBe(3)
    a.set(map, 'w', 4)
    expect(b.get(map, 'w')).toBe(4)
    expect(map.keys).toEqual(['x', 'y', 'z', 'w'])
  })

  it('spreads a large index over several maps, and finds keys in each', () => {
    const find = _finder('test', 4)
    const map = _keyed<number>()
    for (let i = 0; i < 10; i++) find.set(map, `k${i}`, i)
    for (let i = 0; i < 10; i++) expect(find.get(map, `k${i}`)).toBe(i)
    find.set(map, 'k7', 70)
    expect(map.values[7]).toBe(70)
    expect(map.keys).toHaveLength(10)
    // The same map indexed from scratch, as a parsed state is.
    const again = _finder('test', 3)
    const copy = JSON.parse(JSON.stringify(map))
    expect(again.get(copy, 'k9')).toBe(9)
    expect(again.get(copy, 'k0')).toBe(0)
    again.set(copy, 'k0', -1)
    expect(copy.keys).toHaveLength(10)
  })

  it('refuses a stored map with a key twice, a key that is no string, or not one value per key', () => {
    const find = _finder('churnRate')
    const refused = (map: unknown) => () => find.get(map as never, 'x')
    expect(refused({ keys: ['a', 'b', 'a'], values: [1, 2, 3] })).toThrow(
      new TypeError(
        'churnRate expected `state` to be a keyed map whose keys are strings, each once, got `"a"`',
      ),
    )
    expect(refused({ keys: ['a', 5], values: [1, 2] })).toThrow(
      new TypeError(
        'churnRate expected `state` to be a keyed map whose keys are strings, each once, got `5`',
      ),
    )
    expect(refused({ keys: ['a'], values: [] })).toThrow(
      new TypeError(
        'churnRate expected `state` to be a keyed map { keys, values } with one value per key, got `an object`',
      ),
    )
  })
})
