import { useTranslation } from 'react-i18next'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * A span of time as staff read it at a glance, in the page's language: the two largest units
 * ("2 days 3 hours", "45 minutes"). Worked out on the server's clock, so it says the same
 * thing in tests and in the page the server rendered.
 */
export function useDuration() {
  const { t } = useTranslation()
  return (ms: number): string => {
    const abs = Math.abs(ms)
    if (abs < MINUTE) return t('desk.duration.lessThanMinute')
    const days = Math.floor(abs / DAY)
    const hours = Math.floor((abs % DAY) / HOUR)
    const minutes = Math.floor((abs % HOUR) / MINUTE)
    if (days > 0)
      return hours > 0
        ? t('desk.duration.pair', {
            first: t('desk.duration.days', { count: days }),
            second: t('desk.duration.hours', { count: hours }),
          })
        : t('desk.duration.days', { count: days })
    if (hours > 0)
      return minutes > 0
        ? t('desk.duration.pair', {
            first: t('desk.duration.hours', { count: hours }),
            second: t('desk.duration.minutes', { count: minutes }),
          })
        : t('desk.duration.hours', { count: hours })
    return t('desk.duration.minutes', { count: minutes })
  }
}
