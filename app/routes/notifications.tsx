import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RelativeTime } from '~/components/time'
import { AccountNotice } from '~/components/threads/account-notice'
import { getT } from '~/i18n/i18n.server'
import { PEOPLES_WORDS } from '~/i18n/trans'
import { requireUser } from '~/utils/session.server'
import { listNotifications, markAllRead } from '~/modules/notifications/notifications.server'
import { shownName } from '~/modules/users/names'
import { threadPath } from '~/utils/slug'
import { FLAG_REASON_LABELS, FLAG_REASONS, type FlagReason } from '~/modules/flags/validation'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  // Only ever the signed-in user's own notifications: the user id comes from the session.
  const user = await requireUser(request)
  const t = await getT(request)
  return json({
    title: t('community.notifications.meta'),
    notifications: listNotifications(user.id),
    handle: user.handle,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  markAllRead(user.id)
  return redirect('/notifications')
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['notifications'][number]

/** "Budi", "Budi and Sari", "Budi and 2 others" */
function people(t: TFunction, actors: Item['actors']) {
  const names = actors.map((a) => shownName(t, a))
  if (names.length === 0) return t('community.notifications.someone')
  if (names.length === 1) return names[0]
  if (names.length === 2)
    return t('community.notifications.two', { first: names[0], second: names[1] })
  return t('community.notifications.more', { first: names[0], count: names.length - 1 })
}

function describe(t: TFunction, n: Item) {
  const who = people(t, n.actors)
  switch (n.type) {
    case 'question.closed_duplicate':
      return t('community.notifications.closedDuplicate', { who })
    case 'question.answered':
      return n.count === 1
        ? t('community.notifications.answered', { who })
        : t('community.notifications.answeredMany', { count: n.count, who })
    case 'answer.accepted':
      return t('community.notifications.accepted', { who })
    case 'question.assigned':
      return t('desk.notifications.assigned', { who })
    case 'question.acknowledged':
      return t('desk.notifications.acknowledged', { who })
    case 'question.escalated':
      return t('mail.inApp.escalated', { level: n.level ?? 1 })
    case 'followed.new_question':
      return t('mail.inApp.followedQuestion')
    case 'followed.new_answer':
      return t('mail.inApp.followedAnswer', { who })
    case 'mention':
      return t('mail.inApp.mention', { who })
    case 'post.hidden_by_flags':
      return flaggedNotice(t, n.answerId !== null, n.reasons)
    case 'question.closed':
      return t('audit.notifications.closed', { who })
    case 'question.locked':
      return t('audit.notifications.locked', { who })
    case 'question.merged':
      return t('threads.notifications.merged', { who, title: n.mergedTitle ?? '' })
    // told apart below (AccountNotice): it is about the person, not a thread
    case 'moderation.sanctioned':
      return t('threads.notifications.sanctionedForGood')
    case 'template.automation_off':
      return t('replies.notifications.automationOff', { title: n.template ?? '' })
    case 'survey.requested':
      return t('dashboard.notifications.survey')
    case 'question.accept_reminder':
      return t('dashboard.notifications.reminder')
  }
}

function flaggedNotice(t: TFunction, answer: boolean, reasons: string[]) {
  const why = reasons
    .filter((r): r is FlagReason => (FLAG_REASONS as readonly string[]).includes(r))
    .map((r) => t(FLAG_REASON_LABELS[r]))
    .join(', ')
  return answer
    ? t('flags.notifications.answerHidden', { why })
    : t('flags.notifications.questionHidden', { why })
}

/** Where an entry leads: the answer it is about (the first unread one), else the question. */
function href(n: Item & { question: { id: number; title: string } }) {
  if (n.type === 'template.automation_off') return '/templates'
  const thread = threadPath(n.question)
  return n.answerId ? `${thread}#answer-${n.answerId}` : thread
}

export default function Notifications() {
  const { notifications, handle } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const unread = notifications.some((n) => n.unread)
  return (
    <div className="narrow">
      <div className="page-heading">
        <h1>{t('community.notifications.title')}</h1>
        <Link to="/settings/notifications" className="button button-secondary button-small">
          {t('mail.settings.fromNotifications')}
        </Link>
        {unread ? (
          <Form method="post">
            <button type="submit" className="button button-secondary button-small">
              {t('community.notifications.markAllRead')}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <p className="empty">{t('community.notifications.empty')}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.key} className={n.unread ? 'unread' : undefined}>
              {n.sanction ? (
                <AccountNotice sanction={n.sanction} handle={handle} />
              ) : (
                <strong>{describe(t, n)}</strong>
              )}
              {n.question ? (
                <>
                  {': '}
                  <Link to={href({ ...n, question: n.question })}>{n.question.title}</Link>
                </>
              ) : null}
              {n.type === 'question.closed_duplicate' && n.original ? (
                <>
                  {'. '}
                  <Trans
                    i18nKey="community.notifications.maybeIn"
                    {...PEOPLES_WORDS}
                    values={{ title: n.original.title }}
                    components={{
                      go: <Link to={threadPath(n.original)} />,
                    }}
                  />
                </>
              ) : null}
              <br />
              <span className="muted">
                <RelativeTime value={n.latestAt} />
                {n.unread ? ` · ${t('community.notifications.new')}` : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
