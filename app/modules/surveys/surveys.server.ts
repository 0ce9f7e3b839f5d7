/**
 * The asker's survey. When a question is first solved its asker is asked, on the thread, in a
 * notification and by e-mail, how satisfied they are (1–5) and what could have been better.
 * One survey per question, ever; it takes answers and changes for SURVEY_DAYS. Each answer is a
 * `survey.answered` event (the newest of a question counts); the row here is what the forms show.
 */
import { eq } from 'drizzle-orm'
import { questions, surveys, users } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, prepared, write, type Tx } from '../../utils/db.server'
import { Conflict, Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { emit, type EmittedEvent } from '../events/events.server'
import { isKeptOut, standingOf } from '../moderation/sanctions.server'
import { notify } from '../notifications/notifications.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { fieldErrorsOf } from '../questions/validation'
import { solvedCloseDays } from './settings.server'
import { makeToken, readToken } from './tokens.server'
import { SURVEY_DAYS, surveySchema } from './validation'

const DAY = 86_400_000

export type SurveyState = {
  questionId: number
  rating: number | null
  comment: string
  closesAt: Date
  /** Still taking answers and changes. */
  open: boolean
}

/** Reaction to `question.status_changed`: the first time a question is solved, ask its asker. */
export function requestSurveyOn(tx: Tx, e: EmittedEvent) {
  if (e.data?.to !== 'solved' || !e.questionId) return
  const q = prepared('select author_id as authorId from questions where id = ?').get(
    e.questionId,
  ) as { authorId: number } | undefined
  if (!q) return
  const at = now()
  const made = tx
    .insert(surveys)
    .values({
      questionId: e.questionId,
      askerId: q.authorId,
      requestedAt: at,
      closesAt: new Date(at.getTime() + SURVEY_DAYS * DAY),
    })
    .onConflictDoNothing()
    .run()
  if (made.changes === 0) return
  // Nobody is told of their own act: the asker who accepted is told by no one in particular.
  notify(tx, {
    userId: q.authorId,
    type: 'survey.requested',
    actorId: null,
    questionId: e.questionId,
  })
}

function stateOf(row: typeof surveys.$inferSelect): SurveyState {
  return {
    questionId: row.questionId,
    rating: row.rating,
    comment: row.comment,
    closesAt: row.closesAt,
    open: now().getTime() < row.closesAt.getTime(),
  }
}

/** The survey the viewer may answer on this thread: theirs, as its asker; else null. */
export function getSurveyFor(viewer: Actor | null, questionId: number): SurveyState | null {
  if (!viewer) return null
  const row = db.select().from(surveys).where(eq(surveys.questionId, questionId)).get()
  if (!row || row.askerId !== viewer.id) return null
  return stateOf(row)
}

/** Answers (or changes the answer to) the survey of `questionId`, as its asker. */
export function answerSurvey(actor: Actor, questionId: number, input: unknown): SurveyState {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) throw new NotFound('question')
  if (!can(actor, 'survey.answer', questionTarget(question))) throw new Forbidden('survey.answer')
  const parsed = surveySchema.safeParse(input)
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error))
  const { rating, comment } = parsed.data
  return write((tx) => {
    const row = tx.select().from(surveys).where(eq(surveys.questionId, questionId)).get()
    if (!row || row.askerId !== actor.id) throw new NotFound('page')
    const at = now()
    if (at.getTime() >= row.closesAt.getTime())
      throw new Conflict(msg('dashboard.survey.closedNotice'))
    if (row.rating === rating && row.comment === comment) return stateOf(row)
    tx.update(surveys)
      .set({ rating, comment, answeredAt: at })
      .where(eq(surveys.questionId, questionId))
      .run()
    emit(tx, { type: 'survey.answered', actor, questionId, data: { rating, comment } })
    return stateOf({ ...row, rating, comment, answeredAt: at })
  })
}

/** The asker as an actor, when the account may still act (not deleted, banned or suspended). */
export function actingAsker(userId: number): Actor | null {
  const u = db.select().from(users).where(eq(users.id, userId)).get()
  if (!u || u.deletedAt) return null
  const standing = standingOf(u)
  if (isKeptOut(standing)) return null
  return {
    id: u.id,
    role: u.role,
    reputation: u.reputation,
    ...(standing.silencedUntil ? { readOnly: true } : {}),
  }
}

/** The link a rating in the e-mail carries; it works until the survey closes. */
export function surveyToken(questionId: number, askerId: number, closesAt: Date): string {
  return makeToken({ kind: 's', id: questionId, userId: askerId, expiresAt: closesAt })
}

export type SurveyLinkPage =
  | { ok: true; token: string; title: string; questionId: number; survey: SurveyState }
  | { ok: false; reason: 'invalid' | 'expired' }

/** What the survey page of an e-mail link shows; nothing is recorded by opening it. */
export function getSurveyByToken(token: unknown): SurveyLinkPage {
  const claim = readToken(token, 's')
  if (!claim) return { ok: false, reason: 'invalid' }
  const row = db.select().from(surveys).where(eq(surveys.questionId, claim.id)).get()
  if (!row || row.askerId !== claim.userId) return { ok: false, reason: 'invalid' }
  const asker = actingAsker(claim.userId)
  const question = asker ? getVisibleQuestion(claim.id, asker) : null
  if (!asker || !question || !can(asker, 'survey.answer', questionTarget(question)))
    return { ok: false, reason: 'invalid' }
  const survey = stateOf(row)
  if (!survey.open || claim.expiresAt.getTime() <= now().getTime())
    return { ok: false, reason: 'expired' }
  return {
    ok: true,
    token: token as string,
    title: question.title,
    questionId: question.id,
    survey,
  }
}

/** Answers the survey a link names, as its asker: the link is all the authority it needs. */
export function answerSurveyByToken(token: unknown, input: unknown): SurveyState {
  const page = getSurveyByToken(token)
  if (!page.ok)
    throw page.reason === 'expired'
      ? new Conflict(msg('dashboard.survey.closedNotice'))
      : new NotFound('page')
  const asker = actingAsker((readToken(token, 's') as { userId: number }).userId)!
  return answerSurvey(asker, page.questionId, input)
}

/** Surveys of a question as stored (tests and the thread page). */
export function getSurveyRow(questionId: number) {
  return db.select().from(surveys).where(eq(surveys.questionId, questionId)).get() ?? null
}

export const questionTitle = (id: number) =>
  db.select({ title: questions.title }).from(questions).where(eq(questions.id, id)).get()?.title

export type ThreadSupportView = {
  questionId: number
  /** The viewer's own survey of this thread, when they asked it and it was solved. */
  survey: SurveyState | null
  /** Solved long enough ago that it takes no answers: since when, and after how many days. */
  answersClosed: { since: Date; days: number } | null
}

/** What the thread shows of the survey and of its closing to new answers. */
export function getThreadSupportView(
  viewer: Actor | null,
  questionId: number,
  target: { answersClosed?: boolean },
  status: string,
): ThreadSupportView {
  let answersClosed: ThreadSupportView['answersClosed'] = null
  if (target.answersClosed) {
    const row = prepared('select solved_at as solvedAt from questions where id = ?').get(
      questionId,
    ) as { solvedAt: number | null } | undefined
    const days = solvedCloseDays()
    if (row?.solvedAt) answersClosed = { since: new Date(row.solvedAt + days * DAY), days }
  }
  // The survey is about a solved question: no read at all on the others.
  const survey = status === 'solved' ? getSurveyFor(viewer, questionId) : null
  return { questionId, survey, answersClosed }
}
