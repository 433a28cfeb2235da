// The code frames that codeFrame() has checked, so that a frame is checked once however often it is
// passed; anything else passed as a frame is checked again.

const checked = /* @__PURE__ */ new WeakSet<object>()

/** Records a frame that codeFrame() checked. */
export function _markChecked<F extends object>(frame: F): F {
  checked.add(frame)
  return frame
}

/** Whether `x` is a frame that codeFrame() checked (`F` is the checked frame's type). */
export function _isChecked<F extends object>(x: unknown): x is F {
  return typeof x === 'object' && x !== null && checked.has(x)
}
