import { describe, expect, it } from 'vitest'
import { deleteAnswer } from '~/modules/moderation/posts.server'
import { countUnread, listNotifications } from '~/modules/notifications/notifications.server'
import { loader as threadLoader } from '~/routes/questions.$questionId.($slug)'
import { loader as rootLoader } from '~/root'
import { setClock } from '~/utils/clock.server'
import { callRoute, context, makeAnswer, makeQuestion, makeUser, request } from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const MINUTE = 60_000

describe('notifications', () => {
  it('group several answers to one question into one entry that links to the first unread answer', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser()
    const id = await makeQuestion(asker, { title: 'Grinder makes a squeaking noise' })
    const answerers = [await makeUser(), await makeUser(), await makeUser()]
    const answerIds: number[] = []
    for (const a of answerers) {
      advance(MINUTE)
      answerIds.push(await makeAnswer(a, id, `Answer from ${a.displayName}`))
    }
    const entries = listNotifications(asker.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      type: 'question.answered',
      count: 3,
      unread: true,
      answerId: answerIds[0],
      question: { id, title: 'Grinder makes a squeaking noise' },
    })
    // The newest first in the names.
    expect(entries[0].actors.map((a) => a.displayName)).toEqual(
      answerers.map((a) => a.displayName).reverse(),
    )
    expect(countUnread(asker.id)).toBe(1)
  })

  it('forget an answer that was deleted', async () => {
    const asker = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    const id = await makeQuestion(asker)
    const spam = await makeAnswer(await makeUser(), id, 'Buy cheap followers here')
    expect(countUnread(asker.id)).toBe(1)
    deleteAnswer(moderator, spam, { reason: 'spam', note: '' })
    expect(listNotifications(asker.id)).toEqual([])
    expect(countUnread(asker.id)).toBe(0)
  })

  it('are read by opening the question, and the header counts the rest', async () => {
    const asker = await makeUser()
    const first = await makeQuestion(asker, { title: 'First question with answers' })
    const second = await makeQuestion(asker, { title: 'Second question with answers' })
    await makeAnswer(await makeUser(), first, 'An answer to the first')
    await makeAnswer(await makeUser(), second, 'An answer to the second')
    expect(countUnread(asker.id)).toBe(2)

    // Opening the first: the header already leaves it out, the page marks it read.
    const path = `/questions/${first}/first-question-with-answers`
    const root = await callRoute(rootLoader, {
      request: await request(path, asker),
      params: {},
      context,
    })
    expect(((await root.json()) as { user: { unread: number } }).user.unread).toBe(1)
    const page = await callRoute(threadLoader, {
      request: await request(path, asker),
      params: { questionId: String(first), slug: 'first-question-with-answers' },
      context,
    })
    expect(page.status).toBe(200)
    expect(countUnread(asker.id)).toBe(1)
    expect(listNotifications(asker.id).map((n) => [n.question?.id, n.unread])).toEqual([
      [second, true],
      [first, false],
    ])
  })
})
