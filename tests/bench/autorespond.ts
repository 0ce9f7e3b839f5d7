/**
 * What the auto-responder adds to asking a question.
 *
 *   npm run bench:autorespond           200 questions (BENCH_QUESTIONS to change)
 *
 * A fresh database under tmp/bench-autorespond: migrated, the demo community seeded, the shipped
 * articles and reply templates synced, and every public shipped template made automatic (the
 * most candidates the matcher can have on this site). Then each demo thread's question (in its
 * language, with its tags) is asked again through `createQuestion`, round-robin, as the ask form
 * asks it, then `suggestAutomatically` — the one call the ask form adds — is timed twice: what
 * the ask request spends on it (it only schedules the work), and how long until the suggestion
 * is in the database after the response went (matching, cooking the text, writing the answer;
 * matching only when nothing matched). p50 / p95 / max of each; the first call apart (it builds
 * the matchers).
 */
import fs from 'node:fs'
import path from 'node:path'

const dir = path.resolve('tmp/bench-autorespond')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_PATH = path.join(dir, 'bench.db')
process.env.LOG_REQUESTS = 'false'

const { migrateDatabase, db, write } = await import('../../app/utils/db.server')
const { seedDemoIfEmpty } = await import('../../db/seed')
const { syncKbContent } = await import('../../app/modules/kb/content.server')
const { syncTemplateContent } = await import('../../app/modules/templates/content.server')
const { createQuestion } = await import('../../app/modules/questions/questions.server')
const { suggestAutomatically } = await import('../../app/modules/templates/autorespond.server')
const { loadDemoCommunity } = await import('../../db/seed/demo-content')
const { cookMarkdown } = await import('../../app/utils/markdown.server')
const { replyTemplates, users } = await import('../../db/schema')
const { eq } = await import('drizzle-orm')

const N = Number(process.env.BENCH_QUESTIONS ?? 200)
migrateDatabase()
await seedDemoIfEmpty(path.resolve('content'))
syncKbContent(path.resolve('content'))
syncTemplateContent(path.resolve('content'))
write((tx) =>
  tx
    .update(replyTemplates)
    .set({ automatic: true })
    .where(eq(replyTemplates.visibility, 'public'))
    .run(),
)
await cookMarkdown('warm up the markdown worker')

const asker = db.select().from(users).where(eq(users.role, 'admin')).get()!
const actor = { id: asker.id, role: asker.role, reputation: asker.reputation }
const threads = loadDemoCommunity(path.resolve('content')).threads

const added: number[] = []
const matched: number[] = []
const unmatched: number[] = []
const asking: number[] = []
let first: number | null = null
for (let i = 0; i < N; i++) {
  const t = threads[i % threads.length]
  const t0 = performance.now()
  const created = await createQuestion(actor, {
    title: t.title,
    body: t.body,
    category: t.category,
    tags: t.tags,
    language: t.language,
  })
  const t1 = performance.now()
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors))
  // what the ask request itself spends: scheduling the suggestion
  const writing = suggestAutomatically(created.id)
  const t2 = performance.now()
  const posted = await writing
  // until the suggestion is in the database, after the response has gone
  const background = performance.now() - t1
  asking.push(t1 - t0)
  added.push(t2 - t1)
  if (first === null) first = background
  else (posted ? matched : unmatched).push(background)
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN
}
const line = (name: string, xs: number[]) =>
  `${name.padEnd(34)} n=${String(xs.length).padStart(4)}  p50 ${q(xs, 0.5).toFixed(2)} ms  p95 ${q(xs, 0.95).toFixed(2)} ms  max ${Math.max(...xs).toFixed(2)} ms`
const all = [...matched, ...unmatched]
console.log(`first suggestion (builds the matchers): ${first?.toFixed(2)} ms`)
console.log(line('asking without it (createQuestion)', asking))
console.log(line('added to the ask request', added))
console.log(line('until posted: with a suggestion', matched))
console.log(line('until done: no suggestion', unmatched))
console.log(line('until done: all', all))
fs.mkdirSync('tmp/bench', { recursive: true })
fs.writeFileSync(
  'tmp/bench/autorespond.json',
  JSON.stringify(
    {
      questions: N,
      firstMs: first,
      askingP95Ms: q(asking, 0.95),
      addedP50Ms: q(added, 0.5),
      addedP95Ms: q(added, 0.95),
      backgroundP95Ms: q(all, 0.95),
      matchedP95Ms: q(matched, 0.95),
      unmatchedP95Ms: q(unmatched, 0.95),
      suggested: matched.length,
    },
    null,
    2,
  ),
)
process.exit(0)
