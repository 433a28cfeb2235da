import { KpiError } from './KpiError.ts'

/**
 * Whether `error` is a {@link KpiError}, also when it comes from another copy of the library (a second
 * bundle, a worker), where `instanceof` would say no.
 *
 * @category Core
 */
export function isKpiError(error: unknown): error is KpiError {
  if (error instanceof KpiError) return true
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'KpiError' &&
    typeof (error as { code?: unknown }).code === 'string'
  )
}
