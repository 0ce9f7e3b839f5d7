import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RuleSettings } from '~/components/kb/rule-settings'
import { RelativeTime } from '~/components/time'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { personWords } from '~/i18n/trans-values'
import { requireAllowed } from '~/utils/session.server'
import {
  applyPromotionRule,
  getPromotionSettings,
  listCandidates,
  updatePromotionSettings,
} from '~/modules/kb/promotion.server'
import { can } from '~/modules/policy/policy'
import { readForm } from '~/utils/form.server'
import { forbidden, formValues, invalid } from '~/utils/http.server'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const SETTINGS_FIELDS = ['mode', 'minScore', 'minAcceptedDays', 'minAuthorReputation'] as const

const guard = (request: Request) => requireAllowed(request, 'kb.manage')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request)
  return json({
    title: (await getT(request))('kb.meta.queue'),
    candidates: listCandidates(await getLanguage(request)),
    settings: can(user, 'kb.settings', null) ? getPromotionSettings() : null,
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['settings', 'apply-rule'] as const

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  if (!can(user, 'kb.settings', null)) forbidden()
  const form = await readForm(request)
  const intent = form.get('intent')
  if (intent === 'settings') {
    const values = formValues(form, SETTINGS_FIELDS)
    const result = updatePromotionSettings(user, values)
    if (!result.ok) return invalid(result.fieldErrors, values)
    return redirect('/kb/candidates?saved=1#rule')
  }
  if (intent === 'apply-rule') {
    // Staff who run the rule are the writers of what it publishes: drafts in their language.
    const t = await getT(request)
    const { queued, published } = await applyPromotionRule({
      question: t('kb.promote.draftQuestion'),
      answer: t('kb.promote.draftAnswer'),
    })
    return redirect(`/kb/candidates?queued=${queued}&published=${published}#rule`)
  }
  throw new Response(msg('errors.unknownAction'), { status: 400 })
}

export default function CandidateQueue() {
  const { candidates, settings } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const hidden = <span className="visually-hidden" />
  return (
    <div>
      <p>
        <Link to="/kb">{t('kb.queue.back')}</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>{t('kb.queue.title')}</h1>
          <p className="lead">{t('kb.queue.lead')}</p>
        </div>
      </div>
      {params.get('rejected') ? (
        <p className="notice" role="status">
          {t('kb.queue.rejected')}
        </p>
      ) : null}

      {candidates.length === 0 ? (
        <div className="empty-state">
          <h2>{t('kb.queue.emptyTitle')}</h2>
          <p>{t('kb.queue.emptyText')}</p>
        </div>
      ) : (
        <ol className="kb-queue" aria-label={t('kb.queue.listLabel')}>
          {candidates.map((c) => (
            <li key={c.id} className="kb-candidate">
              <h2 lang={c.question.language}>
                <Link to={`/kb/candidates/${c.id}`}>{c.question.title}</Link>
              </h2>
              <p className="kb-excerpt" lang={c.answer.language}>
                {c.answer.excerpt}
              </p>
              <div className="kb-row-meta">
                <span>{c.category}</span>
                <span>
                  {t('kb.queue.answerBy', {
                    name: c.author.displayName,
                    reputation: c.author.reputation,
                    score: c.answer.score,
                  })}
                </span>
                <span>
                  <Trans
                    i18nKey={
                      c.queuedBy === 'rule'
                        ? 'kb.queue.queuedByRule'
                        : 'kb.queue.queuedOnAcceptance'
                    }
                    components={{ when: <RelativeTime value={c.createdAt} /> }}
                  />
                </span>
                <Link to={`/kb/candidates/${c.id}`} className="button button-small">
                  <Trans
                    i18nKey="kb.queue.review"
                    values={{ title: c.question.title }}
                    components={{ hidden }}
                    {...personWords}
                  />
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}

      {settings ? <RuleSettings settings={settings} /> : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
