// Flattening any result into rows: one row per leaf result, with the periods, segments, windows and parts
// above it as columns. Column names come from the library's field names only; the user's keys (segments,
// groups, parts, measure ids) are values in columns (`segment`, `group`, `part`, `measure`), never column
// names, so that no id can reach a prototype or collide with a field.
import { _iso } from './_format.ts'

/** One flat row: scalar JSON values by column. */
export type _Row = { [column: string]: string | number | boolean | null }

const isObject = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x)

const SKIP = new Set(['kind', 'variant', 'ci', 'excluded'])

/** The scalar fields of an object, nested objects joined with `_` (`calendar_medianMs`); arrays left out. */
function scalars(x: Record<string, unknown>, into: _Row, prefix: string): void {
  for (const key of Object.keys(x)) {
    const v = x[key]
    const name = prefix === '' ? key : `${prefix}_${key}`
    if (v === null || typeof v === 'string' || typeof v === 'boolean') into[name] = v
    else if (typeof v === 'number') into[name] = Number.isFinite(v) ? v : null
    else if (isObject(v)) scalars(v, into, name)
  }
}

/** One result's own row: its scalars, its interval as `lower`/`upper`, its exclusions as `excluded_<reason>`. */
export function _flat(result: Record<string, unknown>, into: _Row = {}): _Row {
  const own: Record<string, unknown> = {}
  for (const key of Object.keys(result)) if (!SKIP.has(key)) own[key] = result[key]
  scalars(own, into, '')
  const ci = result.ci
  into.lower = isObject(ci) && typeof ci.lower === 'number' ? ci.lower : null
  into.upper = isObject(ci) && typeof ci.upper === 'number' ? ci.upper : null
  if (isObject(result.excluded)) scalars(result.excluded, into, 'excluded')
  return into
}

interface Period {
  readonly key: string
  readonly start: number
  readonly end: number
  readonly complete: boolean
}

const periodColumns = (p: Period, zone: string): _Row => ({
  period: p.key,
  start: _iso(p.start, zone),
  end: _iso(p.end, zone),
  complete: p.complete,
})

/** A column name not yet used in `prefix` (`segment`, then `segment_2`…). */
const free = (prefix: _Row, name: string): string => {
  if (!Object.hasOwn(prefix, name)) return name
  let i = 2
  while (Object.hasOwn(prefix, `${name}_${i}`)) i++
  return `${name}_${i}`
}

/** Whether `x` is what comparePeriods returns: periods, each with its comparison (or null). */
// biome-ignore lint/suspicious/noExplicitAny: an element of comparePeriods' array, read by its fields
export function _isComparisons(x: unknown): x is Record<string, any>[] {
  return (
    Array.isArray(x) && x.length > 0 && x.every((e) => isObject(e) && isObject(e.period) && 'comparison' in e)
  )
}

/** The rows of any result, with `prefix`'s columns first in each row. */
export function _rows(result: unknown, prefix: _Row = {}): _Row[] {
  // comparePeriods' result: one row per period, its comparison's fields flat.
  if (Array.isArray(result))
    return result.flatMap(
      (e: { period: Period; against: string | null; comparison: Record<string, unknown> | null }) => {
        const row: _Row = { ...prefix, period: e.period.key, complete: e.period.complete, against: e.against }
        if (e.comparison !== null) {
          scalars(e.comparison, row, '')
          const ci = (e.comparison.test as { ci?: { lower: number; upper: number } } | null)?.ci
          row.lower = ci?.lower ?? null
          row.upper = ci?.upper ?? null
        }
        return [row]
      },
    )
  if (!isObject(result))
    return [{ ...prefix, value: typeof result === 'number' && Number.isFinite(result) ? result : null }]
  // biome-ignore lint/suspicious/noExplicitAny: a result of any kind, read by its `kind`
  const r = result as Record<string, any>
  switch (result.kind) {
    case 'series': {
      const zone = String(r.timeZone)
      return (r.periods as { period: Period; result: unknown }[]).flatMap((p) =>
        _rows(p.result, { ...prefix, ...periodColumns(p.period, zone) }),
      )
    }
    case 'segments': {
      const name = free(prefix, 'segment')
      return (r.groups as { key: string; result: unknown }[]).flatMap((g) =>
        _rows(g.result, { ...prefix, [name]: g.key }),
      )
    }
    case 'windows': {
      const zone = typeof r.variant?.timeZone === 'string' ? r.variant.timeZone : 'UTC'
      return (r.windows as { start: number; end: number; result: unknown }[]).flatMap((w) =>
        _rows(w.result, { ...prefix, start: _iso(w.start, zone), end: _iso(w.end, zone) }),
      )
    }
    case 'combined': {
      const name = free(prefix, 'part')
      const parts = r.results as Record<string, unknown>
      return Object.keys(parts).flatMap((k) => _rows(parts[k], { ...prefix, [name]: k }))
    }
    case 'table':
      return tableRows(result, prefix)
    case 'figure':
      return survivalRows(result, prefix)
    case 'health':
      return (r.accounts as Record<string, unknown>[]).flatMap((a) => {
        const account: _Row = {
          ...prefix,
          accountId: a.accountId as string,
          segment: a.segment as string | null,
          value: a.value as number | null,
          reason: a.reason as string | null,
          weighted: a.weighted as number | null,
          band: a.band as string | null,
          coverage: a.coverage as number,
          gates: (a.gates as { id: string }[]).map((g) => g.id).join(', '),
        }
        return (a.measures as Record<string, unknown>[]).map((m) => ({
          ...account,
          measure: m.id as string,
          group: m.group as string,
          measureValue: m.value as string | number | null,
          measureScore: m.score as number | null,
          measureStatus: m.status as string,
          measureWeight: m.weight as number,
          contribution: m.contribution as number,
        }))
      })
    case 'trend': {
      const zone = String(r.timeZone)
      const point = (accountId: string | null, p: Record<string, unknown>): _Row => ({
        ...prefix,
        accountId,
        ...periodColumns(p.period as Period, zone),
        value: p.value as number | null,
        n: p.n as number,
        delta: p.delta as number | null,
        direction: p.direction as string | null,
        slope: p.slope as number | null,
      })
      return [
        ...(r.portfolio as Record<string, unknown>[]).map((p) => point(null, p)),
        ...(r.accounts as { accountId: string; points: Record<string, unknown>[] }[]).flatMap((a) =>
          a.points.map((p) => point(a.accountId, p)),
        ),
      ]
    }
    case 'themes':
      return (r.themes as Record<string, unknown>[]).map((t) => {
        const labels = t.label as Record<string, string> | string
        const row: _Row = {
          ...prefix,
          theme: t.id as string,
          label: typeof labels === 'string' ? labels : (Object.values(labels)[0] ?? (t.id as string)),
          parent: t.parent as string | null,
          depth: t.depth as number,
          mentions: t.mentions as number,
          volume: t.volume as number | null,
        }
        const ci = t.ci as { lower: number; upper: number } | null
        row.lower = ci?.lower ?? null
        row.upper = ci?.upper ?? null
        row.needsReview = t.needsReview as number
        const score = t.score as Record<string, unknown> | null
        row.score = score !== null && typeof score.value === 'number' ? score.value : null
        row.impact = t.impact as number | null
        row.impactReason = t.impactReason as string | null
        const sentiment = t.sentiment as Record<string, unknown>
        row.netSentiment = typeof sentiment?.value === 'number' ? sentiment.value : null
        return row
      })
    default:
      return [_flat(result, { ...prefix })]
  }
}

function tableRows(result: Record<string, unknown>, prefix: _Row): _Row[] {
  if (result.kpi === 'cohortRetention') {
    const columns = result.columns as string[]
    const zone = String(result.timeZone)
    return (
      result.cohorts as {
        period: Period
        size: number
        base: number
        cells: { value: number | null; retained: number | null; complete: boolean }[]
      }[]
    ).flatMap((c) =>
      c.cells.map((cell, i) => ({
        ...prefix,
        cohort: c.period.key,
        start: _iso(c.period.start, zone),
        size: c.size,
        base: c.base,
        column: columns[i] ?? String(i),
        value: cell.value,
        retained: cell.retained,
        complete: cell.complete,
      })),
    )
  }
  if (result.kpi === 'cohortLifetimeValue') {
    const columns = result.columns as string[]
    return (result.cohorts as { key: string; size: number; cumulative: (number | null)[] }[]).flatMap((c) =>
      c.cumulative.map((value, i) => ({
        ...prefix,
        cohort: c.key,
        size: c.size,
        column: columns[i] ?? String(i),
        value,
      })),
    )
  }
  if (result.kpi === 'rfmSummary')
    return (result.customers as Record<string, unknown>[]).map((c) => {
      const row: _Row = { ...prefix }
      scalars(c, row, '')
      return row
    })
  return [_flat(result, { ...prefix })]
}

function survivalRows(result: Record<string, unknown>, prefix: _Row): _Row[] {
  const curve = (group: string | null, points: Record<string, unknown>[]): _Row[] =>
    points.map((p) => {
      const row: _Row = { ...prefix, group }
      scalars(p, row, '')
      return row
    })
  const groups = result.groups as Record<string, { curve: Record<string, unknown>[] }> | null
  if (groups === null || groups === undefined)
    return curve(null, (result.curve ?? []) as Record<string, unknown>[])
  return Object.keys(groups).flatMap((g) =>
    curve(g, (groups[g] as { curve: Record<string, unknown>[] }).curve),
  )
}
