// How display writes numbers, dates and text: one formatter per call (Intl's constructors are slow; a
// 1,000-period table formats thousands of cells), chosen by the KPI's unit from its descriptor.
import { TZDate } from '@date-fns/tz'
import { _descriptors } from '../catalog/_descriptors.ts'
import { describeResult, type ResultTraits } from '../core/describeResult.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import type { Variant } from '../core/result.ts'

/** The display options every display function takes, resolved. */
export interface _DisplayOptions {
  readonly locale: string
  readonly currency: string | null
  readonly chart: 'auto' | 'line' | 'bars' | 'stacked' | 'none'
  readonly title: string | null
  readonly maxRows: number
  readonly width: number
}

/** Escapes text for HTML and SVG, content and attribute values alike. */
export function _escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  )
}

/** The formatters of one display call. */
export interface _Formats {
  readonly locale: string
  /** A KPI's value in its unit (`'42.0'`, `'37.5%'`, `'2.5 hr'`, `'R$ 1,200.00'`). */
  value(x: number | null, traits: ResultTraits | null): string
  /** The same, short, for axis ticks. */
  tick(x: number, traits: ResultTraits | null): string
  /** A share 0–1 as a percentage. */
  share(x: number | null): string
  /** A count. */
  count(x: number | null): string
  /** A plain number. */
  number(x: number | null, digits?: number): string
  /** An instant as a date (with the time when it is not midnight) in a zone. */
  date(ms: number, timeZone: string): string
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * The formatters for a locale and an optional currency. Percentages keep one decimal, points one,
 * means two, durations the largest unit that keeps the number above 1, with one decimal.
 */
export function _formats(o: Pick<_DisplayOptions, 'locale' | 'currency'>): _Formats {
  const cache = new Map<string, Intl.NumberFormat>()
  const nf = (key: string, make: () => Intl.NumberFormat): Intl.NumberFormat => {
    let f = cache.get(key)
    if (f === undefined) {
      f = make()
      cache.set(key, f)
    }
    return f
  }
  const fixed = (digits: number) =>
    nf(
      `f${digits}`,
      () => new Intl.NumberFormat(o.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }),
    )
  const percent = (digits: number) =>
    nf(
      `p${digits}`,
      () =>
        new Intl.NumberFormat(o.locale, {
          style: 'percent',
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }),
    )
  const unit = (u: string) =>
    nf(
      `u${u}`,
      () =>
        new Intl.NumberFormat(o.locale, {
          style: 'unit',
          unit: u,
          unitDisplay: 'short',
          maximumFractionDigits: 1,
        }),
    )
  const money = () =>
    o.currency === null
      ? fixed(2)
      : nf(
          'money',
          () => new Intl.NumberFormat(o.locale, { style: 'currency', currency: o.currency as string }),
        )
  const compact = () =>
    nf('compact', () => new Intl.NumberFormat(o.locale, { notation: 'compact', maximumFractionDigits: 1 }))
  const dates = new Map<string, Intl.DateTimeFormat>()
  const dateFormat = (zone: string, time: boolean) => {
    const key = `${zone}|${time}`
    let f = dates.get(key)
    if (f === undefined) {
      f = new Intl.DateTimeFormat(
        o.locale,
        time
          ? { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }
          : { timeZone: zone, dateStyle: 'medium' },
      )
      dates.set(key, f)
    }
    return f
  }
  const duration = (ms: number): string => {
    const a = Math.abs(ms)
    if (a >= DAY) return unit('day').format(ms / DAY)
    if (a >= HOUR) return unit('hour').format(ms / HOUR)
    if (a >= 60_000) return unit('minute').format(ms / 60_000)
    return unit('second').format(ms / 1000)
  }
  const byUnit = (x: number, traits: ResultTraits | null, short: boolean): string => {
    switch (traits?.unit) {
      case 'proportion':
        return percent(short ? 0 : 1).format(x)
      case 'points':
        return fixed(short ? 0 : 1).format(x)
      case 'ms':
        return duration(x)
      case 'money':
        return short ? compact().format(x) : money().format(x)
      case 'count':
        return short ? compact().format(x) : fixed(Number.isInteger(x) ? 0 : 1).format(x)
      default:
        return short ? compact().format(x) : fixed(2).format(x)
    }
  }
  // Anything but a finite number (null, or a value that is not a number at all) is written as a dash.
  const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
  return {
    locale: o.locale,
    value: (x, traits) => (ok(x) ? byUnit(x, traits, false) : '—'),
    tick: (x, traits) => (ok(x) ? byUnit(x, traits, true) : '—'),
    share: (x) => (ok(x) ? percent(1).format(x) : '—'),
    count: (x) => (ok(x) ? fixed(0).format(x) : '—'),
    number: (x, digits = 2) => (ok(x) ? fixed(digits).format(x) : '—'),
    date: (ms, zone) => {
      const local = new TZDate(ms, zone)
      const midnight = local.getHours() === 0 && local.getMinutes() === 0 && local.getSeconds() === 0
      return dateFormat(zone, !midnight).format(ms)
    },
  }
}

/** An instant as ISO 8601 with the zone's offset (`'2024-01-01T00:00:00.000-03:00'`), for rows. */
export function _iso(ms: number, timeZone: string): string {
  return new TZDate(ms, timeZone).toISOString()
}

/** A KPI's descriptor, by the id its results carry. */
export function _descriptorOf(kpi: string): KpiDescriptor | undefined {
  return _descriptors().get(kpi)
}

/** The unit, bounds and direction of a result of `kpi` under its echoed `variant`, when the KPI is known. */
export function _traitsOf(kpi: string, variant: Variant | undefined): ResultTraits | null {
  const d = _descriptorOf(kpi)
  return d === undefined ? null : describeResult(d, (variant ?? {}) as Record<string, unknown>)
}

/** A KPI's human title (`'Net Promoter Score'`), or its id. */
export function _titleOf(kpi: string): string {
  return _descriptorOf(kpi)?.title ?? kpi
}
