import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { QuestionForm } from '~/components/question-form'
import { requireUser } from '~/modules/auth/auth.server'
import { listCategories } from '~/modules/categories/categories.server'
import { can } from '~/modules/policy/policy'
import { createQuestion } from '~/modules/questions/questions.server'
import { fieldErrorsOf, questionSchema } from '~/modules/questions/validation'
import { forbidden, formValues, invalid } from '~/utils/http.server'
import { renderPreview } from '~/utils/preview.server'
import { slugify } from '~/utils/slug'

const FIELDS = ['title', 'body', 'category', 'tags'] as const

export const meta: MetaFunction = () => [{ title: 'Ask a question · Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'question.create', null)) forbidden()
  const category = new URL(request.url).searchParams.get('category') ?? ''
  return json({ categories: listCategories(), category })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'question.create', null)) forbidden()
  const form = await request.formData()
  const values = formValues(form, FIELDS)
  if (form.get('intent') === 'preview')
    return json({
      ok: false as const,
      fieldErrors: {},
      values,
      preview: renderPreview(values.body),
    })
  const parsed = questionSchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const result = createQuestion(user, parsed.data)
  if (!result.ok) return invalid(result.fieldErrors, values)
  return redirect(`/questions/${result.id}/${slugify(parsed.data.title)}`)
}

export default function AskPage() {
  const { categories, category } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>Ask the community</h1>
      <p className="lead">
        Helpers and the Kopi Nusantara team answer here. A clear title and the details of what
        happened get the fastest answers.
      </p>
      <QuestionForm
        categories={categories}
        values={data?.values ?? { title: '', body: '', category, tags: '' }}
        fieldErrors={data?.fieldErrors}
        preview={data && 'preview' in data ? data.preview : null}
        submitLabel="Post your question"
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
