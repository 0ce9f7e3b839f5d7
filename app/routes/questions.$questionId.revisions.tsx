import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RevisionHistory } from '~/components/revision-history'
import { getUser } from '~/modules/auth/auth.server'
import { getRevisionHistory } from '~/modules/questions/history.server'
import { getVisibleQuestion } from '~/modules/questions/questions.server'
import { notFound } from '~/utils/http.server'
import { slugify } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History: ${data.question.title} · Tanya` : 'History · Tanya' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const id = z.coerce.number().int().positive().safeParse(params.questionId)
  const question = id.success ? getVisibleQuestion(id.data, user) : null
  if (!question) notFound('Question not found')
  return json({
    question: { id: question.id, title: question.title },
    revisions: getRevisionHistory('question', question.id),
  })
}

export default function QuestionHistory() {
  const { question, revisions } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <p>
        <Link to={`/questions/${question.id}/${slugify(question.title)}`}>
          ← Back to the question
        </Link>
      </p>
      <h1>History of “{question.title}”</h1>
      <RevisionHistory revisions={revisions} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
