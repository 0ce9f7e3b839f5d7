/** Client-safe rules for the flag form and the review queue's forms. */
import { z } from 'zod'
import { FLAG_REASONS, type FlagReason } from '../../../db/schema'
import type { MessageKey } from '../../i18n/keys'
import { msg } from '../../i18n/message'

export { FLAG_REASONS, type FlagReason }

export const FLAG_NOTE_MAX = 500

export const FLAG_REASON_LABELS: Record<FlagReason, MessageKey> = {
  spam: 'flags.reasons.spam',
  rude: 'flags.reasons.rude',
  'off-topic': 'flags.reasons.offTopic',
  'needs-staff': 'flags.reasons.needsStaff',
  other: 'flags.reasons.other',
}

/** Why a post is flagged; "something else" needs a few words. */
export const flagSchema = z
  .object({
    reason: z.enum(FLAG_REASONS, { errorMap: () => ({ message: msg('flags.validation.reason') }) }),
    note: z
      .string()
      .trim()
      .max(FLAG_NOTE_MAX, msg('flags.validation.noteMax', { max: FLAG_NOTE_MAX }))
      .default(''),
  })
  .refine((f) => f.reason !== 'other' || f.note.length >= 3, {
    message: msg('flags.validation.noteNeeded'),
    path: ['note'],
  })
export type FlagInput = z.infer<typeof flagSchema>

export const REVIEW_KINDS = ['question', 'answer'] as const

/** The queue's filters, from the query string; anything unknown falls back to "all". */
export const reviewFilterSchema = z.object({
  reason: z.enum(FLAG_REASONS).optional().catch(undefined),
  kind: z.enum(REVIEW_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type ReviewFilter = z.infer<typeof reviewFilterSchema>

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const removal = { reason: z.string().max(40).default(''), note: z.string().max(2000).default('') }

/** What the queue's forms post, one shape per intent. */
export const reviewIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('claim'), itemId: id }),
  z.object({ intent: z.literal('release'), itemId: id }),
  z.object({ intent: z.literal('approve'), itemId: id }),
  z.object({ intent: z.literal('ignore'), itemId: id }),
  z.object({ intent: z.literal('hide'), itemId: id, ...removal }),
  z.object({ intent: z.literal('delete'), itemId: id, ...removal }),
  z.object({ intent: z.literal('spammer'), itemId: id, reason: z.string().max(2000).default('') }),
  // the reason is optional here (the module checks its length)
  z.object({ intent: z.literal('restore'), itemId: id, reason: z.string().max(2000).default('') }),
])
export type ReviewIntent = z.infer<typeof reviewIntent>
export const REVIEW_INTENTS = reviewIntent.options.map((o) => o.shape.intent.value)
