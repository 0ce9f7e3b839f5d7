/**
 * The staff forms shared by the desk and the question page (claim, assign, acknowledge,
 * resolve), and the question page's own (internal notes, escalating by hand). A Conflict (two
 * staff acting at once) comes back as a 409 reply that the page shows beside fresh data,
 * instead of an error page.
 */
import { json, redirect } from '@remix-run/node'
import {
  acknowledgeEscalation,
  assignEscalation,
  claimEscalation,
  resolveEscalation,
  type DeskCommandResult,
} from '../modules/escalation/desk.server'
import type { StaffIntent, ThreadStaffIntent } from '../modules/escalation/desk-validation'
import { escalateByHand } from '../modules/escalation/escalate.server'
import { addNote, deleteNote } from '../modules/escalation/notes.server'
import type { Actor } from '../modules/policy/policy'
import { getVisibleQuestion } from '../modules/questions/questions.server'
import { isDomainError, NotFound, type Invalid } from './domain-errors'
import { invalid } from './http.server'

/** Runs one desk command; `questionId` is the page's question when posted from one. */
export function runDeskIntent(
  actor: Actor,
  input: StaffIntent,
  questionId?: number,
): DeskCommandResult {
  switch (input.intent) {
    case 'claim':
      return claimEscalation(actor, input.escalationId, questionId)
    case 'assign':
      return assignEscalation(
        actor,
        input.escalationId,
        input.assigneeId === '' ? null : input.assigneeId,
        input.seenAssigneeId,
        questionId,
      )
    case 'acknowledge':
      return acknowledgeEscalation(actor, input.escalationId, questionId)
    case 'resolve-escalation':
      return resolveEscalation(actor, input.escalationId, questionId)
  }
}

/** The reply to a form that lost a race: what happened, for the page to say. */
export function conflictReply(error: unknown) {
  if (isDomainError(error) && error.kind === 'conflict')
    return json(
      { ok: false as const, conflict: error.message, fieldErrors: {}, values: {} },
      { status: 409 },
    )
  throw error
}

/** The question page's staff forms; the page redirects back to `here` when one succeeds. */
export async function handleThreadStaffIntent(
  actor: Actor,
  questionId: number,
  here: string,
  input: ThreadStaffIntent,
) {
  // Every form on the page is about this question: one the person may not see is not there.
  if (!getVisibleQuestion(questionId, actor)) throw new NotFound('question')
  try {
    switch (input.intent) {
      case 'add-note':
        try {
          await addNote(actor, questionId, input.internalNote, input.submissionKey)
        } catch (error) {
          if (isDomainError(error) && error.kind === 'invalid')
            return invalid(
              { internalNote: (error as Invalid).fieldErrors.note },
              { internalNote: input.internalNote },
            )
          throw error
        }
        return redirect(`${here}#internal-notes`)
      case 'delete-note':
        deleteNote(actor, input.noteId, questionId)
        return redirect(`${here}#internal-notes`)
      case 'escalate':
        try {
          escalateByHand(actor, questionId, input.escalateReason)
        } catch (error) {
          if (isDomainError(error) && error.kind === 'invalid')
            return invalid(
              { escalateReason: (error as Invalid).fieldErrors.reason },
              { escalateReason: input.escalateReason },
            )
          throw error
        }
        return redirect(`${here}#escalation`)
      default:
        runDeskIntent(actor, input, questionId)
        return redirect(`${here}#escalation`)
    }
  } catch (error) {
    return conflictReply(error)
  }
}
