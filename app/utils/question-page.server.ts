/**
 * What the question page's form posts can ask for, one module call each. The route parses the
 * form with `questionIntent` and hands it here; everything thrown by a module is mapped to
 * HTTP in one place (route-errors.server.ts).
 */
import { json, redirect } from '@remix-run/node'
import { isbot } from 'isbot'
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
import { parseActionReason } from '../modules/audit/validation'
import { atLeast, type Actor } from '../modules/policy/policy'
import { closeAsDuplicate, reopenQuestion } from '../modules/questions/closing.server'
import {
  getQuestionPage,
  getVisibleQuestion,
  recordView,
} from '../modules/questions/questions.server'
import { isDomainError, NotFound } from './domain-errors'
import { newAccountLimit } from './route-errors.server'
import { recordRead } from '../modules/trust/trust.server'
import { flagPost } from '../modules/flags/flags.server'
import { flagSchema } from '../modules/flags/validation'
import { answerSchema, fieldErrorsOf } from '../modules/questions/validation'
import { declineSuggestion } from '../modules/templates/autorespond.server'
import { templateUseData } from '../modules/templates/templates.server'
import { castVote } from '../modules/votes/votes.server'
import { invalid } from './http.server'
import type { QuestionIntent } from './question-intents'
import { renderPreview } from './preview.server'
import { choiceOf, warnOfPersonalData } from '../modules/personal-data/guard'

/**
 * The optional reason for bringing something back, or the form back with the error (`target`
 * says which form: `question`, `answer-<id>` or `reopen`).
 */
function parseBringBack(why: string, target: string) {
  const parsed = parseActionReason(why, 'why')
  if (parsed.ok) return { ok: true as const, reason: parsed.reason }
  return {
    ok: false as const,
    reply: invalid(parsed.errors, { why, bringBackTarget: target }),
  }
}

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
  url = here,
) {
  // Every form on the page is about this question: one the person may not see is not there.
  const question = getVisibleQuestion(questionId, user)
  if (!question) throw new NotFound('question')
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
      // An answer on a public thread is read by everyone: personal data gets a warning first.
      const personalData =
        question.visibility === 'public' && warnOfPersonalData({ body: input.body }, choiceOf(url))
      if (personalData)
        return json({
          ok: false as const,
          fieldErrors: {},
          values: { body: input.body },
          personalData,
        })
      const template = input.templateId
        ? templateUseData(user, questionId, input.templateId, answer.data.body)
        : undefined
      const created = await createAnswer(
        user,
        questionId,
        answer.data.body,
        input.submissionKey,
        undefined,
        template,
      ).catch(newAccountLimit)
      if (typeof created !== 'number')
        return invalid({ form: created.limited }, { body: input.body }, created.status)
      const answerId = created
      return redirect(`${here}#answer-${answerId}`)
    }
    case 'vote':
      castVote(user, input.postType, input.postId, input.value as -1 | 0 | 1)
      return redirect(here)
    case 'accept':
      acceptAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'decline-suggestion':
      declineSuggestion(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'unaccept':
      unacceptAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'close-duplicate': {
      const closed = closeAsDuplicate(user, questionId, input.original)
      if (!closed.ok) return invalid({ original: closed.message }, { original: input.original })
      return redirect(here)
    }
    case 'reopen': {
      const why = parseBringBack(input.why, 'reopen')
      if (!why.ok) return why.reply
      reopenQuestion(user, questionId, why.reason)
      return redirect(here)
    }
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
    case 'restore-question': {
      const why = parseBringBack(input.why, 'question')
      if (!why.ok) return why.reply
      if (input.intent === 'unhide-question') unhideQuestion(user, questionId, why.reason)
      else restoreQuestion(user, questionId, why.reason)
      return redirect(here)
    }
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
    case 'restore-answer': {
      const why = parseBringBack(input.why, `answer-${input.answerId}`)
      if (!why.ok) return why.reply
      if (input.intent === 'unhide-answer') unhideAnswer(user, input.answerId, why.reason)
      else restoreAnswer(user, input.answerId, why.reason)
      return redirect(`${here}#answer-${input.answerId}`)
    }
    case 'flag':
      return flag(user, questionId, here, input)
  }
}

/**
 * A flag, or its form back open with what was typed and why it was refused (a missing reason,
 * a second flag on the same post, the day's limit with when it lifts).
 */
function flag(
  user: SessionUser,
  questionId: number,
  here: string,
  input: Extract<QuestionIntent, { intent: 'flag' }>,
) {
  const target = input.answerId ? `answer-${input.answerId}` : 'question'
  const values = { reason: input.reason, note: input.note, flagTarget: target }
  const parsed = flagSchema.safeParse(input)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const post = input.answerId
    ? ({ type: 'answer', id: input.answerId } as const)
    : ({ type: 'question', id: questionId } as const)
  try {
    flagPost(user, post.type, post.id, parsed.data)
  } catch (error) {
    if (isDomainError(error) && (error.kind === 'conflict' || error.kind === 'rate-limited'))
      return invalid({ form: error.message }, values, error.kind === 'conflict' ? 409 : 429)
    throw error
  }
  return redirect(`${here}?flagged=1${input.answerId ? '#answers' : ''}`)
}

type Page = NonNullable<ReturnType<typeof getQuestionPage>>

/** Counts a view of the page, once per visitor, never a bot's nor the asker's own. */
export function countView(page: Page, user: Actor | null, request: Request, clientIp: string) {
  const agent = request.headers.get('user-agent') ?? ''
  if (isbot(agent) || user?.id === page.author.id) return
  const viewer = user ? `u${user.id}` : `ip:${clientIp}:${agent.slice(0, 80)}`
  if (recordView(page.question.id, viewer)) {
    page.question.viewCount++
    // a question read, for the reader's trust level
    if (user) recordRead(user.id)
  }
}

/** Whether anything on the page was deleted or hidden (moderators then read who and why). */
export function hasRemovals(page: Page): boolean {
  return Boolean(
    page.question.deletedAt ||
    page.question.hiddenAt ||
    page.answers.some((a) => a.deletedAt || a.hiddenAt),
  )
}

/** The policy's view of the signed-in person, as the page's components ask `can` with it. */
export function actorOf(user: Actor): Actor {
  return {
    id: user.id,
    role: user.role,
    reputation: user.reputation,
    ...(user.trust ? { trust: user.trust } : {}),
    ...(user.readOnly ? { readOnly: true } : {}),
  }
}
