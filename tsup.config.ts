import { defineConfig, type Options } from 'tsup'

// ESM: one file per source module (and shared chunks), so that a bundler drops every module a user does
// not import, together with what it imports — @date-fns/tz runs code at load, and must only be loaded
// by the time functions. CJS: one file per entry; its users do not tree-shake. `cx-metrics/definitions`
// (zod, yaml), `cx-metrics/notebook` (display), `cx-metrics/sql` (warehouse queries) and the command (src/cli) are entries of their own, never
// reached from the main one.
const sources = ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/_test*.ts']
const shared: Options = {
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  sourcemap: false,
  removeNodeProtocol: false,
  external: [/^node:/],
}
const dts: Options['dts'] = {
  entry: {
    index: 'src/index.ts',
    'definitions/index': 'src/definitions/index.ts',
    'notebook/index': 'src/notebook/index.ts',
    'sql/index': 'src/sql/index.ts',
  },
  compilerOptions: { ignoreDeprecations: '6.0', isolatedDeclarations: false },
}

const config: ReturnType<typeof defineConfig> = defineConfig([
  { ...shared, entry: sources, format: ['esm'], splitting: true, dts, outDir: 'dist' },
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      definitions: 'src/definitions/index.ts',
      notebook: 'src/notebook/index.ts',
      sql: 'src/sql/index.ts',
    },
    format: ['cjs'],
    dts: {
      ...dts,
      entry: {
        index: 'src/index.ts',
        definitions: 'src/definitions/index.ts',
        notebook: 'src/notebook/index.ts',
        sql: 'src/sql/index.ts',
      },
    },
    outDir: 'dist',
    outExtension: () => ({ js: '.cjs' }),
  },
])
export default config
