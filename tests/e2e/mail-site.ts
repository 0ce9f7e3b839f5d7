import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { startSmtp, type FakeSmtp } from '../setup/smtp'

/**
 * The shared e2e server has no SMTP server to talk to, so the specs about e-mail start the built
 * app on a port of their own, with its own database and SMTP_URL pointing at a real SMTP server
 * on loopback whose received messages the spec reads.
 */
export type MailSite = {
  baseURL: string
  /** The server's environment: the jobs command run with it works on the same database. */
  env: NodeJS.ProcessEnv
  smtp: FakeSmtp
  close: () => Promise<void>
}

async function freePort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Starts the demo site in `tmp/<name>` (emptied first) and waits until it answers. */
async function startMailSite(name: string, extra: Record<string, string> = {}): Promise<MailSite> {
  const smtp = await startSmtp()
  const dataDir = path.resolve('tmp', name)
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  const port = await freePort()
  const baseURL = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    BASE_URL: baseURL,
    DATABASE_PATH: path.join(dataDir, 'tanya.db'),
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Tanya <support@kopi.example>',
    SEED_DEMO: 'true',
    LOG_REQUESTS: 'false',
    // as on the shared e2e server: the specs' new accounts post at once (held-posts.spec.ts
    // covers holding)
    HOLD_FIRST_POSTS: 'false',
    ...extra,
  }
  const server = spawn(process.execPath, ['build/server.js'], { env, stdio: 'ignore' })
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${baseURL}/healthz`)).status
        } catch {
          return 0
        }
      },
      { timeout: 150_000, intervals: [500] },
    )
    .toBe(200)
  return {
    baseURL,
    env,
    smtp,
    close: async () => {
      server.kill('SIGTERM')
      await smtp.close()
    },
  }
}

/**
 * The spec file's own mail site: started before its first test, stopped after its last. The
 * object is filled in when the site is up, so tests read its fields, never copies taken earlier.
 */
export function mailSiteForThisFile(name: string, extra: Record<string, string> = {}): MailSite {
  const site = {} as MailSite
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    Object.assign(site, await startMailSite(name, extra))
  })
  test.afterAll(() => site.close?.())
  return site
}

const run = promisify(execFile)

/**
 * Every job once, as at `at`, on the site's database: the delivery job sends what is queued.
 * (`--at` leaves the leases alone: the server's scheduler may hold one.)
 */
export function runJobs(site: MailSite, at = new Date()) {
  return run('npx', ['tsx', 'app/jobs/run.ts', '--once', '--at', at.toISOString()], {
    env: site.env,
  })
}
