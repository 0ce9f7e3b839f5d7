/**
 * Thread histories replayed from events, and the distribution of a figure: pure functions over
 * rows of the event log, so every figure can be tested on a history written by hand. The rules
 * (what counts as a response, what "removed" means) are in response-times.server.ts and the
 * README ("Support figures").
 */
const STAFF_ROLES: ReadonlySet<string> = new Set(['staff', 'admin'])

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

/** One row of the event log, as the replay reads it (times in epoch milliseconds). */
export type EventRow = {
  type: string
  questionId: number
  answerId: number | null
  actorId: number | null
  actorRole: string | null
  /** `data.automatic` of an `answer.created` (1 when the answer was posted by automation). */
  automatic: number | boolean | null
  at: number
}

/**
 * Every question whose `question.created` is among `rows` (one question's rows together, in
 * order of time), with its history at the end of the rows; deleted and hidden ones left out.
 */
export function replayEvents(
  rows: EventRow[],
  categoryOf: (questionId: number) => number = () => 0,
): ThreadHistory[] {
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
          categoryId: categoryOf(e.questionId),
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
          automatic: e.automatic === 1 || e.automatic === true,
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
