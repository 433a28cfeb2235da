// Names of tables and columns, which may come from definition files: checked against a strict charset
// (letters and digits of any script, `_`, `$`, `-` and inner spaces) and then quoted, so that no name can
// close its quotes, end the statement or open a comment.
import { _typeError } from '../core/_assert.ts'
import { _quote, type SqlDialect } from './_dialects.ts'

const NAME = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_$ -]{0,126}[\p{L}\p{N}_$])?$/u

/** A column or table name part, quoted for the dialect; a TypeError naming `arg` otherwise. */
export function _identifier(fn: string, arg: string, dialect: SqlDialect, name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name) || name.includes('--'))
    throw _typeError(
      fn,
      arg,
      'a name of letters, digits, `_`, `$`, `-` and inner spaces (at most 128), without quotes, `;` or comments',
      name,
    )
  return _quote(dialect, name)
}

/** A table name — `'responses'`, `'analytics.responses'` or its parts `['analytics', 'responses']` — quoted. */
export function _table(fn: string, arg: string, dialect: SqlDialect, table: unknown): string {
  const parts = typeof table === 'string' ? table.split('.') : table
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > 3)
    throw _typeError(fn, arg, 'a table name, or its 1–3 parts (catalog, schema, table)', table)
  return parts.map((p, i) => _identifier(fn, `${arg}[${i}]`, dialect, p)).join('.')
}
