import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const alias = [
  { find: /^cx-metrics$/, replacement: at('./src/index.ts') },
  { find: /^cx-metrics\/definitions$/, replacement: at('./src/definitions/index.ts') },
  { find: /^cx-metrics\/notebook$/, replacement: at('./src/notebook/index.ts') },
  { find: /^cx-metrics\/sql$/, replacement: at('./src/sql/index.ts') },
]

const config: ReturnType<typeof defineConfig> = defineConfig({
  resolve: { alias },
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts', 'src/index.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: ['**/*.prop.test.ts', 'test/package/**', 'test/treeshake/**', 'test/warehouse/**'],
          setupFiles: ['test/setup/fastCheck.ts'],
          // Sized for a loaded 2-core machine; no test asserts a duration.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'property',
          include: ['src/**/*.prop.test.ts', 'test/**/*.prop.test.ts'],
          setupFiles: ['test/setup/fastCheck.ts'],
          // The slowest property ("byPeriod loses and invents nothing") took 7.4 s on a loaded 2-core machine.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
        },
      },
      {
        resolve: { alias },
        test: {
          // Real engines: DuckDB embedded and a PostgreSQL server started by the tests.
          name: 'warehouse',
          include: ['test/warehouse/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts', 'test/treeshake/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
export default config
