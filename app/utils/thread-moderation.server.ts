/**
 * The question page's "Moderate thread" forms, one module call each. A form whose words do not
 * pass comes back with what was typed and the error beside its field; everything else a module
 * throws is mapped to HTTP in one place (route-errors.server.ts).
 */
import { redirect } from '@remix-run/node'
import type { Actor } from '../modules/policy/policy'
import {
  closeQuestion,
  lockQuestion,
  moveQuestion,
  retagQuestion,
  unlockQuestion,
} from '../modules/moderation/threads.server'
import {
  threadModerationIntent,
  type ThreadModerationIntent,
} from '../modules/moderation/thread-validation'
import { getVisibleQuestion } from '../modules/questions/questions.server'
import { mergeQuestion } from '../modules/moderation/merge.server'
import { threadPath } from './slug'

export { getThreadModerationView } from '../modules/moderation/threads.server'
import { isDomainError, NotFound, type Invalid } from './domain-errors'
import { invalid } from './http.server'

/** The reply to a thread-tools form, or null when the form is not one of them. */
export function moderateThread(
  actor: Actor,
  questionId: number,
  here: string,
  form: Record<string, unknown>,
) {
  const parsed = threadModerationIntent.safeParse(form)
  return parsed.success ? handleThreadModeration(actor, questionId, here, parsed.data) : null
}

function handleThreadModeration(
  actor: Actor,
  questionId: number,
  here: string,
  input: ThreadModerationIntent,
) {
  // Every form on the page is about this question: one the person may not see is not there.
  if (!getVisibleQuestion(questionId, actor)) throw new NotFound('question')
  const { intent, ...values } = input
  try {
    switch (intent) {
      case 'lock':
        lockQuestion(actor, questionId, input.lockNote)
        break
      case 'unlock':
        unlockQuestion(actor, questionId, input.unlockReason)
        break
      case 'close':
        closeQuestion(actor, questionId, input.closeReason, input.closeNote)
        break
      case 'move':
        moveQuestion(actor, questionId, input.moveTo, input.moveNote)
        break
      case 'retag':
        retagQuestion(actor, questionId, input.retagTags, input.retagNote)
        break
      case 'merge': {
        // The duplicate's page is gone: the moderator lands where its answers are now.
        const merged = mergeQuestion(actor, questionId, input.mergeInto, input.mergeNote)
        return redirect(
          `${threadPath({ id: merged.originalId, title: merged.originalTitle })}#answers`,
        )
      }
    }
  } catch (error) {
    if (isDomainError(error) && error.kind === 'invalid')
      return invalid((error as Invalid).fieldErrors, {
        ...(values as Record<string, string>),
        moderationForm: intent,
      })
    throw error
  }
  return redirect(`${here}#moderate-thread`)
}
