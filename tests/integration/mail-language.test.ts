import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deliverOutbox } from '~/modules/mail/delivery.server'
import { action as confirmEmailAction } from '~/routes/confirm-email'
import { action as forgotAction } from '~/routes/forgot-password'
import { action as resetAction } from '~/routes/reset-password'
import { action as accountAction } from '~/routes/settings.account'
import { action as signupAction } from '~/routes/signup'
import { db } from '~/utils/db.server'
import { runInRequestScope } from '~/utils/request-scope.server'
import { users } from '../../db/schema'
import { callRoute, context, makeUser, request, TEST_PASSWORD } from '../factories'
import { startSmtp, type FakeSmtp } from '../setup/smtp'

let smtp: FakeSmtp
beforeAll(async () => {
  smtp = await startSmtp()
})
afterAll(() => smtp.close())
afterEach(() => {
  smtp.received.length = 0
})

const deliver = () => deliverOutbox({ smtpUrl: smtp.url })
const accountLanguage = (email: string) =>
  db.select({ language: users.language }).from(users).where(eq(users.email, email)).get()?.language
const userByEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!

/** A form posted as a browser in that language would post it, in its own request scope. */
async function post(
  action: (args: never) => unknown,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
  user: Parameters<typeof request>[1] = null,
) {
  const req = await request(path, user, { form, headers })
  return runInRequestScope(() => callRoute(action, { request: req, params: {}, context }))
}

/** The switcher's cookie for Indonesian, as the browser sends it back. */
const INDONESIAN_COOKIE = `tanya_lang=${encodeURIComponent(Buffer.from('"id"').toString('base64'))}`

const linkIn = (text: string, path: string) => {
  const m = new RegExp(`http://localhost:3000${path}\\?token=[\\w-]+`).exec(text)
  if (!m) throw new Error(`no ${path} link in ${text}`)
  return new URL(m[0]).searchParams.get('token')!
}

describe('the language of account e-mail', () => {
  it('sign-up keeps the language the person was reading in: reset, confirmation and notices come in Indonesian', async () => {
    const email = 'wulan@example.test'
    const signed = await post(
      signupAction,
      '/signup',
      {
        email,
        handle: 'wulan_s',
        displayName: 'Wulan Sari',
        password: 'kopi tubruk every morning',
        redirectTo: '',
      },
      { Cookie: INDONESIAN_COOKIE, 'Accept-Language': 'en' },
    )
    expect(signed.status).toBe(302)
    expect(accountLanguage(email)).toBe('id')

    // Asked for from a browser in English: the account's language wins.
    const asked = await post(
      forgotAction,
      '/forgot-password',
      { email },
      { 'Accept-Language': 'en' },
    )
    expect(asked.status).toBe(302)
    await deliver()
    const [reset] = await smtp.waitFor(1)
    expect(reset.subject).toBe('Buat kata sandi baru')
    expect(reset.text).toContain('Halo Wulan Sari,')
    expect(reset.html).toContain('lang="id"')

    // Setting the new password tells the account, in Indonesian.
    smtp.received.length = 0
    const token = linkIn(reset.text ?? '', '/reset-password')
    const done = await post(resetAction, '/reset-password', {
      token,
      password: 'a new password for wulan',
    })
    expect(done.status).toBe(302)
    await deliver()
    const [changed] = await smtp.waitFor(1)
    expect(changed.subject).toBe('Kata sandi Anda sudah diganti')

    // A new address is confirmed in Indonesian too, and the old one told so in Indonesian.
    smtp.received.length = 0
    const row = userByEmail(email)
    const member = { id: row.id, role: row.role, reputation: row.reputation }
    const requested = await post(
      accountAction,
      '/settings/account',
      {
        intent: 'email',
        newEmail: 'wulan.baru@example.test',
        emailPassword: 'a new password for wulan',
      },
      {},
      member,
    )
    expect(requested.status).toBe(302)
    await deliver()
    const [confirm] = await smtp.waitFor(1)
    expect(confirm.subject).toBe('Konfirmasi alamat e-mail baru Anda')
    smtp.received.length = 0
    const confirmed = await post(
      confirmEmailAction,
      '/confirm-email',
      { token: linkIn(confirm.text ?? '', '/confirm-email') },
      { 'Accept-Language': 'en' },
    )
    expect(confirmed.status).toBe(302)
    await deliver()
    const [told] = await smtp.waitFor(1)
    expect(told.subject).toBe('Alamat e-mail Anda sudah diganti')
  })

  it('sign-up in English from an English browser keeps English', async () => {
    const email = 'kevin@example.test'
    await post(
      signupAction,
      '/signup',
      {
        email,
        handle: 'kevin_w',
        displayName: 'Kevin W',
        password: 'kopi tubruk every morning',
        redirectTo: '',
      },
      { 'Accept-Language': 'en-GB,en' },
    )
    expect(accountLanguage(email)).toBe('en')
    await post(forgotAction, '/forgot-password', { email }, { 'Accept-Language': 'id' })
    await deliver()
    const [reset] = await smtp.waitFor(1)
    expect(reset.subject).toBe('Set a new password')
  })

  it('a reset for an account without a language comes in the language the form was filled in', async () => {
    const member = await makeUser()
    expect(accountLanguage(member.email)).toBeNull()
    await post(
      forgotAction,
      '/forgot-password',
      { email: member.email },
      { 'Accept-Language': 'id' },
    )
    await deliver()
    const [reset] = await smtp.waitFor(1)
    expect(reset.subject).toBe('Buat kata sandi baru')
    expect(reset.html).toContain('lang="id"')
    // the account itself is left without a language: only sign-up and the switcher set it
    expect(accountLanguage(member.email)).toBeNull()
  })

  it('a password changed on the settings page is told in the page’s language when the account has none', async () => {
    const member = await makeUser()
    const res = await post(
      accountAction,
      '/settings/account',
      {
        intent: 'password',
        currentPassword: TEST_PASSWORD,
        newPassword: 'another long password',
      },
      { 'Accept-Language': 'id' },
      member,
    )
    expect(res.status).toBe(302)
    await deliver()
    const [notice] = await smtp.waitFor(1)
    expect(notice.subject).toBe('Kata sandi Anda sudah diganti')
  })
})
