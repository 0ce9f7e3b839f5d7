/**
 * Trust levels in practice: recording the activity they are computed from, the job that
 * computes them for everyone, and the moderators' controls (locking a level, the helper role).
 *
 * Activity is recorded cheaply: one `user_days` row per person per day they come, made by the
 * first request of their day (a process remembers whom it has recorded today, so later
 * requests write nothing), and bumped when they open a question they had not opened in the
 * last hour (the view counter's own de-duplication decides that).
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { users, type Role } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, prepared, write } from '../../utils/db.server'
import { Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { singleton } from '../../utils/singleton.server'
import { parseActionReason, reasonData } from '../audit/validation'
import { emit, withEventSource } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import {
  clampLevel,
  earnedLevel,
  nextLevel,
  TL3_WINDOW_DAYS,
  type Activity,
  type TrustLevel,
} from './levels'

const DAY = 86_400_000

/** Days since 1970-01-01 UTC: the `day` of `user_days`. */
export const dayOf = (at: Date) => Math.floor(at.getTime() / DAY)

const recorded = singleton('trust.visits', () => ({ day: -1, people: new Set<number>() }))

/** The person came today: at most one write per person per day per process. */
export function recordVisit(userId: number) {
  const day = dayOf(now())
  if (recorded.day !== day) {
    recorded.day = day
    recorded.people.clear()
  }
  if (recorded.people.has(userId)) return
  prepared(
    'insert into user_days (user_id, day, reads) values (?, ?, 0) on conflict do nothing',
  ).run(userId, day)
  recorded.people.add(userId)
}

/** The person opened a question (once per question per hour, as the view counter decides). */
export function recordRead(userId: number) {
  const day = dayOf(now())
  prepared(
    'insert into user_days (user_id, day, reads) values (?, ?, 1) on conflict (user_id, day) do update set reads = reads + 1',
  ).run(userId, day)
  if (recorded.day === day) recorded.people.add(userId)
}

type Row = Record<string, number | null>

/** Every person's activity, read in a handful of grouped queries (no query per person). */
function readActivity(at: Date): Map<number, Activity> {
  const since = at.getTime() - TL3_WINDOW_DAYS * DAY
  const sinceDay = dayOf(new Date(since))
  const byUser = <T extends Row>(query: string, ...params: unknown[]) => {
    const map = new Map<number, T>()
    for (const row of prepared(query).all(...params) as (T & { id: number })[]) map.set(row.id, row)
    return map
  }
  const days = byUser<{ days: number; reads: number; rdays: number; rreads: number }>(
    `select user_id id, count(*) days, sum(reads) reads,
       sum(day >= ?) rdays, sum(case when day >= ? then reads else 0 end) rreads
     from user_days group by user_id`,
    sinceDay,
    sinceDay,
  )
  const posts = byUser<{ posts: number; recent: number }>(
    `select author_id id, count(*) posts, sum(created_at >= ?) recent from (
       select author_id, created_at from questions where deleted_at is null and held_at is null
       union all
       select author_id, created_at from answers where deleted_at is null and held_at is null
     ) group by author_id`,
    since,
  )
  const accepted = byUser<{ n: number }>(
    `select a.author_id id, count(*) n from questions q join answers a on a.id = q.accepted_answer_id
     where a.author_id <> q.author_id and q.solved_at >= ? and a.deleted_at is null
     group by a.author_id`,
    since,
  )
  // Posts of theirs that flags brought to a moderator who removed them.
  const upheld = byUser<{ n: number; recent: number }>(
    `select author_id id, count(*) n, sum(decided_at >= ?) recent from review_items
     where source = 'flags' and decision in ('hide', 'delete', 'spammer') group by author_id`,
    since,
  )
  const sanctioned = byUser<{ n: number }>(
    `select user_id id, count(*) n from sanctions
     where kind in ('silence', 'suspend', 'ban') and created_at >= ? group by user_id`,
    since,
  )
  const people = prepared('select id, created_at from users where deleted_at is null').all() as {
    id: number
    created_at: number
  }[]
  const activity = new Map<number, Activity>()
  for (const p of people) {
    const d = days.get(p.id)
    const po = posts.get(p.id)
    const up = upheld.get(p.id)
    activity.set(p.id, {
      accountDays: (at.getTime() - p.created_at) / DAY,
      daysVisited: d?.days ?? 0,
      questionsRead: d?.reads ?? 0,
      posts: po?.posts ?? 0,
      upheldFlags: up?.n ?? 0,
      recent: {
        daysVisited: d?.rdays ?? 0,
        questionsRead: d?.rreads ?? 0,
        posts: po?.recent ?? 0,
        acceptedAnswers: accepted.get(p.id)?.n ?? 0,
        upheldFlags: up?.recent ?? 0,
        sanctioned: (sanctioned.get(p.id)?.n ?? 0) > 0,
      },
    })
  }
  return activity
}

export type TrustRun = { people: number; promoted: number; demoted: number }

/**
 * The trust job: every person's level from their activity (see levels.ts for the rules and
 * which levels can fall). Writes only the people whose level moves, each with a
 * `user.trust_changed` event, in one transaction.
 */
export function updateTrustLevels(at = now()): TrustRun {
  const activity = readActivity(at)
  const current = prepared(
    'select id, trust_level level, trust_locked locked, trust_changed_at changed from users where deleted_at is null',
  ).all() as { id: number; level: number; locked: number | null; changed: number | null }[]
  const moves: { id: number; from: number; to: TrustLevel }[] = []
  for (const person of current) {
    const a = activity.get(person.id)
    if (!a) continue
    const to = nextLevel({
      current: person.level,
      locked: person.locked,
      earned: earnedLevel(a),
      daysSinceChange: person.changed === null ? null : (at.getTime() - person.changed) / DAY,
    })
    if (to !== person.level) moves.push({ id: person.id, from: person.level, to })
  }
  if (moves.length > 0)
    withEventSource('system', () =>
      write((tx) => {
        const update = prepared(
          'update users set trust_level = ?, trust_changed_at = ? where id = ?',
        )
        for (const m of moves) {
          update.run(m.to, at.getTime(), m.id)
          emit(tx, {
            type: 'user.trust_changed',
            actor: null,
            userId: m.id,
            at,
            data: { from: m.from, to: m.to },
          })
        }
      }),
    )
  return {
    people: current.length,
    promoted: moves.filter((m) => m.to > m.from).length,
    demoted: moves.filter((m) => m.to < m.from).length,
  }
}

export const describeTrustRun = (r: TrustRun) =>
  `${r.people} people: ${r.promoted} promoted, ${r.demoted} demoted`

// --- moderators' controls -------------------------------------------------------------------

/** The optional reason a moderator gives, within its limit. */
function requireReason(reason: string) {
  const why = parseActionReason(reason)
  if (!why.ok) throw new Invalid(why.errors)
  return why.reason
}

function requirePerson(userId: number) {
  const person = db
    .select({
      id: users.id,
      role: users.role,
      trustLevel: users.trustLevel,
      trustLocked: users.trustLocked,
    })
    .from(users)
    .where(and(eq(users.id, userId), sql`${users.deletedAt} is null`))
    .get()
  if (!person) throw new NotFound('user')
  return person
}

/**
 * Locks a person at `level` (0–4; level 4 is only reached this way), or unlocks them (null):
 * the level then follows their activity again from the next run of the job. A lock takes effect
 * at once.
 */
export function lockTrustLevel(actor: Actor, userId: number, level: number | null, reason = '') {
  const person = requirePerson(userId)
  if (!can(actor, 'user.trust', person)) throw new Forbidden('user.trust')
  if (level !== null && (!Number.isInteger(level) || level < 0 || level > 4))
    throw new Invalid({ level: msg('trust.manage.validation.level') })
  const why = requireReason(reason)
  write((tx) => {
    const at = now()
    tx.update(users)
      .set({
        trustLocked: level,
        ...(level !== null ? { trustLevel: clampLevel(level), trustChangedAt: at } : {}),
      })
      .where(eq(users.id, userId))
      .run()
    emit(tx, {
      type: 'user.trust_locked',
      actor,
      userId,
      data: { from: person.trustLevel, locked: level, ...reasonData(why) },
    })
  })
}

/** Makes a member a helper, or a helper a member again (`helper` false). */
export function setHelper(actor: Actor, userId: number, helper: boolean, reason = '') {
  const person = requirePerson(userId)
  if (!can(actor, 'user.helper', person)) throw new Forbidden('user.helper')
  const why = requireReason(reason)
  const to: Role = helper ? 'helper' : 'member'
  if (person.role === to) return
  write((tx) => {
    tx.update(users)
      .set({ role: to })
      .where(and(eq(users.id, userId), inArray(users.role, ['member', 'helper'])))
      .run()
    emit(tx, {
      type: 'user.role_changed',
      actor,
      userId,
      data: { from: person.role, to, ...reasonData(why) },
    })
  })
}
