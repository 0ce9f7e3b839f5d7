import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deliverOutbox } from '~/modules/mail/delivery.server'
import { sendDigests } from '~/modules/mail/digest.server'
import { sanctionUser } from '~/modules/moderation/sanctions.server'
import { mergeQuestion } from '~/modules/moderation/merge.server'
import { putPreferences } from '~/modules/notifications/preferences.server'
import { countUnread, listNotifications } from '~/modules/notifications/notifications.server'
import { loader as notificationsLoader } from '~/routes/notifications'
import { setClock } from '~/utils/clock.server'
import { write } from '~/utils/db.server'
import { users } from '../../db/schema'
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

  it('puts a sanction in a daily digest without a question to link (a choice stored earlier)', async () => {
    setClock(new Date(TEST_EPOCH.getTime()))
    const person = await makeUser()
    write((tx) =>
      putPreferences(tx, person.id, { 'moderation.sanctioned': { inApp: true, email: 'digest' } }),
    )
    const moderator = await makeUser({ role: 'moderator' })
    sanctionUser(moderator, person.id, { kind: 'warn', days: '', reason: 'Please stay on topic' })
    setClock(new Date(TEST_EPOCH.getTime() + DAY + 60_000))
    sendDigests()
    await deliver()
    const [mail] = await smtp.waitFor(1)
    expect(mail.text).toContain('A message from the moderators')
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
