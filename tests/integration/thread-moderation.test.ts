import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { saveSla } from '~/modules/escalation/sla.server'
import { newSubmissionKey } from '~/modules/submissions/submissions.server'
import { action as editAction } from '~/routes/questions.$questionId.edit'
import {
  action as threadAction,
  loader as threadLoader,
} from '~/routes/questions.$questionId.($slug)'
import { db } from '~/utils/db.server'
import { categories, events, notifications, outbox, questions, revisions } from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  type TestUser,
} from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const HOUR = 3_600_000

function post(user: TestUser | null, questionId: number, form: Record<string, string>) {
  return request(`/questions/${questionId}/x`, user, { form }).then((req) =>
    callRoute(threadAction, {
      request: req,
      params: { questionId: String(questionId), slug: 'x' },
      context,
    }),
  )
}

function eventsOf(questionId: number) {
  return db
    .select({
      type: events.type,
      actorRole: events.actorRole,
      userId: events.userId,
      data: events.data,
    })
    .from(events)
    .where(eq(events.questionId, questionId))
    .orderBy(asc(events.id))
    .all()
    .filter((e) => e.type !== 'question.created')
}

function row(questionId: number) {
  return db.select().from(questions).where(eq(questions.id, questionId)).get()!
}

function notificationsOf(userId: number) {
  return db
    .select({ type: notifications.type, data: notifications.data })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .all()
}

async function setup() {
  const asker = await makeUser()
  const moderator = await makeUser({ role: 'moderator' })
  const questionId = await makeQuestion(asker, { tags: ['shipping'] })
  return { asker, moderator, questionId }
}

describe('thread tools: lock and unlock', () => {
  it('locks with a reason: an event, the asker told, no answers or author edits, then unlocks', async () => {
    const { asker, moderator, questionId } = await setup()
    const res = await post(moderator, questionId, {
      intent: 'lock',
      lockNote: 'Heated argument, cooling off',
    })
    expect(res.status).toBe(302)
    expect(row(questionId).lockedAt).not.toBeNull()
    expect(eventsOf(questionId)).toEqual([
      {
        type: 'question.locked',
        actorRole: 'moderator',
        userId: asker.id,
        data: { reason: 'Heated argument, cooling off' },
      },
    ])
    expect(notificationsOf(asker.id)).toEqual([
      { type: 'question.locked', data: { reason: 'Heated argument, cooling off' } },
    ])
    // and by e-mail, with the reason
    const mail = db.select().from(outbox).where(eq(outbox.userId, asker.id)).all()
    expect(mail).toHaveLength(1)
    expect(mail[0].subject).toBe('Your question “My order has not arrived yet” was locked')
    expect(mail[0].text).toContain('Reason: Heated argument, cooling off')

    // nobody answers a locked thread, and its asker may not edit it
    const member = await makeUser()
    const answer = await post(member, questionId, {
      intent: 'answer',
      body: 'Have you tried asking the courier?',
      submissionKey: newSubmissionKey(),
    })
    expect(answer.status).toBe(403)
    const editReq = await request(`/questions/${questionId}/edit`, asker, {
      form: {
        title: 'My order has not arrived yet',
        body: 'I ordered beans last week and the tracking has not moved since Monday.',
        category: 'orders-shipping',
        tags: 'shipping',
      },
    })
    const edit = await callRoute(editAction, {
      request: editReq,
      params: { questionId: String(questionId) },
      context,
    })
    expect(edit.status).toBe(403)

    // the page says so to everyone
    const path = `/questions/${questionId}/my-order-has-not-arrived-yet`
    const page = await callRoute(threadLoader, {
      request: await request(path, member),
      params: { questionId: String(questionId), slug: 'my-order-has-not-arrived-yet' },
      context,
    })
    expect(page.status).toBe(200)
    const view = await page.json()
    expect(view.page.question.lockedAt).not.toBeNull()
    expect(view.moderation).toBeNull()

    expect((await post(moderator, questionId, { intent: 'unlock' })).status).toBe(302)
    expect(row(questionId).lockedAt).toBeNull()
    expect(eventsOf(questionId).map((e) => e.type)).toEqual([
      'question.locked',
      'question.unlocked',
    ])
  })

  it('asks why before locking, and keeps what was typed', async () => {
    const { moderator, questionId } = await setup()
    const res = await post(moderator, questionId, { intent: 'lock', lockNote: ' ' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(errorsInEnglish(body.fieldErrors)).toEqual({ lockNote: 'Say in a few words why.' })
    expect(body.values).toMatchObject({ lockNote: ' ', moderationForm: 'lock' })
    expect(row(questionId).lockedAt).toBeNull()
  })

  it('is for moderators: members and helpers are refused, and nothing changes', async () => {
    const { asker, questionId } = await setup()
    const helper = await makeUser({ role: 'helper' })
    for (const who of [asker, helper]) {
      expect(
        (await post(who, questionId, { intent: 'lock', lockNote: 'Because I can' })).status,
      ).toBe(403)
      expect(
        (await post(who, questionId, { intent: 'move', moveTo: 'brewing-help', moveNote: '' }))
          .status,
      ).toBe(403)
      expect(
        (await post(who, questionId, { intent: 'retag', retagTags: 'grinder', retagNote: '' }))
          .status,
      ).toBe(403)
    }
    expect(eventsOf(questionId)).toEqual([])
  })
})

describe('thread tools: closing for a reason and reopening', () => {
  for (const reason of ['off-topic', 'resolved-elsewhere', 'needs-details']) {
    it(`closes as ${reason}: the reason and note are recorded, the asker is told, it reopens`, async () => {
      const { asker, questionId } = await setup()
      // helpers may close, as they may close duplicates
      const helper = await makeUser({ role: 'helper' })
      const res = await post(helper, questionId, {
        intent: 'close',
        closeReason: reason,
        closeNote: 'See the FAQ',
      })
      expect(res.status).toBe(302)
      expect(row(questionId)).toMatchObject({ closedReason: reason, duplicateOfId: null })
      expect(row(questionId).closedAt).not.toBeNull()
      expect(eventsOf(questionId)).toEqual([
        {
          type: 'question.closed',
          actorRole: 'helper',
          userId: asker.id,
          data: { reason, note: 'See the FAQ' },
        },
      ])
      expect(notificationsOf(asker.id)).toEqual([{ type: 'question.closed', data: { reason } }])
      // a closed question takes no answers
      const answer = await post(await makeUser(), questionId, {
        intent: 'answer',
        body: 'Try again tomorrow.',
        submissionKey: newSubmissionKey(),
      })
      expect(answer.status).toBe(403)
      expect((await post(helper, questionId, { intent: 'reopen' })).status).toBe(302)
      expect(row(questionId)).toMatchObject({ closedReason: null, closedAt: null })
      expect(eventsOf(questionId).map((e) => e.type)).toEqual([
        'question.closed',
        'question.reopened',
      ])
    })
  }

  it('refuses a reason that is not on the list, and members', async () => {
    const { asker, moderator, questionId } = await setup()
    const bad = await post(moderator, questionId, {
      intent: 'close',
      closeReason: 'boring',
      closeNote: '',
    })
    expect(bad.status).toBe(400)
    expect(errorsInEnglish((await bad.json()).fieldErrors)).toEqual({
      closeReason: 'Choose why the question is closed.',
    })
    expect(
      (await post(asker, questionId, { intent: 'close', closeReason: 'off-topic', closeNote: '' }))
        .status,
    ).toBe(403)
    expect(row(questionId).closedAt).toBeNull()
  })
})

describe('thread tools: moving and retagging', () => {
  it('moves to another category: an event with the note, and the attention clock re-timed', async () => {
    const admin = await makeUser({ role: 'admin' })
    const fast = makeCategory('payments-billing', 'Payments & billing')
    makeCategory('orders-shipping')
    const form: Record<string, string> = {
      targetHours: '1',
      targetMinutes: '0',
      level2Hours: '0',
      level2Minutes: '30',
      clock: 'always',
      timeZone: 'Asia/Jakarta',
      holidays: '',
    }
    for (const d of ['1', '2', '3', '4', '5', '6']) {
      form[`open-${d}`] = '08:00'
      form[`close-${d}`] = '20:00'
    }
    form['closed-7'] = 'on'
    expect(saveSla(admin, fast.id, form).ok).toBe(true)
    const { moderator, questionId } = await setup()
    const before = row(questionId).slaDueAt
    expect(before?.getTime()).not.toBe(TEST_EPOCH.getTime() + HOUR)

    const res = await post(moderator, questionId, {
      intent: 'move',
      moveTo: 'payments-billing',
      moveNote: 'A refund question',
    })
    expect(res.status).toBe(302)
    const moved = row(questionId)
    expect(moved.categoryId).toBe(fast.id)
    expect(moved.attentionSince).toEqual(TEST_EPOCH)
    expect(moved.slaDueAt).toEqual(new Date(TEST_EPOCH.getTime() + HOUR))
    const from = db.select().from(categories).where(eq(categories.slug, 'orders-shipping')).get()!
    expect(eventsOf(questionId)).toEqual([
      {
        type: 'question.recategorised',
        actorRole: 'moderator',
        userId: moved.authorId,
        data: { from: from.id, to: fast.id, note: 'A refund question' },
      },
    ])
  })

  it('says when the category does not exist', async () => {
    const { moderator, questionId } = await setup()
    const res = await post(moderator, questionId, {
      intent: 'move',
      moveTo: 'no-such-place',
      moveNote: '',
    })
    expect(res.status).toBe(400)
    expect(Object.keys((await res.json()).fieldErrors)).toEqual(['moveTo'])
  })

  it('retags only the tags: a revision with the note, an event with before and after', async () => {
    const { moderator, questionId } = await setup()
    const res = await post(moderator, questionId, {
      intent: 'retag',
      retagTags: 'shipping refund',
      retagNote: 'Clearer tags',
    })
    expect(res.status).toBe(302)
    const revs = db
      .select({
        number: revisions.number,
        tags: revisions.tags,
        comment: revisions.comment,
        title: revisions.title,
      })
      .from(revisions)
      .where(and(eq(revisions.postType, 'question'), eq(revisions.postId, questionId)))
      .orderBy(asc(revisions.number))
      .all()
    expect(revs.at(-1)).toEqual({
      number: 2,
      tags: 'shipping refund',
      comment: 'Clearer tags',
      title: row(questionId).title,
    })
    expect(eventsOf(questionId)).toEqual([
      {
        type: 'question.retagged',
        actorRole: 'moderator',
        userId: row(questionId).authorId,
        data: { from: ['shipping'], to: ['shipping', 'refund'], note: 'Clearer tags' },
      },
    ])
    // the same tags again change nothing
    await post(moderator, questionId, {
      intent: 'retag',
      retagTags: 'shipping refund',
      retagNote: '',
    })
    expect(eventsOf(questionId)).toHaveLength(1)
  })
})
