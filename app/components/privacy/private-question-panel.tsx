import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { atLeast, can, type Actor, type QuestionTarget } from '~/modules/policy/policy'
import { PrivateBadge } from './private-badge'

/**
 * On a private question: who can see it, the asker's consent to publish it, and staff's
 * "Make public", which stays disabled until the asker has agreed. Plain forms: no script needed.
 */
export function PrivateQuestionPanel({
  questionId,
  target,
  viewer,
}: {
  questionId: number
  target: QuestionTarget
  viewer: Actor | null
}) {
  const { t } = useTranslation()
  if (target.visibility !== 'private') return null
  const action = `/questions/${questionId}/publish`
  const asker = can(viewer, 'question.publish_consent', target)
  const staff =
    atLeast(viewer, 'staff') &&
    can(viewer, 'question.make_public', { ...target, publishConsent: true })
  return (
    <section className="notice private-panel" aria-labelledby="private-panel-title">
      <p id="private-panel-title">
        <PrivateBadge /> {asker ? t('privacy.page.askerNotice') : t('privacy.page.staffNotice')}
      </p>
      {asker ? (
        <Form method="post" action={action} className="private-panel-form">
          {target.publishConsent ? (
            <>
              <p>{t('privacy.page.consentGiven')}</p>
              <button
                type="submit"
                name="intent"
                value="withdraw-publish"
                className="button button-secondary button-small"
              >
                {t('privacy.page.withdraw')}
              </button>
            </>
          ) : (
            <>
              <p className="muted">{t('privacy.page.consentIntro')}</p>
              <button
                type="submit"
                name="intent"
                value="allow-publish"
                className="button button-secondary button-small"
              >
                {t('privacy.page.allow')}
              </button>
            </>
          )}
        </Form>
      ) : null}
      {staff ? (
        <Form method="post" action={action} className="private-panel-form">
          <p className="muted" id="make-public-why">
            {target.publishConsent
              ? t('privacy.page.staffConsent')
              : t('privacy.page.staffNoConsent')}
          </p>
          <button
            type="submit"
            name="intent"
            value="make-public"
            className="button button-small"
            disabled={!target.publishConsent}
            aria-describedby="make-public-why"
          >
            {t('privacy.page.makePublic')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
