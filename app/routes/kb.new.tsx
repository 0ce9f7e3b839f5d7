import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, SelectField, TextField } from '~/components/forms'
import { KbArticleFields } from '~/components/kb-article-fields'
import { requireUser } from '~/modules/auth/auth.server'
import { listCategories } from '~/modules/categories/categories.server'
import { createArticle } from '~/modules/kb/kb.server'
import { articleSchema, REVISION_COMMENT_MAX } from '~/modules/kb/validation'
import { can } from '~/modules/policy/policy'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { forbidden, formValues, invalid } from '~/utils/http.server'
import { renderPreview } from '~/utils/preview.server'
import kbStyles from '~/styles/kb.css'

const FIELDS = ['title', 'summary', 'body', 'category', 'tags', 'status', 'comment'] as const

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction = () => [{ title: 'New article · Knowledge base · Tanya' }]

async function guard(request: Request) {
  const user = await requireUser(request)
  if (!can(user, 'kb.manage', null)) forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  return json({ categories: listCategories() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const form = await request.formData()
  const values = formValues(form, FIELDS)
  if (form.get('intent') === 'preview')
    return json({
      ok: false as const,
      fieldErrors: {},
      values,
      preview: renderPreview(values.body),
    })
  const parsed = articleSchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const result = createArticle(user, parsed.data)
  if (!result.ok) return invalid(result.fieldErrors, values)
  return redirect(`/kb/${result.slug}`)
}

export default function NewArticle() {
  const { categories } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const values = data?.values ?? {
    title: '',
    summary: '',
    body: '',
    category: '',
    tags: '',
    status: 'draft',
    comment: '',
  }
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  return (
    <div className="narrow">
      <p>
        <Link to="/kb">← Knowledge base</Link>
      </p>
      <h1>New article</h1>
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <KbArticleFields
          categories={categories}
          values={values}
          fieldErrors={errors}
          preview={data && 'preview' in data ? data.preview : null}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={values.status}
          error={errors.status}
          hint="Drafts are visible to moderators and staff only."
          options={[
            { value: 'draft', label: 'Draft' },
            { value: 'published', label: 'Published' },
          ]}
        />
        <TextField
          label="Note for the history"
          name="comment"
          defaultValue={values.comment}
          error={errors.comment}
          hint="Optional: where this article comes from."
          maxLength={REVISION_COMMENT_MAX}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {busy ? 'Saving…' : 'Save article'}
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
