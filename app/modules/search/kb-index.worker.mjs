// Builds the knowledge-base search index off the request path (see kb-index.server.ts).
// Plain JavaScript so that every host can start it as it is: the server under tsx, the test
// runner, the benchmark. It reads the articles itself, in one read transaction, so the index
// carries exactly the KB version its articles came from; then it writes the file atomically.
import fs from 'node:fs'
import path from 'node:path'
import { parentPort, threadId, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import lunr from 'lunr'

/** @type {{ databasePath: string, file: string, format: number, wanted: string | null,
 *   fingerprintSql: string, articlesSql: string, boosts: Record<string, number>,
 *   bodyWordBudget: number, minBodyWords: number }} */
const job = workerData

const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** The same folding and word splitting as queries get, so both sides meet. */
function words(text, max = Infinity) {
  const folded = String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
  return (folded.match(WORD) ?? []).slice(0, max).join(' ')
}

function readPersisted() {
  if (!job.wanted) return null
  try {
    const data = JSON.parse(fs.readFileSync(job.file, 'utf8'))
    if (data.format !== job.format || data.fingerprint !== job.wanted) return null
    return { data, bytes: fs.statSync(job.file).size }
  } catch {
    return null
  }
}

function build() {
  const started = performance.now()
  const db = new Database(job.databasePath, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const read = db.transaction(() => ({
    fingerprint: db.prepare(job.fingerprintSql).get().version,
    articles: db.prepare(job.articlesSql).all(),
  }))
  const { fingerprint, articles } = read()
  db.close()

  const builder = new lunr.Builder()
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.searchPipeline.add(lunr.stemmer)
  builder.ref('id')
  for (const [field, boost] of Object.entries(job.boosts)) builder.field(field, { boost })
  const docs = []
  const bodyWords = Math.max(job.minBodyWords, Math.floor(job.bodyWordBudget / articles.length))
  for (const a of articles) {
    builder.add({
      id: String(a.id),
      title: words(a.title),
      summary: words(a.summary),
      tags: words(a.tags),
      // In a large KB only each article's opening: the rest would mostly grow the index (its
      // size, its memory and every query's cost) with words that rarely decide a match.
      body: words(a.body, bodyWords),
    })
    docs.push({
      id: a.id,
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      tags: String(a.tags ?? '')
        .split(/\s+/)
        .filter(Boolean),
      category: a.categorySlug ? { slug: a.categorySlug, name: a.categoryName } : null,
    })
  }
  const index = builder.build()
  const data = {
    format: job.format,
    fingerprint,
    builtAt: new Date().toISOString(),
    documents: docs.length,
    index: index.toJSON(),
    docs,
  }
  const buildMs = performance.now() - started
  const text = JSON.stringify(data)
  fs.mkdirSync(path.dirname(job.file), { recursive: true })
  // Written aside and renamed: a reader sees the old file or the new one, never half of one.
  const tmp = `${job.file}.${process.pid}-${threadId}.tmp`
  fs.writeFileSync(tmp, text)
  fs.renameSync(tmp, job.file)
  return { data, bytes: Buffer.byteLength(text), buildMs }
}

const persisted = readPersisted()
if (persisted) parentPort.postMessage({ source: 'file', ...persisted, buildMs: null })
else parentPort.postMessage({ source: 'built', ...build() })
