/**
 * Time on a category's clock: around the clock, or only in its business hours (weekly opening
 * spans and holidays in its time zone). Opening times are wall-clock times in that zone, so a
 * day that loses or gains an hour to daylight saving opens and closes when the shop does.
 */
import { DateTime } from 'luxon'
import type { SlaClock, WeeklyHours } from '../../../db/schema'

export type ClockSpec = {
  clock: SlaClock
  timeZone: string
  weeklyHours: WeeklyHours
  /** Closed dates, `YYYY-MM-DD` in the time zone. */
  holidays: string[]
}

const MINUTE = 60_000
/** How far ahead a business clock looks for opening hours before it gives up (a shop that never opens). */
const MAX_DAYS = 3 * 366

type Span = { start: number; end: number }

function at(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number)
  // "24:00" closes at the start of the next day
  if (hour === 24) return day.plus({ days: 1 }).startOf('day')
  return day.set({ hour, minute, second: 0, millisecond: 0 })
}

/** The opening spans of one local day, as instants; none on a holiday. */
function spansOn(day: DateTime, spec: ClockSpec, holidays: Set<string>): Span[] {
  if (holidays.has(day.toISODate() ?? '')) return []
  const hours = spec.weeklyHours[String(day.weekday) as keyof WeeklyHours] ?? []
  return hours
    .map(([open, close]) => ({ start: at(day, open).toMillis(), end: at(day, close).toMillis() }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start)
}

/** Calls `visit` with each opening span from the local day of `from` on, until it returns false. */
function eachSpan(from: Date, spec: ClockSpec, visit: (span: Span) => boolean): boolean {
  const holidays = new Set(spec.holidays)
  let day = DateTime.fromJSDate(from, { zone: spec.timeZone }).startOf('day')
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const span of spansOn(day, spec, holidays)) if (!visit(span)) return true
    day = day.plus({ days: 1 })
  }
  return false
}

/**
 * The moment `minutes` of the clock have passed after `start`. On a business clock, time outside
 * opening hours does not count: a question asked on Saturday night with a four-hour target is
 * due four opening hours into Monday. Null when the clock never opens.
 */
export function addClockMinutes(start: Date, minutes: number, spec: ClockSpec): Date | null {
  if (spec.clock === 'always') return new Date(start.getTime() + minutes * MINUTE)
  let left = minutes * MINUTE
  let due: number | null = null
  const from = start.getTime()
  eachSpan(start, spec, (span) => {
    const begin = Math.max(span.start, from)
    if (span.end <= begin) return true
    if (begin + left <= span.end) {
      due = begin + left
      return false
    }
    left -= span.end - begin
    return true
  })
  return due === null ? null : new Date(due)
}

/** Minutes of the clock between `from` and `to` (0 when `to` is not later). */
export function clockMinutesBetween(from: Date, to: Date, spec: ClockSpec): number {
  const a = from.getTime()
  const b = to.getTime()
  if (b <= a) return 0
  if (spec.clock === 'always') return (b - a) / MINUTE
  let total = 0
  eachSpan(from, spec, (span) => {
    if (span.start >= b) return false
    const begin = Math.max(span.start, a)
    const end = Math.min(span.end, b)
    if (end > begin) total += end - begin
    return true
  })
  return total / MINUTE
}

/**
 * `clockMinutesBetween` for many pairs of moments inside [from, to]: the opening spans are
 * walked once into a running total, and each pair is two binary searches. The dashboard measures
 * thousands of waits on one category's clock.
 */
export function clockMeter(
  from: Date,
  to: Date,
  spec: ClockSpec,
): (a: number, b: number) => number {
  if (spec.clock === 'always') return (a, b) => Math.max(0, b - a) / MINUTE
  const starts: number[] = []
  const ends: number[] = []
  const before: number[] = []
  let total = 0
  const end = to.getTime()
  eachSpan(from, spec, (span) => {
    if (span.start >= end) return false
    starts.push(span.start)
    ends.push(span.end)
    before.push(total)
    total += span.end - span.start
    return true
  })
  // Open milliseconds from the first span up to `t`.
  const openUntil = (t: number) => {
    let lo = 0
    let hi = starts.length - 1
    let i = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid] <= t) {
        i = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return i < 0 ? 0 : before[i] + Math.min(t, ends[i]) - starts[i]
  }
  return (a, b) => (b <= a ? 0 : (openUntil(b) - openUntil(a)) / MINUTE)
}

/** Whether the clock is running at `when` (always, or inside opening hours). */
export function isOpenAt(when: Date, spec: ClockSpec): boolean {
  if (spec.clock === 'always') return true
  const t = when.getTime()
  const holidays = new Set(spec.holidays)
  const day = DateTime.fromJSDate(when, { zone: spec.timeZone }).startOf('day')
  // a span that runs to 24:00 belongs to the day it started on
  return [day.minus({ days: 1 }), day].some((d) =>
    spansOn(d, spec, holidays).some((s) => s.start <= t && t < s.end),
  )
}

/** `HH:MM` from 00:00 to 24:00. */
export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/
/** `YYYY-MM-DD` that is a real date. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid
}

export function isTimeZone(zone: string): boolean {
  return zone.length <= 64 && DateTime.local().setZone(zone).isValid
}

/** Every time zone this runtime knows, for pickers. */
export function timeZones(): string[] {
  const all = Intl.supportedValuesOf('timeZone')
  return all.includes('UTC') ? all : ['UTC', ...all]
}
