import { and, count, desc, eq, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { notifications, questions, users, NOTIFICATION_TYPES } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'

export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

/** Queues an in-app notification in the caller's transaction; nobody is told of their own act. */
export function notify(
  tx: Tx,
  n: {
    userId: number
    type: NotificationType
    actorId: number
    questionId: number
    data?: Record<string, unknown>
  },
) {
  if (n.userId === n.actorId) return
  tx.insert(notifications)
    .values({
      userId: n.userId,
      type: n.type,
      actorId: n.actorId,
      questionId: n.questionId,
      data: n.data ?? null,
    })
    .run()
}

export function countUnread(userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  )
}

export const NOTIFICATIONS_PAGE = 30

/** The latest notifications with who did it and the thread's title, in one query. */
export function listNotifications(userId: number) {
  const original = alias(questions, 'original')
  return db
    .select({
      id: notifications.id,
      type: notifications.type,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      data: notifications.data,
      actor: { handle: users.handle, displayName: users.displayName },
      question: { id: questions.id, title: questions.title },
      original: { id: original.id, title: original.title },
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(questions, eq(questions.id, notifications.questionId))
    .leftJoin(original, eq(original.id, questions.duplicateOfId))
    .where(and(eq(notifications.userId, userId), isNull(questions.deletedAt)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE)
    .all()
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
