import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, TextAreaField, TextField } from '~/components/forms'
import { Avatar } from '~/components/post-meta'
import { BIO_MAX } from '~/modules/accounts/validation'
import { AVATAR_COLOUR_NAMES } from '~/modules/users/avatar'

type Values = { displayName: string; bio: string; avatarColour: string }

/** Name, bio and the colour behind the initials, each colour shown as the avatar it makes. */
export function ProfileForm({
  handle,
  values,
  errors,
  disabled,
}: {
  handle: string
  values: Values
  errors: Partial<Record<string, string>>
  disabled: boolean
}) {
  const { t } = useTranslation()
  const choices = ['', ...AVATAR_COLOUR_NAMES] as const
  return (
    <Form method="post" className="stack profile-form">
      <FormError message={errors.form} />
      <TextField
        label={t('auth.displayName')}
        name="displayName"
        required
        maxLength={50}
        autoComplete="nickname"
        defaultValue={values.displayName}
        hint={t('auth.displayNameHint')}
        error={errors.displayName}
        disabled={disabled}
      />
      <TextAreaField
        label={t('accounts.profile.bio')}
        name="bio"
        rows={4}
        maxLength={BIO_MAX}
        defaultValue={values.bio}
        hint={t('accounts.profile.bioHint', { max: BIO_MAX })}
        error={errors.bio}
        disabled={disabled}
      />
      <fieldset className="colour-choices" aria-describedby="colour-hint" disabled={disabled}>
        <legend>{t('accounts.profile.colour')}</legend>
        <p className="field-hint" id="colour-hint">
          {t('accounts.profile.colourHint')}
        </p>
        {errors.avatarColour ? <FormError message={errors.avatarColour} /> : null}
        <ul>
          {choices.map((colour) => (
            <li key={colour || 'automatic'}>
              <label>
                <input
                  type="radio"
                  name="avatarColour"
                  value={colour}
                  defaultChecked={values.avatarColour === colour}
                />
                <Avatar
                  person={{ handle, displayName: values.displayName, avatarColour: colour || null }}
                  size={32}
                />
                <span>
                  {colour
                    ? t(`accounts.profile.colours.${colour}`)
                    : t('accounts.profile.automatic')}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={disabled}>
          {t('accounts.profile.save')}
        </button>
        <Link to={`/users/${handle}`}>{t('accounts.profile.view')}</Link>
      </div>
    </Form>
  )
}
