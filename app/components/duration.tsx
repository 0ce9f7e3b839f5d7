import { useTranslation } from 'react-i18next'

/** "4 h", "45 min", "1 h 30 min" in the page's language. */
export function useDuration() {
  const { t } = useTranslation()
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60)
    const rest = minutes % 60
    if (hours === 0) return t('escalation.sla.durationMinutes', { minutes: rest })
    if (rest === 0) return t('escalation.sla.durationHours', { hours })
    return t('escalation.sla.duration', { hours, minutes: rest })
  }
}
