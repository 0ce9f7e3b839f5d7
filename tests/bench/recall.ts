/**
 * Similar-question quality on real duplicate links: for every question a Stack Exchange site
 * closed as a duplicate, see whether its original comes up among the first 1, 5 and 10 of
 *
 * - similar questions (the thread page's list: the duplicate's title and tags as the query),
 * - ask-form suggestions (its title alone, as typed into the ask form; answered threads only),
 * - plain BM25 over title + body (unicode61, no stemming, no field weights, no stop words, every
 *   word OR-ed), the baseline, in the same run on the same database.
 *
 *   npm run bench:recall                      the fixture dumps in tests/fixtures/stackexchange
 *   npm run bench:recall -- <dump folder>…    any Stack Exchange dumps
 *   … -- --held-out <site>[,<site>]           which sites are held out (default: quantumcomputing)
 *
 * Held out: ranking changes are tried on the other sites only (the development set); the
 * held-out sites are measured, never tuned on, and reported apart.
 *
 * Fairness, for each link in turn (inside a savepoint rolled back afterwards):
 * - the duplicate is out of the index (a question being typed is not posted yet), and
 * - it is no longer a duplicate of its original, whose search document is rebuilt without the
 *   duplicate's title (closing feeds it there on purpose, which would make this trivial).
 * The site's other duplicate links stay: they are the site's own evidence of which words mean
 * the same thing, as they would be on a live site.
 * The target: the original, or, when the original was itself closed as a duplicate, the end of
 * its chain (what a suggestion offers in its place). The same for the baseline.
 */
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'

const args = process.argv.slice(2)
const heldOutArg = args.indexOf('--held-out')
const heldOut = new Set(
  (heldOutArg >= 0 ? args[heldOutArg + 1] : 'quantumcomputing.stackexchange.com')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
)
const folders = args.filter(
  (a, i) => !a.startsWith('--') && !(heldOutArg >= 0 && i === heldOutArg + 1),
)
const dumps = folders.length
  ? folders.map((f) => path.resolve(f))
  : fs
      .readdirSync('tests/fixtures/stackexchange', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.resolve('tests/fixtures/stackexchange', d.name))

const dir = path.resolve('tmp/bench-recall')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_PATH = path.join(dir, 'recall.db')
process.env.LOG_REQUESTS = 'false'

const { migrateDatabase, sqlite, write } = await import('../../app/utils/db.server')
const { importStackExchange, listImportedDuplicateLinks } =
  await import('../../app/modules/importer/stackexchange.server')
const { suggestForAsk } = await import('../../app/modules/search/search.server')
const { findSimilarQuestionIds } = await import('../../app/modules/search/thread-search.server')
const { syncQuestionSearch } = await import('../../app/modules/search/thread-index.server')
const { ensureKbIndexFresh } = await import('../../app/modules/search/kb-index.server')

migrateDatabase()
const started = performance.now()
const summary = await importStackExchange(dumps)
console.log(
  `Imported ${dumps.length} dump(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

// Suggestions include KB articles: their index is built before the first suggestion is timed.
await ensureKbIndexFresh()
sqlite.exec(`
  create virtual table baseline_fts using fts5(title, body, tokenize = 'unicode61');
  insert into baseline_fts (rowid, title, body) select id, title, body_md from questions where deleted_at is null;
`)
const baseline = sqlite.prepare(
  `select rowid as id from baseline_fts where baseline_fts match ? order by bm25(baseline_fts) limit 11`,
)
const titleOf = sqlite.prepare('select title from questions where id = ?')
const duplicateOf = sqlite.prepare(
  "select duplicate_of_id as id from questions where id = ? and closed_reason = 'duplicate'",
)

const K = [1, 5, 10] as const

function baselineTop(title: string, exclude: number): number[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return []
  const match = words.map((w) => `"${w}"`).join(' OR ')
  return (baseline.all(match) as { id: number }[])
    .map((r) => r.id)
    .filter((id) => id !== exclude)
    .slice(0, 10)
}

/** The original and, when it was itself closed as a duplicate, the end of its chain. */
function targetsOf(originalId: number): number[] {
  const ids = [originalId]
  for (let hop = 0; hop < 10; hop++) {
    const next = duplicateOf.get(ids.at(-1)) as { id: number | null } | undefined
    if (!next?.id || ids.includes(next.id)) break
    ids.push(next.id)
  }
  return [originalId, ids.at(-1)!]
}

/** `measure` with the link undone: the duplicate out of the index and out of its original's. */
async function withoutLink<T>(duplicateId: number, originalId: number, measure: () => Promise<T>) {
  sqlite.exec('savepoint asking')
  try {
    write((tx) => {
      tx.run(sql`delete from questions_fts where rowid = ${duplicateId}`)
      tx.run(sql`update questions set duplicate_of_id = null, closed_reason = null, closed_at = null
        where id = ${duplicateId}`)
      syncQuestionSearch(tx, originalId)
    })
    return await measure()
  } finally {
    sqlite.exec('rollback to asking')
    sqlite.exec('release asking')
  }
}

const METHODS = ['similar', 'suggest', 'bm25'] as const
type Method = (typeof METHODS)[number]
type Hits = Record<Method, [number, number, number]>
type Row = { site: string; heldOut: boolean; links: number; hits: Hits; ms: number[] }

const zeroHits = (): Hits =>
  Object.fromEntries(METHODS.map((m) => [m, [0, 0, 0]])) as unknown as Hits

const rows: Row[] = []
for (const site of summary.sites) {
  const links = listImportedDuplicateLinks(site.source)
  const row: Row = {
    site: site.source,
    heldOut: heldOut.has(site.source),
    links: links.length,
    hits: zeroHits(),
    ms: [],
  }
  for (const link of links) {
    const { title } = titleOf.get(link.duplicateId) as { title: string }
    const targets = targetsOf(link.originalId)
    const ranked = await withoutLink(link.duplicateId, link.originalId, async () => {
      const t = performance.now()
      const suggest = (await suggestForAsk(title, '', { threadLimit: 10 })).threads.map((s) => s.id)
      row.ms.push(performance.now() - t)
      return {
        similar: findSimilarQuestionIds(link.duplicateId, 10),
        suggest,
        bm25: baselineTop(title, link.duplicateId),
      }
    })
    for (const method of METHODS)
      K.forEach((k, i) => {
        if (ranked[method].slice(0, k).some((id) => targets.includes(id))) row.hits[method][i]++
      })
  }
  rows.push(row)
}

const pct = (n: number, d: number) => (d === 0 ? '  —  ' : (n / d).toFixed(2))
function total(name: string, subset: Row[]): Row {
  const hits = zeroHits()
  for (const r of subset) for (const m of METHODS) K.forEach((_, i) => (hits[m][i] += r.hits[m][i]))
  return {
    site: name,
    heldOut: false,
    links: subset.reduce((n, r) => n + r.links, 0),
    hits,
    ms: subset.flatMap((r) => r.ms),
  }
}

const development = rows.filter((r) => !r.heldOut)
const held = rows.filter((r) => r.heldOut)
const lines = [
  ...rows,
  total('development (tuned on)', development),
  ...(held.length ? [total('held out (never tuned on)', held)] : []),
  total('all', rows),
]
console.log(
  "\nrecall@1 / @5 / @10 of the original (or the end of its chain), query = the duplicate's title",
)
console.log(`${'site'.padEnd(38)} links   similar questions   ask suggestions     plain BM25`)
for (const r of lines)
  console.log(
    `${(r.site + (r.heldOut ? ' (held out)' : '')).padEnd(38)} ${String(r.links).padStart(5)}   ${METHODS.map(
      (m) => r.hits[m].map((h) => pct(h, r.links)).join(' '),
    ).join('    ')}`,
  )
const allMs = rows.flatMap((r) => r.ms).sort((a, b) => a - b)
const p = (q: number) =>
  allMs.length ? allMs[Math.min(allMs.length - 1, Math.floor(q * allMs.length))].toFixed(2) : '—'
console.log(
  `\nsuggestion time per query: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (${allMs.length} queries)`,
)
console.log(
  'Suggestions only offer answered or solved threads, so an unanswered original cannot be suggested; similar questions and BM25 have no such rule.',
)
fs.writeFileSync(
  path.join(dir, 'results.json'),
  JSON.stringify({ rows: rows.map(({ ms: _ms, ...r }) => r), heldOut: [...heldOut] }, null, 2),
)
sqlite.close()
