import { LANGUAGE_CHOICES, LANGUAGE_LABELS } from '~/modules/search/languages'
import { SelectField } from './forms'

/** The language a post is written in: detected on save unless the writer says. */
export function LanguageSelect({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <SelectField
      label="Language"
      name="language"
      defaultValue={defaultValue || 'auto'}
      error={error}
      hint="Browsers and screen readers read the post in this language."
      options={LANGUAGE_CHOICES.map((value) => ({ value, label: LANGUAGE_LABELS[value] }))}
    />
  )
}
