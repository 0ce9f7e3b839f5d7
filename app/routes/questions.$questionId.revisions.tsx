import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RevisionHistory } from '~/components/revision-history'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getUser } from '~/modules/auth/auth.server'
import { getRevisionHistory } from '~/modules/questions/history.server'
import { getVisibleQuestion } from '~/modules/questions/questions.server'
import { notFound } from '~/utils/http.server'
import { threadPath } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const id = z.coerce.number().int().positive().safeParse(params.questionId)
  const question = id.success ? getVisibleQuestion(id.data, user) : null
  if (!question) notFound(msg('errors.notFound.question'))
  const t = await getT(request)
  return json({
    title: t('community.revisions.questionMeta', { title: question.title }),
    question: { id: question.id, title: question.title },
    revisions: getRevisionHistory('question', question.id),
  })
}

export default function QuestionHistory() {
  const { question, revisions } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to={threadPath(question)}>{t('community.revisions.back')}</Link>
      </p>
      <h1>{t('community.revisions.questionTitle', { title: question.title })}</h1>
      <RevisionHistory revisions={revisions} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
