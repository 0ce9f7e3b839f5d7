import { useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useNumber } from './time'

type Props = {
  postType: 'question' | 'answer'
  postId: number
  score: number
  myVote: number
  canVote: boolean
}

/** Up/down votes; a second click on the same arrow withdraws the vote. Shows the change at once. */
export function VoteControl({ postType, postId, score, myVote, canVote }: Props) {
  const { t } = useTranslation()
  const number = useNumber()
  const fetcher = useFetcher()
  const pending = fetcher.formData ? Number(fetcher.formData.get('value')) : null
  const vote = pending ?? myVote
  const shown = score - myVote + vote
  const scoreLabel = t('questions.votes.score', { value: number(shown) })
  if (!canVote)
    return (
      <div className="votes" aria-label={scoreLabel}>
        <span className="score">{number(shown)}</span>
        <span className="score-label">{t('questions.votes.label', { count: shown })}</span>
      </div>
    )
  return (
    <fetcher.Form method="post" className="votes" preventScrollReset>
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="postType" value={postType} />
      <input type="hidden" name="postId" value={postId} />
      <button
        type="submit"
        name="value"
        value={vote === 1 ? 0 : 1}
        className={`vote-button${vote === 1 ? ' voted' : ''}`}
        aria-pressed={vote === 1}
        aria-label={
          postType === 'question' ? t('questions.votes.upQuestion') : t('questions.votes.upAnswer')
        }
      >
        ▲
      </button>
      <span className="score" aria-live="polite" aria-label={scoreLabel}>
        {number(shown)}
      </span>
      <button
        type="submit"
        name="value"
        value={vote === -1 ? 0 : -1}
        className={`vote-button${vote === -1 ? ' voted' : ''}`}
        aria-pressed={vote === -1}
        aria-label={
          postType === 'question'
            ? t('questions.votes.downQuestion')
            : t('questions.votes.downAnswer')
        }
      >
        ▼
      </button>
    </fetcher.Form>
  )
}
