/**
 * `npm run bench:trust`: trust levels and spam holding, measured.
 *
 * Part 1, the trust job at scale: a fresh database under tmp/bench-trust/ with 100,000 people
 * (BENCH_TRUST_USERS) and a spread of activity (most came once or twice, some are regulars):
 * about 1.3 million `user_days` rows, 150,000 posts, accepted answers, upheld flags and a few
 * sanctions. Then `updateTrustLevels` twice: the first run promotes everyone who qualifies (a
 * write and an event each), the second finds little to do. Each run is timed, with the
 * process's peak resident memory and the heap growth.
 *
 * Part 2, spam held before anyone sees it: real posts from the Stack Exchange fixtures (as
 * answers by established accounts, trust 2) mixed with generated spam from fresh accounts
 * (trust 0), all through `createAnswer`, the path a form takes. The generator makes:
 * - link spam: an advert with one or two links (three or more are refused outright);
 * - campaigns: the same advert (case and spacing varied) from several fresh accounts;
 * - blocked words: an advert with no link but a word on the staff's list;
 * - bursts: one fresh account posting five plain adverts a minute apart;
 * - quiet spam: a plain advert, no link, no listed word, once per account.
 * Run twice: with the default settings (first posts of new accounts held) and with that
 * setting off (the rules alone). Reports the held share of spam, the refused share, and the
 * share of real posts wrongly held.
 *
 * Prints a table and writes tmp/bench-trust/results.json. Targets are reported, not enforced.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const USERS = Number(process.env.BENCH_TRUST_USERS ?? 100_000)
const dir = path.resolve('tmp/bench-trust')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_PATH = path.join(dir, 'bench.db')
process.env.LOG_REQUESTS = 'false'

const { migrateDatabase, sqlite } = await import('../../app/utils/db.server')
const { setClock } = await import('../../app/utils/clock.server')
const { updateTrustLevels } = await import('../../app/modules/trust/trust.server')
const { saveSpamSettings } = await import('../../app/modules/trust/spam.server')
const { createAnswer } = await import('../../app/modules/answers/answers.server')
const { readSiteDump } = await import('../../app/modules/importer/dump.server')
migrateDatabase()

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const T = new Date('2026-06-01T09:00:00Z').getTime()
const today = Math.floor(T / DAY)
setClock(new Date(T))

// A deterministic generator, so every run builds the same site.
let seed = 42
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]

// --- part 1: the trust job over USERS people ------------------------------------------------

console.log(`Generating ${USERS.toLocaleString('en')} people and their activity…`)
const t0 = performance.now()
sqlite.exec(`insert into categories (slug, name) values ('general', 'General')`)
const insertUser = sqlite.prepare(
  `insert into users (email, handle, display_name, role, created_at) values (?, ?, ?, 'member', ?)`,
)
const insertDay = sqlite.prepare(`insert into user_days (user_id, day, reads) values (?, ?, ?)`)
const insertQuestion = sqlite.prepare(
  `insert into questions (author_id, category_id, title, body_md, body_html, cooked_version, created_at, updated_at, last_activity_at)
   values (?, 1, 'Question', 'body', '<p>body</p>', 1, ?, ?, ?)`,
)
const insertAnswer = sqlite.prepare(
  `insert into answers (question_id, author_id, body_md, body_html, cooked_version, created_at, updated_at)
   values (?, ?, 'answer', '<p>answer</p>', 1, ?, ?)`,
)
let dayRows = 0
let postRows = 0
sqlite.transaction(() => {
  for (let i = 1; i <= USERS; i++) {
    const ageDays = 1 + Math.floor(random() * 400)
    insertUser.run(`u${i}@x.test`, `u${i}`, `User ${i}`, T - ageDays * DAY)
    // 50 % came once or twice, 30 % a few times, 15 % often, 5 % nearly every other day
    const r = random()
    const visits = Math.min(
      ageDays,
      r < 0.5
        ? 1 + Math.floor(random() * 2)
        : r < 0.8
          ? 3 + Math.floor(random() * 10)
          : r < 0.95
            ? 13 + Math.floor(random() * 30)
            : 40 + Math.floor(random() * 60),
    )
    const step = Math.max(1, Math.floor(ageDays / visits))
    for (let v = 0; v < visits; v++) {
      insertDay.run(i, today - v * step, Math.floor(random() * 8))
      dayRows++
    }
  }
  // 50,000 questions by the more active people, 100,000 answers, a fifth of questions solved
  for (let q = 1; q <= 50_000; q++) {
    const author = 1 + Math.floor(random() * USERS)
    const at = T - Math.floor(random() * 300) * DAY
    insertQuestion.run(author, at, at, at)
    postRows++
  }
  for (let a = 1; a <= 100_000; a++) {
    const author = 1 + Math.floor(random() * (USERS / 5))
    const at = T - Math.floor(random() * 300) * DAY
    insertAnswer.run(1 + Math.floor(random() * 50_000), author, at, at)
    postRows++
  }
})()
sqlite.exec(`update questions set accepted_answer_id = (select min(a.id) from answers a where a.question_id = questions.id),
  solved_at = created_at, status = 'solved' where id % 5 = 0`)
sqlite.exec(`insert into review_items (post_type, post_id, question_id, author_id, status, decision, decided_at, flagged_at, created_at, source)
  select 'answer', id, question_id, author_id, 'resolved', 'delete', created_at, created_at, created_at, 'flags' from answers where id % 97 = 0`)
sqlite.exec(
  `insert into sanctions (user_id, kind, reason, created_at) select id, 'silence', 'bench', ${T - 10 * DAY} from users where id % 991 = 0`,
)
const generated = (performance.now() - t0) / 1000
console.log(
  `  ${dayRows.toLocaleString('en')} user_days rows, ${postRows.toLocaleString('en')} posts in ${generated.toFixed(1)} s`,
)

function measure<T>(fn: () => T) {
  if (global.gc) global.gc()
  const heapBefore = process.memoryUsage().heapUsed
  const start = performance.now()
  const result = fn()
  const ms = performance.now() - start
  const heapAfter = process.memoryUsage().heapUsed
  return {
    result,
    ms,
    heapGrowthMb: (heapAfter - heapBefore) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

const first = measure(() => updateTrustLevels(new Date(T)))
const second = measure(() => updateTrustLevels(new Date(T + DAY / 4)))
const levels = sqlite
  .prepare('select trust_level level, count(*) n from users group by trust_level order by 1')
  .all() as { level: number; n: number }[]

// --- part 2: spam held before anyone sees it ------------------------------------------------

const fixtures = path.resolve('tests/fixtures/stackexchange')
const realBodies: string[] = []
for (const site of fs.readdirSync(fixtures)) {
  const folder = path.join(fixtures, site)
  if (!fs.statSync(folder).isDirectory()) continue
  const dump = await readSiteDump(folder)
  for (const post of [...dump.questions, ...dump.answers]) {
    const text = post.bodyHtml
      .replace(/<a [^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/g, '[$2]($1)')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .trim()
    if (text.length >= 20) realBodies.push(text.slice(0, 5000))
  }
}

const BLOCKED = ['casino', 'cheap pills', 'payday loan', 'replica watches', 'escort']
const PRODUCTS = ['beans', 'grinders', 'espresso machines', 'kettles', 'filters', 'mugs']
const DOMAINS = ['best-deals.example', 'cheap-kopi.example', 'promo-shop.example', 'bit.example']
const advert = () =>
  `${pick(['Best', 'Cheapest', 'Top', 'Amazing'])} ${pick(PRODUCTS)} ${pick(['deals', 'prices', 'offers'])} this week, ${pick(['order now', 'limited stock', 'free shipping'])}!`

type Spam = { kind: string; body: string; account: string }
function generateSpam(): Spam[] {
  const out: Spam[] = []
  let n = 0
  const account = () => `spam${++n}`
  for (let i = 0; i < 120; i++) {
    const links = 1 + Math.floor(random() * 3) // one to three links
    const urls = Array.from({ length: links }, (_, k) => `https://${pick(DOMAINS)}/p${i}-${k}`)
    out.push({ kind: 'link', body: `${advert()} ${urls.join(' ')}`, account: account() })
  }
  for (let c = 0; c < 10; c++) {
    const text = `${advert()} Message us on the number in our profile, campaign ${c}.`
    for (let i = 0; i < 6; i++)
      out.push({
        kind: 'campaign',
        body: i % 2 ? text.toUpperCase() : text.replace(/ /g, '  '),
        account: account(),
      })
  }
  for (let i = 0; i < 60; i++)
    out.push({
      kind: 'blocked',
      body: `${advert()} Also ${pick(BLOCKED)} available, ask me.`,
      account: account(),
    })
  for (let b = 0; b < 12; b++) {
    const who = account()
    for (let i = 0; i < 5; i++)
      out.push({ kind: 'burst', body: `${advert()} (${b}.${i})`, account: who })
  }
  for (let i = 0; i < 60; i++)
    out.push({ kind: 'quiet', body: `${advert()} Reply if interested (${i}).`, account: account() })
  return out
}

const insertPerson = sqlite.prepare(
  `insert into users (email, handle, display_name, role, trust_level, created_at) values (?, ?, ?, 'member', ?, ?)`,
)
const staff = Number(
  insertPerson.run('staff@x.test', 'bench_staff', 'Staff', 4, T - 400 * DAY).lastInsertRowid,
)
sqlite.prepare(`update users set role = 'staff' where id = ?`).run(staff)

type Outcome = { held: number; refused: number; shown: number }
async function spamRun(label: string, holdFirstPosts: boolean, runIndex: number) {
  saveSpamSettings(
    { id: staff, role: 'staff', reputation: 0 },
    { holdFirstPosts, words: BLOCKED.join('\n') },
  )
  const base = T + (runIndex + 1) * 30 * DAY
  const q = Number(insertQuestion.run(1, base - DAY, base - DAY, base - DAY).lastInsertRowid)
  const spam = generateSpam()
  const real = realBodies.slice(0, 600)
  const established = Array.from({ length: 60 }, (_, i) =>
    Number(
      insertPerson.run(
        `r${runIndex}-${i}@x.test`,
        `real${runIndex}_${i}`,
        `Real ${i}`,
        2,
        base - 200 * DAY,
      ).lastInsertRowid,
    ),
  )
  const fresh = new Map<string, number>()
  // Interleave: a post every 20 seconds, spam and real posts shuffled together, except that a
  // burst's posts keep their account's one-a-minute rhythm.
  type Post = { spam: Spam | null; body: string }
  // A burst's five posts stay together (one group); everything else is shuffled.
  const groups: Post[][] = []
  const bursts = new Map<string, Post[]>()
  for (const s of spam) {
    if (s.kind !== 'burst') groups.push([{ spam: s, body: s.body }])
    else if (bursts.has(s.account)) bursts.get(s.account)!.push({ spam: s, body: s.body })
    else {
      const group = [{ spam: s, body: s.body }]
      bursts.set(s.account, group)
      groups.push(group)
    }
  }
  for (const body of real) groups.push([{ spam: null, body }])
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[groups[i], groups[j]] = [groups[j], groups[i]]
  }
  const queue = groups.flat()
  const outcome = { spam: {} as Record<string, Outcome>, real: { held: 0, refused: 0, shown: 0 } }
  const lastPost = new Map<number, number>()
  let clock = base
  for (const post of queue) {
    clock += 20_000
    let author: number
    if (post.spam) {
      const handle = `${post.spam.account}_${runIndex}`
      author =
        fresh.get(handle) ??
        Number(
          insertPerson.run(`${handle}@x.test`, handle, handle, 0, clock - 5 * MINUTE)
            .lastInsertRowid,
        )
      fresh.set(handle, author)
    } else author = pick(established)
    const earliest = (lastPost.get(author) ?? 0) + 60_000
    setClock(new Date(Math.max(clock, earliest)))
    lastPost.set(author, Math.max(clock, earliest))
    const bucket = post.spam
      ? (outcome.spam[post.spam.kind] ??= { held: 0, refused: 0, shown: 0 })
      : outcome.real
    try {
      const id = await createAnswer({ id: author, role: 'member', reputation: 0 }, q, post.body)
      const held = sqlite.prepare('select held_at from answers where id = ?').get(id) as {
        held_at: number | null
      }
      if (held.held_at !== null) bucket.held++
      else bucket.shown++
    } catch {
      bucket.refused++
    }
  }
  const total = Object.values(outcome.spam).reduce(
    (s, o) => ({ held: s.held + o.held, refused: s.refused + o.refused, shown: s.shown + o.shown }),
    { held: 0, refused: 0, shown: 0 },
  )
  return { label, holdFirstPosts, ...outcome, spamTotal: total }
}

const runs = [await spamRun('defaults', true, 0), await spamRun('rules only', false, 1)]

// --- report -----------------------------------------------------------------------------------

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`)
console.log('')
console.log(`Trust job over ${USERS.toLocaleString('en')} people`)
for (const [name, r] of [
  ['first run', first],
  ['second run', second],
] as const)
  console.log(
    `  ${name.padEnd(11)} ${(r.ms / 1000).toFixed(2).padStart(6)} s   peak RSS ${r.peakRssMb.toFixed(0)} MB   heap +${r.heapGrowthMb.toFixed(0)} MB   ${JSON.stringify(r.result)}`,
  )
console.log(`  levels after: ${levels.map((l) => `${l.level}: ${l.n}`).join(', ')}`)
for (const run of runs) {
  const s = run.spamTotal
  const posted = s.held + s.shown
  console.log('')
  console.log(`Spam, ${run.label} (first posts held: ${run.holdFirstPosts ? 'yes' : 'no'})`)
  for (const [kind, o] of Object.entries(run.spam))
    console.log(
      `  ${kind.padEnd(9)} ${String(o.held + o.shown + o.refused).padStart(4)} posts: held ${pct(o.held, o.held + o.shown).padStart(7)} of those written, refused ${o.refused}`,
    )
  console.log(
    `  all spam  ${s.held + s.shown + s.refused} posts: ${pct(s.held + s.refused, s.held + s.shown + s.refused)} stopped before anyone saw it (held ${s.held}, refused ${s.refused}, shown ${s.shown}); held ${pct(s.held, posted)} of those written`,
  )
  const r = run.real
  console.log(
    `  real posts ${r.held + r.shown + r.refused}: wrongly held ${r.held} (${pct(r.held, r.held + r.shown + r.refused)}), refused ${r.refused}`,
  )
}
fs.writeFileSync(
  path.join(dir, 'results.json'),
  JSON.stringify({ users: USERS, dayRows, postRows, first, second, levels, runs }, null, 2),
)
