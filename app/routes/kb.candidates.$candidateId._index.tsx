import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, TextAreaField } from '~/components/forms'
import { KbArticleFields } from '~/components/kb-article-fields'
import { requireUser } from '~/utils/session.server'
import { listCategories } from '~/modules/categories/categories.server'
import { getCandidateDraft, publishCandidate, rejectCandidate } from '~/modules/kb/promotion.server'
import { promotionSchema, REJECT_NOTE_MAX, rejectSchema } from '~/modules/kb/validation'
import { can } from '~/modules/policy/policy'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { forbidden, formValues, invalid, notFound } from '~/utils/http.server'
import { previewReply, saveForm } from '~/utils/preview.server'
import { slugify } from '~/utils/slug'
import kbStyles from '~/styles/kb.css'

const FIELDS = ['title', 'summary', 'body', 'category', 'tags', 'note'] as const

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Promote: ${data.candidate.question.title} · Tanya`
      : 'Promotion candidate · Tanya',
  },
]

async function guard(request: Request, rawId: string | undefined) {
  const user = await requireUser(request)
  if (!can(user, 'kb.manage', null)) forbidden()
  const id = z.coerce.number().int().positive().safeParse(rawId)
  const candidate = id.success ? getCandidateDraft(id.data) : null
  if (!candidate) notFound('This candidate is no longer in the queue')
  return { user, candidate }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { candidate } = await guard(request, params.candidateId)
  return json({ candidate, categories: listCategories() })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['preview', 'publish', 'reject'] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, candidate } = await guard(request, params.candidateId)
  const id = candidate.candidate.id
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  switch (form.get('intent')) {
    case 'preview':
      return previewReply(values)
    case 'publish':
      return saveForm(values, promotionSchema, async (input) => {
        const result = await publishCandidate(user, id, input)
        return result.ok ? { ok: true, location: `/kb/${result.slug}` } : result
      })
    case 'reject': {
      const parsed = rejectSchema.safeParse(values)
      if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
      rejectCandidate(user, id, parsed.data.note)
      return redirect('/kb/candidates?rejected=1')
    }
    default:
      throw new Response('Unknown action', { status: 400 })
  }
}

export default function PromoteCandidate() {
  const { candidate, categories } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const { question, answer, author, draft } = candidate
  const values = data?.values ?? { ...draft, note: '' }
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  return (
    <div className="narrow">
      <p>
        <Link to="/kb/candidates">← Promotion queue</Link>
      </p>
      <h1>Promote to the knowledge base</h1>
      <section className="kb-source-thread" aria-labelledby="source-title">
        <h2 id="source-title">
          From the thread{' '}
          <Link to={`/questions/${question.id}/${slugify(question.title)}`}>{question.title}</Link>
        </h2>
        <p className="muted">
          Accepted answer by {author.displayName} ({author.reputation} rep), score {answer.score}.
        </p>
        <details>
          <summary>Show the question and the accepted answer</summary>
          <h3>Question</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
          <h3>Accepted answer</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
        </details>
      </section>

      <p>
        The draft below starts from the thread. Rewrite it for someone who never saw the thread:
        drop names, order numbers and anything personal.
      </p>
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <KbArticleFields
          categories={categories}
          values={values}
          fieldErrors={errors}
          preview={data && 'preview' in data ? data.preview : null}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish article'}
          </button>
        </div>
      </Form>

      <section className="kb-reject" aria-labelledby="reject-title">
        <h2 id="reject-title">Not a good fit?</h2>
        <Form method="post" className="stack" noValidate>
          <TextAreaField
            label="Why not"
            name="note"
            defaultValue={values.note}
            error={errors.note}
            hint={`Seen by moderators and staff only (up to ${REJECT_NOTE_MAX} characters).`}
            maxLength={REJECT_NOTE_MAX}
            rows={3}
          />
          <div className="form-actions">
            <button
              type="submit"
              name="intent"
              value="reject"
              className="button button-danger"
              disabled={busy}
            >
              Reject
            </button>
          </div>
        </Form>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
