/**
 * The escalation sweep, run every minute by the scheduler and by `npm run jobs -- --at`:
 * 1. a question due (its target passed while it needs attention) gets `question.sla_breached`,
 *    once per wait, and escalates to level 1 (the staff member on call, else all staff) unless it
 *    already escalated during this wait;
 * 2. a level-1 escalation nobody acknowledged within its level-2 delay goes to level 2 (all staff
 *    and admins).
 * Every decision is a conditional write inside an immediate transaction, so two sweeps at once,
 * a sweep run twice or a restart halfway never escalate twice and never miss one: what one run
 * did, the next one sees. Work is done in batches so the write lock is never held for long.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { escalations, events, questions, users } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, prepared, write, type Tx } from '../../utils/db.server'
import { emit } from '../events/events.server'
import { queueEmail } from '../mail/mail.server'
import { composeEscalationSummary, composeNotification } from '../mail/messages.server'
import { notify } from '../notifications/notifications.server'
import { getPreference } from '../notifications/preferences.server'
import { addClockMinutes } from './business-time'
import { clockOf, slaFor } from './sla.server'
import { onCallUserAt } from './rota.server'

const BATCH = 200
const MINUTE = 60_000

export type SweepResult = {
  breached: number
  escalated: number
  level1: number
  level2: number
}

export function describeSweep(r: SweepResult): string {
  return `${r.escalated} escalated (level 1: ${r.level1}, level 2: ${r.level2}); ${r.breached} breached`
}

/** Staff (and, at level 2 or when there are no staff, admins) who are told; never a deleted account. */
export function recipients(tx: Tx, level: 1 | 2, onCallId: number | null): number[] {
  if (level === 1 && onCallId !== null) return [onCallId]
  const roles = level === 2 ? (['staff', 'admin'] as const) : (['staff'] as const)
  const found = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, [...roles]), isNull(users.deletedAt)))
    .all()
    .map((u) => u.id)
  return found.length > 0 || level === 2 ? found : recipients(tx, 2, null)
}

type Cursor = { due: number; id: number }

/**
 * Questions due by `at` that still need something from this sweep, soonest due first, after
 * `cursor` (keyset pagination on the due-time index, so a sweep reads only what is due).
 */
export function dueQuestionsQuery(at: Date, cursor: Cursor, batch: number) {
  return db
    .select({
      id: questions.id,
      categoryId: questions.categoryId,
      attentionSince: questions.attentionSince,
      slaDueAt: questions.slaDueAt,
    })
    .from(questions)
    .where(
      and(
        lte(questions.slaDueAt, at),
        sql`(${questions.slaDueAt}, ${questions.id}) > (${cursor.due}, ${cursor.id})`,
        // breached during this wait already, and escalated (now or earlier in this wait): done
        sql`not (
          exists (select 1 from ${events} b where b.question_id = ${questions.id}
            and b.type = 'question.sla_breached' and b.created_at >= ${questions.attentionSince})
          and exists (select 1 from ${escalations} e where e.question_id = ${questions.id}
            and (e.resolved_at is null or e.escalated_at >= ${questions.attentionSince})))`,
      ),
    )
    .orderBy(asc(questions.slaDueAt), asc(questions.id))
    .limit(batch)
}

type MailItem = { questionId: number; waitedMinutes: number; data: Record<string, unknown> }

type Waiting = {
  id: number
  categoryId: number
  attentionSince: Date | null
  slaDueAt: Date | null
}

/**
 * What every escalation opened at one moment shares: who is on call then, and each category's
 * level-2 due time. Worked out once per sweep, not once per question.
 */
export class EscalationMoment {
  private onCall: number | null | undefined
  private level2 = new Map<number, Date>()
  /** Who is to be e-mailed about what, per level: sent once per person (`sendEmails`). */
  private mail = new Map<string, { userId: number; level: number; items: MailItem[] }>()
  constructor(readonly at: Date) {}

  /** Tells `userId` of an escalation in the app now, and by e-mail when the moment is sent. */
  tell(
    tx: Tx,
    userId: number,
    n: { level: 1 | 2; actorId: number | null; item: MailItem; data: Record<string, unknown> },
  ) {
    notify(tx, {
      userId,
      type: 'question.escalated',
      actorId: n.actorId,
      questionId: n.item.questionId,
      data: n.data,
      email: false,
    })
    if (userId === n.actorId) return
    const key = `${userId}:${n.level}`
    const entry = this.mail.get(key) ?? { userId, level: n.level, items: [] }
    entry.items.push(n.item)
    this.mail.set(key, entry)
  }

  /**
   * One e-mail per person and level for everything escalated at this moment: the usual message
   * for one question, a list for several. Only to those whose choice is an e-mail at once.
   */
  sendEmails(tx: Tx) {
    for (const { userId, level, items } of this.mail.values()) {
      if (getPreference(tx, userId, 'question.escalated').email !== 'instant') continue
      const [first] = items
      const compose =
        items.length === 1
          ? composeNotification(tx, {
              type: 'question.escalated',
              actorId: null,
              questionId: first.questionId,
              data: first.data,
            })
          : composeEscalationSummary(tx, level, items)
      if (compose)
        queueEmail(tx, {
          userId,
          kind: 'question.escalated',
          unsubscribe: 'question.escalated',
          compose,
        })
    }
    this.mail.clear()
  }

  onCallId(tx: Tx): number | null {
    if (this.onCall === undefined) this.onCall = onCallUserAt(tx, this.at)
    return this.onCall
  }

  level2DueAt(tx: Tx, categoryId: number): Date {
    let due = this.level2.get(categoryId)
    if (!due) {
      const sla = slaFor(tx, categoryId)
      due =
        addClockMinutes(this.at, sla.level2DelayMinutes, clockOf(sla)) ??
        new Date(this.at.getTime() + sla.level2DelayMinutes * MINUTE)
      this.level2.set(categoryId, due)
    }
    return due
  }
}

/** Inside a transaction: records the breach and escalates, each only if not done in this wait. */
function breachAndEscalate(tx: Tx, q: Waiting, moment: EscalationMoment, result: SweepResult) {
  const at = moment.at
  // re-read inside the transaction: another sweep or a response may have moved on
  const fresh = prepared(
    'select attention_since as since, sla_due_at as due from questions where id = ?',
  ).get(q.id) as { since: number | null; due: number | null } | undefined
  if (!fresh?.since || !fresh.due || fresh.due > at.getTime()) return
  const since = fresh.since
  const waitedMinutes = Math.round((at.getTime() - since) / MINUTE)
  const breached = prepared(
    `select 1 from events where question_id = ? and type = 'question.sla_breached' and created_at >= ?`,
  ).get(q.id, since)
  if (!breached) {
    emit(tx, {
      type: 'question.sla_breached',
      actor: null,
      questionId: q.id,
      data: { dueAt: new Date(fresh.due).toISOString(), waitedMinutes },
    })
    result.breached++
  }
  const handled = prepared(
    'select 1 from escalations where question_id = ? and (resolved_at is null or escalated_at >= ?)',
  ).get(q.id, since)
  if (handled) return
  openEscalation(tx, moment, {
    questionId: q.id,
    categoryId: q.categoryId,
    reason: 'sla',
    note: '',
    actor: null,
    waitedMinutes,
  })
  result.escalated++
  result.level1++
}

/**
 * Opens a level-1 escalation and tells the staff member on call (or all staff). The unique index
 * on open escalations makes a second one impossible; returns false when one was already open.
 */
export function openEscalation(
  tx: Tx,
  moment: EscalationMoment,
  e: {
    questionId: number
    categoryId: number
    reason: 'sla' | 'manual'
    note: string
    actor: { id: number; role: (typeof users.$inferSelect)['role'] } | null
    waitedMinutes: number
  },
): boolean {
  const onCallId = moment.onCallId(tx)
  // the unique index on open escalations turns a second one into nothing
  const row = prepared(
    `insert into escalations
       (question_id, level, reason, note, escalated_by_id, escalated_at, level2_due_at, on_call_id)
     values (?, 1, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id`,
  ).get(
    e.questionId,
    e.reason,
    e.note,
    e.actor?.id ?? null,
    moment.at.getTime(),
    moment.level2DueAt(tx, e.categoryId).getTime(),
    onCallId,
  ) as { id: number } | undefined
  if (!row) return false
  emit(tx, {
    type: 'question.escalated',
    actor: e.actor,
    questionId: e.questionId,
    userId: onCallId,
    data: { escalationId: row.id, level: 1, reason: e.reason, note: e.note, onCallId },
  })
  const data = { level: 1, reason: e.reason, note: e.note, waitedMinutes: e.waitedMinutes }
  for (const userId of recipients(tx, 1, onCallId))
    moment.tell(tx, userId, {
      level: 1,
      actorId: e.actor?.id ?? null,
      item: { questionId: e.questionId, waitedMinutes: e.waitedMinutes, data },
      data,
    })
  return true
}

/** Level-1 escalations due to go to level 2, soonest first. */
function dueForLevel2(at: Date, batch: number) {
  return db
    .select({
      id: escalations.id,
      questionId: escalations.questionId,
      escalatedAt: escalations.escalatedAt,
    })
    .from(escalations)
    .where(
      and(
        lte(escalations.level2DueAt, at),
        isNull(escalations.resolvedAt),
        isNull(escalations.acknowledgedAt),
        eq(escalations.level, 1),
      ),
    )
    .orderBy(asc(escalations.level2DueAt))
    .limit(batch)
    .all()
}

function raiseToLevel2(
  tx: Tx,
  e: { id: number; questionId: number },
  moment: EscalationMoment,
): boolean {
  const at = moment.at
  const raised = tx
    .update(escalations)
    .set({ level: 2, level2At: at })
    .where(
      and(
        eq(escalations.id, e.id),
        eq(escalations.level, 1),
        isNull(escalations.resolvedAt),
        isNull(escalations.acknowledgedAt),
      ),
    )
    .run()
  if (raised.changes === 0) return false
  const since = tx
    .select({ since: questions.attentionSince, createdAt: questions.createdAt })
    .from(questions)
    .where(eq(questions.id, e.questionId))
    .get()
  const waitedMinutes = Math.round(
    (at.getTime() - (since?.since ?? since?.createdAt ?? at).getTime()) / MINUTE,
  )
  emit(tx, {
    type: 'question.escalation_raised',
    actor: null,
    questionId: e.questionId,
    data: { escalationId: e.id, level: 2 },
  })
  const data = { level: 2, reason: 'unacknowledged', waitedMinutes }
  for (const userId of recipients(tx, 2, null))
    moment.tell(tx, userId, {
      level: 2,
      actorId: null,
      item: { questionId: e.questionId, waitedMinutes, data },
      data,
    })
  return true
}

export type SweepHooks = {
  /** Called after each committed batch (tests stop a sweep halfway through with it). */
  afterBatch?: () => void
  batchSize?: number
}

export function sweepEscalations(at: Date = now(), hooks: SweepHooks = {}): SweepResult {
  const result: SweepResult = { breached: 0, escalated: 0, level1: 0, level2: 0 }
  const moment = new EscalationMoment(at)
  let cursor: Cursor = { due: -1, id: 0 }
  for (;;) {
    const due = dueQuestionsQuery(at, cursor, hooks.batchSize ?? BATCH).all()
    if (due.length === 0) break
    write((tx) => {
      for (const q of due) breachAndEscalate(tx, q, moment, result)
      moment.sendEmails(tx)
    })
    hooks.afterBatch?.()
    const last = due[due.length - 1]
    cursor = { due: last.slaDueAt!.getTime(), id: last.id }
  }
  for (;;) {
    const due = dueForLevel2(at, hooks.batchSize ?? BATCH)
    if (due.length === 0) break
    let raised = 0
    write((tx) => {
      for (const e of due) if (raiseToLevel2(tx, e, moment)) raised++
      moment.sendEmails(tx)
    })
    result.level2 += raised
    result.escalated += raised
    hooks.afterBatch?.()
    if (raised === 0) break
  }
  return result
}
