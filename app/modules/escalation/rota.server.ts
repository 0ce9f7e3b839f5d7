/**
 * The on-call rota as stored: one rota (row id 1) and its overrides. The arithmetic is in
 * rota.ts; this module reads, saves and answers "who is on call now, and next".
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { oncallOverrides, oncallRota, users } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { emit } from '../events/events.server'
import { atLeast, can, type Actor } from '../policy/policy'
import {
  onCallAt,
  upcomingShifts,
  type OnCallShift,
  type RotaOverride,
  type RotaSpec,
} from './rota'
import { LOCAL_DATE_TIME, overrideSchema, rotaSchema, type RotaInput } from './validation'

const ROTA_ID = 1
const MAX_OVERRIDE_MS = 90 * 86_400_000

type Reader = Tx | typeof db

export function getRota(tx: Reader = db): RotaSpec | null {
  const row = tx.select().from(oncallRota).where(eq(oncallRota.id, ROTA_ID)).get()
  if (!row) return null
  return {
    memberIds: row.memberIds,
    timeZone: row.timeZone,
    handoffWeekday: row.handoffWeekday,
    handoffTime: row.handoffTime,
    rotationDays: row.rotationDays,
    startsOn: row.startsOn,
  }
}

/** Overrides that have not ended by `at`, soonest first. */
export function currentOverrides(tx: Reader = db, at = now()) {
  return tx
    .select({
      id: oncallOverrides.id,
      userId: oncallOverrides.userId,
      startsAt: oncallOverrides.startsAt,
      endsAt: oncallOverrides.endsAt,
      reason: oncallOverrides.reason,
    })
    .from(oncallOverrides)
    .where(gt(oncallOverrides.endsAt, at))
    .orderBy(asc(oncallOverrides.startsAt), asc(oncallOverrides.id))
    .all()
}

/** The staff member on call at `at`, or null (nobody on the rota and no override). */
export function onCallUserAt(tx: Reader, at: Date): number | null {
  const shift = onCallAt(getRota(tx), currentOverrides(tx, at) as RotaOverride[], at)
  if (!shift) return null
  // someone who has since left the staff is not on call: everybody is told instead
  const person = tx
    .select({ role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, shift.userId))
    .get()
  return person &&
    !person.deletedAt &&
    atLeast({ id: shift.userId, role: person.role, reputation: 0 }, 'staff')
    ? shift.userId
    : null
}

type Person = { userId: number; displayName: string; handle: string }

function people(ids: number[]): Map<number, Person> {
  if (ids.length === 0) return new Map()
  const rows = db
    .select({ userId: users.id, displayName: users.displayName, handle: users.handle })
    .from(users)
    .where(inArray(users.id, ids))
    .all()
  return new Map(rows.map((r) => [r.userId, r]))
}

/** On call now and next, with names, for the desk and the rota page. */
export function onCallNow(at: Date = now()): {
  current: (Person & { until: Date; override: boolean }) | null
  next: (Person & { from: Date; override: boolean }) | null
} {
  const shifts = upcomingShifts(getRota(), currentOverrides(db, at) as RotaOverride[], at, 2)
  const [first, second] = shifts
  const isNow = first && first.from.getTime() <= at.getTime()
  const current = isNow ? first : null
  const next = isNow ? second : first
  const names = people(shifts.map((s) => s.userId))
  const named = (s: OnCallShift | undefined) => (s ? names.get(s.userId) : undefined)
  return {
    current:
      current && named(current)
        ? { ...named(current)!, until: current.until, override: current.overrideId !== null }
        : null,
    next:
      next && named(next)
        ? { ...named(next)!, from: next.from, override: next.overrideId !== null }
        : null,
  }
}

/** The next `count` turns, with names, for the rota page. */
export function upcomingTurns(count: number, at: Date = now()) {
  const shifts = upcomingShifts(getRota(), currentOverrides(db, at) as RotaOverride[], at, count)
  const names = people(shifts.map((s) => s.userId))
  return shifts.map((s) => ({ ...s, person: names.get(s.userId) ?? null }))
}

/** Everyone who may be on call: staff and admins with an account. */
export function listStaff(tx: Reader = db): Person[] {
  return tx
    .select({ userId: users.id, displayName: users.displayName, handle: users.handle })
    .from(users)
    .where(inArray(users.role, ['staff', 'admin']))
    .orderBy(asc(users.displayName))
    .all()
}

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  return errors
}

export function saveRota(actor: Actor, input: unknown): RotaInput {
  if (!can(actor, 'rota.manage', null)) throw new Forbidden('rota.manage')
  const parsed = rotaSchema.safeParse(input)
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error.issues))
  const value = { ...parsed.data, memberIds: [...new Set(parsed.data.memberIds)] }
  return write((tx) => {
    const staff = new Set(listStaff(tx).map((s) => s.userId))
    if (value.memberIds.some((id) => !staff.has(id)))
      throw new Invalid({ memberIds: msg('escalation.validation.notStaff') })
    const before = getRota(tx)
    tx.insert(oncallRota)
      .values({ id: ROTA_ID, ...value, updatedAt: now() })
      .onConflictDoUpdate({ target: oncallRota.id, set: { ...value, updatedAt: now() } })
      .run()
    emit(tx, {
      type: 'settings.changed',
      actor,
      data: { key: 'oncall.rota', from: before, to: value },
    })
    return value
  })
}

/** A local `YYYY-MM-DDTHH:MM` in the rota's zone, as an instant. */
function localToInstant(text: string, zone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(text)
  if (!m) return null
  const dt = DateTime.fromISO(`${m[1]}T${m[2]}`, { zone })
  return dt.isValid ? dt.toJSDate() : null
}

export function rotaZone(tx: Reader = db): string {
  return getRota(tx)?.timeZone ?? 'Asia/Jakarta'
}

export function addOverride(actor: Actor, input: unknown): number {
  if (!can(actor, 'rota.manage', null)) throw new Forbidden('rota.manage')
  const parsed = overrideSchema.safeParse(input)
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error.issues))
  return write((tx) => {
    const zone = rotaZone(tx)
    const startsAt = localToInstant(parsed.data.startsAt, zone)
    const endsAt = localToInstant(parsed.data.endsAt, zone)
    if (!startsAt) throw new Invalid({ startsAt: msg('escalation.validation.dateTime') })
    if (!endsAt) throw new Invalid({ endsAt: msg('escalation.validation.dateTime') })
    if (endsAt <= startsAt)
      throw new Invalid({ endsAt: msg('escalation.validation.endsAfterStarts') })
    if (endsAt.getTime() - startsAt.getTime() > MAX_OVERRIDE_MS)
      throw new Invalid({ endsAt: msg('escalation.validation.overrideTooLong') })
    if (!listStaff(tx).some((s) => s.userId === parsed.data.userId))
      throw new Invalid({ userId: msg('escalation.validation.notStaff') })
    const row = tx
      .insert(oncallOverrides)
      .values({
        userId: parsed.data.userId,
        startsAt,
        endsAt,
        reason: parsed.data.reason,
        createdById: actor.id,
      })
      .returning({ id: oncallOverrides.id })
      .get()
    emit(tx, {
      type: 'settings.changed',
      actor,
      userId: parsed.data.userId,
      data: { key: 'oncall.override', added: row.id, startsAt, endsAt, reason: parsed.data.reason },
    })
    return row.id
  })
}

export function removeOverride(actor: Actor, id: number): void {
  if (!can(actor, 'rota.manage', null)) throw new Forbidden('rota.manage')
  write((tx) => {
    const removed = tx
      .delete(oncallOverrides)
      .where(and(eq(oncallOverrides.id, id)))
      .returning()
      .get()
    if (!removed) throw new NotFound('page')
    emit(tx, {
      type: 'settings.changed',
      actor,
      userId: removed.userId,
      data: {
        key: 'oncall.override',
        removed: id,
        startsAt: removed.startsAt,
        endsAt: removed.endsAt,
      },
    })
  })
}
