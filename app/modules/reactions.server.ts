/**
 * What follows from what: the reactions that run when an event is emitted, inside the same
 * transaction (see `emit`). A capability that must react to something (a survey when a
 * question is solved, escalation stopping at a staff response) adds a line here instead of
 * editing the command that caused it. Imported history triggers none of them.
 *
 * A function, not a constant: this file and the modules it names import each other through
 * events.server.ts, so the table is built when the first event is emitted, not at load.
 */
import type { EventType } from '../../db/schema'
import type { Reaction } from './events/events.server'
import { notifyAskerOfAcknowledgement, notifyAssignee } from './escalation/desk.server'
import { notifyAuthorOfFlags } from './flags/flags.server'
import { queueAcceptedAnswer } from './kb/promotion.server'
import {
  notifyAnswererOfAcceptance,
  notifyAskerOfAnswer,
  notifyAskerOfDuplicate,
} from './notifications/notifications.server'
import {
  followOwnThread,
  notifyFollowersOfAnswer,
  notifyFollowersOfQuestion,
} from './notifications/follows.server'
import { notifyMentionedInAnswer, notifyMentionedInQuestion } from './notifications/mentions.server'
import { endEscalationOn, refreshAttentionOn } from './escalation/attention.server'
import { notifyAskerOfClose, notifyAskerOfLock } from './moderation/threads.server'
import { notifyOfMerge } from './moderation/merge.server'
import { notifyOfSanction } from './moderation/sanction-notice.server'
import { markSuggestionSolved } from './templates/autorespond.server'
import { checkAutomationOn } from './templates/outcomes.server'
import { recordTemplateUse } from './templates/templates.server'
import {
  creditAcceptedAnswer,
  creditRestoredPost,
  creditVote,
  debitDeletedPost,
  debitUnacceptedAnswer,
} from './users/reputation.server'
import { requestSurveyOn } from './surveys/surveys.server'
import { refreshQuestionSummaryOn, TRACKED } from './metrics/summaries.server'

let table: Partial<Record<EventType, Reaction[]>> | undefined

export function reactions(): Partial<Record<EventType, Reaction[]>> {
  // Whether a question needs attention, and until when, follows every change to its thread;
  // an open escalation ends when staff respond or the question is solved, closed or removed.
  const attention = [refreshAttentionOn, endEscalationOn]
  return (table ??= withSummaries({
    'answer.created': [
      notifyAskerOfAnswer,
      notifyFollowersOfAnswer,
      notifyMentionedInAnswer,
      followOwnThread,
      ...attention,
      // a use of a template is recorded first, then the asker's follow-up counts as its outcome
      recordTemplateUse,
      checkAutomationOn,
    ],
    'answer.accepted': [
      creditAcceptedAnswer,
      notifyAnswererOfAcceptance,
      queueAcceptedAnswer,
      markSuggestionSolved,
      checkAutomationOn,
    ],
    'answer.unaccepted': [debitUnacceptedAnswer, checkAutomationOn],
    'survey.answered': [checkAutomationOn],
    'answer.deleted': [debitDeletedPost, ...attention],
    'answer.restored': [creditRestoredPost, ...attention],
    'answer.hidden': [notifyAuthorOfFlags, ...attention],
    'answer.unhidden': attention,
    'vote.cast': [creditVote],
    'question.created': [
      followOwnThread,
      notifyFollowersOfQuestion,
      notifyMentionedInQuestion,
      ...attention,
    ],
    'question.recategorised': attention,
    // The asker's survey follows the question's first solving.
    'question.status_changed': [...attention, requestSurveyOn],
    'question.closed': [notifyAskerOfDuplicate, notifyAskerOfClose, ...attention],
    'question.locked': [notifyAskerOfLock],
    'question.merged': [notifyOfMerge],
    'user.warned': [notifyOfSanction],
    'user.silenced': [notifyOfSanction],
    'user.suspended': [notifyOfSanction],
    'user.banned': [notifyOfSanction],
    'question.reopened': attention,
    'question.hidden': [notifyAuthorOfFlags, ...attention],
    'question.unhidden': attention,
    'question.deleted': [debitDeletedPost, ...attention],
    'question.restored': [creditRestoredPost, ...attention],
    'question.assigned': [notifyAssignee],
    'question.acknowledged': [notifyAskerOfAcknowledgement],
  }))
}

/** The dashboard's per-question summary follows every event it is projected from. */
function withSummaries(t: Partial<Record<EventType, Reaction[]>>) {
  for (const type of TRACKED) t[type] = [...(t[type] ?? []), refreshQuestionSummaryOn]
  return t
}
