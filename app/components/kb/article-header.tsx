import { Link } from '@remix-run/react'

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

function DateText({ value }: { value: string }) {
  const date = new Date(value)
  return <time dateTime={date.toISOString()}>{longDate.format(date)}</time>
}

type Props = {
  article: {
    slug: string
    title: string
    summary: string
    language: string
    status: string
    updatedAt: string
    viewCount: number
    solvedCount: number
    helpfulYes: number
    helpfulNo: number
    reviewDueAt: string | null
  }
  category: { slug: string; name: string } | null
  canManage: boolean
}

/** Breadcrumbs, the draft/archived notice, the title, summary and what is known about it. */
export function ArticleHeader({ article, category, canManage }: Props) {
  const votes = article.helpfulYes + article.helpfulNo
  return (
    <>
      <nav aria-label="Breadcrumbs" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/kb">Knowledge base</Link>
          </li>
          {category ? (
            <li>
              <Link to={`/kb#kb-cat-${category.slug}`}>{category.name}</Link>
            </li>
          ) : null}
        </ol>
      </nav>
      {article.status !== 'published' ? (
        <aside className="notice notice-warning" role="note">
          {article.status === 'draft'
            ? 'This article is a draft. Only moderators and staff can see it.'
            : 'This article is archived. Only moderators and staff can see it.'}
        </aside>
      ) : null}
      <header className="kb-article-header">
        <h1 id="article-title" lang={article.language}>
          {article.title}
        </h1>
        <p className="kb-summary" lang={article.language}>
          {article.summary}
        </p>
        <p className="kb-meta">
          <span>
            Updated <DateText value={article.updatedAt} />
          </span>
          <span>
            {article.viewCount.toLocaleString('en')} {article.viewCount === 1 ? 'view' : 'views'}
          </span>
          {article.solvedCount > 0 ? (
            <span className="kb-solved">
              Solved {article.solvedCount} {article.solvedCount === 1 ? 'question' : 'questions'}
            </span>
          ) : null}
          {votes > 0 ? (
            <span>
              {article.helpfulYes} of {votes} found this helpful
            </span>
          ) : null}
          {canManage ? null : <Link to={`/kb/${article.slug}/revisions`}>History</Link>}
        </p>
        {canManage ? (
          <p className="kb-meta">
            <Link to={`/kb/${article.slug}/edit`}>Edit</Link>
            <Link to={`/kb/${article.slug}/revisions`}>History</Link>
            {article.reviewDueAt ? (
              <span>
                Review due <DateText value={article.reviewDueAt} />
              </span>
            ) : null}
          </p>
        ) : null}
      </header>
    </>
  )
}
