/**
 * E-mail leaves through the outbox: `queueEmail` writes one row in the caller's transaction, so
 * a message exists exactly when what caused it committed. The delivery job sends it later
 * (delivery.server.ts). Bodies are rendered here, once, in the recipient's language.
 */
import type { TFunction } from 'i18next'
import { eq } from 'drizzle-orm'
import { outbox, users } from '../../../db/schema'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../i18n/config'
import { translatorFor } from '../../i18n/translator.server'
import { now } from '../../utils/clock.server'
import type { Tx } from '../../utils/db.server'
import { env, siteUrl } from '../../utils/env.server'
import { isAlwaysSent } from '../notifications/preferences.server'
import { renderHtml, renderText, type MailContent } from './render.server'
import { unsubscribeUrl, type MailKind } from './unsubscribe.server'

export type Recipient = {
  id: number
  email: string
  displayName: string
  role: (typeof users.$inferSelect)['role']
  reputation: number
  language: Language
}

/**
 * Who may receive e-mail: an account that exists, is not deleted and has an address. Written in
 * the account's language; for an account without one, in `fallback` (the language of the
 * request that caused the message, when there is one).
 */
export function getRecipient(
  tx: Pick<Tx, 'select'>,
  userId: number,
  fallback: Language = DEFAULT_LANGUAGE,
): Recipient | null {
  const u = tx.select().from(users).where(eq(users.id, userId)).get()
  if (!u || u.deletedAt || !u.email.includes('@') || u.email.endsWith('.invalid')) return null
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    reputation: u.reputation,
    language: isLanguage(u.language) ? u.language : fallback,
  }
}

/** An absolute link to a path of the site. */
export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl(env())).href
}

export type Compose = (t: TFunction, language: Language) => Omit<MailContent, 'footer' | 'greeting'>

/**
 * Queues one e-mail to a person, in the caller's transaction; nothing (null) for someone who
 * cannot receive e-mail. `unsubscribe` names what the message's one-click link turns off. A
 * kind that is always sent (what moderators tell a person) gets no link and no header: its
 * footer says why it came and that it cannot be switched off.
 */
export function queueEmail(
  tx: Tx,
  m: { userId: number; kind: string; unsubscribe: MailKind | null; compose: Compose },
): number | null {
  const to = getRecipient(tx, m.userId)
  if (!to) return null
  const t = translatorFor(to.language)
  const site = siteUrl(env())
  const always = isAlwaysSent(m.kind) || (m.unsubscribe !== null && isAlwaysSent(m.unsubscribe))
  const unsubscribe = m.unsubscribe && !always ? unsubscribeUrl(to.id, m.unsubscribe, tx) : null
  const content: MailContent = {
    ...m.compose(t, to.language),
    greeting: t('mail.message.greeting', { name: to.displayName }),
    footer: {
      why: always
        ? t('mail.message.whyAlways', { site: site.host })
        : t('mail.message.why', { site: site.host }),
      manage: { label: t('mail.message.manage'), url: absoluteUrl('/settings/notifications') },
      unsubscribe: unsubscribe
        ? { label: t('mail.message.unsubscribe'), url: unsubscribe }
        : undefined,
    },
  }
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' }
  if (unsubscribe) {
    // RFC 8058: a mail client may unsubscribe with one POST to this address, no page involved.
    headers['List-Unsubscribe'] = `<${unsubscribe}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  }
  const at = now()
  return tx
    .insert(outbox)
    .values({
      userId: to.id,
      toAddress: to.email,
      kind: m.kind,
      language: to.language,
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content, to.language),
      headers,
      nextAttemptAt: at,
      createdAt: at,
    })
    .returning({ id: outbox.id })
    .get().id
}
