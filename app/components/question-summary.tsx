import { Link } from '@remix-run/react'
import type { SerializeFrom } from '@remix-run/node'
import type { QuestionListItem } from '~/modules/questions/questions.server'
import { slugify } from '~/utils/slug'
import { StatusBadge, TagList } from './post-meta'
import { RelativeTime } from './time'

/** One row of a question list: counts, title, excerpt, tags, who and when. */
export function QuestionSummary({ q }: { q: SerializeFrom<QuestionListItem> }) {
  return (
    <li className="question-summary">
      <div className="summary-stats" aria-label="Statistics">
        <span>
          <strong>{q.score}</strong> {Math.abs(q.score) === 1 ? 'vote' : 'votes'}
        </span>
        <span
          className={
            q.status === 'solved' ? 'stat-solved' : q.answerCount > 0 ? 'stat-answered' : ''
          }
        >
          <strong>{q.answerCount}</strong> {q.answerCount === 1 ? 'answer' : 'answers'}
        </span>
        <span className="muted">
          {q.viewCount} {q.viewCount === 1 ? 'view' : 'views'}
        </span>
      </div>
      <div className="summary-main">
        <h3 className="summary-title">
          <Link to={`/questions/${q.id}/${slugify(q.title)}`}>{q.title}</Link>
        </h3>
        <p className="summary-excerpt">{plainExcerpt(q.excerpt)}</p>
        <div className="summary-footer">
          <StatusBadge status={q.status} closedReason={q.closedReason} />
          <Link to={`/questions?category=${q.category.slug}`} className="category-link">
            {q.category.name}
          </Link>
          <TagList tags={q.tags} />
          <span className="muted summary-by">
            <Link to={`/users/${q.author.handle}`}>{q.author.displayName}</Link> asked{' '}
            <RelativeTime value={q.createdAt} />
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
