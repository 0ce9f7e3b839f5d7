import { Trans, useTranslation } from 'react-i18next'
import { personWords } from '~/i18n/trans-values'
import { RelativeTime } from '../time'
import { shownName } from '~/modules/users/names'

export type OnCallSummary = {
  current: { displayName: string; handle: string; until: string | Date } | null
  next: { displayName: string; handle: string; from: string | Date } | null
}

/** Who escalations go to now, and who takes over next. */
export function OnCall({ onCall }: { onCall: OnCallSummary }) {
  const { t } = useTranslation()
  return (
    <section className="desk-oncall" aria-labelledby="on-call-title">
      <h2 id="on-call-title">{t('desk.onCall.heading')}</h2>
      <p>
        {onCall.current ? (
          <Trans
            i18nKey="desk.onCall.now"
            values={{ name: shownName(t, onCall.current) }}
            components={{
              who: <a href={`/users/${onCall.current.handle}`} />,
              when: <RelativeTime value={onCall.current.until} />,
            }}
            {...personWords}
          />
        ) : (
          t('desk.onCall.nobody')
        )}
      </p>
      <p className="muted">
        {onCall.next ? (
          <Trans
            i18nKey="desk.onCall.next"
            values={{ name: shownName(t, onCall.next) }}
            components={{
              who: <a href={`/users/${onCall.next.handle}`} />,
              when: <RelativeTime value={onCall.next.from} />,
            }}
            {...personWords}
          />
        ) : (
          t('desk.onCall.noNext')
        )}
      </p>
    </section>
  )
}
