import { Link } from '@remix-run/react'
import { can, type Actor, type QuestionTarget } from '~/modules/policy/policy'
import { slugify } from '~/utils/slug'
import { Byline, StatusBadge, TagList } from '../post-meta'
import { RelativeTime } from '../time'
import { VoteControl } from '../vote-control'
import { PostActions } from './post-actions'
import { RemovedNotice } from './removed-notice'

type Removed = { at: string; by: string | null; reason: string | null; note: string | null }

export type QuestionView = {
  id: number
  title: string
  bodyHtml: string
  /** The language it is written in ('en', 'id'): its lang attribute. */
  language: string
  status: 'open' | 'answered' | 'solved'
  closedReason: string | null
  lockedAt: string | null
  hiddenAt: string | null
  deletedAt: string | null
  score: number
  viewCount: number
  createdAt: string
  updatedAt: string
  lastActivityAt: string
  myVote: number
}

type Props = {
  question: QuestionView
  author: { handle: string; displayName: string; role: string; reputation: number }
  category: { slug: string; name: string }
  tags: string[]
  target: QuestionTarget
  duplicateOf: { id: number; title: string } | null
  removal: Removed | null
  viewer: Actor | null
  path: string
}

/** The thread's title, state notices and the question itself. */
export function QuestionPost(p: Props) {
  const { question, target } = p
  return (
    <>
      <header className="thread-header">
        <h1 id="question-title" lang={question.language}>
          {question.title}
        </h1>
        <p className="thread-meta">
          <StatusBadge status={question.status} closedReason={question.closedReason} />
          <span>
            Asked <RelativeTime value={question.createdAt} />
          </span>
          <span>
            Active <RelativeTime value={question.lastActivityAt} />
          </span>
          <span>
            Viewed {question.viewCount.toLocaleString('en')}{' '}
            {question.viewCount === 1 ? 'time' : 'times'}
          </span>
          <span>
            in <Link to={`/questions?category=${p.category.slug}`}>{p.category.name}</Link>
          </span>
        </p>
      </header>

      <RemovedNotice
        what="question"
        deleted={Boolean(question.deletedAt)}
        hidden={Boolean(question.hiddenAt)}
        removal={p.removal}
      />
      {p.duplicateOf ? (
        <aside className="notice" role="note">
          <strong>This question has been answered before.</strong> See{' '}
          <Link to={`/questions/${p.duplicateOf.id}/${slugify(p.duplicateOf.title)}`}>
            {p.duplicateOf.title}
          </Link>
          .
        </aside>
      ) : question.closedReason ? (
        <aside className="notice" role="note">
          This question is closed and does not take new answers.
        </aside>
      ) : null}

      <section className="post" aria-label="Question">
        <VoteControl
          postType="question"
          postId={question.id}
          score={question.score}
          myVote={question.myVote}
          canVote={can(p.viewer, 'question.vote', target)}
        />
        <div className="post-main">
          <div
            className="prose"
            lang={question.language}
            dangerouslySetInnerHTML={{ __html: question.bodyHtml }}
          />
          <TagList tags={p.tags} />
          <div className="post-footer">
            <PostActions
              viewer={p.viewer}
              path={p.path}
              what="question"
              target={target}
              editHref={`/questions/${question.id}/edit`}
              historyHref={`/questions/${question.id}/revisions`}
              edited={question.updatedAt !== question.createdAt}
            />
            <Byline verb="asked" at={question.createdAt} person={p.author} />
          </div>
        </div>
      </section>
    </>
  )
}
