import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RevisionHistory } from '~/components/revision-history'
import { getVisibleAnswer } from '~/modules/answers/answers.server'
import { getUser } from '~/modules/auth/auth.server'
import { getRevisionHistory } from '~/modules/questions/history.server'
import { notFound } from '~/utils/http.server'
import { slugify } from '~/utils/slug'

export const meta: MetaFunction = () => [{ title: 'Answer history · Tanya' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const id = z.coerce.number().int().positive().safeParse(params.answerId)
  const found = id.success ? getVisibleAnswer(id.data, user) : null
  if (!found) notFound('Answer not found')
  return json({
    question: { id: found.question.id, title: found.question.title },
    revisions: getRevisionHistory('answer', found.answer.id),
  })
}

export default function AnswerHistory() {
  const { question, revisions } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <p>
        <Link to={`/questions/${question.id}/${slugify(question.title)}`}>← {question.title}</Link>
      </p>
      <h1>History of an answer</h1>
      <RevisionHistory revisions={revisions} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
