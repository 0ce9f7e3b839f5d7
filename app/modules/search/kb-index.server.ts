import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { sql } from 'drizzle-orm'
import lunr from 'lunr'
import { db } from '../../utils/db.server'
import { env } from '../../utils/env.server'
import { singleton } from '../../utils/singleton.server'
import { extractWords, highlightWords, MAX_QUERY_WORDS } from './query-text.server'

/**
 * Knowledge-base search: a lunr index over the published articles, held in memory.
 *
 * - Built in a worker thread from the database (never on the request path), serialized to
 *   `<database folder>/kb-index.json` together with the KB version it was built from.
 * - The KB version is a fingerprint of the published articles (count, latest update, …): a
 *   process loads the file at start when the versions match, and rebuilds when they do not, so
 *   several processes on one database converge without talking to each other.
 * - A finished index replaces the old one in one reference assignment: a search running during
 *   a rebuild answers from the old index, the next one from the new.
 */

/** Bumped when the file layout or the indexed fields change, so old files are rebuilt. */
const FORMAT = 2
const BOOSTS = { title: 10, summary: 5, tags: 5, body: 1 }
/**
 * Body words indexed over the whole KB: every word of every article while the KB is small, the
 * opening words of each (at least 100) once it is large. Index size, memory and query time all
 * grow with this; an article's title, summary, tags and opening say what it is about.
 */
const BODY_WORD_BUDGET = 500_000
const MIN_BODY_WORDS = 100

const FINGERPRINT_SQL = `
  select count(*) || ':' || coalesce(max(updated_at), 0) || ':' || coalesce(max(id), 0) || ':' ||
    coalesce(sum(updated_at % 1000000007), 0) as version
  from kb_articles where status = 'published'`

const ARTICLES_SQL = `
  select a.id, a.slug, a.title, a.summary, a.tags, a.body_md as body,
    c.slug as categorySlug, c.name as categoryName
  from kb_articles a left join categories c on c.id = a.category_id
  where a.status = 'published'
  order by a.id`

export type KbDoc = {
  id: number
  slug: string
  title: string
  summary: string
  tags: string[]
  category: { slug: string; name: string } | null
}

type Persisted = {
  format: number
  fingerprint: string
  builtAt: string
  documents: number
  index: object
  docs: KbDoc[]
}

type WorkerResult = {
  source: 'file' | 'built'
  data: Persisted
  bytes: number
  buildMs: number | null
}

type LoadedIndex = {
  index: lunr.Index
  docs: Map<number, KbDoc>
  fingerprint: string
  builtAt: string
  bytes: number
  source: 'file' | 'built'
}

type State = {
  current: LoadedIndex | null
  job: Promise<void> | null
  again: boolean
  force: boolean
  timer: ReturnType<typeof setTimeout> | null
  waiting: { promise: Promise<void>; resolve: () => void } | null
  lastCheck: number
  lastBuildMs: number | null
  lastLoadMs: number | null
  lastError: string | null
  builds: number
  config: { file: string | null; debounceMs: number; checkIntervalMs: number; firstWaitMs: number }
}

// One per process: the server entry and the Remix build each load their own copy of modules.
const state = singleton<State>('kbIndex', () => ({
  current: null,
  job: null,
  again: false,
  force: false,
  timer: null,
  waiting: null,
  lastCheck: -Infinity,
  lastBuildMs: null,
  lastLoadMs: null,
  lastError: null,
  builds: 0,
  config: { file: null, debounceMs: 500, checkIntervalMs: 1000, firstWaitMs: 1500 },
}))

/** Tests and the benchmark point the index elsewhere or shorten the delays. */
export function configureKbIndex(options: Partial<State['config']>) {
  Object.assign(state.config, options)
}

/** Forgets the index held in memory (tests: a fresh process, as far as this module knows). */
export function resetKbIndexForTests() {
  if (state.timer) clearTimeout(state.timer)
  state.timer = null
  state.current = null
  state.lastCheck = -Infinity
  state.lastError = null
  state.builds = 0
}

export function kbIndexFile() {
  return (
    state.config.file ?? path.join(path.dirname(path.resolve(env().DATABASE_PATH)), 'kb-index.json')
  )
}

/** The KB version: cheap (one aggregate over the published articles). */
export function readKbVersion(): string {
  return db.get<{ version: string }>(sql.raw(FINGERPRINT_SQL)).version
}

function runWorker(wanted: string | null): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.resolve('app/modules/search/kb-index.worker.mjs'), {
      workerData: {
        databasePath: path.resolve(env().DATABASE_PATH),
        file: kbIndexFile(),
        format: FORMAT,
        wanted,
        fingerprintSql: FINGERPRINT_SQL,
        articlesSql: ARTICLES_SQL,
        boosts: BOOSTS,
        bodyWordBudget: BODY_WORD_BUDGET,
        minBodyWords: MIN_BODY_WORDS,
      },
    })
    let settled = false
    worker.once('message', (result: WorkerResult) => {
      settled = true
      resolve(result)
      void worker.terminate()
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the KB index worker stopped (exit code ${code})`))
    })
  })
}

function load(result: WorkerResult): LoadedIndex {
  const started = performance.now()
  const index = lunr.Index.load(result.data.index)
  state.lastLoadMs = performance.now() - started
  return {
    index,
    docs: new Map(result.data.docs.map((d) => [d.id, d])),
    fingerprint: result.data.fingerprint,
    builtAt: result.data.builtAt,
    bytes: result.bytes,
    source: result.source,
  }
}

/**
 * Brings the index up to the database's KB version, one job at a time: a request for a
 * rebuild while one runs makes that job go round once more, however many requests came.
 */
function runJob(force: boolean): Promise<void> {
  if (force) state.force = true
  if (state.job) {
    state.again = true
    return state.job
  }
  state.job = (async () => {
    try {
      do {
        state.again = false
        const forced = state.force
        state.force = false
        const wanted = readKbVersion()
        if (!forced && state.current?.fingerprint === wanted) continue
        const result = await runWorker(forced ? null : wanted)
        if (result.buildMs !== null) {
          state.lastBuildMs = result.buildMs
          state.builds++
        }
        // The swap: searches from here on use the new index.
        state.current = load(result)
        state.lastError = null
      } while (state.again)
    } catch (error) {
      state.lastError = error instanceof Error ? error.message : String(error)
      console.warn('KB index build failed', error)
    } finally {
      state.job = null
    }
  })()
  return state.job
}

/**
 * At start, and cheaply before searches: loads the persisted index or rebuilds when the KB
 * version changed. Resolves when the index matches the database.
 */
export async function ensureKbIndexFresh(): Promise<KbIndexStatus> {
  state.lastCheck = performance.now()
  // A change may land while a build reads the articles; go round until the versions agree.
  for (let round = 0; round < 3; round++) {
    if (!state.job && state.current?.fingerprint === readKbVersion()) break
    await runJob(false)
  }
  return kbIndexStatus()
}

/**
 * For the KB editor after an article changes: rebuilds soon after the last of a burst of
 * changes (debounced), even if the fingerprint did not move. Resolves when the rebuild is done.
 */
export function scheduleKbIndexRebuild(): Promise<void> {
  if (!state.waiting) {
    let resolve = () => {}
    const promise = new Promise<void>((r) => (resolve = r))
    state.waiting = { promise, resolve }
  }
  const waiting = state.waiting
  if (state.timer) clearTimeout(state.timer)
  state.timer = setTimeout(() => {
    state.timer = null
    state.waiting = null
    void runJob(true).then(waiting.resolve)
  }, state.config.debounceMs)
  state.timer.unref?.()
  return waiting.promise
}

export type KbIndexStatus = {
  ready: boolean
  building: boolean
  fingerprint: string | null
  builtAt: string | null
  documents: number
  bytes: number
  source: 'file' | 'built' | null
  lastBuildMs: number | null
  lastLoadMs: number | null
  builds: number
  lastError: string | null
  file: string
}

export function kbIndexStatus(): KbIndexStatus {
  const c = state.current
  return {
    ready: c !== null,
    building: state.job !== null,
    fingerprint: c?.fingerprint ?? null,
    builtAt: c?.builtAt ?? null,
    documents: c?.docs.size ?? 0,
    bytes: c?.bytes ?? 0,
    source: c?.source ?? null,
    lastBuildMs: state.lastBuildMs,
    lastLoadMs: state.lastLoadMs,
    builds: state.builds,
    lastError: state.lastError,
    file: kbIndexFile(),
  }
}

/** The index to search now: waits only when there is none yet (the first search after start). */
async function currentIndex(): Promise<LoadedIndex | null> {
  if (!state.current) {
    // Right after start: wait a little for the file or the first build, not for ever; thread
    // search answers meanwhile, and the KB joins in once its index is there.
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([
      ensureKbIndexFresh(),
      new Promise((resolve) => (timer = setTimeout(resolve, state.config.firstWaitMs))),
    ])
    clearTimeout(timer)
    return state.current
  }
  if (performance.now() - state.lastCheck >= state.config.checkIntervalMs) {
    state.lastCheck = performance.now()
    // Stale: keep answering from this index while the new one is built.
    if (!state.job && state.current.fingerprint !== readKbVersion()) void runJob(false)
  }
  return state.current
}

export type KbHit = KbDoc & { titleHtml: string; summaryHtml: string; score: number }

export type KbSearchResult =
  | { ok: true; items: KbHit[]; total: number; words: string[]; truncated: boolean }
  | { ok: false; reason: 'no-words' | 'unavailable' | 'failed'; message: string }

export type KbSearchOptions = {
  limit?: number
  offset?: number
  category?: string | null
  tag?: string | null
  /** The last word is still being typed: match it as a prefix too. */
  prefix?: boolean
}

/** In any-word matching, articles scoring below this share of the best one are left out. */
const ANY_WORD_CUTOFF = 0.35

const stem = (word: string) => lunr.stemmer(new lunr.Token(word, {})).toString()
const isLunrStopWord = (word: string) => lunr.stopWordFilter(new lunr.Token(word, {})) === undefined

/**
 * Searches published articles. The words go to lunr through its query builder, never its
 * query parser, so `title:`, `^`, `~`, `*`, `+`, `-` and the like are only text here.
 */
export async function searchKb(
  query: string,
  options: KbSearchOptions = {},
): Promise<KbSearchResult> {
  const extracted = extractWords(query, { max: MAX_QUERY_WORDS })
  const words = extracted.words.filter((w) => !isLunrStopWord(w))
  if (words.length === 0)
    return {
      ok: false,
      reason: 'no-words',
      message: 'There are no words to search for in that. Try a few plain words.',
    }
  const loaded = await currentIndex()
  if (!loaded)
    return {
      ok: false,
      reason: 'unavailable',
      message: 'Knowledge-base articles are still loading; search again in a moment to see them.',
    }
  const partial =
    options.prefix === true && extracted.lastIsPartial && words.at(-1) === extracted.words.at(-1)
  try {
    // Every word first (lunr then scores only the articles holding all of them), any word
    // when no article holds them all.
    const run = (required: boolean) =>
      loaded.index.query((q) => {
        words.forEach((word, i) => {
          const last = partial && i === words.length - 1
          q.term(word, {
            presence:
              required && !last ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
          })
          // A half-typed word: its exact stem above, or any word of a title, summary or tag it
          // begins (from three letters on: shorter prefixes expand to much of the vocabulary).
          if (last && word.length >= 3)
            q.term(word, {
              usePipeline: false,
              wildcard: lunr.Query.wildcard.TRAILING,
              presence: lunr.Query.presence.OPTIONAL,
              boost: 0.5,
              fields: ['title', 'summary', 'tags'],
            })
        })
      })
    let hits = words.length > 1 ? run(true) : run(false)
    if (hits.length === 0 && words.length > 1) {
      // Any word will do now, but an article sharing one common word with the query is noise.
      const any = run(false)
      const best = any[0]?.score ?? 0
      hits = any.filter((h) => h.score >= best * ANY_WORD_CUTOFF)
    }
    const filtered = hits
      .map((h) => ({ hit: h, doc: loaded.docs.get(Number(h.ref)) }))
      .filter(
        (x): x is { hit: lunr.Index.Result; doc: KbDoc } =>
          x.doc !== undefined &&
          (!options.category || x.doc.category?.slug === options.category) &&
          (!options.tag || x.doc.tags.includes(options.tag)),
      )
    const stems = new Set(words.map(stem))
    const lastWord = words.at(-1) ?? ''
    const matches = (folded: string) =>
      stems.has(stem(folded)) || (partial && lastWord.length >= 3 && folded.startsWith(lastWord))
    const offset = Math.max(0, options.offset ?? 0)
    const limit = Math.max(1, Math.min(50, options.limit ?? 5))
    return {
      ok: true,
      total: filtered.length,
      words,
      truncated: extracted.truncated,
      items: filtered.slice(offset, offset + limit).map(({ hit, doc }) => ({
        ...doc,
        score: hit.score,
        titleHtml: highlightWords(doc.title, matches),
        summaryHtml: highlightWords(doc.summary, matches),
      })),
    }
  } catch (error) {
    console.warn('KB search failed', error)
    return {
      ok: false,
      reason: 'failed',
      message: 'That search could not be run. Try fewer or simpler words.',
    }
  }
}
