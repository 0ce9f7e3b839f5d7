import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { formatDate, useIntlLocale, useNumber } from '../time'

/** "Updated 2 November 2026" / "Diperbarui 2 November 2026": a long date in the page's language. */
function DatedText({
  i18nKey,
  value,
}: {
  i18nKey: 'kb.article.updated' | 'kb.article.reviewDue'
  value: string
}) {
  const date = new Date(value)
  const locale = useIntlLocale()
  return (
    <Trans
      i18nKey={i18nKey}
      values={{ date: formatDate(date, locale, 'long') }}
      components={{ when: <time dateTime={date.toISOString()} /> }}
    />
  )
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
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <>
      <nav aria-label={t('kb.article.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/kb">{t('kb.article.home')}</Link>
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
            ? t('kb.article.draftNotice')
            : t('kb.article.archivedNotice')}
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
            <DatedText i18nKey="kb.article.updated" value={article.updatedAt} />
          </span>
          <span>
            {t('kb.article.views', { count: article.viewCount, n: number(article.viewCount) })}
          </span>
          {article.solvedCount > 0 ? (
            <span className="kb-solved">
              {t('kb.article.solved', { count: article.solvedCount })}
            </span>
          ) : null}
          {votes > 0 ? (
            <span>
              {t('kb.article.helpfulShare', {
                yes: number(article.helpfulYes),
                total: number(votes),
              })}
            </span>
          ) : null}
          {canManage ? null : (
            <Link to={`/kb/${article.slug}/revisions`}>{t('kb.article.history')}</Link>
          )}
        </p>
        {canManage ? (
          <p className="kb-meta">
            <Link to={`/kb/${article.slug}/edit`}>{t('kb.article.edit')}</Link>
            <Link to={`/kb/${article.slug}/revisions`}>{t('kb.article.history')}</Link>
            {article.reviewDueAt ? (
              <span>
                <DatedText i18nKey="kb.article.reviewDue" value={article.reviewDueAt} />
              </span>
            ) : null}
          </p>
        ) : null}
      </header>
    </>
  )
}
