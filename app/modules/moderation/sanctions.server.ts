/**
 * Sanctions on people: a warning, silence (read-only) or suspension until a date, a ban. The
 * columns on `users` say what is in force and are recomputed from the unlifted sanctions after
 * every change, so lifting one of two overlapping silences leaves the other in force. Nothing
 * has to run for a sanction to end: an end date in the past simply no longer counts. A job
 * records each end in the event log (`user.sanction_ended`) for the audit trail.
 *
 * Suspending or banning ends every session of the account in the same transaction.
 */
import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { sanctions, sessions, users, type SanctionKind } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Conflict, Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { refreshAskersQuestions } from '../escalation/attention.server'
import { parseActionReason, reasonData } from '../audit/validation'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { sanctionSchema } from './sanction-validation'

const DAY = 86_400_000

const EVENT = {
  warn: 'user.warned',
  silence: 'user.silenced',
  suspend: 'user.suspended',
  ban: 'user.banned',
} as const satisfies Record<SanctionKind, string>

/** What is in force for a person at `at`, for the session check and the notices. */
export type Standing = {
  silencedUntil: Date | null
  suspendedUntil: Date | null
  banned: boolean
}

export function standingOf(
  row: { silencedUntil: Date | null; suspendedUntil: Date | null; bannedAt: Date | null },
  at = now(),
): Standing {
  return {
    silencedUntil: row.silencedUntil && row.silencedUntil > at ? row.silencedUntil : null,
    suspendedUntil: row.suspendedUntil && row.suspendedUntil > at ? row.suspendedUntil : null,
    banned: row.bannedAt !== null,
  }
}

/** Whether the account is kept out (suspended or banned) at `at`. */
export function isKeptOut(standing: Standing): boolean {
  return standing.banned || standing.suspendedUntil !== null
}

/** Writes the columns on `users` from the sanctions that are not lifted. */
function recompute(tx: Tx, userId: number) {
  const open = tx
    .select({ kind: sanctions.kind, endsAt: sanctions.endsAt, createdAt: sanctions.createdAt })
    .from(sanctions)
    .where(and(eq(sanctions.userId, userId), isNull(sanctions.liftedAt)))
    .all()
  const latest = (kind: SanctionKind) =>
    open
      .filter((s) => s.kind === kind && s.endsAt)
      .reduce<Date | null>((max, s) => (!max || s.endsAt! > max ? s.endsAt : max), null)
  const ban = open.filter((s) => s.kind === 'ban').sort((a, b) => +a.createdAt - +b.createdAt)[0]
  tx.update(users)
    .set({
      silencedUntil: latest('silence'),
      suspendedUntil: latest('suspend'),
      bannedAt: ban?.createdAt ?? null,
    })
    .where(eq(users.id, userId))
    .run()
}

function personFor(userId: number) {
  const person = db
    .select({ id: users.id, role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  if (!person || person.deletedAt) throw new NotFound('user')
  return person
}

export function sanctionUser(actor: Actor, userId: number, input: unknown): number {
  const person = personFor(userId)
  if (!can(actor, 'user.sanction', person)) throw new Forbidden('user.sanction')
  const parsed = sanctionSchema.safeParse(input)
  if (!parsed.success) {
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? 'form')] ??= issue.message
    throw new Invalid(errors)
  }
  const { kind, days, reason } = parsed.data
  return write((tx) => {
    const at = now()
    const endsAt = days === null ? null : new Date(at.getTime() + days * DAY)
    const row = tx
      .insert(sanctions)
      .values({ userId, kind, reason, endsAt, createdById: actor.id, createdAt: at })
      .returning({ id: sanctions.id })
      .get()
    recompute(tx, userId)
    refreshAskersQuestions(tx, userId)
    if (kind === 'suspend' || kind === 'ban')
      tx.delete(sessions).where(eq(sessions.userId, userId)).run()
    emit(tx, {
      type: EVENT[kind],
      actor,
      userId,
      data: { sanctionId: row.id, reason, endsAt: endsAt?.toISOString() ?? null },
    })
    return row.id
  })
}

/** Lifts a sanction in force; the optional reason goes into the event (the log and history). */
export function liftSanction(actor: Actor, sanctionId: number, reason = ''): number {
  const row = db.select().from(sanctions).where(eq(sanctions.id, sanctionId)).get()
  if (!row) throw new NotFound('page')
  const person = personFor(row.userId)
  if (!can(actor, 'user.sanction', person)) throw new Forbidden('user.sanction')
  const why = parseActionReason(reason)
  if (!why.ok) throw new Invalid(why.errors)
  return write((tx) => {
    const at = now()
    const lifted = tx
      .update(sanctions)
      .set({ liftedAt: at, liftedById: actor.id })
      .where(
        and(
          eq(sanctions.id, sanctionId),
          isNull(sanctions.liftedAt),
          sql`(${sanctions.endsAt} is null or ${sanctions.endsAt} > ${at.getTime()})`,
          sql`${sanctions.kind} <> 'warn'`,
        ),
      )
      .run()
    if (lifted.changes === 0) throw new Conflict(msg('moderation.errors.alreadyLifted'))
    recompute(tx, row.userId)
    refreshAskersQuestions(tx, row.userId)
    emit(tx, {
      type: 'user.sanction_lifted',
      actor,
      userId: row.userId,
      data: { sanctionId, kind: row.kind, ...reasonData(why.reason) },
    })
    return row.userId
  })
}

/** Job: records every timed sanction that ran out; returns how many. */
export function recordEndedSanctions(at = now()): string {
  const due = db
    .select({ id: sanctions.id, userId: sanctions.userId, kind: sanctions.kind })
    .from(sanctions)
    .where(and(lte(sanctions.endsAt, at), isNull(sanctions.liftedAt), isNull(sanctions.endedAt)))
    .limit(500)
    .all()
  let ended = 0
  write((tx) => {
    for (const s of due) {
      const done = tx
        .update(sanctions)
        .set({ endedAt: at })
        .where(and(eq(sanctions.id, s.id), isNull(sanctions.endedAt), isNull(sanctions.liftedAt)))
        .run()
      if (done.changes === 0) continue
      refreshAskersQuestions(tx, s.userId)
      emit(tx, {
        type: 'user.sanction_ended',
        actor: null,
        userId: s.userId,
        data: { sanctionId: s.id, kind: s.kind },
      })
      ended++
    }
  })
  return `${ended} ended`
}

/** A person's sanctions, newest first, with who applied and lifted them. */
export function listSanctions(userId: number) {
  const by = alias(users, 'by')
  const lifter = alias(users, 'lifter')
  return db
    .select({
      id: sanctions.id,
      kind: sanctions.kind,
      reason: sanctions.reason,
      endsAt: sanctions.endsAt,
      createdAt: sanctions.createdAt,
      liftedAt: sanctions.liftedAt,
      byName: by.displayName,
      liftedByName: lifter.displayName,
    })
    .from(sanctions)
    .leftJoin(by, eq(by.id, sanctions.createdById))
    .leftJoin(lifter, eq(lifter.id, sanctions.liftedById))
    .where(eq(sanctions.userId, userId))
    .orderBy(desc(sanctions.createdAt), desc(sanctions.id))
    .all()
}

/** The reason of the newest unlifted sanction of `kind` still in force, for the notices. */
export function reasonInForce(userId: number, kind: SanctionKind, at = now()): string | null {
  return (
    db
      .select({ reason: sanctions.reason })
      .from(sanctions)
      .where(
        and(
          eq(sanctions.userId, userId),
          eq(sanctions.kind, kind),
          isNull(sanctions.liftedAt),
          sql`(${sanctions.endsAt} is null or ${sanctions.endsAt} > ${at.getTime()})`,
        ),
      )
      .orderBy(desc(sanctions.createdAt))
      .get()?.reason ?? null
  )
}
