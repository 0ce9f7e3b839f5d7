import { useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from '~/modules/auth/validation'
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'

type FieldProps = {
  label: string
  error?: string
  hint?: ReactNode
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}

/** Label, control, hint and error wired together so screen readers announce the message. */
export function Field({ label, error: message, hint, children }: FieldProps) {
  const id = useId()
  // Errors arrive as message descriptors from the server: shown in the reader's language.
  const error = useMessage()(message)
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

type Common = { label: string; error?: string; hint?: ReactNode }

export function TextField({
  label,
  error,
  hint,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...input}
        />
      )}
    </Field>
  )
}

/** An e-mail address, with the length the validation allows. */
export function EmailField(props: {
  label: string
  name: string
  defaultValue?: string
  hint?: string
  error?: string
}) {
  return <TextField {...props} type="email" autoComplete="email" required maxLength={EMAIL_MAX} />
}

/** A password the person already has (log-in, and to confirm a change to the account). */
export function CurrentPasswordField(props: { label: string; name: string; error?: string }) {
  return (
    <TextField
      {...props}
      type="password"
      autoComplete="current-password"
      required
      maxLength={PASSWORD_MAX}
    />
  )
}

/** A new password (sign-up, reset, change): its limits and hint the same everywhere. */
export function NewPasswordField(props: { label: string; name: string; error?: string }) {
  const { t } = useTranslation()
  return (
    <TextField
      {...props}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN}
      maxLength={PASSWORD_MAX}
      hint={t('auth.passwordHint')}
    />
  )
}

export function TextAreaField({
  label,
  error,
  hint,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...input}
        />
      )}
    </Field>
  )
}

export function SelectField({
  label,
  error,
  hint,
  options,
  ...select
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

export function FormError({ message: descriptor }: { message?: string }) {
  const message = useMessage()(descriptor)
  if (!message) return null
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  )
}
