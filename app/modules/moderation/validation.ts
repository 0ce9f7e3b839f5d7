import { z } from 'zod'

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

export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  spam: 'Spam or advertising',
  abusive: 'Rude or abusive',
  'off-topic': 'Off-topic for this community',
  duplicate: 'Already asked or answered',
  'no-longer-needed': 'No longer needed',
  other: 'Something else',
}

export const NOTE_MAX = 300

/** The reason picked in a delete or hide form; "something else" needs a few words. */
export const removalSchema = z
  .object({
    reason: z.enum(REMOVAL_REASONS, { errorMap: () => ({ message: 'Choose a reason' }) }),
    note: z.string().trim().max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters`).default(''),
  })
  .refine((r) => r.reason !== 'other' || r.note.length >= 3, {
    message: 'Say in a few words why',
    path: ['note'],
  })
export type Removal = z.infer<typeof removalSchema>
