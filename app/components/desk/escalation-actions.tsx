import { Form } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { shownName } from '~/modules/users/names'

export type ActionableEscalation = {
  id: number
  acknowledgedAt: string | Date | null
  assignee: { id: number; displayName: string } | null
}

export type StaffMember = { id: number; displayName: string; handle: string }

/**
 * Claim, assign, acknowledge and resolve one escalation: plain forms, so they work without
 * JavaScript, posted to `action` (the desk, keeping its filters, or the question's page).
 * Each form says which assignee it saw, so a reassignment never overwrites someone else's.
 */
export function EscalationActions({
  escalation,
  title,
  staff,
  action,
}: {
  escalation: ActionableEscalation
  title: string
  staff: StaffMember[]
  action: string
}) {
  const { t } = useTranslation()
  const selectId = useId()
  const seen = escalation.assignee ? String(escalation.assignee.id) : ''
  const hidden = <input type="hidden" name="escalationId" value={escalation.id} />
  return (
    <div role="group" aria-label={t('desk.actions.label', { title })} className="desk-actions">
      {!escalation.assignee ? (
        <Form method="post" action={action} className="inline-form">
          {hidden}
          <button type="submit" name="intent" value="claim" className="button button-small">
            {t('desk.actions.claim')}
          </button>
        </Form>
      ) : null}
      {escalation.acknowledgedAt ? null : (
        <Form method="post" action={action} className="inline-form">
          {hidden}
          <button
            type="submit"
            name="intent"
            value="acknowledge"
            className="button button-small button-secondary"
          >
            {t('desk.actions.acknowledge')}
          </button>
        </Form>
      )}
      <Form method="post" action={action} className="inline-form desk-assign">
        {hidden}
        <input type="hidden" name="seenAssigneeId" value={seen} />
        <label htmlFor={selectId}>{t('desk.actions.assignTo')}</label>
        <select id={selectId} name="assigneeId" defaultValue={seen}>
          <option value="">{t('desk.actions.nobody')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {shownName(t, s)}
            </option>
          ))}
        </select>
        <button
          type="submit"
          name="intent"
          value="assign"
          className="button button-small button-secondary"
        >
          {t('desk.actions.assign')}
        </button>
      </Form>
      <Form method="post" action={action} className="inline-form">
        {hidden}
        <button
          type="submit"
          name="intent"
          value="resolve-escalation"
          className="button button-small button-secondary"
        >
          {t('desk.actions.resolve')}
        </button>
      </Form>
    </div>
  )
}
