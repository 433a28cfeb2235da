import { describe, expect, it } from 'vitest'
import { _accessor, _integer, _level, _number, _oneOf, _options, _show } from './_assert.ts'

describe('argument checks', () => {
  it('name the function, the argument, the expectation and the value', () => {
    expect(() => _level('nps', 95, 'options.confidence')).toThrow(
      new RangeError(
        'nps expected `options.confidence` to be a number between 0 and 1 (exclusive), e.g. 0.95, got `95`',
      ),
    )
    expect(() => _number('x', 'a', '3')).toThrow(
      new TypeError('x expected `a` to be a finite number, got `"3"`'),
    )
    expect(() => _number('x', 'a', 5, 0, 1)).toThrow(
      new RangeError('x expected `a` to be a number between 0 and 1, got `5`'),
    )
    expect(() => _number('x', 'a', -1, 0)).toThrow('x expected `a` to be a number of at least 0, got `-1`')
    expect(() => _number('x', 'a', 2, Number.NEGATIVE_INFINITY, 1)).toThrow(
      'to be a number of at most 1, got `2`',
    )
    expect(() => _integer('x', 'a', 1.5, 0)).toThrow(
      'x expected `a` to be an integer of at least 0, got `1.5`',
    )
    expect(() => _integer('x', 'a', 9, 0, 6)).toThrow(
      'x expected `a` to be an integer between 0 and 6, got `9`',
    )
    expect(() => _oneOf('x', 'm', 'b', ['a'])).toThrow('x expected `m` to be one of \'a\', got `"b"`')
    expect(() => _oneOf('x', 'm', 1, ['a'])).toThrow(TypeError)
    expect(() => _accessor('nps', 3)).toThrow(
      'nps expected `accessor` to be a function or undefined, got `3`',
    )
    expect(() => _options('nps', [] as never)).toThrow(
      'nps expected `options` to be an object or undefined, got `an array`',
    )
  })
  it('render received values readably', () => {
    expect(_show(new Date(0))).toBe('Date(0)')
    expect(_show(new Date(Number.NaN))).toBe('Date(NaN)')
    expect(_show(() => 1)).toBe('a function')
    expect(_show(10n)).toBe('10')
    expect(_show({ a: 1 })).toBe('an object')
    expect(_show(null)).toBe('null')
  })
  it('pass valid values through', () => {
    expect(_number('x', 'a', 0.5, 0, 1)).toBe(0.5)
    expect(_options('x', undefined)).toEqual({})
    expect(_oneOf('x', 'm', 'a', ['a', 'b'])).toBe('a')
  })
})
