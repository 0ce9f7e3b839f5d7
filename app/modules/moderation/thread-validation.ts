/**
 * The "Moderate thread" forms on the question page, one shape per `intent`. Client-safe: the
 * route lists these intents and parses with them; the module checks the words.
 */
import { z } from 'zod'
import { msg } from '../../i18n/message'
import { tagsField } from '../questions/validation'

/** Why a thread is closed, besides duplicates (those name their original instead). */
export const CLOSE_FOR = ['off-topic', 'resolved-elsewhere', 'needs-details'] as const
export type CloseFor = (typeof CLOSE_FOR)[number]

export const MODERATION_NOTE_MAX = 300

const note = z.string().max(MODERATION_NOTE_MAX).default('')

export const threadModerationIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('lock'), lockNote: note }),
  z.object({ intent: z.literal('unlock'), unlockReason: z.string().max(2000).default('') }),
  z.object({ intent: z.literal('close'), closeReason: z.string().max(40), closeNote: note }),
  z.object({ intent: z.literal('move'), moveTo: z.string().max(60), moveNote: note }),
  z.object({ intent: z.literal('retag'), retagTags: z.string().max(200), retagNote: note }),
  z.object({ intent: z.literal('merge'), mergeInto: z.string().max(300), mergeNote: note }),
])
export type ThreadModerationIntent = z.infer<typeof threadModerationIntent>

/** Every intent of the thread tools: the forged-request tests walk this list. */
export const THREAD_MODERATION_INTENTS = threadModerationIntent.options.map(
  (o) => o.shape.intent.value,
)

const trimmedNote = (min: number) =>
  z
    .string()
    .trim()
    .min(min, msg('audit.thread.noteNeeded'))
    .max(MODERATION_NOTE_MAX, msg('questions.validation.noteMax', { max: MODERATION_NOTE_MAX }))

/** A lock takes answers and edits away: it says why, in a few words at least. */
export const lockSchema = z.object({ note: trimmedNote(3) })
export const closeSchema = z.object({
  reason: z.enum(CLOSE_FOR, { errorMap: () => ({ message: msg('audit.thread.chooseReason') }) }),
  note: trimmedNote(0),
})
export const moveSchema = z.object({
  category: z.string().min(1, msg('questions.validation.chooseCategory')).max(60),
  note: trimmedNote(0),
})
export const retagSchema = z.object({ tags: tagsField(1), note: trimmedNote(0) })
