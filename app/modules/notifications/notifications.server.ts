/**
 * In-app notifications. They are written by reactions to domain events (a new answer, an
 * acceptance, a close as duplicate), one row per event, and read grouped: three new answers to
 * one question are one entry. What is listed follows the one visibility rule: a notification
 * about a question, answer or original that is no longer listed disappears with it.
 */
import { and, desc, eq, isNull, ne, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { answers, notifications, questions, users } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, prepared, write, type Tx } from '../../utils/db.server'
import type { EmittedEvent } from '../events/events.server'
import { queueEmail } from '../mail/mail.server'
import { composeNotification } from '../mail/messages.server'
import { canSee, type Actor } from '../policy/policy'
import { listed, listedToRecipient } from '../policy/visibility.server'
import { getPreference, type NotificationType } from './preferences.server'

export type { NotificationType }

export type Notice = {
  userId: number
  type: NotificationType
  actorId: number | null
  /** Null for what is about the person rather than a thread (a moderator's warning). */
  questionId: number | null
  answerId?: number | null
  data?: Record<string, unknown>
}

// `notify` runs once per person told of anything (a sweep can tell a thousand at once): its
// statements are compiled once (see `prepared`), not built through the ORM on every call.
type PostRow = { authorId: number; hiddenAt: number | null; deletedAt: number | null }
const asPost = <R extends PostRow>(r: R) => ({
  ...r,
  hiddenAt: r.hiddenAt === null ? null : new Date(r.hiddenAt),
  deletedAt: r.deletedAt === null ? null : new Date(r.deletedAt),
})

/** The question and answer as the policy judges them, for one recipient. */
function recipientMaySee(viewer: Actor, questionId: number, answerId?: number | null) {
  const q = prepared(
    `select author_id as authorId, visibility, hidden_at as hiddenAt, deleted_at as deletedAt
     from questions where id = ?`,
  ).get(questionId) as (PostRow & { visibility: 'public' | 'private' }) | undefined
  if (!q || !canSee(viewer, asPost(q))) return false
  if (!answerId) return true
  const a = prepared(
    'select author_id as authorId, hidden_at as hiddenAt, deleted_at as deletedAt from answers where id = ?',
  ).get(answerId) as PostRow | undefined
  return a !== undefined && canSee(viewer, asPost(a))
}

/**
 * The one way anyone is told of anything, in the caller's transaction. The person's choice for
 * the type decides: an in-app row, an e-mail now, a line in tomorrow's digest (the in-app row,
 * marked for it), or nothing. Nobody is told of their own act, nor of a post they may not see,
 * and a deleted account is told nothing. `email: false` leaves the e-mail to the caller (the
 * escalation sweep sends one message per person for everything it escalated).
 */
export function notify(tx: Tx, n: Notice & { email?: boolean }) {
  if (n.userId === n.actorId) return
  const person = prepared(
    'select id, role, reputation, deleted_at as deletedAt from users where id = ?',
  ).get(n.userId) as (Actor & { deletedAt: number | null }) | undefined
  if (!person || person.deletedAt) return
  if (n.questionId !== null && !recipientMaySee(person, n.questionId, n.answerId)) return
  const choice = getPreference(tx, n.userId, n.type)
  const digest = choice.email === 'digest'
  if (choice.inApp || digest) {
    // Rows kept only for the digest stay out of the in-app list (see `shownInApp`).
    const data =
      n.data || digest || !choice.inApp
        ? {
            ...n.data,
            ...(choice.inApp ? {} : { inApp: false }),
            ...(digest ? { digest: true } : {}),
          }
        : null
    prepared(
      `insert into notifications (user_id, type, actor_id, question_id, answer_id, data, created_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      n.userId,
      n.type,
      n.actorId,
      n.questionId,
      n.answerId ?? null,
      data ? JSON.stringify(data) : null,
      now().getTime(),
    )
  }
  if (choice.email === 'instant' && n.email !== false) {
    const compose = composeNotification(tx, n)
    if (compose) queueEmail(tx, { userId: n.userId, kind: n.type, unsubscribe: n.type, compose })
  }
}

/** Rows the person wants to see on the site (not those kept for the digest alone). */
const shownInApp = sql`coalesce(json_extract(${notifications.data}, '$.inApp'), 1) != 0`

function askerOf(tx: Tx, questionId: number): number | null {
  return (
    tx
      .select({ authorId: questions.authorId })
      .from(questions)
      .where(eq(questions.id, questionId))
      .get()?.authorId ?? null
  )
}

// Reactions (see reactions.server.ts).

export function notifyAskerOfAnswer(tx: Tx, e: EmittedEvent) {
  const asker = e.questionId ? askerOf(tx, e.questionId) : null
  if (asker === null || !e.questionId) return
  notify(tx, {
    userId: asker,
    type: 'question.answered',
    actorId: e.actor?.id ?? null,
    questionId: e.questionId,
    answerId: e.answerId,
  })
}

/** The event's `userId` is the accepted answer's author. */
export function notifyAnswererOfAcceptance(tx: Tx, e: EmittedEvent) {
  if (!e.userId || !e.questionId) return
  notify(tx, {
    userId: e.userId,
    type: 'answer.accepted',
    actorId: e.actor?.id ?? null,
    questionId: e.questionId,
    answerId: e.answerId,
  })
}

export function notifyAskerOfDuplicate(tx: Tx, e: EmittedEvent) {
  const originalId = e.data?.originalId
  if (e.data?.reason !== 'duplicate' || typeof originalId !== 'number' || !e.questionId) return
  const asker = askerOf(tx, e.questionId)
  if (asker === null) return
  notify(tx, {
    userId: asker,
    type: 'question.closed_duplicate',
    actorId: e.actor?.id ?? null,
    questionId: e.questionId,
    data: { originalId },
  })
}

// The author of a post hidden by flags is told so, and may still open it (as `canSee` says).
const aboutOwnHiddenPost = (table: typeof questions | typeof answers) =>
  and(
    eq(notifications.type, 'post.hidden_by_flags'),
    eq(table.authorId, notifications.userId),
    isNull(table.deletedAt),
  )
const answerStillListed = or(
  isNull(notifications.answerId),
  listed(answers),
  aboutOwnHiddenPost(answers),
)
// A private question's notifications are shown to its asker and staff only; those about the
// person themselves (a warning, a sanction) name no question and are always theirs to read.
const questionListedToRecipient = or(
  isNull(notifications.questionId),
  listedToRecipient(questions, notifications.userId),
  and(aboutOwnHiddenPost(questions), isNull(notifications.answerId)),
)

/**
 * Unread entries in the header: groups (type and question) with at least one unread row,
 * leaving out `exceptQuestionId`, the question being opened, whose notifications that very
 * page marks read.
 */
export function countUnread(userId: number, exceptQuestionId: number | null = null): number {
  return (
    db
      .select({
        n: sql<number>`count(distinct ${notifications.type} || ':' || coalesce(${notifications.questionId}, 'n' || ${notifications.id}))`,
      })
      .from(notifications)
      .leftJoin(questions, eq(questions.id, notifications.questionId))
      .leftJoin(answers, eq(answers.id, notifications.answerId))
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          shownInApp,
          questionListedToRecipient,
          answerStillListed,
          exceptQuestionId === null
            ? undefined
            : or(isNull(notifications.questionId), ne(notifications.questionId, exceptQuestionId)),
        ),
      )
      .get()?.n ?? 0
  )
}

export const NOTIFICATIONS_PAGE = 30
// Rows read to build one page of groups: enough for busy questions, bounded for busy people.
const ROWS_READ = 300

/** A moderator's action on the person's account, as the notification recorded it. */
export type SanctionNotice = { kind: string; reason: string; endsAt: string | null }

export type NotificationGroup = {
  key: string
  type: NotificationType
  /** Null for notifications about the person, not a thread (`sanction` then says what). */
  question: { id: number; title: string } | null
  /** The answer the entry links to: the first unread one, else the latest. */
  answerId: number | null
  original: { id: number; title: string } | null
  /** How many events the entry stands for, and who did the latest. */
  count: number
  actors: { handle: string; displayName: string }[]
  /** Flags that hid a post: their reasons, so the author reads why. */
  reasons: string[]
  unread: boolean
  latestAt: Date
  /** An escalation's level (1: on call, 2: everyone), from the latest row. */
  level: number | null
  /** A reply template the entry is about (its automatic answers switched off). */
  template: string | null
  sanction: SanctionNotice | null
  /** A merge: the title of the person's question that was merged into this thread. */
  mergedTitle: string | null
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')
function sanctionOf(data: Record<string, unknown> | null): SanctionNotice | null {
  if (!data || typeof data.kind !== 'string') return null
  return { kind: data.kind, reason: text(data.reason), endsAt: text(data.endsAt) || null }
}

/** The latest notification entries, grouped per question and type, newest first. */
export function listNotifications(userId: number): NotificationGroup[] {
  const original = alias(questions, 'original')
  const rows = db
    .select({
      id: notifications.id,
      type: notifications.type,
      answerId: notifications.answerId,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actor: { handle: users.handle, displayName: users.displayName },
      question: { id: questions.id, title: questions.title },
      original: { id: original.id, title: original.title },
    })
    .from(notifications)
    .leftJoin(questions, eq(questions.id, notifications.questionId))
    .leftJoin(answers, eq(answers.id, notifications.answerId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(original, and(eq(original.id, questions.duplicateOfId), listed(original)))
    .where(
      and(
        eq(notifications.userId, userId),
        shownInApp,
        questionListedToRecipient,
        answerStillListed,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(ROWS_READ)
    .all()

  const groups = new Map<string, NotificationGroup & { firstUnreadAt: number }>()
  for (const r of rows) {
    // one entry per question and type; each notice about the person stands alone
    const question = r.question?.id ? { id: r.question.id, title: r.question.title } : null
    const key = question ? `${r.type}:${question.id}` : `${r.type}:n${r.id}`
    let g = groups.get(key)
    if (!g) {
      if (groups.size === NOTIFICATIONS_PAGE) continue
      g = {
        key,
        type: r.type,
        question,
        answerId: r.answerId,
        original: r.original?.id ? r.original : null,
        count: 0,
        actors: [],
        reasons: Array.isArray(r.data?.reasons) ? r.data.reasons.map(String) : [],
        unread: false,
        latestAt: r.createdAt,
        level: typeof r.data?.level === 'number' ? r.data.level : null,
        template: typeof r.data?.template === 'string' ? r.data.template : null,
        sanction: r.type === 'moderation.sanctioned' ? sanctionOf(r.data) : null,
        mergedTitle: r.type === 'question.merged' ? text(r.data?.duplicateTitle) || null : null,
        firstUnreadAt: Infinity,
      }
      groups.set(key, g)
    }
    g.count++
    const actor = r.actor
    if (actor?.handle && !g.actors.some((a) => a.handle === actor.handle)) g.actors.push(actor)
    // Rows come newest first: the last unread row seen is the oldest, where reading should start.
    if (!r.readAt) {
      g.unread = true
      if (r.createdAt.getTime() <= g.firstUnreadAt) {
        g.firstUnreadAt = r.createdAt.getTime()
        g.answerId = r.answerId ?? g.answerId
      }
    }
  }
  return [...groups.values()].map(({ firstUnreadAt: _, ...g }) => g)
}

export function markAllRead(userId: number) {
  write(
    (tx) =>
      tx
        .update(notifications)
        .set({ readAt: now() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .run(),
    { pagesUnchanged: true },
  )
}

/** Opening a question reads what was new on it; nothing is written when nothing was unread. */
export function markQuestionRead(userId: number, questionId: number): number {
  const unread = and(
    eq(notifications.userId, userId),
    eq(notifications.questionId, questionId),
    isNull(notifications.readAt),
  )
  const any = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(unread)
    .limit(1)
    .get()
  if (!any) return 0
  return write(
    (tx) => tx.update(notifications).set({ readAt: now() }).where(unread).run().changes,
    { pagesUnchanged: true },
  )
}
