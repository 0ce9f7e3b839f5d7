/**
 * What the question page adds about escalation, by who is looking: everyone learns only whether
 * staff acknowledged the open escalation; staff get the escalation itself and the people it can
 * go to; staff and moderators the internal notes; helpers and up the escalate-by-hand form.
 */
import { can, type Actor, type QuestionTarget } from '../policy/policy'
import { newSubmissionKey } from '../submissions/submissions.server'
import { getOpenEscalation, listAssignableStaff } from './desk.server'
import { listNotes } from './notes.server'

export function getThreadEscalationView(
  viewer: Actor | null,
  questionId: number,
  target: QuestionTarget,
) {
  const escalation = getOpenEscalation(questionId)
  const staff = can(viewer, 'escalation.manage', null)
  const notes = listNotes(viewer, questionId)
  return {
    acknowledged: Boolean(escalation?.acknowledgedAt),
    escalation: staff ? escalation : null,
    staff: staff ? listAssignableStaff() : null,
    notes,
    canAddNote: notes !== null && can(viewer, 'note.create', target),
    noteKey: notes !== null ? newSubmissionKey() : null,
    // Once escalated, there is nothing more to escalate until that episode ends: those who
    // could escalate it read that it is with staff.
    canEscalate: !escalation && can(viewer, 'question.escalate', target),
    withStaff: Boolean(escalation) && can(viewer, 'question.escalate', target),
    viewerId: viewer?.id ?? null,
  }
}
export type ThreadEscalationView = ReturnType<typeof getThreadEscalationView>
