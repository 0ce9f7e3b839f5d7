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
import { getArticleForEdit, updateArticle } from '~/modules/kb/kb.server'
import { articleSchema, KB_SLUG_PATTERN, REVISION_COMMENT_MAX } from '~/modules/kb/validation'
import { can } from '~/modules/policy/policy'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { forbidden, formValues, invalid, notFound } from '~/utils/http.server'
import { renderPreview } from '~/utils/preview.server'
import kbStyles from '~/styles/kb.css'

const FIELDS = ['title', 'summary', 'body', 'category', 'tags', 'status', 'comment'] as const

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit: ${data.article.values.title} · Tanya` : 'Edit article · Tanya' },
]

async function guard(request: Request, slug: string | undefined) {
  const user = await requireUser(request)
  if (!can(user, 'kb.manage', null)) forbidden()
  const article = slug && KB_SLUG_PATTERN.test(slug) ? getArticleForEdit(slug, user) : null
  if (!article) notFound('Article not found')
  return { user, article }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { article } = await guard(request, params.slug)
  return json({ article, categories: listCategories() })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, article } = await guard(request, params.slug)
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
  const result = updateArticle(user, article.id, parsed.data)
  if (!result.ok) return invalid(result.fieldErrors, values)
  return redirect(`/kb/${result.slug}`)
}

export default function EditArticle() {
  const { article, categories } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const values = data?.values ?? { ...article.values, comment: '' }
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  return (
    <div className="narrow">
      <p>
        <Link to={`/kb/${article.slug}`}>← {article.values.title}</Link>
      </p>
      <h1>Edit article</h1>
      {article.origin === 'content' ? (
        <p className="notice" role="note">
          This article is shipped as <code>content/kb/{article.slug}.md</code>. Your edit stays
          until that file changes; then the file&apos;s version becomes the next revision.
        </p>
      ) : null}
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
          hint="Drafts and archived articles are visible to moderators and staff only."
          options={[
            { value: 'draft', label: 'Draft' },
            { value: 'published', label: 'Published' },
            { value: 'archived', label: 'Archived' },
          ]}
        />
        <TextField
          label="Edit summary"
          name="comment"
          defaultValue={values.comment}
          error={errors.comment}
          hint="Optional: what did you change?"
          maxLength={REVISION_COMMENT_MAX}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
