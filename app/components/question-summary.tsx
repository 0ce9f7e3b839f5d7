import { Link } from '@remix-run/react'
import type { SerializeFrom } from '@remix-run/node'
import { Trans, useTranslation } from 'react-i18next'
import { PEOPLES_WORDS } from '~/i18n/trans'
import type { QuestionListItem } from '~/modules/questions/questions.server'
import { shownName } from '~/modules/users/names'
import { threadPath } from '~/utils/slug'
import { StatusBadge, TagList } from './post-meta'
import { RelativeTime, useNumber } from './time'

/** One row of a question list: counts, title, excerpt, tags, who and when. */
export function QuestionSummary({ q }: { q: SerializeFrom<QuestionListItem> }) {
  const { t } = useTranslation()
  const number = useNumber()
  const strong = { strong: <strong /> }
  return (
    <li className="question-summary">
      <div className="summary-stats" aria-label={t('questions.summary.stats')}>
        <span>
          <Trans
            i18nKey="questions.summary.votes"
            count={q.score}
            values={{ value: number(q.score) }}
            components={strong}
          />
        </span>
        <span
          className={
            q.status === 'solved' ? 'stat-solved' : q.answerCount > 0 ? 'stat-answered' : ''
          }
        >
          <Trans
            i18nKey="questions.summary.answers"
            count={q.answerCount}
            values={{ value: number(q.answerCount) }}
            components={strong}
          />
        </span>
        <span className="muted">
          {t('questions.summary.views', { count: q.viewCount, value: number(q.viewCount) })}
        </span>
      </div>
      <div className="summary-main">
        <h3 className="summary-title" lang={q.language}>
          <Link to={threadPath(q)}>{q.title}</Link>
        </h3>
        <p className="summary-excerpt" lang={q.language}>
          {plainExcerpt(q.excerpt)}
        </p>
        <div className="summary-footer">
          <StatusBadge status={q.status} closedReason={q.closedReason} />
          <Link to={`/questions?category=${q.category.slug}`} className="category-link">
            {q.category.name}
          </Link>
          <TagList tags={q.tags} />
          <span className="muted summary-by">
            <Trans
              i18nKey="questions.summary.askedBy"
              {...PEOPLES_WORDS}
              values={{ name: shownName(t, q.author) }}
              components={{
                who: <Link to={`/users/${q.author.handle}`} />,
                when: <RelativeTime value={q.createdAt} />,
              }}
            />
          </span>
        </div>
      </div>
    </li>
  )
}

/** Markdown punctuation is noise in a one-line excerpt. */
function plainExcerpt(md: string) {
  const text = md
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 200 ? `${text.slice(0, 200).replace(/\s\S*$/, '')}…` : text
}
