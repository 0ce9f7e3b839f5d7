/**
 * Client-safe rules for the escalation forms: a category's response target, the on-call rota,
 * its overrides, and escalating a question by hand.
 */
import { z } from 'zod'
import { SLA_CLOCKS, type WeeklyHours } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { isIsoDate, isTimeZone, TIME_OF_DAY } from './business-time'

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const
export const MAX_HOLIDAYS = 100
export const MAX_ROTA_MEMBERS = 50
export const ESCALATION_REASON_MAX = 500
export const OVERRIDE_REASON_MAX = 200
const MAX_TARGET_MINUTES = 30 * 24 * 60
const MAX_LEVEL2_MINUTES = 7 * 24 * 60

export type SlaSettings = {
  firstResponseMinutes: number
  level2DelayMinutes: number
  clock: (typeof SLA_CLOCKS)[number]
  timeZone: string
  weeklyHours: WeeklyHours
  holidays: string[]
}

/** The demo shop's promise: four opening hours, Monday to Saturday 08:00–20:00 in Jakarta. */
export const DEFAULT_SLA: SlaSettings = {
  firstResponseMinutes: 4 * 60,
  level2DelayMinutes: 60,
  clock: 'business',
  timeZone: 'Asia/Jakarta',
  weeklyHours: Object.fromEntries(
    WEEKDAYS.slice(0, 6).map((d) => [d, [['08:00', '20:00']]]),
  ) as WeeklyHours,
  holidays: [],
}

const whole = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, msg('escalation.validation.wholeNumber'))
    .transform(Number)
    .pipe(z.number().max(max, msg('escalation.validation.wholeNumber')))

const timeZone = z.string().trim().refine(isTimeZone, msg('escalation.validation.timeZone'))

const time = z.string().trim().regex(TIME_OF_DAY, msg('escalation.validation.time'))

/** The SLA form, field by field as the page names them. */
export function parseSlaForm(form: Record<string, string | undefined>) {
  const errors: Record<string, string> = {}
  const field = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(form[name] ?? '')
    if (parsed.success) return parsed.data
    errors[name] = parsed.error.issues[0].message
    return undefined
  }
  const targetHours = field('targetHours', whole(MAX_TARGET_MINUTES / 60))
  const targetMinutes = field('targetMinutes', whole(59))
  const level2Hours = field('level2Hours', whole(MAX_LEVEL2_MINUTES / 60))
  const level2Minutes = field('level2Minutes', whole(59))
  const clock = field(
    'clock',
    z.enum(SLA_CLOCKS, { message: msg('escalation.validation.chooseClock') }),
  )
  const zone = field('timeZone', timeZone)

  const firstResponseMinutes = (targetHours ?? 0) * 60 + (targetMinutes ?? 0)
  if (targetHours !== undefined && targetMinutes !== undefined)
    if (firstResponseMinutes < 5 || firstResponseMinutes > MAX_TARGET_MINUTES)
      errors.targetHours = msg('escalation.validation.targetRange')
  const level2DelayMinutes = (level2Hours ?? 0) * 60 + (level2Minutes ?? 0)
  if (level2Hours !== undefined && level2Minutes !== undefined)
    if (level2DelayMinutes < 5 || level2DelayMinutes > MAX_LEVEL2_MINUTES)
      errors.level2Hours = msg('escalation.validation.level2Range')

  const weeklyHours: WeeklyHours = {}
  for (const day of WEEKDAYS) {
    // a day ticked closed, or with neither time filled in, is closed
    if (form[`closed-${day}`] || (!form[`open-${day}`]?.trim() && !form[`close-${day}`]?.trim()))
      continue
    const open = field(`open-${day}`, time)
    const close = field(`close-${day}`, time)
    if (open === undefined || close === undefined) continue
    if (close <= open) errors[`close-${day}`] = msg('escalation.validation.closeAfterOpen')
    else weeklyHours[day] = [[open, close]]
  }
  const hourErrors = Object.keys(errors).some(
    (k) => k.startsWith('open-') || k.startsWith('close-'),
  )
  if (clock === 'business' && Object.keys(weeklyHours).length === 0 && !hourErrors)
    errors.weeklyHours = msg('escalation.validation.noHours')

  const lines = (form.holidays ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  if (lines.length > MAX_HOLIDAYS)
    errors.holidays = msg('escalation.validation.holidays', { max: MAX_HOLIDAYS })
  else {
    const bad = lines.find((l) => !isIsoDate(l))
    if (bad) errors.holidays = msg('escalation.validation.holidayLine', { line: bad.slice(0, 40) })
  }

  if (Object.keys(errors).length > 0) return { ok: false as const, fieldErrors: errors }
  return {
    ok: true as const,
    settings: {
      firstResponseMinutes,
      level2DelayMinutes,
      clock: clock!,
      timeZone: zone!,
      weeklyHours,
      holidays: [...new Set(lines)].sort(),
    } satisfies SlaSettings,
  }
}

export const rotaSchema = z.object({
  memberIds: z
    .array(z.number().int().positive())
    .max(MAX_ROTA_MEMBERS, msg('escalation.validation.members', { max: MAX_ROTA_MEMBERS })),
  timeZone,
  handoffWeekday: z.coerce
    .number({ message: msg('escalation.validation.weekday') })
    .int(msg('escalation.validation.weekday'))
    .min(1, msg('escalation.validation.weekday'))
    .max(7, msg('escalation.validation.weekday')),
  handoffTime: z
    .string()
    .trim()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, msg('escalation.validation.time')),
  rotationDays: z.coerce
    .number({ message: msg('escalation.validation.rotationDays') })
    .int(msg('escalation.validation.rotationDays'))
    .min(1, msg('escalation.validation.rotationDays'))
    .max(28, msg('escalation.validation.rotationDays')),
  startsOn: z.string().trim().refine(isIsoDate, msg('escalation.validation.date')),
})
export type RotaInput = z.infer<typeof rotaSchema>

/** `YYYY-MM-DDTHH:MM` as a datetime-local field sends it (a space is accepted too). */
export const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/

export const overrideSchema = z.object({
  userId: z.coerce.number().int().positive(msg('escalation.validation.notStaff')),
  startsAt: z.string().trim().regex(LOCAL_DATE_TIME, msg('escalation.validation.dateTime')),
  endsAt: z.string().trim().regex(LOCAL_DATE_TIME, msg('escalation.validation.dateTime')),
  reason: z
    .string()
    .trim()
    .max(
      OVERRIDE_REASON_MAX,
      msg('escalation.validation.reasonTooLong', { max: OVERRIDE_REASON_MAX }),
    ),
})

export const escalateSchema = z.object({
  reason: z
    .string({ message: msg('escalation.validation.reasonRequired') })
    .trim()
    .min(3, msg('escalation.validation.reasonRequired'))
    .max(
      ESCALATION_REASON_MAX,
      msg('escalation.validation.reasonTooLong', { max: ESCALATION_REASON_MAX }),
    ),
})
