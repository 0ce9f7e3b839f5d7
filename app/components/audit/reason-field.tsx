import { useTranslation } from 'react-i18next'
import { ACTION_REASON_MAX } from '~/modules/audit/validation'
import { TextField } from '../forms'

/**
 * "Reason (optional)" for a moderator's step that needs none (bringing a post back, lifting a
 * sanction, a role or a trust level): kept in the audit log and the person's or post's history.
 */
export function ReasonField({
  name = 'reason',
  defaultValue,
  error,
  brief = false,
}: {
  name?: string
  defaultValue?: string
  error?: string
  /** inline beside a button: no hint line */
  brief?: boolean
}) {
  const { t } = useTranslation()
  return (
    <TextField
      label={t('audit.reason.label')}
      hint={brief ? undefined : t('audit.reason.hint')}
      name={name}
      maxLength={ACTION_REASON_MAX}
      defaultValue={defaultValue}
      error={error}
    />
  )
}
