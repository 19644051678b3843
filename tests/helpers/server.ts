import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export type RunningServer = {
  url: string
  dataDir: string
  admin: { email: string; password: string }
  output: () => string
  /** Signals the server and resolves with its exit code; removes its data directory unless kept. */
  stop: (signal?: NodeJS.Signals, options?: { keepData?: boolean }) => Promise<number | null>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/**
 * Starts Haven exactly as `npm start` does (launcher → database prepare → build if needed →
 * production server) on a free port with its own data directory, and waits until it is ready.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-e2e-'))
  const port = await freePort()
  const admin = { email: 'admin@example.org', password: crypto.randomBytes(12).toString('hex') }
  let log = ''
  // The launcher decides NODE_ENV for each of its children; jest's 'test' must not leak in.
  const { NODE_ENV: _ignored, ...parentEnv } = process.env
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', path.join(root, 'src/cli/start.ts')],
    {
      cwd: root,
      env: {
        ...parentEnv,
        NODE_OPTIONS: '',
        DATABASE_URL: '',
        HOST: '127.0.0.1',
        PORT: String(port),
        HAVEN_DATA_DIR: dataDir,
        PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
        HAVEN_ADMIN_EMAIL: admin.email,
        HAVEN_ADMIN_PASSWORD: admin.password,
        ...env,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (log.includes('Haven is running')) {
        clearInterval(timer)
        resolve()
      }
    }, 250)
    void exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`Haven exited (${code}) before it was ready:\n${log.slice(-4000)}`))
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    admin,
    output: () => log,
    async stop(signal = 'SIGTERM', { keepData = false } = {}) {
      if (child.exitCode === null) child.kill(signal)
      const code = await exited
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true })
      return code
    },
  }
}
