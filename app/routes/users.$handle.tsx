import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Avatar, StatusBadge } from '~/components/post-meta'
import { RelativeTime } from '~/components/time'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { getProfile } from '~/modules/users/users.server'
import { notFound } from '~/utils/http.server'
import { slugify } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.profile.user.displayName} (@${data.profile.user.handle}) · Tanya`
      : 'Profile not found · Tanya',
  },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const handle = (params.handle ?? '').toLowerCase()
  if (!HANDLE_PATTERN.test(handle)) notFound('No one here goes by that handle.')
  const profile = getProfile(handle)
  if (!profile) notFound('No one here goes by that handle.')
  return json({ profile })
}

const memberSince = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

export default function ProfilePage() {
  const { profile } = useLoaderData<typeof loader>()
  const { user, counts, recentQuestions, recentAnswers } = profile
  const joined = new Date(user.createdAt)
  return (
    <div className="profile">
      <header className="profile-header">
        <Avatar person={user} size={72} />
        <div>
          <h1>
            {user.displayName}
            {user.role !== 'member' ? <span className="role-pill">{user.role}</span> : null}
          </h1>
          <p className="muted">@{user.handle}</p>
          {user.bio ? <p className="profile-bio">{user.bio}</p> : null}
          <p className="muted">
            Member since <time dateTime={joined.toISOString()}>{memberSince.format(joined)}</time>
          </p>
        </div>
      </header>

      <div className="stat-row">
        <Stat label="Reputation" value={user.reputation} />
        <Stat label="Questions" value={counts.questions} />
        <Stat label="Answers" value={counts.answers} />
        <Stat label="Accepted answers" value={counts.accepted} />
      </div>

      <div className="profile-activity">
        <section aria-labelledby="recent-questions">
          <h2 id="recent-questions">Recent questions</h2>
          {recentQuestions.length === 0 ? (
            <p className="empty-state">No questions yet.</p>
          ) : (
            <ul className="question-list">
              {recentQuestions.map((q) => (
                <li key={q.id} className="question-summary">
                  <div className="summary-main">
                    <h3 className="summary-title">
                      <Link to={`/questions/${q.id}/${slugify(q.title)}`}>{q.title}</Link>
                    </h3>
                    <div className="summary-footer muted">
                      <StatusBadge status={q.status} closedReason={q.closedReason} />
                      <span>
                        {plural(q.score, 'vote')} · {plural(q.answerCount, 'answer')} · asked{' '}
                        <RelativeTime value={q.createdAt} />
                      </span>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="recent-answers">
          <h2 id="recent-answers">Recent answers</h2>
          {recentAnswers.length === 0 ? (
            <p className="empty-state">No answers yet.</p>
          ) : (
            <ul className="question-list">
              {recentAnswers.map((a) => (
                <li key={a.id} className="question-summary">
                  <div className="summary-main">
                    <h3 className="summary-title">
                      <Link
                        to={`/questions/${a.question.id}/${slugify(a.question.title)}#answer-${a.id}`}
                      >
                        {a.question.title}
                      </Link>
                    </h3>
                    <div className="summary-footer muted">
                      {a.isAccepted ? <span className="badge badge-solved">Accepted</span> : null}
                      <span>
                        {plural(a.score, 'vote')} · answered <RelativeTime value={a.createdAt} />
                      </span>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <strong>{value.toLocaleString('en')}</strong> <span className="muted">{label}</span>
    </div>
  )
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 || n === -1 ? '' : 's'}`
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
