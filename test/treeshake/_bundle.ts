import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** Bundles `import { names } from 'cx-metrics'` from the built package, minified; returns code and gzip size. */
export async function bundle(
  names: string[],
  entry: string,
): Promise<{ code: string; gzip: number; min: number }> {
  const contents = `import { ${names.join(', ')} } from 'cx-metrics'\nexport default [${names.join(', ')}]\n`
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'built-package',
        setup(b) {
          b.onResolve({ filter: /^cx-metrics$/ }, () => ({ path: entry }))
        },
      },
    ],
  })
  const code = result.outputFiles[0]?.text ?? ''
  return { code, min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length }
}
