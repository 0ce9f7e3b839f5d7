/**
 * Bringing existing posts up to what search now expects, in the background and in batches, so
 * the site answers meanwhile:
 *
 * 1. Languages: posts written before posts had a language get one by detection, once (the
 *    migration gave every row 'en'; a settings flag says the detection has been done).
 * 2. The thread index: rebuilt whenever the normaliser or the synonyms changed since it was
 *    last built (the version it was built with is a setting). Until then a row keeps the words it
 *    had, and queries still find it by its own words; only synonyms new to it wait.
 *
 * Run at every start (server.ts) and after staff change the synonyms. Idempotent and safe to
 * interrupt: a process stopped halfway leaves the flag or the version unset and the next start
 * does the work again.
 */
import { eq, sql } from 'drizzle-orm'
import { settings } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { singleton } from '../../utils/singleton.server'
import type { Actor } from '../policy/policy'
import { detectLanguage } from './detect-language.server'
import { ensureKbIndexFresh, scheduleKbIndexRebuild } from './kb-index.server'
import { NORMALIZER_VERSION } from './normalize.server'
import { currentSynonyms, updateSynonyms, type SynonymsResult } from './synonyms.server'
import { syncQuestionsSearch } from './thread-index.server'

export const LANGUAGES_KEY = 'search.languages_detected'
export const INDEX_VERSION_KEY = 'search.index_version'

/** Rows per transaction: short enough that requests waiting to write hardly notice. */
const BATCH = 500

/** What the thread index must have been built with to be current. */
export function searchIndexVersion(synonyms = currentSynonyms()): string {
  return `${NORMALIZER_VERSION}:${synonyms.version}`
}

function readSetting(key: string): unknown {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null
}

function writeSetting(tx: Tx, key: string, value: unknown) {
  tx.insert(settings)
    .values({ key, value, updatedAt: now() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now() } })
    .run()
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve))

type LanguageRow = { id: number; text: string }

const LANGUAGE_TABLES = [
  { table: 'questions', text: `title || ' ' || substr(body_md, 1, 4000)` },
  { table: 'answers', text: 'substr(body_md, 1, 4000)' },
  { table: 'kb_articles', text: `title || ' ' || summary || ' ' || substr(body_md, 1, 4000)` },
] as const

/** Detects the language of every post and article written before posts had one. */
async function backfillLanguages(): Promise<number> {
  if (readSetting(LANGUAGES_KEY) === true) return 0
  let changed = 0
  let articlesChanged = false
  for (const { table, text } of LANGUAGE_TABLES) {
    for (let after = 0; ;) {
      const rows = db.all<LanguageRow>(
        sql.raw(
          `select id, ${text} as text from ${table} where id > ${after} order by id limit ${BATCH}`,
        ),
      )
      if (rows.length === 0) break
      after = rows.at(-1)!.id
      const indonesian = rows.filter((r) => detectLanguage(r.text) === 'id').map((r) => r.id)
      if (indonesian.length > 0) {
        if (table === 'kb_articles') articlesChanged = true
        write((tx) =>
          tx.run(
            sql`update ${sql.raw(table)} set language = 'id'
              where id in (select value from json_each(${JSON.stringify(indonesian)}))`,
          ),
        )
        changed += indonesian.length
      }
      await yieldToRequests()
    }
  }
  write((tx) => writeSetting(tx, LANGUAGES_KEY, true), { pagesUnchanged: true })
  // The KB's version does not see a language change: rebuild its index with the new languages.
  if (articlesChanged) void scheduleKbIndexRebuild()
  return changed
}

/** Re-indexes every question, newest first (the ones searched most), unless the index is current. */
async function rebuildThreadIndex(): Promise<number> {
  const wanted = searchIndexVersion()
  if (readSetting(INDEX_VERSION_KEY) === wanted) return 0
  let done = 0
  for (let before = Number.MAX_SAFE_INTEGER; ;) {
    const ids = db
      .all<{ id: number }>(
        sql`select id from questions where id < ${before} order by id desc limit ${BATCH}`,
      )
      .map((r) => r.id)
    if (ids.length === 0) break
    before = ids.at(-1)!
    write((tx) => syncQuestionsSearch(tx, ids))
    done += ids.length
    await yieldToRequests()
  }
  // Rewriting every row leaves the index in many small segments, and every query then merges
  // them all (a search at 100k questions took 7× as long): merge them into one.
  write((tx) => tx.run(sql`insert into questions_fts (questions_fts) values ('optimize')`), {
    pagesUnchanged: true,
  })
  // The synonyms may have changed again meanwhile: then this version is not the one written,
  // and the next round (see below) goes through once more.
  write((tx) => writeSetting(tx, INDEX_VERSION_KEY, wanted), { pagesUnchanged: true })
  return done
}

export type MaintenanceResult = { languagesDetected: number; questionsReindexed: number }

const state = singleton('searchMaintenance', () => ({
  running: null as Promise<MaintenanceResult> | null,
  again: false,
}))

/**
 * Runs whatever is due, once at a time: asked again while it runs (a second synonyms change),
 * it goes round once more when done. Resolves with what all its rounds did.
 */
export function runSearchMaintenance(): Promise<MaintenanceResult> {
  if (state.running) {
    state.again = true
    return state.running
  }
  state.running = (async () => {
    const result: MaintenanceResult = { languagesDetected: 0, questionsReindexed: 0 }
    try {
      do {
        state.again = false
        result.languagesDetected += await backfillLanguages()
        result.questionsReindexed += await rebuildThreadIndex()
      } while (state.again || readSetting(INDEX_VERSION_KEY) !== searchIndexVersion())
      return result
    } finally {
      state.running = null
    }
  })()
  return state.running
}

/** Whether the thread index was built with the current normaliser and synonyms. */
export function isSearchIndexCurrent(synonyms = currentSynonyms()): boolean {
  return readSetting(INDEX_VERSION_KEY) === searchIndexVersion(synonyms)
}

/**
 * For a database that has just been created: everything in it will be indexed by the current
 * code, so there is nothing to redo. Marks both steps done when nothing predates them.
 */
export function markSearchCurrentIfEmpty() {
  const { n } = db.get<{ n: number }>(sql`select count(*) as n from questions`)
  const { a } = db.get<{ a: number }>(sql`select count(*) as a from kb_articles`)
  if (n > 0 || a > 0) return false
  markSearchCurrent()
  return true
}

/** Both steps done: for a database whose every row was written by the current code. */
export function markSearchCurrent() {
  write(
    (tx) => {
      writeSetting(tx, LANGUAGES_KEY, true)
      writeSetting(tx, INDEX_VERSION_KEY, searchIndexVersion())
    },
    { pagesUnchanged: true },
  )
}

/**
 * Staff's new synonym list: saved (with its event), then applied to what is already indexed in
 * the background. Queries and new posts use it at once.
 */
export function changeSynonyms(actor: Actor, text: string): SynonymsResult {
  const result = updateSynonyms(actor, text)
  if (result.ok) {
    void runSearchMaintenance()
    void ensureKbIndexFresh()
  }
  return result
}
