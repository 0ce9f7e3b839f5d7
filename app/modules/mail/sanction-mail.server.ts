/**
 * The e-mail telling a person what a moderator did to their account: what it means, the reason
 * in the moderator's words, until when, and a link to their own standing page, where it is all
 * written down. A suspended or banned person cannot open the site to read a notification, so the
 * message carries everything itself.
 */
import type { TFunction } from 'i18next'
import { eq } from 'drizzle-orm'
import { users } from '../../../db/schema'
import type { Language } from '../../i18n/config'
import type { Tx } from '../../utils/db.server'
import { absoluteUrl, type Compose } from './mail.server'

/** "30 November 2026, 13:00 UTC" in the reader's language. */
export function formatUntil(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date)
}

const TEXT = {
  warn: 'threads.mail.sanctionedWarned',
  silence: 'threads.mail.sanctionedSilenced',
  suspend: 'threads.mail.sanctionedSuspended',
  ban: 'threads.mail.sanctionedBanned',
} as const

export function composeSanction(
  tx: Pick<Tx, 'select'>,
  n: { userId?: number; data?: Record<string, unknown> },
): Compose {
  const handle = n.userId
    ? tx.select({ handle: users.handle }).from(users).where(eq(users.id, n.userId)).get()?.handle
    : undefined
  const kind = typeof n.data?.kind === 'string' && n.data.kind in TEXT ? n.data.kind : null
  const reason = typeof n.data?.reason === 'string' ? n.data.reason.trim().slice(0, 500) : ''
  const endsAt = typeof n.data?.endsAt === 'string' ? n.data.endsAt : null
  const url = absoluteUrl(handle ? `/users/${handle}/moderation` : '/notifications')
  return (t: TFunction, language: Language) => ({
    subject: t('mail.message.sanctioned.subject'),
    paragraphs: [
      kind
        ? t(TEXT[kind as keyof typeof TEXT], { until: endsAt ? formatUntil(endsAt, language) : '' })
        : t('mail.message.sanctioned.text'),
      ...(reason ? [t('threads.mail.reason', { reason })] : []),
    ],
    action: { label: t('threads.mail.openStanding'), url },
  })
}
