import { useFetcher } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { answerTargetOn, can, type Actor, type QuestionTarget } from '~/modules/policy/policy'
import { shownName } from '~/modules/users/names'
import { Byline } from '../post-meta'
import { VoteControl } from '../vote-control'
import { PostActions } from './post-actions'
import { RemovedNotice } from './removed-notice'

export type AnswerView = {
  id: number
  bodyHtml: string
  /** The language it is written in ('en', 'id'): its lang attribute. */
  language: string
  score: number
  hiddenAt: string | null
  /** held for a moderator by the spam rules (its author and moderators see it) */
  heldAt?: string | null
  deletedAt: string | null
  createdAt: string
  updatedAt: string
  isAccepted: boolean
  myVote: number
  author: { id: number; handle: string; displayName: string; role: string; reputation: number }
}

type Removed = { at: string; by: string | null; reason: string | null; note: string | null }

export function AnswerItem({
  answer,
  viewer,
  path,
  questionTarget,
  removal,
  label = null,
  children = null,
}: {
  answer: AnswerView
  viewer: Actor | null
  path: string
  questionTarget: QuestionTarget
  removal: Removed | null
  /** Said above the text (an automatic suggestion's label), and shown below it (its buttons). */
  label?: ReactNode
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const acceptFetcher = useFetcher()
  const target = answerTargetOn(questionTarget, answer)
  const removed = Boolean(answer.deletedAt || answer.hiddenAt)
  return (
    <li
      id={`answer-${answer.id}`}
      className={`post answer${answer.isAccepted ? ' accepted' : ''}${removed ? ' removed' : ''}`}
      // Named by who wrote it; "Accepted answer" is said once, by the visible label inside.
      aria-label={t('questions.answer.by', { name: shownName(t, answer.author) })}
    >
      <div className="post-side">
        <VoteControl
          postType="answer"
          postId={answer.id}
          score={answer.score}
          myVote={answer.myVote}
          canVote={can(viewer, 'answer.vote', target)}
        />
        {answer.isAccepted ? (
          // The label beside the answer says it in words; the check mark is decoration.
          <span className="accepted-mark" aria-hidden="true">
            ✓
          </span>
        ) : null}
      </div>
      <div className="post-main">
        {answer.isAccepted ? (
          <p className="accepted-label">{t('questions.answer.accepted')}</p>
        ) : null}
        <RemovedNotice
          what="answer"
          deleted={Boolean(answer.deletedAt)}
          hidden={Boolean(answer.hiddenAt)}
          held={Boolean(answer.heldAt)}
          removal={removal}
        />
        {label}
        <div
          className="prose"
          lang={answer.language}
          dangerouslySetInnerHTML={{ __html: answer.bodyHtml }}
        />
        {children}
        <div className="post-footer">
          <div className="post-actions">
            <PostActions
              viewer={viewer}
              path={path}
              what="answer"
              answerId={answer.id}
              target={target}
              editHref={`/answers/${answer.id}/edit`}
              historyHref={`/answers/${answer.id}/revisions`}
              edited={answer.updatedAt !== answer.createdAt}
            />
            {can(viewer, 'answer.accept', target) ? (
              <acceptFetcher.Form method="post" action={path} preventScrollReset>
                <input type="hidden" name="answerId" value={answer.id} />
                <button
                  type="submit"
                  name="intent"
                  value={answer.isAccepted ? 'unaccept' : 'accept'}
                  className={
                    answer.isAccepted
                      ? 'button button-secondary button-small'
                      : 'button button-small'
                  }
                  disabled={acceptFetcher.state !== 'idle'}
                >
                  {answer.isAccepted
                    ? t('questions.answer.unaccept')
                    : t('questions.answer.accept')}
                </button>
              </acceptFetcher.Form>
            ) : null}
          </div>
          <Byline verb="answered" at={answer.createdAt} person={answer.author} />
        </div>
      </div>
    </li>
  )
}
