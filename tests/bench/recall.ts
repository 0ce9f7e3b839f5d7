/**
 * Similar-question quality on real duplicate links: for every question a Stack Exchange site
 * closed as a duplicate, ask the ask-form suggestion function with the duplicate's title and see
 * whether the original is among the first five threads (recall@5).
 *
 *   npm run bench:recall                      the fixture dumps in tests/fixtures/stackexchange
 *   npm run bench:recall -- <dump folder>…    any Stack Exchange dumps
 *
 * Fairness: the duplicate's own title is in the original's search document (closing feeds it
 * there on purpose), which would make this trivially perfect. The `related` column is emptied
 * before measuring, so only what the original itself says can match. The duplicate itself is
 * also taken out of the index while its title is asked (a question being typed is not posted
 * yet): suggestions offer a duplicate's original in its place, so it would find the original
 * by its own title.
 * The target: the original, or, when the original was itself closed as a duplicate, the end of
 * its chain (what a suggestion offers in its place). The same for the baseline.
 * Side by side, the baseline: plain BM25 over title + body (unicode61, no stemming, no field
 * weights, no stop words), every word OR-ed, top five.
 */
import fs from 'node:fs'
import path from 'node:path'

const folders = process.argv.slice(2).filter((a) => !a.startsWith('--'))
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

const { migrateDatabase, sqlite } = await import('../../app/utils/db.server')
const { importStackExchange, listImportedDuplicateLinks } =
  await import('../../app/modules/importer/stackexchange.server')
const { suggestForAsk } = await import('../../app/modules/search/search.server')

migrateDatabase()
const started = performance.now()
const summary = await importStackExchange(dumps)
console.log(
  `Imported ${dumps.length} dump(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

sqlite.exec(`update questions_fts set related = ''`)
sqlite.exec(`
  create virtual table baseline_fts using fts5(title, body, tokenize = 'unicode61');
  insert into baseline_fts (rowid, title, body) select id, title, body_md from questions where deleted_at is null;
`)
const baseline = sqlite.prepare(
  `select rowid as id from baseline_fts where baseline_fts match ? order by bm25(baseline_fts) limit 6`,
)
const titleOf = sqlite.prepare('select title from questions where id = ?')
const duplicateOf = sqlite.prepare(
  "select duplicate_of_id as id from questions where id = ? and closed_reason = 'duplicate'",
)
const unindex = sqlite.prepare('delete from questions_fts where rowid = ?')
const answeredOf = sqlite.prepare("select status <> 'open' as answered from questions where id = ?")

function baselineTop5(title: string, exclude: number): number[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return []
  const match = words.map((w) => `"${w}"`).join(' OR ')
  return (baseline.all(match) as { id: number }[])
    .map((r) => r.id)
    .filter((id) => id !== exclude)
    .slice(0, 5)
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

/**
 * The first five suggestions for the duplicate's title while the duplicate itself is out of the
 * index (a savepoint rolled back afterwards).
 */
async function suggestWithout(duplicateId: number, title: string) {
  sqlite.exec('savepoint asking')
  try {
    unindex.run(duplicateId)
    return (await suggestForAsk(title)).threads.slice(0, 5).map((s) => s.id)
  } finally {
    sqlite.exec('rollback to asking')
    sqlite.exec('release asking')
  }
}

/**
 * Suggestion time, on the index as it is (outside the savepoint, whose uncommitted delete makes
 * the full-text index flush it on every query).
 */
async function timeSuggestion(title: string) {
  const t = performance.now()
  await suggestForAsk(title)
  return performance.now() - t
}

/** What is counted per site (and summed over all of them). */
const COUNTS = [
  'links',
  'ours',
  'oursAnswered',
  'answered',
  'baseline',
  // Hits on the direct original only (no credit for the end of its chain).
  'oursDirect',
  'baselineDirect',
] as const
type Counts = Record<(typeof COUNTS)[number], number>
const zero = (): Counts => Object.fromEntries(COUNTS.map((k) => [k, 0])) as Counts
type Row = Counts & { site: string; ms: number[] }

const rows: Row[] = []
for (const site of summary.sites) {
  const links = listImportedDuplicateLinks(site.source)
  const row: Row = { ...zero(), site: site.source, links: links.length, ms: [] }
  for (const link of links) {
    const { title } = titleOf.get(link.duplicateId) as { title: string }
    row.ms.push(await timeSuggestion(title))
    const top5 = await suggestWithout(link.duplicateId, title)
    const targets = targetsOf(link.originalId)
    const found = (ids: number[]) => ids.some((id) => targets.includes(id))
    const originalAnswered = Boolean((answeredOf.get(targets[1]) as { answered: number }).answered)
    if (originalAnswered) row.answered++
    if (found(top5)) {
      row.ours++
      if (originalAnswered) row.oursAnswered++
    }
    const baselineIds = baselineTop5(title, link.duplicateId)
    if (found(baselineIds)) row.baseline++
    if (top5.includes(link.originalId)) row.oursDirect++
    if (baselineIds.includes(link.originalId)) row.baselineDirect++
  }
  rows.push(row)
}

const pct = (n: number, d: number) => (d === 0 ? '—' : (n / d).toFixed(2))
const total = zero()
for (const r of rows) for (const k of COUNTS) total[k] += r[k]
const allMs = rows.flatMap((r) => r.ms).sort((a, b) => a - b)
const p = (q: number) =>
  allMs.length ? allMs[Math.min(allMs.length - 1, Math.floor(q * allMs.length))].toFixed(2) : '—'

console.log(
  "\nrecall@5 of the original (or the end of its chain of duplicates), query = the duplicate's title",
)
console.log(
  'site                                   links  suggestions  (original answered)  plain BM25',
)
for (const r of [...rows, { site: 'all', ...total, ms: [] }])
  console.log(
    `${r.site.padEnd(38)} ${String(r.links).padStart(5)}  ${pct(r.ours, r.links).padStart(11)}  ${`${pct(r.oursAnswered, r.answered)} of ${r.answered}`.padStart(19)}  ${pct(r.baseline, r.links).padStart(10)}`,
  )
console.log(
  `\ncounting the direct original only: suggestions ${pct(total.oursDirect, total.links)}, plain BM25 ${pct(total.baselineDirect, total.links)}`,
)
console.log(
  `\nsuggestion time per query: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (${allMs.length} queries)`,
)
console.log(
  'The suggestion list only offers answered or solved threads (an unanswered original cannot be suggested); the "(original answered)" column is recall over the links whose original has an answer.',
)
fs.writeFileSync(
  path.join(dir, 'results.json'),
  JSON.stringify({ rows: rows.map(({ ms: _ms, ...r }) => r), total }, null, 2),
)
sqlite.close()
