import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from '../../db/schema'
import { env } from './env.server'
import { singleton } from './singleton.server'

export type Db = BetterSQLite3Database<typeof schema>
/** The handle a write transaction receives; the same query API as `db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

// RETURNING, partial indexes and the FTS5 tokenizers we rely on are all there from 3.35.
const MIN_SQLITE = [3, 35, 0]

function openDatabase(file: string) {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  checkSqliteVersion(sqlite)
  sqlite.pragma('journal_mode = WAL')
  // NORMAL survives a process crash in WAL mode; FULL is for power loss.
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  return { sqlite, db }
}

export function checkSqliteVersion(sqlite: Database.Database) {
  const { v } = sqlite.prepare('select sqlite_version() as v').get() as { v: string }
  const have = v.split('.').map(Number)
  for (let i = 0; i < MIN_SQLITE.length; i++) {
    if (have[i] > MIN_SQLITE[i]) return v
    if (have[i] < MIN_SQLITE[i])
      throw new Error(`SQLite ${v} is too old; Tanya needs ${MIN_SQLITE.join('.')} or newer`)
  }
  return v
}

const connection = singleton('db', () => openDatabase(env().DATABASE_PATH))

export const db: Db = connection.db
export const sqlite = connection.sqlite

const statements = singleton('preparedStatements', () => new Map<string, Database.Statement>())

/**
 * A hand-written statement, compiled once per process. For the few statements a hot loop runs
 * thousands of times (appending an event, the escalation sweep's checks), where building the
 * query through the ORM costs more than running it. Runs on the one connection, so inside a
 * `write()` it is part of that transaction.
 */
export function prepared(text: string): Database.Statement {
  let statement = statements.get(text)
  if (!statement) statements.set(text, (statement = sqlite.prepare(text)))
  return statement
}

/**
 * Every write goes through here: BEGIN IMMEDIATE takes the write lock up front, so two
 * processes never both read, then both try to upgrade and fail with SQLITE_BUSY.
 */
export function write<T>(fn: (tx: Tx) => T, options: WriteOptions = {}): T {
  const result = db.transaction(fn, { behavior: 'immediate' })
  if (!options.pagesUnchanged) contentVersion.n++
  return result
}

export type WriteOptions = {
  /**
   * Nothing a signed-out visitor's page shows depends on this write (logs, counters, sessions,
   * rate limits, job leases), so it leaves contentVersion alone and cached pages stay valid.
   */
  pagesUnchanged?: boolean
}

/**
 * Moves on after every committed write that may change a page (and when the KB index is
 * swapped). A cached page is served only while the version it was rendered at is current.
 */
export const contentVersion = singleton('contentVersion', () => ({ n: 0 }))

export function migrateDatabase() {
  migrate(db, { migrationsFolder: path.resolve('db/migrations') })
}
