import type { MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { listTags } from '~/modules/questions/tags.server'

export const meta: MetaFunction = () => [
  { title: 'Tags · Tanya' },
  {
    name: 'description',
    content: 'Topics people ask Kopi Nusantara about, by number of questions.',
  },
]

export async function loader() {
  return json({ tags: listTags() })
}

export default function TagsPage() {
  const { tags } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1>Tags</h1>
      <p className="lead">Each tag groups questions on one topic. Pick one to see its questions.</p>
      {tags.length === 0 ? (
        <p className="empty-state">
          No tags yet. They appear here once questions use them.{' '}
          <Link to="/ask">Ask the first question</Link>.
        </p>
      ) : (
        <ul className="tags tag-index" aria-label="All tags">
          {tags.map((t) => (
            <li key={t.name}>
              <Link to={`/questions?tag=${encodeURIComponent(t.name)}`} className="tag">
                {t.name}
              </Link>{' '}
              <span className="muted">
                {t.count} question{t.count === 1 ? '' : 's'}
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
