import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import {
  loader as notificationsLoader,
  action as notificationsAction,
} from '~/routes/notifications'
import { parseQuestionRef } from '~/modules/questions/closing.server'
import { countUnread } from '~/modules/notifications/notifications.server'
import { buildMatch } from '~/modules/search/fts-query.server'
import { parseQuery } from '~/modules/search/normalize.server'
import { currentSynonyms } from '~/modules/search/synonyms.server'
import { db } from '~/utils/db.server'
import { events, questions } from '../../db/schema'
import {
  callRoute,
  context,
  inEnglish,
  makeAnswer,
  makeQuestion,
  makeUser,
  request,
} from '../factories'

type User = Awaited<ReturnType<typeof makeUser>>

async function post(id: number, user: User, form: Record<string, string>) {
  return callRoute(threadAction, {
    request: await request(`/questions/${id}/x`, user, { form }),
    params: { questionId: String(id), slug: 'x' },
    context,
  })
}

/** The rows of the thread index matching these words (as search reduces them). */
function searchIds(query: string) {
  const match = buildMatch(parseQuery(query, currentSynonyms())).all
  return db
    .all<{ rowid: number }>(sql`select rowid from questions_fts where questions_fts match ${match}`)
    .map((r) => r.rowid)
}

describe('closing as a duplicate', () => {
  it('points the duplicate at the original, tells the asker, and lets its title find the original', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const original = await makeQuestion(await makeUser(), {
      title: 'Refund has not reached my wallet',
    })
    const dup = await makeQuestion(asker, { title: 'Where is the money from my cancelled order' })
    expect(searchIds('cancelled')).toEqual([dup])

    const res = await post(dup, helper, {
      intent: 'close-duplicate',
      original: `https://x.test/questions/${original}/refund`,
    })
    expect(res.status).toBe(302)
    const q = db.select().from(questions).where(eq(questions.id, dup)).get()!
    expect(q).toMatchObject({ closedReason: 'duplicate', duplicateOfId: original })
    expect(searchIds('cancelled').sort()).toEqual([original, dup].sort())
    expect(countUnread(asker.id)).toBe(1)

    const list = (await (
      await notificationsLoader({
        request: await request('/notifications', asker),
        params: {},
        context,
      } as never)
    ).json()) as { notifications: { type: string; original: { id: number } }[] }
    expect(list.notifications[0]).toMatchObject({
      type: 'question.closed_duplicate',
      original: { id: original },
    })
    await notificationsAction({
      request: await request('/notifications', asker, { form: {} }),
      params: {},
      context,
    } as never)
    expect(countUnread(asker.id)).toBe(0)
  })

  it('refuses new answers once closed and reopens cleanly', async () => {
    const helper = await makeUser({ role: 'helper' })
    const original = await makeQuestion(await makeUser(), { title: 'The original about grinding' })
    const dup = await makeQuestion(await makeUser(), { title: 'A copy about grinding beans' })
    await post(dup, helper, { intent: 'close-duplicate', original: String(original) })
    expect(
      (await post(dup, await makeUser(), { intent: 'answer', body: 'late answer' })).status,
    ).toBe(403)
    expect((await post(dup, helper, { intent: 'reopen' })).status).toBe(302)
    expect(db.select().from(questions).where(eq(questions.id, dup)).get()!.closedReason).toBeNull()
    expect(searchIds('copy')).toEqual([dup])
    const types = db
      .select({ type: events.type })
      .from(events)
      .where(eq(events.questionId, dup))
      .all()
    expect(types.map((t) => t.type)).toEqual([
      'question.created',
      'question.closed',
      'question.reopened',
    ])
  })

  it('flattens chains and explains bad targets at the field', async () => {
    const helper = await makeUser({ role: 'helper' })
    const a = await makeQuestion(await makeUser(), { title: 'First question about refunds' })
    const b = await makeQuestion(await makeUser(), { title: 'Second question about refunds' })
    const c = await makeQuestion(await makeUser(), { title: 'Third question about refunds' })
    await post(b, helper, { intent: 'close-duplicate', original: String(a) })
    await post(c, helper, { intent: 'close-duplicate', original: String(b) })
    expect(db.select().from(questions).where(eq(questions.id, c)).get()!.duplicateOfId).toBe(a)

    const self = await post(a, helper, { intent: 'close-duplicate', original: String(a) })
    expect(self.status).toBe(400)
    expect(
      inEnglish(
        ((await self.json()) as { fieldErrors: { original: string } }).fieldErrors.original,
      ),
    ).toMatch(/itself/)
    const missing = await post(a, helper, { intent: 'close-duplicate', original: 'not a link' })
    expect(((await missing.json()) as { values: { original: string } }).values.original).toBe(
      'not a link',
    )
  })

  it('does not let members close questions', async () => {
    const a = await makeQuestion(await makeUser())
    const b = await makeQuestion(await makeUser(), { title: 'Another one entirely here' })
    expect(
      (await post(b, await makeUser(), { intent: 'close-duplicate', original: String(a) })).status,
    ).toBe(403)
  })

  it('reads question references in the forms people paste', () => {
    expect(parseQuestionRef('42')).toBe(42)
    expect(parseQuestionRef('#42')).toBe(42)
    expect(parseQuestionRef('/questions/42/some-slug')).toBe(42)
    expect(parseQuestionRef('https://support.example/questions/42?x=1')).toBe(42)
    expect(parseQuestionRef('forty-two')).toBeNull()
  })
})

describe('notifications of answers and acceptance', () => {
  it('tells the asker of an answer and the answerer of acceptance, never oneself', async () => {
    const asker = await makeUser()
    const helper = await makeUser()
    const id = await makeQuestion(asker)
    await makeAnswer(asker, id, 'my own follow-up')
    expect(countUnread(asker.id)).toBe(0)
    const answerId = await makeAnswer(helper, id)
    expect(countUnread(asker.id)).toBe(1)
    await post(id, asker, { intent: 'accept', answerId: String(answerId) })
    expect(countUnread(helper.id)).toBe(1)
  })
})
