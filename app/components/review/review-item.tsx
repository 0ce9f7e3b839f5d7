import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { MessageKey } from '~/i18n/keys'
import { FLAG_REASON_LABELS, FLAG_REASONS, type FlagReason } from '~/modules/flags/validation'
import { NOTE_MAX, REMOVAL_REASON_LABELS, REMOVAL_REASONS } from '~/modules/moderation/validation'
import { ruleLabel } from '~/modules/trust/rules'
import { threadPath } from '~/utils/slug'
import { SelectField, TextAreaField, TextField } from '../forms'
import { formatNumber, formatRelative, RelativeTime, useIntlLocale } from '../time'

export type ReviewItemView = {
  id: number
  postType: 'question' | 'answer'
  postId: number
  question: { id: number; title: string }
  excerpt: string
  hidden: boolean
  deleted: boolean
  hiddenByFlags: boolean
  /** held by the spam rules before anyone saw it, for `reasons` (rule codes) */
  held: boolean
  reasons: string[]
  score: number
  flagCount: number
  flaggedAt: string
  author: { handle: string; displayName: string; banned: boolean }
  claim: { mine: boolean; by: string; until: string } | null
  flags: {
    reason: string
    note: string
    weight: number
    createdAt: string
    flagger: { handle: string; displayName: string }
  }[]
}

/** What a refused form sends back: which item and form, the errors, and what was typed. */
export type ReviewReply = {
  conflict?: string
  fieldErrors?: Partial<Record<string, string>>
  values?: Partial<Record<string, string>>
}

const reasonLabel = (r: string): MessageKey =>
  (FLAG_REASONS as readonly string[]).includes(r)
    ? FLAG_REASON_LABELS[r as FlagReason]
    : 'flags.reasons.other'

/** One flagged post in the queue: the post, its flags, who is on it, and the decisions. */
export function ReviewItem({
  item,
  action,
  reply,
}: {
  item: ReviewItemView
  action: string
  reply: ReviewReply
}) {
  const { t } = useTranslation()
  const locale = useIntlLocale()
  const thread = threadPath(item.question)
  const href = item.postType === 'answer' ? `${thread}#answer-${item.postId}` : thread
  const mine = reply.values?.itemId === String(item.id)
  const errors = mine ? (reply.fieldErrors ?? {}) : {}
  const openForm = mine ? reply.values?.form : undefined
  const headingId = `review-${item.id}`
  const takenByOther = item.claim !== null && !item.claim.mine
  const hidden = (
    <>
      <input type="hidden" name="itemId" value={item.id} />
    </>
  )
  return (
    <li className="review-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.postType === 'question'
          ? t('flags.review.item.question', { name: item.author.displayName })
          : t('flags.review.item.answer', { name: item.author.displayName })}
      </h3>
      <p className="review-thread">
        <Link to={href}>{t('flags.review.item.on', { title: item.question.title })}</Link>
      </p>
      <blockquote className="review-excerpt">{item.excerpt}</blockquote>
      <p className="review-badges">
        {item.deleted ? <span className="badge">{t('flags.review.item.deleted')}</span> : null}
        {item.held && !item.deleted ? (
          <span className="badge">{t('trust.review.held')}</span>
        ) : null}
        {item.hidden && !item.deleted && !item.held ? (
          <span className="badge">
            {item.hiddenByFlags
              ? t('flags.review.item.hiddenByFlags')
              : t('flags.review.item.hidden')}
          </span>
        ) : null}
        {item.author.banned ? <span className="badge">{t('flags.review.item.banned')}</span> : null}
        <span className="review-score">
          {item.held
            ? t('trust.review.score', { score: formatNumber(item.score, locale) })
            : t('flags.review.item.score', {
                count: item.flagCount,
                score: formatNumber(item.score, locale, 1),
              })}
        </span>
        <span className="muted">
          {t('flags.review.item.firstFlagged')} <RelativeTime value={item.flaggedAt} />
        </span>
      </p>
      {item.held ? (
        <>
          <h4>{t('trust.review.reasons')}</h4>
          <ul className="review-flags">
            {item.reasons.map((code) => {
              const label = ruleLabel(code)
              return <li key={code}>{label ? t(label) : code}</li>
            })}
          </ul>
        </>
      ) : null}
      <h4 className="visually-hidden">{t('flags.review.item.flags')}</h4>
      <ul className="review-flags">
        {item.flags.map((f, i) => (
          <li key={i}>
            <strong>{t(reasonLabel(f.reason))}</strong>
            {' · '}
            <Link to={`/users/${f.flagger.handle}`}>{f.flagger.displayName}</Link>
            <span className="muted">
              {' · '}
              {t('flags.review.item.weight', { weight: formatNumber(f.weight, locale, 2) })}
            </span>
            {f.note ? <p className="review-note">{f.note}</p> : null}
          </li>
        ))}
      </ul>
      {item.claim ? (
        <p className="review-claim" role="note">
          {item.claim.mine
            ? t('flags.review.item.claimedByYou', {
                time: formatRelative(new Date(item.claim.until), locale) ?? '',
              })
            : t('flags.review.item.claimedBy', {
                name: item.claim.by,
                time: formatRelative(new Date(item.claim.until), locale) ?? '',
              })}
        </p>
      ) : null}
      {takenByOther ? null : (
        <div className="review-actions" role="group" aria-label={t('flags.review.actions.label')}>
          <Form method="post" action={action} className="inline-form">
            {hidden}
            {item.claim?.mine ? (
              <button
                type="submit"
                name="intent"
                value="release"
                className="button button-secondary button-small"
              >
                {t('flags.review.actions.release')}
              </button>
            ) : (
              <button
                type="submit"
                name="intent"
                value="claim"
                className="button button-secondary button-small"
              >
                {t('flags.review.actions.claim')}
              </button>
            )}
            <button
              type="submit"
              name="intent"
              value="approve"
              className="button button-small"
              title={item.held ? t('trust.review.approveHint') : undefined}
            >
              {item.held ? t('trust.review.approve') : t('flags.review.actions.approve')}
            </button>
            {item.held ? null : (
              <button
                type="submit"
                name="intent"
                value="ignore"
                className="button button-secondary button-small"
              >
                {t('flags.review.actions.ignore')}
              </button>
            )}
          </Form>
          {(item.held ? (['delete'] as const) : (['hide', 'delete'] as const)).map((verb) => (
            <details key={verb} className="removal" open={openForm === verb}>
              <summary className={verb === 'delete' ? 'danger' : undefined}>
                {t(`flags.review.actions.${verb}`)}
              </summary>
              <Form method="post" action={action} className="stack removal-form">
                {hidden}
                <input type="hidden" name="form" value={verb} />
                <SelectField
                  label={t(
                    verb === 'hide'
                      ? 'flags.review.actions.whyHide'
                      : 'flags.review.actions.whyDelete',
                  )}
                  name="reason"
                  required
                  defaultValue={openForm === verb ? (reply.values?.reason ?? '') : ''}
                  error={openForm === verb ? errors.reason : undefined}
                  options={[
                    { value: '', label: t('questions.removal.chooseReason') },
                    ...REMOVAL_REASONS.map((r) => ({
                      value: r,
                      label: t(REMOVAL_REASON_LABELS[r]),
                    })),
                  ]}
                />
                <TextField
                  label={t('questions.removal.note')}
                  name="note"
                  maxLength={NOTE_MAX}
                  defaultValue={openForm === verb ? (reply.values?.note ?? '') : ''}
                  error={openForm === verb ? errors.note : undefined}
                />
                <div className="form-actions">
                  <button
                    type="submit"
                    name="intent"
                    value={verb}
                    className={`button button-small${verb === 'delete' ? ' button-danger' : ''}`}
                  >
                    {t(
                      verb === 'hide'
                        ? 'flags.review.actions.submitHide'
                        : 'flags.review.actions.submitDelete',
                    )}
                  </button>
                </div>
              </Form>
            </details>
          ))}
          {item.author.banned ? null : (
            <details className="removal" open={openForm === 'spammer'}>
              <summary className="danger">{t('flags.review.actions.spammer')}</summary>
              <Form method="post" action={action} className="stack removal-form">
                {hidden}
                <input type="hidden" name="form" value="spammer" />
                <p>{t('flags.review.actions.spammerWarning', { name: item.author.displayName })}</p>
                <TextAreaField
                  label={t('flags.review.actions.spammerReason')}
                  name="reason"
                  rows={2}
                  required
                  maxLength={500}
                  defaultValue={openForm === 'spammer' ? (reply.values?.reason ?? '') : ''}
                  error={openForm === 'spammer' ? errors.reason : undefined}
                />
                <div className="form-actions">
                  <button
                    type="submit"
                    name="intent"
                    value="spammer"
                    className="button button-small button-danger"
                  >
                    {t('flags.review.actions.spammerSubmit')}
                  </button>
                </div>
              </Form>
            </details>
          )}
        </div>
      )}
    </li>
  )
}
