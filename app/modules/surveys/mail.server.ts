/**
 * The e-mails of the survey and of the reminders to accept. Each carries links that work from
 * the mailbox without signing in (signed tokens); none of them changes anything when merely
 * opened: each opens a page with one button (see the README's Decisions).
 */
import type { TFunction } from 'i18next'
import { eq } from 'drizzle-orm'
import { questions, surveys } from '../../../db/schema'
import type { Tx } from '../../utils/db.server'
import { markdownToText } from '../../utils/markdown-text.server'
import { absoluteUrl, type Compose } from '../mail/mail.server'
import { threadPath } from '../../utils/slug'
import { acceptableAnswers, acceptToken } from './reminders.server'
import { actingAsker, surveyToken } from './surveys.server'
import { RATINGS } from './validation'

const EXCERPT = 160
const MAX_ANSWERS = 5

export const surveyLink = (token: string, rating: number) =>
  absoluteUrl(`/survey?token=${encodeURIComponent(token)}&rating=${rating}`)

export function composeSupportMail(
  tx: Pick<Tx, 'select'>,
  n: { type: 'survey.requested' | 'question.accept_reminder'; questionId: number },
): Compose | null {
  const q = tx
    .select({ id: questions.id, title: questions.title, authorId: questions.authorId })
    .from(questions)
    .where(eq(questions.id, n.questionId))
    .get()
  if (!q) return null
  const open = (t: TFunction) => ({
    label: t('mail.message.openThread'),
    url: absoluteUrl(threadPath(q)),
  })
  if (n.type === 'survey.requested') {
    const survey = tx.select().from(surveys).where(eq(surveys.questionId, q.id)).get()
    if (!survey) return null
    const token = surveyToken(q.id, survey.askerId, survey.closesAt)
    return (t) => ({
      subject: t('dashboard.mail.survey.subject', { title: q.title }),
      paragraphs: [
        t('dashboard.mail.survey.text', { title: q.title }),
        t('dashboard.survey.ratingQuestion'),
      ],
      items: RATINGS.map((r) => ({
        text: `${r} – ${t(`dashboard.survey.ratings.r${r}`)}`,
        url: surveyLink(token, r),
      })),
      action: {
        label: t('dashboard.mail.survey.open'),
        url: absoluteUrl(`/survey?token=${encodeURIComponent(token)}`),
      },
      links: [open(t)],
    })
  }
  const asker = actingAsker(q.authorId)
  const offered = asker ? acceptableAnswers(q.id, asker).slice(0, MAX_ANSWERS) : []
  const items = offered.map((a) => ({
    author: a.author,
    excerpt: markdownToText(a.bodyMd, EXCERPT),
    url: absoluteUrl(`/accept?token=${encodeURIComponent(acceptToken(a.id, q.authorId))}`),
  }))
  return (t) => ({
    subject: t('dashboard.mail.reminder.subject', { title: q.title }),
    paragraphs: [
      t('dashboard.mail.reminder.text', { title: q.title, count: offered.length }),
      t('dashboard.mail.reminder.how'),
    ],
    items: items.map((i) => ({
      text: t('dashboard.mail.reminder.item', { author: i.author, excerpt: i.excerpt }),
      url: i.url,
    })),
    action: open(t),
  })
}
