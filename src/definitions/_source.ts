// Reading definition files (YAML or JSON, one or several documents each) and finding where a value is
// written, for problems that say file, line and column.
import { isMap, isSeq, LineCounter, parseAllDocuments } from 'yaml'
import type { DefinitionProblem, DefinitionSeverity } from './_types.ts'

/** One document of a file: its value, and where each part of it is written. */
export interface _Document {
  readonly file: string
  readonly index: number
  readonly value: unknown
  /** Line and column (1-based) of the value at `path`, or of its nearest written ancestor; `key` for a map key. */
  locate(path: readonly (string | number)[], key?: boolean): { line: number; column: number }
}

/** A problem, told where it is. */
export function _problem(
  doc: { readonly file: string; locate: _Document['locate'] } | null,
  path: readonly (string | number)[],
  rule: string,
  message: string,
  hint: string,
  options: { severity?: DefinitionSeverity; definition?: string | null; key?: boolean; file?: string } = {},
): DefinitionProblem {
  const at = doc === null ? { line: 1, column: 1 } : doc.locate(path, options.key)
  return {
    rule,
    severity: options.severity ?? 'error',
    message,
    hint,
    file: options.file ?? doc?.file ?? '',
    line: at.line,
    column: at.column,
    definition: options.definition ?? null,
  }
}

/** The documents of a file, and its syntax problems. */
export function _parse(
  file: string,
  text: string,
): { documents: _Document[]; problems: DefinitionProblem[] } {
  const lines = new LineCounter()
  const problems: DefinitionProblem[] = []
  const documents: _Document[] = []
  const position = (offset: number) => {
    const p = lines.linePos(offset)
    return { line: p.line, column: p.col }
  }
  let parsed: ReturnType<typeof parseAllDocuments>
  try {
    parsed = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true })
  } catch (e) {
    return {
      documents,
      problems: [
        {
          rule: 'parse/yaml',
          severity: 'error',
          message: String(e),
          hint: 'Fix the file’s syntax.',
          file,
          line: 1,
          column: 1,
          definition: null,
        },
      ],
    }
  }
  const all = Array.isArray(parsed) ? parsed : []
  all.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const at = position(e.pos[0])
        problems.push({
          rule: 'parse/yaml',
          severity: 'error',
          message: e.message.split('\n')[0] as string,
          hint:
            e.code === 'DUPLICATE_KEY'
              ? 'Write each key once.'
              : 'Fix the YAML or JSON syntax at this place.',
          file,
          line: at.line,
          column: at.column,
          definition: null,
        })
      }
      return
    }
    let value: unknown
    try {
      value = doc.toJS({ maxAliasCount: 100 })
    } catch (e) {
      problems.push({
        rule: 'parse/yaml',
        severity: 'error',
        message: String((e as Error).message),
        hint: 'Use fewer aliases.',
        file,
        line: 1,
        column: 1,
        definition: null,
      })
      return
    }
    if (value === null || value === undefined) return // an empty document
    if (circular(value)) {
      problems.push({
        rule: 'parse/yaml',
        severity: 'error',
        message: 'An alias refers to a node that holds it: the document is circular',
        hint: 'Write the value out instead of aliasing its own ancestor.',
        file,
        line: 1,
        column: 1,
        definition: null,
      })
      return
    }
    const locate: _Document['locate'] = (path, key = false) => {
      let node: unknown = doc.contents
      let best = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0
      for (let i = 0; i < path.length; i++) {
        const step = path[i] as string | number
        if (isMap(node)) {
          const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step)
          if (pair === undefined) break
          const last = i === path.length - 1
          if (last && key) {
            best = (pair.key as { range?: [number, number, number] }).range?.[0] ?? best
            break
          }
          node = pair.value
        } else if (isSeq(node) && typeof step === 'number') {
          node = node.items[step]
        } else break
        best = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? best
      }
      return position(best)
    }
    documents.push({ file, index, value, locate })
  })
  return { documents, problems }
}

/** Whether a parsed value holds itself (through an alias). */
function circular(x: unknown, seen: Set<unknown> = new Set()): boolean {
  if (typeof x !== 'object' || x === null) return false
  if (seen.has(x)) return true
  seen.add(x)
  for (const v of Object.values(x)) if (circular(v, seen)) return true
  seen.delete(x)
  return false
}
