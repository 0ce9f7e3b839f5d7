import { Trans, useTranslation } from 'react-i18next'
import type { MessageKey } from '~/i18n/keys'
import { PEOPLES_WORDS } from '~/i18n/trans'
import { REMOVAL_REASON_LABELS, type RemovalReason } from '~/modules/moderation/validation'
import { RelativeTime } from '../time'

type Removed = { at: string | Date; by: string | null; reason: string | null; note: string | null }

function reasonLabel(reason: string | null): MessageKey | null {
  return reason && reason in REMOVAL_REASON_LABELS
    ? REMOVAL_REASON_LABELS[reason as RemovalReason]
    : null
}

/** Who removed it and when, with the reason and the note when there are any: one sentence each. */
const BY: Record<'deleted' | 'hidden', Record<'plain' | 'reason' | 'note' | 'both', MessageKey>> = {
  deleted: {
    plain: 'questions.removed.deleted',
    reason: 'questions.removed.deletedReason',
    note: 'questions.removed.deletedNote',
    both: 'questions.removed.deletedReasonNote',
  },
  hidden: {
    plain: 'questions.removed.hid',
    reason: 'questions.removed.hidReason',
    note: 'questions.removed.hidNote',
    both: 'questions.removed.hidReasonNote',
  },
}

/**
 * The banner on a deleted or hidden post. Moderators see who removed it, when and why; the
 * author of a hidden post is told that only they and the moderators can see it.
 */
export function RemovedNotice({
  what,
  deleted,
  hidden,
  held = false,
  removal,
}: {
  what: 'question' | 'answer'
  deleted: boolean
  hidden: boolean
  held?: boolean
  removal: Removed | null
}) {
  const { t } = useTranslation()
  if (!deleted && !hidden) return null
  // Held by the spam rules: nobody has removed it, it waits for a moderator's approval.
  if (held && !deleted)
    return (
      <p className="notice notice-warning" role="note">
        <strong>{t(what === 'question' ? 'trust.held.question' : 'trust.held.answer')}</strong>
      </p>
    )
  const state: MessageKey = deleted
    ? what === 'question'
      ? 'questions.removed.questionDeleted'
      : 'questions.removed.answerDeleted'
    : what === 'question'
      ? 'questions.removed.questionHidden'
      : 'questions.removed.answerHidden'
  const reason = removal ? reasonLabel(removal.reason) : null
  const note = removal?.note || null
  const sentence =
    BY[deleted ? 'deleted' : 'hidden'][
      reason && note ? 'both' : reason ? 'reason' : note ? 'note' : 'plain'
    ]
  return (
    <p className={`notice ${deleted ? 'notice-removed' : 'notice-warning'}`} role="note">
      <strong>{t(state)}</strong>{' '}
      {removal ? (
        <Trans
          i18nKey={sentence}
          {...PEOPLES_WORDS}
          values={{
            name: removal.by ?? t('questions.removed.someone'),
            reason: reason ? t(reason) : '',
            note: note ?? '',
          }}
          components={{ when: <RelativeTime value={removal.at} /> }}
        />
      ) : deleted ? null : (
        t('questions.removed.onlyYou')
      )}
    </p>
  )
}
