import { useTranslation } from 'react-i18next'
import { translateMessage } from './message'

/** Translates message descriptors sent by the server (see message.ts) in the page's language. */
export function useMessage() {
  const { t } = useTranslation()
  return (message: string | null | undefined) =>
    message === null || message === undefined ? message : translateMessage(t, message)
}
