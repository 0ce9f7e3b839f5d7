import type { NOTIFICATION_TYPES } from '../../../db/schema'

type NotificationType = (typeof NOTIFICATION_TYPES)[number]

/** Where each notification type's words live under `mail.types` (client-safe). */
export const TYPE_KEYS = {
  'question.answered': 'questionAnswered',
  'answer.accepted': 'answerAccepted',
  'question.closed_duplicate': 'questionClosedDuplicate',
  'question.escalated': 'questionEscalated',
  'question.assigned': 'questionAssigned',
  'question.acknowledged': 'questionAcknowledged',
  'followed.new_question': 'followedNewQuestion',
  'followed.new_answer': 'followedNewAnswer',
  mention: 'mention',
  'moderation.sanctioned': 'moderationSanctioned',
  'post.hidden_by_flags': 'postHiddenByFlags',
  'question.closed': 'questionClosed',
  'question.locked': 'questionLocked',
  'question.merged': 'questionMerged',
  'template.automation_off': 'templateAutomationOff',
  'survey.requested': 'surveyRequested',
  'question.accept_reminder': 'acceptReminder',
} as const satisfies Record<NotificationType, string>
