import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { PEOPLES_WORDS } from '~/i18n/trans'
import { can, type Actor, type QuestionTarget } from '~/modules/policy/policy'
import { threadPath } from '~/utils/slug'
import { Byline, StatusBadge, TagList } from '../post-meta'
import { RelativeTime, useNumber } from '../time'
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
  /** held for a moderator by the spam rules (its author and moderators see it) */
  heldAt?: string | null
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
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <>
      <header className="thread-header">
        <h1 id="question-title" lang={question.language}>
          {question.title}
        </h1>
        <p className="thread-meta">
          <StatusBadge status={question.status} closedReason={question.closedReason} />
          <span>
            <Trans
              i18nKey="questions.page.asked"
              components={{ when: <RelativeTime value={question.createdAt} /> }}
            />
          </span>
          <span>
            <Trans
              i18nKey="questions.page.active"
              components={{ when: <RelativeTime value={question.lastActivityAt} /> }}
            />
          </span>
          <span>
            {t('questions.page.viewed', {
              count: question.viewCount,
              value: number(question.viewCount),
            })}
          </span>
          <span>
            <Trans
              i18nKey="questions.page.inCategory"
              {...PEOPLES_WORDS}
              values={{ category: p.category.name }}
              components={{ go: <Link to={`/questions?category=${p.category.slug}`} /> }}
            />
          </span>
        </p>
      </header>

      <RemovedNotice
        what="question"
        deleted={Boolean(question.deletedAt)}
        hidden={Boolean(question.hiddenAt)}
        held={Boolean(question.heldAt)}
        removal={p.removal}
      />
      {p.duplicateOf ? (
        <aside className="notice" role="note">
          <Trans
            i18nKey="questions.page.duplicate"
            {...PEOPLES_WORDS}
            values={{ title: p.duplicateOf.title }}
            components={{
              strong: <strong />,
              go: <Link to={threadPath(p.duplicateOf)} />,
            }}
          />
        </aside>
      ) : question.closedReason ? (
        <aside className="notice" role="note">
          {t('questions.page.closed')}
        </aside>
      ) : null}

      <section className="post" aria-label={t('questions.page.question')}>
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
