import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useNumber } from '~/components/time'
import { getT } from '~/i18n/i18n.server'
import { listTags } from '~/modules/questions/tags.server'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.title }, { name: 'description', content: data.description }]
    : [{ title: 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request)
  return json({
    title: t('community.tags.meta'),
    description: t('community.tags.description'),
    tags: listTags(),
  })
}

export default function TagsPage() {
  const { tags } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <div>
      <h1>{t('community.tags.title')}</h1>
      <p className="lead">{t('community.tags.lead')}</p>
      {tags.length === 0 ? (
        <p className="empty-state">
          <Trans i18nKey="community.tags.empty" components={{ go: <Link to="/ask" /> }} />
        </p>
      ) : (
        <ul className="tags tag-index" aria-label={t('community.tags.all')}>
          {tags.map((tag) => (
            <li key={tag.name}>
              <Link to={`/questions?tag=${encodeURIComponent(tag.name)}`} className="tag">
                {tag.name}
              </Link>{' '}
              <span className="muted">
                {t('community.tags.questions', { count: tag.count, value: number(tag.count) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
