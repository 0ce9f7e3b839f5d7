import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RelativeTime } from '~/components/time'
import { requireUser } from '~/utils/session.server'
import { listNotifications, markAllRead } from '~/modules/notifications/notifications.server'
import { slugify } from '~/utils/slug'

export const meta: MetaFunction = () => [{ title: 'Notifications · Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  // Only ever the signed-in user's own notifications: the user id comes from the session.
  const user = await requireUser(request)
  return json({ notifications: listNotifications(user.id) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  markAllRead(user.id)
  return redirect('/notifications')
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['notifications'][number]

/** "Budi", "Budi and Sari", "Budi and 2 others" */
function people(names: string[]) {
  if (names.length === 0) return 'Someone'
  if (names.length === 1) return names[0]
  if (names.length === 2) return `${names[0]} and ${names[1]}`
  return `${names[0]} and ${names.length - 1} others`
}

function describe(n: Item) {
  const who = people(n.actors)
  switch (n.type) {
    case 'question.closed_duplicate':
      return `${who} closed your question as a duplicate`
    case 'question.answered':
      return n.count === 1 ? `${who} answered your question` : `${n.count} new answers from ${who}`
    case 'answer.accepted':
      return `${who} accepted your answer`
  }
}

/** Where an entry leads: the answer it is about (the first unread one), else the question. */
function href(n: Item) {
  const thread = `/questions/${n.question.id}/${slugify(n.question.title)}`
  return n.answerId ? `${thread}#answer-${n.answerId}` : thread
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>()
  const unread = notifications.some((n) => n.unread)
  return (
    <div className="narrow">
      <div className="page-heading">
        <h1>Notifications</h1>
        {unread ? (
          <Form method="post">
            <button type="submit" className="button button-secondary button-small">
              Mark all as read
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <p className="empty">
          Nothing yet. You will hear here when someone answers your questions.
        </p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.key} className={n.unread ? 'unread' : undefined}>
              <strong>{describe(n)}</strong>
              {': '}
              <Link to={href(n)}>{n.question.title}</Link>
              {n.type === 'question.closed_duplicate' && n.original ? (
                <>
                  {'. The answer may already be in '}
                  <Link to={`/questions/${n.original.id}/${slugify(n.original.title)}`}>
                    {n.original.title}
                  </Link>
                  .
                </>
              ) : null}
              <br />
              <span className="muted">
                <RelativeTime value={n.latestAt} />
                {n.unread ? ' · new' : null}
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
