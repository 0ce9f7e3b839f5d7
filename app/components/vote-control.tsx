import { useFetcher } from '@remix-run/react'

type Props = {
  postType: 'question' | 'answer'
  postId: number
  score: number
  myVote: number
  canVote: boolean
}

/** Up/down votes; a second click on the same arrow withdraws the vote. Shows the change at once. */
export function VoteControl({ postType, postId, score, myVote, canVote }: Props) {
  const fetcher = useFetcher()
  const pending = fetcher.formData ? Number(fetcher.formData.get('value')) : null
  const vote = pending ?? myVote
  const shown = score - myVote + vote
  const label = postType === 'question' ? 'question' : 'answer'
  if (!canVote)
    return (
      <div className="votes" aria-label={`Score ${shown}`}>
        <span className="score">{shown}</span>
        <span className="score-label">votes</span>
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
        aria-label={`Upvote this ${label}`}
      >
        ▲
      </button>
      <span className="score" aria-live="polite" aria-label={`Score ${shown}`}>
        {shown}
      </span>
      <button
        type="submit"
        name="value"
        value={vote === -1 ? 0 : -1}
        className={`vote-button${vote === -1 ? ' voted' : ''}`}
        aria-pressed={vote === -1}
        aria-label={`Downvote this ${label}`}
      >
        ▼
      </button>
    </fetcher.Form>
  )
}
