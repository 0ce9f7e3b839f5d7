import { useTranslation } from 'react-i18next'
import { useIntlLocale } from '~/components/time'
import { translateMessage } from './message'

/** Translates message descriptors sent by the server (see message.ts) in the page's language. */
export function useMessage() {
  const { t } = useTranslation()
  const locale = useIntlLocale()
  return (message: string | null | undefined) =>
    message === null || message === undefined ? message : translateMessage(t, message, locale)
}
