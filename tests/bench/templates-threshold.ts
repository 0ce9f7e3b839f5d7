/**
 * The auto-responder's threshold, chosen on real data: Stack Exchange dumps, with accepted
 * answers standing in for reply templates and duplicate links as the truth.
 *
 *   npm run bench:templates-threshold                    the fixture dumps (tests/fixtures)
 *   npm run bench:templates-threshold -- <dump folder>…  any Stack Exchange dumps
 *
 * Method, per site:
 * - Templates: every question with an accepted answer gives one template, titled with the
 *   question's title, tagged with its tags, its text the accepted answer (HTML made plain text).
 * - Positives: every question closed as a duplicate whose original (the end of the chain) has a
 *   template. The right suggestion is the original's template.
 * - Negatives: every other question with an accepted answer that is not an original of a
 *   duplicate: no template but its own answers it, so any suggestion is counted wrong (this
 *   under-counts precision: another template may in truth answer it).
 * - Each query (title, tags, body of the question as asked) is matched with the auto-responder's
 *   matcher (app/modules/templates/matcher.server.ts) against all templates except its own (a
 *   question being asked has no accepted answer yet). The IDF is computed once over all
 *   templates, the query's own included: one document in hundreds barely moves it.
 * - At each threshold t the matcher suggests its best template when the score is ≥ t.
 *   precision = right suggestions ÷ all suggestions; recall = right suggestions ÷ positives.
 * Prints a table per threshold (all sites pooled, and per site) and writes
 * tmp/bench/templates-threshold.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { readSiteDump } from '../../app/modules/importer/dump.server'
import {
  Matcher,
  MATCH_WEIGHTS,
  type MatchDoc,
  type MatchWeights,
} from '../../app/modules/templates/matcher.server'

const args = process.argv.slice(2)
const POOL = args.includes('--pool=all') ? 'all' : 'originals'
const folders = args.filter((a) => !a.startsWith('--'))
const dumps = folders.length
  ? folders.map((f) => path.resolve(f))
  : fs
      .readdirSync('tests/fixtures/stackexchange', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.resolve('tests/fixtures/stackexchange', d.name))

// BENCH_WEIGHTS='{"doc":{…},"query":{…}}' tries other field weights than the auto-responder's
const WEIGHTS = process.env.BENCH_WEIGHTS
  ? (JSON.parse(process.env.BENCH_WEIGHTS) as { doc: MatchWeights; query: MatchWeights })
  : { doc: MATCH_WEIGHTS, query: MATCH_WEIGHTS }

const THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100)

function plain(html: string): string {
  return html
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

type Query = { id: number; target: number | null; title: string; tags: string[]; body: string }
type Outcome = { target: number | null; best: number | null; score: number }

async function site(folder: string) {
  const dump = await readSiteDump(folder)
  const questions = new Map(dump.questions.map((q) => [q.id, q]))
  const answers = new Map(dump.answers.map((a) => [a.id, a]))
  const dupOf = new Map<number, number>()
  for (const l of dump.links)
    if (l.typeId === 3 && questions.has(l.postId) && questions.has(l.relatedPostId))
      dupOf.set(l.postId, l.relatedPostId)
  const endOf = (id: number) => {
    const seen = new Set<number>()
    let at = id
    while (dupOf.has(at) && !seen.has(at)) {
      seen.add(at)
      at = dupOf.get(at)!
    }
    return at
  }
  const originals = new Set([...dupOf.keys()].map(endOf))
  const docs: MatchDoc<number>[] = []
  for (const q of dump.questions) {
    const accepted = q.acceptedAnswerId ? answers.get(q.acceptedAnswerId) : undefined
    if (accepted && (POOL === 'all' || originals.has(q.id)))
      docs.push({
        key: q.id,
        title: q.title,
        tags: q.tags,
        body: plain(accepted.bodyHtml),
        language: 'en',
      })
  }
  const hasTemplate = new Set(docs.map((d) => d.key))
  const queries: Query[] = []
  for (const q of dump.questions) {
    const text = { id: q.id, title: q.title, tags: q.tags, body: plain(q.bodyHtml) }
    if (dupOf.has(q.id)) {
      const target = endOf(q.id)
      if (target !== q.id && hasTemplate.has(target)) queries.push({ ...text, target })
    } else if (!originals.has(q.id) && (POOL === 'originals' || hasTemplate.has(q.id)))
      queries.push({ ...text, target: null })
  }
  const started = performance.now()
  const matcher = new Matcher(docs, WEIGHTS)
  const built = performance.now() - started
  const times: number[] = []
  const outcomes: Outcome[] = queries.map((q) => {
    const t0 = performance.now()
    const found = matcher
      .match({ title: q.title, tags: q.tags, body: q.body, language: 'en' }, 2)
      .filter((m) => m.key !== q.id)[0]
    times.push(performance.now() - t0)
    return { target: q.target, best: found?.key ?? null, score: found?.score ?? 0 }
  })
  times.sort((a, b) => a - b)
  return {
    site: dump.site,
    templates: docs.length,
    positives: queries.filter((q) => q.target !== null).length,
    negatives: queries.filter((q) => q.target === null).length,
    buildMs: Math.round(built),
    matchP95Ms: times.length ? times[Math.floor(times.length * 0.95)] : 0,
    outcomes,
  }
}

function score(outcomes: Outcome[], t: number) {
  const positives = outcomes.filter((o) => o.target !== null).length
  const suggested = outcomes.filter((o) => o.best !== null && o.score >= t)
  const right = suggested.filter((o) => o.best === o.target).length
  return {
    t,
    suggested: suggested.length,
    right,
    precision: suggested.length ? right / suggested.length : null,
    recall: positives ? right / positives : null,
  }
}

const pct = (x: number | null) => (x === null ? '   —' : `${(x * 100).toFixed(0).padStart(3)}%`)

const results = []
for (const folder of dumps) results.push(await site(folder))
const pooled = results.flatMap((r) => r.outcomes)
console.log(
  results
    .map(
      (r) =>
        `${r.site}: ${r.templates} templates, ${r.positives} positives, ${r.negatives} negatives; ` +
        `index built in ${r.buildMs} ms, one match p95 ${r.matchP95Ms.toFixed(2)} ms`,
    )
    .join('\n'),
)
console.log('\nthreshold  suggested  right  precision  recall   (all sites pooled)')
const table = THRESHOLDS.map((t) => score(pooled, t))
for (const row of table)
  console.log(
    `${row.t.toFixed(2).padStart(9)}  ${String(row.suggested).padStart(9)}  ${String(row.right).padStart(5)}  ${pct(row.precision).padStart(9)}  ${pct(row.recall).padStart(6)}`,
  )
for (const r of results) {
  console.log(`\n${r.site}`)
  for (const t of THRESHOLDS) {
    const row = score(r.outcomes, t)
    console.log(
      `${t.toFixed(2).padStart(9)}  ${String(row.suggested).padStart(9)}  ${String(row.right).padStart(5)}  ${pct(row.precision).padStart(9)}  ${pct(row.recall).padStart(6)}`,
    )
  }
}
fs.mkdirSync('tmp/bench', { recursive: true })
fs.writeFileSync(
  'tmp/bench/templates-threshold.json',
  JSON.stringify(
    {
      sites: results.map(({ outcomes, ...r }) => ({
        ...r,
        table: THRESHOLDS.map((t) => score(outcomes, t)),
      })),
      pooled: table,
    },
    null,
    2,
  ),
)
