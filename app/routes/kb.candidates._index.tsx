import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RuleSettings } from '~/components/kb/rule-settings'
import { RelativeTime } from '~/components/time'
import { requireUser } from '~/utils/session.server'
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

export const meta: MetaFunction = () => [{ title: 'Promotion queue · Knowledge base · Tanya' }]

const SETTINGS_FIELDS = ['mode', 'minScore', 'minAcceptedDays', 'minAuthorReputation'] as const

async function guard(request: Request) {
  const user = await requireUser(request)
  if (!can(user, 'kb.manage', null)) forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request)
  return json({
    candidates: listCandidates(),
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
    const { queued, published } = await applyPromotionRule()
    return redirect(`/kb/candidates?queued=${queued}&published=${published}#rule`)
  }
  throw new Response('Unknown action', { status: 400 })
}

export default function CandidateQueue() {
  const { candidates, settings } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <div>
      <p>
        <Link to="/kb">← Knowledge base</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>Promotion queue</h1>
          <p className="lead">
            Accepted answers proposed for the knowledge base, oldest first. Turn the good ones into
            articles; reject the rest with a note.
          </p>
        </div>
      </div>
      {params.get('rejected') ? (
        <p className="notice" role="status">
          The candidate was rejected and left the queue.
        </p>
      ) : null}

      {candidates.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing waiting</h2>
          <p>
            When an asker accepts an answer, the thread appears here so that it can become an
            article.
          </p>
        </div>
      ) : (
        <ol className="kb-queue" aria-label="Candidates">
          {candidates.map((c) => (
            <li key={c.id} className="kb-candidate">
              <h2>
                <Link to={`/kb/candidates/${c.id}`}>{c.question.title}</Link>
              </h2>
              <p className="kb-excerpt">{c.answer.excerpt}</p>
              <div className="kb-row-meta">
                <span>{c.category}</span>
                <span>
                  Answer by {c.author.displayName} ({c.author.reputation} rep) · score{' '}
                  {c.answer.score}
                </span>
                <span>
                  {c.queuedBy === 'rule' ? 'Queued by the rule' : 'Queued on acceptance'}{' '}
                  <RelativeTime value={c.createdAt} />
                </span>
                <Link to={`/kb/candidates/${c.id}`} className="button button-small">
                  Review<span className="visually-hidden">: {c.question.title}</span>
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
