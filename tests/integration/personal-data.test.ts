import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { newSubmissionKey } from '~/modules/submissions/submissions.server'
import { startAskVisit } from '~/modules/search/search.server'
import { action as askAction } from '~/routes/ask'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import { db } from '~/utils/db.server'
import { answers, questions } from '../../db/schema'
import {
  callRoute,
  context,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  type TestUser,
} from '../factories'

const BODY = 'The courier never came. Call me on 0812-3456-7890 so we can sort out the parcel.'

// helpers, who may create the form's tag on the way
const asker = () => makeUser({ role: 'helper' })

async function ask(user: TestUser, form: Record<string, string>, query = '') {
  makeCategory()
  const req = await request(`/ask${query}`, user, {
    form: {
      title: 'The courier never came to my house',
      body: BODY,
      category: 'orders-shipping',
      tags: 'shipping',
      visit: startAskVisit(user.id),
      intent: 'save',
      ...form,
    },
  })
  return callRoute(askAction, { request: req, params: {}, context } as never)
}

type Reply = {
  values: Record<string, string>
  personalData: { kinds: string[]; items: string[]; fields: string[] } | null
}

describe('personal data before a public post', () => {
  it('sends a public question back as typed, with the warning, and posts nothing', async () => {
    const user = await asker()
    const res = await ask(user, {})
    expect(res.status).toBe(200)
    const reply = (await res.json()) as Reply
    expect(reply.values.body).toBe(BODY)
    expect(reply.values.title).toBe('The courier never came to my house')
    expect(reply.personalData).toEqual({
      kinds: ['phone'],
      items: ['0812-3456-7890'],
      fields: ['body'],
    })
    expect(db.select().from(questions).all()).toEqual([])
  })

  it('posts it publicly when the person chooses to post anyway', async () => {
    const user = await asker()
    const res = await ask(user, {}, '?personalData=post-anyway')
    expect(res.status).toBe(302)
    const [q] = db.select().from(questions).all()
    expect(q).toMatchObject({ visibility: 'public', bodyMd: BODY })
  })

  it('makes it a private question when the person asks privately instead', async () => {
    const user = await asker()
    const res = await ask(user, { visibility: 'public' }, '?personalData=ask-privately')
    expect(res.status).toBe(302)
    const [q] = db.select().from(questions).all()
    expect(q).toMatchObject({ visibility: 'private', bodyMd: BODY })
  })

  it('does not warn a private question, nor a post with only prices, dates and times', async () => {
    const user = await asker()
    expect((await ask(user, { visibility: 'private' })).status).toBe(302)
    const plain = await ask(user, {
      title: 'Grinder costs Rp 1.250.000, worth it?',
      body: 'Bought on 05-11-2026 at 14.30, app version 2.3.10, it weighs 1.2 kg.',
    })
    expect(plain.status).toBe(302)
  })

  it('checks the title too, and an order number or an e-mail address', async () => {
    const user = await asker()
    const res = await ask(user, {
      title: 'Order KN-25301 still not shipped',
      body: 'Please write to me at sari@example.co.id about it.',
    })
    const reply = (await res.json()) as Reply
    expect(reply.personalData?.kinds).toEqual(['email', 'order'])
    expect(reply.personalData?.fields.sort()).toEqual(['body', 'title'])
  })

  it('warns before a public answer and posts it once the person chooses to', async () => {
    const asker = await makeUser()
    const helper = await makeUser()
    const questionId = await makeQuestion(asker)
    const post = async (query: string) =>
      callRoute(threadAction, {
        request: await request(`/questions/${questionId}/x${query}`, helper, {
          form: {
            intent: 'answer',
            body: 'My card 4111 1111 1111 1111 was charged twice too.',
            submissionKey: newSubmissionKey(),
          },
        }),
        params: { questionId: String(questionId), slug: 'x' },
        context,
      })
    const first = await post('')
    expect(first.status).toBe(200)
    expect(((await first.json()) as Reply).personalData?.kinds).toEqual(['card'])
    expect(db.select().from(answers).where(eq(answers.questionId, questionId)).all()).toEqual([])
    const second = await post('?personalData=post-anyway')
    expect(second.status).toBe(302)
    expect(db.select().from(answers).where(eq(answers.questionId, questionId)).all()).toHaveLength(
      1,
    )
  })

  it('lets staff answer a private question with an order number without a warning', async () => {
    const asker = await makeUser()
    const staff = await makeUser({ role: 'staff' })
    const questionId = await makeQuestion(asker, { visibility: 'private' })
    const res = await callRoute(threadAction, {
      request: await request(`/questions/${questionId}/x`, staff, {
        form: {
          intent: 'answer',
          body: 'Found it: KN-25318 left Jakarta this morning.',
          submissionKey: newSubmissionKey(),
        },
      }),
      params: { questionId: String(questionId), slug: 'x' },
      context,
    })
    expect(res.status).toBe(302)
  })
})
