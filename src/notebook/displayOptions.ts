// The options every display function takes, apart from them so that their checker reads the type too.

/**
 * How display writes a result. Every display function takes these.
 * @category Notebook
 */
export interface DisplayOptions {
  /**
   * The locale of numbers, percentages, dates and durations (a BCP 47 tag Intl knows).
   * @defaultValue 'en-US'
   */
  readonly locale?: string
  /** The ISO 4217 currency of money values (`'USD'`, `'BRL'`); without it, money is a plain number. */
  readonly currency?: string
  /**
   * The chart: chosen by the result (`'auto'`: a line for periods, bars for segments and windows), or
   * `'line'`, `'bars'`, `'stacked'` (NPS as promoters, passives and detractors), or `'none'`.
   * @defaultValue 'auto'
   */
  readonly chart?: 'auto' | 'line' | 'bars' | 'stacked' | 'none'
  /** A title in place of the KPI's. */
  readonly title?: string
  /**
   * The most rows an HTML table shows (the text shows 12); the rest are counted. `toRows` gives them all.
   * @defaultValue 50
   */
  readonly maxRows?: number
  /**
   * The chart's width in pixels (it shrinks to the notebook's width).
   * @defaultValue 640
   */
  readonly width?: number
}
