import { defineConfig } from 'tsup'

const config: ReturnType<typeof defineConfig> = defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  dts: { compilerOptions: { ignoreDeprecations: '6.0', isolatedDeclarations: false } },
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: false,
  removeNodeProtocol: false,
  external: [/^node:/],
  outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
})
export default config
