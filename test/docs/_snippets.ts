// Reads the TypeScript snippets of the documentation: the `@example` blocks of the doc comments in src/
// and the ```ts blocks of README.md and docs/*.md, and writes them as modules that type-check against the
// library with the reader's data of ./context.ts in scope.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

export const root: string = resolve(import.meta.dirname, '../..')
export const out: string = join(root, '.tmp/docs')

/** One snippet: where it is, and its code. */
export interface Snippet {
  readonly where: string
  readonly code: string
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sources(p)
    return p.endsWith('.ts') && !p.includes('.test') ? [p] : []
  })
}

/** Every `@example` block of a doc comment in src/. */
export function examples(): Snippet[] {
  return sources(join(root, 'src')).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(/@example\n(?:\s*\*.*\n)*?\s*\*\s*```ts\n((?:\s*\*.*\n)*?)\s*\*\s*```/g)].map(
      (m) => ({
        where: `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`,
        code: (m[1] as string)
          .split('\n')
          .map((line) => line.replace(/^\s*\* ?/, ''))
          .join('\n'),
      }),
    )
  })
}

/**
 * The ```ts blocks of each guide in docs/, joined in order: a guide is read top to bottom, so a later
 * block sees what an earlier one defined. (The README's blocks are checked and run by
 * test/readme.test.ts.)
 */
export function guides(): Snippet[] {
  return readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const text = readFileSync(join(root, 'docs', f), 'utf8')
      const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map(
        (m) =>
          `// line ${text.slice(0, m.index).split('\n').length}\n` +
          // A block's own imports are the library's names (and arquero's, from ./context.ts), which the module
          // imports already.
          (m[1] as string).replace(
            /^import [^\n]*from '(?:cx-metrics(?:\/definitions|\/notebook|\/sql)?|arquero|pg)'\n/gm,
            '',
          ),
      )
      return { where: `docs/${f}`, code: blocks.join('\n') }
    })
    .filter((g) => g.code !== '')
}

/** The library's exported names, read from its barrel (or another entry's: `src/definitions/index.ts`). */
export function exportedNames(barrel = 'src/index.ts'): { values: string[]; types: string[] } {
  const text = readFileSync(join(root, barrel), 'utf8')
  const values: string[] = []
  const types: string[] = []
  for (const m of text.matchAll(/export (type )?\{([^}]*)\}/g)) {
    for (const raw of (m[2] as string).split(',')) {
      const name = raw.trim()
      if (name === '') continue
      if (m[1] !== undefined || name.startsWith('type ')) types.push(name.replace(/^type /, ''))
      else values.push(name)
    }
  }
  return { values, types }
}

const contextNames = (): string[] =>
  [
    ...readFileSync(join(root, 'test/docs/context.ts'), 'utf8').matchAll(/^export (?:const|type) (\w+)/gm),
  ].map((m) => m[1] as string)

/**
 * A module of snippets, each in its own async function (so that its names are its own and `await`
 * works), with the library and the reader's data imported — except the names a snippet declares itself
 * (a guide that shows the shape of `Subscription` declares its own).
 */
export function moduleOf(
  snippets: readonly Snippet[],
  transform: (code: string, where: string) => string = (c) => c,
): string {
  const { values, types } = exportedNames()
  // `cx-metrics/definitions` is an entry of its own; its examples use its names beside the library's.
  const definitions = exportedNames('src/definitions/index.ts')
  // So is `cx-metrics/notebook`.
  const notebook = exportedNames('src/notebook/index.ts')
  // And `cx-metrics/sql`.
  const sql = exportedNames('src/sql/index.ts')
  const context = contextNames()
  const declared = new Set(
    snippets.flatMap((s) => [...s.code.matchAll(/^(?:interface|type) (\w+)/gm)].map((m) => m[1] as string)),
  )
  const keep = (n: string) => !declared.has(n)
  const imports = [
    `import { ${values.filter(keep).join(', ')}, ${types
      .filter(keep)
      .map((t) => `type ${t}`)
      .join(', ')} } from '${join(root, 'src/index.ts')}'`,
    `import { ${definitions.values.filter(keep).join(', ')}, ${definitions.types
      .filter(keep)
      .map((t) => `type ${t}`)
      .join(', ')} } from '${join(root, 'src/definitions/index.ts')}'`,
    `import { ${notebook.values.filter(keep).join(', ')}, ${notebook.types
      .filter(keep)
      .map((t) => `type ${t}`)
      .join(', ')} } from '${join(root, 'src/notebook/index.ts')}'`,
    `import { ${sql.values.filter(keep).join(', ')}, ${sql.types
      .filter((t) => keep(t) && !definitions.types.includes(t))
      .map((t) => `type ${t}`)
      .join(', ')} } from '${join(root, 'src/sql/index.ts')}'`,
    `import { ${context
      .filter(
        (n) =>
          keep(n) &&
          !values.includes(n) &&
          !types.includes(n) &&
          !definitions.values.includes(n) &&
          !notebook.values.includes(n) &&
          !sql.values.includes(n),
      )
      .map((n) => (/^[A-Z]/.test(n) ? `type ${n}` : n))
      .join(', ')} } from '${join(root, 'test/docs/context.ts')}'`,
  ]
  imports.push(`import { check as __check } from '${join(root, 'test/docs/_snippets.ts')}'`)
  const bodies = snippets.map(
    (s, i) =>
      `// ${s.where}\nexport async function snippet${i}(): Promise<void> {\n${transform(s.code, s.where)}\n}`,
  )
  return `${imports.join('\n')}\n\n${bodies.join('\n\n')}\n`
}

/** Writes a module under .tmp/docs; returns its path. */
export function writeModule(name: string, code: string): string {
  mkdirSync(out, { recursive: true })
  const file = join(out, `${name}.ts`)
  writeFileSync(file, code)
  return file
}

/** Writes one tsconfig that type-checks the given modules; returns its path. */
export function writeTsconfig(name: string, files: readonly string[]): string {
  const tsconfig = join(out, `${name}.tsconfig.json`)
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: '../../tsconfig.json',
      include: files,
      compilerOptions: {
        noUnusedLocals: false,
        noUnusedParameters: false,
        isolatedDeclarations: false,
        declaration: false,
      },
    }),
  )
  return tsconfig
}

const balanced = (code: string): boolean => {
  let depth = 0
  for (const c of code.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '')) {
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    if (depth < 0) return false
  }
  return depth === 0
}

/**
 * Turns each line `expression //=> value` whose value is a number, `null` or a quoted string into a
 * check that the expression gives it (to the digits written; `…` marks a truncated figure).
 */
export function withChecks(code: string, where: string): string {
  return code
    .split('\n')
    .map((line) => {
      const m = /^(\s*)(.+?)\s*\/\/=>\s*(null|'[^']*'|-?[\d_]+(?:\.\d+)?…?)(?=\s|$)/.exec(line)
      const expression = m?.[2]
      if (
        m === null ||
        expression === undefined ||
        /^(const|let|var|\/\/|\.)/.test(expression) ||
        !balanced(expression)
      )
        return line
      return `${m[1]}__check(${expression}, ${JSON.stringify(m[3])}, ${JSON.stringify(`${where}: ${line.trim()}`)})`
    })
    .join('\n')
}

/** Throws unless `actual` is what an example's `//=>` comment says. */
export function check(actual: unknown, written: string, where: string): void {
  const fail = () => {
    throw new Error(`${where}: got ${JSON.stringify(actual)}`)
  }
  if (written === 'null') return void (actual === null || fail())
  if (written.startsWith("'")) return void (actual === written.slice(1, -1) || fail())
  const truncated = written.endsWith('…')
  const digits = written.replace('…', '').replace(/_/g, '')
  const decimals = digits.includes('.') ? (digits.split('.')[1] as string).length : 0
  // To the digits written, and never finer than round-off.
  const tolerance = Math.max((truncated ? 1 : 0.5) * 10 ** -decimals, 1e-14 * Math.abs(Number(digits)))
  if (typeof actual !== 'number' || !(Math.abs(actual - Number(digits)) <= tolerance * (1 + 1e-9))) fail()
}
