import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import {
  accountTokens,
  answers,
  passwords,
  questions,
  sessions,
  users,
  type Role,
} from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Conflict, Forbidden, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { listed, listedTo } from '../policy/visibility.server'

export const PROFILE_RECENT = 10

const visibleAnswer = listed(answers)

/**
 * A member's public profile in three queries whatever their activity: the user with their
 * counts, their latest questions, their latest answers. Only what anyone may see is counted
 * or listed, so an answer under a hidden or deleted question does not show either; private
 * questions (and answers on them) are counted and listed only for `viewer`s who may open them:
 * the asker on their own profile, and staff, each marked private.
 */
export function getProfile(handle: string, viewer: Actor | null = null) {
  const counted = alias(questions, 'counted_question')
  const visibleQuestion = listedTo(questions, viewer)
  const questionCount = db
    .select({ n: count() })
    .from(questions)
    .where(and(eq(questions.authorId, users.id), visibleQuestion))
  const answerCount = db
    .select({ n: count() })
    .from(answers)
    .innerJoin(counted, and(eq(counted.id, answers.questionId), listedTo(counted, viewer)))
    .where(and(eq(answers.authorId, users.id), visibleAnswer))
  const acceptedCount = db
    .select({ n: count() })
    .from(answers)
    .innerJoin(
      counted,
      and(
        eq(counted.id, answers.questionId),
        eq(counted.acceptedAnswerId, answers.id),
        listedTo(counted, viewer),
      ),
    )
    .where(and(eq(answers.authorId, users.id), visibleAnswer))

  const user = db
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      role: users.role,
      bio: users.bio,
      avatarColour: users.avatarColour,
      reputation: users.reputation,
      trustLevel: users.trustLevel,
      createdAt: users.createdAt,
      questionCount: sql<number>`(${questionCount})`.mapWith(Number),
      answerCount: sql<number>`(${answerCount})`.mapWith(Number),
      acceptedCount: sql<number>`(${acceptedCount})`.mapWith(Number),
    })
    .from(users)
    .where(and(eq(users.handle, handle.trim().toLowerCase()), isNull(users.deletedAt)))
    .get()
  if (!user) return null

  const recentQuestions = db
    .select({
      id: questions.id,
      title: questions.title,
      language: questions.language,
      status: questions.status,
      closedReason: questions.closedReason,
      score: questions.score,
      answerCount: questions.answerCount,
      createdAt: questions.createdAt,
      visibility: questions.visibility,
    })
    .from(questions)
    .where(and(eq(questions.authorId, user.id), visibleQuestion))
    .orderBy(desc(questions.createdAt), desc(questions.id))
    .limit(PROFILE_RECENT)
    .all()

  const recentAnswers = db
    .select({
      id: answers.id,
      score: answers.score,
      createdAt: answers.createdAt,
      isAccepted: sql<boolean>`${questions.acceptedAnswerId} is ${answers.id}`.mapWith(Boolean),
      question: {
        id: questions.id,
        title: questions.title,
        language: questions.language,
        visibility: questions.visibility,
      },
    })
    .from(answers)
    .innerJoin(questions, and(eq(questions.id, answers.questionId), visibleQuestion))
    .where(and(eq(answers.authorId, user.id), visibleAnswer))
    .orderBy(desc(answers.createdAt), desc(answers.id))
    .limit(PROFILE_RECENT)
    .all()

  return {
    user: {
      handle: user.handle,
      displayName: user.displayName,
      role: user.role,
      bio: user.bio,
      avatarColour: user.avatarColour,
      reputation: user.reputation,
      trustLevel: user.trustLevel,
      createdAt: user.createdAt,
    },
    counts: {
      questions: user.questionCount,
      answers: user.answerCount,
      accepted: user.acceptedCount,
    },
    recentQuestions,
    recentAnswers,
  }
}

export type Profile = NonNullable<ReturnType<typeof getProfile>>

function requireManageable(actor: Actor, userId: number) {
  if (!can(actor, 'user.manage', null)) throw new Forbidden('user.manage')
  const user = db
    .select({ id: users.id, role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  if (!user || user.deletedAt) throw new NotFound('user')
  return user
}

/** Gives an account another role; the event keeps the old and the new one. */
export function changeRole(actor: Actor, userId: number, role: Role) {
  const user = requireManageable(actor, userId)
  if (user.role === role) return false
  // An admin cannot demote themselves: the site must never be left without one by accident.
  if (userId === actor.id) throw new Conflict(msg('community.users.ownRole'))
  if (!can(actor, 'user.role', user)) throw new Forbidden('user.role')
  return write((tx) => {
    tx.update(users).set({ role }).where(eq(users.id, userId)).run()
    emit(tx, { type: 'user.role_changed', actor, userId, data: { from: user.role, to: role } })
    return true
  })
}

/**
 * Deletes an account, leaving a tombstone: the row stays (its posts and every event it acted in
 * keep pointing at someone), but its e-mail, name, bio and password are gone and every session
 * ends, so it can never sign in again. Its stored name stays "Deleted user" (older rows, exports
 * and the audit log have it so); pages and e-mails show it translated (see names.ts).
 */
export function deleteAccount(actor: Actor, userId: number) {
  const user = requireManageable(actor, userId)
  if (userId === actor.id) throw new Conflict(msg('community.users.ownAccount'))
  write((tx) => tombstoneIn(tx, actor, user))
}

/**
 * Inside the caller's write: turns the account into its tombstone (see `deleteAccount`); `actor`
 * is the admin who deleted it, or the person themselves (`own` in the event).
 */
export function tombstoneIn(tx: Tx, actor: Actor, user: { id: number; role: Role }) {
  tx.update(users)
    .set({
      email: `deleted-${user.id}@accounts.invalid`,
      handle: `deleted-${user.id}`,
      displayName: 'Deleted user',
      bio: '',
      avatarColour: null,
      deletedAt: now(),
    })
    .where(eq(users.id, user.id))
    .run()
  tx.delete(passwords).where(eq(passwords.userId, user.id)).run()
  tx.delete(sessions).where(eq(sessions.userId, user.id)).run()
  tx.delete(accountTokens).where(eq(accountTokens.userId, user.id)).run()
  emit(tx, {
    type: 'user.deleted',
    actor,
    userId: user.id,
    data: { role: user.role, ...(actor.id === user.id ? { own: true } : {}) },
  })
}

/** The interface language the person chose, if they did. */
export function getUserLanguage(userId: number): string | null {
  return (
    db.select({ language: users.language }).from(users).where(eq(users.id, userId)).get()
      ?.language ?? null
  )
}

/** Keeps the interface language someone chose with the switcher on their account. */
export function setUserLanguage(actor: Actor, language: string) {
  const current = getUserLanguage(actor.id)
  if (current === language) return false
  return write(
    (tx) => {
      tx.update(users).set({ language }).where(eq(users.id, actor.id)).run()
      emit(tx, {
        type: 'user.language_changed',
        actor,
        userId: actor.id,
        data: { from: current, to: language },
      })
      return true
    },
    { pagesUnchanged: true },
  )
}
