/**
 * The staff desk: what needs staff now (escalated questions, and those waiting for a first
 * response on their category's clock), and the commands staff run on an escalation: claim it,
 * assign it to someone, acknowledge it to the asker, resolve it by hand.
 *
 * Every command is one conditional UPDATE: it applies only to the state the person saw (open,
 * nobody assigned, not yet acknowledged…), so when two staff act at once one wins and the other
 * gets a Conflict that says what happened instead of silently overwriting it.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { categories, escalations, questions, users } from '../../../db/schema'
import type { Language } from '../../i18n/config'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Conflict, Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { localizeCategory } from '../categories/localize'
import { emit, type EmittedEvent } from '../events/events.server'
import { notify } from '../notifications/notifications.server'
import { can, type Actor } from '../policy/policy'
import type { DeskFilters } from './desk-validation'

export const DESK_PAGE_SIZE = 25

const assignee = alias(users, 'assignee')
const acknowledger = alias(users, 'acknowledger')

/** The open escalation of each question, joined beside it (at most one: a unique index). */
const openEscalation = and(eq(escalations.questionId, questions.id), isNull(escalations.resolvedAt))

/**
 * When a desk item stops waiting: its first-response target, or, escalated by hand before that,
 * the moment it was escalated. Breached items come first, the longest overdue at the top.
 */
const breachAt = sql<number>`min(coalesce(${questions.slaDueAt}, ${escalations.escalatedAt}), coalesce(${escalations.escalatedAt}, ${questions.slaDueAt}))`

/**
 * The questions on the desk, found from the two partial indexes (waiting ones by due time, open
 * episodes) rather than by looking at every question there is.
 */
const onTheDesk = sql`${questions.id} in (select id from questions where sla_due_at is not null union all select question_id from escalations where resolved_at is null)`

function requireDesk(actor: Actor | null): asserts actor is Actor {
  if (!can(actor, 'desk.view', null)) throw new Forbidden('desk.view')
}

export type DeskItem = ReturnType<typeof listDesk>['items'][number]

/**
 * One page of the desk for `viewer` (staff), most urgent first. Private questions are listed:
 * staff may see them. Hidden and deleted ones are not (moderation has them).
 */
export function listDesk(viewer: Actor, filters: DeskFilters, language: Language) {
  requireDesk(viewer)
  const where: (SQL | undefined)[] = [
    isNull(questions.hiddenAt),
    isNull(questions.deletedAt),
    onTheDesk,
  ]
  if (filters.show === 'escalated') where.push(isNotNull(escalations.id))
  if (filters.show === 'mine') where.push(eq(escalations.assigneeId, viewer.id))
  if (filters.show === 'unassigned')
    where.push(isNotNull(escalations.id), isNull(escalations.assigneeId))
  if (filters.category) where.push(eq(categories.slug, filters.category))
  if (filters.level) where.push(eq(escalations.level, filters.level))
  const condition = and(...where)

  const total =
    db
      .select({ n: count() })
      .from(questions)
      .leftJoin(escalations, openEscalation)
      .innerJoin(categories, eq(categories.id, questions.categoryId))
      .where(condition)
      .get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const rows = db
    .select({
      id: questions.id,
      title: questions.title,
      language: questions.language,
      visibility: questions.visibility,
      status: questions.status,
      createdAt: questions.createdAt,
      attentionSince: questions.attentionSince,
      slaDueAt: questions.slaDueAt,
      breachAt,
      category: {
        slug: categories.slug,
        name: categories.name,
        translations: categories.translations,
      },
      asker: { handle: users.handle, displayName: users.displayName },
      escalation: {
        id: escalations.id,
        level: escalations.level,
        reason: escalations.reason,
        escalatedAt: escalations.escalatedAt,
        acknowledgedAt: escalations.acknowledgedAt,
        assigneeId: escalations.assigneeId,
      },
      assignee: { id: assignee.id, displayName: assignee.displayName, handle: assignee.handle },
    })
    .from(questions)
    .leftJoin(escalations, openEscalation)
    .innerJoin(categories, eq(categories.id, questions.categoryId))
    .innerJoin(users, eq(users.id, questions.authorId))
    .leftJoin(assignee, eq(assignee.id, escalations.assigneeId))
    .where(condition)
    .orderBy(asc(breachAt), asc(questions.id))
    .limit(DESK_PAGE_SIZE)
    .offset((page - 1) * DESK_PAGE_SIZE)
    .all()
  const at = now().getTime()
  return {
    at: new Date(at),
    total,
    page,
    pageCount,
    items: rows.map(({ category, escalation, assignee, breachAt, ...r }) => {
      const waitingSince = r.attentionSince ?? escalation?.escalatedAt ?? r.createdAt
      return {
        ...r,
        category: localizeCategory(category, language),
        escalation: escalation?.id ? escalation : null,
        assignee: assignee?.id ? assignee : null,
        ageMs: at - r.createdAt.getTime(),
        waitedMs: Math.max(0, at - waitingSince.getTime()),
        /** Until the target passes (positive) or since it passed (negative); null: no target. */
        dueInMs: r.slaDueAt ? r.slaDueAt.getTime() - at : null,
        breached: breachAt !== null && breachAt <= at,
      }
    }),
  }
}

/**
 * The header's desk link: open escalations, and those assigned to `userId`. Two index reads
 * (the partial index of open episodes and the assignee index), so every staff page can afford
 * them.
 */
export function countDesk(userId: number): { open: number; mine: number } {
  // Named, so the count reads only the open episodes, not every escalation there ever was.
  const open =
    db.get<{ n: number }>(
      sql`select count(*) as n from escalations indexed by escalations_open_unique where resolved_at is null`,
    )?.n ?? 0
  const mine =
    db
      .select({ n: count() })
      .from(escalations)
      .where(and(eq(escalations.assigneeId, userId), isNull(escalations.resolvedAt)))
      .get()?.n ?? 0
  return { open, mine }
}

/** Staff and admins, who may be given an escalation, by name. */
export function listAssignableStaff() {
  return db
    .select({ id: users.id, displayName: users.displayName, handle: users.handle })
    .from(users)
    .where(and(inArray(users.role, ['staff', 'admin']), isNull(users.deletedAt)))
    .orderBy(asc(users.displayName))
    .all()
}

/**
 * The open escalation of a question as its page shows it: to everyone, only whether staff
 * acknowledged it ("Our team is looking at this"); to staff, all of it.
 */
export function getOpenEscalation(questionId: number) {
  const row = db
    .select({
      id: escalations.id,
      level: escalations.level,
      reason: escalations.reason,
      note: escalations.note,
      escalatedAt: escalations.escalatedAt,
      acknowledgedAt: escalations.acknowledgedAt,
      assignee: { id: assignee.id, displayName: assignee.displayName, handle: assignee.handle },
      acknowledgedBy: { displayName: acknowledger.displayName },
    })
    .from(escalations)
    .leftJoin(assignee, eq(assignee.id, escalations.assigneeId))
    .leftJoin(acknowledger, eq(acknowledger.id, escalations.acknowledgedById))
    .where(and(eq(escalations.questionId, questionId), isNull(escalations.resolvedAt)))
    .get()
  if (!row) return null
  return {
    ...row,
    assignee: row.assignee?.id ? row.assignee : null,
    acknowledgedBy: row.acknowledgedBy?.displayName ?? null,
  }
}
export type OpenEscalation = NonNullable<ReturnType<typeof getOpenEscalation>>

type EscalationRow = typeof escalations.$inferSelect

function readEscalation(tx: Tx, escalationId: number): EscalationRow {
  const row = tx.select().from(escalations).where(eq(escalations.id, escalationId)).get()
  if (!row) throw new NotFound('question')
  return row
}

function nameOf(tx: Tx, userId: number | null): string {
  if (userId === null) return ''
  return (
    tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? ''
  )
}

/** Why a command found the episode other than the person saw it. */
function stale(tx: Tx, row: EscalationRow): Conflict {
  if (row.resolvedAt) return new Conflict(msg('desk.conflict.resolved'))
  return new Conflict(msg('desk.conflict.assigned', { name: nameOf(tx, row.assigneeId) || '—' }))
}

/**
 * A command on one escalation. `questionId`, when given, is the page the form was on: an
 * episode of another question is not there.
 */
function onEscalation<T>(
  actor: Actor,
  escalationId: number,
  questionId: number | undefined,
  options: { pagesUnchanged: boolean },
  fn: (tx: Tx, row: EscalationRow) => T,
): T {
  if (!can(actor, 'escalation.manage', null)) throw new Forbidden('escalation.manage')
  return write((tx) => {
    const row = readEscalation(tx, escalationId)
    if (questionId !== undefined && row.questionId !== questionId) throw new NotFound('question')
    return fn(tx, row)
  }, options)
}

export type DeskCommandResult = { questionId: number; changed: boolean }

/** "Assign to me": only while nobody has it. Claiming one's own again changes nothing. */
export function claimEscalation(
  actor: Actor,
  escalationId: number,
  questionId?: number,
): DeskCommandResult {
  return onEscalation(actor, escalationId, questionId, { pagesUnchanged: true }, (tx, row) => {
    const { changes } = tx
      .update(escalations)
      .set({ assigneeId: actor.id })
      .where(
        and(
          eq(escalations.id, escalationId),
          isNull(escalations.resolvedAt),
          isNull(escalations.assigneeId),
        ),
      )
      .run()
    if (changes === 0) {
      if (!row.resolvedAt && row.assigneeId === actor.id)
        return { questionId: row.questionId, changed: false }
      throw stale(tx, row)
    }
    emit(tx, {
      type: 'question.assigned',
      actor,
      questionId: row.questionId,
      userId: actor.id,
      data: { escalationId, assigneeId: actor.id, previousAssigneeId: null, claimed: true },
    })
    return { questionId: row.questionId, changed: true }
  })
}

/**
 * Gives the escalation to another staff member (or to nobody: `assigneeId` null), provided it
 * is still assigned to `seenAssigneeId`, whom the form showed.
 */
export function assignEscalation(
  actor: Actor,
  escalationId: number,
  assigneeId: number | null,
  seenAssigneeId: number | null,
  questionId?: number,
): DeskCommandResult {
  return onEscalation(actor, escalationId, questionId, { pagesUnchanged: true }, (tx, row) => {
    if (assigneeId !== null) {
      const person = tx
        .select({ id: users.id, role: users.role, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, assigneeId))
        .get()
      if (!person || person.deletedAt || !can({ ...person, reputation: 0 }, 'desk.view', null))
        throw new Invalid({ assigneeId: msg('desk.assign.notStaff') })
    }
    if (!row.resolvedAt && row.assigneeId === assigneeId)
      return { questionId: row.questionId, changed: false }
    const { changes } = tx
      .update(escalations)
      .set({ assigneeId })
      .where(
        and(
          eq(escalations.id, escalationId),
          isNull(escalations.resolvedAt),
          seenAssigneeId === null
            ? isNull(escalations.assigneeId)
            : eq(escalations.assigneeId, seenAssigneeId),
        ),
      )
      .run()
    if (changes === 0) throw stale(tx, row)
    emit(tx, {
      type: 'question.assigned',
      actor,
      questionId: row.questionId,
      userId: assigneeId,
      data: { escalationId, assigneeId, previousAssigneeId: row.assigneeId },
    })
    return { questionId: row.questionId, changed: true }
  })
}

/**
 * Tells the asker (and everyone reading the thread) that staff are on it, and stops the second
 * level of the escalation. Once per episode: a second acknowledgement is a Conflict naming the
 * first, unless it is the same person's (a resent form).
 */
export function acknowledgeEscalation(
  actor: Actor,
  escalationId: number,
  questionId?: number,
): DeskCommandResult {
  // The page's "Our team is looking at this" changes for everyone: cached pages must go.
  return onEscalation(actor, escalationId, questionId, { pagesUnchanged: false }, (tx, row) => {
    const at = now()
    const { changes } = tx
      .update(escalations)
      .set({ acknowledgedAt: at, acknowledgedById: actor.id })
      .where(
        and(
          eq(escalations.id, escalationId),
          isNull(escalations.resolvedAt),
          isNull(escalations.acknowledgedAt),
        ),
      )
      .run()
    if (changes === 0) {
      if (row.resolvedAt) throw new Conflict(msg('desk.conflict.resolved'))
      if (row.acknowledgedById === actor.id) return { questionId: row.questionId, changed: false }
      throw new Conflict(
        msg('desk.conflict.acknowledged', { name: nameOf(tx, row.acknowledgedById) || '—' }),
      )
    }
    emit(tx, {
      type: 'question.acknowledged',
      actor,
      questionId: row.questionId,
      data: { escalationId, level: row.level },
    })
    return { questionId: row.questionId, changed: true }
  })
}

/** Closes the episode by hand ("dealt with"); the question leaves the escalated list. */
export function resolveEscalation(
  actor: Actor,
  escalationId: number,
  questionId?: number,
): DeskCommandResult {
  return onEscalation(actor, escalationId, questionId, { pagesUnchanged: false }, (tx, row) => {
    const { changes } = tx
      .update(escalations)
      .set({ resolvedAt: now(), resolvedById: actor.id, resolution: 'resolved' })
      .where(and(eq(escalations.id, escalationId), isNull(escalations.resolvedAt)))
      .run()
    if (changes === 0) throw new Conflict(msg('desk.conflict.resolved'))
    emit(tx, {
      type: 'question.escalation_resolved',
      actor,
      questionId: row.questionId,
      data: { escalationId, resolution: 'resolved', level: row.level },
    })
    return { questionId: row.questionId, changed: true }
  })
}

// Reactions (see reactions.server.ts).

/** The new assignee hears of it, unless they took it themselves (`notify` skips that). */
export function notifyAssignee(tx: Tx, e: EmittedEvent) {
  const assigneeId = e.data?.assigneeId
  if (typeof assigneeId !== 'number' || !e.questionId) return
  notify(tx, {
    userId: assigneeId,
    type: 'question.assigned',
    actorId: e.actor?.id ?? null,
    questionId: e.questionId,
  })
}

/** The asker hears that staff are looking at their question. */
export function notifyAskerOfAcknowledgement(tx: Tx, e: EmittedEvent) {
  if (!e.questionId) return
  const asker = tx
    .select({ authorId: questions.authorId })
    .from(questions)
    .where(eq(questions.id, e.questionId))
    .get()
  if (!asker) return
  notify(tx, {
    userId: asker.authorId,
    type: 'question.acknowledged',
    actorId: e.actor?.id ?? null,
    questionId: e.questionId,
  })
}
