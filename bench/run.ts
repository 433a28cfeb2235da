// `npm run bench [name…]`: runs bench/*.bench.ts (or the named ones) and prints markdown tables for
// docs/performance.md. Not part of `npm test`: timings depend on the machine.
import { readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const wanted = process.argv.slice(2)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
console.log(`Node ${process.version}, ${process.platform}/${process.arch}`)
for (const file of files) {
  const module = (await import(`./${file}`)) as { run: () => Promise<void> }
  await module.run()
}
