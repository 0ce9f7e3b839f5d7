/**
 * What each person wants to hear about, per notification type: in the app or not, and by e-mail
 * at once, in a daily digest, or not at all. No row means the type's default below.
 */
import { eq } from 'drizzle-orm'
import {
  notificationPreferences,
  NOTIFICATION_TYPES,
  type DeliveryChoice,
} from '../../../db/schema'
import { db, prepared, write, type Tx } from '../../utils/db.server'
import { Forbidden } from '../../utils/domain-errors'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'

export type NotificationType = (typeof NOTIFICATION_TYPES)[number]
export type Preference = { inApp: boolean; email: DeliveryChoice }

/**
 * What a person would expect without choosing: what is about their own posts, what names them
 * and what staff must act on comes at once; what they merely follow comes once a day.
 */
export const DEFAULT_PREFERENCES: Record<NotificationType, Preference> = {
  'question.answered': { inApp: true, email: 'instant' },
  'answer.accepted': { inApp: true, email: 'instant' },
  'question.closed_duplicate': { inApp: true, email: 'instant' },
  'question.escalated': { inApp: true, email: 'instant' },
  'question.assigned': { inApp: true, email: 'instant' },
  'question.acknowledged': { inApp: true, email: 'instant' },
  'followed.new_question': { inApp: true, email: 'digest' },
  'followed.new_answer': { inApp: true, email: 'digest' },
  mention: { inApp: true, email: 'instant' },
  'moderation.sanctioned': { inApp: true, email: 'instant' },
  'post.hidden_by_flags': { inApp: true, email: 'instant' },
  'question.closed': { inApp: true, email: 'instant' },
  'question.locked': { inApp: true, email: 'instant' },
  'question.merged': { inApp: true, email: 'instant' },
  'template.automation_off': { inApp: true, email: 'instant' },
  'survey.requested': { inApp: true, email: 'instant' },
  'question.accept_reminder': { inApp: true, email: 'instant' },
}

type Reader = Pick<Tx, 'select'>

/**
 * What moderators tell a person about their account or their posts always reaches them, at
 * once: no choice is offered, whatever a stored row or an unsubscribe link says.
 */
export const ALWAYS_SENT: readonly NotificationType[] = [
  'moderation.sanctioned',
  'post.hidden_by_flags',
]
export const isAlwaysSent = (type: string): boolean =>
  (ALWAYS_SENT as readonly string[]).includes(type)

/** One person's choice for one type (the default for a type that is always sent). */
export function getPreference(_reader: Reader, userId: number, type: NotificationType): Preference {
  if (isAlwaysSent(type)) return DEFAULT_PREFERENCES[type]
  // every notification asks: compiled once (see `prepared`)
  const row = prepared(
    'select in_app as inApp, email from notification_preferences where user_id = ? and type = ?',
  ).get(userId, type) as { inApp: number; email: Preference['email'] } | undefined
  return row ? { inApp: row.inApp === 1, email: row.email } : DEFAULT_PREFERENCES[type]
}

/** Every type's choice for one person, defaults filled in, in the order of NOTIFICATION_TYPES. */
export function getPreferences(
  userId: number,
  reader: Reader = db,
): Record<NotificationType, Preference> {
  const rows = reader
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .all()
  const out = { ...DEFAULT_PREFERENCES }
  for (const r of rows) if (!isAlwaysSent(r.type)) out[r.type] = { inApp: r.inApp, email: r.email }
  return out
}

/** Writes the choices that differ from what is stored (defaults are stored too, once chosen). */
export function putPreferences(
  tx: Tx,
  userId: number,
  choices: Partial<Record<NotificationType, Preference>>,
) {
  for (const [type, p] of Object.entries(choices) as [NotificationType, Preference][])
    tx.insert(notificationPreferences)
      .values({ userId, type, inApp: p.inApp, email: p.email })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { inApp: p.inApp, email: p.email },
      })
      .run()
}

/**
 * Saves a person's choices for every type given; only a real change is written and logged
 * (`user.notification_preferences_changed`, with what changed from what).
 */
export function saveNotificationPreferences(
  actor: Actor,
  choices: Partial<Record<NotificationType, Preference>>,
): boolean {
  if (!can(actor, 'account.notifications', null)) throw new Forbidden('account.notifications')
  return write(
    (tx) => {
      const current = getPreferences(actor.id, tx)
      const changed: Partial<Record<NotificationType, Preference>> = {}
      const from: Partial<Record<NotificationType, Preference>> = {}
      for (const [type, p] of Object.entries(choices) as [NotificationType, Preference][]) {
        const was = current[type]
        if (isAlwaysSent(type) || (was.inApp === p.inApp && was.email === p.email)) continue
        changed[type] = p
        from[type] = was
      }
      if (Object.keys(changed).length === 0) return false
      putPreferences(tx, actor.id, changed)
      emit(tx, {
        type: 'user.notification_preferences_changed',
        actor,
        userId: actor.id,
        data: { from, to: changed },
      })
      return true
    },
    { pagesUnchanged: true },
  )
}

/** Escalations and assignments reach only those who work the desk. */
const DESK_TYPES: readonly NotificationType[] = ['question.escalated', 'question.assigned']

/** The types a person has a choice about, in the order the choices page lists them. */
export function choiceTypesFor(actor: Actor): NotificationType[] {
  return NOTIFICATION_TYPES.filter(
    (type) => !isAlwaysSent(type) && (can(actor, 'desk.view', null) || !DESK_TYPES.includes(type)),
  )
}
