import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeEach } from 'vitest'

// One real SQLite file per worker process, migrated once and emptied before every test.
// FTS5 shadow tables (*_fts_*) are left alone: emptying the virtual table empties them.
const dir = path.resolve('tmp/test-db')
fs.mkdirSync(dir, { recursive: true })
const file = path.join(dir, `worker-${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}.db`)
process.env.DATABASE_PATH = file
process.env.LOG_REQUESTS = 'false'
// Vite exposes its own BASE_URL ('/') to the environment; ours is a full origin.
process.env.BASE_URL = 'http://localhost:3000'

const { migrateDatabase, sqlite } = await import('~/utils/db.server')
const { setClock, resetClock } = await import('~/utils/clock.server')
migrateDatabase()

const tables = (
  sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%_fts_%'",
    )
    .all() as { name: string }[]
).map((t) => t.name)

export const TEST_EPOCH = new Date('2026-03-02T09:00:00.000Z')

beforeEach(() => {
  sqlite.pragma('foreign_keys = OFF')
  sqlite.transaction(() => {
    for (const t of tables) sqlite.prepare(`delete from "${t}"`).run()
    sqlite.prepare('delete from sqlite_sequence').run()
  })()
  sqlite.pragma('foreign_keys = ON')
  setClock(TEST_EPOCH)
})

afterAll(() => {
  resetClock()
})
