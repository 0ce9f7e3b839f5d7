/**
 * Reminders to accept an answer. An asker whose question has had answers for three days but
 * none accepted is reminded once (in the app and by e-mail, with a link per answer), again at
 * seven days, and never a third time. Closed, locked, hidden, deleted and imported questions get
 * none. A periodic job; each reminder is a conditional insert into `accept_reminders`, so any
 * number of runs, from any number of processes, sends each one once.
 *
 * Only questions whose first answer came in the last two weeks are reminded: an upgraded or
 * imported site, or a job that was stopped for weeks, never reminds anyone of an old thread.
 * The job lets requests through between batches, so a busy hour never holds the site up.
 *
 * The e-mail's accept links ask before they accept: opening one shows the answer and a button,
 * so a mail scanner that fetches every link accepts nothing.
 */
import { eq } from 'drizzle-orm'
import { acceptReminders, answers, users } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, prepared, write } from '../../utils/db.server'
import { Conflict, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { acceptAnswer, getVisibleAnswer } from '../answers/answers.server'
import { notify } from '../notifications/notifications.server'
import { can, type Actor } from '../policy/policy'
import { actingAsker } from './surveys.server'
import { makeToken, readToken } from './tokens.server'

const DAY = 86_400_000
/** Days after the first answer at which reminder 1 and 2 go out. */
export const REMINDER_DAYS = [3, 7] as const
/** How long an accept link works. */
const LINK_DAYS = 14

type Due = { id: number; authorId: number; firstResponseAt: number; sent: number }

/**
 * A question is reminded only while its first answer is at most this old: past it, the asker
 * has long moved on (LINK_DAYS after the second reminder is due).
 */
export const REMINDER_WINDOW_DAYS = REMINDER_DAYS[1] + LINK_DAYS / 2
/** Reminders written before the job yields to waiting requests. */
const BATCH = 50

/** Sends the reminders that are due at `at`; returns a line for the job log. */
export async function sendAcceptReminders(at = now()): Promise<string> {
  const t = at.getTime()
  // Questions with a response, none accepted, open for answers and not removed, whose first
  // response is at least three days and at most two weeks old, with fewer than two reminders.
  const due = prepared(
    `select q.id, q.author_id as authorId, q.first_response_at as firstResponseAt,
       (select count(*) from accept_reminders r where r.question_id = q.id) as sent
     from questions q
     where q.status = 'answered' and q.accepted_answer_id is null
       and q.closed_at is null and q.locked_at is null
       and q.hidden_at is null and q.deleted_at is null and q.origin = 'live'
       and q.first_response_at is not null and q.first_response_at <= ?
       and q.first_response_at > ?`,
  ).all(t - REMINDER_DAYS[0] * DAY, t - REMINDER_WINDOW_DAYS * DAY) as Due[]
  let sent = 0
  for (const [i, q] of due.entries()) {
    if (i > 0 && i % BATCH === 0) await new Promise((resolve) => setImmediate(resolve))
    if (q.sent >= REMINDER_DAYS.length) continue
    // The second waits for day seven; a reminder skipped by a stopped job is not sent twice.
    const number = q.firstResponseAt <= t - REMINDER_DAYS[1] * DAY ? 2 : 1
    if (number <= q.sent) continue
    const made = write((tx) => {
      const inserted = tx
        .insert(acceptReminders)
        .values({ questionId: q.id, number, sentAt: at })
        .onConflictDoNothing()
        .run()
      if (inserted.changes === 0) return false
      // Reminder 2 stands for 1 too when the job was away for both: never more than two.
      if (number === 2 && q.sent === 0)
        tx.insert(acceptReminders)
          .values({ questionId: q.id, number: 1, sentAt: at })
          .onConflictDoNothing()
          .run()
      notify(tx, {
        userId: q.authorId,
        type: 'question.accept_reminder',
        actorId: null,
        questionId: q.id,
        data: { number },
      })
      return true
    })
    if (made) sent++
  }
  return `${sent} reminder(s) sent`
}

/** The answers a reminder offers to accept: ones the asker may accept, oldest first. */
export function acceptableAnswers(questionId: number, asker: Actor) {
  return db
    .select({ id: answers.id, bodyMd: answers.bodyMd, author: users.displayName })
    .from(answers)
    .innerJoin(users, eq(users.id, answers.authorId))
    .where(eq(answers.questionId, questionId))
    .orderBy(answers.createdAt)
    .all()
    .filter((a) => {
      const found = getVisibleAnswer(a.id, asker)
      return found !== null && can(asker, 'answer.accept', found.target)
    })
}

export function acceptToken(answerId: number, askerId: number): string {
  return makeToken({
    kind: 'a',
    id: answerId,
    userId: askerId,
    expiresAt: new Date(now().getTime() + LINK_DAYS * DAY),
  })
}

export type AcceptLinkPage =
  | {
      ok: true
      token: string
      questionId: number
      title: string
      answerId: number
      author: string
      bodyHtml: string
      accepted: boolean
    }
  | { ok: false; reason: 'invalid' | 'expired' }

/** What an accept link shows before anything is accepted: the question, the answer, a button. */
export function getAcceptByToken(token: unknown): AcceptLinkPage {
  const claim = readToken(token, 'a')
  if (!claim) return { ok: false, reason: 'invalid' }
  if (claim.expiresAt.getTime() <= now().getTime()) return { ok: false, reason: 'expired' }
  const asker = actingAsker(claim.userId)
  const found = asker ? getVisibleAnswer(claim.id, asker) : null
  if (!asker || !found || found.question.authorId !== asker.id)
    return { ok: false, reason: 'invalid' }
  const accepted = found.target.isAccepted
  if (!accepted && !can(asker, 'answer.accept', found.target))
    return { ok: false, reason: 'expired' }
  const author =
    db
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, found.answer.authorId))
      .get()?.name ?? ''
  return {
    ok: true,
    token: token as string,
    questionId: found.question.id,
    title: found.question.title,
    answerId: found.answer.id,
    author,
    bodyHtml: found.answer.bodyHtml,
    accepted,
  }
}

/** Accepts the answer a link names, as the asker, through the one accept path. */
export function acceptByToken(token: unknown): number {
  const page = getAcceptByToken(token)
  if (!page.ok)
    throw page.reason === 'expired'
      ? new Conflict(msg('dashboard.accept.expired'))
      : new NotFound('page')
  const asker = actingAsker((readToken(token, 'a') as { userId: number }).userId)!
  return acceptAnswer(asker, page.answerId)
}

export const remindersOf = (questionId: number) =>
  db.select().from(acceptReminders).where(eq(acceptReminders.questionId, questionId)).all()
