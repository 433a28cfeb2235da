// The code frames that codeFrame() has checked, so that a frame is checked once however often it is
// passed; anything else passed as a frame is checked again.
import type { CodeFrame } from './codeFrame.ts'

const checked = /* @__PURE__ */ new WeakSet<object>()

/** Records a frame that codeFrame() checked. */
export function _markChecked(frame: CodeFrame): CodeFrame {
  checked.add(frame)
  return frame
}

/** Whether `x` is a frame that codeFrame() checked. */
export function _isChecked(x: unknown): x is CodeFrame {
  return typeof x === 'object' && x !== null && checked.has(x)
}
