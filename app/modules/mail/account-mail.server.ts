/**
 * E-mail about the account itself (a password reset link, a new address's confirmation, a
 * notice that the password or the address changed). These are not notifications: nobody can
 * turn them off, they carry no unsubscribe link, and a confirmation goes to an address the
 * account does not have yet. Like every message they leave through the outbox, in the caller's
 * transaction.
 */
import type { TFunction } from 'i18next'
import { outbox } from '../../../db/schema'
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/config'
import { translatorFor } from '../../i18n/translator.server'
import { now } from '../../utils/clock.server'
import type { Tx } from '../../utils/db.server'
import { env, siteUrl } from '../../utils/env.server'
import { absoluteUrl, getRecipient } from './mail.server'
import { renderHtml, renderText, type MailContent } from './render.server'

export const ACCOUNT_MAIL_KINDS = [
  'password_reset',
  'password_changed',
  'email_change',
  'email_changed',
] as const
export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number]

type Body = Omit<MailContent, 'footer' | 'greeting'>

/** Who the message is written for: a real account, or nobody (a rehearsal of the same work). */
type Reader = { id: number | null; email: string; displayName: string; language: Language }

function insert(tx: Tx, reader: Reader, kind: AccountMailKind, compose: (t: TFunction) => Body) {
  const t = translatorFor(reader.language)
  const content: MailContent = {
    ...compose(t),
    greeting: t('mail.message.greeting', { name: reader.displayName }),
    footer: {
      why: t('accounts.mail.why', { site: siteUrl(env()).host }),
      manage: { label: t('accounts.mail.manage'), url: absoluteUrl('/settings/account') },
    },
  }
  const at = now()
  return tx
    .insert(outbox)
    .values({
      userId: reader.id,
      toAddress: reader.email,
      kind,
      language: reader.language,
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content, reader.language),
      headers: { 'Auto-Submitted': 'auto-generated' },
      nextAttemptAt: at,
      createdAt: at,
    })
    .returning({ id: outbox.id })
    .get().id
}

/**
 * Queues one account message to `userId`, at `to` when given (a new address), else at the
 * account's own; nothing (null) for an account that cannot receive e-mail. It is written in the
 * account's language, else in `language`: the one the request that asked for it was read in.
 */
export function queueAccountEmail(
  tx: Tx,
  m: {
    userId: number
    kind: AccountMailKind
    to?: string
    language?: Language
    compose: (t: TFunction) => Body
  },
): number | null {
  const recipient = getRecipient(tx, m.userId, m.language)
  if (!recipient) return null
  return insert(tx, { ...recipient, email: m.to ?? recipient.email }, m.kind, m.compose)
}

/**
 * The same rendering and insert as a real message, for an address with no account, so both
 * answers take the same work; the caller rolls it back.
 */
export function rehearseAccountEmail(
  tx: Tx,
  m: { email: string; kind: AccountMailKind; language?: Language; compose: (t: TFunction) => Body },
) {
  insert(
    tx,
    { id: null, email: m.email, displayName: m.email, language: m.language ?? DEFAULT_LANGUAGE },
    m.kind,
    m.compose,
  )
}
