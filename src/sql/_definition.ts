// A metric definition as a warehouse query's spec, for `cx-metrics run --warehouse`: the survey KPIs, FCR,
// SLA attainment, response and resolution times, survival, churn, MRR movements, revenue retention and
// cohort tables over a dataset that names its table, with their filters, periods and dimensions. What a warehouse query
// cannot say — a numerator filter, trailing windows, timestamps read as wall-clock text — is refused,
// never approximated.
import { _resolveOptions } from '../definitions/_resolveOptions.ts'
import type { MetricDefinition, SharedObjects } from '../definitions/_types.ts'
import { _definitionTime, _runOptions } from '../definitions/runDefinition.ts'
import type { SqlDialect } from './_dialects.ts'
import { _DURATION_KPIS } from './_durations.ts'
import { _SCALAR_KPIS, type WarehouseSpec } from './_spec.ts'
import { _SUBSCRIPTION_KPIS } from './_subscriptions.ts'

/** The spec of a definition, or why it is computed in memory only. */
export function _definitionSpec(
  m: MetricDefinition,
  shared: SharedObjects,
  dialect: SqlDialect,
  asOf: number | undefined,
): WarehouseSpec | string {
  const table = m.input === undefined ? undefined : shared.datasets.get(m.input.dataset)?.table
  if (table === undefined) return 'its dataset names no warehouse table'
  const subscription = _SUBSCRIPTION_KPIS.includes(m.kpi)
  if (![..._SCALAR_KPIS, ..._DURATION_KPIS, ..._SUBSCRIPTION_KPIS].includes(m.kpi))
    return `${m.kpi} is computed in memory only`
  if (m.kpi === 'acsi') return 'its three questions are one column in a definition'
  if ((m.numerator ?? []).length > 0) return 'a numerator filter is computed in memory only'
  const fields = Object.entries(m.input?.fields ?? {})
  for (const [field, f] of fields)
    if (!('column' in f) || f.zone !== undefined || f.format !== undefined)
      return `its ${field} column is read as text with a zone or format`
  const mapping = m.input?.fields.value
  // The support KPIs read a ticket and survival an observation: each field from the column the definition names.
  const ticket =
    subscription || ['firstContactResolution', 'slaAttainment', ..._DURATION_KPIS, 'survival'].includes(m.kpi)
  const columns = Object.fromEntries(fields.map(([field, f]) => [field, 'column' in f ? f.column : field]))
  const time = _definitionTime(m, shared)
  if (subscription && time !== undefined)
    return 'a subscription KPI’s periods are in its options, not in `time`'
  // A subscription KPI's periods are its options: the shared calendar (not a cohort table's, whose
  // calendar is its own options') and the run's "now" fill them, as in memory. These KPIs take them all.
  const filled = subscription
    ? _runOptions(m, shared, asOf, m.kpi !== 'cohortRetention', () => true)
    : m.options === undefined
      ? undefined
      : _resolveOptions(m.options, shared)
  if (
    time !== undefined &&
    (time.trailingDays !== undefined || time.zone !== undefined || time.format !== undefined)
  )
    return time.trailingDays !== undefined
      ? 'trailing windows are computed in memory only'
      : 'its time column is read as wall-clock text'
  return {
    dialect,
    kpi: m.kpi as WarehouseSpec['kpi'],
    // Shared objects by reference (`schedule: { ref: support-hours }`), as the definition names them.
    ...(filled === undefined ? {} : { options: filled }),
    table,
    ...(ticket
      ? { columns }
      : { value: mapping !== undefined && 'column' in mapping ? mapping.column : 'value' }),
    ...(m.filters === undefined ? {} : { filters: m.filters }),
    ...(m.dimensions === undefined || m.dimensions.length === 0 ? {} : { dimensions: m.dimensions }),
    ...(time === undefined
      ? {}
      : {
          time: {
            column: time.column,
            unit: time.unit as 'month',
            ...(time.timeZone === undefined ? {} : { timeZone: time.timeZone }),
            ...(time.weekStartsOn === undefined ? {} : { weekStartsOn: time.weekStartsOn as 0 }),
            ...(time.fiscalYearStartMonth === undefined
              ? {}
              : { fiscalYearStartMonth: time.fiscalYearStartMonth }),
            ...(time.range === undefined ? {} : { range: time.range }),
            ...(asOf === undefined ? {} : { asOf }),
          },
        }),
  }
}
