import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getUser, logIn } from '~/modules/auth/auth.server'
import { flagPost, flagWeight, FLAG_THRESHOLD } from '~/modules/flags/flags.server'
import {
  claimItem,
  countPendingReviews,
  decideItem,
  deleteSpammer,
} from '~/modules/flags/review.server'
import { answerTargetOn, can } from '~/modules/policy/policy'
import { listNotifications } from '~/modules/notifications/notifications.server'
import { getQuestionPage, listQuestions } from '~/modules/questions/questions.server'
import {
  action as threadAction,
  loader as threadLoader,
} from '~/routes/questions.$questionId.($slug)'
import { action as reviewAction, loader as reviewLoader } from '~/routes/review'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { isDomainError } from '~/utils/domain-errors'
import { answers, events, flags, questions, reviewItems, sessions, users } from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
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

const HOUR = 3_600_000

function kindOf(fn: () => unknown) {
  try {
    fn()
    return 'ok'
  } catch (error) {
    return isDomainError(error) ? error.kind : 'crash'
  }
}

async function thread() {
  makeCategory()
  const asker = await makeUser()
  const questionId = await makeQuestion(asker)
  const rude = await makeUser()
  const answerId = await makeAnswer(rude, questionId, 'Only an idiot would ask this, go away.')
  return { asker, questionId, rude, answerId }
}

const answerHidden = (id: number) =>
  db.select({ at: answers.hiddenAt }).from(answers).where(eq(answers.id, id)).get()?.at !== null

const itemOf = (postType: 'question' | 'answer', postId: number) =>
  db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.postType, postType), eq(reviewItems.postId, postId)))
    .get()!

const statusesOf = (itemId: number) =>
  db
    .select({ status: flags.status })
    .from(flags)
    .where(eq(flags.reviewItemId, itemId))
    .all()
    .map((f) => f.status)

function flagAs(user: TestUser, questionId: number, form: Record<string, string>) {
  return request(`/questions/${questionId}/x`, user, { form: { intent: 'flag', ...form } }).then(
    (req) =>
      callRoute(threadAction, {
        request: req,
        params: { questionId: String(questionId), slug: 'x' },
        context,
      }),
  )
}

async function review(user: TestUser, form: Record<string, string>, query = '') {
  return callRoute(reviewAction, {
    request: await request(`/review${query}`, user, { form }),
    params: {},
    context,
  })
}

async function queueAs(user: TestUser | null, query = '') {
  return callRoute(reviewLoader, {
    request: await request(`/review${query}`, user),
    params: {},
    context,
  })
}

describe('flags', () => {
  it('hides an answer when two members with no history flag it, and not after one', async () => {
    const { questionId, answerId } = await thread()
    const [a, b] = [await makeUser(), await makeUser()]
    const first = await flagAs(a, questionId, { answerId: String(answerId), reason: 'rude' })
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toContain('flagged=1')
    expect(answerHidden(answerId)).toBe(false)
    expect(itemOf('answer', answerId)).toMatchObject({ score: 1, flagCount: 1, status: 'pending' })

    await flagAs(b, questionId, { answerId: String(answerId), reason: 'spam' })
    expect(answerHidden(answerId)).toBe(true)
    expect(itemOf('answer', answerId)).toMatchObject({ score: FLAG_THRESHOLD, hiddenByFlags: true })
    // the hide is the system's, with the reason "flagged", next to each flag's own event
    const hidden = db.select().from(events).where(eq(events.type, 'answer.hidden')).get()!
    expect(hidden).toMatchObject({ actorId: null, source: 'system' })
    expect(hidden.data).toMatchObject({ reason: 'flagged' })
    expect(
      db.select({ n: count() }).from(events).where(eq(events.type, 'post.flagged')).get()?.n,
    ).toBe(2)
  })

  it("hides a post at once on a moderator's flag", async () => {
    const { asker, questionId } = await thread()
    const moderator = await makeUser({ role: 'moderator' })
    const flagged = flagPost(moderator, 'question', questionId, { reason: 'spam' })
    expect(flagged).toMatchObject({ weight: FLAG_THRESHOLD, hidden: true })
    // gone from every list, still there for its author
    expect(listQuestions({ page: 1, sort: 'newest' }, 'en').items.map((q) => q.id)).not.toContain(
      questionId,
    )
    expect(getQuestionPage(questionId, asker, 'en')).not.toBeNull()
    expect(getQuestionPage(questionId, await makeUser(), 'en')).toBeNull()
  })

  it('takes one flag per person per post', async () => {
    const { questionId, answerId } = await thread()
    const member = await makeUser()
    await flagAs(member, questionId, { answerId: String(answerId), reason: 'rude' })
    const again = await flagAs(member, questionId, {
      answerId: String(answerId),
      reason: 'spam',
      note: 'and more',
    })
    expect(again.status).toBe(409)
    const body = await again.json()
    expect(inEnglish(body.fieldErrors.form)).toBe('You have already flagged this post.')
    expect(body.values).toMatchObject({ reason: 'spam', note: 'and more' })
    expect(db.select({ n: count() }).from(flags).get()?.n).toBe(1)
  })

  it('asks for a reason, and for a note with "something else", keeping what was typed', async () => {
    const { questionId, answerId } = await thread()
    const member = await makeUser()
    const none = await flagAs(member, questionId, { answerId: String(answerId), note: 'hm' })
    expect(none.status).toBe(400)
    expect(errorsInEnglish((await none.json()).fieldErrors)).toEqual({ reason: 'Choose a reason' })
    const other = await flagAs(member, questionId, { answerId: String(answerId), reason: 'other' })
    expect(errorsInEnglish((await other.json()).fieldErrors)).toEqual({
      note: 'Say in a few words what is wrong',
    })
    const long = await flagAs(member, questionId, { reason: 'other', note: 'x'.repeat(501) })
    expect(long.status).toBe(400)
    expect(db.select({ n: count() }).from(flags).get()?.n).toBe(0)
  })

  it('limits flags per day by role and says when the limit lifts', async () => {
    makeCategory()
    const member = await makeUser()
    const author = await makeUser()
    const ids: number[] = []
    for (let i = 0; i < 11; i++)
      ids.push(await makeQuestion(author, { title: `Question number ${i} about grinders` }))
    for (let i = 0; i < 10; i++) {
      setClock(new Date(TEST_EPOCH.getTime() + i * HOUR))
      flagPost(member, 'question', ids[i], { reason: 'off-topic' })
    }
    const refused = await flagAs(member, ids[10], { reason: 'off-topic' })
    expect(refused.status).toBe(429)
    // the first flag (at 0 h) is a day old 24 h later; the clock is at 9 h
    expect(inEnglish((await refused.json()).fieldErrors.form)).toBe(
      'You have used your 10 flags for today. You can flag again in 15 hours.',
    )
    setClock(new Date(TEST_EPOCH.getTime() + 24 * HOUR + 1))
    expect(kindOf(() => flagPost(member, 'question', ids[10], { reason: 'off-topic' }))).toBe('ok')
    // helpers have more
    const helper = await makeUser({ role: 'helper' })
    for (let i = 0; i < 11; i++) flagPost(helper, 'question', ids[i], { reason: 'spam' })
  })

  it('tells the author why their post was hidden; they still see and may edit it', async () => {
    const { questionId, rude, answerId } = await thread()
    flagPost(await makeUser(), 'answer', answerId, { reason: 'rude' })
    flagPost(await makeUser(), 'answer', answerId, { reason: 'spam' })
    const [note] = listNotifications(rude.id)
    expect(note).toMatchObject({
      type: 'post.hidden_by_flags',
      answerId,
      reasons: ['rude', 'spam'],
    })
    const slug = (
      await callRoute(threadLoader, {
        request: await request(`/questions/${questionId}/x`, rude),
        params: { questionId: String(questionId), slug: 'x' },
        context,
      })
    ).headers
      .get('Location')!
      .split('/')
      .pop()!
    const page = await callRoute(threadLoader, {
      request: await request(`/questions/${questionId}/${slug}`, rude),
      params: { questionId: String(questionId), slug },
      context,
    })
    expect(page.status).toBe(200)
    const { page: data } = await page.json()
    const mine = data.answers.find((a: { id: number }) => a.id === answerId)
    expect(mine.hiddenAt).not.toBeNull()
    expect(can(rude, 'answer.edit', answerTargetOn(data.target, mine))).toBe(true)
    // someone else does not see it at all
    expect(
      getQuestionPage(questionId, await makeUser(), 'en')!.answers.map((a) => a.id),
    ).not.toContain(answerId)
  })

  it('refuses flags on your own post, by a silenced account, and signed out', async () => {
    const { rude, questionId, answerId } = await thread()
    expect(kindOf(() => flagPost(rude, 'answer', answerId, { reason: 'spam' }))).toBe('forbidden')
    expect(
      kindOf(() =>
        flagPost({ ...await0(rude), readOnly: true }, 'question', questionId, { reason: 'spam' }),
      ),
    ).toBe('forbidden')
    const anonymous = await callRoute(threadAction, {
      request: await request(`/questions/${questionId}/x`, null, {
        form: { intent: 'flag', reason: 'spam' },
      }),
      params: { questionId: String(questionId), slug: 'x' },
      context,
    })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toContain('/login')
    expect(db.select({ n: count() }).from(flags).get()?.n).toBe(0)
  })

  it("weighs flags by the flagger's past accuracy", async () => {
    expect(flagWeight('member', 0, 0)).toBe(1)
    expect(flagWeight('helper', 0, 0)).toBe(1.5)
    expect(flagWeight('moderator', 0, 9)).toBe(FLAG_THRESHOLD)
    const moderator = await makeUser({ role: 'moderator' })
    const { questionId } = await thread()
    const good = await makeUser()
    const poor = await makeUser()
    // moderators uphold two of good's flags and reject three of poor's
    for (let i = 0; i < 3; i++) {
      if (i < 2) {
        const a = await makeAnswer(await makeUser(), questionId, `Spam answer number ${i} buy now`)
        flagPost(good, 'answer', a, { reason: 'spam' })
        decideItem(moderator, itemOf('answer', a).id, 'delete', { reason: 'spam' })
      }
      const b = await makeAnswer(await makeUser(), questionId, `A fine answer number ${i} here`)
      flagPost(poor, 'answer', b, { reason: 'spam' })
      decideItem(moderator, itemOf('answer', b).id, 'approve')
    }
    const target = await makeAnswer(await makeUser(), questionId, 'A borderline answer to judge.')
    const fromGood = flagPost(good, 'answer', target, { reason: 'rude' })
    const fromPoor = flagPost(poor, 'answer', target, { reason: 'rude' })
    expect(fromGood.weight).toBe(1.5) // (2+1)/(2+2) × 2
    expect(fromPoor.weight).toBe(0.4) // (0+1)/(3+2) × 2
    // two members, but together short of the threshold: still shown
    expect(answerHidden(target)).toBe(false)
    // a newcomer's flag on top of them is enough
    expect(flagPost(await makeUser(), 'answer', target, { reason: 'rude' }).hidden).toBe(true)
  })
})

/** A plain copy of the test user as an Actor. */
function await0(u: TestUser) {
  return { id: u.id, role: u.role, reputation: u.reputation }
}

describe('the review queue', () => {
  async function flaggedAnswer() {
    const t = await thread()
    flagPost(await makeUser(), 'answer', t.answerId, { reason: 'rude', note: 'insults the asker' })
    flagPost(await makeUser(), 'answer', t.answerId, { reason: 'rude' })
    return { ...t, item: itemOf('answer', t.answerId) }
  }

  it('lists flagged posts oldest first with reasons, flaggers and score, for moderators only', async () => {
    const { item } = await flaggedAnswer()
    const moderator = await makeUser({ role: 'moderator' })
    const res = await queueAs(moderator)
    expect(res.status).toBe(200)
    const { queue } = await res.json()
    expect(queue.total).toBe(1)
    expect(queue.items[0]).toMatchObject({ id: item.id, score: 2, flagCount: 2, hidden: true })
    expect(queue.items[0].flags.map((f: { reason: string }) => f.reason)).toEqual(['rude', 'rude'])
    expect(countPendingReviews()).toBe(1)
    expect((await (await queueAs(moderator, '?reason=spam')).json()).queue.total).toBe(0)
    expect((await (await queueAs(moderator, '?kind=question')).json()).queue.total).toBe(0)
    expect((await (await queueAs(moderator, '?kind=answer&reason=rude')).json()).queue.total).toBe(
      1,
    )

    for (const role of ['member', 'helper'] as const) {
      const who = await makeUser({ role })
      expect((await queueAs(who)).status).toBe(403)
      expect((await review(who, { intent: 'approve', itemId: String(item.id) })).status).toBe(403)
    }
    expect((await queueAs(null)).status).toBe(302)
    expect(itemOf('answer', item.postId).status).toBe('pending')
  })

  it('approve shows the post again and rejects every flag', async () => {
    const { item, answerId } = await flaggedAnswer()
    const moderator = await makeUser({ role: 'moderator' })
    const res = await review(moderator, { intent: 'approve', itemId: String(item.id) })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/review?done=approve')
    expect(answerHidden(answerId)).toBe(false)
    expect(statusesOf(item.id)).toEqual(['rejected', 'rejected'])
    expect(itemOf('answer', answerId)).toMatchObject({ status: 'resolved', decision: 'approve' })
    expect(countPendingReviews()).toBe(0)
    expect(
      db.select().from(events).where(eq(events.type, 'flag.decided')).get()?.data,
    ).toMatchObject({
      decision: 'approve',
      status: 'rejected',
    })
  })

  it('hide and delete uphold every flag; ignore leaves the post as it is', async () => {
    const moderator = await makeUser({ role: 'moderator' })
    const { questionId } = await thread()
    const post = async () => {
      const id = await makeAnswer(
        await makeUser(),
        questionId,
        'Buy cheap followers at example.test',
      )
      flagPost(await makeUser(), 'answer', id, { reason: 'spam' })
      return { id, item: itemOf('answer', id) }
    }
    const a = await post()
    const missing = await review(moderator, {
      intent: 'hide',
      itemId: String(a.item.id),
      note: 'x',
    })
    expect(missing.status).toBe(400)
    expect((await missing.json()).values).toMatchObject({ note: 'x' })
    await review(moderator, { intent: 'hide', itemId: String(a.item.id), reason: 'spam' })
    expect(answerHidden(a.id)).toBe(true)
    expect(statusesOf(a.item.id)).toEqual(['upheld'])

    const b = await post()
    await review(moderator, { intent: 'delete', itemId: String(b.item.id), reason: 'spam' })
    expect(db.select().from(answers).where(eq(answers.id, b.id)).get()?.deletedAt).not.toBeNull()
    expect(statusesOf(b.item.id)).toEqual(['upheld'])

    const c = await post()
    await review(moderator, { intent: 'ignore', itemId: String(c.item.id) })
    expect(answerHidden(c.id)).toBe(false)
    expect(statusesOf(c.item.id)).toEqual(['ignored'])

    // a decided item is decided once
    const again = await review(moderator, { intent: 'approve', itemId: String(c.item.id) })
    expect(again.status).toBe(409)
    expect(inEnglish((await again.json()).conflict)).toBe('Someone has already decided this item.')

    // flagged again later: the item opens anew
    flagPost(await makeUser(), 'answer', c.id, { reason: 'rude' })
    expect(itemOf('answer', c.id)).toMatchObject({ status: 'pending', flagCount: 1 })
  })

  it('keeps two moderators off the same item with a clear message', async () => {
    const { item } = await flaggedAnswer()
    const sari = await makeUser({ role: 'moderator' })
    const budi = await makeUser({ role: 'moderator' })
    expect((await review(sari, { intent: 'claim', itemId: String(item.id) })).status).toBe(302)
    const taken = await review(budi, { intent: 'claim', itemId: String(item.id) })
    expect(taken.status).toBe(409)
    expect(inEnglish((await taken.json()).conflict)).toBe(
      `${sari.displayName} is reviewing this item. Try again in 15 minutes, or pick another one.`,
    )
    expect(kindOf(() => decideItem(budi, item.id, 'approve'))).toBe('conflict')
    expect(kindOf(() => deleteSpammer(budi, item.id, 'spam account'))).toBe('conflict')
    expect(itemOf('answer', item.postId).status).toBe('pending')
    // the claim runs out
    setClock(new Date(TEST_EPOCH.getTime() + 16 * 60_000))
    expect(kindOf(() => claimItem(budi, item.id))).toBe('ok')
    expect(kindOf(() => decideItem(sari, item.id, 'approve'))).toBe('conflict')
    expect(kindOf(() => decideItem(budi, item.id, 'ignore'))).toBe('ok')
  })

  it('delete spammer hides every post, bans the account and ends its sessions, and can run twice', async () => {
    const { item, rude, questionId } = await flaggedAnswer()
    const otherQuestion = await makeQuestion(rude, {
      title: 'Cheap followers for your coffee shop',
    })
    const another = await makeAnswer(rude, questionId, 'Visit example.test for deals today')
    const moderator = await makeUser({ role: 'moderator' })
    await request('/', rude) // a live session
    expect(
      db.select().from(sessions).where(eq(sessions.userId, rude.id)).all().length,
    ).toBeGreaterThan(0)

    const res = await review(moderator, {
      intent: 'spammer',
      itemId: String(item.id),
      reason: 'Spam account',
    })
    expect(res.status).toBe(302)
    expect(
      db.select().from(questions).where(eq(questions.id, otherQuestion)).get()?.hiddenAt,
    ).not.toBeNull()
    expect(answerHidden(another)).toBe(true)
    expect(statusesOf(item.id)).toEqual(['upheld', 'upheld'])
    expect(db.select().from(users).where(eq(users.id, rude.id)).get()?.bannedAt).not.toBeNull()
    expect(db.select().from(sessions).where(eq(sessions.userId, rude.id)).all()).toHaveLength(0)
    expect(await getUser(await request('/', rude))).toBeNull()
    const login = await logIn(rude.email, TEST_PASSWORD, '203.0.113.9')
    expect(login.ok).toBe(false)

    // again: nothing more to do, no second ban
    expect(deleteSpammer(moderator, item.id, 'Spam account')).toEqual({
      hidden: 0,
      items: 0,
      banned: false,
    })
    expect(
      db.select({ n: count() }).from(events).where(eq(events.type, 'user.banned')).get()?.n,
    ).toBe(1)
  })

  it('keeps items on a private question out of the queue of moderators, who may not open it', async () => {
    makeCategory()
    const asker = await makeUser()
    const staff = await makeUser({ role: 'staff' })
    const q = await makeQuestion(asker, {
      title: 'My refund for order 77 went astray',
      visibility: 'private',
    })
    const answerId = await makeAnswer(staff, q, 'We are looking at it, please hold on.')
    flagPost(asker, 'answer', answerId, { reason: 'rude' })
    const moderator = await makeUser({ role: 'moderator' })
    expect((await (await queueAs(moderator)).json()).queue.total).toBe(0)
    expect((await (await queueAs(staff)).json()).queue.total).toBe(1)
    const item = itemOf('answer', answerId)
    expect((await review(moderator, { intent: 'approve', itemId: String(item.id) })).status).toBe(
      404,
    )
  })

  it('refuses delete spammer on a moderator', async () => {
    makeCategory()
    const moderator = await makeUser({ role: 'moderator' })
    const colleague = await makeUser({ role: 'moderator' })
    const q = await makeQuestion(colleague)
    flagPost(await makeUser(), 'question', q, { reason: 'spam' })
    const res = await review(moderator, {
      intent: 'spammer',
      itemId: String(itemOf('question', q).id),
      reason: 'Spam account',
    })
    expect(res.status).toBe(403)
    expect(db.select().from(users).where(eq(users.id, colleague.id)).get()?.bannedAt).toBeNull()
  })
})
