import { z } from 'zod'
import type { MessageKey } from '../../i18n/keys'
import { msg } from '../../i18n/message'

/** Why a post was deleted or hidden: said when it happens, kept in the event log, shown on it. */
export const REMOVAL_REASONS = [
  'spam',
  'abusive',
  'off-topic',
  'duplicate',
  'no-longer-needed',
  'other',
] as const
export type RemovalReason = (typeof REMOVAL_REASONS)[number]

/** Each reason's label, as a translation key: the forms and the removal notice show it. */
export const REMOVAL_REASON_LABELS: Record<RemovalReason, MessageKey> = {
  spam: 'questions.removal.reasons.spam',
  abusive: 'questions.removal.reasons.abusive',
  'off-topic': 'questions.removal.reasons.offTopic',
  duplicate: 'questions.removal.reasons.duplicate',
  'no-longer-needed': 'questions.removal.reasons.noLongerNeeded',
  other: 'questions.removal.reasons.other',
}

export const NOTE_MAX = 300

/** The reason picked in a delete or hide form; "something else" needs a few words. */
export const removalSchema = z
  .object({
    reason: z.enum(REMOVAL_REASONS, {
      errorMap: () => ({ message: msg('questions.removal.chooseReason') }),
    }),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, msg('questions.validation.noteMax', { max: NOTE_MAX }))
      .default(''),
  })
  .refine((r) => r.reason !== 'other' || r.note.length >= 3, {
    message: msg('questions.validation.noteNeeded'),
    path: ['note'],
  })
export type Removal = z.infer<typeof removalSchema>
