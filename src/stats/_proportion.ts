import { _level, _number, _options } from '../core/_assert.ts'

/** Options shared by the proportion intervals. */
export interface ProportionIntervalOptions {
  /**
   * Confidence level.
   * @defaultValue 0.95
   */
  readonly level?: number
}

/** Validates (successes, trials, options) for a proportion interval and returns the level. */
export function _proportionArguments(
  fn: string,
  successes: number,
  trials: number,
  options: ProportionIntervalOptions | undefined,
): number {
  _options(fn, options, ['level'])
  _number(fn, 'trials', trials, 0)
  _number(fn, 'successes', successes, 0, trials)
  return options?.level === undefined ? 0.95 : _level(fn, options.level)
}

/** Clips to [0, 1]. */
export function _clip01(x: number): number {
  return Math.max(0, Math.min(1, x))
}
