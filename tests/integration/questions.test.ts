import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { deleteQuestion, hideQuestion } from '~/modules/moderation/posts.server'
import { closeAsDuplicate } from '~/modules/questions/closing.server'
import { action as askAction, loader as askLoader } from '~/routes/ask'
import { loader as listLoader } from '~/routes/questions._index'
import {
  action as threadAction,
  loader as threadLoader,
} from '~/routes/questions.$questionId.($slug)'
import { action as editAction } from '~/routes/questions.$questionId.edit'
import { loader as historyLoader } from '~/routes/questions.$questionId.revisions'
import { db, write } from '~/utils/db.server'
import { safeRedirect } from '~/utils/http.server'
import { setClock } from '~/utils/clock.server'
import { runInRequestScope } from '~/utils/request-scope.server'
import { answers, events, questions, revisions, users } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import { statementCounter } from '../setup/statement-counter'
import {
  context,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  callRoute,
  errorsInEnglish,
} from '../factories'

type Json = Record<string, unknown>

const run = callRoute

async function page(id: number, user: Awaited<ReturnType<typeof makeUser>> | null = null) {
  const res = await run(threadLoader, {
    request: await request(`/questions/${id}/x`, user),
    params: { questionId: String(id), slug: 'x' },
    context,
  } as never)
  return res
}

async function pageData(id: number, user: Awaited<ReturnType<typeof makeUser>> | null = null) {
  // The loader redirects to the canonical slug; follow it once.
  let res = await page(id, user)
  if (res.status === 301) {
    const slug = res.headers.get('Location')!.split('/').pop()!
    res = await run(threadLoader, {
      request: await request(`/questions/${id}/${slug}`, user),
      params: { questionId: String(id), slug },
      context,
    } as never)
  }
  expect(res.status).toBe(200)
  return (await res.json()) as {
    page: {
      question: Json & { status: string; score: number }
      answers: (Json & { id: number; isAccepted: boolean; score: number })[]
    }
  }
}

function threadPost(
  id: number,
  user: Awaited<ReturnType<typeof makeUser>>,
  form: Record<string, string>,
) {
  return request(`/questions/${id}/x`, user, { form }).then((req) =>
    run(threadAction, {
      request: req,
      params: { questionId: String(id), slug: 'x' },
      context,
    } as never),
  )
}

function eventsOf(questionId: number) {
  return db
    .select({ type: events.type })
    .from(events)
    .where(eq(events.questionId, questionId))
    .all()
    .map((e) => e.type)
}

describe('asking', () => {
  it('sends visitors to log in first and brings them back to the form', async () => {
    const res = await run(askLoader, {
      request: await request('/ask'),
      params: {},
      context,
    } as never)
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fask')
  })

  it('creates an open question with its first revision and event, then shows it', async () => {
    makeCategory()
    const asker = await makeUser({ role: 'helper' })
    const res = await run(askAction, {
      request: await request('/ask', asker, {
        form: {
          title: 'Beans arrived with a torn bag',
          body: 'The **valve** bag was torn open when the parcel arrived.',
          category: 'orders-shipping',
          tags: 'damaged-item shipping',
        },
      }),
      params: {},
      context,
    } as never)
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toMatch(/^\/questions\/\d+\/beans-arrived-with-a-torn-bag$/)
    const id = Number(res.headers.get('Location')!.split('/')[2])
    const q = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(q.status).toBe('open')
    expect(q.bodyHtml).toContain('<strong>valve</strong>')
    expect(db.select().from(revisions).where(eq(revisions.postId, id)).all()).toHaveLength(1)
    expect(eventsOf(id)).toEqual(['question.created'])
  })

  it('keeps what was typed and explains each bad field', async () => {
    makeCategory()
    const asker = await makeUser()
    const res = await run(askAction, {
      request: await request('/ask', asker, {
        form: { title: 'Short', body: '', category: '', tags: '' },
      }),
      params: {},
      context,
    } as never)
    expect(res.status).toBe(400)
    const data = (await res.json()) as { fieldErrors: Record<string, string>; values: Json }
    const errors = errorsInEnglish(data.fieldErrors)
    expect(errors.title).toMatch(/at least 10/)
    expect(errors.body).toMatch(/at least 20/)
    expect(errors.category).toBeDefined()
    expect(errors.tags).toMatch(/at least one tag/)
    expect(data.values.title).toBe('Short')
    expect(db.select().from(questions).all()).toHaveLength(0)
  })

  it('does not let a new member invent tags, and says which ones are missing', async () => {
    makeCategory()
    const asker = await makeUser()
    const res = await run(askAction, {
      request: await request('/ask', asker, {
        form: {
          title: 'Can I pay with a brand new wallet?',
          body: 'Is there support for the wallet app my bank just launched?',
          category: 'orders-shipping',
          tags: 'brand-new-wallet',
        },
      }),
      params: {},
      context,
    } as never)
    expect(res.status).toBe(400)
    const data = (await res.json()) as { fieldErrors: Record<string, string> }
    expect(errorsInEnglish(data.fieldErrors).tags).toMatch(/“brand-new-wallet” is not a tag yet/)
  })
})

describe('answering, first response and states', () => {
  it('moves open → answered on the first answer by someone else, recording one first response', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const id = await makeQuestion(asker)
    await makeAnswer(asker, id, 'Adding: the order number is KN-1234.')
    expect((await pageData(id)).page.question.status).toBe('open')

    const advance = setClock(TEST_EPOCH)
    advance(90 * 60_000)
    const res = await threadPost(id, helper, {
      intent: 'answer',
      body: 'I can see it at the JNE hub.',
    })
    expect(res.status).toBe(302)
    await makeAnswer(await makeUser({ role: 'helper' }), id, 'Second answer, not a first response.')

    const q = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(q.status).toBe('answered')
    expect(q.answerCount).toBe(3)
    expect(q.firstResponseAt!.getTime() - q.createdAt.getTime()).toBe(90 * 60_000)
    expect(eventsOf(id).filter((e) => e === 'question.status_changed')).toHaveLength(1)
  })

  it('refuses an empty answer with a message and keeps nothing', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    const res = await threadPost(id, await makeUser(), { intent: 'answer', body: '   ' })
    expect(res.status).toBe(400)
    const { fieldErrors } = (await res.json()) as { fieldErrors: Record<string, string> }
    expect(errorsInEnglish(fieldErrors).body).toMatch(/at least/)
    expect(db.select().from(answers).all()).toHaveLength(0)
  })

  it('goes back to open when the only response is deleted by a moderator', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    const answerId = await makeAnswer(await makeUser(), id)
    const moderator = await makeUser({ role: 'moderator' })
    const noReason = await threadPost(id, moderator, {
      intent: 'delete-answer',
      answerId: String(answerId),
    })
    expect(noReason.status).toBe(400)
    const { fieldErrors } = (await noReason.json()) as { fieldErrors: Record<string, string> }
    expect(errorsInEnglish(fieldErrors).reason).toBe('Choose a reason')
    expect((await pageData(id)).page.answers).toHaveLength(1)

    await threadPost(id, moderator, {
      intent: 'delete-answer',
      answerId: String(answerId),
      reason: 'spam',
    })
    expect((await pageData(id)).page.question.status).toBe('open')
    expect((await pageData(id)).page.answers).toHaveLength(0)
    // Moderators still see it, marked deleted, with who did it and why.
    const seen = (await pageData(id, moderator)) as unknown as {
      page: { answers: { id: number; deletedAt: string | null }[] }
      removals: { answers: Record<number, { by: string; reason: string }> }
    }
    expect(seen.page.answers).toMatchObject([{ id: answerId }])
    expect(seen.page.answers[0].deletedAt).not.toBeNull()
    expect(seen.removals.answers[answerId]).toMatchObject({
      by: moderator.displayName,
      reason: 'spam',
    })
  })
})

describe('accepting', () => {
  it('lets the asker accept, change and undo; the solution is shown first', async () => {
    const asker = await makeUser()
    const a = await makeUser()
    const b = await makeUser()
    const id = await makeQuestion(asker)
    const first = await makeAnswer(a, id, 'First answer')
    const second = await makeAnswer(b, id, 'Second answer')

    expect(
      (await threadPost(id, asker, { intent: 'accept', answerId: String(second) })).status,
    ).toBe(302)
    let data = await pageData(id)
    expect(data.page.question.status).toBe('solved')
    expect(data.page.answers[0]).toMatchObject({ id: second, isAccepted: true })

    await threadPost(id, asker, { intent: 'accept', answerId: String(first) })
    data = await pageData(id)
    expect(data.page.answers[0]).toMatchObject({ id: first, isAccepted: true })
    expect(data.page.answers.filter((x) => x.isAccepted)).toHaveLength(1)

    await threadPost(id, asker, { intent: 'unaccept', answerId: String(first) })
    data = await pageData(id)
    expect(data.page.question.status).toBe('answered')
    expect(eventsOf(id).filter((e) => e.startsWith('answer.'))).toEqual([
      'answer.created',
      'answer.created',
      'answer.accepted',
      'answer.unaccepted',
      'answer.accepted',
      'answer.unaccepted',
    ])
    // Accepting twice in a row is one acceptance, not two.
    await threadPost(id, asker, { intent: 'accept', answerId: String(first) })
    await threadPost(id, asker, { intent: 'accept', answerId: String(first) })
    expect(eventsOf(id).filter((e) => e === 'answer.accepted')).toHaveLength(3)
    expect(db.select().from(users).where(eq(users.id, a.id)).get()!.reputation).toBe(15)
  })

  it('forbids other members from accepting but lets a moderator do it', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    const answerId = await makeAnswer(await makeUser(), id)
    const res = await threadPost(id, await makeUser(), {
      intent: 'accept',
      answerId: String(answerId),
    })
    expect(res.status).toBe(403)
    const mod = await makeUser({ role: 'moderator' })
    expect(
      (await threadPost(id, mod, { intent: 'accept', answerId: String(answerId) })).status,
    ).toBe(302)
    expect((await pageData(id)).page.question.status).toBe('solved')
  })
})

describe('votes', () => {
  it('keeps one vote per person that can be changed or withdrawn', async () => {
    const asker = await makeUser()
    const voter = await makeUser()
    const id = await makeQuestion(asker)
    const answerId = await makeAnswer(await makeUser(), id)
    const vote = (value: string) =>
      threadPost(id, voter, { intent: 'vote', postType: 'answer', postId: String(answerId), value })
    await vote('1')
    await vote('1')
    expect((await pageData(id)).page.answers[0].score).toBe(1)
    await vote('-1')
    expect((await pageData(id, voter)).page.answers[0]).toMatchObject({ score: -1, myVote: -1 })
    await vote('0')
    expect((await pageData(id)).page.answers[0].score).toBe(0)
  })

  it('refuses a vote on your own post', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    const res = await threadPost(id, asker, {
      intent: 'vote',
      postType: 'question',
      postId: String(id),
      value: '1',
    })
    expect(res.status).toBe(403)
  })
})

describe('visibility', () => {
  it('answers 404 for hidden and deleted questions to the public, like unknown ones', async () => {
    const asker = await makeUser()
    const hidden = await makeQuestion(asker)
    const deleted = await makeQuestion(asker, { title: 'Another question about beans' })
    const moderator = await makeUser({ role: 'moderator' })
    hideQuestion(moderator, hidden, { reason: 'spam', note: '' })
    deleteQuestion(asker, deleted, { reason: 'no-longer-needed', note: '' })
    expect((await page(hidden)).status).toBe(404)
    expect((await page(deleted)).status).toBe(404)
    expect((await page(99999)).status).toBe(404)
    expect((await page(hidden, await makeUser({ role: 'moderator' }))).status).not.toBe(404)
    const list = (await (
      await listLoader({ request: await request('/questions'), params: {}, context } as never)
    ).json()) as {
      result: { total: number }
    }
    expect(list.result.total).toBe(0)
  })
})

describe('editing and history', () => {
  it('records each edit as a revision anyone can read, with what changed', async () => {
    const asker = await makeUser({ role: 'helper' })
    const id = await makeQuestion(asker)
    const res = await run(editAction, {
      request: await request(`/questions/${id}/edit`, asker, {
        form: {
          title: 'My order has not arrived after ten days',
          body: 'I ordered beans last week and the tracking has not moved since Monday. Order KN-77.',
          category: 'orders-shipping',
          tags: 'shipping tracking',
          comment: 'added the order number',
        },
      }),
      params: { questionId: String(id) },
      context,
    } as never)
    expect(res.status).toBe(302)
    const history = (await (
      await run(historyLoader, {
        request: await request(`/questions/${id}/revisions`),
        params: { questionId: String(id) },
        context,
      } as never)
    ).json()) as {
      revisions: { number: number; comment: string; bodyDiff: { kind: string; text: string }[] }[]
    }
    expect(history.revisions.map((r) => r.number)).toEqual([2, 1])
    expect(history.revisions[0].comment).toBe('added the order number')
    expect(history.revisions[0].bodyDiff).toContainEqual({ kind: 'added', text: ' Order KN-77.' })
    expect(eventsOf(id)).toContain('question.edited')
  })

  it("forbids editing someone else's question", async () => {
    const id = await makeQuestion(await makeUser())
    const res = await run(editAction, {
      request: await request(`/questions/${id}/edit`, await makeUser(), {
        form: {
          title: 'Vandalised title here',
          body: 'x'.repeat(30),
          category: 'orders-shipping',
          tags: 'shipping',
        },
      }),
      params: { questionId: String(id) },
      context,
    } as never)
    expect(res.status).toBe(403)
  })
})

describe('question list', () => {
  it('filters by status, category and tag, sorts by votes and paginates by 20', async () => {
    const asker = await makeUser({ role: 'helper' })
    makeCategory('brewing-help', 'Brewing help')
    const ids: number[] = []
    for (let i = 0; i < 23; i++)
      ids.push(
        await makeQuestion(asker, {
          title: `Question number ${i} about coffee`,
          tags: i % 2 ? ['v60'] : ['shipping'],
        }),
      )
    const brewing = await makeQuestion(asker, {
      title: 'Grind size for a V60 pour-over',
      category: 'brewing-help',
      tags: ['v60'],
    })
    await makeAnswer(await makeUser(), ids[3])
    write((tx) => tx.update(questions).set({ score: 9 }).where(eq(questions.id, ids[5])).run())

    const list = async (qs: string) =>
      (await (
        await listLoader({
          request: await request(`/questions?${qs}`),
          params: {},
          context,
        } as never)
      ).json()) as {
        result: {
          total: number
          page: number
          pageCount: number
          items: { id: number; tags: string[] }[]
        }
      }
    const all = await list('')
    expect(all.result).toMatchObject({ total: 24, pageCount: 2 })
    expect(all.result.items).toHaveLength(20)
    expect((await list('page=2')).result.items).toHaveLength(4)
    expect((await list('status=answered')).result.items.map((q) => q.id)).toEqual([ids[3]])
    expect((await list('category=brewing-help')).result.items.map((q) => q.id)).toEqual([brewing])
    expect((await list('tag=v60')).result.total).toBe(12)
    expect((await list('sort=votes')).result.items[0].id).toBe(ids[5])
  })

  async function listPage(qs: string) {
    const res = await run(listLoader, {
      request: await request(`/questions?${qs}`),
      params: {},
      context,
    } as never)
    return {
      status: res.status,
      data: (await res.json()) as {
        rejected: { name: string; value: string }[]
        result: { items: { id: number; excerpt: string }[] }
      },
    }
  }

  it('lists as unanswered only open threads nobody but the asker has answered', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const waiting = await makeQuestion(asker, { title: 'Nobody has answered this one' })
    const followedUp = await makeQuestion(asker, { title: 'Only the asker added details' })
    await makeAnswer(asker, followedUp, 'Adding the order number: KN 25412.')
    const answered = await makeQuestion(asker, { title: 'A helper answered this one' })
    await makeAnswer(helper, answered, 'Here is how.')
    const original = await makeQuestion(asker, { title: 'The original of a duplicate' })
    const duplicate = await makeQuestion(asker, { title: 'Closed as a duplicate of it' })
    closeAsDuplicate(helper, duplicate, String(original))

    const { status, data } = await listPage('status=open')
    expect(status).toBe(200)
    expect(data.result.items.map((q) => q.id).sort((a, b) => a - b)).toEqual(
      [waiting, followedUp, original].sort((a, b) => a - b),
    )
  })

  it('says which filter values it does not know instead of silently showing everything', async () => {
    await makeQuestion(await makeUser())
    const { status, data } = await listPage('status=weird&category=no-such-place&sort=sideways')
    expect(status).toBe(400)
    expect(data.rejected).toEqual([
      { name: 'category', value: 'no-such-place' },
      { name: 'status', value: 'weird' },
      { name: 'sort', value: 'sideways' },
    ])
    expect(data.result.items).toHaveLength(1)
  })

  it('shows each question’s opening as plain words, markdown read, nothing dropped', async () => {
    await makeQuestion(await makeUser(), {
      title: 'Payment shows as failed in the app',
      body: 'The payment was _successful_ on my side but **Order KN 25412** still says `unpaid`.',
    })
    const { data } = await listPage('')
    expect(data.result.items[0].excerpt).toBe(
      'The payment was successful on my side but Order KN 25412 still says unpaid.',
    )
  })
})

describe('query counts', () => {
  it('renders a question page in the same number of statements with 1 or 20 answers', async () => {
    const asker = await makeUser()
    const viewer = await makeUser()
    const small = await makeQuestion(asker)
    await makeAnswer(await makeUser(), small)
    const big = await makeQuestion(asker, { title: 'A question with many answers' })
    for (let i = 0; i < 20; i++) await makeAnswer(await makeUser(), big, `Answer ${i}`)
    const count = async (id: number) => {
      const slug = (await page(id, viewer)).headers.get('Location')!.split('/').pop()!
      const req = await request(`/questions/${id}/${slug}`, viewer)
      const args = { request: req, params: { questionId: String(id), slug }, context } as never
      await run(threadLoader, args) // the first view is counted once, with a write
      statementCounter.count = 0
      // In a request's scope, as server.ts runs every request: who is signed in and their
      // language are read once, whichever loader asks first.
      const res = await runInRequestScope(() => run(threadLoader, args))
      expect(res.status).toBe(200)
      return statementCounter.count
    }
    const one = await count(small)
    const twenty = await count(big)
    expect(twenty).toBe(one)
    // session + user (2), the language the account chose, for the page's title (1; in a whole
    // page the root loader has asked it already), question, answers, tags, the viewer's votes,
    // KB links (5), similar questions: newest id for the cache key and their current rows (2),
    // whether the viewer has unread notifications about this question, which the page marks
    // read (1), its open escalation, for "Our team is looking at this" (1), and whether the
    // viewer follows it, for the follow button (1)
    expect(twenty).toBe(13)
  })
})

describe('safe redirects', () => {
  it('only allows paths on this site', () => {
    expect(safeRedirect('/questions/1')).toBe('/questions/1')
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\t/evil.example',
      '/\\evil.example',
      null,
    ])
      expect(safeRedirect(bad)).toBe('/')
  })
})

it('stores no answer rows for a question that does not exist', async () => {
  const res = await threadPost(4242, await makeUser(), { intent: 'answer', body: 'Hello there' })
  expect(res.status).toBe(404)
  expect(
    db
      .select()
      .from(answers)
      .where(and(eq(answers.questionId, 4242)))
      .all(),
  ).toHaveLength(0)
})
