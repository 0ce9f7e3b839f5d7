import { and, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { flagPost } from '~/modules/flags/flags.server'
import { deleteAnswer } from '~/modules/moderation/posts.server'
import { sanctionUser } from '~/modules/moderation/sanctions.server'
import { action as editAnswerAction } from '~/routes/answers.$answerId.edit'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import { action as reviewAction, loader as reviewLoader } from '~/routes/review'
import { action as moderationAction } from '~/routes/users.$handle_.moderation'
import { db } from '~/utils/db.server'
import { answers, events, flags, reviewItems } from '../../db/schema'
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

async function flaggedAnswer(body = 'Only an idiot would ask this, go away.') {
  makeCategory()
  const asker = await makeUser()
  const questionId = await makeQuestion(asker)
  const author = await makeUser()
  const answerId = await makeAnswer(author, questionId, body)
  flagPost(await makeUser(), 'answer', answerId, { reason: 'rude' })
  const item = db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.postType, 'answer'), eq(reviewItems.postId, answerId)))
    .get()!
  return { asker, questionId, author, answerId, item }
}

async function review(user: TestUser, form: Record<string, string>) {
  return callRoute(reviewAction, {
    request: await request('/review', user, { form }),
    params: {},
    context,
  })
}

async function queueAs(user: TestUser) {
  const res = await callRoute(reviewLoader, {
    request: await request('/review', user),
    params: {},
    context,
  })
  return {
    status: res.status,
    body: res.status === 200 ? ((await res.json()) as QueueBody) : null,
  }
}

type QueueBody = {
  mayDecide: boolean
  queue: { items: { id: number; deleted: boolean; hidden: boolean }[] }
}

const answerRow = (id: number) => db.select().from(answers).where(eq(answers.id, id)).get()!
const itemRow = (id: number) => db.select().from(reviewItems).where(eq(reviewItems.id, id)).get()!
const flagStatuses = (itemId: number) =>
  db
    .select({ status: flags.status })
    .from(flags)
    .where(eq(flags.reviewItemId, itemId))
    .all()
    .map((f) => f.status)
const lastEvent = (type: string) =>
  db
    .select()
    .from(events)
    .where(eq(events.type, type as 'answer.restored'))
    .orderBy(desc(events.id))
    .get()

describe('the review queue: restore', () => {
  it('brings back a deleted post as the thread does, declines its flags and keeps the reason', async () => {
    const { answerId, item } = await flaggedAnswer()
    const sari = await makeUser({ role: 'moderator' })
    const budi = await makeUser({ role: 'moderator' })
    deleteAnswer(sari, answerId, { reason: 'spam', note: '' })
    expect(answerRow(answerId).deletedAt).not.toBeNull()
    const listed = await queueAs(budi)
    expect(listed.body?.queue.items[0]).toMatchObject({ id: item.id, deleted: true })

    const res = await review(budi, {
      intent: 'restore',
      itemId: String(item.id),
      reason: 'Blunt, but not abuse',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/review?done=restore')
    expect(answerRow(answerId).deletedAt).toBeNull()
    expect(itemRow(item.id)).toMatchObject({ status: 'resolved', decision: 'restore' })
    expect(flagStatuses(item.id)).toEqual(['rejected'])
    expect(lastEvent('answer.restored')).toMatchObject({
      actorId: budi.id,
      answerId,
      data: { reason: 'Blunt, but not abuse' },
    })
    expect(lastEvent('flag.decided')?.data).toMatchObject({
      decision: 'restore',
      status: 'rejected',
    })
  })

  it('shows again a post the flags hid, with no reason needed', async () => {
    const { answerId, item } = await flaggedAnswer()
    flagPost(await makeUser(), 'answer', answerId, { reason: 'rude' })
    expect(answerRow(answerId).hiddenAt).not.toBeNull()
    const moderator = await makeUser({ role: 'moderator' })
    expect((await review(moderator, { intent: 'restore', itemId: String(item.id) })).status).toBe(
      302,
    )
    expect(answerRow(answerId).hiddenAt).toBeNull()
    expect(lastEvent('answer.unhidden')).toMatchObject({ actorId: moderator.id, data: {} })
    expect(itemRow(item.id).decision).toBe('restore')
  })

  it('says there is nothing to restore on a post in plain view, and keeps a too-long reason', async () => {
    const { item } = await flaggedAnswer()
    const moderator = await makeUser({ role: 'moderator' })
    const plain = await review(moderator, { intent: 'restore', itemId: String(item.id) })
    expect(plain.status).toBe(409)
    expect(inEnglish((await plain.json()).conflict)).toBe(
      'This post is not deleted or hidden, so there is nothing to restore.',
    )
    expect(itemRow(item.id).status).toBe('pending')

    deleteAnswer(moderator, item.postId, { reason: 'spam', note: '' })
    const long = 'x'.repeat(301)
    const tooLong = await review(moderator, {
      intent: 'restore',
      itemId: String(item.id),
      form: 'restore',
      reason: long,
    })
    expect(tooLong.status).toBe(400)
    const body = await tooLong.json()
    expect(body.values).toMatchObject({ reason: long, form: 'restore' })
    expect(errorsInEnglish(body.fieldErrors).reason).toBe('Keep the reason under 300 characters.')
    expect(answerRow(item.postId).deletedAt).not.toBeNull()
    expect(itemRow(item.id).status).toBe('pending')
  })

  it('opens the edit page from the queue and comes back to it after saving', async () => {
    const { answerId, item } = await flaggedAnswer('Only fools buy this grinder, go away now.')
    const moderator = await makeUser({ role: 'moderator' })
    const res = await callRoute(editAnswerAction, {
      request: await request(`/answers/${answerId}/edit?from=review`, moderator, {
        form: {
          intent: 'save',
          body: 'This grinder is not for everyone; the burrs wear quickly.',
          language: 'en',
          comment: 'Removed the insult',
        },
      }),
      params: { answerId: String(answerId) },
      context,
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/review?done=edited')
    expect(answerRow(answerId).bodyMd).toBe(
      'This grinder is not for everyone; the burrs wear quickly.',
    )
    // the edit decides nothing: the item waits for a decision
    expect(itemRow(item.id).status).toBe('pending')
  })
})

describe('a silenced moderator', () => {
  it('still reads the queue, but decides, hides, restores and sanctions nothing', async () => {
    const { questionId, answerId, author, item } = await flaggedAnswer()
    const admin = await makeUser({ role: 'admin' })
    const silenced = await makeUser({ role: 'moderator' })
    sanctionUser(admin, silenced.id, { kind: 'silence', days: '3', reason: 'Cooling off' })

    const listed = await queueAs(silenced)
    expect(listed.status).toBe(200)
    expect(listed.body?.mayDecide).toBe(false)
    expect(listed.body?.queue.items.map((i) => i.id)).toEqual([item.id])
    for (const intent of ['approve', 'restore', 'claim'])
      expect((await review(silenced, { intent, itemId: String(item.id) })).status).toBe(403)
    expect(
      (
        await review(silenced, {
          intent: 'spammer',
          itemId: String(item.id),
          reason: 'Spam account',
        })
      ).status,
    ).toBe(403)

    const onThread = async (form: Record<string, string>) =>
      callRoute(threadAction, {
        request: await request(`/questions/${questionId}/x`, silenced, { form }),
        params: { questionId: String(questionId), slug: 'x' },
        context,
      })
    expect(
      (await onThread({ intent: 'hide-answer', answerId: String(answerId), reason: 'spam' }))
        .status,
    ).toBe(403)
    expect(
      (await onThread({ intent: 'delete-answer', answerId: String(answerId), reason: 'spam' }))
        .status,
    ).toBe(403)
    expect(answerRow(answerId)).toMatchObject({ hiddenAt: null, deletedAt: null })
    const sanction = await callRoute(moderationAction, {
      request: await request(`/users/${author.handle}/moderation`, silenced, {
        form: { intent: 'sanction', kind: 'warn', days: '', reason: 'Be kind' },
      }),
      params: { handle: author.handle },
      context,
    })
    expect(sanction.status).toBe(403)
    expect(itemRow(item.id).status).toBe('pending')
  })
})
