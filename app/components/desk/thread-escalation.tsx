import { Form, useActionData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { TextAreaField } from '~/components/forms'
import { RelativeTime } from '~/components/time'
import { personWords } from '~/i18n/trans-values'
import { useMessage } from '~/i18n/use-message'
import { ESCALATE_REASON_MAX, NOTE_MAX } from '~/modules/escalation/desk-validation'
import { EscalationActions, type StaffMember } from './escalation-actions'
import { shownName } from '~/modules/users/names'

type Reply = {
  conflict?: string
  fieldErrors?: Partial<Record<string, string>>
  values?: Partial<Record<string, string>>
}

type Note = {
  id: number
  bodyHtml: string
  createdAt: string
  author: { id: number; displayName: string; handle: string }
}

type Escalation = {
  id: number
  level: number
  reason: 'sla' | 'manual'
  note: string
  escalatedAt: string
  acknowledgedAt: string | null
  acknowledgedBy: string | null
  assignee: { id: number; displayName: string; handle: string } | null
}

export type ThreadEscalationProps = {
  acknowledged: boolean
  escalation: Escalation | null
  staff: StaffMember[] | null
  notes: Note[] | null
  canAddNote: boolean
  noteKey: string | null
  canEscalate: boolean
  withStaff: boolean
  viewerId: number | null
}

/** Seen by everyone who can see the question, once staff acknowledged its escalation. */
export function AcknowledgedBanner({ view }: { view: ThreadEscalationProps }) {
  const { t } = useTranslation()
  if (!view.acknowledged) return null
  return (
    <div className="notice desk-looking" role="status">
      <p>
        <strong>{t('desk.banner.looking')}</strong>
      </p>
      <p>{t('desk.banner.detail')}</p>
    </div>
  )
}

/** Staff's escalation panel, the internal notes and the escalate-by-hand form, as allowed. */
export function ThreadEscalationTools({
  view,
  path,
  title,
}: {
  view: ThreadEscalationProps
  path: string
  title: string
}) {
  const reply = (useActionData() ?? {}) as Reply
  const { t } = useTranslation()
  const message = useMessage()
  return (
    <>
      {reply.conflict ? (
        <div className="notice notice-warning" role="alert" id="escalation-conflict">
          <p>
            <strong>{t('desk.conflict.title')}</strong>
          </p>
          <p>{message(reply.conflict)}</p>
        </div>
      ) : null}
      {view.withStaff && !view.staff ? (
        <p className="notice" id="escalation" role="status">
          {t('desk.escalate.done')}
        </p>
      ) : null}
      {view.staff ? (
        <EscalationPanel
          escalation={view.escalation}
          staff={view.staff}
          path={path}
          title={title}
        />
      ) : null}
      {view.canEscalate ? <EscalateForm path={path} reply={reply} /> : null}
      {view.notes ? (
        <InternalNotes view={view} notes={view.notes} path={path} reply={reply} />
      ) : null}
    </>
  )
}

function EscalationPanel({
  escalation,
  staff,
  path,
  title,
}: {
  escalation: Escalation | null
  staff: StaffMember[]
  path: string
  title: string
}) {
  const { t } = useTranslation()
  return (
    <section id="escalation" className="staff-panel" aria-labelledby="escalation-title">
      <h2 id="escalation-title">{t('desk.panel.heading')}</h2>
      {escalation ? (
        <>
          <p>
            <Trans
              i18nKey="desk.panel.escalated"
              values={{ level: escalation.level }}
              components={{ when: <RelativeTime value={escalation.escalatedAt} /> }}
            />
            {' · '}
            {t(escalation.reason === 'sla' ? 'desk.item.reasonSla' : 'desk.item.reasonManual')}
          </p>
          {escalation.note ? <p>{t('desk.panel.reason', { reason: escalation.note })}</p> : null}
          <p>
            {escalation.assignee
              ? t('desk.item.assignedTo', { name: shownName(t, escalation.assignee) })
              : t('desk.item.unassigned')}
            {' · '}
            {escalation.acknowledgedAt ? (
              <Trans
                i18nKey="desk.panel.acknowledgedBy"
                values={{ name: escalation.acknowledgedBy ?? '' }}
                components={{ when: <RelativeTime value={escalation.acknowledgedAt} /> }}
                {...personWords}
              />
            ) : (
              t('desk.item.notAcknowledged')
            )}
          </p>
          <EscalationActions
            escalation={escalation}
            title={title}
            staff={staff}
            action={`${path}#escalation`}
          />
        </>
      ) : (
        <p className="muted">{t('desk.panel.none')}</p>
      )}
      <p className="small">
        <a href="/desk">{t('desk.panel.openDesk')}</a>
      </p>
    </section>
  )
}

function EscalateForm({ path, reply }: { path: string; reply: Reply }) {
  const { t } = useTranslation()
  const errors = reply.fieldErrors ?? {}
  return (
    <section className="staff-panel" aria-labelledby="escalate-title" id="escalate">
      <h2 id="escalate-title">{t('desk.escalate.heading')}</h2>
      <p className="muted">{t('desk.escalate.lead')}</p>
      <Form method="post" action={`${path}#escalate`} className="stack" noValidate>
        <TextAreaField
          label={t('desk.escalate.reason')}
          name="escalateReason"
          rows={3}
          required
          maxLength={ESCALATE_REASON_MAX}
          hint={t('desk.escalate.reasonHint', { max: ESCALATE_REASON_MAX })}
          defaultValue={reply.values?.escalateReason ?? ''}
          error={errors.escalateReason}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="escalate" className="button button-secondary">
            {t('desk.escalate.button')}
          </button>
        </div>
      </Form>
    </section>
  )
}

function InternalNotes({
  view,
  notes,
  path,
  reply,
}: {
  view: ThreadEscalationProps
  notes: Note[]
  path: string
  reply: Reply
}) {
  const { t } = useTranslation()
  const errors = reply.fieldErrors ?? {}
  return (
    <section id="internal-notes" className="staff-panel staff-notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('desk.notes.heading')}</h2>
      <p className="muted small">{t('desk.notes.lead')}</p>
      {notes.length === 0 ? (
        <p className="muted">{t('desk.notes.empty')}</p>
      ) : (
        <ol className="note-list">
          {notes.map((note) => (
            <li key={note.id} className="note">
              <p className="note-by small muted">
                <Trans
                  i18nKey="desk.notes.by"
                  values={{ name: shownName(t, note.author) }}
                  components={{ when: <RelativeTime value={note.createdAt} /> }}
                  {...personWords}
                />
              </p>
              <div className="prose" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
              {note.author.id === view.viewerId ? (
                <Form method="post" action={`${path}#internal-notes`} className="inline-form">
                  <input type="hidden" name="noteId" value={note.id} />
                  <button type="submit" name="intent" value="delete-note" className="link-button">
                    {t('desk.notes.delete')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {view.canAddNote && view.noteKey ? (
        <Form
          key={view.noteKey}
          method="post"
          action={`${path}#internal-notes`}
          className="stack"
          noValidate
        >
          <input type="hidden" name="submissionKey" value={view.noteKey} />
          <TextAreaField
            label={t('desk.notes.label')}
            name="internalNote"
            rows={3}
            required
            maxLength={NOTE_MAX}
            hint={t('desk.notes.hint', { max: NOTE_MAX })}
            defaultValue={reply.values?.internalNote ?? ''}
            error={errors.internalNote}
          />
          <div className="form-actions">
            <button
              type="submit"
              name="intent"
              value="add-note"
              className="button button-secondary"
            >
              {t('desk.notes.add')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  )
}
