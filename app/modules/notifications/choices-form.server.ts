/** The notification choices form, read from what the browser posted. */
import { NOTIFICATION_TYPES, DELIVERY_CHOICES, type DeliveryChoice } from '../../../db/schema'
import type { NotificationType, Preference } from './preferences.server'

export const inAppField = (type: NotificationType) => `inApp:${type}`
export const emailField = (type: NotificationType) => `email:${type}`

/** Every type's choice, or the names of fields that were missing or not one of the choices. */
export function readChoices(
  form: FormData,
  types: readonly NotificationType[] = NOTIFICATION_TYPES,
):
  | { ok: true; choices: Partial<Record<NotificationType, Preference>> }
  | { ok: false; bad: NotificationType[]; values: Record<string, string> } {
  const choices: Partial<Record<NotificationType, Preference>> = {}
  const bad: NotificationType[] = []
  const values: Record<string, string> = {}
  for (const type of types) {
    const email = form.get(emailField(type))
    const inApp = form.get(inAppField(type)) === 'on'
    values[emailField(type)] = typeof email === 'string' ? email.slice(0, 20) : ''
    if (inApp) values[inAppField(type)] = 'on'
    if (typeof email !== 'string' || !(DELIVERY_CHOICES as readonly string[]).includes(email)) {
      bad.push(type)
      continue
    }
    choices[type] = { inApp, email: email as DeliveryChoice }
  }
  return bad.length ? { ok: false, bad, values } : { ok: true, choices }
}
