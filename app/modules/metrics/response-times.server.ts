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
import { prepared } from '../../utils/db.server'
import { distribution, replayEvents, type EventRow } from './replay'
import {
  ensureQuestionSummaries,
  summariesIn,
  TRACKED_SQL,
  type SummaryRow,
} from './summaries.server'

import type { ThreadHistory } from './replay'

export { distribution, type Distribution, type ThreadHistory } from './replay'

export type ThreadScope = {
  /** Only questions in this category (the category they are in now). */
  categoryId?: number | null
  /** Only questions this person answered (in the range's histories). */
  personId?: number | null
}

export type ResponseTime = {
  questionId: number
  createdAt: Date
  /** The first response of anyone; null while there is none. */
  firstResponseMs: number | null
  /** The first response by someone who was staff when they answered. */
  firstStaffResponseMs: number | null
}

// The cohort: questions created in the range by people using the site, with their category.
// `@category` and `@person` narrow it to a category and to threads a person answered (null: no narrowing).
const COHORT = `
  select e.question_id as id, q.category_id as categoryId
  from events e join questions q on q.id = e.question_id
  where e.type = 'question.created' and e.source = 'live' and e.source <> 'import'
    and e.created_at >= @from and e.created_at < @to
    and (@category is null or q.category_id = @category)
    and (@person is null or e.question_id in (
      select a.question_id from events a
      where a.actor_id = @person and a.type = 'answer.created' and a.source <> 'import'
        and a.question_id is not null))`

/** Every question created in [from, to) with its history as of `to` (removed ones left out). */
export function replayThreads(range: { from: Date; to: Date }, scope: ThreadScope = {}) {
  const params = {
    from: range.from.getTime(),
    to: range.to.getTime(),
    category: scope.categoryId ?? null,
    person: scope.personId ?? null,
  }
  const categories = new Map<number, number>()
  for (const c of prepared(COHORT).all(params) as { id: number; categoryId: number }[])
    categories.set(c.id, c.categoryId)
  return replayQuestions(categories, params.to)
}

/**
 * The histories as of `to` of the questions given (by id, with their category), deleted and
 * hidden ones left out.
 */
export function replayQuestions(categories: Map<number, number>, to: number): ThreadHistory[] {
  if (categories.size === 0) return []
  const ids = JSON.stringify([...categories.keys()])
  if (categories.size <= FEW) return replayFew(categories, ids, to)
  // Read from one covering index: `data` is not read, answers by automation come from their
  // own small index instead.
  const rows = prepared(
    `select e.type, e.question_id as questionId, e.answer_id as answerId, e.actor_id as actorId,
       e.actor_role as actorRole, null as automatic, e.created_at as at, e.id
     from events e indexed by events_metrics_question_idx
     where e.question_id in (select value from json_each(@ids)) and e.question_id is not null
       and e.type in (${TRACKED_SQL}) and e.source <> 'import' and e.created_at < @to
     order by e.question_id, e.created_at`,
  ).all({ ids, to }) as (EventRow & { id: number })[]
  // The index gives each question's events in time order; events of one moment (one
  // transaction) go in the order they were written. The input is sorted but for those ties,
  // so this sort is one linear pass.
  rows.sort((a, b) => a.questionId - b.questionId || a.at - b.at || a.id - b.id)
  // Every answer ever posted by automation is one small partial index: read it whole rather
  // than the data of every event of the range's threads.
  const automatic = new Set(
    (
      prepared(
        `select answer_id as id, question_id as questionId
         from events indexed by events_automatic_answers_idx
         where type = 'answer.created' and json_extract(data, '$.automatic') = 1`,
      ).all() as { id: number; questionId: number }[]
    )
      .filter((r) => categories.has(r.questionId))
      .map((r) => r.id),
  )
  for (const r of rows)
    if (r.type === 'answer.created' && automatic.has(r.answerId!)) r.automatic = 1
  return replayEvents(rows, (id) => categories.get(id) ?? 0)
}

/**
 * The same histories as `replayThreads` without a person, read from the per-question summaries:
 * each carries its first community and first staff response, and the first staff response after
 * its escalation, which is all any figure looks for. A question with events at or after `to` is
 * replayed as of `to` instead.
 */
export function summarisedThreads(
  range: { from: Date; to: Date },
  categoryId: number | null = null,
): ThreadHistory[] {
  ensureQuestionSummaries()
  const to = range.to.getTime()
  const later = new Map<number, number>()
  const out: ThreadHistory[] = []
  for (const s of summariesIn({ from: range.from.getTime(), to, category: categoryId })) {
    if (s.lastEventAt >= to) later.set(s.questionId, s.categoryId)
    else if (!s.removed) out.push(historyOf(s))
  }
  return later.size ? out.concat(replayQuestions(later, to)) : out
}

function historyOf(s: SummaryRow): ThreadHistory {
  const responses: ThreadHistory['responses'] = []
  const add = (at: number | null, staff: boolean) => {
    if (at !== null) responses.push({ answerId: 0, authorId: null, at, staff })
  }
  add(s.firstCommunityAt, false)
  add(s.firstStaffAt, true)
  if (s.staffAfterEscalationAt !== s.firstStaffAt) add(s.staffAfterEscalationAt, true)
  responses.sort((a, b) => a.at - b.at)
  return {
    questionId: s.questionId,
    categoryId: s.categoryId,
    // who asked and who wrote the accepted answer matter only to one person's figures, which
    // are replayed
    askerId: null,
    createdAt: s.createdAt,
    responses,
    escalatedAt: s.escalatedAt,
    slaBreaches: s.slaBreaches,
    accepted:
      s.acceptedAt === null
        ? null
        : {
            answerId: 0,
            at: s.acceptedAt,
            authorId: null,
            automatic: s.acceptedAutomatic === 1,
          },
    closed: s.closed === 1,
  }
}

/** Up to this many questions are replayed reading each event's data (see `replayFew`). */
const FEW = 200

/**
 * A few questions (those of a range that changed after it ended): their events with the data of
 * their answers read in place, cheaper than reading every answer by automation there is.
 */
function replayFew(categories: Map<number, number>, ids: string, to: number) {
  const rows = prepared(
    `select e.type, e.question_id as questionId, e.answer_id as answerId, e.actor_id as actorId,
       e.actor_role as actorRole,
       case when e.type = 'answer.created' and json_extract(e.data, '$.automatic') = 1 then 1 end
         as automatic,
       e.created_at as at
     from events e indexed by events_metrics_question_idx
     where e.question_id in (select value from json_each(@ids)) and e.question_id is not null
       and e.type in (${TRACKED_SQL}) and e.source <> 'import' and e.created_at < @to
     order by e.question_id, e.created_at, e.id`,
  ).all({ ids, to }) as EventRow[]
  return replayEvents(rows, (id) => categories.get(id) ?? 0)
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
