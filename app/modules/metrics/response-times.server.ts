/**
 * Thread histories replayed from the event log alone (the definitions are in the README,
 * "Support figures"):
 * - the questions counted are those created, by people using the site, in the range, and not
 *   deleted or hidden at the end of it; imported history never counts;
 * - a response is an answer by someone other than the asker that is not deleted or hidden at
 *   the end of the range, and was not posted by automation;
 * - the first response is the earliest such answer; its delay is counted from the question's
 *   creation. Questions with no response yet are counted apart, never dropped.
 * Replaying events, rather than reading the questions table, is what lets a deleted answer stop
 * being the first response and lets imported history stay out. First response time, the
 * dashboard and a helper's own figures all read `replayThreads`.
 */
import type { Role } from '../../../db/schema'
import { prepared } from '../../utils/db.server'

const STAFF_ROLES: ReadonlySet<string> = new Set<Role>(['staff', 'admin'])

export type ResponseTime = {
  questionId: number
  createdAt: Date
  /** The first response of anyone; null while there is none. */
  firstResponseMs: number | null
  /** The first response by someone who was staff when they answered. */
  firstStaffResponseMs: number | null
}

/** One eligible response (see above), as the replay leaves it at the end of the range. */
export type Response = { answerId: number; authorId: number | null; at: number; staff: boolean }

/** One question's history at the end of the range; times are epoch milliseconds. */
export type ThreadHistory = {
  questionId: number
  categoryId: number
  askerId: number | null
  createdAt: number
  /** Responses in the order they were posted. */
  responses: Response[]
  /** The first escalation to staff, and how many times it escalated. */
  escalatedAt: number | null
  slaBreaches: number
  /** The accepted answer in force at the end of the range, when it was accepted, and by whom. */
  accepted: { answerId: number; at: number; authorId: number | null; automatic: boolean } | null
  closed: boolean
}

export type ThreadScope = {
  /** Only questions in this category (the category they are in now). */
  categoryId?: number | null
  /** Only questions this person answered (in the range's histories). */
  personId?: number | null
}

const TRACKED = [
  'question.created',
  'question.deleted',
  'question.restored',
  'question.hidden',
  'question.unhidden',
  'question.closed',
  'question.reopened',
  'question.escalated',
  'question.sla_breached',
  'answer.created',
  'answer.deleted',
  'answer.restored',
  'answer.hidden',
  'answer.unhidden',
  'answer.accepted',
  'answer.unaccepted',
]
const TRACKED_SQL = TRACKED.map((t) => `'${t}'`).join(', ')

// The cohort: questions created in the range by people using the site, with their category.
// `?3` and `?4` narrow it to a category and to threads a person answered (null: no narrowing).
const COHORT = `
  select e.question_id as id, q.category_id as categoryId
  from events e join questions q on q.id = e.question_id
  where e.type = 'question.created' and e.source = 'live'
    and e.created_at >= ?1 and e.created_at < ?2
    and (?3 is null or q.category_id = ?3)
    and (?4 is null or e.question_id in (
      select a.question_id from events a
      where a.actor_id = ?4 and a.type = 'answer.created' and a.source <> 'import'
        and a.question_id is not null))`

type Row = {
  type: string
  questionId: number
  answerId: number | null
  actorId: number | null
  actorRole: string | null
  automatic: number | null
  at: number
}

/** Every question created in [from, to) with its history as of `to` (removed ones left out). */
export function replayThreads(range: { from: Date; to: Date }, scope: ThreadScope = {}) {
  const params = [
    range.from.getTime(),
    range.to.getTime(),
    scope.categoryId ?? null,
    scope.personId ?? null,
  ]
  const categories = new Map<number, number>()
  for (const c of prepared(COHORT).all(...params) as { id: number; categoryId: number }[])
    categories.set(c.id, c.categoryId)
  if (categories.size === 0) return []
  const rows = prepared(
    `select e.type, e.question_id as questionId, e.answer_id as answerId, e.actor_id as actorId,
       e.actor_role as actorRole,
       case when e.type = 'answer.created' then json_extract(e.data, '$.automatic') end as automatic,
       e.created_at as at
     from events e
     where e.question_id in (select id from (${COHORT}))
       and e.type in (${TRACKED_SQL}) and e.source <> 'import' and e.created_at < ?2
     order by e.question_id, e.created_at, e.id`,
  ).all(...params) as Row[]

  type Answer = {
    authorId: number | null
    at: number
    staff: boolean
    automatic: boolean
    gone: number
  }
  type Thread = {
    history: ThreadHistory
    gone: number
    answers: Map<number, Answer>
    acceptedId: number | null
    acceptedAt: number
  }
  const threads = new Map<number, Thread>()
  for (const e of rows) {
    if (e.type === 'question.created') {
      threads.set(e.questionId, {
        history: {
          questionId: e.questionId,
          categoryId: categories.get(e.questionId) ?? 0,
          askerId: e.actorId,
          createdAt: e.at,
          responses: [],
          escalatedAt: null,
          slaBreaches: 0,
          accepted: null,
          closed: false,
        },
        gone: 0,
        answers: new Map(),
        acceptedId: null,
        acceptedAt: 0,
      })
      continue
    }
    const thread = threads.get(e.questionId)
    if (!thread) continue
    const h = thread.history
    // Deleted and hidden are two separate states; a post is back only when neither holds.
    const step = e.type.endsWith('.deleted') || e.type.endsWith('.hidden') ? 1 : -1
    switch (e.type) {
      case 'question.deleted':
      case 'question.restored':
      case 'question.hidden':
      case 'question.unhidden':
        thread.gone = Math.max(0, thread.gone + step)
        break
      case 'question.closed':
        h.closed = true
        break
      case 'question.reopened':
        h.closed = false
        break
      case 'question.escalated':
        h.escalatedAt ??= e.at
        break
      case 'question.sla_breached':
        h.slaBreaches++
        break
      case 'answer.created':
        thread.answers.set(e.answerId!, {
          authorId: e.actorId,
          at: e.at,
          staff: e.actorRole !== null && STAFF_ROLES.has(e.actorRole),
          automatic: e.automatic === 1,
          gone: 0,
        })
        break
      case 'answer.accepted':
        thread.acceptedId = e.answerId
        thread.acceptedAt = e.at
        break
      case 'answer.unaccepted':
        if (thread.acceptedId === e.answerId) thread.acceptedId = null
        break
      default: {
        const answer = thread.answers.get(e.answerId!)
        if (answer) answer.gone = Math.max(0, answer.gone + step)
      }
    }
  }

  const result: ThreadHistory[] = []
  for (const [, thread] of threads) {
    if (thread.gone > 0) continue
    const h = thread.history
    for (const [answerId, a] of thread.answers) {
      if (a.authorId === h.askerId || a.automatic || a.gone > 0) continue
      h.responses.push({ answerId, authorId: a.authorId, at: a.at, staff: a.staff })
    }
    h.responses.sort((x, y) => x.at - y.at)
    const accepted = thread.acceptedId === null ? undefined : thread.answers.get(thread.acceptedId)
    if (accepted && accepted.gone === 0)
      h.accepted = {
        answerId: thread.acceptedId!,
        at: thread.acceptedAt,
        authorId: accepted.authorId,
        automatic: accepted.automatic,
      }
    result.push(h)
  }
  return result
}

/** Questions created in [from, to), each with its first (and first staff) response as of `to`. */
export function responseTimes(range: { from: Date; to: Date }): ResponseTime[] {
  return replayThreads(range).map((h) => {
    const first = h.responses[0]
    const staff = h.responses.find((r) => r.staff)
    return {
      questionId: h.questionId,
      createdAt: new Date(h.createdAt),
      firstResponseMs: first ? first.at - h.createdAt : null,
      firstStaffResponseMs: staff ? staff.at - h.createdAt : null,
    }
  })
}

export type Distribution = { count: number; median: number | null; p90: number | null }

/**
 * Median (the mean of the two middle values when the count is even) and 90th percentile
 * (nearest rank: the smallest value with at least 90 % of the values at or below it).
 */
export function distribution(values: number[]): Distribution {
  if (values.length === 0) return { count: 0, median: null, p90: null }
  const sorted = Float64Array.from(values).sort()
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
