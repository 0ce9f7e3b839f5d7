import fs from 'node:fs'
import path from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer, createAnswer, unacceptAnswer } from '~/modules/answers/answers.server'
import { decideItem, deleteSpammer, listReviewQueue } from '~/modules/flags/review.server'
import {
  deleteAnswer,
  deleteQuestion,
  restoreAnswer,
  restoreQuestion,
} from '~/modules/moderation/posts.server'
import { follow } from '~/modules/notifications/follows.server'
import { listNotifications } from '~/modules/notifications/notifications.server'
import { getQuestionPage, listQuestions } from '~/modules/questions/questions.server'
import { createQuestion } from '~/modules/questions/questions.server'
import { searchThreads } from '~/modules/search/thread-search.server'
import {
  DAILY_FLAGS_BY_TRUST,
  NEW_ACCOUNT,
  TL3_GRACE_DAYS,
  TRUST_REQUIREMENTS,
} from '~/modules/trust/levels'
import { saveSpamSettings } from '~/modules/trust/spam.server'
import {
  lockTrustLevel,
  recordRead,
  recordVisit,
  setHelper,
  updateTrustLevels,
} from '~/modules/trust/trust.server'
import {
  findReputationDrift,
  getReputationPage,
  rebuildReputation,
} from '~/modules/users/reputation.server'
import { castVote } from '~/modules/votes/votes.server'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import { action as askAction } from '~/routes/ask'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { isDomainError } from '~/utils/domain-errors'
import {
  answers,
  events,
  questions,
  reputationChanges,
  reviewItems,
  userDays,
  users,
} from '../../db/schema'
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
  type TestUser,
} from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const at = (ms: number) => setClock(new Date(TEST_EPOCH.getTime() + ms))

const reputationOf = (id: number) =>
  db.select({ r: users.reputation }).from(users).where(eq(users.id, id)).get()!.r
const ledgerSum = (id: number) =>
  db
    .select({ s: sql<number>`coalesce(sum(${reputationChanges.amount}), 0)` })
    .from(reputationChanges)
    .where(eq(reputationChanges.userId, id))
    .get()!.s
const trustOf = (id: number) =>
  db.select({ t: users.trustLevel }).from(users).where(eq(users.id, id)).get()!.t

function kindOf(fn: () => unknown) {
  try {
    fn()
    return 'ok'
  } catch (error) {
    return isDomainError(error) ? error.kind : 'crash'
  }
}

describe('reputation ledger', () => {
  it('matches the stored figure after votes, accepts, unaccepts, deletes and restores, and rebuilds to the same', async () => {
    makeCategory()
    const asker = await makeUser()
    const answerer = await makeUser()
    const voters = [await makeUser(), await makeUser(), await makeUser()]
    const moderator = await makeUser({ role: 'moderator' })
    const questionId = await makeQuestion(asker)
    const answerId = await makeAnswer(answerer, questionId, 'Grind finer and pour slower.')

    for (const v of voters) castVote(v, 'answer', answerId, 1)
    castVote(voters[0], 'question', questionId, 1)
    castVote(voters[1], 'answer', answerId, -1) // changes an upvote into a downvote
    expect(reputationOf(answerer.id)).toBe(10 + 10 - 2)
    acceptAnswer(asker, answerId)
    expect(reputationOf(answerer.id)).toBe(18 + 15)
    unacceptAnswer(asker, answerId)
    acceptAnswer(asker, answerId)
    expect(reputationOf(answerer.id)).toBe(33)

    // Deleting the accepted answer takes back all it earned; restoring brings back its votes
    // (the acceptance went with the deletion).
    deleteAnswer(moderator, answerId, { reason: 'spam', note: '' })
    expect(reputationOf(answerer.id)).toBe(0)
    restoreAnswer(moderator, answerId)
    expect(reputationOf(answerer.id)).toBe(18)
    deleteQuestion(moderator, questionId, { reason: 'spam', note: '' })
    expect(reputationOf(asker.id)).toBe(0)
    restoreQuestion(moderator, questionId)
    expect(reputationOf(asker.id)).toBe(5)

    for (const person of [asker, answerer])
      expect(ledgerSum(person.id)).toBe(reputationOf(person.id))
    expect(findReputationDrift()).toEqual([])

    // The ledger rows name their events and posts.
    const rows = db
      .select()
      .from(reputationChanges)
      .where(eq(reputationChanges.userId, answerer.id))
      .all()
    expect(rows.every((r) => r.eventId !== null && r.answerId === answerId)).toBe(true)
    expect(rows.map((r) => r.reason)).toContain('post-deleted')

    // Drift (a hand edit) is found, and the rebuild from events restores the same figures.
    const before = db.select().from(reputationChanges).all().length
    db.update(users).set({ reputation: 999 }).where(eq(users.id, answerer.id)).run()
    expect(findReputationDrift()).toEqual([answerer.id])
    const rebuilt = rebuildReputation()
    expect(rebuilt.rows).toBe(before)
    expect(reputationOf(answerer.id)).toBe(18)
    expect(reputationOf(asker.id)).toBe(5)
    expect(findReputationDrift()).toEqual([])
  })

  it('opens the ledger, when it is created, with the reputation people already had', async () => {
    const person = await makeUser()
    db.update(users).set({ reputation: 42 }).where(eq(users.id, person.id)).run()
    expect(findReputationDrift()).toEqual([person.id])
    // the migration's last statement, run as a database upgraded to it would run it
    const migration = fs.readFileSync(path.resolve('db/migrations/0016_trust.sql'), 'utf8')
    db.run(sql.raw(migration.split('--> statement-breakpoint').at(-1)!))
    expect(findReputationDrift()).toEqual([])
    expect(ledgerSum(person.id)).toBe(42)
    const [row] = db
      .select()
      .from(reputationChanges)
      .where(eq(reputationChanges.userId, person.id))
      .all()
    expect(row.reason).toBe('opening')
  })

  it('explains reputation on a paginated page that names only posts the viewer may see', async () => {
    makeCategory()
    const asker = await makeUser()
    const answerer = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    const ids: number[] = []
    for (let i = 0; i < 22; i++) {
      const q = await makeQuestion(asker, { title: `Question ${i} about the grinder burrs` })
      ids.push(await makeAnswer(answerer, q, `Answer number ${i} about burrs.`))
    }
    const voter = await makeUser()
    for (const id of ids) castVote(voter, 'answer', id, 1)
    deleteAnswer(moderator, ids[21], { reason: 'spam', note: '' })
    const first = getReputationPage(answerer.handle, null, 1)!
    expect(first.total).toBe(23)
    expect(first.pages).toBe(2)
    // newest first: the deletion, then the vote on the deleted answer, then answer 20's vote
    expect(first.rows[0]).toMatchObject({ amount: -10, reason: 'post-deleted', post: null })
    expect(first.rows[1]).toMatchObject({ amount: 10, reason: 'upvote', post: null })
    expect(first.rows[2].post?.title).toBe('Question 20 about the grinder burrs')
    // a moderator may open the deleted answer
    expect(getReputationPage(answerer.handle, moderator, 1)!.rows[0].post).not.toBeNull()
    expect(getReputationPage(answerer.handle, null, 2)!.rows).toHaveLength(3)
  })
})

/** `days` days of visits, `reads` questions read on each, from the test epoch on. */
function visit(userId: number, days: number, reads: number, startDay = 0) {
  for (let d = startDay; d < startDay + days; d++) {
    at(d * DAY)
    recordVisit(userId)
    for (let r = 0; r < reads; r++) recordRead(userId)
  }
}

describe('trust levels', () => {
  it('records one row per person per day, however many requests', async () => {
    const person = await makeUser({ trust: 0 })
    at(0)
    for (let i = 0; i < 50; i++) recordVisit(person.id)
    recordRead(person.id)
    recordRead(person.id)
    at(DAY)
    recordVisit(person.id)
    const rows = db.select().from(userDays).where(eq(userDays.userId, person.id)).all()
    expect(rows.map((r) => r.reads)).toEqual([2, 0])
  })

  it('promotes by activity, keeps levels 1 and 2, demotes level 3 after its grace period, and obeys a lock', async () => {
    makeCategory()
    const asker = await makeUser()
    const person = await makeUser({ trust: 0 })
    const moderator = await makeUser({ role: 'moderator' })
    at(0)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(0)

    visit(person.id, TRUST_REQUIREMENTS[1].daysVisited, 3)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(1)

    // Level 2 needs posts too.
    visit(person.id, 8, 4, 2)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(1)
    const qs: number[] = []
    for (let i = 0; i < 10; i++) {
      at(10 * DAY + i * MINUTE)
      qs.push(await makeQuestion(asker, { title: `Asker question ${i} about tamping` }))
    }
    for (let i = 0; i < 10; i++) {
      at(10 * DAY + (20 + i) * MINUTE)
      await makeAnswer(person, qs[i], `Tamp evenly, answer ${i}.`)
    }
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(2)

    // Level 3: active over the window, with accepted answers.
    const theirs = db
      .select({ id: answers.id })
      .from(answers)
      .where(eq(answers.authorId, person.id))
      .all()
    acceptAnswer(asker, theirs[0].id)
    acceptAnswer(asker, theirs[1].id)
    visit(person.id, 20, 3, 10)
    at(30 * DAY)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(3)
    expect(
      db
        .select()
        .from(events)
        .where(eq(events.type, 'user.trust_changed'))
        .all()
        .map((e) => e.data),
    ).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ])

    // Gone quiet: the window slides past their visits. Within the grace period they keep it.
    at(30 * DAY + (TL3_GRACE_DAYS - 1) * DAY)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(3)
    at(140 * DAY)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(2)
    // Levels 1 and 2 do not fall with time.
    at(400 * DAY)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(2)

    // A lock wins over activity, in both directions, until it is lifted.
    lockTrustLevel(moderator, person.id, 0)
    expect(trustOf(person.id)).toBe(0)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(0)
    lockTrustLevel(moderator, person.id, 4)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(4)
    lockTrustLevel(moderator, person.id, null)
    updateTrustLevels()
    expect(trustOf(person.id)).toBe(4)
    // a member may not lock anyone, nor a moderator another moderator
    expect(kindOf(() => lockTrustLevel(asker, person.id, 1))).toBe('forbidden')
    const other = await makeUser({ role: 'moderator' })
    expect(kindOf(() => lockTrustLevel(moderator, other.id, 1))).toBe('forbidden')
  })

  it('lets moderators make a member a helper and take it back, and nothing else', async () => {
    const moderator = await makeUser({ role: 'moderator' })
    const member = await makeUser()
    const staff = await makeUser({ role: 'staff' })
    setHelper(moderator, member.id, true)
    expect(db.select({ r: users.role }).from(users).where(eq(users.id, member.id)).get()!.r).toBe(
      'helper',
    )
    setHelper(moderator, member.id, false)
    expect(db.select({ r: users.role }).from(users).where(eq(users.id, member.id)).get()!.r).toBe(
      'member',
    )
    expect(kindOf(() => setHelper(moderator, staff.id, false))).toBe('forbidden')
    expect(kindOf(() => setHelper(member, moderator.id, true))).toBe('forbidden')
  })
})

async function newcomer() {
  makeCategory()
  const asker = await makeUser()
  const questionId = await makeQuestion(asker, { title: 'How fine should I grind for V60?' })
  const fresh = await makeUser({ trust: 0 })
  return { asker, questionId, fresh }
}

const answerForm = (body: string, key = '') => ({
  intent: 'answer',
  body,
  ...(key ? { submissionKey: key } : {}),
})

async function postAnswer(user: TestUser, questionId: number, body: string) {
  return callRoute(threadAction, {
    request: await request(`/questions/${questionId}/q`, user, { form: answerForm(body) }),
    params: { questionId: String(questionId), slug: 'q' },
    context,
  })
}

describe('new-account limits', () => {
  it('refuses more than two links or any image at trust 0, keeping the text, and allows them at 1', async () => {
    const { questionId, fresh } = await newcomer()
    const body = 'See https://a.example/1 and https://b.example/2 and https://c.example/3 please.'
    const refused = await postAnswer(fresh, questionId, body)
    expect(refused.status).toBe(400)
    const reply = await refused.json()
    expect(reply.values.body).toBe(body)
    expect(errorsInEnglish(reply.fieldErrors).form).toMatch(/at most 2 links/)
    const image = await postAnswer(
      fresh,
      questionId,
      'Like this: ![grind](https://i.example/x.png)',
    )
    expect(errorsInEnglish((await image.json()).fieldErrors).form).toMatch(/cannot post images/)
    const basic = await makeUser({ trust: 1 })
    expect((await postAnswer(basic, questionId, body)).status).toBe(302)
  })

  it('makes a new account wait between posts and says when it can post again', async () => {
    const { questionId, fresh } = await newcomer()
    saveSpamSettings(await makeUser({ role: 'staff' }), { holdFirstPosts: false, words: '' })
    expect((await postAnswer(fresh, questionId, 'Try a medium-fine grind first.')).status).toBe(302)
    at(10_000)
    const soon = await postAnswer(fresh, questionId, 'Also rinse the paper filter.')
    expect(soon.status).toBe(429)
    const reply = await soon.json()
    expect(reply.values.body).toBe('Also rinse the paper filter.')
    expect(errorsInEnglish(reply.fieldErrors).form).toBe(
      'New accounts wait 30 seconds between posts. You can post again in 20 seconds; your text is kept below.',
    )
    at(30_000)
    expect((await postAnswer(fresh, questionId, 'Also rinse the paper filter.')).status).toBe(302)
  })

  it('allows three questions on the first day and says when that lifts', async () => {
    // the tag exists: a new account may not create tags
    await makeQuestion(await makeUser(), { tags: ['shipping'] })
    const fresh = await makeUser({ trust: 0 })
    saveSpamSettings(await makeUser({ role: 'staff' }), { holdFirstPosts: false, words: '' })
    const ask = async (title: string) =>
      callRoute(askAction, {
        request: await request('/ask', fresh, {
          form: {
            intent: 'save',
            title,
            body: `${title}: the details of what happened with my order this week.`,
            category: 'orders-shipping',
            tags: 'shipping',
            language: 'auto',
            visibility: 'public',
          },
        }),
        params: {},
        context,
      })
    for (let i = 0; i < 3; i++) {
      at(i * 10 * MINUTE)
      expect((await ask(`Parcel number ${i} has not arrived`)).status).toBe(302)
    }
    at(2 * 60 * MINUTE)
    const fourth = await ask('Parcel number 3 has not arrived')
    expect(fourth.status).toBe(429)
    const reply = await fourth.json()
    expect(reply.values.title).toBe('Parcel number 3 has not arrived')
    expect(errorsInEnglish(reply.fieldErrors).body).toBe(
      'On its first day an account may ask 3 questions. The limit lifts in 22 hours; your text is kept below.',
    )
    at(DAY)
    expect((await ask('Parcel number 3 has not arrived')).status).toBe(302)
  })
})

describe('new-account limits on answers and flags', () => {
  it('allows ten answers on the first day and says when that lifts', async () => {
    const { questionId, fresh } = await newcomer()
    saveSpamSettings(await makeUser({ role: 'staff' }), { holdFirstPosts: false, words: '' })
    const max = NEW_ACCOUNT.firstDayAnswers
    expect(max).toBe(10)
    for (let i = 0; i < max; i++) {
      at(i * 5 * MINUTE)
      const res = await postAnswer(fresh, questionId, `Thought number ${i} about the grind size.`)
      expect(res.status).toBe(302)
    }
    at(3 * 60 * MINUTE)
    const refused = await postAnswer(fresh, questionId, 'One more thought about the water.')
    expect(refused.status).toBe(429)
    const reply = await refused.json()
    expect(reply.values.body).toBe('One more thought about the water.')
    expect(errorsInEnglish(reply.fieldErrors).form).toBe(
      'On its first day an account may post 10 answers. The limit lifts in 21 hours; your text is kept below.',
    )
    expect(db.select().from(answers).where(eq(answers.authorId, fresh.id)).all()).toHaveLength(max)
    // questions have their own count: the answers did not use it up
    at(3 * 60 * MINUTE + MINUTE)
    expect(
      (
        await callRoute(askAction, {
          request: await request('/ask', fresh, {
            form: {
              intent: 'save',
              title: 'Which burr set fits the old model?',
              body: 'My grinder is from 2019 and the burrs are worn down.',
              category: 'orders-shipping',
              tags: 'shipping',
              language: 'auto',
              visibility: 'public',
            },
          }),
          params: {},
          context,
        })
      ).status,
    ).toBe(302)
    at(DAY)
    expect((await postAnswer(fresh, questionId, 'One more thought about the water.')).status).toBe(
      302,
    )
  })

  it('lets a new member raise 5 flags a day and says when the allowance resets', async () => {
    makeCategory()
    const author = await makeUser()
    const fresh = await makeUser({ trust: 0 })
    const ids: number[] = []
    for (let i = 0; i < 7; i++)
      ids.push(await makeQuestion(author, { title: `Question ${i} about milk frothing` }))
    const flag = async (questionId: number) =>
      callRoute(threadAction, {
        request: await request(`/questions/${questionId}/q`, fresh, {
          form: { intent: 'flag', reason: 'off-topic', note: '' },
        }),
        params: { questionId: String(questionId), slug: 'q' },
        context,
      })
    expect(DAILY_FLAGS_BY_TRUST[0]).toBe(5)
    for (let i = 0; i < 5; i++) {
      at(i * 60 * MINUTE)
      expect((await flag(ids[i]!)).status).toBe(302)
    }
    at(6 * 60 * MINUTE)
    const refused = await flag(ids[5]!)
    expect(refused.status).toBe(429)
    // the first flag (at 0 h) is a day old at 24 h; the clock is at 6 h
    expect(inEnglish((await refused.json()).fieldErrors.form)).toBe(
      'You have used your 5 flags for today. You can flag again in 18 hours.',
    )
    at(DAY + 1)
    expect((await flag(ids[5]!)).status).toBe(302)
    // and at trust 1 the same person has 10
    db.update(users).set({ trustLevel: 1 }).where(eq(users.id, fresh.id)).run()
    expect((await flag(ids[6]!)).status).toBe(302)
  })
})

const heldRow = (type: 'question' | 'answer', id: number) =>
  db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.postType, type), eq(reviewItems.postId, id)))
    .get()

describe('spam rules and held posts', () => {
  it('holds the first post of a new account: only its author and moderators see it, nothing is listed, searched or notified', async () => {
    const { asker, questionId, fresh } = await newcomer()
    const moderator = await makeUser({ role: 'moderator' })
    const other = await makeUser()
    const id = await createAnswer(fresh, questionId, 'Grind like table salt for the V60 cone.')
    const item = heldRow('answer', id)!
    expect(item).toMatchObject({ source: 'held', status: 'pending', reasons: ['first-post'] })
    const ids = (viewer: TestUser | null) =>
      getQuestionPage(questionId, viewer, 'en')!.answers.map((a) => a.id)
    expect(ids(null)).toEqual([])
    expect(ids(other)).toEqual([])
    expect(ids(fresh)).toEqual([id])
    expect(getQuestionPage(questionId, fresh, 'en')!.answers[0].heldAt).not.toBeNull()
    expect(ids(moderator)).toEqual([id])
    // Not an answer yet: no status change, no notification to the asker, no created event.
    const q = db.select().from(questions).where(eq(questions.id, questionId)).get()!
    expect(q.status).toBe('open')
    expect(q.answerCount).toBe(0)
    expect(listNotifications(asker.id)).toEqual([])
    expect(
      db
        .select()
        .from(events)
        .where(eq(events.answerId, id))
        .all()
        .map((e) => e.type),
    ).toEqual(['answer.held'])

    // A held question is not listed nor searched, and followers of its category hear nothing.
    const follower = await makeUser()
    const category = db.select().from(questions).where(eq(questions.id, questionId)).get()!
    follow(follower, { type: 'category', id: category.categoryId })
    const second = await makeUser({ trust: 0 })
    const result = await createQuestion(second, {
      title: 'Zanzibar espresso puzzle',
      body: 'Why does my Zanzibar espresso machine hiss at startup?',
      category: 'orders-shipping',
      tags: ['shipping'],
    })
    if (!result.ok) throw new Error('not created')
    expect(heldRow('question', result.id)?.reasons).toEqual(['first-post'])
    expect(listQuestions({ page: 1, sort: 'newest' }, 'en').items.map((x) => x.id)).not.toContain(
      result.id,
    )
    const found = searchThreads('Zanzibar')
    expect(found.ok && found.items.length).toBe(0)
    expect(listNotifications(follower.id)).toEqual([])

    // Approving publishes it as if just posted: listed, searched, followers told, clock now.
    at(3 * 60 * MINUTE)
    const questionItem = heldRow('question', result.id)!
    decideItem(moderator, questionItem.id, 'approve')
    const approved = db.select().from(questions).where(eq(questions.id, result.id)).get()!
    expect(approved.hiddenAt).toBeNull()
    expect(approved.heldAt).toBeNull()
    expect(approved.createdAt.getTime()).toBe(TEST_EPOCH.getTime() + 3 * 60 * MINUTE)
    expect(approved.slaDueAt).not.toBeNull()
    expect(listQuestions({ page: 1, sort: 'newest' }, 'en').items.map((x) => x.id)).toContain(
      result.id,
    )
    const after = searchThreads('Zanzibar')
    expect(after.ok && after.items.map((i) => i.id)).toEqual([result.id])
    expect(listNotifications(follower.id).length).toBe(1)

    // The held answer, approved: the asker is told, and the thread is answered.
    decideItem(moderator, item.id, 'approve')
    expect(ids(null)).toEqual([id])
    expect(db.select().from(questions).where(eq(questions.id, questionId)).get()!.status).toBe(
      'answered',
    )
    expect(listNotifications(asker.id).length).toBe(1)

    // Their next post is not a first post any more.
    at(4 * 60 * MINUTE)
    const next = await createAnswer(fresh, questionId, 'And use 15 g of coffee for 250 g water.')
    expect(heldRow('answer', next)).toBeUndefined()
  })

  it('holds links from new accounts, repeated text, blocked words and bursts, each with its reason and score', async () => {
    const { questionId } = await newcomer()
    const staff = await makeUser({ role: 'staff' })
    saveSpamSettings(staff, { holdFirstPosts: false, words: 'Casino\ncheap pills' })
    const reasonsOf = (id: number) => heldRow('answer', id)?.reasons ?? []

    const linker = await makeUser({ trust: 0 })
    const link = await createAnswer(
      linker,
      questionId,
      'Buy your beans at https://spam.example now',
    )
    expect(reasonsOf(link)).toEqual(['new-account-links'])
    expect(heldRow('answer', link)?.score).toBe(2)

    const a = await makeUser({ trust: 0 })
    const b = await makeUser({ trust: 0 })
    const text = 'Best deals on grinders at our store, visit today for discounts!'
    expect(reasonsOf(await createAnswer(a, questionId, text))).toEqual([])
    expect(reasonsOf(await createAnswer(b, questionId, `${text.toUpperCase()}  `))).toEqual([
      'repeated',
    ])

    // Blocked words hold anyone below moderator, whole words only.
    const regular = await makeUser({ trust: 3 })
    expect(reasonsOf(await createAnswer(regular, questionId, 'Try CHEAP   pills today'))).toEqual([
      'blocked-words',
    ])
    expect(
      reasonsOf(await createAnswer(regular, questionId, 'The casinos nearby sell beans')),
    ).toEqual([])
    const moderator = await makeUser({ role: 'moderator' })
    expect(reasonsOf(await createAnswer(moderator, questionId, 'No casino talk here'))).toEqual([])

    // A third post within ten minutes from a new account.
    const fast = await makeUser({ trust: 0 })
    at(0)
    await createAnswer(fast, questionId, 'First thought about the grind size.')
    at(MINUTE)
    await createAnswer(fast, questionId, 'Second thought about water temperature.')
    at(2 * MINUTE)
    const third = await createAnswer(fast, questionId, 'Third thought about the bloom time.')
    expect(reasonsOf(third)).toEqual(['burst'])

    // The queue shows them beside flagged posts, with reasons and scores.
    const queue = listReviewQueue(moderator, { page: 1 })
    const held = queue.items.filter((i) => i.held)
    expect(held.map((i) => i.reasons)).toEqual([
      ['new-account-links'],
      ['repeated'],
      ['blocked-words'],
      ['burst'],
    ])
  })

  it('deletes a held post, or its author as a spammer, from the review queue', async () => {
    const { questionId, fresh } = await newcomer()
    const moderator = await makeUser({ role: 'moderator' })
    const id = await createAnswer(fresh, questionId, 'Visit https://spam.example for cheap beans')
    const item = heldRow('answer', id)!
    expect(kindOf(() => decideItem(moderator, item.id, 'ignore'))).toBe('invalid')
    decideItem(moderator, item.id, 'delete', { reason: 'spam', note: '' })
    const row = db.select().from(answers).where(eq(answers.id, id)).get()!
    expect(row.deletedAt).not.toBeNull()
    expect(getQuestionPage(questionId, fresh, 'en')!.answers).toEqual([])

    const spammer = await makeUser({ trust: 0 })
    const first = await createAnswer(spammer, questionId, 'Cheap beans at https://spam.example/1')
    at(MINUTE)
    await createAnswer(spammer, questionId, 'Cheap beans at https://spam.example/2')
    const result = deleteSpammer(moderator, heldRow('answer', first)!.id, 'Link spam')
    expect(result).toMatchObject({ items: 2, banned: true })
    expect(listReviewQueue(moderator, { page: 1 }).items).toEqual([])
  })
})
