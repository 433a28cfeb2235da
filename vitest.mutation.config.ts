import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The tests StrykerJS runs against each mutant: the unit tests and the reference tests (R, scipy,
// published tables). The fuzz, package, tree-shaking and docs suites prove other things and would
// multiply the run time without judging the arithmetic.
const alias = { 'cx-metrics': fileURLToPath(new URL('./src/index.ts', import.meta.url)) }

const config: ReturnType<typeof defineConfig> = defineConfig({
  resolve: { alias },
  test: {
    include: [
      'src/**/*.test.ts',
      'test/reference/**/*.test.ts',
      'test/laws/laws.test.ts',
      'test/fuzz/classes.test.ts',
    ],
    exclude: ['**/*.prop.test.ts'],
    // Every mutant is in the one instrumented build, switched on by id: the modules need loading once
    // per worker, not once per test file and mutant.
    isolate: false,
    setupFiles: ['test/setup/fastCheck.ts'],
    testTimeout: 30_000,
    // One seed for every mutant, so that a mutant's verdict does not depend on the run.
    env: { FC_SEED: '20261202' },
  },
})
export default config
