import { createHash } from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getUser, logIn } from '~/modules/auth/auth.server'
import { listAuditLog } from '~/modules/audit/audit.server'
import { sanctionUser } from '~/modules/moderation/sanctions.server'
import { createAnswer } from '~/modules/answers/answers.server'
import { flagPost } from '~/modules/flags/flags.server'
import { decideItem } from '~/modules/flags/review.server'
import { lockTrustLevel } from '~/modules/trust/trust.server'
import { castVote } from '~/modules/votes/votes.server'
import { RESET_LIMITS } from '~/modules/accounts/password-reset.server'
import { action as forgotAction } from '~/routes/forgot-password'
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password'
import { action as accountAction } from '~/routes/settings.account'
import { action as profileAction } from '~/routes/settings.profile'
import { action as confirmAction, loader as confirmLoader } from '~/routes/confirm-email'
import { loader as usersLoader } from '~/routes/admin.users._index'
import { action as userAction, loader as userLoader } from '~/routes/admin.users.$handle'
import { loader as exportLoader } from '~/routes/admin.users.$handle_.export'
import { setClock } from '~/utils/clock.server'
import { db, sqlite } from '~/utils/db.server'
import {
  accountTokens,
  events,
  outbox,
  passwords,
  reviewItems,
  sessions,
  users,
} from '../../db/schema'
import {
  callRoute,
  context,
  inEnglish,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  TEST_PASSWORD,
  type TestUser,
} from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const MINUTE = 60_000
const NEW_PASSWORD = 'a brand new kopi password'

const at = (ms: number) => setClock(new Date(TEST_EPOCH.getTime() + ms))

/** Posts the forgot-password form from `ip`. */
async function askForReset(email: string, ip = '203.0.113.7') {
  const req = await request('/forgot-password', null, { form: { email } })
  return callRoute(forgotAction, {
    request: req,
    params: {},
    context: { ...context, clientIp: ip },
  })
}

async function reset(token: string, password = NEW_PASSWORD) {
  const req = await request('/reset-password', null, { form: { token, password } })
  return callRoute(resetAction, { request: req, params: {}, context })
}

const mails = () => db.select().from(outbox).all()
/** The link's token in the newest e-mail of `kind` to `address`. */
function tokenIn(kind: string, address: string, path = 'reset-password'): string {
  const mail = mails()
    .filter((m) => m.kind === kind && m.toAddress === address)
    .at(-1)
  const found = mail?.text.match(new RegExp(`/${path}\\?token=([A-Za-z0-9_-]{43})`))
  if (!found) throw new Error(`no ${kind} e-mail to ${address}`)
  return found[1]
}

const sessionCount = (userId: number) =>
  db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()!.n

const typesAbout = (userId: number) =>
  db
    .select({ type: events.type })
    .from(events)
    .where(eq(events.userId, userId))
    .all()
    .map((e) => e.type)

async function bodyOf(res: Response) {
  return (await res.json()) as {
    fieldErrors: Record<string, string>
    values: Record<string, string>
  }
}

describe('password reset by e-mail', () => {
  it('answers an unknown address exactly like a known one, and e-mails only the known one', async () => {
    const member = await makeUser()
    const known = await askForReset(member.email)
    const unknown = await askForReset('nobody@example.test')
    expect(known.status).toBe(302)
    expect(unknown.status).toBe(302)
    expect(unknown.headers.get('Location')).toBe(known.headers.get('Location'))
    expect(mails().map((m) => m.toAddress)).toEqual([member.email])
    // The rehearsal for the unknown address left nothing behind.
    expect(db.select().from(accountTokens).all()).toHaveLength(1)
  })

  it('keeps only the hash of the token, and the e-mailed link sets a new password once', async () => {
    const member = await makeUser()
    await askForReset(member.email)
    const token = tokenIn('password_reset', member.email)
    const stored = db.select().from(accountTokens).get()!
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(sqlite.prepare('select * from account_tokens').all())).not.toContain(
      token,
    )

    const page = await callRoute(resetLoader, {
      request: await request(`/reset-password?token=${token}`),
      params: {},
      context,
    })
    expect((await page.json()).state).toBe('form')
    const done = await reset(token)
    expect(done.headers.get('Location')).toBe('/reset-password?done=1')
    expect((await logIn(member.email, NEW_PASSWORD, '198.51.100.1')).ok).toBe(true)
    expect((await logIn(member.email, TEST_PASSWORD, '198.51.100.1')).ok).toBe(false)

    // Single use: the same link again changes nothing.
    const again = await reset(token, 'yet another kopi password')
    expect(again.status).toBe(400)
    expect(inEnglish((await bodyOf(again)).fieldErrors.form!)).toBe(
      'This link has expired or was already used.',
    )
    expect((await logIn(member.email, NEW_PASSWORD, '198.51.100.1')).ok).toBe(true)
    expect(typesAbout(member.id)).toEqual(
      expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']),
    )
  })

  it('expires the link after one hour (fake clock)', async () => {
    const member = await makeUser()
    await askForReset(member.email)
    const token = tokenIn('password_reset', member.email)
    at(61 * MINUTE)
    const page = await callRoute(resetLoader, {
      request: await request(`/reset-password?token=${token}`),
      params: {},
      context,
    })
    expect((await page.json()).state).toBe('expired')
    expect((await reset(token)).status).toBe(400)
    expect((await logIn(member.email, TEST_PASSWORD, '198.51.100.1')).ok).toBe(true)
  })

  it('works just before the hour is up', async () => {
    const member = await makeUser()
    await askForReset(member.email)
    const token = tokenIn('password_reset', member.email)
    at(59 * MINUTE)
    expect((await reset(token)).status).toBe(302)
  })

  it('a new request supersedes the older link', async () => {
    const member = await makeUser()
    await askForReset(member.email)
    const first = tokenIn('password_reset', member.email)
    at(MINUTE)
    await askForReset(member.email)
    const second = tokenIn('password_reset', member.email)
    expect(second).not.toBe(first)
    expect((await reset(first)).status).toBe(400)
    expect((await reset(second)).status).toBe(302)
  })

  it('limits requests per address and per client address', async () => {
    const member = await makeUser()
    for (let i = 0; i < RESET_LIMITS.perEmail.max; i++)
      expect((await askForReset(member.email, `198.51.100.${i}`)).status).toBe(302)
    const limited = await askForReset(member.email, '198.51.100.99')
    expect(limited.status).toBe(429)
    expect((await bodyOf(limited)).values.email).toBe(member.email)
    // An unknown address is limited the same way: the limit tells nobody who is registered.
    for (let i = 0; i < RESET_LIMITS.perEmail.max; i++)
      await askForReset('ghost@example.test', '198.51.100.50')
    expect((await askForReset('ghost@example.test', '198.51.100.51')).status).toBe(429)

    for (let i = 0; i < RESET_LIMITS.perIp.max; i++)
      expect((await askForReset(`someone${i}@example.test`, '192.0.2.1')).status).toBe(302)
    expect((await askForReset('one-more@example.test', '192.0.2.1')).status).toBe(429)
    // An hour later, the window has passed.
    at(61 * MINUTE)
    expect((await askForReset('one-more@example.test', '192.0.2.1')).status).toBe(302)
  })

  it('ends every session of the account', async () => {
    const member = await makeUser()
    const laptop = await request('/', member)
    await request('/', member)
    expect(sessionCount(member.id)).toBe(2)
    await askForReset(member.email)
    await reset(tokenIn('password_reset', member.email))
    expect(sessionCount(member.id)).toBe(0)
    expect(await getUser(laptop)).toBeNull()
    // The account's address is told.
    expect(mails().some((m) => m.kind === 'password_changed' && m.toAddress === member.email)).toBe(
      true,
    )
  })

  it('is no way around a suspension, and a banned account gets no link at all', async () => {
    const admin = await makeUser({ role: 'admin' })
    const suspended = await makeUser()
    const banned = await makeUser()
    sanctionUser(admin, suspended.id, { kind: 'suspend', days: '3', reason: 'Cooling off' })
    sanctionUser(admin, banned.id, { kind: 'ban', days: '', reason: 'Spam' })

    await askForReset(suspended.email)
    expect((await reset(tokenIn('password_reset', suspended.email))).status).toBe(302)
    const login = await logIn(suspended.email, NEW_PASSWORD, '198.51.100.1')
    expect(login.ok).toBe(false)
    expect(login.ok ? 0 : login.status).toBe(403)
    expect(sessionCount(suspended.id)).toBe(0)

    const answer = await askForReset(banned.email)
    expect(answer.headers.get('Location')).toBe('/forgot-password?sent=1')
    // (the ban itself was e-mailed to them; a reset link never is)
    expect(mails().some((m) => m.toAddress === banned.email && m.kind === 'password_reset')).toBe(
      false,
    )
  })
})

async function postAccount(user: TestUser, form: Record<string, string>) {
  const req = await request('/settings/account', user, { form })
  return callRoute(accountAction, { request: req, params: {}, context })
}

describe('account settings', () => {
  it('changes the password with the current one and ends every other session', async () => {
    const member = await makeUser()
    const other = await request('/', member)
    const wrong = await postAccount(member, {
      intent: 'password',
      currentPassword: 'not my password at all',
      newPassword: NEW_PASSWORD,
    })
    expect(wrong.status).toBe(400)
    expect(inEnglish((await bodyOf(wrong)).fieldErrors.currentPassword!)).toBe(
      'That is not your current password',
    )
    const weak = await postAccount(member, {
      intent: 'password',
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    })
    expect(inEnglish((await bodyOf(weak)).fieldErrors.newPassword!)).toBe(
      'Passwords are at least 10 characters',
    )

    const req = await request('/settings/account', member, {
      form: { intent: 'password', currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    })
    // Every earlier request signed in anew: all but this one are "other" sessions.
    const others = sessionCount(member.id) - 1
    expect(others).toBeGreaterThan(1)
    const done = await callRoute(accountAction, { request: req, params: {}, context })
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe(`/settings/account?passwordChanged=${others}`)
    expect(await getUser(other)).toBeNull()
    // This browser carries on with a fresh session.
    const fresh = done.headers.get('Set-Cookie')!.split(';')[0]
    const me = await getUser(new Request('http://localhost:3000/', { headers: { Cookie: fresh } }))
    expect(me?.id).toBe(member.id)
    expect(sessionCount(member.id)).toBe(1)
    expect((await logIn(member.email, NEW_PASSWORD, '198.51.100.1')).ok).toBe(true)
    expect(typesAbout(member.id)).toContain('user.password_changed')
  })

  it('changes the e-mail address only when the link sent to the new one is opened, and tells the old one', async () => {
    const member = await makeUser()
    const sent = await postAccount(member, {
      intent: 'email',
      newEmail: 'New.Address@Example.test',
      emailPassword: TEST_PASSWORD,
    })
    expect(sent.headers.get('Location')).toBe('/settings/account?emailSent=1')
    expect(db.select().from(users).where(eq(users.id, member.id)).get()!.email).toBe(member.email)
    const token = tokenIn('email_change', 'new.address@example.test', 'confirm-email')

    const page = await callRoute(confirmLoader, {
      request: await request(`/confirm-email?token=${token}`),
      params: {},
      context,
    })
    // Opening the link (a mail scanner does) changes nothing.
    expect(await page.json()).toMatchObject({ state: 'ask', newEmail: 'new.address@example.test' })
    expect(db.select().from(users).where(eq(users.id, member.id)).get()!.email).toBe(member.email)

    const confirm = () =>
      request('/confirm-email', null, { form: { token } }).then((req) =>
        callRoute(confirmAction, { request: req, params: {}, context }),
      )
    expect((await confirm()).headers.get('Location')).toBe('/confirm-email?done=1')
    expect(db.select().from(users).where(eq(users.id, member.id)).get()!.email).toBe(
      'new.address@example.test',
    )
    expect(
      mails().find((m) => m.kind === 'email_changed')?.toAddress,
      'the old address is told',
    ).toBe(member.email)
    expect((await confirm()).status).toBe(400)
    expect((await logIn('new.address@example.test', TEST_PASSWORD, '198.51.100.1')).ok).toBe(true)
    expect(typesAbout(member.id)).toEqual(
      expect.arrayContaining(['user.email_change_requested', 'user.email_changed']),
    )
  })

  it('expires an e-mail confirmation after a day, and sends none for an address another account has', async () => {
    const member = await makeUser()
    const other = await makeUser()
    await postAccount(member, {
      intent: 'email',
      newEmail: 'later@example.test',
      emailPassword: TEST_PASSWORD,
    })
    const token = tokenIn('email_change', 'later@example.test', 'confirm-email')
    at(25 * 60 * MINUTE)
    const req = await request('/confirm-email', null, { form: { token } })
    expect((await callRoute(confirmAction, { request: req, params: {}, context })).status).toBe(400)

    const taken = await postAccount(member, {
      intent: 'email',
      newEmail: other.email,
      emailPassword: TEST_PASSWORD,
    })
    expect(taken.headers.get('Location')).toBe('/settings/account?emailSent=1')
    expect(mails().some((m) => m.toAddress === other.email)).toBe(false)
  })

  it('saves the profile within its limits, and not while the account is silenced', async () => {
    const admin = await makeUser({ role: 'admin' })
    const member = await makeUser()
    const post = async (form: Record<string, string>, who = member) =>
      callRoute(profileAction, {
        request: await request('/settings/profile', who, { form }),
        params: {},
        context,
      })
    const long = await post({ displayName: 'Sari', bio: 'x'.repeat(501), avatarColour: 'teal' })
    expect(long.status).toBe(400)
    const body = await bodyOf(long)
    expect(inEnglish(body.fieldErrors.bio!)).toBe('At most 500 characters')
    expect(body.values.bio).toBe('x'.repeat(501))
    expect((await post({ displayName: 'Sari', bio: '', avatarColour: 'neon' })).status).toBe(400)

    const saved = await post({
      displayName: 'Sari W.',
      bio: 'Roasting at home.',
      avatarColour: 'teal',
    })
    expect(saved.headers.get('Location')).toBe('/settings/profile?saved=1')
    expect(db.select().from(users).where(eq(users.id, member.id)).get()).toMatchObject({
      displayName: 'Sari W.',
      bio: 'Roasting at home.',
      avatarColour: 'teal',
    })
    expect(typesAbout(member.id)).toContain('user.profile_updated')

    sanctionUser(admin, member.id, { kind: 'silence', days: '2', reason: 'Cool down' })
    expect(
      (await post({ displayName: 'Spam Seller', bio: 'buy now', avatarColour: '' })).status,
    ).toBe(403)
  })

  it('deletes the account with its password; its posts stay under a tombstone', async () => {
    const member = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const questionId = await makeQuestion(member)
    await makeAnswer(helper, questionId)
    const wrong = await postAccount(member, { intent: 'delete', deletePassword: 'wrong password!' })
    expect(wrong.status).toBe(400)
    expect(db.select().from(users).where(eq(users.id, member.id)).get()!.deletedAt).toBeNull()

    const done = await postAccount(member, { intent: 'delete', deletePassword: TEST_PASSWORD })
    expect(done.headers.get('Location')).toBe('/goodbye')
    const row = db.select().from(users).where(eq(users.id, member.id)).get()!
    expect(row).toMatchObject({ displayName: 'Deleted user', bio: '' })
    expect(row.deletedAt).not.toBeNull()
    expect(row.email).not.toBe(member.email)
    expect(db.select().from(passwords).where(eq(passwords.userId, member.id)).all()).toEqual([])
    expect(sessionCount(member.id)).toBe(0)
    expect(sqlite.prepare('select author_id from questions where id = ?').get(questionId)).toEqual({
      author_id: member.id,
    })
    const deleted = db
      .select()
      .from(events)
      .where(and(eq(events.type, 'user.deleted'), eq(events.userId, member.id)))
      .get()
    expect(deleted).toMatchObject({ actorId: member.id, data: { role: 'member', own: true } })
    expect((await logIn(member.email, TEST_PASSWORD, '198.51.100.1')).ok).toBe(false)
  })

  it('keeps the last admin from deleting their account', async () => {
    const admin = await makeUser({ role: 'admin' })
    const refused = await postAccount(admin, { intent: 'delete', deletePassword: TEST_PASSWORD })
    expect(refused.status).toBe(409)
    expect(inEnglish((await bodyOf(refused)).fieldErrors.form!)).toMatch(/only admin/)
  })
})

describe('admin user management', () => {
  async function get(
    loader: (args: never) => unknown,
    path: string,
    who: TestUser,
    handle?: string,
  ) {
    return callRoute(loader, { request: await request(path, who), params: { handle }, context })
  }

  it('lists, searches by handle, name or e-mail, filters by role and pages', async () => {
    const admin = await makeUser({ role: 'admin', handle: 'eko' })
    await makeUser({ handle: 'sari_w' })
    await makeUser({ role: 'helper', handle: 'budi' })
    for (let i = 0; i < 26; i++) await makeUser({ handle: `bulk${String(i).padStart(2, '0')}` })
    const list = async (query: string) =>
      (await (await get(usersLoader, `/admin/users${query}`, admin)).json()).result as {
        items: { handle: string }[]
        total: number
        pageCount: number
      }
    expect((await list('?q=sari')).items.map((u) => u.handle)).toEqual(['sari_w'])
    expect((await list('?q=budi%40example')).items.map((u) => u.handle)).toEqual(['budi'])
    expect((await list('?role=helper')).items.map((u) => u.handle)).toEqual(['budi'])
    // A wildcard typed is a letter: nobody's handle has a percent sign.
    expect((await list('?q=%25')).total).toBe(0)
    const all = await list('')
    expect(all.total).toBe(29)
    expect(all.items).toHaveLength(25)
    expect((await list('?page=2')).items).toHaveLength(4)

    const member = await makeUser()
    expect((await get(usersLoader, '/admin/users', member)).status).toBe(403)
    const moderator = await makeUser({ role: 'moderator' })
    expect((await get(usersLoader, '/admin/users', moderator)).status).toBe(403)
  })

  it('shows a person’s sanctions and flags, and changes their role but never one’s own', async () => {
    const admin = await makeUser({ role: 'admin' })
    const member = await makeUser()
    sanctionUser(admin, member.id, { kind: 'warn', days: '', reason: 'Be kind' })
    const page = await get(userLoader, `/admin/users/${member.handle}`, admin, member.handle)
    const { managed } = await page.json()
    expect(managed.sanctions).toEqual({ total: 1, inForce: 0 })
    expect(managed.canChangeRole).toBe(true)

    const post = async (who: TestUser, handle: string, role: string) =>
      callRoute(userAction, {
        request: await request(`/admin/users/${handle}`, who, { form: { intent: 'role', role } }),
        params: { handle },
        context,
      })
    expect((await post(admin, member.handle, 'helper')).status).toBe(302)
    expect(db.select().from(users).where(eq(users.id, member.id)).get()!.role).toBe('helper')
    expect((await post(admin, admin.handle, 'member')).status).toBe(403)
    expect((await post(admin, member.handle, 'emperor')).status).toBe(400)
    const audit = listAuditLog(admin, { kind: 'people' })
    expect(audit.entries.map((e) => e.type)).toContain('user.role_changed')
  })

  it('exports a person’s data as JSON, without a password hash, session or token, and records it', async () => {
    const admin = await makeUser({ role: 'admin' })
    const member = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const questionId = await makeQuestion(member, { title: 'Grinder squeaks after a month' })
    const answerId = await makeAnswer(member, await makeQuestion(helper))
    const helperAnswer = await makeAnswer(helper, questionId)
    castVote(member, 'answer', Number(helperAnswer), 1)
    await request('/', member)
    await askForReset(member.email)
    const token = tokenIn('password_reset', member.email)

    const res = await get(
      exportLoader,
      `/admin/users/${member.handle}/export`,
      admin,
      member.handle,
    )
    expect(res.headers.get('Content-Type')).toContain('application/json')
    expect(res.headers.get('Content-Disposition')).toContain(`tanya-${member.handle}.json`)
    const text = await res.text()
    const data = JSON.parse(text)
    expect(data.profile).toMatchObject({ handle: member.handle, email: member.email })
    expect(data.questions.map((q: { title: string }) => q.title)).toEqual([
      'Grinder squeaks after a month',
    ])
    expect(data.answers.map((a: { id: number }) => a.id)).toEqual([Number(answerId)])
    expect(data.votes).toHaveLength(1)
    expect(data.notifications.length).toBeGreaterThan(0)
    expect(data.events.map((e: { type: string }) => e.type)).toContain(
      'user.password_reset_requested',
    )

    const hash = db.select().from(passwords).where(eq(passwords.userId, member.id)).get()!.hash
    const sessionIds = db.select().from(sessions).where(eq(sessions.userId, member.id)).all()
    const tokenHashes = db
      .select()
      .from(accountTokens)
      .all()
      .map((t) => t.tokenHash)
    expect(sessionIds.length).toBeGreaterThan(0)
    for (const secret of [hash, token, ...tokenHashes, ...sessionIds.map((s) => s.id)])
      expect(text).not.toContain(secret)
    expect(text).not.toMatch(/argon2|password_?hash|token_?hash|sessionId/i)

    expect(typesAbout(member.id)).toContain('user.data_exported')
    const audit = listAuditLog(admin, { kind: 'people' })
    expect(audit.entries.find((e) => e.type === 'user.data_exported')?.user?.handle).toBe(
      member.handle,
    )
    expect((await get(exportLoader, '/x', member, member.handle)).status).toBe(403)
  })
})

describe('admin person page: flags on their posts', () => {
  it('counts flags from the flags themselves, never a held post, and lists the latest with their outcome', async () => {
    makeCategory()
    const admin = await makeUser({ role: 'admin' })
    const moderator = await makeUser({ role: 'moderator' })
    const asker = await makeUser()
    const otherQuestion = await makeQuestion(asker, { title: 'How fine should I grind for V60?' })
    // a new account's first post is held by the spam rules: nobody flagged it
    const fresh = await makeUser({ trust: 0, handle: 'newbie' })
    const heldId = await createAnswer(fresh, otherQuestion, 'Grind like table salt for the V60.')
    const held = db
      .select({ id: reviewItems.id, source: reviewItems.source })
      .from(reviewItems)
      .where(and(eq(reviewItems.postType, 'answer'), eq(reviewItems.postId, Number(heldId))))
      .get()!
    expect(held.source).toBe('held')
    decideItem(moderator, held.id, 'approve')
    lockTrustLevel(moderator, fresh.id, 1)
    const author = { ...fresh, trust: 1 }
    const ownQuestion = await makeQuestion(author, { title: 'Which beans suit a moka pot?' })
    const answerId = await makeAnswer(author, otherQuestion, 'Only fools use paper filters.')
    const [f1, f2, f3] = [await makeUser(), await makeUser(), await makeUser()]
    flagPost(f1, 'answer', answerId, { reason: 'rude' })
    flagPost(f2, 'answer', answerId, { reason: 'spam' })
    const itemId = db
      .select({ id: reviewItems.id })
      .from(reviewItems)
      .where(and(eq(reviewItems.postType, 'answer'), eq(reviewItems.postId, answerId)))
      .get()!.id
    // the two flags hid it; a moderator shows it again and declines them
    decideItem(moderator, itemId, 'approve')
    // flagged again: the item reopens and its flag_count starts again at 1
    flagPost(f3, 'answer', answerId, { reason: 'rude', note: 'Still insulting' })
    flagPost(f1, 'question', ownQuestion, { reason: 'off-topic' })

    const page = await callRoute(userLoader, {
      request: await request('/admin/users/newbie', admin),
      params: { handle: 'newbie' },
      context,
    })
    const { managed } = await page.json()
    // two posts flagged, four flags, both posts still waiting; the held post counts nowhere
    expect(managed.flags).toEqual({ postsFlagged: 2, flagsReceived: 4, pending: 2, raised: 0 })
    expect(
      managed.flagsReceived.map(
        (f: { reason: string; status: string; postType: string; flagger: { handle: string } }) => [
          f.postType,
          f.reason,
          f.status,
          f.flagger.handle,
        ],
      ),
    ).toEqual([
      ['question', 'off-topic', 'pending', f1.handle],
      ['answer', 'rude', 'pending', f3.handle],
      ['answer', 'spam', 'rejected', f2.handle],
      ['answer', 'rude', 'rejected', f1.handle],
    ])
    expect(managed.flagsReceived[1]).toMatchObject({
      note: 'Still insulting',
      postId: answerId,
      question: { id: otherQuestion, title: 'How fine should I grind for V60?' },
    })

    const flagger = await callRoute(userLoader, {
      request: await request(`/admin/users/${f1.handle}`, admin),
      params: { handle: f1.handle },
      context,
    })
    const quiet = (await flagger.json()).managed
    expect(quiet.flags).toEqual({ postsFlagged: 0, flagsReceived: 0, pending: 0, raised: 2 })
    expect(quiet.flagsReceived).toEqual([])
  })
})
