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
  const db = drizzle(withStatementCache(sqlite), { schema })
  return { sqlite, db }
}

/** Statements the ORM's queries compiled, kept by their SQL text; the least used go first. */
const STATEMENT_CACHE_SIZE = 500

/**
 * The connection as the ORM sees it, except that `prepare` hands back the statement compiled
 * for the same SQL text before instead of compiling it again: a page runs a dozen or more
 * queries, and compiling each one every time was a visible share of a page's CPU. A statement
 * comes back in its default mode (the ORM switches some to raw rows), and one still being
 * iterated is never handed out twice.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>()
  const prepare = (source: string) => {
    const kept = cache.get(source)
    if (kept && !kept.busy) {
      cache.delete(source)
      cache.set(source, kept)
      if (kept.reader) kept.raw(false)
      return kept
    }
    const statement = sqlite.prepare(source)
    if (!kept) {
      cache.set(source, statement)
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
    }
    return statement
  }
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
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
 * processes never both read, then both try to upgrade and fail with SQLITE_BUSY. Once it has
 * committed, it tells the page cache what changed (see `contentVersion`).
 */
export function write<T>(fn: (tx: Tx) => T, options: WriteOptions = {}): T {
  const outer = touching.current
  const touched: Touched = { threads: new Set(), elsewhere: false }
  touching.current = touched
  let result: T
  try {
    result = db.transaction(fn, { behavior: 'immediate' })
  } finally {
    touching.current = outer
  }
  if (!options.pagesUnchanged) pagesChanged(touched)
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
 * What committed writes changed, for the page cache. `n` moves after a write that may change
 * any page (and when the KB index is swapped); a write that changed only some threads moves
 * those threads' versions and `lists` (every list, count and profile may show them) instead.
 * A cached page is served only while the versions it depends on are the ones it was rendered at.
 */
export const contentVersion = singleton('contentVersion', () => ({
  n: 0,
  lists: 0,
  threads: new Map<number, number>(),
}))

type Touched = { threads: Set<number>; elsewhere: boolean }
const touching = singleton('touchingPages', () => ({ current: null as Touched | null }))

/**
 * Said (by `emit`) of what the write in progress changes: one thread's pages, or, with no
 * thread, possibly any page. A write that says nothing may also change any page.
 */
export function touches(threadId: number | null) {
  const touched = touching.current
  if (!touched) return
  if (threadId === null) touched.elsewhere = true
  else touched.threads.add(threadId)
}

function pagesChanged({ threads, elsewhere }: Touched) {
  if (elsewhere || threads.size === 0) {
    contentVersion.n++
    return
  }
  contentVersion.lists++
  for (const id of threads)
    contentVersion.threads.set(id, (contentVersion.threads.get(id) ?? 0) + 1)
}

export function migrateDatabase() {
  migrate(db, { migrationsFolder: path.resolve('db/migrations') })
}
