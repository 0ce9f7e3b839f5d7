import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RelativeTime } from '~/components/time'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { personWords } from '~/i18n/trans-values'
import { requireAllowed } from '~/utils/session.server'
import { listDueForReview, markArticleReviewed } from '~/modules/kb/kb.server'
import { readForm } from '~/utils/form.server'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'kb.manage')

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  return json({
    title: (await getT(request))('kb.meta.review'),
    due: listDueForReview(await getLanguage(request)),
  })
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reviewed'), articleId: z.coerce.number().int().positive() }),
])

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = actionSchema.options.map((o) => o.shape.intent.value)

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const parsed = actionSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  markArticleReviewed(user, parsed.data.articleId)
  return redirect('/kb/review?reviewed=1')
}

export default function ReviewList() {
  const { due } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const hidden = <span className="visually-hidden" />
  return (
    <div>
      <p>
        <Link to="/kb">{t('kb.review.back')}</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>{t('kb.review.title')}</h1>
          <p className="lead">{t('kb.review.lead')}</p>
        </div>
      </div>
      {params.get('reviewed') ? (
        <p className="notice" role="status">
          {t('kb.review.reviewed')}
        </p>
      ) : null}
      {due.length === 0 ? (
        <div className="empty-state">
          <h2>{t('kb.review.emptyTitle')}</h2>
          <p>{t('kb.review.emptyText')}</p>
        </div>
      ) : (
        <table className="kb-review-table">
          <caption className="visually-hidden">{t('kb.review.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kb.review.article')}</th>
              <th scope="col">{t('kb.review.due')}</th>
              <th scope="col">{t('kb.review.helpful')}</th>
              <th scope="col">{t('kb.review.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/kb/${a.slug}`} lang={a.language}>
                    {a.title}
                  </Link>
                  <div className="muted">
                    {a.category ?? t('kb.review.noCategory')}
                    {a.origin === 'content' ? ` · ${t('kb.review.shippedContent')}` : ''}
                  </div>
                </td>
                <td>{a.reviewDueAt ? <RelativeTime value={a.reviewDueAt} /> : null}</td>
                <td>
                  {a.helpfulYes + a.helpfulNo > 0
                    ? t('kb.review.votes', { yes: a.helpfulYes, no: a.helpfulNo })
                    : t('kb.review.noVotes')}
                </td>
                <td>
                  <div className="kb-review-actions">
                    <Link to={`/kb/${a.slug}/edit`}>{t('kb.review.edit')}</Link>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="articleId" value={a.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="reviewed"
                        className="button button-small button-secondary"
                      >
                        <Trans
                          i18nKey="kb.review.markReviewed"
                          values={{ title: a.title }}
                          components={{ hidden }}
                          {...personWords}
                        />
                      </button>
                    </Form>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
