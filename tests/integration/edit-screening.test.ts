import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer, createAnswer } from '~/modules/answers/answers.server'
import { decideItem, listReviewQueue } from '~/modules/flags/review.server'
import { getQuestionPage, listQuestions, listRevisions } from '~/modules/questions/questions.server'
import { searchThreads } from '~/modules/search/thread-search.server'
import { TRUST_REQUIREMENTS, TRUST_UPDATE_HOURS } from '~/modules/trust/levels'
import { ruleLabel } from '~/modules/trust/rules'
import { saveSpamSettings } from '~/modules/trust/spam.server'
import { lockTrustLevel, recordRead, recordVisit } from '~/modules/trust/trust.server'
import { findReputationDrift } from '~/modules/users/reputation.server'
import { translatorFor } from '~/i18n/translator.server'
import { action as answerEditAction } from '~/routes/answers.$answerId.edit'
import { action as questionEditAction } from '~/routes/questions.$questionId.edit'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { answers, events, questions, reviewItems, users } from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  type TestUser,
} from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const at = (ms: number) => setClock(new Date(TEST_EPOCH.getTime() + ms))

// An edit is a way to post: the links and images limit refuses it as it refuses a new post,
// and the content rules hold it (hidden, in the review queue, kept as a revision).

const itemOf = (type: 'question' | 'answer', id: number) =>
  db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.postType, type), eq(reviewItems.postId, id)))
    .get()
const answerRow = (id: number) => db.select().from(answers).where(eq(answers.id, id)).get()!
const questionRow = (id: number) => db.select().from(questions).where(eq(questions.id, id)).get()!
const eventTypes = (where: { answerId?: number; questionId?: number }) =>
  db
    .select({ type: events.type })
    .from(events)
    .where(
      where.answerId !== undefined
        ? eq(events.answerId, where.answerId)
        : eq(events.questionId, where.questionId!),
    )
    .all()
    .map((e) => e.type)

async function editAnswer(user: TestUser, answerId: number, body: string, query = '') {
  return callRoute(answerEditAction, {
    request: await request(`/answers/${answerId}/edit${query}`, user, {
      form: { intent: 'save', body, language: 'auto', comment: '' },
    }),
    params: { answerId: String(answerId) },
    context,
  })
}

async function editQuestion(
  user: TestUser,
  questionId: number,
  fields: { title: string; body: string },
  query = '',
) {
  return callRoute(questionEditAction, {
    request: await request(`/questions/${questionId}/edit${query}`, user, {
      form: {
        intent: 'save',
        ...fields,
        category: 'orders-shipping',
        tags: 'shipping',
        language: 'auto',
        comment: '',
      },
    }),
    params: { questionId: String(questionId) },
    context,
  })
}

/** A thread with a public answer by a trust-0 account (first posts are not held here). */
async function thread(words = '') {
  makeCategory()
  const staff = await makeUser({ role: 'staff' })
  saveSpamSettings(staff, { holdFirstPosts: false, words })
  const asker = await makeUser()
  const questionId = await makeQuestion(asker, { title: 'How fine should I grind for V60?' })
  const fresh = await makeUser({ trust: 0 })
  const answerId = await createAnswer(fresh, questionId, 'Grind like table salt for the cone.')
  expect(itemOf('answer', answerId)).toBeUndefined()
  at(MINUTE)
  return { asker, questionId, fresh, answerId, moderator: await makeUser({ role: 'moderator' }) }
}

describe('editing obeys the links and images limit', () => {
  it('refuses a trust-0 edit with three links, keeping what was typed and saying what lifts the limit', async () => {
    const { fresh, answerId } = await thread()
    const body = 'See https://a.example/1, https://b.example/2 and https://c.example/3 please.'
    const res = await editAnswer(fresh, answerId, body)
    expect(res.status).toBe(400)
    const reply = await res.json()
    expect(reply.values.body).toBe(body)
    // made at the epoch, one minute old, never visited nor read anything
    const r1 = TRUST_REQUIREMENTS[1]
    const hoursLeft = Math.ceil((r1.accountDays * 24 * HOUR - MINUTE) / HOUR)
    expect(errorsInEnglish(reply.fieldErrors).body).toBe(
      `New accounts may post at most 2 links. Remove some links for now. The limit lifts at trust level 1, after waiting ${hoursLeft} more hours, coming back on ${r1.daysVisited} more days and reading ${r1.questionsRead} more questions (levels are updated every ${TRUST_UPDATE_HOURS} hours).`,
    )
    expect(answerRow(answerId).bodyMd).toBe('Grind like table salt for the cone.')
    expect(listRevisions('answer', answerId)).toHaveLength(1)
  })

  it('refuses an image in a question edit, naming only what is still missing', async () => {
    const { fresh } = await thread()
    at(5 * MINUTE)
    const questionId = await makeQuestion(fresh, { title: 'Which kettle for pour-over?' })
    // a day later, back once more and four questions read: one question short
    at(25 * HOUR)
    recordVisit(fresh.id)
    for (let i = 0; i < TRUST_REQUIREMENTS[1].questionsRead - 1; i++) recordRead(fresh.id)
    const res = await editQuestion(fresh, questionId, {
      title: 'Which kettle for pour-over?',
      body: 'Like this one: ![kettle](https://i.example/kettle.png)',
    })
    expect(res.status).toBe(400)
    const reply = await res.json()
    expect(reply.values.body).toBe('Like this one: ![kettle](https://i.example/kettle.png)')
    expect(errorsInEnglish(reply.fieldErrors).body).toBe(
      `New accounts cannot post images yet. Describe the image in words, or link to it. The limit lifts at trust level 1, after coming back on 1 more day and reading 1 more question (levels are updated every ${TRUST_UPDATE_HOURS} hours).`,
    )
  })

  it('says the limit lifts at the next update once the requirements are met, and that a lock keeps it', async () => {
    const { fresh, answerId, moderator } = await thread()
    at(0)
    recordVisit(fresh.id)
    at(25 * HOUR)
    recordVisit(fresh.id)
    for (let i = 0; i < TRUST_REQUIREMENTS[1].questionsRead; i++) recordRead(fresh.id)
    const body = 'Photo: ![grind](https://i.example/grind.png)'
    const soon = await editAnswer(fresh, answerId, body)
    expect(errorsInEnglish((await soon.json()).fieldErrors).body).toMatch(
      new RegExp(
        `the limit lifts when levels are next updated, within ${TRUST_UPDATE_HOURS} hours`,
      ),
    )
    lockTrustLevel(moderator, fresh.id, 0)
    const locked = await editAnswer(fresh, answerId, body)
    expect(errorsInEnglish((await locked.json()).fieldErrors).body).toMatch(
      /A moderator has set your trust level, so the limit stays until they change it\.$/,
    )
  })

  it('lets trust 1, helpers and moderators edit links and images in', async () => {
    const { questionId, moderator } = await thread()
    const body = 'See https://a.example/1, https://b.example/2 and ![x](https://c.example/3.png)'
    for (const person of [
      await makeUser({ trust: 1 }),
      await makeUser({ role: 'helper', trust: 0 }),
    ]) {
      const id = await makeAnswer(person, questionId, 'A plain answer first.')
      expect((await editAnswer(person, id, body)).status).toBe(302)
      expect(answerRow(id).bodyMd).toBe(body)
    }
    const theirs = await makeAnswer(await makeUser({ trust: 0 }), questionId, 'Plain words.')
    expect((await editAnswer(moderator, theirs, body)).status).toBe(302)
    // a moderator's edit is never held
    expect(answerRow(theirs).hiddenAt).toBeNull()
  })
})

describe('editing runs the content rules', () => {
  it('holds a trust-0 edit that brings a link: hidden, queued as an edit, kept as a revision, shown again on approval', async () => {
    const { asker, questionId, fresh, answerId, moderator } = await thread()
    const body = 'Grind like table salt. Beans from https://spam.example/cheap'
    const res = await editAnswer(fresh, answerId, body)
    expect(res.status).toBe(302)
    const row = answerRow(answerId)
    expect(row.bodyMd).toBe(body)
    expect(row.hiddenAt).not.toBeNull()
    expect(row.heldAt).not.toBeNull()
    // only its author (told it awaits a moderator) and moderators see it
    const ids = (viewer: TestUser | null) =>
      getQuestionPage(questionId, viewer, 'en')!.answers.map((a) => a.id)
    expect(ids(null)).toEqual([])
    expect(ids(asker)).toEqual([])
    expect(getQuestionPage(questionId, fresh, 'en')!.answers[0]!.heldAt).not.toBeNull()
    expect(ids(moderator)).toEqual([answerId])
    expect(questionRow(questionId).status).toBe('open')
    // the moderator reads the edit in the queue and in the revisions
    const item = itemOf('answer', answerId)!
    expect(item).toMatchObject({
      source: 'held',
      status: 'pending',
      reasons: ['edit', 'new-account-links'],
      score: 2,
    })
    const [queued] = listReviewQueue(moderator, { page: 1 }).items
    expect(queued).toMatchObject({ held: true, reasons: ['edit', 'new-account-links'] })
    expect(queued!.excerpt).toContain('spam.example')
    expect(listRevisions('answer', answerId).map((r) => r.bodyMd)).toEqual([
      'Grind like table salt for the cone.',
      body,
    ])
    expect(translatorFor('en')(ruleLabel('edit')!)).toBe(
      'an edit of a post others could already see',
    )
    expect(translatorFor('id')(ruleLabel('edit')!)).toBe(
      'suntingan pada kiriman yang sudah bisa dilihat orang lain',
    )

    // Approved: shown again as it was posted, not published as a new answer.
    at(2 * HOUR)
    decideItem(moderator, item.id, 'approve')
    const approved = answerRow(answerId)
    expect(approved.hiddenAt).toBeNull()
    expect(approved.heldAt).toBeNull()
    expect(approved.createdAt.getTime()).toBe(TEST_EPOCH.getTime())
    expect(ids(null)).toEqual([answerId])
    expect(questionRow(questionId).status).toBe('answered')
    expect(eventTypes({ answerId })).toEqual([
      'answer.created',
      'answer.edited',
      'answer.hidden',
      'answer.held',
      'flag.decided',
      'answer.unhidden',
    ])
  })

  it('holds a question edit with a blocked word from a regular: out of lists and search until approved', async () => {
    makeCategory()
    const staff = await makeUser({ role: 'staff' })
    saveSpamSettings(staff, { holdFirstPosts: false, words: 'casino' })
    const regular = await makeUser({ trust: 3 })
    const moderator = await makeUser({ role: 'moderator' })
    const questionId = await makeQuestion(regular, { title: 'Zanzibar grinder squeaks' })
    const res = await editQuestion(regular, questionId, {
      title: 'Zanzibar grinder squeaks',
      body: 'It squeaks on every turn. Win big at the casino tonight!',
    })
    expect(res.status).toBe(302)
    expect(itemOf('question', questionId)?.reasons).toEqual(['edit', 'blocked-words'])
    expect(questionRow(questionId).hiddenAt).not.toBeNull()
    const listed = () => listQuestions({ page: 1, sort: 'newest' }, 'en').items.map((q) => q.id)
    expect(listed()).toEqual([])
    const found = searchThreads('Zanzibar')
    expect(found.ok && found.items.length).toBe(0)

    decideItem(moderator, itemOf('question', questionId)!.id, 'approve')
    expect(listed()).toEqual([questionId])
    const after = searchThreads('Zanzibar')
    expect(after.ok && after.items.map((i) => i.id)).toEqual([questionId])
    // no second question.created: followers heard of it once
    expect(eventTypes({ questionId }).filter((t) => t === 'question.created')).toHaveLength(1)
  })

  it('does not hold an edit that keeps links or blocked words the post already had, nor a moderator’s edit', async () => {
    const { questionId, fresh, moderator } = await thread('casino')
    // a first post held for its link, approved by a moderator
    at(10 * MINUTE)
    const id = await createAnswer(fresh, questionId, 'Grinder manual: https://maker.example/m')
    decideItem(moderator, itemOf('answer', id)!.id, 'approve')
    at(20 * MINUTE)
    expect(
      (await editAnswer(fresh, id, 'The grinder manual: https://maker.example/m (page 4)')).status,
    ).toBe(302)
    expect(answerRow(id).hiddenAt).toBeNull()
    // a moderator may write a blocked word in; the author's typo fix afterwards stands
    expect((await editAnswer(moderator, id, 'No casino. https://maker.example/m')).status).toBe(302)
    expect(answerRow(id).hiddenAt).toBeNull()
    expect((await editAnswer(fresh, id, 'No casino! https://maker.example/m')).status).toBe(302)
    expect(answerRow(id).hiddenAt).toBeNull()
    // but a new link is caught
    await editAnswer(fresh, id, 'No casino! https://maker.example/m and https://other.example')
    expect(answerRow(id).heldAt).not.toBeNull()
  })

  it('holds a helper’s edit only for blocked words, never for links', async () => {
    const { questionId } = await thread('cheap pills')
    const helper = await makeUser({ role: 'helper', trust: 0 })
    const id = await makeAnswer(helper, questionId, 'Descale monthly.')
    expect((await editAnswer(helper, id, 'Descale monthly: https://howto.example')).status).toBe(
      302,
    )
    expect(answerRow(id).hiddenAt).toBeNull()
    await editAnswer(helper, id, 'Descale monthly, and buy CHEAP pills.')
    expect(itemOf('answer', id)?.reasons).toEqual(['edit', 'blocked-words'])
  })

  it('adds an edit’s rules to a post still waiting for its first approval, which then publishes it as new', async () => {
    makeCategory()
    const asker = await makeUser()
    const questionId = await makeQuestion(asker)
    const moderator = await makeUser({ role: 'moderator' })
    const fresh = await makeUser({ trust: 0 })
    const id = await createAnswer(fresh, questionId, 'Check the tracking page again tomorrow.')
    expect(itemOf('answer', id)?.reasons).toEqual(['first-post'])
    at(MINUTE)
    await editAnswer(fresh, id, 'Check the tracking at https://track.example tomorrow.')
    expect(itemOf('answer', id)).toMatchObject({
      status: 'pending',
      reasons: ['first-post', 'new-account-links'],
      score: 3,
    })
    expect(db.select().from(reviewItems).all()).toHaveLength(1)
    decideItem(moderator, itemOf('answer', id)!.id, 'approve')
    expect(eventTypes({ answerId: id })).toContain('answer.created')
    expect(answerRow(id).hiddenAt).toBeNull()
  })

  it('takes back the acceptance of an accepted answer whose edit is held, with the reputation it earned', async () => {
    const { asker, questionId, fresh, answerId } = await thread()
    acceptAnswer(asker, answerId)
    const reputation = () =>
      db.select({ r: users.reputation }).from(users).where(eq(users.id, fresh.id)).get()!.r
    expect(reputation()).toBe(15)
    await editAnswer(fresh, answerId, 'Table salt grind, see https://spam.example')
    expect(questionRow(questionId)).toMatchObject({ acceptedAnswerId: null, status: 'open' })
    expect(reputation()).toBe(0)
    expect(findReputationDrift()).toEqual([])
  })

  it('opens the post’s old review item again instead of making a second one', async () => {
    const { fresh, answerId, moderator } = await thread()
    await editAnswer(fresh, answerId, 'Grind fine, see https://one.example')
    decideItem(moderator, itemOf('answer', answerId)!.id, 'approve')
    at(HOUR)
    await editAnswer(fresh, answerId, 'Grind fine, see https://one.example and https://two.example')
    expect(db.select().from(reviewItems).all()).toHaveLength(1)
    expect(itemOf('answer', answerId)).toMatchObject({
      status: 'pending',
      decision: null,
      reasons: ['edit', 'new-account-links'],
    })
    expect(answerRow(answerId).heldAt).not.toBeNull()
  })
})

describe('the personal-data guard on the edit pages', () => {
  const PHONE = 'Call me on 0812-3456-7890 about the grinder.'

  it('warns before saving a question edit with a phone number, and "post anyway" saves it', async () => {
    makeCategory()
    const asker = await makeUser()
    const questionId = await makeQuestion(asker, { title: 'My grinder arrived broken' })
    const fields = { title: 'My grinder arrived broken', body: PHONE }
    const warned = await editQuestion(asker, questionId, fields)
    expect(warned.status).toBe(200)
    const reply = await warned.json()
    expect(reply.values.body).toBe(PHONE)
    expect(reply.personalData).toEqual({
      kinds: ['phone'],
      items: ['0812-3456-7890'],
      fields: ['body'],
    })
    expect(questionRow(questionId).bodyMd).not.toBe(PHONE)
    const saved = await editQuestion(asker, questionId, fields, '?personalData=post-anyway')
    expect(saved.status).toBe(302)
    expect(questionRow(questionId).bodyMd).toBe(PHONE)
  })

  it('warns before saving an answer edit with a card number, and "post anyway" saves it', async () => {
    makeCategory()
    const asker = await makeUser()
    const answerer = await makeUser()
    const questionId = await makeQuestion(asker)
    const answerId = await makeAnswer(answerer, questionId, 'I was charged twice too.')
    const body = 'My card 4111 1111 1111 1111 was charged twice too.'
    const warned = await editAnswer(answerer, answerId, body)
    expect(warned.status).toBe(200)
    expect((await warned.json()).personalData?.kinds).toEqual(['card'])
    expect(answerRow(answerId).bodyMd).toBe('I was charged twice too.')
    const saved = await editAnswer(answerer, answerId, body, '?personalData=post-anyway')
    expect(saved.status).toBe(302)
    expect(answerRow(answerId).bodyMd).toBe(body)
  })

  it('does not warn on a private question', async () => {
    makeCategory()
    const asker = await makeUser()
    const questionId = await makeQuestion(asker, {
      title: 'Refund for my grinder',
      visibility: 'private',
    })
    const res = await editQuestion(asker, questionId, {
      title: 'Refund for my grinder',
      body: PHONE,
    })
    expect(res.status).toBe(302)
  })
})
