import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deliverOutbox } from '~/modules/mail/delivery.server'
import { unsubscribeToken } from '~/modules/mail/unsubscribe.server'
import { sanctionUser } from '~/modules/moderation/sanctions.server'
import { mergeQuestion } from '~/modules/moderation/merge.server'
import { putPreferences } from '~/modules/notifications/preferences.server'
import {
  countUnread,
  listNotifications,
  notify,
} from '~/modules/notifications/notifications.server'
import { loader as notificationsLoader } from '~/routes/notifications'
import { action as unsubscribeAction, loader as unsubscribeLoader } from '~/routes/unsubscribe'
import { setClock } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { events, notificationPreferences, outbox, users } from '../../db/schema'
import { callRoute, context, makeAnswer, makeQuestion, makeUser, request } from '../factories'
import { TEST_EPOCH } from '../setup/integration'
import { startSmtp, type FakeSmtp } from '../setup/smtp'

const DAY = 86_400_000

let smtp: FakeSmtp
beforeAll(async () => {
  smtp = await startSmtp()
})
afterAll(() => smtp.close())
afterEach(() => {
  smtp.received.length = 0
})

const deliver = () => deliverOutbox({ smtpUrl: smtp.url })
const setLanguage = (userId: number, language: string) =>
  write((tx) => tx.update(users).set({ language }).where(eq(users.id, userId)).run())

describe('telling the person a moderator acted on', () => {
  it('lists a sanction without a question, with its reason, end and the standing page', async () => {
    setClock(new Date(TEST_EPOCH.getTime()))
    const person = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    sanctionUser(moderator, person.id, { kind: 'silence', days: '3', reason: 'Insults in a reply' })

    const [notice] = listNotifications(person.id)
    expect(notice).toMatchObject({
      type: 'moderation.sanctioned',
      question: null,
      unread: true,
      sanction: {
        kind: 'silence',
        reason: 'Insults in a reply',
        endsAt: new Date(TEST_EPOCH.getTime() + 3 * DAY).toISOString(),
      },
    })
    expect(countUnread(person.id)).toBe(1)

    // the page renders it (no question to link), and a warning after it is a second entry
    sanctionUser(moderator, person.id, { kind: 'warn', days: '', reason: 'Be kind' })
    const res = await callRoute(notificationsLoader, {
      request: await request('/notifications', person),
      params: {},
      context,
    })
    expect(res.status).toBe(200)
    const data = (await res.json()) as {
      handle: string
      notifications: { sanction: { kind: string } | null; question: unknown }[]
    }
    expect(data.handle).toBe(person.handle)
    expect(data.notifications.map((n) => [n.sanction?.kind, n.question])).toEqual([
      ['warn', null],
      ['silence', null],
    ])
    expect(countUnread(person.id)).toBe(2)
    // opening some question leaves notices about the account unread in the header
    expect(countUnread(person.id, 12345)).toBe(2)
  })

  it('e-mails the reason, the end date and the link, in the person’s language', async () => {
    setClock(new Date(TEST_EPOCH.getTime()))
    const person = await makeUser()
    setLanguage(person.id, 'id')
    const moderator = await makeUser({ role: 'moderator' })
    sanctionUser(moderator, person.id, {
      kind: 'suspend',
      days: '7',
      reason: 'Spam di banyak utas',
    })
    await deliver()
    const [mail] = await smtp.waitFor(1)
    expect(mail.subject).toBe('Pesan dari moderator')
    expect(mail.text).toContain('Moderator menangguhkan akun Anda sampai')
    expect(mail.text).toContain('2026')
    expect(mail.text).toContain('Alasan: “Spam di banyak utas”')
    expect(mail.text).toContain(`http://localhost:3000/users/${person.handle}/moderation`)
  })

  it('sends a sanction at once even when a choice stored earlier said digest or off', async () => {
    setClock(new Date(TEST_EPOCH.getTime()))
    const person = await makeUser()
    write((tx) =>
      putPreferences(tx, person.id, { 'moderation.sanctioned': { inApp: false, email: 'off' } }),
    )
    const moderator = await makeUser({ role: 'moderator' })
    sanctionUser(moderator, person.id, { kind: 'warn', days: '', reason: 'Please stay on topic' })
    expect(listNotifications(person.id).map((n) => n.type)).toEqual(['moderation.sanctioned'])
    await deliver()
    const [mail] = await smtp.waitFor(1)
    expect(mail.subject).toBe('A message from the moderators')
    expect(mail.text).toContain(`/users/${person.handle}/moderation`)
  })

  it('e-mails the asker of a merged question a link to where its answers went', async () => {
    const asker = await makeUser()
    const other = await makeUser()
    const helper = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    const original = await makeQuestion(other, { title: 'Refund for a broken V60' })
    const duplicate = await makeQuestion(asker, { title: 'My V60 arrived cracked' })
    await makeAnswer(helper, duplicate, 'Send a photo and we refund it.')
    await deliver()
    smtp.received.length = 0
    mergeQuestion(moderator, duplicate, String(original))
    await deliver()
    const mails = await smtp.waitFor(1)
    const mail = mails.find((m) => m.subject?.includes('merged'))!
    expect(mail.subject).toBe('Your question was merged: My V60 arrived cracked')
    expect(mail.text).toContain(
      `http://localhost:3000/questions/${original}/refund-for-a-broken-v60`,
    )
  })
})

describe('what moderators tell a person cannot be switched off', () => {
  const header = (mail: { headerLines: readonly { key: string; line: string }[] }, key: string) =>
    mail.headerLines.find((h) => h.key === key)?.line
  const unsubscribeWith = async (token: string, intent: 'kind' | 'all') => {
    const path = `/unsubscribe?token=${encodeURIComponent(token)}`
    return callRoute(unsubscribeAction, {
      request: await request(path, null, { form: { token, intent } }),
      params: {},
      context,
    })
  }
  const unsubscribedEvents = () =>
    db.select().from(events).where(eq(events.type, 'user.unsubscribed')).all()

  it('a sanction e-mail carries no unsubscribe header or link, and its footer says why it came', async () => {
    const person = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    sanctionUser(moderator, person.id, { kind: 'warn', days: '', reason: 'Be kind' })
    await deliver()
    const [mail] = await smtp.waitFor(1)
    expect(mail.subject).toBe('A message from the moderators')
    expect(header(mail, 'list-unsubscribe')).toBeUndefined()
    expect(header(mail, 'list-unsubscribe-post')).toBeUndefined()
    expect(mail.text).not.toContain('/unsubscribe')
    expect(mail.html).not.toContain('/unsubscribe')
    expect(mail.text).toContain('it is about your account or one of your posts on localhost:3000')
    expect(mail.text).toContain('cannot be switched off')

    // the same for a post hidden after flags
    smtp.received.length = 0
    const questionId = await makeQuestion(person, { title: 'Beans arrived stale' })
    write((tx) =>
      notify(tx, { userId: person.id, type: 'post.hidden_by_flags', actorId: null, questionId }),
    )
    await deliver()
    const [hidden] = await smtp.waitFor(1)
    expect(hidden.subject).toContain('Beans arrived stale')
    expect(header(hidden, 'list-unsubscribe')).toBeUndefined()
    expect(hidden.text).not.toContain('/unsubscribe')
    expect(hidden.text).toContain('cannot be switched off')
  })

  it('an unsubscribe link for sanctions (as older e-mails carried) changes nothing, and the next sanction still arrives', async () => {
    const person = await makeUser()
    setLanguage(person.id, 'id')
    const moderator = await makeUser({ role: 'moderator' })
    const token = unsubscribeToken(person.id, 'moderation.sanctioned')
    const page = await callRoute(unsubscribeLoader, {
      request: await request(`/unsubscribe?token=${encodeURIComponent(token)}`),
      params: {},
      context,
    })
    expect(await page.json()).toMatchObject({
      page: { kind: 'moderation.sanctioned', alwaysSent: true },
    })
    const res = await unsubscribeWith(token, 'kind')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ done: 'moderation.sanctioned', alwaysSent: true })
    // a one-click POST from a mail client is the same request without the intent
    const path = `/unsubscribe?token=${encodeURIComponent(token)}`
    await callRoute(unsubscribeAction, {
      request: await request(path, null, { form: { 'List-Unsubscribe': 'One-Click' } }),
      params: {},
      context,
    })
    expect(db.select().from(notificationPreferences).all()).toHaveLength(0)
    expect(unsubscribedEvents()).toHaveLength(0)

    sanctionUser(moderator, person.id, { kind: 'warn', days: '', reason: 'Jangan kasar' })
    await deliver()
    const [mail] = await smtp.waitFor(1)
    expect(mail.subject).toBe('Pesan dari moderator')
    expect(mail.text).toContain('tidak bisa dimatikan')
  })

  it('after “unsubscribe from all e-mail”, answers stop coming but the next sanction and hidden-post notices still arrive', async () => {
    const person = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    await makeAnswer(await makeUser(), await makeQuestion(person))
    const [answerMail] = db.select().from(outbox).all()
    const link = new URL(answerMail.headers['List-Unsubscribe'].slice(1, -1))
    const res = await unsubscribeWith(link.searchParams.get('token')!, 'all')
    expect(await res.json()).toMatchObject({ done: 'question.answered', scope: 'all' })
    const [logged] = unsubscribedEvents()
    expect(logged.data?.types).not.toContain('moderation.sanctioned')
    expect(logged.data?.types).not.toContain('post.hidden_by_flags')
    await deliver()
    smtp.received.length = 0

    // answers no longer come by e-mail...
    await makeAnswer(await makeUser(), await makeQuestion(person))
    // ...a sanction does
    sanctionUser(moderator, person.id, { kind: 'warn', days: '', reason: 'Stay on topic' })
    await deliver()
    const mails = await smtp.waitFor(1)
    expect(mails.map((m) => m.subject)).toEqual(['A message from the moderators'])
  })
})
