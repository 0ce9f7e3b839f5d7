/**
 * The admin's people: a searchable list, one person's account at a glance (role, standing,
 * sanctions, flags), and everything the site holds about them as one JSON document (the
 * right of access). Never a password hash, a session or a token: those live in tables this
 * module does not read for the export.
 */
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import {
  answers,
  events,
  flags,
  follows,
  notificationPreferences,
  notifications,
  questions,
  sanctions,
  users,
  votes,
} from '../../../db/schema'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { emit } from '../events/events.server'
import { standingOf } from '../moderation/sanctions.server'
import { can, type Actor } from '../policy/policy'
import { USERS_PAGE, type UserFilters } from './validation'

function requireManager(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'user.manage', null)) throw new Forbidden('user.manage')
  return actor
}

/** `%` and `_` typed into the search box are letters, not wildcards. */
const containing = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const likeEscaped = (column: SQL | SQLiteColumn, pattern: string) =>
  sql`${column} like ${pattern} escape '\\'`

export function listUsers(actor: Actor, filters: UserFilters) {
  requireManager(actor)
  const where = and(
    isNull(users.deletedAt),
    filters.role ? eq(users.role, filters.role) : undefined,
    filters.q
      ? or(
          likeEscaped(users.handle, containing(filters.q.replace(/^@/, ''))),
          likeEscaped(sql`lower(${users.displayName})`, containing(filters.q)),
          likeEscaped(users.email, containing(filters.q)),
        )
      : undefined,
  )
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE))
  const page = Math.min(filters.page, pageCount)
  const items = db
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      avatarColour: users.avatarColour,
      reputation: users.reputation,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.handle))
    .limit(USERS_PAGE)
    .offset((page - 1) * USERS_PAGE)
    .all()
  return { items, total, page, pageCount }
}

function findUser(handle: string) {
  const user = db
    .select()
    .from(users)
    .where(and(eq(users.handle, handle.toLowerCase()), isNull(users.deletedAt)))
    .get()
  if (!user) throw new NotFound('user')
  return user
}

/** One person as the admin sees them: account, standing, and how moderation met them. */
export function getManagedUser(actor: Actor, handle: string) {
  requireManager(actor)
  const user = findUser(handle)
  const standing = standingOf(user)
  const sanctionCounts = db
    .select({
      total: count(),
      inForce: sql<number>`sum(case when ${sanctions.liftedAt} is null and (${sanctions.kind} = 'ban' or ${sanctions.endsAt} > ${now().getTime()}) then 1 else 0 end)`,
    })
    .from(sanctions)
    .where(eq(sanctions.userId, user.id))
    .get()
  const flagged = flagsReceivedBy(user.id)
  const raised = db.select({ n: count() }).from(flags).where(eq(flags.flaggerId, user.id)).get()
  return {
    user: {
      id: user.id,
      handle: user.handle,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      avatarColour: user.avatarColour,
      reputation: user.reputation,
      createdAt: user.createdAt,
    },
    standing: {
      silencedUntil: standing.silencedUntil,
      suspendedUntil: standing.suspendedUntil,
      banned: standing.banned,
    },
    sanctions: { total: sanctionCounts?.total ?? 0, inForce: Number(sanctionCounts?.inForce ?? 0) },
    flags: { ...flagged.figures, raised: raised?.n ?? 0 },
    flagsReceived: flagged.latest,
    canChangeRole: can(actor, 'user.role', user),
  }
}

/** How many of the latest flags on a person's posts the admin's page lists. */
export const FLAGS_RECEIVED_SHOWN = 20

/**
 * The flags people raised on `userId`'s posts, read from the flags themselves (an item's
 * `flag_count` starts again when it reopens, and posts held by the spam rules were flagged by
 * nobody): how many posts, how many flags, how many posts still wait for review, and the latest
 * flags with their reason, flagger, post and outcome.
 */
function flagsReceivedBy(userId: number) {
  const onTheirPosts = or(
    and(
      eq(flags.postType, 'question'),
      inArray(
        flags.postId,
        db.select({ id: questions.id }).from(questions).where(eq(questions.authorId, userId)),
      ),
    ),
    and(
      eq(flags.postType, 'answer'),
      inArray(
        flags.postId,
        db.select({ id: answers.id }).from(answers).where(eq(answers.authorId, userId)),
      ),
    ),
  )
  const post = sql`${flags.postType} || ':' || ${flags.postId}`
  const figures = db
    .select({
      posts: sql<number>`count(distinct ${post})`,
      flags: count(),
      pending: sql<number>`count(distinct case when ${flags.status} = 'pending' then ${post} end)`,
    })
    .from(flags)
    .where(onTheirPosts)
    .get()
  const latest = db
    .select({
      id: flags.id,
      reason: flags.reason,
      note: flags.note,
      status: flags.status,
      createdAt: flags.createdAt,
      postType: flags.postType,
      postId: flags.postId,
      question: { id: questions.id, title: questions.title },
      flagger: { handle: users.handle, displayName: users.displayName },
    })
    .from(flags)
    .innerJoin(questions, eq(questions.id, flags.questionId))
    .innerJoin(users, eq(users.id, flags.flaggerId))
    .where(onTheirPosts)
    .orderBy(desc(flags.createdAt), desc(flags.id))
    .limit(FLAGS_RECEIVED_SHOWN)
    .all()
  return {
    figures: {
      postsFlagged: Number(figures?.posts ?? 0),
      flagsReceived: figures?.flags ?? 0,
      pending: Number(figures?.pending ?? 0),
    },
    latest,
  }
}

/** The user's id for a handle, for the role form. */
export function managedUserId(actor: Actor, handle: string): number {
  requireManager(actor)
  return findUser(handle).id
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/**
 * Everything the site holds about one person, as one document: profile, posts, votes,
 * notifications and their choices, follows, sanctions, flags they raised, and the events they
 * took part in. The export is itself recorded (`user.data_exported`).
 */
export function exportUserData(actor: Actor, handle: string) {
  requireManager(actor)
  const user = findUser(handle)
  const about = or(eq(events.userId, user.id), eq(events.actorId, user.id))
  const document = {
    exportedAt: now().toISOString(),
    profile: {
      id: user.id,
      handle: user.handle,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      bio: user.bio,
      avatarColour: user.avatarColour,
      reputation: user.reputation,
      language: user.language,
      createdAt: iso(user.createdAt),
      silencedUntil: iso(user.silencedUntil),
      suspendedUntil: iso(user.suspendedUntil),
      bannedAt: iso(user.bannedAt),
    },
    questions: db
      .select({
        id: questions.id,
        title: questions.title,
        bodyMd: questions.bodyMd,
        status: questions.status,
        visibility: questions.visibility,
        language: questions.language,
        score: questions.score,
        closedReason: questions.closedReason,
        hiddenAt: questions.hiddenAt,
        deletedAt: questions.deletedAt,
        createdAt: questions.createdAt,
      })
      .from(questions)
      .where(eq(questions.authorId, user.id))
      .orderBy(asc(questions.id))
      .all(),
    answers: db
      .select({
        id: answers.id,
        questionId: answers.questionId,
        bodyMd: answers.bodyMd,
        language: answers.language,
        score: answers.score,
        hiddenAt: answers.hiddenAt,
        deletedAt: answers.deletedAt,
        createdAt: answers.createdAt,
      })
      .from(answers)
      .where(eq(answers.authorId, user.id))
      .orderBy(asc(answers.id))
      .all(),
    votes: db
      .select({
        postType: votes.postType,
        postId: votes.postId,
        value: votes.value,
        createdAt: votes.createdAt,
      })
      .from(votes)
      .where(eq(votes.userId, user.id))
      .all(),
    notifications: db
      .select({
        type: notifications.type,
        questionId: notifications.questionId,
        answerId: notifications.answerId,
        data: notifications.data,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, user.id))
      .orderBy(asc(notifications.id))
      .all(),
    notificationChoices: db
      .select({
        type: notificationPreferences.type,
        inApp: notificationPreferences.inApp,
        email: notificationPreferences.email,
      })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, user.id))
      .all(),
    follows: db
      .select({ targetType: follows.targetType, targetId: follows.targetId })
      .from(follows)
      .where(eq(follows.userId, user.id))
      .all(),
    sanctions: db
      .select({
        kind: sanctions.kind,
        reason: sanctions.reason,
        endsAt: sanctions.endsAt,
        createdAt: sanctions.createdAt,
        liftedAt: sanctions.liftedAt,
      })
      .from(sanctions)
      .where(eq(sanctions.userId, user.id))
      .orderBy(asc(sanctions.id))
      .all(),
    flagsRaised: db
      .select({
        postType: flags.postType,
        postId: flags.postId,
        reason: flags.reason,
        note: flags.note,
        status: flags.status,
        createdAt: flags.createdAt,
      })
      .from(flags)
      .where(eq(flags.flaggerId, user.id))
      .orderBy(asc(flags.id))
      .all(),
    events: db
      .select({
        type: events.type,
        source: events.source,
        actorId: events.actorId,
        userId: events.userId,
        questionId: events.questionId,
        answerId: events.answerId,
        data: events.data,
        createdAt: events.createdAt,
      })
      .from(events)
      .where(about)
      .orderBy(desc(events.createdAt), desc(events.id))
      .all(),
  }
  write((tx) => emit(tx, { type: 'user.data_exported', actor, userId: user.id }), {
    pagesUnchanged: true,
  })
  return { handle: user.handle, document }
}
