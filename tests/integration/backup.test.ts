import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../app/jobs/backup'

// `npm run backup` while another process keeps writing: every write that process had
// acknowledged before the backup began must be in the copy, restored as the README says.

let dir = ''
let source = ''
let writer: ChildProcess | null = null

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(path.resolve('tmp/test-db'), 'backup-'))
  source = path.join(dir, 'tanya.db')
  const db = new Database(source)
  db.pragma('journal_mode = WAL')
  db.exec('create table acks (id integer primary key, payload text not null)')
  // Some bulk, so that copying takes a while and writes land while it runs.
  const fill = db.prepare('insert into acks (payload) values (?)')
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) fill.run(`filler ${i} `.padEnd(1000, '.'))
  })()
  db.close()
})

afterEach(() => {
  if (writer && writer.exitCode === null) writer.kill('SIGKILL')
  writer = null
  fs.rmSync(dir, { recursive: true, force: true })
})

// The writer: the app's connection settings (WAL, synchronous=NORMAL), one insert per
// transaction, and the row's id on stdout once it is committed: an acknowledged write.
const WRITER = `
import Database from 'better-sqlite3'
const db = new Database(process.env.DB_FILE)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.pragma('busy_timeout = 5000')
const insert = db.prepare('insert into acks (payload) values (?)')
for (let i = 0; ; i++) {
  const { lastInsertRowid } = insert.run('write ' + i)
  process.stdout.write(lastInsertRowid + '\\n')
  await new Promise((resolve) => setImmediate(resolve))
}
`

/** Polls until `ready()` holds; for waiting on another process, not for time to pass. */
async function until(ready: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('npm run backup', () => {
  it('copies every acknowledged write while another process keeps writing', async () => {
    const acked: number[] = []
    writer = spawn(process.execPath, ['--input-type=module', '-e', WRITER], {
      env: { ...process.env, DB_FILE: source },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    readline.createInterface({ input: writer.stdout! }).on('line', (id) => acked.push(Number(id)))
    await until(() => acked.length >= 200, 'the writer to start writing')

    const ackedBefore = acked.length
    const target = path.join(dir, 'backups', 'during-writes.db')
    const backup = await run(
      path.resolve('node_modules/.bin/tsx'),
      ['app/jobs/backup.ts', target],
      {
        DATABASE_PATH: source,
      },
    )
    const ackedDuring = acked.length - ackedBefore
    writer.kill('SIGTERM')
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(
      /^Backed up .*tanya\.db to .*during-writes\.db \(.* MB\) in \d+ ms; integrity check ok\.\n$/,
    )
    // The site was not held up: writes went on being acknowledged while the backup ran.
    expect(ackedDuring).toBeGreaterThan(0)
    expect(fs.readdirSync(path.dirname(target))).toEqual(['during-writes.db'])

    // Restore as the README says, into a new file, and look for every acknowledged write.
    const restored = path.join(dir, 'restored.db')
    fs.copyFileSync(target, restored)
    const db = new Database(restored)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const present = new Set(
      (db.prepare('select id from acks').all() as { id: number }[]).map((r) => r.id),
    )
    db.close()
    const missing = acked.slice(0, ackedBefore).filter((id) => !present.has(id))
    console.log(
      `backup: ${ackedBefore} writes acknowledged before it began, ${ackedBefore - missing.length} of them in the copy; ` +
        `${ackedDuring} more acknowledged while it ran; the copy holds ${present.size} rows`,
    )
    expect(missing).toEqual([])
  })

  it('names a backup by the time, beside the database, and never overwrites one', async () => {
    const { setClock } = await import('~/utils/clock.server')
    setClock(new Date('2026-03-02T09:00:00.000Z'))
    const first = backupDatabase(source)
    const second = backupDatabase(source)
    expect(path.relative(dir, first.target)).toBe(
      path.join('backups', 'tanya-2026-03-02T090000Z.db'),
    )
    expect(path.relative(dir, second.target)).toBe(
      path.join('backups', 'tanya-2026-03-02T090000Z-2.db'),
    )
    expect(first.rows).toEqual({})
    expect(() => backupDatabase(source, first.target)).toThrow(/already exists/)
  })
})
