import { useTranslation } from 'react-i18next'
import { LANGUAGE_CHOICES } from '~/modules/search/languages'
import { SelectField } from './forms'

/** The language a post is written in: detected on save unless the writer says. */
export function LanguageSelect({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const { t } = useTranslation()
  return (
    <SelectField
      label={t('search.postLanguage.label')}
      name="language"
      defaultValue={defaultValue || 'auto'}
      error={error}
      hint={t('search.postLanguage.hint')}
      options={LANGUAGE_CHOICES.map((value) => ({
        value,
        label: t(`search.postLanguage.${value}`),
      }))}
    />
  )
}
