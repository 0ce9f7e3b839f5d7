/**
 * Seeds the Kopi Nusantara demo community from content/ on a fresh database. Everything goes
 * through the domain modules with the clock set back in time, so the demo has the same rows,
 * revisions and events a real community would have.
 *
 * The whole seed is one transaction: the commands' own transactions become savepoints inside
 * it. A first start that is interrupted (Ctrl-C, a kill, a crash) leaves an empty database,
 * which the next start seeds again, never a half-seeded one.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { and, count, eq, inArray, isNull } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { acceptAnswer, createAnswer } from '../app/modules/answers/answers.server'
import { acknowledgeEscalation, claimEscalation } from '../app/modules/escalation/desk.server'
import { escalateByHand } from '../app/modules/escalation/escalate.server'
import { addNote } from '../app/modules/escalation/notes.server'
import { saveRota } from '../app/modules/escalation/rota.server'
import { saveSla } from '../app/modules/escalation/sla.server'
import { sweepEscalations } from '../app/modules/escalation/sweep.server'
import type { Actor } from '../app/modules/policy/policy'
import { closeAsDuplicate } from '../app/modules/questions/closing.server'
import { createQuestion } from '../app/modules/questions/questions.server'
import { castVote } from '../app/modules/votes/votes.server'
import { hashPassword } from '../app/modules/auth/auth.server'
import { syncKbContent } from '../app/modules/kb/content.server'
import { now, resetClock, setClock } from '../app/utils/clock.server'
import { db, migrateDatabase, sqlite, write } from '../app/utils/db.server'
import { acceptReminders, categories, outbox, passwords, questions, tags, users } from './schema'
import { loadCategories, loadDemoCommunity, type DemoThread } from './seed/demo-content'

/** Every demo account logs in with this password (listed in the README). */
export const DEMO_PASSWORD = 'kopi-nusantara'

const HOUR = 60 * 60_000

export async function seedDemoIfEmpty(contentDir = path.resolve('content')) {
  const existing = db.select({ n: count() }).from(users).get()?.n ?? 0
  if (existing > 0) return false
  sqlite.exec('BEGIN IMMEDIATE')
  try {
    await seedDemo(contentDir)
    sqlite.exec('COMMIT')
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    throw error
  }
  // The shipped articles need the categories above. Every start syncs them again (and
  // idempotently), so this is safe outside the seed's transaction.
  syncKbContent(contentDir)
  return true
}

/**
 * Writes the translations in categories.yml to the categories the database already has (by
 * slug), at every start: a database seeded before a category was translated, or before its
 * translation changed, reads it in every language from then on. Names, descriptions and
 * positions are the seed's, and a category the file does not name (an import's) is left alone.
 * Returns the slugs whose translations were written; a site without the file has nothing to do.
 */
export function syncCategoryTranslations(contentDir = path.resolve('content')): string[] {
  if (!existsSync(path.join(contentDir, 'categories.yml'))) return []
  const file = loadCategories(contentDir)
  return write((tx) => {
    const stored = new Map(
      tx
        .select({ id: categories.id, slug: categories.slug, translations: categories.translations })
        .from(categories)
        .all()
        .map((c) => [c.slug, c]),
    )
    const written: string[] = []
    for (const c of file) {
      const row = stored.get(c.slug)
      if (!row || JSON.stringify(row.translations) === JSON.stringify(c.translations)) continue
      tx.update(categories)
        .set({ translations: c.translations })
        .where(eq(categories.id, row.id))
        .run()
      written.push(c.slug)
    }
    return written
  })
}

async function seedDemo(contentDir: string) {
  const community = loadDemoCommunity(contentDir)
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const startedAt = now()
  const actors = new Map<string, Actor>()
  try {
    setClock(new Date(startedAt.getTime() - 1200 * HOUR))
    write((tx) => {
      for (const c of community.categories) tx.insert(categories).values(c).run()
      for (const u of community.users) {
        const row = tx
          .insert(users)
          .values({
            handle: u.handle,
            displayName: u.displayName,
            email: u.email,
            role: u.role,
            bio: u.bio,
            // the demo's people have been around: past the new-account limits and holding
            trustLevel: 1,
          })
          .returning({ id: users.id })
          .get()
        tx.insert(passwords).values({ userId: row.id, hash: passwordHash }).run()
        actors.set(u.handle, { id: row.id, role: u.role, reputation: 0 })
      }
      const tagNames = new Set(community.threads.flatMap((t) => t.tags))
      for (const name of [...tagNames].sort()) tx.insert(tags).values({ name }).run()
    })
    setUpOnCall(actors)

    const ids = new Map<string, number>()
    const oldestFirst = [...community.threads].sort((a, b) => b.createdHoursAgo - a.createdHoursAgo)
    for (const thread of oldestFirst)
      ids.set(thread.slug, await seedThread(thread, startedAt, actors))

    const moderator = [...actors.values()].find((a) => a.role === 'moderator')!
    for (const thread of community.threads) {
      if (thread.state !== 'duplicate' || !thread.duplicateOf) continue
      const closed = closeAsDuplicate(
        moderator,
        ids.get(thread.slug)!,
        String(ids.get(thread.duplicateOf)!),
      )
      if (!closed.ok) throw new Error(`demo thread ${thread.slug}: ${closed.message}`)
    }
    await seedDesk(startedAt, actors, ids)
    settleSupportMail(startedAt)
  } finally {
    resetClock()
  }
}

/**
 * The demo's threads are its past: their surveys stay on the pages, but no survey e-mail is left
 * queued for it, and its answered threads count as reminded already, so the reminder job never
 * mails a demo asker about a thread from weeks ago.
 */
function settleSupportMail(startedAt: Date) {
  write((tx) => {
    tx.delete(outbox)
      .where(
        and(
          inArray(outbox.kind, ['survey.requested', 'question.accept_reminder']),
          eq(outbox.status, 'pending'),
        ),
      )
      .run()
    const answered = tx
      .select({ id: questions.id })
      .from(questions)
      .where(and(eq(questions.status, 'answered'), isNull(questions.acceptedAnswerId)))
      .all()
    for (const q of answered)
      for (const number of [1, 2])
        tx.insert(acceptReminders)
          .values({ questionId: q.id, number, sentAt: startedAt })
          .onConflictDoNothing()
          .run()
  })
}

async function seedThread(thread: DemoThread, startedAt: Date, actors: Map<string, Actor>) {
  const created = startedAt.getTime() - thread.createdHoursAgo * HOUR
  const advance = setClock(new Date(created))
  const asker = actors.get(thread.author)!
  const result = await createQuestion(asker, {
    title: thread.title,
    body: thread.body,
    category: thread.category,
    tags: thread.tags,
    language: thread.language,
  })
  if (!result.ok)
    throw new Error(`demo thread ${thread.slug}: ${JSON.stringify(result.fieldErrors)}`)
  const questionId = result.id
  // Votes come from the other members in a fixed order, so a re-seed gives the same scores.
  const voters = (authorId: number) => [...actors.values()].filter((a) => a.id !== authorId)
  vote(voters(asker.id), 'question', questionId, thread.score)

  let elapsed = 0
  for (const answer of thread.answers) {
    advance(answer.hoursAfter * HOUR - elapsed)
    elapsed = answer.hoursAfter * HOUR
    const author = actors.get(answer.author)!
    // Answers are written in their thread's language.
    const answerId = await createAnswer(author, questionId, answer.body, null, thread.language)
    vote(voters(author.id), 'answer', answerId, answer.score)
    if (answer.accepted) acceptAnswer(asker, answerId)
  }
  write((tx) =>
    tx.update(questions).set({ viewCount: thread.views }).where(eq(questions.id, questionId)).run(),
  )
  return questionId
}

/**
 * Three staff take weekly turns on call, handing off on Mondays at 09:00 in Jakarta; payment
 * problems are promised an answer within two hours around the clock (the other categories keep
 * the shop's business-hours target).
 */
function setUpOnCall(actors: Map<string, Actor>) {
  const admin = actors.get('eko')!
  const firstMonday = DateTime.fromJSDate(now(), { zone: 'Asia/Jakarta' }).startOf('week')
  saveRota(admin, {
    memberIds: ['dewi', 'fikri', 'sekar'].map((h) => actors.get(h)!.id),
    timeZone: 'Asia/Jakarta',
    handoffWeekday: 1,
    handoffTime: '09:00',
    rotationDays: 7,
    startsOn: firstMonday.toISODate()!,
  })
  const payments = db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.slug, 'payments-billing'))
    .get()!
  const closedEveryDay = Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [`closed-${d}`, '1']),
  )
  const saved = saveSla(admin, payments.id, {
    targetHours: '2',
    targetMinutes: '0',
    level2Hours: '1',
    level2Minutes: '0',
    clock: 'always',
    timeZone: 'Asia/Jakarta',
    ...closedEveryDay,
  })
  if (!saved.ok) throw new Error(`demo SLA: ${JSON.stringify(saved.fieldErrors)}`)
}

const SWEEP_EVERY = 15 * 60_000

/**
 * A desk with something on it: the last day and a half replayed with the escalation sweep
 * every quarter of an hour, while a helper and the moderator escalate two threads by hand and
 * staff claim, acknowledge and note them. Whatever else breached its target (depending on the
 * weekday and hour the demo starts) is escalated by the sweep as it would be on a live site.
 */
async function seedDesk(startedAt: Date, actors: Map<string, Actor>, ids: Map<string, number>) {
  const who = (handle: string) => actors.get(handle)!
  const thread = (slug: string) => {
    const id = ids.get(slug)
    if (id === undefined) throw new Error(`demo desk: no thread ${slug}`)
    return id
  }
  const wrongGrind = thread('11-ordered-whole-beans-got-ground')
  const merge = thread('22-merge-two-accounts')
  let wrongGrindEscalation = 0
  let mergeEscalation = 0
  const script: [hoursAgo: number, act: () => Promise<void> | void][] = [
    [
      18,
      () => {
        wrongGrindEscalation = escalateByHand(
          who('budi'),
          wrongGrind,
          'Wrong grind shipped on order KN-25301: only staff can send a replacement bag.',
        )
      },
    ],
    [17.5, () => void claimEscalation(who('dewi'), wrongGrindEscalation)],
    [17.4, () => void acknowledgeEscalation(who('dewi'), wrongGrindEscalation)],
    [
      17.3,
      async () =>
        void (await addNote(
          who('dewi'),
          wrongGrind,
          'Checked KN-25301: the packing slip says **whole bean**, so this was our mistake. Replacement 250 g Flores Bajawa goes out with the next JNE pickup; no need to return the ground bag.',
        )),
    ],
    [
      7,
      () => {
        mergeEscalation = escalateByHand(
          who('citra'),
          merge,
          'Merging two accounts needs the staff tool; the asker has orders on both.',
        )
      },
    ],
    [6.5, () => void claimEscalation(who('fikri'), mergeEscalation)],
  ]
  const from = startedAt.getTime() - 36 * HOUR
  let next = 0
  for (let at = from; at <= startedAt.getTime(); at += SWEEP_EVERY) {
    while (next < script.length && startedAt.getTime() - script[next][0] * HOUR <= at) {
      setClock(new Date(startedAt.getTime() - script[next][0] * HOUR))
      await script[next][1]()
      next++
    }
    setClock(new Date(at))
    sweepEscalations(new Date(at))
  }
}

function vote(voters: Actor[], postType: 'question' | 'answer', postId: number, score: number) {
  const value = score > 0 ? 1 : -1
  for (const voter of voters.slice(0, Math.min(Math.abs(score), voters.length)))
    castVote(voter, postType, postId, value)
}

// By file name, not import.meta.url: bundled into the server, this module shares the bundle's URL.
if (process.argv[1]?.endsWith(path.join('db', 'seed.ts'))) {
  migrateDatabase()
  const seeded = await seedDemoIfEmpty()
  console.log(
    seeded ? 'Seeded the demo community.' : 'The database already has users; not seeding.',
  )
}
