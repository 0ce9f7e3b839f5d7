import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { answers, questions, users } from '../../../db/schema'
import { db } from '../../utils/db.server'

export const PROFILE_RECENT = 10

const visibleQuestion = and(isNull(questions.hiddenAt), isNull(questions.deletedAt))
const visibleAnswer = and(isNull(answers.hiddenAt), isNull(answers.deletedAt))

/**
 * A member's public profile in three queries whatever their activity: the user with their
 * counts, their latest questions, their latest answers. Only what anyone may see is counted
 * or listed, so an answer under a hidden or deleted question does not show either.
 */
export function getProfile(handle: string) {
  const counted = alias(questions, 'counted_question')
  const questionCount = db
    .select({ n: count() })
    .from(questions)
    .where(and(eq(questions.authorId, users.id), visibleQuestion))
  const answerCount = db
    .select({ n: count() })
    .from(answers)
    .innerJoin(
      counted,
      and(eq(counted.id, answers.questionId), isNull(counted.hiddenAt), isNull(counted.deletedAt)),
    )
    .where(and(eq(answers.authorId, users.id), visibleAnswer))
  const acceptedCount = db
    .select({ n: count() })
    .from(answers)
    .innerJoin(
      counted,
      and(
        eq(counted.id, answers.questionId),
        eq(counted.acceptedAnswerId, answers.id),
        isNull(counted.hiddenAt),
        isNull(counted.deletedAt),
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
      reputation: users.reputation,
      createdAt: users.createdAt,
      questionCount: sql<number>`(${questionCount})`.mapWith(Number),
      answerCount: sql<number>`(${answerCount})`.mapWith(Number),
      acceptedCount: sql<number>`(${acceptedCount})`.mapWith(Number),
    })
    .from(users)
    .where(eq(users.handle, handle.trim().toLowerCase()))
    .get()
  if (!user) return null

  const recentQuestions = db
    .select({
      id: questions.id,
      title: questions.title,
      status: questions.status,
      closedReason: questions.closedReason,
      score: questions.score,
      answerCount: questions.answerCount,
      createdAt: questions.createdAt,
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
      question: { id: questions.id, title: questions.title },
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
      reputation: user.reputation,
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
