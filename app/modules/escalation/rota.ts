/**
 * Who is on call at a given moment. Staff take turns in order, each for `rotationDays`, handing
 * off at `handoffTime` on the rota's local calendar: the hand-off happens at that wall-clock time
 * in the rota's zone whatever daylight saving does, so a week across a change is an hour shorter
 * or longer, never a person's shift moved. An override (a holiday cover, a swap) beats the rota
 * for its span; when overrides overlap, the newest wins.
 */
import { DateTime } from 'luxon'

export type RotaSpec = {
  memberIds: number[]
  timeZone: string
  /** ISO weekday of the hand-off, 1 Monday … 7 Sunday. */
  handoffWeekday: number
  /** `HH:MM` in the rota's zone. */
  handoffTime: string
  rotationDays: number
  /** `YYYY-MM-DD`: the first hand-off is on the first `handoffWeekday` from this date. */
  startsOn: string
}

export type RotaOverride = { id: number; userId: number; startsAt: Date; endsAt: Date }

export type OnCallShift = {
  userId: number
  from: Date
  until: Date
  /** Set when an override, not the rota, puts this person on call. */
  overrideId: number | null
}

function firstHandoff(rota: RotaSpec): DateTime {
  const [hour, minute] = rota.handoffTime.split(':').map(Number)
  let day = DateTime.fromISO(rota.startsOn, { zone: rota.timeZone })
  day = day.plus({ days: (rota.handoffWeekday - day.weekday + 7) % 7 })
  return day.set({ hour, minute, second: 0, millisecond: 0 })
}

/** The k-th hand-off (k may be negative: the turns before the first one, counted backwards). */
function handoff(first: DateTime, rota: RotaSpec, k: number): number {
  return first.plus({ days: k * rota.rotationDays }).toMillis()
}

/** The rota's shift at `when`, ignoring overrides. */
export function rotaShiftAt(rota: RotaSpec, when: Date): OnCallShift | null {
  const n = rota.memberIds.length
  if (n === 0 || rota.rotationDays < 1) return null
  const first = firstHandoff(rota)
  const t = when.getTime()
  const length = rota.rotationDays * 86_400_000
  let k = Math.floor((t - first.toMillis()) / length)
  // daylight saving makes a turn an hour shorter or longer: settle on the exact one
  while (handoff(first, rota, k) > t) k--
  while (handoff(first, rota, k + 1) <= t) k++
  return {
    userId: rota.memberIds[((k % n) + n) % n],
    from: new Date(handoff(first, rota, k)),
    until: new Date(handoff(first, rota, k + 1)),
    overrideId: null,
  }
}

/** Who is on call at `when`, overrides included; null when the rota is empty. */
export function onCallAt(
  rota: RotaSpec | null,
  overrides: RotaOverride[],
  when: Date,
): OnCallShift | null {
  const t = when.getTime()
  const covering = overrides
    .filter((o) => o.startsAt.getTime() <= t && t < o.endsAt.getTime())
    .sort((a, b) => b.id - a.id)[0]
  // the next moment something changes: a newer override starting inside this shift cuts it short
  const cutBy = (until: number, newerThan: number) =>
    Math.min(
      until,
      ...overrides
        .filter((o) => o.id > newerThan && o.startsAt.getTime() > t)
        .map((o) => o.startsAt.getTime()),
    )
  if (covering) {
    const until = cutBy(covering.endsAt.getTime(), covering.id)
    return {
      userId: covering.userId,
      from: covering.startsAt,
      until: new Date(until),
      overrideId: covering.id,
    }
  }
  const shift = rota ? rotaShiftAt(rota, when) : null
  if (!shift) return null
  return { ...shift, until: new Date(cutBy(shift.until.getTime(), 0)) }
}

/** The next `count` shifts from `when` on (the current one first), overrides included. */
export function upcomingShifts(
  rota: RotaSpec | null,
  overrides: RotaOverride[],
  when: Date,
  count: number,
): OnCallShift[] {
  const shifts: OnCallShift[] = []
  let cursor = when
  for (let i = 0; i < count; i++) {
    const shift = onCallAt(rota, overrides, cursor)
    if (!shift) {
      // nobody on the rota: only overrides can put someone on call, so skip to the next one
      const next = overrides
        .map((o) => o.startsAt)
        .filter((s) => s.getTime() > cursor.getTime())
        .sort((a, b) => a.getTime() - b.getTime())[0]
      if (!next) break
      cursor = next
      continue
    }
    const last = shifts.at(-1)
    if (last && last.userId === shift.userId && last.overrideId === shift.overrideId) {
      last.until = shift.until
      count++
    } else shifts.push(shift)
    if (shift.until.getTime() <= cursor.getTime()) break
    cursor = shift.until
    if (count > 200) break
  }
  return shifts
}
