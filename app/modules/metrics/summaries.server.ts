/**
 * The per-question summary the dashboard reads: one row per question asked live, projected
 * from the question's events by the same replay as every figure (`replayEvents`), so a summary
 * says exactly what a replay of the log would. It is kept in step by a reaction to each event
 * that can change it (in the event's own transaction) and rebuilt from the log whole by
 * `rebuildQuestionSummaries` (the first time the dashboard is read after the table appears, and
 * after a bulk load that wrote events without `emit`). `checkQuestionSummaries` compares the
 * stored rows with a fresh projection.
 *
 * A summary describes the question now. A range that ends before the question's newest event
 * (`lastEventAt`) needs its history as of the range's end, so the dashboard replays those few
 * questions instead (see `summarisedThreads`).
 */
import { eq } from 'drizzle-orm'
import { settings, type EventType } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, prepared, sqlite, write, type Tx } from '../../utils/db.server'
import type { EmittedEvent } from '../events/events.server'
import { replayEvents, type EventRow, type ThreadHistory } from './replay'

/** Every event type the replay reads: the ones that change a summary. */
export const TRACKED: readonly EventType[] = [
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
export const TRACKED_SQL = TRACKED.map((t) => `'${t}'`).join(', ')

export type QuestionSummary = {
  questionId: number
  createdAt: number
  askerId: number | null
  removed: number
  closed: number
  firstCommunityAt: number | null
  firstStaffAt: number | null
  escalatedAt: number | null
  staffAfterEscalationAt: number | null
  slaBreaches: number
  acceptedAt: number | null
  acceptedAuthorId: number | null
  acceptedAutomatic: number
  lastEventAt: number
}

/** One question's tracked events in the order the replay takes them (`automatic` read from data). */
const QUESTION_EVENTS = `
  select type, question_id as questionId, answer_id as answerId, actor_id as actorId,
    actor_role as actorRole,
    case when type = 'answer.created' and json_extract(data, '$.automatic') = 1 then 1 end as automatic,
    created_at as at, source
  from events
  where question_id = ? and type in (${TRACKED_SQL}) and source <> 'import'
  order by created_at, id`

type Row = EventRow & { source: string }

/**
 * The summary of one question from its events (in replay order), or null when it was not asked
 * live (the cohort of every figure is questions whose `question.created` is live).
 */
export function summarise(rows: Row[]): QuestionSummary | null {
  const created = rows.filter((r) => r.type === 'question.created')
  if (created.length === 0 || created[created.length - 1].source !== 'live') return null
  const questionId = rows[0].questionId
  const [h] = replayEvents(rows) as (ThreadHistory | undefined)[]
  const last = rows[rows.length - 1].at
  const first = created[created.length - 1]
  if (!h)
    return {
      ...EMPTY,
      questionId,
      createdAt: first.at,
      askerId: first.actorId,
      removed: 1,
      lastEventAt: last,
    }
  const community = h.responses.find((r) => !r.staff)
  const staff = h.responses.find((r) => r.staff)
  const afterEscalation =
    h.escalatedAt === null ? undefined : h.responses.find((r) => r.staff && r.at >= h.escalatedAt!)
  return {
    questionId,
    createdAt: h.createdAt,
    askerId: h.askerId,
    removed: 0,
    closed: h.closed ? 1 : 0,
    firstCommunityAt: community?.at ?? null,
    firstStaffAt: staff?.at ?? null,
    escalatedAt: h.escalatedAt,
    staffAfterEscalationAt: afterEscalation?.at ?? null,
    slaBreaches: h.slaBreaches,
    acceptedAt: h.accepted?.at ?? null,
    acceptedAuthorId: h.accepted?.authorId ?? null,
    acceptedAutomatic: h.accepted?.automatic ? 1 : 0,
    lastEventAt: last,
  }
}

const EMPTY: Omit<QuestionSummary, 'questionId' | 'createdAt' | 'askerId' | 'lastEventAt'> = {
  removed: 0,
  closed: 0,
  firstCommunityAt: null,
  firstStaffAt: null,
  escalatedAt: null,
  staffAfterEscalationAt: null,
  slaBreaches: 0,
  acceptedAt: null,
  acceptedAuthorId: null,
  acceptedAutomatic: 0,
}

const COLUMNS = [
  'question_id',
  'created_at',
  'asker_id',
  'removed',
  'closed',
  'first_community_at',
  'first_staff_at',
  'escalated_at',
  'staff_after_escalation_at',
  'sla_breaches',
  'accepted_at',
  'accepted_author_id',
  'accepted_automatic',
  'last_event_at',
]
const KEYS = COLUMNS.map((c) => c.replace(/_(\w)/g, (_, l: string) => l.toUpperCase()))
const UPSERT = `insert or replace into question_summaries (${COLUMNS.join(', ')})
  values (${KEYS.map((k) => `@${k}`).join(', ')})`
const SELECT = `select ${COLUMNS.map((c, i) => `s.${c} as ${KEYS[i]}`).join(', ')}
  from question_summaries s`

function store(s: QuestionSummary | null, questionId: number) {
  if (s) prepared(UPSERT).run(s)
  else prepared('delete from question_summaries where question_id = ?').run(questionId)
}

/** Reprojects one question from its events (inside the caller's transaction). */
export function refreshQuestionSummary(questionId: number) {
  const rows = prepared(QUESTION_EVENTS).all(questionId) as Row[]
  store(rows.length ? summarise(rows) : null, questionId)
}

/** The reaction: every event that can change a question's summary reprojects it. */
export function refreshQuestionSummaryOn(_tx: Tx, e: EmittedEvent) {
  if (e.questionId) refreshQuestionSummary(e.questionId)
}

/** Every live question's summary from the whole event log, one question at a time. */
function* projectAll(): Generator<QuestionSummary> {
  const all = sqlite.prepare(
    `select type, question_id as questionId, answer_id as answerId, actor_id as actorId,
       actor_role as actorRole, null as automatic, created_at as at, source, id
     from events indexed by events_metrics_question_idx
     where question_id is not null and type in (${TRACKED_SQL}) and source <> 'import'
     order by question_id, created_at`,
  )
  const automatic = new Set(
    (
      sqlite
        .prepare(
          `select answer_id as id from events indexed by events_automatic_answers_idx
           where type = 'answer.created' and json_extract(data, '$.automatic') = 1`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id),
  )
  let group: (Row & { id: number })[] = []
  const flush = () => {
    // events of one moment go in the order they were written, as in the replay
    group.sort((a, b) => a.at - b.at || a.id - b.id)
    const s = group.length ? summarise(group) : null
    group = []
    return s
  }
  for (const r of all.iterate() as Iterable<Row & { id: number }>) {
    if (group.length && group[0].questionId !== r.questionId) {
      const s = flush()
      if (s) yield s
    }
    if (r.type === 'answer.created' && automatic.has(r.answerId!)) r.automatic = 1
    group.push(r)
  }
  const s = flush()
  if (s) yield s
}

const SETTINGS_KEY = 'metrics.question_summaries'

/**
 * Rebuilds every summary from the event log; returns how many questions it holds. The log is
 * read inside the write transaction, so no event written meanwhile is left out.
 */
export function rebuildQuestionSummaries(): number {
  return write((tx) => {
    // read whole first: the connection runs one statement at a time while a read iterates
    const summaries = [...projectAll()]
    prepared('delete from question_summaries').run()
    const upsert = prepared(UPSERT)
    for (const s of summaries) upsert.run(s)
    tx.insert(settings)
      .values({ key: SETTINGS_KEY, value: { builtAt: now().getTime() }, updatedAt: now() })
      .onConflictDoUpdate({ target: settings.key, set: { value: { builtAt: now().getTime() } } })
      .run()
    return summaries.length
  })
}

/** The summaries exist for this database: built once, kept in step by the reaction after that. */
export function ensureQuestionSummaries() {
  if (!db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get())
    rebuildQuestionSummaries()
}

/** The stored summaries that differ from a fresh projection of the log (empty when all agree). */
export function checkQuestionSummaries(): {
  questionId: number
  stored: unknown
  projected: unknown
}[] {
  const stored = new Map(
    (prepared(SELECT).all() as QuestionSummary[]).map((s) => [s.questionId, s]),
  )
  const out: { questionId: number; stored: unknown; projected: unknown }[] = []
  for (const s of projectAll()) {
    const mine = stored.get(s.questionId)
    stored.delete(s.questionId)
    const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      KEYS.every((k) => a[k] === b[k])
    if (!mine || !same(mine, s))
      out.push({ questionId: s.questionId, stored: mine ?? null, projected: s })
  }
  for (const [questionId, s] of stored) out.push({ questionId, stored: s, projected: null })
  return out
}

/** What the dashboard reads of a summary (the columns its index covers), with the category now. */
export type SummaryRow = Pick<
  QuestionSummary,
  | 'questionId'
  | 'createdAt'
  | 'removed'
  | 'lastEventAt'
  | 'closed'
  | 'firstCommunityAt'
  | 'firstStaffAt'
  | 'escalatedAt'
  | 'staffAfterEscalationAt'
  | 'acceptedAt'
  | 'acceptedAutomatic'
  | 'slaBreaches'
> & { categoryId: number }

const RANGE_COLUMNS = [
  'question_id',
  'created_at',
  'removed',
  'last_event_at',
  'closed',
  'first_community_at',
  'first_staff_at',
  'escalated_at',
  'staff_after_escalation_at',
  'accepted_at',
  'accepted_automatic',
  'sla_breaches',
]

/**
 * The summaries of questions asked in [from, to), with their category now: one range of the
 * covering index and the question's primary key. Rows come as arrays (a range holds tens of
 * thousands) and are named here.
 */
export function summariesIn(range: { from: number; to: number; category: number | null }) {
  const rows = prepared(
    `select ${RANGE_COLUMNS.map((c) => `s.${c}`).join(', ')}, q.category_id
     from question_summaries s join questions q on q.id = s.question_id
     where s.created_at >= @from and s.created_at < @to
       and (@category is null or q.category_id = @category)`,
  )
    .raw(true)
    .all(range) as number[][]
  return rows.map((r): SummaryRow => ({
    questionId: r[0],
    createdAt: r[1],
    removed: r[2],
    lastEventAt: r[3],
    closed: r[4],
    firstCommunityAt: r[5],
    firstStaffAt: r[6],
    escalatedAt: r[7],
    staffAfterEscalationAt: r[8],
    acceptedAt: r[9],
    acceptedAutomatic: r[10],
    slaBreaches: r[11],
    categoryId: r[12],
  }))
}
