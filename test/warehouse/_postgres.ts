// A real PostgreSQL server for the warehouse tests: a throwaway cluster in a temporary folder, on a free
// loopback port, with trust authentication, stopped when the tests end. It needs the server binaries
// (Debian's `postgresql` package; `.ci/run` installs it); as root, the cluster runs as `postgres`.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The folder of initdb and pg_ctl: the newest /usr/lib/postgresql/<version>/bin, or the PATH's. */
function binaries(): string {
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0] !== undefined) return join(debian, versions[0], 'bin')
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()
  if (found === '')
    throw new Error('PostgreSQL server binaries not found: install them (apt-get install postgresql)')
  return found.replace(/\/initdb$/, '')
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })

/** A running server: its connection settings, and how to stop it. */
export interface Postgres {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly database: string
  stop(): void
}

export async function startPostgres(): Promise<Postgres> {
  const bin = binaries()
  const dir = mkdtempSync(join(tmpdir(), 'cx-pg-'))
  const root = process.getuid?.() === 0
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0)
  const as = (command: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, command), args, { stdio: 'pipe' })
  const data = join(dir, 'data')
  as('initdb', ['-D', data, '-A', 'trust', '-U', 'cx', '-E', 'UTF8', '--no-sync', '--no-instructions'])
  const port = await freePort()
  as('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`,
    'start',
  ])
  return {
    host: '127.0.0.1',
    port,
    user: 'cx',
    database: 'postgres',
    stop() {
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
