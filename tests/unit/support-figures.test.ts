import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { clockMeter, clockMinutesBetween, type ClockSpec } from '~/modules/escalation/business-time'
import {
  afterEscalation,
  automatic,
  csat,
  firstResponses,
  resolution,
  states,
  type Clocks,
} from '~/modules/metrics/figures'
import { replayEvents, type EventRow } from '~/modules/metrics/replay'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const T0 = Date.parse('2026-03-02T02:00:00Z') // a Monday, 09:00 in Jakarta

const ASKER = 1
const HELPER = 2
const STAFF = 3
const BOT = 4

/** A history written by hand: one event row. */
function ev(
  type: string,
  questionId: number,
  at: number,
  extra: Partial<Omit<EventRow, 'type' | 'questionId' | 'at'>> = {},
): EventRow {
  return {
    type,
    questionId,
    at,
    answerId: null,
    actorId: null,
    actorRole: null,
    automatic: null,
    ...extra,
  }
}
const asked = (q: number, at: number) =>
  ev('question.created', q, at, { actorId: ASKER, actorRole: 'member' })
const answered = (
  q: number,
  a: number,
  at: number,
  by: number,
  role = 'helper',
  automatic = false,
) =>
  ev('answer.created', q, at, {
    answerId: a,
    actorId: by,
    actorRole: role,
    automatic: automatic ? 1 : null,
  })
const accepted = (q: number, a: number, at: number) =>
  ev('answer.accepted', q, at, { answerId: a, actorId: ASKER, actorRole: 'member' })

/** Rows as the log gives them: grouped by question, in order of time. */
const replay = (rows: EventRow[], category = 0) =>
  replayEvents(
    [...rows].sort((x, y) => x.questionId - y.questionId || x.at - y.at),
    () => category,
  )
const noClocks: Clocks = new Map()

describe('first response time', () => {
  it('counts questions still without a response apart, never dropping them', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 11, T0 + 30 * MINUTE, HELPER),
      asked(2, T0),
      asked(3, T0),
      answered(3, 31, T0 + 90 * MINUTE, HELPER),
    ])
    const [all] = firstResponses(threads, noClocks, null)
    expect(all.always).toEqual({ count: 2, median: 60 * MINUTE, p90: 90 * MINUTE, waiting: 1 })
  })

  it('splits community and staff, and leaves out the asker’s own follow-ups and removed answers', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 10, T0 + 5 * MINUTE, ASKER, 'member'),
      answered(1, 11, T0 + 20 * MINUTE, HELPER),
      answered(1, 12, T0 + 60 * MINUTE, STAFF, 'staff'),
      asked(2, T0),
      answered(2, 21, T0 + 10 * MINUTE, HELPER),
      ev('answer.deleted', 2, T0 + 11 * MINUTE, { answerId: 21 }),
      answered(2, 22, T0 + 40 * MINUTE, STAFF, 'admin'),
    ])
    const rows = Object.fromEntries(
      firstResponses(threads, noClocks, null).map((r) => [r.who, r.always]),
    )
    expect(rows.all).toMatchObject({ count: 2, median: 30 * MINUTE, waiting: 0 })
    expect(rows.community).toMatchObject({ count: 1, median: 20 * MINUTE, waiting: 1 })
    expect(rows.staff).toMatchObject({ count: 2, median: 50 * MINUTE, waiting: 0 })
  })

  it('measures one person’s own first answer when a person is chosen', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 11, T0 + 10 * MINUTE, STAFF, 'staff'),
      answered(1, 12, T0 + 45 * MINUTE, HELPER),
    ])
    const [all] = firstResponses(threads, noClocks, HELPER)
    expect(all.always).toMatchObject({ count: 1, median: 45 * MINUTE })
  })

  it('never counts an answer posted by automation as a response', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 11, T0 + MINUTE, BOT, 'staff', true),
      answered(1, 12, T0 + 2 * HOUR, HELPER),
    ])
    const [all, , staff] = firstResponses(threads, noClocks, null)
    expect(all.always.median).toBe(2 * HOUR)
    expect(staff.always).toMatchObject({ count: 0, waiting: 1 })
  })
})

describe('business hours', () => {
  const weekdays: ClockSpec = {
    clock: 'business',
    timeZone: 'Asia/Jakarta',
    weeklyHours: Object.fromEntries(
      ['1', '2', '3', '4', '5'].map((d) => [d, [['09:00', '17:00']]]),
    ),
    holidays: [],
  }
  const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis()

  it('stop over a weekend: Friday 16:00 to Monday 10:00 is two hours of the shop’s time', () => {
    const q = local('2026-03-06T16:00', 'Asia/Jakarta')
    const a = local('2026-03-09T10:00', 'Asia/Jakarta')
    const clocks: Clocks = new Map([
      [7, clockMeter(new Date(q - 7 * 24 * HOUR), new Date(a + HOUR), weekdays)],
    ])
    const threads = replay([asked(1, q), answered(1, 11, a, HELPER)], 7)
    const [all] = firstResponses(threads, clocks, null)
    expect(all.always.median).toBe(66 * HOUR)
    expect(all.business.median).toBe(2 * HOUR)
  })

  it('follow the wall clock across a daylight-saving change, as the escalation clock does', () => {
    const zone = 'Europe/Amsterdam' // clocks go forward on Sunday 29 March 2026
    const everyDay: ClockSpec = {
      clock: 'business',
      timeZone: zone,
      weeklyHours: Object.fromEntries(
        ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['09:00', '17:00']]]),
      ),
      holidays: [],
    }
    const q = local('2026-03-28T16:00', zone)
    const a = local('2026-03-30T10:00', zone)
    const meter = clockMeter(new Date(q - 24 * HOUR), new Date(a + HOUR), everyDay)
    // Saturday 1 h + Sunday 8 h + Monday 1 h; around the clock, the night lost an hour.
    expect(meter(q, a)).toBe(10 * 60)
    expect(meter(q, a)).toBe(clockMinutesBetween(new Date(q), new Date(a), everyDay))
    expect(a - q).toBe(41 * HOUR)
    const threads = replay([asked(1, q), answered(1, 11, a, HELPER)], 3)
    const [all] = firstResponses(threads, new Map([[3, meter]]), null)
    expect(all.business.median).toBe(10 * HOUR)
  })

  it('agree with the escalation clock on many pairs, holidays included', () => {
    const spec = { ...weekdays, holidays: ['2026-03-19'] }
    const from = new Date(local('2026-03-01T00:00', 'Asia/Jakarta'))
    const meter = clockMeter(from, new Date(from.getTime() + 40 * 24 * HOUR), spec)
    for (let i = 0; i < 60; i++) {
      const a = from.getTime() + i * 13 * HOUR + 7 * MINUTE
      const b = a + (i % 9) * 11 * HOUR
      expect(meter(a, b)).toBeCloseTo(clockMinutesBetween(new Date(a), new Date(b), spec), 6)
    }
  })
})

describe('the other figures', () => {
  it('first staff response after escalation: from the first escalation to staff’s next answer', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 11, T0 + HOUR, STAFF, 'staff'), // before the escalation: does not count
      ev('question.escalated', 1, T0 + 5 * HOUR),
      answered(1, 12, T0 + 6 * HOUR, HELPER),
      answered(1, 13, T0 + 7 * HOUR, STAFF, 'staff'),
      asked(2, T0),
      ev('question.escalated', 2, T0 + 4 * HOUR),
      asked(3, T0),
    ])
    expect(afterEscalation(threads)).toEqual({
      count: 1,
      median: 2 * HOUR,
      p90: 2 * HOUR,
      waiting: 1,
    })
  })

  it('time to resolution uses the acceptance in force at the end, not an undone or removed one', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 11, T0 + HOUR, HELPER),
      accepted(1, 11, T0 + 3 * HOUR),
      asked(2, T0),
      answered(2, 21, T0 + HOUR, HELPER),
      accepted(2, 21, T0 + 2 * HOUR),
      ev('answer.unaccepted', 2, T0 + 3 * HOUR, { answerId: 21 }),
      asked(3, T0),
      answered(3, 31, T0 + HOUR, HELPER),
      accepted(3, 31, T0 + 2 * HOUR),
      ev('answer.hidden', 3, T0 + 4 * HOUR, { answerId: 31 }),
      asked(4, T0),
      ev('question.closed', 4, T0 + HOUR),
    ])
    expect(resolution(threads, null)).toEqual({
      count: 1,
      median: 3 * HOUR,
      p90: 3 * HOUR,
      waiting: 2,
    })
    // Question 3's only answer is hidden: no response at all any more.
    expect(states(threads)).toEqual({ open: 1, answered: 1, solved: 1, closed: 1 })
  })

  it('automatic resolution rate: solved by an answer that automation posted ÷ all solved', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 11, T0 + MINUTE, BOT, 'staff', true),
      accepted(1, 11, T0 + HOUR),
      asked(2, T0),
      answered(2, 21, T0 + HOUR, HELPER),
      accepted(2, 21, T0 + 2 * HOUR),
      asked(3, T0),
      answered(3, 31, T0 + MINUTE, BOT, 'staff', true),
      asked(4, T0),
      answered(4, 41, T0 + MINUTE, BOT, 'staff', true),
      accepted(4, 41, T0 + HOUR),
    ])
    expect(automatic(threads)).toEqual({ solved: 3, automatic: 2, rate: 2 / 3 })
    // The automatic answer on question 3 was no response: it is still open.
    expect(states(threads)).toMatchObject({ open: 1, solved: 3 })
  })

  it('removed questions leave every figure', () => {
    const threads = replay([
      asked(1, T0),
      answered(1, 11, T0 + HOUR, HELPER),
      ev('question.hidden', 1, T0 + 2 * HOUR),
      asked(2, T0),
      ev('question.deleted', 2, T0 + HOUR),
      ev('question.restored', 2, T0 + 2 * HOUR),
    ])
    expect(threads.map((h) => h.questionId)).toEqual([2])
  })

  it('CSAT: answers rating 4–5 ÷ all answers, the newest answer of a question counting', () => {
    const H = HOUR
    expect(
      csat([
        { questionId: 1, rating: 2, at: T0 },
        { questionId: 1, rating: 5, at: T0 + H },
        { questionId: 2, rating: 3, at: T0 },
        { questionId: 3, rating: 4, at: T0 + 2 * H },
        { questionId: 3, rating: 1, at: T0 + 3 * H },
      ]),
    ).toEqual({ count: 3, satisfied: 1, rate: 1 / 3, byRating: [1, 0, 1, 0, 1] })
    expect(csat([])).toEqual({ count: 0, satisfied: 0, rate: null, byRating: [0, 0, 0, 0, 0] })
  })
})
