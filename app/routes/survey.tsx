import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SurveyForm } from '~/components/dashboard/survey-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { answerSurveyByToken, getSurveyByToken } from '~/modules/surveys/surveys.server'
import { ratingFrom, surveySchema } from '~/modules/surveys/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid } from '~/utils/http.server'
import { threadPath } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

/**
 * The survey from an e-mail, signed in or not: the link's token is the authority. Opening a
 * rating link records nothing (mail scanners open every link); it shows the form with that
 * rating chosen, and one button sends it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const page = getSurveyByToken(url.searchParams.get('token'))
  const t = await getT(request)
  return json(
    {
      title: t('dashboard.survey.title'),
      page: page.ok
        ? { ...page, path: threadPath({ id: page.questionId, title: page.title }) }
        : page,
      chosen: ratingFrom(url.searchParams.get('rating')),
      saved: url.searchParams.has('saved'),
    },
    { status: page.ok ? 200 : page.reason === 'expired' ? 410 : 404 },
  )
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const values = formValues(form, ['token', 'rating', 'comment'] as const)
  const parsed = surveySchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  answerSurveyByToken(values.token, parsed.data)
  return redirect(`/survey?token=${encodeURIComponent(values.token)}&saved=1`)
}

export default function SurveyFromEmail() {
  const { page, chosen, saved } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  if (!page.ok)
    return (
      <div className="narrow">
        <h1>{t('dashboard.survey.title')}</h1>
        <p className="notice">
          {page.reason === 'expired'
            ? t('dashboard.survey.closedNotice')
            : t('dashboard.survey.badLink')}
        </p>
      </div>
    )
  const typed = data?.values.rating ? ratingFrom(data.values.rating) : null
  return (
    <div className="narrow">
      <h1>{t('dashboard.survey.title')}</h1>
      <p className="lead">
        <Link to={page.path}>{page.title}</Link>
      </p>
      {saved ? (
        <p className="notice" role="status">
          {t('dashboard.survey.thanks', { rating: page.survey.rating ?? '' })}
        </p>
      ) : null}
      <SurveyForm
        action="/survey"
        token={page.token}
        rating={typed ?? chosen ?? page.survey.rating}
        comment={data?.values.comment ?? page.survey.comment}
        errors={data?.fieldErrors}
        answered={page.survey.rating !== null}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
