// A view as text (aligned columns) and as HTML (a captioned table, the chart inline above it). Every
// interpolated string is escaped.
import { _escape } from './_format.ts'
import type { _View } from './_view.ts'

const STYLE =
  '<style>.cxm{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:13px;color:#222;max-width:100%}' +
  '.cxm table{border-collapse:collapse;margin:6px 0}.cxm caption{text-align:left;font-weight:600;padding:2px 0 6px}' +
  '.cxm th,.cxm td{padding:3px 10px;border-bottom:1px solid #e5e5e5;text-align:left;white-space:nowrap}' +
  '.cxm thead th{border-bottom:2px solid #bbb}.cxm td.n{text-align:right;font-variant-numeric:tabular-nums}' +
  '.cxm tr.progress td{color:#777;font-style:italic}.cxm tr.progress td:first-child::after{content:" ◔"}' +
  '.cxm p.note{color:#666;margin:2px 0}.cxm svg{max-width:100%;height:auto}</style>'

/** The view as HTML: chart, table, notes; `chart: false` leaves the chart out. */
export function _html(v: _View, withChart = true): string {
  const svg = withChart && v.chart !== null ? `<div>${v.chart()}</div>` : ''
  let table = ''
  if (v.rows.length > 0) {
    const head = v.head.some((h) => h !== '')
      ? `<thead><tr>${v.head.map((h, i) => `<th scope="col"${v.numeric[i] ? ' class="n"' : ''}>${_escape(h)}</th>`).join('')}</tr></thead>`
      : ''
    const body = v.rows
      .map(
        (r) =>
          `<tr${r.inProgress ? ' class="progress" title="in progress"' : ''}>${r.cells
            .map((c, i) =>
              i === 0
                ? `<th scope="row">${_escape(c)}</th>`
                : `<td${v.numeric[i] ? ' class="n"' : ''}>${_escape(c)}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('')
    table = `<table><caption>${_escape(v.headline)}</caption>${head}<tbody>${body}</tbody></table>`
  } else table = `<p>${_escape(v.headline)}</p>`
  const more = v.more > 0 ? [`… and ${v.count(v.more)} more rows (toRows gives them all).`] : []
  const notes = [...v.notes, ...more].map((n) => `<p class="note">${_escape(n)}</p>`).join('')
  return `<div class="cxm">${STYLE}${svg}${table}${notes}</div>`
}

/** The view as text: the headline, then up to `rows` rows in aligned columns, then the notes. */
export function _text(v: _View, rows = 12): string {
  const lines = [v.headline]
  const shown = v.rows.slice(0, rows)
  if (shown.length > 0) {
    const table = [
      ...(v.head.some((h) => h !== '') ? [v.head] : []),
      ...shown.map((r) => r.cells.map((c, i) => (i === 0 && r.inProgress ? `${c} ◔` : c))),
    ]
    const widths = v.head.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)))
    for (const r of table)
      lines.push(
        r
          .map((c, i) => (v.numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
          .join('  ')
          .trimEnd(),
      )
  }
  const hidden = v.rows.length - shown.length + v.more
  if (hidden > 0) lines.push(`… ${v.count(hidden)} more rows`)
  lines.push(...v.notes)
  return lines.join('\n')
}
