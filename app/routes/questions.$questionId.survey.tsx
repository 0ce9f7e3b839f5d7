import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SurveyForm } from '~/components/dashboard/survey-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { can } from '~/modules/policy/policy'
import { getVisibleQuestion, questionTarget } from '~/modules/questions/questions.server'
import { answerSurvey, getSurveyFor } from '~/modules/surveys/surveys.server'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { surveySchema } from '~/modules/surveys/validation'
import { NotFound } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { forbidden, formValues, invalid } from '~/utils/http.server'
import { requireUser } from '~/utils/session.server'
import { threadPath } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

function parseId(raw: string | undefined) {
  const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(raw)
  if (!id.success) throw new NotFound('question')
  return id.data
}

/** The asker's survey of their solved question, on a page of its own (the thread shows it too). */
async function guard(request: Request, raw: string | undefined) {
  const user = await requireUser(request)
  const question = getVisibleQuestion(parseId(raw), user)
  if (!question) throw new NotFound('question')
  if (!can(user, 'survey.answer', questionTarget(question))) forbidden()
  const survey = getSurveyFor(user, question.id)
  if (!survey) throw new NotFound('page')
  return { user, question, survey }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { question, survey } = await guard(request, params.questionId)
  const t = await getT(request)
  return json({
    title: t('dashboard.survey.meta', { title: question.title }),
    question: {
      id: question.id,
      title: question.title,
      path: threadPath(question),
    },
    survey,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  // what was sent is read first: a body that is not a form is a 415 for anyone
  const form = await readForm(request)
  const { user, question } = await guard(request, params.questionId)
  const values = formValues(form, ['rating', 'comment'] as const)
  const parsed = surveySchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  answerSurvey(user, question.id, parsed.data)
  return redirect(`${threadPath(question)}?survey=saved#survey`)
}

export default function QuestionSurvey() {
  const { question, survey } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  const rating = data?.values.rating ? Number(data.values.rating) : survey.rating
  return (
    <div className="narrow">
      <h1>{t('dashboard.survey.title')}</h1>
      <p className="lead">
        <Link to={question.path}>{question.title}</Link>
      </p>
      {survey.open ? (
        <SurveyForm
          action={`/questions/${question.id}/survey`}
          rating={Number.isInteger(rating) ? rating : null}
          comment={data?.values.comment ?? survey.comment}
          errors={data?.fieldErrors}
          answered={survey.rating !== null}
        />
      ) : (
        <p className="notice">{t('dashboard.survey.closedNotice')}</p>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
