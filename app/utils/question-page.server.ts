/**
 * What the question page's form posts can ask for, one module call each. The route parses the
 * form with `questionIntent` and hands it here; everything thrown by a module is mapped to
 * HTTP in one place (route-errors.server.ts).
 */
import { json, redirect } from '@remix-run/node'
import { z } from 'zod'
import { acceptAnswer, createAnswer, unacceptAnswer } from '../modules/answers/answers.server'
import type { SessionUser } from '../modules/auth/auth.server'
import {
  deleteAnswer,
  deleteQuestion,
  hideAnswer,
  hideQuestion,
  restoreAnswer,
  restoreQuestion,
  unhideAnswer,
  unhideQuestion,
} from '../modules/moderation/posts.server'
import { removalSchema } from '../modules/moderation/validation'
import { atLeast } from '../modules/policy/policy'
import { closeAsDuplicate, reopenQuestion } from '../modules/questions/closing.server'
import { answerSchema, fieldErrorsOf } from '../modules/questions/validation'
import { castVote } from '../modules/votes/votes.server'
import { invalid } from './http.server'
import { renderPreview } from './preview.server'

const id = z.coerce.number().int().positive()
const removal = { reason: z.string().max(40).default(''), note: z.string().max(2000).default('') }

export const questionIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('preview'), body: z.string() }),
  z.object({
    intent: z.literal('answer'),
    body: z.string(),
    submissionKey: z.string().max(100).optional(),
  }),
  z.object({
    intent: z.literal('vote'),
    postType: z.enum(['question', 'answer']),
    postId: id,
    value: z.coerce.number().int().min(-1).max(1),
  }),
  z.object({ intent: z.literal('accept'), answerId: id }),
  z.object({ intent: z.literal('unaccept'), answerId: id }),
  z.object({ intent: z.literal('close-duplicate'), original: z.string().max(300) }),
  z.object({ intent: z.literal('reopen') }),
  z.object({ intent: z.literal('delete-question'), ...removal }),
  z.object({ intent: z.literal('hide-question'), ...removal }),
  z.object({ intent: z.literal('unhide-question') }),
  z.object({ intent: z.literal('restore-question') }),
  z.object({ intent: z.literal('delete-answer'), answerId: id, ...removal }),
  z.object({ intent: z.literal('hide-answer'), answerId: id, ...removal }),
  z.object({ intent: z.literal('unhide-answer'), answerId: id }),
  z.object({ intent: z.literal('restore-answer'), answerId: id }),
])
export type QuestionIntent = z.infer<typeof questionIntent>
/** Every intent the page's forms send: the forged-request tests walk this list. */
export const QUESTION_INTENTS = questionIntent.options.map((o) => o.shape.intent.value)

/** A removal's reason, or the form back with what is missing (`target` says which form). */
function parseRemoval(input: { reason: string; note: string }, target: string) {
  const parsed = removalSchema.safeParse(input)
  if (parsed.success) return { ok: true as const, removal: parsed.data }
  return {
    ok: false as const,
    reply: invalid(fieldErrorsOf(parsed.error), { ...input, removalTarget: target }),
  }
}

export async function handleQuestionIntent(
  user: SessionUser,
  questionId: number,
  here: string,
  input: QuestionIntent,
) {
  switch (input.intent) {
    case 'preview':
      return json({
        ok: false as const,
        fieldErrors: {},
        values: { body: input.body },
        preview: await renderPreview(input.body),
      })
    case 'answer': {
      const answer = answerSchema.safeParse({ body: input.body })
      if (!answer.success) return invalid(fieldErrorsOf(answer.error), { body: input.body })
      const answerId = await createAnswer(user, questionId, answer.data.body, input.submissionKey)
      return redirect(`${here}#answer-${answerId}`)
    }
    case 'vote':
      castVote(user, input.postType, input.postId, input.value as -1 | 0 | 1)
      return redirect(here)
    case 'accept':
      acceptAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'unaccept':
      unacceptAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'close-duplicate': {
      const closed = closeAsDuplicate(user, questionId, input.original)
      if (!closed.ok) return invalid({ original: closed.message }, { original: input.original })
      return redirect(here)
    }
    case 'reopen':
      reopenQuestion(user, questionId)
      return redirect(here)
    case 'delete-question': {
      const parsed = parseRemoval(input, 'question')
      if (!parsed.ok) return parsed.reply
      deleteQuestion(user, questionId, parsed.removal)
      // Moderators stay and see the deleted banner (with Restore); the asker's page is gone.
      return redirect(atLeast(user, 'moderator') ? here : '/questions?deleted=1')
    }
    case 'hide-question': {
      const parsed = parseRemoval(input, 'question')
      if (!parsed.ok) return parsed.reply
      hideQuestion(user, questionId, parsed.removal)
      return redirect(here)
    }
    case 'unhide-question':
      unhideQuestion(user, questionId)
      return redirect(here)
    case 'restore-question':
      restoreQuestion(user, questionId)
      return redirect(here)
    case 'delete-answer': {
      const parsed = parseRemoval(input, `answer-${input.answerId}`)
      if (!parsed.ok) return parsed.reply
      deleteAnswer(user, input.answerId, parsed.removal)
      return redirect(`${here}#answers`)
    }
    case 'hide-answer': {
      const parsed = parseRemoval(input, `answer-${input.answerId}`)
      if (!parsed.ok) return parsed.reply
      hideAnswer(user, input.answerId, parsed.removal)
      return redirect(`${here}#answer-${input.answerId}`)
    }
    case 'unhide-answer':
      unhideAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'restore-answer':
      restoreAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
  }
}
