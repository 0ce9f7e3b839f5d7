/**
 * A consistent copy of the database, taken while the site runs:
 *   npm run backup              into backups/ next to the database, named by the time (UTC)
 *   npm run backup -- <file>    into that file (it must not exist yet)
 *
 * `VACUUM INTO` reads the database in one read transaction, so the copy is exactly the
 * database as it was when the backup began: every write committed before is in it, none that
 * came after. In WAL mode readers do not block writers, so the site keeps saving meanwhile.
 * The copy is written under a temporary name, checked, and only then given its own, so a
 * file with a backup's name is always a complete one. It is a single self-contained file
 * (no -wal beside it). How to restore one is in the README.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { now } from '../utils/clock.server'
import { readEnv } from '../utils/env.server'

export type BackupResult = {
  source: string
  target: string
  bytes: number
  ms: number
  /** Rows in the tables a person would check first, when the database has them. */
  rows: Record<string, number>
}

const COUNTED_TABLES = ['users', 'questions', 'answers', 'kb_articles', 'events']

/** backups/<name>-<UTC time>.db beside the database; -2, -3… when a name is taken. */
export function defaultBackupPath(source: string, at = now()) {
  const dir = path.join(path.dirname(source), 'backups')
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '')
  const base = `${path.basename(source, path.extname(source))}-${stamp}`
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${base}.db` : `${base}-${n}.db`)
    if (!fs.existsSync(file)) return file
  }
}

export function backupDatabase(source: string, target = defaultBackupPath(source)): BackupResult {
  if (fs.existsSync(target))
    throw new Error(`${path.relative(process.cwd(), target)} already exists; choose a new file`)
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
  const partial = `${target}.partial`
  fs.rmSync(partial, { force: true })
  const started = performance.now()
  // Read-only: a backup can never change the database it copies.
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('VACUUM INTO ?').run(partial)
  } finally {
    db.close()
  }
  const copy = new Database(partial, { readonly: true })
  let rows: Record<string, number> = {}
  try {
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok')
      throw new Error(`the copy in ${partial} failed its integrity check: ${String(check)}`)
    const tables = new Set(
      (
        copy.prepare("select name from sqlite_master where type = 'table'").all() as {
          name: string
        }[]
      ).map((t) => t.name),
    )
    rows = Object.fromEntries(
      COUNTED_TABLES.filter((t) => tables.has(t)).map((t) => [
        t,
        (copy.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n,
      ]),
    )
  } finally {
    copy.close()
  }
  fs.renameSync(partial, target)
  return { source, target, bytes: fs.statSync(target).size, ms: performance.now() - started, rows }
}

export function describeBackup(result: BackupResult) {
  const mb = (result.bytes / 1024 / 1024).toFixed(1)
  const rows = Object.entries(result.rows)
    .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
    .join(', ')
  return (
    `Backed up ${path.relative(process.cwd(), result.source)} to ` +
    `${path.relative(process.cwd(), result.target)} (${mb} MB${rows ? `; ${rows}` : ''}) ` +
    `in ${Math.round(result.ms)} ms; integrity check ok.`
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [target, ...rest] = process.argv.slice(2)
  if (rest.length > 0 || target?.startsWith('-')) {
    console.error('Usage: npm run backup [-- <file>]')
    process.exit(2)
  }
  const source = path.resolve(readEnv().DATABASE_PATH)
  try {
    console.log(describeBackup(backupDatabase(source, target ? path.resolve(target) : undefined)))
  } catch (error) {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
