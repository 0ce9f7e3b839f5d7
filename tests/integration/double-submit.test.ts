import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createArticle } from '~/modules/kb/kb.server'
import { forgetOldSubmissionKeys, newSubmissionKey } from '~/modules/submissions/submissions.server'
import { action as askAction, loader as askLoader } from '~/routes/ask'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { answers, formSubmissions, kbArticles, questions } from '../../db/schema'
import { callRoute, context, makeCategory, makeQuestion, makeUser, request } from '../factories'
import { TEST_EPOCH } from '../setup/integration'

type User = Awaited<ReturnType<typeof makeUser>>

function answerPost(id: number, user: User, form: Record<string, string>) {
  return request(`/questions/${id}/x`, user, { form }).then((req) =>
    callRoute(threadAction, {
      request: req,
      params: { questionId: String(id), slug: 'x' },
      context,
    }),
  )
}

describe('a double submit never writes twice', () => {
  it('posts an answer once when the same form is sent twice, and both get the same answer', async () => {
    const id = await makeQuestion(await makeUser())
    const helper = await makeUser({ role: 'helper' })
    const form = {
      intent: 'answer',
      body: 'Ask the courier for a re-delivery.',
      submissionKey: newSubmissionKey(),
    }
    const [a, b] = await Promise.all([answerPost(id, helper, form), answerPost(id, helper, form)])
    expect(a.status).toBe(302)
    expect(b.headers.get('Location')).toBe(a.headers.get('Location'))
    expect(db.select({ n: count() }).from(answers).get()?.n).toBe(1)
    // A new form (a new key) is a new answer.
    await answerPost(id, helper, { ...form, submissionKey: newSubmissionKey() })
    expect(db.select({ n: count() }).from(answers).get()?.n).toBe(2)
  })

  it('never lets one person’s key replay someone else’s answer', async () => {
    const id = await makeQuestion(await makeUser())
    const key = newSubmissionKey()
    const first = await makeUser()
    const second = await makeUser()
    await answerPost(id, first, {
      intent: 'answer',
      body: 'First person answers',
      submissionKey: key,
    })
    await answerPost(id, second, {
      intent: 'answer',
      body: 'Second person answers',
      submissionKey: key,
    })
    expect(
      db
        .select({ authorId: answers.authorId })
        .from(answers)
        .all()
        .map((a) => a.authorId),
    ).toEqual([first.id, second.id])
  })

  it('asks a question once when the ask form is sent twice', async () => {
    makeCategory('orders-shipping', 'Orders & shipping')
    const asker = await makeUser({ role: 'helper' })
    const page = await callRoute(askLoader, {
      request: await request('/ask', asker),
      params: {},
      context,
    })
    const { visitId } = (await page.json()) as { visitId: string }
    const form = {
      intent: 'save',
      visit: visitId,
      title: 'Parcel returned to sender by JNE',
      body: 'The tracking says returned to sender, but the address was right.',
      category: 'orders-shipping',
      tags: 'shipping',
    }
    const send = async () =>
      callRoute(askAction, { request: await request('/ask', asker, { form }), params: {}, context })
    const a = await send()
    const b = await send()
    expect(a.status).toBe(302)
    expect(b.headers.get('Location')).toBe(a.headers.get('Location'))
    expect(db.select({ n: count() }).from(questions).get()?.n).toBe(1)
  })

  it('writes one article for a resent new-article form', async () => {
    makeCategory('brewing-help', 'Brewing help')
    const moderator = await makeUser({ role: 'moderator' })
    const key = newSubmissionKey()
    const input = {
      title: 'Descaling a kettle',
      summary: 'Citric acid, an hour, then rinse twice.',
      body: 'Fill with water and two spoons of citric acid.',
      category: 'brewing-help',
      tags: ['kettle'],
      status: 'published' as const,
      comment: '',
    }
    const a = await createArticle(moderator, input, key)
    const b = await createArticle(moderator, input, key)
    expect(b).toEqual(a)
    expect(db.select({ n: count() }).from(kbArticles).get()?.n).toBe(1)
  })

  it('forgets keys after a day', async () => {
    const advance = setClock(TEST_EPOCH)
    const id = await makeQuestion(await makeUser())
    await answerPost(id, await makeUser(), {
      intent: 'answer',
      body: 'Keyed answer',
      submissionKey: newSubmissionKey(),
    })
    expect(forgetOldSubmissionKeys()).toEqual({ forgotten: 0 })
    advance(24 * 60 * 60_000 + 1)
    expect(forgetOldSubmissionKeys()).toEqual({ forgotten: 1 })
    expect(
      db.select().from(formSubmissions).where(eq(formSubmissions.kind, 'answer')).all(),
    ).toEqual([])
  })
})
