/**
 * First response time, computed from the event log alone (the definitions are in the README,
 * "The question's life"):
 * - the questions counted are those created, by people using the site, in the range, and not
 *   deleted or hidden at the end of it;
 * - a response is an answer by someone other than the asker that is not deleted or hidden at
 *   the end of the range, and was not posted by automation;
 * - the first response is the earliest such answer; its delay is counted from the question's
 *   creation. Questions with no response yet are counted apart, never dropped.
 * Replaying events, rather than reading the questions table, is what lets a deleted answer stop
 * being the first response and lets imported history stay out.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm'
import { events, type Role } from '../../../db/schema'
import { db } from '../../utils/db.server'

const STAFF_ROLES: ReadonlySet<Role> = new Set(['staff', 'admin'])

export type ResponseTime = {
  questionId: number
  createdAt: Date
  /** The first response of anyone; null while there is none. */
  firstResponseMs: number | null
  /** The first response by someone who was staff when they answered. */
  firstStaffResponseMs: number | null
}

const TRACKED = [
  'question.created',
  'question.deleted',
  'question.restored',
  'question.hidden',
  'question.unhidden',
  'answer.created',
  'answer.deleted',
  'answer.restored',
  'answer.hidden',
  'answer.unhidden',
] as const

/** Questions created in [from, to), each with its first (and first staff) response as of `to`. */
export function responseTimes(range: { from: Date; to: Date }): ResponseTime[] {
  const created = db
    .select({ questionId: events.questionId })
    .from(events)
    .where(
      and(
        eq(events.type, 'question.created'),
        eq(events.source, 'live'),
        gte(events.createdAt, range.from),
        lt(events.createdAt, range.to),
      ),
    )
  const rows = db
    .select({
      type: events.type,
      questionId: events.questionId,
      answerId: events.answerId,
      actorId: events.actorId,
      actorRole: events.actorRole,
      data: events.data,
      at: events.createdAt,
    })
    .from(events)
    .where(
      and(
        inArray(events.questionId, created),
        inArray(events.type, [...TRACKED]),
        eq(events.source, 'live'),
        lt(events.createdAt, range.to),
      ),
    )
    .orderBy(asc(events.questionId), asc(events.createdAt), asc(events.id))
    .all()

  type Answer = { at: Date; byAsker: boolean; staff: boolean; automatic: boolean; gone: number }
  type Thread = {
    asker: number | null
    createdAt: Date
    gone: number
    answers: Map<number, Answer>
  }
  const threads = new Map<number, Thread>()
  for (const e of rows) {
    const questionId = e.questionId!
    if (e.type === 'question.created') {
      threads.set(questionId, { asker: e.actorId, createdAt: e.at, gone: 0, answers: new Map() })
      continue
    }
    const thread = threads.get(questionId)
    if (!thread) continue
    // Deleted and hidden are two separate states; a post is back only when neither holds.
    const step = e.type.endsWith('.deleted') || e.type.endsWith('.hidden') ? 1 : -1
    if (e.type.startsWith('question.')) {
      thread.gone = Math.max(0, thread.gone + step)
      continue
    }
    if (e.type === 'answer.created') {
      thread.answers.set(e.answerId!, {
        at: e.at,
        byAsker: e.actorId === thread.asker,
        staff: e.actorRole !== null && STAFF_ROLES.has(e.actorRole),
        automatic: e.data?.automatic === true,
        gone: 0,
      })
      continue
    }
    const answer = thread.answers.get(e.answerId!)
    if (answer) answer.gone = Math.max(0, answer.gone + step)
  }

  const result: ResponseTime[] = []
  for (const [questionId, thread] of threads) {
    if (thread.gone > 0) continue
    let first: number | null = null
    let firstStaff: number | null = null
    for (const a of thread.answers.values()) {
      if (a.byAsker || a.automatic || a.gone > 0) continue
      const ms = a.at.getTime() - thread.createdAt.getTime()
      if (first === null || ms < first) first = ms
      if (a.staff && (firstStaff === null || ms < firstStaff)) firstStaff = ms
    }
    result.push({
      questionId,
      createdAt: thread.createdAt,
      firstResponseMs: first,
      firstStaffResponseMs: firstStaff,
    })
  }
  return result
}

export type Distribution = { count: number; median: number | null; p90: number | null }

/**
 * Median (the mean of the two middle values when the count is even) and 90th percentile
 * (nearest rank: the smallest value with at least 90 % of the values at or below it).
 */
export function distribution(values: number[]): Distribution {
  if (values.length === 0) return { count: 0, median: null, p90: null }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]
  return { count: sorted.length, median, p90 }
}

/** First response time over a range: answered questions' distribution, open ones counted apart. */
export function firstResponseSummary(range: { from: Date; to: Date }) {
  const times = responseTimes(range)
  const answered = times.flatMap((t) => (t.firstResponseMs === null ? [] : [t.firstResponseMs]))
  const staff = times.flatMap((t) =>
    t.firstStaffResponseMs === null ? [] : [t.firstStaffResponseMs],
  )
  return {
    questions: times.length,
    withoutResponse: times.length - answered.length,
    all: distribution(answered),
    staff: distribution(staff),
  }
}
