import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { KbArticleForm } from '~/components/kb-article-fields'
import { requireUser } from '~/utils/session.server'
import { listCategories } from '~/modules/categories/categories.server'
import { handleArticleForm } from '~/utils/article-form.server'
import { getArticleForEdit, updateArticle } from '~/modules/kb/kb.server'
import { KB_SLUG_PATTERN } from '~/modules/kb/validation'
import { can } from '~/modules/policy/policy'
import { forbidden, notFound } from '~/utils/http.server'
import kbStyles from '~/styles/kb.css'

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

// The values of the form's `intent` field this action takes (the forged-request test posts each);
// handleArticleForm reads it: "preview" shows the form again, anything else saves.
export const intents = ['preview', 'save'] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, article } = await guard(request, params.slug)
  return handleArticleForm(request, (input) => updateArticle(user, article.id, input))
}

export default function EditArticle() {
  const { article, categories } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
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
      <KbArticleForm
        categories={categories}
        values={data?.values ?? { ...article.values, comment: '' }}
        fieldErrors={data?.fieldErrors ?? {}}
        preview={data && 'preview' in data ? data.preview : null}
        busy={navigation.state === 'submitting'}
        statuses={[
          { value: 'draft', label: 'Draft' },
          { value: 'published', label: 'Published' },
          { value: 'archived', label: 'Archived' },
        ]}
        statusHint="Drafts and archived articles are visible to moderators and staff only."
        comment={{ label: 'Edit summary', hint: 'Optional: what did you change?' }}
        submitLabel="Save changes"
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
