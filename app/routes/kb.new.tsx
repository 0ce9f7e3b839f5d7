import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { KbArticleForm } from '~/components/kb-article-fields'
import { requireAllowed } from '~/utils/session.server'
import { listCategories } from '~/modules/categories/categories.server'
import { handleArticleForm } from '~/utils/article-form.server'
import { createArticle } from '~/modules/kb/kb.server'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'kb.manage')

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  return json({
    title: (await getT(request))('kb.meta.new'),
    categories: listCategories(await getLanguage(request)),
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each);
// handleArticleForm reads it: "preview" shows the form again, anything else saves.
export const intents = ['preview', 'save'] as const

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  return handleArticleForm(request, (input) => createArticle(user, input))
}

export default function NewArticle() {
  const { categories } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to="/kb">{t('kb.editor.backToKb')}</Link>
      </p>
      <h1>{t('kb.editor.newTitle')}</h1>
      <KbArticleForm
        categories={categories}
        values={
          data?.values ?? {
            title: '',
            summary: '',
            body: '',
            category: '',
            tags: '',
            status: 'draft',
            language: 'auto',
            comment: '',
          }
        }
        fieldErrors={data?.fieldErrors ?? {}}
        preview={data && 'preview' in data ? data.preview : null}
        busy={navigation.state === 'submitting'}
        statuses={[
          { value: 'draft', label: t('kb.editor.statuses.draft') },
          { value: 'published', label: t('kb.editor.statuses.published') },
        ]}
        statusHint={t('kb.editor.statusHintNew')}
        comment={{ label: t('kb.editor.historyNote'), hint: t('kb.editor.historyNoteHint') }}
        submitLabel={t('kb.editor.saveArticle')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
