import { describe, expect, it } from 'vitest'
import {
  addClockMinutes,
  clockMinutesBetween,
  isOpenAt,
  type ClockSpec,
} from '~/modules/escalation/business-time'
import { onCallAt, rotaShiftAt, upcomingShifts, type RotaSpec } from '~/modules/escalation/rota'
import { DEFAULT_SLA, parseSlaForm } from '~/modules/escalation/validation'

const shop: ClockSpec = {
  clock: 'business',
  timeZone: 'Asia/Jakarta',
  weeklyHours: DEFAULT_SLA.weeklyHours,
  holidays: [],
}
const iso = (d: Date | null) => d?.toISOString()

describe('the SLA clock', () => {
  it('counts every minute around the clock', () => {
    const start = new Date('2026-03-07T12:00:00Z')
    const spec: ClockSpec = { ...shop, clock: 'always' }
    expect(iso(addClockMinutes(start, 240, spec))).toBe('2026-03-07T16:00:00.000Z')
    expect(clockMinutesBetween(start, new Date('2026-03-08T12:00:00Z'), spec)).toBe(1440)
  })

  it('counts only opening hours: Saturday evening to Monday morning skips the closed Sunday', () => {
    // Saturday 19:00 in Jakarta (UTC+7): one hour before closing, then Monday from 08:00
    const saturdayEvening = new Date('2026-03-07T12:00:00Z')
    expect(iso(addClockMinutes(saturdayEvening, 240, shop))).toBe('2026-03-09T04:00:00.000Z')
    expect(clockMinutesBetween(saturdayEvening, new Date('2026-03-09T04:00:00Z'), shop)).toBe(240)
  })

  it('starts counting at opening time when asked at night', () => {
    // Tuesday 02:00 Jakarta: the clock starts at 08:00
    expect(iso(addClockMinutes(new Date('2026-03-09T19:00:00Z'), 60, shop))).toBe(
      '2026-03-10T02:00:00.000Z',
    )
  })

  it('skips holidays', () => {
    const withHoliday = { ...shop, holidays: ['2026-03-09'] }
    expect(iso(addClockMinutes(new Date('2026-03-07T12:00:00Z'), 240, withHoliday))).toBe(
      '2026-03-10T04:00:00.000Z',
    )
  })

  it('follows the wall clock across daylight saving: a night that loses or gains an hour', () => {
    const nights: ClockSpec = {
      clock: 'business',
      timeZone: 'Europe/Berlin',
      weeklyHours: { '7': [['00:00', '06:00']] },
      holidays: [],
    }
    // 29 March 2026: clocks go forward at 02:00, so 00:00–06:00 is five hours
    expect(
      clockMinutesBetween(
        new Date('2026-03-28T00:00:00Z'),
        new Date('2026-03-30T00:00:00Z'),
        nights,
      ),
    ).toBe(300)
    // 25 October 2026: clocks go back at 03:00, so 00:00–06:00 is seven hours
    expect(
      clockMinutesBetween(
        new Date('2026-10-24T00:00:00Z'),
        new Date('2026-10-26T00:00:00Z'),
        nights,
      ),
    ).toBe(420)
    // New York's spring change on Sunday 8 March: Friday 16:00 EST plus two office hours is
    // Monday 10:00 EDT, 14:00 UTC (15:00 UTC if the offset had not moved)
    const office: ClockSpec = {
      clock: 'business',
      timeZone: 'America/New_York',
      weeklyHours: Object.fromEntries(
        ['1', '2', '3', '4', '5'].map((d) => [d, [['09:00', '17:00']]]),
      ),
      holidays: [],
    }
    expect(iso(addClockMinutes(new Date('2026-03-06T21:00:00Z'), 120, office))).toBe(
      '2026-03-09T14:00:00.000Z',
    )
  })

  it('knows when it is open, 24:00 closing included', () => {
    const lateShop: ClockSpec = { ...shop, weeklyHours: { '1': [['20:00', '24:00']] } }
    expect(isOpenAt(new Date('2026-03-09T16:59:00Z'), lateShop)).toBe(true) // Mon 23:59 Jakarta
    expect(isOpenAt(new Date('2026-03-09T17:00:00Z'), lateShop)).toBe(false) // Tue 00:00
    expect(isOpenAt(new Date('2026-03-08T03:00:00Z'), shop)).toBe(false) // Sunday
  })

  it('returns null for a clock that never opens', () => {
    expect(addClockMinutes(new Date(), 60, { ...shop, weeklyHours: {} })).toBeNull()
  })
})

describe('the SLA form', () => {
  const valid = {
    targetHours: '4',
    targetMinutes: '0',
    level2Hours: '1',
    level2Minutes: '30',
    clock: 'business',
    timeZone: 'Asia/Jakarta',
    'open-1': '08:00',
    'close-1': '20:00',
    'closed-2': 'on',
    'closed-3': 'on',
    'closed-4': 'on',
    'closed-5': 'on',
    'closed-6': 'on',
    'closed-7': 'on',
    holidays: '2026-12-25\n2026-12-25\n2026-01-01',
  }

  it('reads a valid form', () => {
    const parsed = parseSlaForm(valid)
    expect(parsed).toEqual({
      ok: true,
      settings: {
        firstResponseMinutes: 240,
        level2DelayMinutes: 90,
        clock: 'business',
        timeZone: 'Asia/Jakarta',
        weeklyHours: { '1': [['08:00', '20:00']] },
        holidays: ['2026-01-01', '2026-12-25'],
      },
    })
  })

  it('names every wrong field', () => {
    const parsed = parseSlaForm({
      ...valid,
      targetHours: '0',
      targetMinutes: '2',
      timeZone: 'Mars/Olympus',
      'close-1': '07:00',
      holidays: 'next friday',
    })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(
      ['close-1', 'holidays', 'targetHours', 'timeZone'].sort(),
    )
  })

  it('refuses business hours with no open day', () => {
    const closedAllWeek = { ...valid, 'closed-1': 'on' }
    const parsed = parseSlaForm(closedAllWeek)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.fieldErrors.weeklyHours).toBeTruthy()
    expect(parseSlaForm({ ...closedAllWeek, clock: 'always' }).ok).toBe(true)
  })
})

describe('the on-call rota', () => {
  const rota: RotaSpec = {
    memberIds: [11, 12, 13],
    timeZone: 'Asia/Jakarta',
    handoffWeekday: 1,
    handoffTime: '09:00',
    rotationDays: 7,
    startsOn: '2026-03-01', // a Sunday: the first hand-off is Monday 2 March, 09:00
  }

  it('hands off exactly at the boundary in the rota’s zone', () => {
    const handoff = new Date('2026-03-02T02:00:00Z') // 09:00 Jakarta
    expect(rotaShiftAt(rota, new Date(handoff.getTime() - 1))?.userId).toBe(13)
    expect(rotaShiftAt(rota, handoff)).toEqual({
      userId: 11,
      from: handoff,
      until: new Date('2026-03-09T02:00:00Z'),
      overrideId: null,
    })
    expect(rotaShiftAt(rota, new Date('2026-03-09T02:00:00Z'))?.userId).toBe(12)
    expect(rotaShiftAt(rota, new Date('2026-03-23T01:59:59Z'))?.userId).toBe(13)
    expect(rotaShiftAt(rota, new Date('2026-03-23T02:00:00Z'))?.userId).toBe(11)
  })

  it('keeps the hand-off at 09:00 local across a daylight-saving change', () => {
    const berlin = { ...rota, timeZone: 'Europe/Berlin' }
    // Monday 23 March 09:00 CET is 08:00 UTC; Monday 30 March 09:00 CEST is 07:00 UTC
    // turns: 2 March 11, 9 March 12, 16 March 13, 23 March 11, 30 March 12
    expect(rotaShiftAt(berlin, new Date('2026-03-30T06:59:59Z'))?.userId).toBe(11)
    const shift = rotaShiftAt(berlin, new Date('2026-03-30T07:00:00Z'))
    expect(shift?.userId).toBe(12)
    expect(shift?.from.toISOString()).toBe('2026-03-30T07:00:00.000Z')
    expect(rotaShiftAt(berlin, new Date('2026-03-27T12:00:00Z'))?.until.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    )
  })

  it('lets overrides beat the rota, the newest winning, and cut a shift short', () => {
    const holiday = {
      id: 1,
      userId: 12,
      startsAt: new Date('2026-03-04T00:00:00Z'),
      endsAt: new Date('2026-03-06T00:00:00Z'),
    }
    const swap = {
      id: 2,
      userId: 13,
      startsAt: new Date('2026-03-05T00:00:00Z'),
      endsAt: new Date('2026-03-05T12:00:00Z'),
    }
    const overrides = [holiday, swap]
    expect(onCallAt(rota, overrides, new Date('2026-03-03T00:00:00Z'))).toMatchObject({
      userId: 11,
      until: holiday.startsAt,
    })
    expect(onCallAt(rota, overrides, new Date('2026-03-04T01:00:00Z'))).toMatchObject({
      userId: 12,
      overrideId: 1,
      until: swap.startsAt,
    })
    expect(onCallAt(rota, overrides, new Date('2026-03-05T06:00:00Z'))?.userId).toBe(13)
    expect(onCallAt(rota, overrides, new Date('2026-03-05T12:00:00Z'))?.userId).toBe(12)
    expect(onCallAt(rota, overrides, new Date('2026-03-06T00:00:00Z'))?.userId).toBe(11)
    expect(onCallAt(null, [], new Date())).toBeNull()
    expect(onCallAt(null, [holiday], new Date('2026-03-04T01:00:00Z'))?.userId).toBe(12)
  })

  it('lists the coming turns in order', () => {
    const turns = upcomingShifts(rota, [], new Date('2026-03-03T00:00:00Z'), 4)
    expect(turns.map((t) => t.userId)).toEqual([11, 12, 13, 11])
    expect(turns[1].from.toISOString()).toBe('2026-03-09T02:00:00.000Z')
  })
})
