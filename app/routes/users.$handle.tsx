import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { OwnFigures } from '~/components/dashboard/own-figures'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PrivateBadge } from '~/components/privacy/private-badge'
import { ProfileLinks, Stat } from '~/components/profile-parts'
import { ReputationLink, TrustLevelLine } from '~/components/trust/profile-trust'
import { Avatar, RolePill, StatusBadge } from '~/components/post-meta'
import { RelativeTime, useIntlLocale, useNumber } from '~/components/time'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { getUser } from '~/modules/auth/auth.server'
import { ownFiguresFor } from '~/modules/metrics/dashboard.server'
import { shownBio, shownName, SYSTEM_HANDLE } from '~/modules/users/names'
import { getProfile } from '~/modules/users/users.server'
import { atLeast } from '~/modules/policy/policy'
import { notFound } from '~/utils/http.server'
import { threadPath } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const handle = (params.handle ?? '').toLowerCase()
  // The assistant's handle is one no person can choose; its answers link here.
  if (!HANDLE_PATTERN.test(handle) && handle !== SYSTEM_HANDLE)
    notFound(msg('community.profile.notFound'))
  // Public page; the asker and staff also see private questions, marked.
  const profile = getProfile(handle, await getUser(request))
  if (!profile) notFound(msg('community.profile.notFound'))
  const t = await getT(request)
  const { handle: shown } = profile.user
  const name = shownName(t, profile.user)
  // The person themselves and moderators find the account's standing and sanctions from here.
  const viewer = await getUser(request)
  const moderation =
    viewer?.handle === shown
      ? ('own' as const)
      : viewer && atLeast(viewer, 'moderator')
        ? ('moderator' as const)
        : null
  const title = t('community.profile.meta', { name, handle: shown })
  return json({ title, profile, moderation, figures: ownFiguresFor(viewer, shown) })
}

export default function ProfilePage() {
  const { profile, moderation, figures } = useLoaderData<typeof loader>()
  const { user, counts, recentQuestions, recentAnswers } = profile
  const { t } = useTranslation()
  const number = useNumber()
  const memberSince = new Intl.DateTimeFormat(useIntlLocale(), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const joined = new Date(user.createdAt)
  const votes = (n: number) => t('community.profile.votes', { count: n, value: number(n) })
  return (
    <div className="profile">
      <header className="profile-header">
        <Avatar person={user} size={72} />
        <div>
          <h1>
            {shownName(t, user)}
            <RolePill role={user.role} />
          </h1>
          <p className="muted">@{user.handle}</p>
          {shownBio(t, user) ? <p className="profile-bio">{shownBio(t, user)}</p> : null}
          <p className="muted">
            <Trans
              i18nKey="community.profile.memberSince"
              values={{ date: memberSince.format(joined) }}
              components={{ when: <time dateTime={joined.toISOString()} /> }}
            />
          </p>
          <TrustLevelLine level={user.trustLevel} />
          <ProfileLinks handle={user.handle} moderation={moderation} />
        </div>
      </header>

      <div className="stat-row">
        <Stat label={t('community.profile.reputation')} value={user.reputation} />
        <Stat label={t('community.profile.questions')} value={counts.questions} />
        <Stat label={t('community.profile.answers')} value={counts.answers} />
        <Stat label={t('community.profile.accepted')} value={counts.accepted} />
      </div>
      <OwnFigures figures={figures} />

      <ReputationLink handle={user.handle} />

      <div className="profile-activity">
        <section aria-labelledby="recent-questions">
          <h2 id="recent-questions">{t('community.profile.recentQuestions')}</h2>
          {recentQuestions.length === 0 ? (
            <p className="empty-state">{t('community.profile.noQuestions')}</p>
          ) : (
            <ul className="question-list">
              {recentQuestions.map((q) => (
                <li key={q.id} className="question-summary">
                  <div className="summary-main">
                    <h3 className="summary-title" lang={q.language}>
                      <Link to={threadPath(q)}>{q.title}</Link>
                    </h3>
                    <div className="summary-footer muted">
                      <StatusBadge status={q.status} closedReason={q.closedReason} />
                      {q.visibility === 'private' ? <PrivateBadge /> : null}
                      <span>
                        {votes(q.score)} ·{' '}
                        {t('community.profile.answerCount', {
                          count: q.answerCount,
                          value: number(q.answerCount),
                        })}{' '}
                        ·{' '}
                        <Trans
                          i18nKey="community.profile.asked"
                          components={{ when: <RelativeTime value={q.createdAt} /> }}
                        />
                      </span>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="recent-answers">
          <h2 id="recent-answers">{t('community.profile.recentAnswers')}</h2>
          {recentAnswers.length === 0 ? (
            <p className="empty-state">{t('community.profile.noAnswers')}</p>
          ) : (
            <ul className="question-list">
              {recentAnswers.map((a) => (
                <li key={a.id} className="question-summary">
                  <div className="summary-main">
                    <h3 className="summary-title" lang={a.question.language}>
                      <Link to={threadPath(a.question, a.id)}>{a.question.title}</Link>
                    </h3>
                    <div className="summary-footer muted">
                      {a.question.visibility === 'private' ? <PrivateBadge /> : null}
                      {a.isAccepted ? (
                        <span className="badge badge-solved">
                          {t('community.profile.acceptedBadge')}
                        </span>
                      ) : null}
                      <span>
                        {votes(a.score)} ·{' '}
                        <Trans
                          i18nKey="community.profile.answered"
                          components={{ when: <RelativeTime value={a.createdAt} /> }}
                        />
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
