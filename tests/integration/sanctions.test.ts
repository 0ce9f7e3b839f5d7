import { asc, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getUser, logIn } from '~/modules/auth/auth.server'
import {
  liftSanction,
  recordEndedSanctions,
  sanctionUser,
} from '~/modules/moderation/sanctions.server'
import { action as askAction } from '~/routes/ask'
import {
  action as moderationAction,
  loader as moderationLoader,
} from '~/routes/users.$handle_.moderation'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import { newSubmissionKey } from '~/modules/submissions/submissions.server'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { isDomainError } from '~/utils/domain-errors'
import { translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'
import { answers, events, sessions, users } from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
  inEnglish,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  TEST_PASSWORD,
} from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const DAY = 86_400_000

function kindOf(fn: () => unknown) {
  try {
    fn()
    return 'ok'
  } catch (error) {
    return isDomainError(error) ? error.kind : 'crash'
  }
}

function userEvents(userId: number) {
  return db
    .select({ type: events.type })
    .from(events)
    .where(eq(events.userId, userId))
    .orderBy(asc(events.id))
    .all()
    .map((e) => e.type)
    .filter((t) => t.startsWith('user.') && t !== 'user.signed_up')
}

async function answerAs(user: Awaited<ReturnType<typeof makeUser>>, questionId: number) {
  const req = await request(`/questions/${questionId}/x`, user, {
    form: {
      intent: 'answer',
      body: 'Try a coarser grind and a shorter steep.',
      submissionKey: newSubmissionKey(),
    },
  })
  return callRoute(threadAction, {
    request: req,
    params: { questionId: String(questionId), slug: 'x' },
    context,
  })
}

describe('sanctions', () => {
  it('silences an account: read-only until the end, told why on every page, then it lifts by itself', async () => {
    const moderator = await makeUser({ role: 'moderator' })
    const member = await makeUser()
    const questionId = await makeQuestion(await makeUser())
    sanctionUser(moderator, member.id, {
      kind: 'silence',
      days: '3',
      reason: 'Repeated rude replies',
    })

    const session = await getUser(await request('/', member))
    expect(session).toMatchObject({ readOnly: true })
    expect((await answerAs(member, questionId)).status).toBe(403)
    const ask = await callRoute(askAction, {
      request: await request('/ask', member, {
        form: {
          intent: 'save',
          title: 'A new question',
          body: 'x'.repeat(40),
          category: 'orders-shipping',
        },
      }),
      params: {},
      context,
    })
    expect(ask.status).toBe(403)
    expect(db.select({ n: count() }).from(answers).get()?.n).toBe(0)

    // after three days it has ended without anyone doing anything
    setClock(new Date(TEST_EPOCH.getTime() + 3 * DAY + 1))
    expect(await getUser(await request('/', member))).not.toHaveProperty('readOnly')
    expect((await answerAs(member, questionId)).status).toBe(302)
    expect(recordEndedSanctions()).toBe('1 ended')
    expect(recordEndedSanctions()).toBe('0 ended')
    expect(userEvents(member.id)).toEqual(['user.silenced', 'user.sanction_ended'])
  })

  it('suspends: every session ends at once, and logging in says why and until when', async () => {
    makeCategory()
    const moderator = await makeUser({ role: 'moderator' })
    const member = await makeUser()
    const before = await request('/', member)
    sanctionUser(moderator, member.id, { kind: 'suspend', days: '7', reason: 'Spam links' })
    expect(db.select().from(sessions).where(eq(sessions.userId, member.id)).all()).toHaveLength(0)
    expect(await getUser(before)).toBeNull()
    const login = await logIn(member.email, TEST_PASSWORD, '203.0.113.9')
    expect(login.ok).toBe(false)
    if (login.ok) return
    expect(login.status).toBe(403)
    expect(inEnglish(login.fieldErrors.form!)).toBe(
      'This account is suspended until 9 Mar 2026, 09:00 UTC. Reason: “Spam links”.',
    )
    // the end is written the reader's way, with its zone named, not as a machine writes it
    expect(translateMessage(translatorFor('id'), login.fieldErrors.form!)).toBe(
      'Akun ini ditangguhkan sampai 9 Mar 2026, 09.00 UTC. Alasan: “Spam links”.',
    )
    // a wrong password learns nothing about the suspension
    const wrong = await logIn(member.email, 'not the password at all', '203.0.113.9')
    expect(!wrong.ok && inEnglish(wrong.fieldErrors.form!)).not.toContain('suspended')
    setClock(new Date(TEST_EPOCH.getTime() + 7 * DAY))
    expect((await logIn(member.email, TEST_PASSWORD, '203.0.113.9')).ok).toBe(true)
  })

  it('bans until lifted; lifting one of two silences leaves the other in force', async () => {
    const staff = await makeUser({ role: 'staff' })
    const member = await makeUser()
    sanctionUser(staff, member.id, { kind: 'ban', days: '', reason: 'Fraudulent orders' })
    setClock(new Date(TEST_EPOCH.getTime() + 400 * DAY))
    expect((await logIn(member.email, TEST_PASSWORD, '203.0.113.9')).ok).toBe(false)
    const ban = db.select().from(users).where(eq(users.id, member.id)).get()!
    expect(ban.bannedAt).not.toBeNull()

    const other = await makeUser()
    const short = sanctionUser(staff, other.id, { kind: 'silence', days: '1', reason: 'Cool down' })
    sanctionUser(staff, other.id, { kind: 'silence', days: '5', reason: 'Second time' })
    liftSanction(staff, short)
    expect(db.select().from(users).where(eq(users.id, other.id)).get()!.silencedUntil).toEqual(
      new Date(TEST_EPOCH.getTime() + 405 * DAY),
    )
    expect(kindOf(() => liftSanction(staff, short))).toBe('conflict')
  })

  it('lets moderators act only on people below them, with a reason and a valid length', async () => {
    const moderator = await makeUser({ role: 'moderator' })
    const otherModerator = await makeUser({ role: 'moderator' })
    const member = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    expect(
      kindOf(() =>
        sanctionUser(moderator, otherModerator.id, { kind: 'warn', days: '', reason: 'Be nice' }),
      ),
    ).toBe('forbidden')
    expect(
      kindOf(() => sanctionUser(helper, member.id, { kind: 'warn', days: '', reason: 'Be nice' })),
    ).toBe('forbidden')
    expect(
      kindOf(() => sanctionUser(moderator, moderator.id, { kind: 'warn', days: '', reason: 'Me' })),
    ).toBe('forbidden')
    expect(
      kindOf(() =>
        sanctionUser(moderator, member.id, { kind: 'silence', days: '0', reason: 'Rude' }),
      ),
    ).toBe('invalid')
    expect(
      kindOf(() =>
        sanctionUser(moderator, member.id, { kind: 'silence', days: '400', reason: 'Rude' }),
      ),
    ).toBe('invalid')
    expect(
      kindOf(() => sanctionUser(moderator, member.id, { kind: 'warn', days: '', reason: '' })),
    ).toBe('invalid')
    expect(
      kindOf(() => sanctionUser(moderator, member.id, { kind: 'exile', days: '', reason: 'Rude' })),
    ).toBe('invalid')
    expect(
      kindOf(() =>
        sanctionUser(moderator, member.id, {
          kind: 'warn',
          days: '',
          reason: 'Please keep it civil',
        }),
      ),
    ).toBe('ok')
    expect(userEvents(member.id)).toEqual(['user.warned'])
  })

  it('serves the page to the person and moderators, and its form keeps what was typed', async () => {
    const moderator = await makeUser({ role: 'moderator' })
    const member = await makeUser()
    const stranger = await makeUser()
    const page = (who: typeof member) =>
      request(`/users/${member.handle}/moderation`, who).then((req) =>
        callRoute(moderationLoader, { request: req, params: { handle: member.handle }, context }),
      )
    expect((await page(member)).status).toBe(200)
    expect((await page(moderator)).status).toBe(200)
    expect((await page(stranger)).status).toBe(403)

    const post = (who: typeof member, form: Record<string, string>) =>
      request(`/users/${member.handle}/moderation`, who, { form }).then((req) =>
        callRoute(moderationAction, { request: req, params: { handle: member.handle }, context }),
      )
    const bad = await post(moderator, {
      intent: 'sanction',
      kind: 'silence',
      days: 'ten',
      reason: 'Rude again',
    })
    expect(bad.status).toBe(400)
    const body = (await bad.json()) as {
      fieldErrors: Record<string, string>
      values: Record<string, string>
    }
    expect(errorsInEnglish(body.fieldErrors)).toEqual({
      days: 'Enter a number of days from 1 to 365',
    })
    expect(body.values).toEqual({ kind: 'silence', days: 'ten', reason: 'Rude again' })
    expect(
      (await post(member, { intent: 'sanction', kind: 'warn', days: '', reason: 'Myself' })).status,
    ).toBe(403)
    const ok = await post(moderator, {
      intent: 'sanction',
      kind: 'silence',
      days: '2',
      reason: 'Rude again',
    })
    expect(ok.status).toBe(302)
    expect(userEvents(member.id)).toEqual(['user.silenced'])
  })
})
