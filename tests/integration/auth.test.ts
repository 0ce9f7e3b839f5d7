import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getAuth, getUser } from '~/modules/auth/auth.server'
import { action as loginAction, loader as loginLoader } from '~/routes/login'
import { action as logoutAction, loader as logoutLoader } from '~/routes/logout'
import { action as signupAction, loader as signupLoader } from '~/routes/signup'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { runInRequestScope } from '~/utils/request-scope.server'
import { safeRedirect } from '~/utils/http.server'
import { events, sessions, users } from '../../db/schema'
import { context, errorsInEnglish, inEnglish, makeUser, request, TEST_PASSWORD } from '../factories'
import { TEST_EPOCH } from '../setup/integration'
import { statementCounter } from '../setup/statement-counter'

type FormReply = { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> }

const signupForm = (overrides: Record<string, string> = {}) => ({
  email: 'Sari@Example.test',
  handle: 'sari_k',
  displayName: 'Sari Kusuma',
  password: 'kopi tubruk every morning',
  redirectTo: '',
  ...overrides,
})

async function signUp(form: Record<string, string>, ctx = context) {
  return signupAction({
    request: await request('/signup', null, { form }),
    params: {},
    context: ctx,
  })
}

async function logIn(form: Record<string, string>, ctx = context) {
  return loginAction({ request: await request('/login', null, { form }), params: {}, context: ctx })
}

/** What a thrown Response (redirect or error) carries. */
async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a Response to be thrown')
}

function cookieToken(response: Response): string {
  const header = response.headers.get('Set-Cookie') ?? ''
  const match = /^tanya_session=([^;]*)/.exec(header)
  if (!match) throw new Error(`no session cookie in "${header}"`)
  return match[1]
}

function asCookie(token: string) {
  return { Cookie: `tanya_session=${token}` }
}

describe('sign-up', () => {
  it('creates the account and sends the person to log in, where the session cookie is not the stored id', async () => {
    const response = await signUp(signupForm({ redirectTo: '/ask' }))

    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?signedUp=1&redirectTo=%2Fask')
    expect(response.headers.get('Set-Cookie')).toBeNull()
    const account = db.select().from(users).where(eq(users.handle, 'sari_k')).get()
    expect(account).toMatchObject({ email: 'sari@example.test', displayName: 'Sari Kusuma' })
    expect(db.select().from(sessions).all()).toHaveLength(0)

    const login = await logIn({ email: 'sari@example.test', password: 'kopi tubruk every morning' })
    const token = cookieToken(login)
    expect(token.length).toBeGreaterThan(20)
    const stored = db.select().from(sessions).all()
    expect(stored).toHaveLength(1)
    expect(stored[0].userId).toBe(account?.id)
    expect(stored[0].id).not.toBe(token)
    expect(stored[0].id).toBe(createHash('sha256').update(token).digest('hex'))

    const { user } = await getAuth(
      new Request('http://localhost:3000/', { headers: asCookie(token) }),
    )
    expect(user?.handle).toBe('sari_k')
  })

  it('goes to log in when there is no redirect target', async () => {
    const response = await signUp(signupForm())
    expect(response.headers.get('Location')).toBe('/login?signedUp=1')
  })

  it('answers a registered e-mail exactly like a new one, and changes nothing of that account', async () => {
    const existing = await makeUser({ handle: 'owner' })
    const fresh = await signUp(signupForm({ email: 'new@example.test', handle: 'newcomer' }))
    const taken = await signUp(
      signupForm({ email: `  ${existing.email.toUpperCase()} `, handle: 'intruder' }),
    )

    for (const response of [fresh, taken]) {
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toBe('/login?signedUp=1')
      expect(response.headers.get('Set-Cookie')).toBeNull()
    }
    expect(
      db
        .select({ handle: users.handle })
        .from(users)
        .all()
        .map((u) => u.handle)
        .sort(),
    ).toEqual(['newcomer', 'owner'])
    // The owner still signs in with their own password, and only with it.
    expect((await logIn({ email: existing.email, password: TEST_PASSWORD })).status).toBe(302)
    expect(
      (await logIn({ email: existing.email, password: 'a long enough password' })).status,
    ).toBe(401)
  })

  it('refuses a taken handle (profiles show handles anyway) with the typed values kept', async () => {
    await makeUser({ handle: 'sari_k' })
    const form = signupForm({ handle: 'Sari_K' })

    const response = await signUp(form)

    expect(response.status).toBe(400)
    const body = (await response.json()) as FormReply
    expect(inEnglish(body.fieldErrors.handle)).toMatch(/taken/)
    expect(body.fieldErrors.email).toBeUndefined()
    expect(body.values).toEqual({
      email: form.email,
      handle: 'Sari_K',
      displayName: 'Sari Kusuma',
      redirectTo: '',
    })
    expect(JSON.stringify(body)).not.toContain(form.password)
    expect(db.select().from(users).all()).toHaveLength(1)
  })

  it('rejects invalid input with 400 and a message for each wrong field', async () => {
    const form = signupForm({
      email: 'not-an-address',
      handle: 'a b',
      displayName: '   ',
      password: 'short',
    })

    const response = await signUp(form)

    expect(response.status).toBe(400)
    const body = (await response.json()) as FormReply
    expect(errorsInEnglish(body.fieldErrors)).toMatchObject({
      email: expect.stringMatching(/valid e-mail/),
      handle: expect.any(String),
      displayName: expect.any(String),
      password: expect.stringMatching(/at least 10/),
    })
    expect(body.values.email).toBe('not-an-address')
    expect(body.values).not.toHaveProperty('password')
    expect(db.select().from(users).all()).toHaveLength(0)
    expect(db.select().from(sessions).all()).toHaveLength(0)
  })

  it('sends signed-in people visiting /signup home', async () => {
    const user = await makeUser()
    const response = await thrown(
      signupLoader({ request: await request('/signup', user), params: {}, context }),
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/')
  })

  it('keeps a safe redirect target for the form and drops an unsafe one', async () => {
    const safe = await signupLoader({
      request: await request('/signup?redirectTo=%2Fquestions%2F3'),
      params: {},
      context,
    })
    expect(await safe.json()).toEqual({ title: 'Sign up · Tanya', redirectTo: '/questions/3' })
    const unsafe = await signupLoader({
      request: await request('/signup?redirectTo=%2F%2Fevil.com'),
      params: {},
      context,
    })
    expect(await unsafe.json()).toEqual({ title: 'Sign up · Tanya', redirectTo: '' })
  })

  it('allows 10 sign-ups an hour from one address, refuses the 11th with 429, and resets after the hour', async () => {
    const advance = setClock(TEST_EPOCH)
    const other = { ...context, clientIp: '198.51.100.23' }
    for (let i = 1; i <= 10; i++) {
      const response = await signUp(
        signupForm({ email: `guest${i}@example.test`, handle: `guest${i}` }),
        other,
      )
      expect(response.status, `sign-up ${i}`).toBe(302)
    }

    const blocked = await signUp(
      signupForm({ email: 'guest11@example.test', handle: 'guest11' }),
      other,
    )
    expect(blocked.status).toBe(429)
    const body = (await blocked.json()) as FormReply
    expect(inEnglish(body.fieldErrors.form)).toMatch(/wait 60 minutes/)
    expect(body.values.email).toBe('guest11@example.test')

    // Someone else's address is not affected.
    const elsewhere = await signUp(signupForm({ email: 'guest12@example.test', handle: 'guest12' }))
    expect(elsewhere.status).toBe(302)

    advance(60 * 60_000)
    const later = await signUp(
      signupForm({ email: 'guest11@example.test', handle: 'guest11' }),
      other,
    )
    expect(later.status).toBe(302)
  })
})

describe('log-in', () => {
  it('signs in with the right password and follows the redirect target', async () => {
    const user = await makeUser()

    const response = await logIn({
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
      redirectTo: '/questions?tag=shipping',
    })

    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/questions?tag=shipping')
    const token = cookieToken(response)
    const auth = await getAuth(new Request('http://localhost:3000/', { headers: asCookie(token) }))
    expect(auth.user?.id).toBe(user.id)
  })

  it('answers a wrong password with 401, a form-level message, the e-mail kept and the password not echoed', async () => {
    const user = await makeUser()
    const password = 'wrong horse battery'

    const response = await logIn({ email: user.email, password, redirectTo: '/ask' })

    expect(response.status).toBe(401)
    expect(response.headers.get('Set-Cookie')).toBeNull()
    const body = (await response.json()) as FormReply
    expect(errorsInEnglish(body.fieldErrors)).toEqual({
      form: 'That e-mail and password do not match an account.',
    })
    expect(body.values).toEqual({ email: user.email, redirectTo: '/ask' })
    expect(JSON.stringify(body)).not.toContain(password)
  })

  it('gives an unknown e-mail the same answer as a wrong password', async () => {
    const response = await logIn({ email: 'nobody@example.test', password: TEST_PASSWORD })
    expect(response.status).toBe(401)
    const body = (await response.json()) as FormReply
    expect(inEnglish(body.fieldErrors.form)).toBe(
      'That e-mail and password do not match an account.',
    )
  })

  it('asks for both fields with 400 when they are empty', async () => {
    const response = await logIn({ email: '', password: '' })
    expect(response.status).toBe(400)
    const body = (await response.json()) as FormReply
    expect(errorsInEnglish(body.fieldErrors)).toMatchObject({
      email: 'Enter your e-mail address',
      password: 'Enter your password',
    })
  })

  it('never lets strangers lock the owner out: failures elsewhere do not stop the right password', async () => {
    setClock(TEST_EPOCH)
    const user = await makeUser()
    const variants = [user.email, user.email.toUpperCase(), `  ${user.email}  `]
    for (let i = 1; i <= 12; i++) {
      const response = await logIn(
        { email: variants[i % variants.length], password: `wrong password ${i}` },
        { ...context, clientIp: '198.51.100.66' },
      )
      expect(response.status, `attempt ${i}`).toBe(i <= 5 ? 401 : 429)
    }
    // The owner, from their own address, is not affected by any of that.
    const owner = await logIn({ email: user.email, password: TEST_PASSWORD })
    expect(owner.status).toBe(302)
    expect(owner.headers.get('Set-Cookie')).toMatch(/^tanya_session=/)
  })

  it('refuses the 6th failure for one account from one address with 429, then resets', async () => {
    const advance = setClock(TEST_EPOCH)
    const user = await makeUser()
    for (let i = 1; i <= 5; i++) {
      const response = await logIn({ email: user.email, password: `wrong password ${i}` })
      expect(response.status, `attempt ${i}`).toBe(401)
    }
    const blocked = await logIn({ email: user.email, password: TEST_PASSWORD })
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('Set-Cookie')).toBeNull()
    const body = (await blocked.json()) as FormReply
    expect(inEnglish(body.fieldErrors.form)).toMatch(/Please wait 15 minutes/)
    expect(body.values.email).toBe(user.email)

    advance(15 * 60_000)
    const later = await logIn({ email: user.email, password: TEST_PASSWORD })
    expect(later.status).toBe(302)
  })

  it('counts failures, not successes: an office behind one address signs in all day', async () => {
    setClock(TEST_EPOCH)
    const office = { ...context, clientIp: '203.0.113.99' }
    const colleagues = await Promise.all([makeUser(), makeUser(), makeUser()])
    for (let i = 0; i < 45; i++) {
      const who = colleagues[i % colleagues.length]
      const response = await logIn({ email: who.email, password: TEST_PASSWORD }, office)
      expect(response.status, `sign-in ${i + 1}`).toBe(302)
    }
  })

  it('stops one address guessing across many accounts after 30 failures', async () => {
    setClock(TEST_EPOCH)
    const guesser = { ...context, clientIp: '198.51.100.77' }
    for (let i = 1; i <= 30; i++) {
      const response = await logIn({ email: `nobody${i}@example.test`, password: 'guess' }, guesser)
      expect(response.status, `attempt ${i}`).toBe(401)
    }
    const refused = await logIn({ email: 'nobody31@example.test', password: 'guess' }, guesser)
    expect(refused.status).toBe(429)
  })

  it('records sign-ins, failures and sign-outs in the event log, with the role at that moment', async () => {
    const user = await makeUser({ role: 'helper' })
    await logIn({ email: user.email, password: 'not it' })
    await logIn({ email: 'unknown@example.test', password: 'not it' })
    const ok = await logIn({ email: user.email, password: TEST_PASSWORD })
    const token = cookieToken(ok)
    await logoutAction({
      request: new Request('http://localhost:3000/logout', {
        method: 'POST',
        headers: asCookie(token),
      }),
      params: {},
      context,
    })
    const log = db
      .select({
        type: events.type,
        actorId: events.actorId,
        actorRole: events.actorRole,
        userId: events.userId,
      })
      .from(events)
      .orderBy(events.id)
      .all()
    expect(log).toEqual([
      { type: 'user.sign_in_failed', actorId: null, actorRole: null, userId: user.id },
      { type: 'user.sign_in_failed', actorId: null, actorRole: null, userId: null },
      { type: 'user.signed_in', actorId: user.id, actorRole: 'helper', userId: null },
      { type: 'user.signed_out', actorId: user.id, actorRole: 'helper', userId: null },
    ])
  })

  it('never redirects off-site: //evil.com and https://evil.com fall back to /', async () => {
    const user = await makeUser()
    for (const target of ['//evil.com', 'https://evil.com', '/\\evil.com']) {
      const response = await logIn({
        email: user.email,
        password: TEST_PASSWORD,
        redirectTo: target,
      })
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toBe('/')
    }
    expect(safeRedirect('//evil.com')).toBe('/')
    expect(safeRedirect('https://evil.com')).toBe('/')
    expect(safeRedirect('/questions/1')).toBe('/questions/1')
  })

  it('sends signed-in people visiting /login on to their target', async () => {
    const user = await makeUser()
    const response = await thrown(
      loginLoader({
        request: await request('/login?redirectTo=%2Fask', user),
        params: {},
        context,
      }),
    )
    expect(response.headers.get('Location')).toBe('/ask')
  })
})

describe('log-out', () => {
  it('invalidates the session and clears the cookie', async () => {
    const user = await makeUser()
    const signedIn = await request('/logout', user, { method: 'POST' })
    const cookie = signedIn.headers.get('Cookie') ?? ''
    const check = () =>
      getAuth(new Request('http://localhost:3000/', { headers: { Cookie: cookie } }))
    expect((await check()).user?.id).toBe(user.id)

    const response = await logoutAction({ request: signedIn, params: {}, context })

    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/')
    expect(response.headers.get('Set-Cookie')).toMatch(/^tanya_session=;.*Max-Age=0/)
    expect((await check()).user).toBeNull()
    expect(db.select().from(sessions).all()).toHaveLength(0)
  })

  it('logs out everywhere: every session of the account ends, other people’s stay', async () => {
    const user = await makeUser()
    const other = await makeUser()
    const here = await request('/logout', user, { form: { intent: 'everywhere' } })
    const phone = (await request('/', user)).headers.get('Cookie') ?? ''
    const theirs = (await request('/', other)).headers.get('Cookie') ?? ''
    expect(db.select().from(sessions).all()).toHaveLength(3)

    const response = await logoutAction({ request: here, params: {}, context })

    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?signedOut=2')
    expect(response.headers.get('Set-Cookie')).toMatch(/^tanya_session=;.*Max-Age=0/)
    const whoIs = async (cookie: string) =>
      (await getAuth(new Request('http://localhost:3000/', { headers: { Cookie: cookie } }))).user
    expect(await whoIs(phone)).toBeNull()
    expect((await whoIs(theirs))?.id).toBe(other.id)
    expect(
      db
        .select({ type: events.type, data: events.data })
        .from(events)
        .where(eq(events.actorId, user.id))
        .all(),
    ).toEqual([{ type: 'user.signed_out_everywhere', data: { sessions: 2 } }])
  })

  it('sends a plain GET of /logout home without logging out', async () => {
    const response = await logoutLoader()
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/')
  })
})

describe('one session check per request', () => {
  it('asks the database once however many loaders of a request want the user', async () => {
    const user = await makeUser()
    const signedIn = await request('/', user)
    const statementsFor = async (run: () => Promise<unknown>) => {
      const before = statementCounter.count
      await run()
      return statementCounter.count - before
    }
    const twice = async () => {
      expect((await getUser(signedIn))?.id).toBe(user.id)
      expect((await getAuth(signedIn)).user?.id).toBe(user.id)
    }
    const once = await statementsFor(() => getAuth(signedIn))
    expect(once).toBeGreaterThan(0)
    expect(await statementsFor(() => runInRequestScope(twice))).toBe(once)
    // Outside a request (a job, a script) nothing is kept between calls.
    expect(await statementsFor(twice)).toBe(2 * once)
  })

  it('keeps nothing from one request for the next', async () => {
    const user = await makeUser()
    const signedIn = await request('/logout', user, { method: 'POST' })
    expect((await runInRequestScope(() => getUser(signedIn)))?.id).toBe(user.id)
    await logoutAction({ request: signedIn, params: {}, context })
    expect(await runInRequestScope(() => getUser(signedIn))).toBeNull()
  })
})
