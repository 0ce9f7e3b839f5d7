import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ThreadModerationView } from '~/modules/moderation/threads.server'
import { CLOSE_FOR, MODERATION_NOTE_MAX } from '~/modules/moderation/thread-validation'

// The page's action lists the intents these forms post.
export { THREAD_MODERATION_INTENTS } from '~/modules/moderation/thread-validation'
import { SelectField, TextField } from '../forms'
import { MergeForm } from '../threads/merge-form'
import { ReasonField } from './reason-field'
import { useQuestionReply } from '../question/action-data'

const CLOSE_LABELS = {
  'off-topic': 'audit.thread.reasons.offTopic',
  'resolved-elsewhere': 'audit.thread.reasons.resolvedElsewhere',
  'needs-details': 'audit.thread.reasons.needsDetails',
} as const

/**
 * "This thread is locked" for everyone, and for moderators (helpers: closing only) the thread's
 * tools: lock or unlock, close for a reason, move, retag, merge into the original, and the
 * thread's moderation history.
 */
export function ThreadModeration({
  view,
  locked,
  path,
}: {
  view: ThreadModerationView
  locked: boolean
  path: string
}) {
  const { t } = useTranslation()
  const reply = useQuestionReply()
  const errors = reply.fieldErrors ?? {}
  const values = reply.values ?? {}
  const open = Boolean(values.moderationForm)
  const submit = (intent: string, label: string) => (
    <div className="form-actions">
      <button type="submit" name="intent" value={intent} className="button button-small">
        {label}
      </button>
    </div>
  )
  const noteField = (name: string, label: string, required = false) => (
    <TextField
      label={label}
      name={name}
      defaultValue={values[name] ?? ''}
      error={errors[name]}
      maxLength={MODERATION_NOTE_MAX}
      required={required}
    />
  )
  return (
    <>
      {locked ? (
        <aside className="notice" role="note">
          {t('audit.thread.lockedNotice')}
        </aside>
      ) : null}
      {view ? (
        <details id="moderate-thread" className="close-tools moderate-thread" open={open}>
          <summary>{t('audit.thread.open')}</summary>
          <div className="stack">
            {view.may.history ? (
              <p>
                <Link to={`/audit?question=${view.questionId}`}>{t('audit.thread.history')}</Link>
              </p>
            ) : null}
            {view.may.unlock ? (
              <Form method="post" action={path} className="stack" noValidate>
                <p>{t('audit.thread.isLocked')}</p>
                <ReasonField
                  name="unlockReason"
                  defaultValue={values.unlockReason ?? ''}
                  error={errors.unlockReason}
                />
                {submit('unlock', t('audit.thread.unlock'))}
              </Form>
            ) : null}
            {view.may.lock ? (
              <Form method="post" action={path} className="stack" noValidate>
                <h3>{t('audit.thread.lockHeading')}</h3>
                {noteField('lockNote', t('audit.thread.lockNote'), true)}
                {submit('lock', t('audit.thread.lock'))}
              </Form>
            ) : null}
            {view.may.close ? (
              <Form method="post" action={path} className="stack" noValidate>
                <h3>{t('audit.thread.closeHeading')}</h3>
                <SelectField
                  label={t('audit.thread.closeReason')}
                  name="closeReason"
                  defaultValue={values.closeReason ?? ''}
                  error={errors.closeReason}
                  options={[
                    { value: '', label: t('audit.thread.chooseReasonOption') },
                    ...CLOSE_FOR.map((r) => ({ value: r, label: t(CLOSE_LABELS[r]) })),
                  ]}
                />
                {noteField('closeNote', t('audit.thread.note'))}
                {submit('close', t('audit.thread.close'))}
              </Form>
            ) : null}
            {view.may.move ? (
              <Form method="post" action={path} className="stack" noValidate>
                <h3>{t('audit.thread.moveHeading')}</h3>
                <SelectField
                  label={t('audit.thread.moveTo')}
                  name="moveTo"
                  defaultValue={values.moveTo ?? view.category}
                  error={errors.moveTo}
                  options={view.categories}
                />
                {noteField('moveNote', t('audit.thread.note'))}
                {submit('move', t('audit.thread.move'))}
              </Form>
            ) : null}
            {view.may.retag ? (
              <Form method="post" action={path} className="stack" noValidate>
                <h3>{t('audit.thread.retagHeading')}</h3>
                <TextField
                  label={t('audit.thread.tags')}
                  name="retagTags"
                  hint={t('audit.thread.tagsHint')}
                  defaultValue={values.retagTags ?? view.tags}
                  error={errors.retagTags}
                  maxLength={200}
                />
                {noteField('retagNote', t('audit.thread.note'))}
                {submit('retag', t('audit.thread.retag'))}
              </Form>
            ) : null}
            {view.may.merge ? (
              <MergeForm
                path={path}
                duplicateOfId={view.duplicateOfId}
                values={values}
                errors={errors}
              />
            ) : null}
          </div>
        </details>
      ) : null}
    </>
  )
}
