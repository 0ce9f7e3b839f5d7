/**
 * The e-mail for each notification type, in the recipient's language: what happened, a short
 * excerpt of the post when there is one, and a link to the thread. Only what the recipient may
 * read on the site goes in (the caller has checked they may see the question and the answer);
 * internal notes are never read here.
 */
import type { TFunction } from 'i18next'
import { eq, inArray } from 'drizzle-orm'
import { answers, categories, questions, users } from '../../../db/schema'
import type { Language } from '../../i18n/config'
import type { Tx } from '../../utils/db.server'
import { markdownToText } from '../../utils/markdown-text.server'
import { threadPath } from '../../utils/slug'
import { localizeCategory } from '../categories/localize'
import type { NotificationType } from '../notifications/preferences.server'
import { shownName } from '../users/names'
import { composeSupportMail } from '../surveys/mail.server'
import { absoluteUrl, type Compose } from './mail.server'
import { composeSanction } from './sanction-mail.server'

const EXCERPT = 400

export type NotificationMail = {
  /** The recipient, when the words need them (a sanction links their own standing page). */
  userId?: number
  type: NotificationType
  actorId: number | null
  questionId: number | null
  answerId?: number | null
  data?: Record<string, unknown>
}

/** "2 hours and 5 minutes" in the reader's language. */
export function formatWait(t: TFunction, minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return t('mail.message.minutes', { count: m })
  const hours = t('mail.message.hours', { count: Math.floor(m / 60) })
  if (m % 60 === 0) return hours
  return t('mail.message.hoursMinutes', {
    hours,
    minutes: t('mail.message.minutes', { count: m % 60 }),
  })
}

const KNOWN_REASONS = ['sla', 'manual', 'unacknowledged'] as const
function reasonText(t: TFunction, reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '') return t('mail.message.reasons.sla')
  const known = KNOWN_REASONS.find((r) => r === reason)
  if (known) return t(`mail.message.reasons.${known}`)
  // A reason someone wrote (an escalation by hand): their words, on one line.
  return t('mail.message.reasons.other', { reason: reason.replace(/\s+/g, ' ').slice(0, 300) })
}

const CLOSE_REASON_WORDS = {
  'off-topic': 'audit.thread.reasons.offTopic',
  'resolved-elsewhere': 'audit.thread.reasons.resolvedElsewhere',
  'needs-details': 'audit.thread.reasons.needsDetails',
} as const
function closeReasonText(t: TFunction, reason: string): string {
  const key = CLOSE_REASON_WORDS[reason as keyof typeof CLOSE_REASON_WORDS]
  return key ? t(key) : ''
}

/** What the e-mail about one notification says; null when its question is gone. */
export function composeNotification(tx: Pick<Tx, 'select'>, n: NotificationMail): Compose | null {
  // About the person's account, not a thread: what was done, why, until when, and where to read it.
  if (n.type === 'moderation.sanctioned') return composeSanction(tx, n)
  if (n.questionId === null) return null
  // The survey and the reminders to accept carry links of their own (see the surveys module).
  if (n.type === 'survey.requested' || n.type === 'question.accept_reminder')
    return composeSupportMail(tx, { type: n.type, questionId: n.questionId })
  const q = tx
    .select({
      id: questions.id,
      title: questions.title,
      bodyMd: questions.bodyMd,
      duplicateOfId: questions.duplicateOfId,
      category: {
        name: categories.name,
        slug: categories.slug,
        translations: categories.translations,
      },
    })
    .from(questions)
    .innerJoin(categories, eq(categories.id, questions.categoryId))
    .where(eq(questions.id, n.questionId))
    .get()
  if (!q) return null
  const actor = n.actorId
    ? tx
        .select({ handle: users.handle, displayName: users.displayName })
        .from(users)
        .where(eq(users.id, n.actorId))
        .get()
    : undefined
  const answer = n.answerId
    ? tx.select({ bodyMd: answers.bodyMd }).from(answers).where(eq(answers.id, n.answerId)).get()
    : undefined
  const original =
    n.type === 'question.closed_duplicate' && q.duplicateOfId
      ? tx
          .select({ id: questions.id, title: questions.title })
          .from(questions)
          .where(eq(questions.id, q.duplicateOfId))
          .get()
      : undefined
  const thread = {
    label: '',
    url: absoluteUrl(threadPath(q, n.answerId)),
  }
  const excerptOf = (md: string | undefined) => (md ? markdownToText(md, EXCERPT) : undefined)

  return (t: TFunction, language: Language) => {
    const who = actor ? shownName(t, actor) : t('mail.message.someone')
    const title = q.title
    const open = { ...thread, label: t('mail.message.openThread') }
    const category = localizeCategory(q.category, language).name
    switch (n.type) {
      case 'question.answered':
        return {
          subject: t('mail.message.answered.subject', { title }),
          paragraphs: [t('mail.message.answered.text', { who, title })],
          quote: excerptOf(answer?.bodyMd),
          action: open,
        }
      case 'answer.accepted':
        return {
          subject: t('mail.message.accepted.subject', { title }),
          paragraphs: [t('mail.message.accepted.text', { who, title })],
          action: open,
        }
      case 'question.closed_duplicate':
        return {
          subject: t('mail.message.duplicate.subject', { title }),
          paragraphs: [
            t('mail.message.duplicate.text', { who, title, original: original?.title ?? '' }),
          ],
          action: original
            ? {
                label: t('mail.message.duplicate.original', { original: original.title }),
                url: absoluteUrl(threadPath(original)),
              }
            : open,
          links: original ? [open] : [],
        }
      case 'question.escalated': {
        const level = Number(n.data?.level) === 2 ? 2 : 1
        const waited = Number(n.data?.waitedMinutes)
        return {
          subject: t('mail.message.escalated.subject', { level, title }),
          paragraphs: [
            t('mail.message.escalated.text', { title, category }),
            t('mail.message.escalated.why', { reason: reasonText(t, n.data?.reason) }),
            // What the helper or moderator wrote when they brought it to staff.
            ...(typeof n.data?.note === 'string' && n.data.note.trim()
              ? [t('mail.message.escalated.note', { note: n.data.note.trim().slice(0, 500) })]
              : []),
            ...(Number.isFinite(waited)
              ? [t('mail.message.escalated.waited', { duration: formatWait(t, waited) })]
              : []),
            t(level === 2 ? 'mail.message.escalated.level2' : 'mail.message.escalated.level1'),
          ],
          action: { label: t('mail.message.openDesk'), url: absoluteUrl('/desk') },
          links: [open],
        }
      }
      case 'question.assigned':
        return {
          subject: t('mail.message.assigned.subject', { title }),
          paragraphs: [t('mail.message.assigned.text', { who, title })],
          action: { label: t('mail.message.openDesk'), url: absoluteUrl('/desk') },
          links: [open],
        }
      case 'question.acknowledged':
        return {
          subject: t('mail.message.acknowledged.subject', { title }),
          paragraphs: [t('mail.message.acknowledged.text', { title })],
          action: open,
        }
      case 'followed.new_question': {
        const tag = typeof n.data?.tag === 'string' ? n.data.tag : null
        const where = tag ? t('mail.message.tag', { name: tag }) : category
        return {
          subject: t('mail.message.followedQuestion.subject', { where, title }),
          paragraphs: [t('mail.message.followedQuestion.text', { who, title, where })],
          quote: excerptOf(q.bodyMd),
          action: open,
        }
      }
      case 'followed.new_answer':
        return {
          subject: t('mail.message.followedAnswer.subject', { title }),
          paragraphs: [t('mail.message.followedAnswer.text', { who, title })],
          quote: excerptOf(answer?.bodyMd),
          action: open,
        }
      case 'question.merged': {
        const duplicate = typeof n.data?.duplicateTitle === 'string' ? n.data.duplicateTitle : ''
        return {
          subject: t('threads.mail.mergedSubject', { title: duplicate || title }),
          paragraphs: [t('threads.mail.mergedText', { who, title, duplicate })],
          action: open,
        }
      }
      case 'post.hidden_by_flags':
        return {
          subject: t('mail.message.hiddenByFlags.subject', { title }),
          paragraphs: [t('mail.message.hiddenByFlags.text', { title })],
          action: open,
        }
      case 'question.closed':
      case 'question.locked': {
        const reason = typeof n.data?.reason === 'string' ? n.data.reason : ''
        const closed = n.type === 'question.closed'
        const why = closed ? closeReasonText(t, reason) : reason.slice(0, 300)
        return {
          subject: t(closed ? 'audit.mail.closedSubject' : 'audit.mail.lockedSubject', { title }),
          paragraphs: [
            t(closed ? 'audit.mail.closedText' : 'audit.mail.lockedText', { who, title }),
            ...(why ? [t('audit.mail.why', { reason: why })] : []),
          ],
          action: open,
        }
      }
      // A sanction, the survey and the reminders are answered before the thread is read
      // (above); listed for a complete switch.
      // A sanction is answered before the thread is read (above); listed for a complete switch.
      case 'template.automation_off': {
        const template = typeof n.data?.template === 'string' ? n.data.template : ''
        return {
          subject: t('replies.mail.automationOffSubject', { template }),
          paragraphs: [
            t('replies.mail.automationOffText', { template, rate: Number(n.data?.rate ?? 0) }),
          ],
          action: { label: t('replies.mail.openTemplates'), url: absoluteUrl('/templates') },
        }
      }
      case 'moderation.sanctioned':
      case 'survey.requested':
      case 'question.accept_reminder':
      case 'mention':
        return {
          subject: t('mail.message.mention.subject', { who, title }),
          paragraphs: [t('mail.message.mention.text', { who, title })],
          quote: excerptOf(answer ? answer.bodyMd : q.bodyMd),
          action: open,
        }
    }
  }
}

/**
 * Several escalations to one person in one sweep, as one e-mail: a list of the questions, each
 * linked, and the desk. A burst of a hundred overdue questions is one message, not a hundred.
 */
export function composeEscalationSummary(
  tx: Pick<Tx, 'select'>,
  level: number,
  items: { questionId: number; waitedMinutes: number }[],
): Compose {
  const titles = new Map(
    tx
      .select({ id: questions.id, title: questions.title })
      .from(questions)
      .where(
        inArray(
          questions.id,
          items.map((i) => i.questionId),
        ),
      )
      .all()
      .map((q) => [q.id, q.title]),
  )
  return (t) => ({
    subject: t('mail.message.escalatedMany.subject', { count: items.length, level }),
    paragraphs: [t('mail.message.escalatedMany.text', { count: items.length })],
    items: items.slice(0, 50).map((i) => ({
      text: t('mail.message.escalatedMany.item', {
        title: titles.get(i.questionId) ?? '',
        duration: formatWait(t, i.waitedMinutes),
      }),
      url: absoluteUrl(`/questions/${i.questionId}`),
    })),
    action: { label: t('mail.message.escalatedMany.open'), url: absoluteUrl('/desk') },
  })
}

/** One line of a digest about one notification, in the reader's language. */
export function digestLine(
  tx: Pick<Tx, 'select'>,
  n: NotificationMail,
  t: TFunction,
  language: Language,
): { text: string; url: string } | null {
  const compose = composeNotification(tx, n)
  if (!compose) return null
  const c = compose(t, language)
  const q = tx
    .select({ id: questions.id, title: questions.title })
    .from(questions)
    .where(eq(questions.id, n.questionId ?? 0))
    .get()
  const fallback = c.action?.url ?? absoluteUrl('/notifications')
  return { text: c.subject, url: q ? absoluteUrl(threadPath(q, n.answerId)) : fallback }
}
