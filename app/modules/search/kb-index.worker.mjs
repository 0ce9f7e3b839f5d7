// Builds the knowledge-base search index off the request path (see kb-index.server.ts).
// Plain JavaScript so that every host can start it as it is: the built server, `npm run dev`,
// the test runner, the benchmark. It reads the articles itself, in one read transaction, so the
// index carries exactly the KB version its articles came from; then it writes the file
// atomically.
// The file holds lunr's own serialized index; what goes to the searching thread is that index
// laid out flat (typed arrays), worked out here so the searching thread does not have to.
import fs from 'node:fs'
import path from 'node:path'
import { parentPort, threadId, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import lunr from 'lunr'
import { tsImport } from 'tsx/esm/api'

/** @type {{ databasePath: string, file: string, format: number, wanted: string | null,
 *   fingerprintSql: string, fingerprintSuffix: string, articlesSql: string,
 *   boosts: Record<string, number>, bodyWordBudget: number, minBodyWords: number,
 *   synonyms: { version: string, groups: { token: string, members: string[][] }[] } }} */
const job = workerData

// The normaliser is TypeScript that imports only libraries; tsx compiles it as the worker starts.
const { compileSynonyms, normalizeForIndex, spellingWords } = await tsImport(
  './normalize.server.ts',
  import.meta.url,
)
const synonyms = compileSynonyms(job.synonyms.groups, job.synonyms.version)

/**
 * The same words as thread search indexes (stems in the article's language and the other's,
 * stop words out, synonym tokens in), so both engines and their queries meet.
 */
function words(text, language, max = Infinity) {
  return normalizeForIndex(String(text ?? ''), language === 'id' ? 'id' : 'en', synonyms, max)
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
    fingerprint: `${db.prepare(job.fingerprintSql).get().version}|${job.fingerprintSuffix}`,
    articles: db.prepare(job.articlesSql).all(),
  }))
  const { fingerprint, articles } = read()
  db.close()

  // lunr gets words already normalised: its own pipeline (English stemmer and stop words) would
  // stem the stems again and knows no Indonesian.
  const builder = new lunr.Builder()
  builder.ref('id')
  for (const [field, boost] of Object.entries(job.boosts)) builder.field(field, { boost })
  const docs = []
  const bodyWords = Math.max(job.minBodyWords, Math.floor(job.bodyWordBudget / articles.length))
  for (const a of articles) {
    builder.add({
      id: String(a.id),
      title: words(a.title, a.language),
      summary: words(a.summary, a.language),
      tags: words(String(a.tags ?? '').replace(/-/g, ' '), a.language),
      // In a large KB only each article's opening: the rest would mostly grow the index (its
      // size, its memory and every query's cost) with words that rarely decide a match.
      body: words(a.body, a.language, bodyWords),
    })
    docs.push({
      id: a.id,
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      language: a.language,
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

/**
 * Per term and field, the articles holding it (by ordinal, in article order, as lunr meets
 * them) and its weight there: read from lunr's field vectors, which hold exactly those weights.
 */
function flatten(index, docs) {
  const { fields } = index
  const terms = []
  for (const [term, posting] of index.invertedIndex) terms[posting._index] = term
  const vectors = new Map(index.fieldVectors)
  const eachEntry = (visit) =>
    docs.forEach((doc, ordinal) =>
      fields.forEach((field, f) => {
        const elements = vectors.get(`${field}/${doc.id}`) ?? []
        for (let i = 0; i < elements.length; i += 2)
          visit(elements[i] * fields.length + f, ordinal, elements[i + 1])
      }),
    )
  // Counted first, then filled: one exact-size array for all terms and fields.
  const offsets = new Int32Array(terms.length * fields.length + 1)
  eachEntry((slot) => offsets[slot + 1]++)
  for (let i = 1; i < offsets.length; i++) offsets[i] += offsets[i - 1]
  const next = offsets.slice(0, -1)
  const ordinals = new Int32Array(offsets.at(-1))
  const weights = new Float64Array(offsets.at(-1))
  eachEntry((slot, ordinal, weight) => {
    const at = next[slot]++
    ordinals[at] = ordinal
    weights[at] = weight
  })
  // lunr serializes its terms sorted (by UTF-16 code unit, as `<` compares strings).
  const sorted = Int32Array.from(index.invertedIndex, ([, posting]) => posting._index)
  return { fields, terms, sorted, offsets, ordinals, weights }
}

/**
 * What "did you mean" may propose from the KB: the words people read first (titles, summaries,
 * tags) as written, each with the number of articles holding it, stop words of the article's
 * language left out. Worked out here, off the searching thread (5,000 articles take ~100 ms).
 */
function spellingOf(docs) {
  const counts = new Map()
  for (const doc of docs) {
    const text = `${doc.title} ${doc.summary} ${doc.tags.join(' ').replace(/-/g, ' ')}`
    for (const word of new Set(spellingWords(text, doc.language === 'id' ? 'id' : 'en').split(' ')))
      if (word) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return [...counts]
}

function send(source, { data, bytes, buildMs }) {
  const index = flatten(data.index, data.docs)
  const { fingerprint, builtAt, docs } = data
  const spelling = spellingOf(docs)
  parentPort.postMessage({ source, fingerprint, builtAt, docs, index, spelling, bytes, buildMs }, [
    index.offsets.buffer,
    index.sorted.buffer,
    index.ordinals.buffer,
    index.weights.buffer,
  ])
}

const persisted = readPersisted()
if (persisted) send('file', { ...persisted, buildMs: null })
else send('built', build())
