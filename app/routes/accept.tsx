import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { acceptByToken, getAcceptByToken } from '~/modules/surveys/reminders.server'
import { readForm } from '~/utils/form.server'
import { threadPath } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

/**
 * A reminder's "accept this answer" link, signed in or not: the token is the authority. Opening
 * it accepts nothing; it shows the answer and asks for a confirming click.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const page = getAcceptByToken(url.searchParams.get('token'))
  const t = await getT(request)
  return json(
    {
      title: t('dashboard.accept.title'),
      page: page.ok
        ? { ...page, path: threadPath({ id: page.questionId, title: page.title }) }
        : page,
      done: url.searchParams.has('done'),
    },
    { status: page.ok ? 200 : page.reason === 'expired' ? 410 : 404 },
  )
}

export async function action({ request }: ActionFunctionArgs) {
  const token = (await readForm(request)).get('token')
  acceptByToken(typeof token === 'string' ? token : '')
  return redirect(`/accept?token=${encodeURIComponent(String(token))}&done=1`)
}

export default function AcceptFromEmail() {
  const { page, done } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  if (!page.ok)
    return (
      <div className="narrow">
        <h1>{t('dashboard.accept.title')}</h1>
        <p className="notice">
          {page.reason === 'expired'
            ? t('dashboard.accept.expired')
            : t('dashboard.accept.badLink')}
        </p>
      </div>
    )
  return (
    <div className="narrow">
      <h1>{t('dashboard.accept.title')}</h1>
      <p className="lead">
        <Link to={page.path}>{page.title}</Link>
      </p>
      <section className="card" aria-labelledby="accept-answer-title">
        <h2 id="accept-answer-title">{t('dashboard.accept.answerBy', { author: page.author })}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
      </section>
      {page.accepted ? (
        <p className="notice" role="status">
          {done ? t('dashboard.accept.done') : t('dashboard.accept.already')}{' '}
          <Link to={`${page.path}#survey`}>{t('dashboard.accept.openThread')}</Link>
        </p>
      ) : (
        <Form method="post" action="/accept" className="form-actions">
          <input type="hidden" name="token" value={page.token} />
          <p>{t('dashboard.accept.confirm')}</p>
          <button type="submit" className="button">
            {t('dashboard.accept.button')}
          </button>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
