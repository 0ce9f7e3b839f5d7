/**
 * What the question page's forms can post, one shape per `intent`. Client-safe: the route
 * lists the intents it takes, and the page's action parses with it.
 */
import { z } from 'zod'

const id = z.coerce.number().int().positive()
const removal = { reason: z.string().max(40).default(''), note: z.string().max(2000).default('') }
// bringing something back takes optional words (the module checks their length), named apart
// from a removal's `reason`, which is one of a list
const why = { why: z.string().max(2000).default('') }

export const questionIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('preview'), body: z.string() }),
  z.object({
    intent: z.literal('answer'),
    body: z.string(),
    submissionKey: z.string().max(100).optional(),
    // the template the answer was written from, when one was inserted
    templateId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
  }),
  z.object({
    intent: z.literal('vote'),
    postType: z.enum(['question', 'answer']),
    postId: id,
    value: z.coerce.number().int().min(-1).max(1),
  }),
  z.object({ intent: z.literal('accept'), answerId: id }),
  z.object({ intent: z.literal('unaccept'), answerId: id }),
  // "I still need help" on an automatic suggestion ("This solved my problem" is 'accept')
  z.object({ intent: z.literal('decline-suggestion'), answerId: id }),
  z.object({ intent: z.literal('close-duplicate'), original: z.string().max(300) }),
  z.object({ intent: z.literal('reopen'), ...why }),
  z.object({ intent: z.literal('delete-question'), ...removal }),
  z.object({ intent: z.literal('hide-question'), ...removal }),
  z.object({ intent: z.literal('unhide-question'), ...why }),
  z.object({ intent: z.literal('restore-question'), ...why }),
  z.object({ intent: z.literal('delete-answer'), answerId: id, ...removal }),
  z.object({ intent: z.literal('hide-answer'), answerId: id, ...removal }),
  z.object({ intent: z.literal('unhide-answer'), answerId: id, ...why }),
  z.object({ intent: z.literal('restore-answer'), answerId: id, ...why }),
  // No answerId: the question itself is flagged.
  z.object({
    intent: z.literal('flag'),
    answerId: id.optional(),
    reason: z.string().max(40).default(''),
    note: z.string().max(2000).default(''),
  }),
])
export type QuestionIntent = z.infer<typeof questionIntent>

/** Every intent the page's forms send: the forged-request tests walk this list. */
export const QUESTION_INTENTS = questionIntent.options.map((o) => o.shape.intent.value)
