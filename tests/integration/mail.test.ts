import { and, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  events,
  notificationPreferences,
  notifications,
  outbox,
  questions,
  users,
} from '../../db/schema'
import { BACKOFF_CAP_MS, deliverOutbox, MAX_ATTEMPTS } from '~/modules/mail/delivery.server'
import { sendDigests } from '~/modules/mail/digest.server'
import { retryOutboxMessage } from '~/modules/mail/outbox.server'
import { unsubscribeToken } from '~/modules/mail/unsubscribe.server'
import { listNotifications } from '~/modules/notifications/notifications.server'
import { notify } from '~/modules/notifications/notifications.server'
import { deleteAccount } from '~/modules/users/users.server'
import { setClock } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { action as unsubscribeAction, loader as unsubscribeLoader } from '~/routes/unsubscribe'
import { callRoute, context, makeAnswer, makeQuestion, makeUser, request } from '../factories'
import { startApp, type RunningApp } from '../setup/app'
import { TEST_EPOCH } from '../setup/integration'
import { startSmtp, type FakeSmtp } from '../setup/smtp'

const MINUTE = 60_000

let smtp: FakeSmtp
beforeAll(async () => {
  smtp = await startSmtp()
})
afterAll(() => smtp.close())
afterEach(() => {
  smtp.received.length = 0
  smtp.failWith = null
})

const rows = () => db.select().from(outbox).all()
const deliver = () => deliverOutbox({ smtpUrl: smtp.url })
const setLanguage = (userId: number, language: string) =>
  write((tx) => tx.update(users).set({ language }).where(eq(users.id, userId)).run())
const unsubscribeLink = (text: string) => {
  const m = text.match(/http:\/\/localhost:3000\/unsubscribe\?token=[^\s>]+/)
  if (!m) throw new Error('no unsubscribe link')
  return m[0]
}

describe('e-mail delivery', () => {
  it('sends an answer notification in the asker’s language, with a link to the answer and one-click unsubscribe headers', async () => {
    const asker = await makeUser()
    setLanguage(asker.id, 'id')
    const answerer = await makeUser()
    const id = await makeQuestion(asker, { title: 'Paket belum sampai sejak Senin' })
    const answerId = await makeAnswer(answerer, id, 'Coba cek resi di situs JNE dulu.')

    expect(rows()).toHaveLength(1)
    const result = await deliver()
    expect(result).toEqual({ sent: 1, retrying: 0, dead: 0 })

    const [mail] = await smtp.waitFor(1)
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(asker.email)
    expect(mail.subject).toBe('Jawaban baru untuk “Paket belum sampai sejak Senin”')
    expect(mail.text).toContain(`${answerer.displayName} menjawab pertanyaan Anda`)
    expect(mail.text).toContain('Coba cek resi di situs JNE dulu.')
    expect(mail.text).toContain(
      `http://localhost:3000/questions/${id}/paket-belum-sampai-sejak-senin#answer-${answerId}`,
    )
    expect(mail.html).toContain('lang="id"')
    const link = unsubscribeLink(mail.text ?? '')
    // Unfolded, as RFC 5322 reads a long header.
    const header = (key: string) =>
      mail.headerLines.find((h) => h.key === key)?.line.replace(/\r\n\s+/g, ' ')
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${link}>`)
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    )
    expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null })
    // Nothing is sent twice.
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, dead: 0 })
  })

  it('retries a refused message with exponential backoff, gives up after the last attempt, and a retry that succeeds sends it once', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    await makeAnswer(await makeUser(), id)
    smtp.failWith = { code: 451, message: 'Mailbox busy, try later' }

    let clock = TEST_EPOCH.getTime()
    const gaps: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliver()
      const [row] = rows()
      expect(row.attempts).toBe(attempt)
      expect(row.lastError).toContain('Mailbox busy')
      if (attempt === MAX_ATTEMPTS) {
        expect(result).toEqual({ sent: 0, retrying: 0, dead: 1 })
        expect(row.status).toBe('dead')
        break
      }
      expect(result).toEqual({ sent: 0, retrying: 1, dead: 0 })
      const gap = row.nextAttemptAt.getTime() - clock
      gaps.push(gap)
      // Not due a moment before its time; due at it.
      clock = advance(gap - 1).getTime()
      expect(await deliver()).toEqual({ sent: 0, retrying: 0, dead: 0 })
      clock = advance(1).getTime()
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60].map((m) => Math.min(m * MINUTE, BACKOFF_CAP_MS)))
    expect(smtp.received).toHaveLength(0)

    // Dead stays dead until someone retries it.
    advance(24 * 60 * MINUTE)
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, dead: 0 })
    smtp.failWith = null
    const admin = await makeUser({ role: 'admin' })
    expect(retryOutboxMessage(admin, rows()[0].id)).toBe(true)
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, dead: 0 })
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, dead: 0 })
    expect(smtp.received).toHaveLength(1)
    expect(rows()[0].status).toBe('sent')
  })

  it('sends each message once when two delivery runs work at the same time', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    const answerers = await Promise.all(Array.from({ length: 5 }, () => makeUser()))
    for (let i = 0; i < 30; i++) await makeAnswer(answerers[i % 5], id, `Answer number ${i} here`)
    expect(rows()).toHaveLength(30)
    const [a, b] = await Promise.all([
      deliverOutbox({ smtpUrl: smtp.url, batchSize: 4 }),
      deliverOutbox({ smtpUrl: smtp.url, batchSize: 4 }),
    ])
    expect(a.sent + b.sent).toBe(30)
    expect(a.sent).toBeGreaterThan(0)
    expect(b.sent).toBeGreaterThan(0)
    const subjects = smtp.received.map((m) => m.text?.match(/Answer number \d+/)?.[0])
    expect(new Set(subjects).size).toBe(30)
    expect(smtp.received).toHaveLength(30)
  })

  it('keeps messages pending and readable without an SMTP server', async () => {
    const asker = await makeUser()
    await makeAnswer(await makeUser(), await makeQuestion(asker))
    const result = await deliverOutbox({ smtpUrl: '' })
    expect(result.skipped).toBe('1 pending, no SMTP_URL')
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 0 })
  })

  it('never mails a deleted account', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    deleteAccount(await makeUser({ role: 'admin' }), asker.id)
    await makeAnswer(await makeUser(), id)
    expect(rows()).toHaveLength(0)
  })

  it('tells staff why a question escalated, how long it waited, and links to the desk', async () => {
    const asker = await makeUser()
    const staff = await makeUser({ role: 'staff' })
    const id = await makeQuestion(asker, { title: 'Refund never arrived' })
    write((tx) =>
      notify(tx, {
        userId: staff.id,
        type: 'question.escalated',
        actorId: null,
        questionId: id,
        data: { level: 1, reason: 'sla', waitedMinutes: 125 },
      }),
    )
    const [row] = rows()
    expect(row.subject).toBe('Escalated (level 1): “Refund never arrived”')
    expect(row.text).toContain('Why: it passed the response target of its category')
    expect(row.text).toContain('It has waited 2 hours and 5 minutes without a response.')
    expect(row.text).toContain('http://localhost:3000/desk')
  })
})

describe('notification choices', () => {
  async function answered(choice: { inApp: boolean; email: 'instant' | 'digest' | 'off' }) {
    const asker = await makeUser()
    const form: Record<string, string> = { intent: 'save' }
    // Every type keeps its default except answers to my questions.
    const { DEFAULT_PREFERENCES } = await import('~/modules/notifications/preferences.server')
    for (const [type, p] of Object.entries(DEFAULT_PREFERENCES)) {
      const mine = type === 'question.answered' ? choice : p
      form[`email:${type}`] = mine.email
      if (mine.inApp) form[`inApp:${type}`] = 'on'
    }
    const { action } = await import('~/routes/settings.notifications')
    const res = await callRoute(action, {
      request: await request('/settings/notifications', asker, { form }),
      params: {},
      context,
    })
    expect(res.status).toBe(302)
    const id = await makeQuestion(asker)
    await makeAnswer(await makeUser(), id)
    return {
      asker,
      inApp: listNotifications(asker.id).length,
      rows: db.select().from(notifications).where(eq(notifications.userId, asker.id)).all(),
      mail: rows().filter((r) => r.userId === asker.id),
    }
  }

  it('in-app only: a notification on the site and no e-mail', async () => {
    const r = await answered({ inApp: true, email: 'off' })
    expect(r.inApp).toBe(1)
    expect(r.mail).toHaveLength(0)
    const changed = db
      .select()
      .from(events)
      .where(eq(events.type, 'user.notification_preferences_changed'))
      .all()
    expect(changed).toHaveLength(1)
    expect(changed[0].data).toMatchObject({ to: { 'question.answered': { email: 'off' } } })
  })

  it('digest only: nothing on the site, nothing now, one line in the daily digest', async () => {
    const r = await answered({ inApp: false, email: 'digest' })
    expect(r.inApp).toBe(0)
    expect(r.rows).toHaveLength(1)
    expect(r.mail).toHaveLength(0)
    expect(sendDigests()).toBe('digest: 1 queued')
    const digest = rows().filter((m) => m.userId === r.asker.id)
    expect(digest).toHaveLength(1)
    expect(digest[0]).toMatchObject({ kind: 'digest', subject: 'Your daily summary: 1 update' })
    expect(digest[0].text).toContain('New answer to “My order has not arrived yet”')
    // The next run finds nothing new since that digest.
    expect(sendDigests()).toBe('digest: 0 queued')
  })

  it('off: neither on the site nor by e-mail', async () => {
    const r = await answered({ inApp: false, email: 'off' })
    expect(r.rows).toHaveLength(0)
    expect(r.mail).toHaveLength(0)
  })

  it('refuses a choice that is not one, keeping what was posted', async () => {
    const user = await makeUser()
    const { action } = await import('~/routes/settings.notifications')
    const res = await callRoute(action, {
      request: await request('/settings/notifications', user, {
        form: { intent: 'save', 'email:mention': 'hourly', 'inApp:mention': 'on' },
      }),
      params: {},
      context,
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { invalid: string[]; values: Record<string, string> }
    expect(body.invalid).toContain('mention')
    expect(body.values['email:mention']).toBe('hourly')
    expect(db.select().from(notificationPreferences).all()).toHaveLength(0)
  })
})

describe('the daily digest', () => {
  it('sends one e-mail per person with everything since the last digest, leaving out what they may no longer see', async () => {
    const advance = setClock(TEST_EPOCH)
    const follower = await makeUser()
    const asker = await makeUser()
    const { follow } = await import('~/modules/notifications/follows.server')
    const ids = [
      await makeQuestion(asker, { title: 'First thread about grinders' }),
      await makeQuestion(asker, { title: 'Second thread about kettles' }),
      await makeQuestion(asker, { title: 'Third thread, later hidden' }),
    ]
    for (const id of ids) follow(follower, { type: 'question', id })
    for (const id of ids) await makeAnswer(await makeUser(), id, 'A helpful answer')
    write((tx) =>
      tx.update(questions).set({ hiddenAt: TEST_EPOCH }).where(eq(questions.id, ids[2])).run(),
    )
    expect(sendDigests()).toBe('digest: 1 queued')
    const [digest] = rows().filter((r) => r.userId === follower.id)
    expect(digest.subject).toBe('Your daily summary: 2 updates')
    expect(digest.text).toContain('First thread about grinders')
    expect(digest.text).toContain('Second thread about kettles')
    expect(digest.text).not.toContain('later hidden')
    expect(digest.headers['List-Unsubscribe']).toContain('/unsubscribe?token=')

    advance(24 * 60 * MINUTE)
    await makeAnswer(await makeUser(), ids[0], 'Another answer the next day')
    // The follower, and the first answerer of that thread (who follows it since answering).
    expect(sendDigests()).toBe('digest: 2 queued')
    const second = rows().filter((r) => r.userId === follower.id && r.kind === 'digest')
    expect(second).toHaveLength(2)
    expect(second[1].subject).toBe('Your daily summary: 1 update')
  })
})

describe('unsubscribe', () => {
  async function mailedMember() {
    const asker = await makeUser()
    await makeAnswer(await makeUser(), await makeQuestion(asker))
    return asker
  }
  const emailChoice = (userId: number, type: 'question.answered' | 'mention') =>
    db
      .select()
      .from(notificationPreferences)
      .where(
        and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.type, type)),
      )
      .get()?.email

  it('shows a confirmation to a signed-out visitor and changes nothing until the button is pressed', async () => {
    const member = await mailedMember()
    const token = unsubscribeToken(member.id, 'question.answered')
    const path = `/unsubscribe?token=${encodeURIComponent(token)}`
    const page = await callRoute(unsubscribeLoader, {
      request: await request(path),
      params: {},
      context,
    })
    expect(page.status).toBe(200)
    expect(await page.json()).toMatchObject({
      page: { email: member.email, kind: 'question.answered' },
    })
    expect(emailChoice(member.id, 'question.answered')).toBeUndefined()

    const done = await callRoute(unsubscribeAction, {
      request: await request(path, null, { form: { token, intent: 'kind' } }),
      params: {},
      context,
    })
    expect(done.status).toBe(200)
    expect(emailChoice(member.id, 'question.answered')).toBe('off')
    // Other kinds stay on.
    expect(emailChoice(member.id, 'mention')).toBeUndefined()
    const logged = db.select().from(events).where(eq(events.type, 'user.unsubscribed')).all()
    expect(logged).toHaveLength(1)
    expect(logged[0].userId).toBe(member.id)

    // Answers no longer come by e-mail, but still on the site.
    const before = rows().length
    await makeAnswer(await makeUser(), await makeQuestion(member))
    expect(rows()).toHaveLength(before)
    expect(listNotifications(member.id).length).toBe(2)

    // "All e-mail" turns every kind off.
    await callRoute(unsubscribeAction, {
      request: await request(path, null, { form: { token, intent: 'all' } }),
      params: {},
      context,
    })
    expect(emailChoice(member.id, 'mention')).toBe('off')
  })

  it('refuses a forged token and a token for another kind or person', async () => {
    const member = await mailedMember()
    const other = await makeUser()
    const good = unsubscribeToken(member.id, 'question.answered')
    const sig = good.split('.').pop()!
    const forged = [
      `${member.id}.question.answered.${'A'.repeat(sig.length)}`,
      `${member.id}.mention.${sig}`,
      `${other.id}.question.answered.${sig}`,
      // a stray character after a good signature (decoded, it would weigh nothing)
      `${good}A`,
      'nonsense',
    ]
    for (const token of forged) {
      const path = `/unsubscribe?token=${encodeURIComponent(token)}`
      const page = await callRoute(unsubscribeLoader, {
        request: await request(path),
        params: {},
        context,
      })
      expect(page.status, token).toBe(400)
      const post = await callRoute(unsubscribeAction, {
        request: await request(path, null, { form: { token, intent: 'all' } }),
        params: {},
        context,
      })
      expect(post.status, token).toBe(400)
    }
    expect(db.select().from(notificationPreferences).all()).toHaveLength(0)
    expect(db.select().from(events).where(eq(events.type, 'user.unsubscribed')).all()).toHaveLength(
      0,
    )
  })

  describe('over HTTP', () => {
    let app: RunningApp
    beforeAll(async () => {
      app = await startApp({ BASE_URL: 'http://localhost:3000' })
    })
    afterAll(() => app.close())

    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body,
        redirect: 'manual',
      })

    it('takes a mail client’s RFC 8058 one-click POST without Origin or cookie, and refuses other origin-less POSTs', async () => {
      const member = await mailedMember()
      // The link exactly as the e-mail's List-Unsubscribe header carries it.
      const header = rows()[0].headers['List-Unsubscribe']
      const url = new URL(header.slice(1, -1))
      const res = await post(`${url.pathname}${url.search}`, 'List-Unsubscribe=One-Click')
      expect(res.status).toBe(200)
      expect(emailChoice(member.id, 'question.answered')).toBe('off')

      const forged = `${member.id}.mention.${'A'.repeat(24)}`
      const refused = await post(
        `/unsubscribe?token=${encodeURIComponent(forged)}`,
        'List-Unsubscribe=One-Click',
      )
      expect(refused.status).toBe(403)
      expect(emailChoice(member.id, 'mention')).toBeUndefined()
      // Any other route without an Origin is still refused, token or not.
      const token = encodeURIComponent(unsubscribeToken(member.id, 'mention'))
      for (const path of [
        `/settings/notifications?token=${token}`,
        `/follow?token=${token}`,
        `/admin/outbox?token=${token}`,
        '/unsubscribe',
      ])
        expect((await post(path, 'intent=all')).status, path).toBe(403)
      expect(emailChoice(member.id, 'mention')).toBeUndefined()
    })
  })
})

describe('follows and mentions', () => {
  it('tell followers of a tag or category of a new question, once each, never the asker', async () => {
    const { follow, findTagId } = await import('~/modules/notifications/follows.server')
    const asker = await makeUser()
    const both = await makeUser()
    const tagOnly = await makeUser()
    await makeQuestion(asker, { title: 'Seed question', tags: ['grinder'] })
    const tagId = findTagId('grinder')!
    const categoryId = db.select().from(questions).get()!.categoryId
    follow(both, { type: 'tag', id: tagId })
    follow(both, { type: 'category', id: categoryId })
    follow(tagOnly, { type: 'tag', id: tagId })
    follow(asker, { type: 'tag', id: tagId })
    const id = await makeQuestion(asker, { title: 'Grinder burrs wobble', tags: ['grinder'] })
    const told = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.type, 'followed.new_question'), eq(notifications.questionId, id)))
      .all()
    expect(told.map((n) => n.userId).sort()).toEqual([both.id, tagOnly.id].sort())
    // Followed news goes to the digest by default, and shows on the site.
    expect(told.every((n) => n.data?.digest === true)).toBe(true)
    expect(listNotifications(tagOnly.id)[0]).toMatchObject({ type: 'followed.new_question' })
  })

  it('tell thread followers of a new answer, not the asker (told already) nor its author; askers and answerers follow by themselves', async () => {
    const asker = await makeUser()
    const first = await makeUser()
    const second = await makeUser()
    const id = await makeQuestion(asker)
    await makeAnswer(first, id, 'First answer')
    const answerId = await makeAnswer(second, id, 'Second answer')
    const followed = db
      .select()
      .from(notifications)
      .where(eq(notifications.type, 'followed.new_answer'))
      .all()
    expect(followed.map((n) => [n.userId, n.answerId])).toEqual([[first.id, answerId]])
    const askerTypes = db
      .select({ type: notifications.type })
      .from(notifications)
      .where(eq(notifications.userId, asker.id))
      .all()
      .map((n) => n.type)
    expect(askerTypes).toEqual(['question.answered', 'question.answered'])
  })

  it('@mentions tell who can see the post, at most ten people per post', async () => {
    const asker = await makeUser({ handle: 'asker_one' })
    const named = await makeUser({ handle: 'budi' })
    const staff = await makeUser({ role: 'staff', handle: 'sari_staff' })
    const id = await makeQuestion(asker, {
      body: 'Hi @budi and @nobody_here, see `@sari_staff` in code, mail me at x@budi.com',
    })
    const mentions = () =>
      db.select().from(notifications).where(eq(notifications.type, 'mention')).all()
    expect(mentions().map((n) => n.userId)).toEqual([named.id])
    const [mail] = rows().filter((r) => r.kind === 'mention')
    expect(mail.subject).toBe(
      `${asker.displayName} mentioned you in “My order has not arrived yet”`,
    )

    // A private question: only its asker and staff may see it, so only they hear of it.
    const privateId = await makeQuestion(asker, { title: 'My address and order number' })
    write((tx) =>
      tx.update(questions).set({ visibility: 'private' }).where(eq(questions.id, privateId)).run(),
    )
    await makeAnswer(staff, privateId, 'Thanks @asker_one, and @budi might know too.')
    const onPrivate = mentions().filter((n) => n.questionId === privateId)
    expect(onPrivate.map((n) => n.userId)).toEqual([asker.id])
    expect(rows().filter((r) => r.userId === named.id)).toHaveLength(1)

    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) => makeUser({ handle: `crowd_${i}` })),
    )
    await makeAnswer(named, id, many.map((u) => `@${u.handle}`).join(' '))
    const crowd = mentions().filter((n) => many.some((u) => u.id === n.userId))
    expect(crowd).toHaveLength(10)
    void id
  })
})

describe('the admin’s outbox', () => {
  it('lists messages newest first by status with counts and pages, and retries a dead one from its form', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    const answerer = await makeUser()
    for (let i = 0; i < 27; i++) {
      advance(MINUTE)
      await makeAnswer(answerer, id, `Answer number ${i} for the list`)
    }
    const [oldest] = rows()
    write((tx) =>
      tx
        .update(outbox)
        .set({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: '550 no such user' })
        .where(eq(outbox.id, oldest.id))
        .run(),
    )
    const admin = await makeUser({ role: 'admin' })
    const { loader, action } = await import('~/routes/admin.outbox')
    const page = async (query: string) =>
      (await (
        await callRoute(loader, {
          request: await request(`/admin/outbox${query}`, admin),
          params: {},
          context,
        })
      ).json()) as {
        counts: Record<string, number>
        result: { items: { id: number; status: string }[]; page: number; pageCount: number }
      }
    const all = await page('')
    expect(all.counts).toEqual({ pending: 26, sent: 0, dead: 1 })
    expect(all.result.pageCount).toBe(2)
    expect(all.result.items[0].id).toBe(rows().at(-1)!.id)
    expect((await page('?page=2')).result.items.at(-1)!.id).toBe(oldest.id)
    const dead = await page('?status=dead')
    expect(dead.result.items.map((m) => m.id)).toEqual([oldest.id])

    const res = await callRoute(action, {
      request: await request('/admin/outbox', admin, {
        form: {
          intent: 'retry',
          messageId: String(oldest.id),
          returnTo: '/admin/outbox?status=dead',
        },
      }),
      params: {},
      context,
    })
    expect(res.headers.get('location')).toBe(`/admin/outbox?status=dead&retried=${oldest.id}`)
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: MAX_ATTEMPTS - 1 })
    expect(await deliver()).toEqual({ sent: 27, retrying: 0, dead: 0 })
  })
})
