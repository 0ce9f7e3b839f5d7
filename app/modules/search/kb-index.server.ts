import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { sql } from 'drizzle-orm'
import lunr from 'lunr'
import { msg } from '../../i18n/message'
import { contentVersion, db } from '../../utils/db.server'
import { env } from '../../utils/env.server'
import { singleton } from '../../utils/singleton.server'
import {
  NORMALIZER_VERSION,
  parseQuery,
  termTokens,
  wordMatcher,
  type QueryTerm,
} from './normalize.server'
import { highlightWords } from './query-text.server'
import { currentSynonyms } from './synonyms.server'
import type { PostLanguage } from './languages'

/**
 * Knowledge-base search: a lunr index over the published articles, held in memory.
 *
 * - Built in a worker thread from the database (never on the request path), serialized to
 *   `<database folder>/kb-index.json` together with the KB version it was built from.
 * - The KB version is a fingerprint of the published articles (count, latest update, …): a
 *   process loads the file at start when the versions match, and rebuilds when they do not, so
 *   several processes on one database converge without talking to each other.
 * - The worker also lays the index out flat (typed arrays) for the searching thread, which
 *   scores from that exactly as lunr would (see "Scoring"); taking it over costs the searching
 *   thread next to nothing.
 * - A finished index replaces the old one in one reference assignment: a search running during
 *   a rebuild answers from the old index, the next one from the new.
 */

/** Bumped when the file layout or the indexed fields change, so old files are rebuilt. */
const FORMAT = 4
const BOOSTS = { title: 10, summary: 5, tags: 5, body: 1 }
/**
 * Body words indexed over the whole KB: every word of every article while the KB is small, the
 * opening words of each (at least 100) once it is large. Index size, memory and query time all
 * grow with this; an article's title, summary, tags and opening say what it is about.
 */
const BODY_WORD_BUDGET = 500_000
const MIN_BODY_WORDS = 100

export const FINGERPRINT_SQL = `
  select count(*) || ':' || coalesce(max(updated_at), 0) || ':' || coalesce(max(id), 0) || ':' ||
    coalesce(sum(updated_at % 1000000007), 0) as version
  from kb_articles where status = 'published'`

const ARTICLES_SQL = `
  select a.id, a.slug, a.title, a.summary, a.tags, a.body_md as body, a.language,
    c.slug as categorySlug, c.name as categoryName
  from kb_articles a left join categories c on c.id = a.category_id
  where a.status = 'published'
  order by a.id`

export type KbDoc = {
  id: number
  slug: string
  title: string
  summary: string
  /** what the title and summary are written in, for their `lang` */
  language: PostLanguage
  tags: string[]
  category: { slug: string; name: string } | null
}

/**
 * lunr's index as the worker hands it over, laid out flat: a search reads a few slices of typed
 * arrays instead of walking lunr's objects (see "Scoring" below).
 */
type FlatIndex = {
  fields: string[]
  /** `terms[n]` is the term lunr numbered n. */
  terms: string[]
  /** The term numbers in the terms' alphabetical order: a prefix's terms are neighbours. */
  sorted: Int32Array
  /**
   * The articles holding term n in field f, with that term's lunr weight in that field:
   * `ordinals` and `weights` from `offsets[n * fields.length + f]` up to the next offset.
   */
  offsets: Int32Array
  ordinals: Int32Array
  weights: Float64Array
}

type WorkerResult = {
  source: 'file' | 'built'
  fingerprint: string
  builtAt: string
  /** The articles by ordinal. */
  docs: KbDoc[]
  index: FlatIndex
  /** The articles' spelling words and how many articles hold each (see the worker). */
  spelling: [string, number][]
  bytes: number
  buildMs: number | null
}

type LoadedIndex = {
  engine: Engine
  /** The articles by ordinal. */
  docs: KbDoc[]
  /** The words of the articles' titles, summaries and tags as written, with how many hold each. */
  spelling: Map<string, number>
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

/** What else the index depends on: the normaliser and the synonyms it was built with. */
const fingerprintSuffix = () => `n${NORMALIZER_VERSION}:${currentSynonyms().version}`

/** The KB version: cheap (one aggregate over the published articles, the synonyms' version). */
export function readKbVersion(): string {
  return `${db.get<{ version: string }>(sql.raw(FINGERPRINT_SQL)).version}|${fingerprintSuffix()}`
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
        fingerprintSuffix: fingerprintSuffix(),
        synonyms: { version: currentSynonyms().version, groups: currentSynonyms().groups },
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
  const engine = engineFor(result.index, result.docs.length)
  const spelling = new Map(result.spelling)
  state.lastLoadMs = performance.now() - started
  return {
    engine,
    docs: result.docs,
    spelling,
    fingerprint: result.fingerprint,
    builtAt: result.builtAt,
    bytes: result.bytes,
    source: result.source,
  }
}

/**
 * For "did you mean": whether any published article holds the term (any field, in any of its
 * forms). False while no index is loaded: threads alone decide then.
 */
export function kbHoldsTerm(term: QueryTerm): boolean {
  const c = state.current
  return c !== null && numbered(c.engine, termTokens(term)).length > 0
}

/**
 * For "did you mean": the KB's words as written, with how many articles hold each (empty while
 * no index is loaded).
 */
export function kbSpellingWords(): ReadonlyMap<string, number> {
  return state.current?.spelling ?? new Map()
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
        // The swap: searches from here on use the new index, and pages cached with the old
        // one's results are stale.
        state.current = load(result)
        contentVersion.n++
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
    documents: c?.docs.length ?? 0,
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
/** Pages ending further down the results than this are cut from a full sort. */
const PICKED_IN_ONE_PASS = 100
/** Where a half-typed word is looked for as a prefix. */
const PREFIX_FIELDS = ['title', 'summary', 'tags']

// ── Scoring ──────────────────────────────────────────────────────────────────────────────
//
// lunr builds the index (in the worker): words, stems, field boosts and BM25 weights. lunr's
// own Index#query then allocates per matching article and field (match data, sets, string
// keys) and throws most of it away; at a few thousand articles that allocation, not the
// arithmetic, was the query time. So the worker lays the index out flat and the search below
// computes lunr's scores from it with lunr's arithmetic in lunr's order: the same results in
// the same order, from typed arrays reused from one search to the next.

/** A lunr vector's [term number, value, …] pairs, which @types/lunr leaves out. */
type QueryVector = lunr.Vector & { elements: number[] }

type Engine = FlatIndex & {
  /**
   * Per-article working values of the search under way, zeroed again when it ends: `seen` a
   * bit per field met (four fields), `held` a bit per required word (a query has at most
   * MAX_QUERY_WORDS, a dozen).
   */
  seen: Uint8Array
  held: Uint32Array
  score: Float64Array
  dots: Float64Array[]
}

function engineFor(flat: FlatIndex, articles: number): Engine {
  return {
    ...flat,
    seen: new Uint8Array(articles),
    held: new Uint32Array(articles),
    score: new Float64Array(articles),
    dots: flat.fields.map(() => new Float64Array(articles)),
  }
}

/** A query word: its term numbers, the fields searched, and its bit among the required words. */
type Clause = { terms: number[]; fields: number[]; boost: number; bit: number }

/** Where in the sorted vocabulary the first term not before `text` is. */
function firstFrom(engine: Engine, text: string): number {
  const { terms, sorted } = engine
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (terms[sorted[mid]] < text) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The numbers of those of `terms` in the index. */
function numbered(engine: Engine, terms: string[]): number[] {
  return terms.flatMap((term) => {
    const n = engine.sorted[firstFrom(engine, term)]
    return engine.terms[n] === term ? [n] : []
  })
}

/** The numbers of the terms beginning with `prefix`, the prefix itself included. */
function beginning(engine: Engine, prefix: string): number[] {
  const { terms, sorted } = engine
  const found: number[] = []
  for (let i = firstFrom(engine, prefix); i < sorted.length; i++) {
    if (!terms[sorted[i]].startsWith(prefix)) break
    found.push(sorted[i])
  }
  return found
}

/**
 * One clause per query term: the index's terms for any of its forms (and its synonym token).
 * lunr's own query has one term per clause; a word with several forms is one clause here, so
 * that holding any of them counts as holding the word.
 */
function clausesFor(engine: Engine, terms: QueryTerm[], partial: boolean): Clause[] {
  const allFields = engine.fields.map((_, f) => f)
  const clauses = terms.map((term, i) => ({
    terms: numbered(engine, termTokens(term)),
    fields: allFields,
    boost: 1,
    // The half-typed word is not required: the article may hold a word it begins.
    bit: partial && i === terms.length - 1 ? 0 : 1 << i,
  }))
  const last = terms.at(-1)?.text ?? ''
  // A half-typed word: its exact stem above, or any word of a title, summary or tag it begins
  // (from three letters on: shorter prefixes expand to much of the vocabulary).
  if (partial && last.length >= 3)
    clauses.push({
      terms: beginning(engine, last),
      fields: PREFIX_FIELDS.map((name) => engine.fields.indexOf(name)),
      boost: 0.5,
      bit: 0,
    })
  return clauses
}

/** Every article matching any clause, in the order lunr first meets them, with its score. */
type Matches = { ordinals: Int32Array; scores: Float64Array; held: Uint32Array }

/**
 * lunr's score of every article matching any clause: per field, the dot product of the query's
 * vector with the article field's vector over the query vector's length, summed over fields.
 * Sums run in the order lunr's do (terms by number, fields in the order first met), so the
 * figures are lunr's to the last bit.
 */
function score(engine: Engine, clauses: Clause[]): Matches {
  const { offsets, ordinals, weights, seen, held, score: total, dots } = engine
  const width = engine.fields.length
  // lunr's own query vectors (one per field), so their lengths are lunr's too.
  const vectors = engine.fields.map(() => new lunr.Vector([]) as QueryVector)
  for (const clause of clauses)
    for (const n of clause.terms)
      for (const f of clause.fields) vectors[f].upsert(n, clause.boost, (a, b) => a + b)
  // Which article fields match, in the order lunr meets them; which words each article holds.
  const pairs: number[] = []
  const firstMet: number[] = []
  for (const clause of clauses)
    for (const n of clause.terms)
      for (const f of clause.fields)
        for (let k = offsets[n * width + f]; k < offsets[n * width + f + 1]; k++) {
          const d = ordinals[k]
          held[d] |= clause.bit
          if (seen[d] & (1 << f)) continue
          if (seen[d] === 0) firstMet.push(d)
          seen[d] |= 1 << f
          pairs.push(d, f)
        }
  vectors.forEach(({ elements }, f) => {
    for (let i = 0; i < elements.length; i += 2) {
      const slot = elements[i] * width + f
      for (let k = offsets[slot]; k < offsets[slot + 1]; k++)
        dots[f][ordinals[k]] += elements[i + 1] * weights[k]
    }
  })
  const lengths = vectors.map((v) => v.magnitude())
  for (let p = 0; p < pairs.length; p += 2) {
    const d = pairs[p]
    const f = pairs[p + 1]
    total[d] += dots[f][d] / lengths[f] || 0
  }
  const met = Int32Array.from(firstMet)
  const matches = {
    ordinals: met,
    scores: Float64Array.from(met, (d) => total[d]),
    held: Uint32Array.from(met, (d) => held[d]),
  }
  for (let p = 0; p < pairs.length; p += 2) {
    const d = pairs[p]
    const f = pairs[p + 1]
    seen[d] = 0
    held[d] = 0
    total[d] = 0
    dots[f][d] = 0
  }
  return matches
}

/**
 * The matches a search shows, as positions in `matches` (first met first): those holding every
 * word, or any word when no article holds them all; and of those only the articles `fits` takes.
 */
function rank(
  engine: Engine,
  terms: QueryTerm[],
  partial: boolean,
  fits: (ordinal: number) => boolean,
): { matches: Matches; kept: number[] } {
  const clauses = clausesFor(engine, terms, partial)
  const matches = score(engine, clauses)
  const { ordinals, scores, held } = matches
  const required = clauses.reduce((bits, c) => bits | c.bit, 0)
  let counts = (i: number) => held[i] === required
  if (!held.includes(required)) {
    // Any word will do now, but an article sharing one common word with the query is noise.
    const floor = scores.reduce((best, s) => Math.max(best, s), 0) * ANY_WORD_CUTOFF
    counts = (i) => scores[i] >= floor
  }
  const kept: number[] = []
  for (let i = 0; i < ordinals.length; i++) if (counts(i) && fits(ordinals[i])) kept.push(i)
  return { matches, kept }
}

/**
 * The first `count` of `kept` best first, ties in first-met order (as lunr's stable sort leaves
 * them). A short page, the usual case, is picked in one pass: sorting every match of a broad
 * query was much of its time.
 */
function bestFirst(kept: number[], scores: Float64Array, count: number): number[] {
  if (count > PICKED_IN_ONE_PASS)
    return [...kept].sort((a, b) => scores[b] - scores[a]).slice(0, count)
  const top: number[] = []
  for (const i of kept) {
    if (top.length === count && scores[i] <= scores[top[count - 1]]) continue
    let at = top.length
    while (at > 0 && scores[top[at - 1]] < scores[i]) at--
    top.splice(at, 0, i)
    if (top.length > count) top.pop()
  }
  return top
}

/**
 * Searches published articles. The words are only looked up in the index (after lunr's search
 * pipeline): no query parser ever sees them, so `title:`, `^`, `~`, `*`, `+`, `-` and the like
 * are only text here.
 */
export async function searchKb(
  query: string,
  options: KbSearchOptions = {},
): Promise<KbSearchResult> {
  const synonyms = currentSynonyms()
  const parsed = parseQuery(query, synonyms, { prefix: options.prefix === true })
  const terms = parsed.terms
  if (terms.length === 0)
    return {
      ok: false,
      reason: 'no-words',
      message: msg('search.notices.kbNoWords'),
    }
  const loaded = await currentIndex()
  if (!loaded)
    return {
      ok: false,
      reason: 'unavailable',
      message: msg('search.notices.kbLoading'),
    }
  const partial = terms.at(-1)?.partial === true
  try {
    const fits = (ordinal: number) => {
      const doc = loaded.docs[ordinal]
      return (
        (!options.category || doc.category?.slug === options.category) &&
        (!options.tag || doc.tags.includes(options.tag))
      )
    }
    const { matches, kept } = rank(loaded.engine, terms, partial, fits)
    const marked = wordMatcher(terms, synonyms)
    const offset = Math.max(0, options.offset ?? 0)
    const limit = Math.max(1, Math.min(50, options.limit ?? 5))
    return {
      ok: true,
      total: kept.length,
      words: terms.map((t) => t.text),
      truncated: parsed.truncated,
      items: bestFirst(kept, matches.scores, offset + limit)
        .slice(offset)
        .map((i) => {
          const doc = loaded.docs[matches.ordinals[i]]
          return {
            ...doc,
            score: matches.scores[i],
            titleHtml: highlightWords(doc.title, marked),
            summaryHtml: highlightWords(doc.summary, marked),
          }
        }),
    }
  } catch (error) {
    console.warn('KB search failed', error)
    return {
      ok: false,
      reason: 'failed',
      message: msg('search.notices.failed'),
    }
  }
}
