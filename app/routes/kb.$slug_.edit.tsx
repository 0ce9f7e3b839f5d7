import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { KbArticleForm } from '~/components/kb-article-fields'
import { requireAllowed } from '~/utils/session.server'
import { listCategories } from '~/modules/categories/categories.server'
import { handleArticleForm } from '~/utils/article-form.server'
import { getArticleForEdit, updateArticle } from '~/modules/kb/kb.server'
import { KB_SLUG_PATTERN } from '~/modules/kb/validation'
import { notFound } from '~/utils/http.server'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request, slug: string | undefined) {
  const user = await requireAllowed(request, 'kb.manage')
  const article = slug && KB_SLUG_PATTERN.test(slug) ? getArticleForEdit(slug, user) : null
  if (!article) notFound(msg('errors.notFound.article'))
  return { user, article }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { article } = await guard(request, params.slug)
  const title = (await getT(request))('kb.meta.edit', { title: article.values.title })
  return json({ title, article, categories: listCategories(await getLanguage(request)) })
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
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to={`/kb/${article.slug}`}>← {article.values.title}</Link>
      </p>
      <h1>{t('kb.editor.editTitle')}</h1>
      {article.origin === 'content' ? (
        <p className="notice" role="note">
          <Trans
            i18nKey="kb.editor.shipped"
            values={{ slug: article.slug }}
            components={{ file: <code /> }}
          />
        </p>
      ) : null}
      <KbArticleForm
        categories={categories}
        values={data?.values ?? { ...article.values, comment: '' }}
        fieldErrors={data?.fieldErrors ?? {}}
        preview={data && 'preview' in data ? data.preview : null}
        busy={navigation.state === 'submitting'}
        statuses={[
          { value: 'draft', label: t('kb.editor.statuses.draft') },
          { value: 'published', label: t('kb.editor.statuses.published') },
          { value: 'archived', label: t('kb.editor.statuses.archived') },
        ]}
        statusHint={t('kb.editor.statusHintEdit')}
        comment={{ label: t('kb.editor.editSummary'), hint: t('kb.editor.editSummaryHint') }}
        submitLabel={t('kb.editor.saveChanges')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
