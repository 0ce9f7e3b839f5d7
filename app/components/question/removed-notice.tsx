import { REMOVAL_REASON_LABELS, type RemovalReason } from '~/modules/moderation/validation'
import { RelativeTime } from '../time'

type Removed = { at: string | Date; by: string | null; reason: string | null; note: string | null }

function reasonLabel(reason: string | null) {
  return reason && reason in REMOVAL_REASON_LABELS
    ? REMOVAL_REASON_LABELS[reason as RemovalReason]
    : null
}

/**
 * The banner on a deleted or hidden post. Moderators see who removed it, when and why; the
 * author of a hidden post is told that only they and the moderators can see it.
 */
export function RemovedNotice({
  what,
  deleted,
  hidden,
  removal,
}: {
  what: 'question' | 'answer'
  deleted: boolean
  hidden: boolean
  removal: Removed | null
}) {
  if (!deleted && !hidden) return null
  const state = deleted ? 'deleted' : 'hidden from the public'
  const reason = removal ? reasonLabel(removal.reason) : null
  return (
    <p className={`notice ${deleted ? 'notice-removed' : 'notice-warning'}`} role="note">
      <strong>
        This {what} is {state}.
      </strong>{' '}
      {removal ? (
        <>
          {removal.by ?? 'Someone'} {deleted ? 'deleted' : 'hid'} it{' '}
          <RelativeTime value={removal.at} />
          {reason ? `: ${reason}` : ''}
          {removal.note ? ` (“${removal.note}”)` : ''}.
        </>
      ) : deleted ? null : (
        'Only you and the moderators can see it.'
      )}
    </p>
  )
}
