// Packs the package as npm would publish it and installs the tarball into a fresh project (a temporary
// folder), for the tests that use the package as its users get it. Needs `npm run build` first.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const root: string = resolve(import.meta.dirname, '../..')
export const npm: string = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** The consumer project's folder and the packed files. */
export function installPackage(): { work: string; files: string[] } {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first')
  const work = mkdtempSync(join(tmpdir(), 'cx-metrics-package-'))
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[]
  const entry = packed[0]
  if (entry === undefined) throw new Error('npm pack printed nothing')
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, entry.filename)], {
    cwd: work,
    stdio: 'pipe',
  })
  return { work, files: entry.files.map((f) => f.path).sort() }
}
