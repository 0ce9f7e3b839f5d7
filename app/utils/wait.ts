import { msg } from '../i18n/message'

/** "Too many attempts, wait 45 seconds / 3 minutes", rounded up to what a person reads. */
export function tooManyAttempts(seconds: number): string {
  if (seconds < 60) return msg('errors.tooManySeconds', { count: seconds })
  return msg('errors.tooManyMinutes', { count: Math.ceil(seconds / 60) })
}
