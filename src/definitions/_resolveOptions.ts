// Shared objects are written once and referred to by name: `schedule: { ref: support-hours }`.
import { _set } from '../core/_dict.ts'
import { codeFrame } from '../feedback/codeFrame.ts'
import { businessHours } from '../time/businessHours.ts'
import type { SharedObjects } from './_types.ts'

/** Whether a value is a reference `{ ref: name }`. */
export function _isRef(x: unknown): x is { ref: string } {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    Object.keys(x).length === 1 &&
    typeof (x as { ref?: unknown }).ref === 'string'
  )
}

/** The references in options, with their paths. */
export function _refs(
  x: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; name: string }[] {
  if (_isRef(x)) return [{ path, name: x.ref }]
  if (Array.isArray(x)) return x.flatMap((v, i) => _refs(v, [...path, i]))
  if (typeof x === 'object' && x !== null)
    return Object.entries(x).flatMap(([k, v]) => _refs(v, [...path, k]))
  return []
}

/** The shared object a reference names, compiled (business hours, a code frame), or undefined. */
export function _shared(shared: SharedObjects, name: string): unknown {
  const schedule = shared.schedules.get(name)
  if (schedule !== undefined) return businessHours(schedule as never)
  const frame = shared.codeFrames.get(name)
  if (frame !== undefined) return codeFrame(frame as never)
  return shared.healthDefinitions.get(name) ?? shared.bands.get(name)
}

/** The options with every reference replaced by the object it names. */
export function _resolveOptions(
  options: Readonly<Record<string, unknown>>,
  shared: SharedObjects,
): Record<string, unknown> {
  const walk = (x: unknown): unknown => {
    if (_isRef(x)) return _shared(shared, x.ref)
    if (Array.isArray(x)) return x.map(walk)
    if (typeof x === 'object' && x !== null) {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(x)) _set(out, k, walk(v))
      return out
    }
    return x
  }
  return walk(options) as Record<string, unknown>
}
