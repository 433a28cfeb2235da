// Plain-text tables for the examples' output.
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((c) => (c === null ? '—' : String(c))))]
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: string[]): string =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [
    line(cells[0] as string[]),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n')
}

/** A number with fixed decimals, or '—' for null. */
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits)
}

/** A proportion as a percentage. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(100 * value).toFixed(digits)} %`
}
