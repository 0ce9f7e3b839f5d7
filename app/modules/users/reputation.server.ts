/**
 * Reputation, kept as a ledger: every change is a row of `reputation_changes` (who, how much,
 * why, the event that caused it, the post), written by the reactions below in the transaction
 * of that event, and `users.reputation` moves by the same amount. So the figure on a profile is
 * always the sum of the rows the profile lists, and `rebuildReputation` can replay the events
 * into a fresh ledger when a rule changes or the figure is ever doubted.
 *
 * A person's figure never falls below zero: a row records the change actually applied.
 */
import { and, count, desc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm'
import {
  answers,
  events,
  questions,
  reputationChanges,
  users,
  type EventType,
  type PostType,
} from '../../../db/schema'
import { db, write, type Tx } from '../../utils/db.server'
import { emit, type EmittedEvent } from '../events/events.server'
import type { Actor } from '../policy/policy'
import { visibleTo } from '../policy/visibility.server'

/** Reputation earned per event, in the spirit of the Stack Exchange scale. */
export const REPUTATION = {
  questionUpvote: 5,
  answerUpvote: 10,
  downvote: -2,
  accepted: 15,
} as const

/** Why a row was written; the profile shows each in words. */
export const REPUTATION_REASONS = [
  'upvote',
  'downvote',
  'vote-removed',
  'accepted',
  'unaccepted',
  'post-deleted',
  'post-restored',
  'imported',
  // what a person had when the ledger began (migration 0016); a rebuild replays events instead
  'opening',
] as const
export type ReputationReason = (typeof REPUTATION_REASONS)[number]

type Post = { type: PostType; questionId: number | null; answerId: number | null }

function postOf(e: EmittedEvent): Post {
  return {
    type: e.answerId ? 'answer' : 'question',
    questionId: e.questionId ?? null,
    answerId: e.answerId ?? null,
  }
}

/** Moves `userId`'s figure by `delta` (never below zero) and writes the row of what moved. */
function record(
  tx: Tx,
  userId: number,
  delta: number,
  reason: ReputationReason,
  e: EmittedEvent,
): number {
  if (delta === 0) return 0
  const row = tx
    .select({ reputation: users.reputation })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  if (!row) return 0
  const applied = Math.max(0, row.reputation + delta) - row.reputation
  if (applied === 0) return 0
  tx.update(users)
    .set({ reputation: sql`${users.reputation} + ${applied}` })
    .where(eq(users.id, userId))
    .run()
  const post = postOf(e)
  tx.insert(reputationChanges)
    .values({
      userId,
      amount: applied,
      reason,
      eventId: e.id,
      postType: post.type,
      questionId: post.questionId,
      answerId: post.answerId,
      createdAt: e.at,
    })
    .run()
  return applied
}

function forVote(postType: PostType, value: number) {
  if (value > 0)
    return postType === 'question' ? REPUTATION.questionUpvote : REPUTATION.answerUpvote
  if (value < 0) return REPUTATION.downvote
  return 0
}

/** The rows about one post of `userId` (its answer, or the question itself). */
function postRows(userId: number, e: EmittedEvent) {
  return and(
    eq(reputationChanges.userId, userId),
    e.answerId
      ? eq(reputationChanges.answerId, e.answerId)
      : and(
          eq(reputationChanges.questionId, e.questionId ?? -1),
          isNull(reputationChanges.answerId),
        ),
  )
}

function sumOf(tx: Tx, where: ReturnType<typeof postRows>) {
  return (
    tx
      .select({ n: sql<number>`coalesce(sum(${reputationChanges.amount}), 0)` })
      .from(reputationChanges)
      .where(where)
      .get()?.n ?? 0
  )
}

// Reactions (see reactions.server.ts). The event's `userId` is the post's author.

export function creditAcceptedAnswer(tx: Tx, e: EmittedEvent) {
  if (e.userId) record(tx, e.userId, REPUTATION.accepted, 'accepted', e)
}

export function debitUnacceptedAnswer(tx: Tx, e: EmittedEvent) {
  if (!e.userId) return
  // Deleting an accepted answer first takes back all it earned (post-deleted), acceptance
  // included; the unacceptance that follows must not take it twice, so it is offset (the
  // offset first, so that the floor at zero cannot swallow the unacceptance).
  if ((e.data as { why?: string } | undefined)?.why === 'deleted')
    record(tx, e.userId, REPUTATION.accepted, 'post-deleted', e)
  record(tx, e.userId, -REPUTATION.accepted, 'unaccepted', e)
}

/** A vote moves its post author's reputation by the difference from their previous vote. */
export function creditVote(tx: Tx, e: EmittedEvent) {
  const { postType, value, previous } = e.data as {
    postType: PostType
    value: number
    previous: number
  }
  if (!e.userId) return
  const delta = forVote(postType, value) - forVote(postType, previous)
  const reason: ReputationReason = value > 0 ? 'upvote' : value < 0 ? 'downvote' : 'vote-removed'
  record(tx, e.userId, delta, reason, e)
}

/** A deleted post stops counting: what it earned its author is taken back. */
export function debitDeletedPost(tx: Tx, e: EmittedEvent) {
  if (!e.userId) return
  record(tx, e.userId, -sumOf(tx, postRows(e.userId, e)), 'post-deleted', e)
}

/** A restored post counts again: what it earned (its votes and acceptance) comes back. */
export function creditRestoredPost(tx: Tx, e: EmittedEvent) {
  if (!e.userId) return
  const rows = postRows(e.userId, e)
  const earned = sumOf(
    tx,
    and(rows, notInArray(reputationChanges.reason, ['post-deleted', 'post-restored']))!,
  )
  record(tx, e.userId, earned - sumOf(tx, rows), 'post-restored', e)
}

/** The events that move reputation, in the order `rebuildReputation` replays them. */
const REPLAYED: Partial<Record<EventType, (tx: Tx, e: EmittedEvent) => void>> = {
  'vote.cast': creditVote,
  'answer.accepted': creditAcceptedAnswer,
  'answer.unaccepted': debitUnacceptedAnswer,
  'question.deleted': debitDeletedPost,
  'answer.deleted': debitDeletedPost,
  'question.restored': creditRestoredPost,
  'answer.restored': creditRestoredPost,
}
export const REPUTATION_EVENTS = Object.keys(REPLAYED) as EventType[]

export const REPUTATION_PAGE_SIZE = 20

/** One page of what earned and cost `userId` reputation, newest first, with its post's title. */
export function listReputationChanges(userId: number, page: number) {
  const total =
    db
      .select({ n: count() })
      .from(reputationChanges)
      .where(eq(reputationChanges.userId, userId))
      .get()?.n ?? 0
  const rows = db
    .select({
      id: reputationChanges.id,
      amount: reputationChanges.amount,
      reason: reputationChanges.reason,
      postType: reputationChanges.postType,
      questionId: reputationChanges.questionId,
      answerId: reputationChanges.answerId,
      createdAt: reputationChanges.createdAt,
    })
    .from(reputationChanges)
    .where(eq(reputationChanges.userId, userId))
    .orderBy(desc(reputationChanges.createdAt), desc(reputationChanges.id))
    .limit(REPUTATION_PAGE_SIZE)
    .offset((page - 1) * REPUTATION_PAGE_SIZE)
    .all()
  return {
    rows: rows.map((r) => ({ ...r, reason: r.reason as ReputationReason })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / REPUTATION_PAGE_SIZE)),
  }
}

/** Whether every person's figure is the sum of their ledger: the ids of those where it is not. */
export function findReputationDrift(): number[] {
  return db
    .all<{ id: number }>(
      sql`select u.id from users u left join (select user_id, sum(amount) s from reputation_changes group by user_id) l on l.user_id = u.id where u.reputation <> coalesce(l.s, 0)`,
    )
    .map((r) => r.id)
}

/**
 * Rebuilds the ledger from the event log (imported reputation, which has no events, is kept)
 * and sets every figure to its ledger's sum. Safe to run at any time; one transaction.
 */
export function rebuildReputation(): { users: number; rows: number } {
  return write((tx) => {
    tx.delete(reputationChanges)
      .where(sql`${reputationChanges.reason} <> 'imported'`)
      .run()
    tx.run(
      sql`update users set reputation = coalesce((select sum(amount) from reputation_changes r where r.user_id = users.id), 0)`,
    )
    const rows = tx
      .select()
      .from(events)
      .where(
        and(
          inArray(events.type, REPUTATION_EVENTS),
          or(eq(events.source, 'live'), eq(events.source, 'system')),
        ),
      )
      .orderBy(events.createdAt, events.id)
      .all()
    for (const row of rows)
      REPLAYED[row.type]!(tx, {
        id: row.id,
        type: row.type,
        source: row.source,
        at: row.createdAt,
        actor: null,
        questionId: row.questionId,
        answerId: row.answerId,
        userId: row.userId,
        data: row.data ?? undefined,
      } as EmittedEvent)
    const written = tx.select({ n: count() }).from(reputationChanges).get()?.n ?? 0
    const people = tx.select({ n: count() }).from(users).get()?.n ?? 0
    emit(tx, { type: 'reputation.recomputed', actor: null, data: { rows: written } })
    return { users: people, rows: written }
  })
}

/**
 * `listReputationChanges` for the page `viewer` reads: each row names its thread only when the
 * viewer may open it (the one visibility rule); otherwise it says a removed post.
 */
export function getReputationPage(handle: string, viewer: Actor | null, page: number) {
  const person = db
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      reputation: users.reputation,
    })
    .from(users)
    .where(and(eq(users.handle, handle), isNull(users.deletedAt)))
    .get()
  if (!person) return null
  const list = listReputationChanges(person.id, page)
  const questionIds = [...new Set(list.rows.map((r) => r.questionId).filter((id) => id !== null))]
  const answerIds = [...new Set(list.rows.map((r) => r.answerId).filter((id) => id !== null))]
  const titles = new Map(
    (questionIds.length
      ? db
          .select({ id: questions.id, title: questions.title })
          .from(questions)
          .where(and(inArray(questions.id, questionIds), visibleTo(viewer, questions)))
          .all()
      : []
    ).map((q) => [q.id, q.title]),
  )
  const seenAnswers = new Set(
    (answerIds.length
      ? db
          .select({ id: answers.id })
          .from(answers)
          .where(and(inArray(answers.id, answerIds), visibleTo(viewer, answers)))
          .all()
      : []
    ).map((a) => a.id),
  )
  return {
    person,
    ...list,
    rows: list.rows.map((r) => {
      const title = r.questionId !== null ? titles.get(r.questionId) : undefined
      const visible = title !== undefined && (r.answerId === null || seenAnswers.has(r.answerId))
      return {
        id: r.id,
        amount: r.amount,
        reason: r.reason,
        createdAt: r.createdAt,
        post: visible ? { questionId: r.questionId!, answerId: r.answerId, title: title! } : null,
      }
    }),
  }
}
