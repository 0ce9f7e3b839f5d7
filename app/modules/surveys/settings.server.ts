/**
 * How many days after it was solved a thread stops taking new answers (0: never). Staff set it
 * on the dashboard's settings page. Read on every answer form: one primary-key lookup through a
 * compiled statement, so no cache that another process would have to invalidate.
 */
import { settings } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { prepared, write } from '../../utils/db.server'
import { Forbidden, Invalid } from '../../utils/domain-errors'
import { fieldErrorsOf } from '../questions/validation'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { closeSettingsSchema, DEFAULT_SOLVED_CLOSE_DAYS } from './validation'

export const SOLVED_CLOSE_KEY = 'threads.solvedCloseDays'
const DAY = 86_400_000
export function solvedCloseDays(): number {
  const row = prepared('select value from settings where key = ?').get(SOLVED_CLOSE_KEY) as
    { value: string } | undefined
  const parsed = row
    ? closeSettingsSchema.safeParse({ solvedCloseDays: JSON.parse(row.value) })
    : null
  return parsed?.success ? parsed.data.solvedCloseDays : DEFAULT_SOLVED_CLOSE_DAYS
}

/** When a question solved at `solvedAt` stops taking answers; null: it does not. */
export function answersCloseAt(solvedAt: Date | null): Date | null {
  const days = solvedCloseDays()
  if (!solvedAt || days === 0) return null
  return new Date(solvedAt.getTime() + days * DAY)
}

/** Whether a question in this state takes no new answers any more. */
export function answersClosedFor(q: { status?: string; solvedAt?: Date | null }): boolean {
  if (q.status !== 'solved') return false
  const at = answersCloseAt(q.solvedAt ?? null)
  return at !== null && at.getTime() <= now().getTime()
}

export function updateSolvedCloseDays(actor: Actor, input: unknown): number {
  if (!can(actor, 'dashboard.settings', null)) throw new Forbidden('dashboard.settings')
  const parsed = closeSettingsSchema.safeParse(input)
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error))
  const value = parsed.data.solvedCloseDays
  const before = solvedCloseDays()
  write((tx) => {
    tx.insert(settings)
      .values({ key: SOLVED_CLOSE_KEY, value, updatedAt: now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now() } })
      .run()
    emit(tx, {
      type: 'settings.changed',
      actor,
      data: { key: SOLVED_CLOSE_KEY, from: before, to: value },
    })
  })
  return value
}
