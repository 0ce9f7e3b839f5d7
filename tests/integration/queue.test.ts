import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { closeAsDuplicate } from '~/modules/questions/closing.server'
import { listQueue, QUEUE_PAGE_SIZE } from '~/modules/queue/queue.server'
import { loader as queueLoader } from '~/routes/queue'
import { setClock } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { categories, escalations, follows, questions, tags } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import {
  callRoute,
  context,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
} from '../factories'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

type User = Awaited<ReturnType<typeof makeUser>>

/** Follow rows as the follow buttons will write them. */
function follow(user: User, type: 'tag' | 'category', name: string) {
  const targetId =
    type === 'tag'
      ? db.select().from(tags).where(eq(tags.name, name)).get()!.id
      : db.select().from(categories).where(eq(categories.slug, name)).get()!.id
  write((tx) => tx.insert(follows).values({ userId: user.id, targetType: type, targetId }).run())
}

/**
 * The attention columns as the escalation module keeps them: waiting since `since`, due at
 * `due` (the test states them rather than depending on the category's target).
 */
function waiting(id: number, since: Date, due: Date | null) {
  write((tx) =>
    tx
      .update(questions)
      .set({ attentionSince: since, slaDueAt: due })
      .where(eq(questions.id, id))
      .run(),
  )
}

const at = (minutes: number) => new Date(TEST_EPOCH.getTime() + minutes * MINUTE)

async function queueFixture() {
  makeCategory('orders-shipping', 'Orders & shipping')
  makeCategory('brewing-help', 'Brewing help')
  const asker = await makeUser({ role: 'helper' })
  const helper = await makeUser({ role: 'helper' })
  const ask = (title: string, category: string, tagNames: string[]) =>
    makeQuestion(asker, { title, category, tags: tagNames })
  const older = await ask('Parcel stuck at the Surabaya hub', 'orders-shipping', ['shipping'])
  const newer = await ask('Courier says address not found', 'orders-shipping', ['courier'])
  const brewing = await ask('V60 tastes sour every single morning', 'brewing-help', ['v60'])
  const grinder = await ask('Grinder squeaks at fine settings', 'brewing-help', ['grinder'])
  return { asker, helper, older, newer, brewing, grinder }
}

describe('the helpers’ queue', () => {
  it('lists what the helper follows (categories and tags), oldest wait first, with how long each waited and until escalation', async () => {
    const f = await queueFixture()
    follow(f.helper, 'category', 'orders-shipping')
    follow(f.helper, 'tag', 'v60')
    waiting(f.newer, at(30), at(30 + 8 * 60))
    waiting(f.older, at(0), at(4 * 60))
    waiting(f.brewing, at(10), at(10 + 60))
    // Needs attention, but in nothing the helper follows.
    waiting(f.grinder, at(-600), at(60))
    setClock(at(2 * 60 + 15))

    const queue = listQueue(f.helper, { page: 1 }, 'en')
    expect(queue.items.map((q) => q.id)).toEqual([f.older, f.brewing, f.newer])
    expect(queue.total).toBe(3)
    const [older, brewing, newer] = queue.items
    expect(older).toMatchObject({ waitedMs: 135 * MINUTE, dueInMs: 105 * MINUTE, timing: 'due' })
    // Its target passed 65 minutes ago and nobody has escalated it yet.
    expect(brewing).toMatchObject({ waitedMs: 125 * MINUTE, timing: 'overdue' })
    expect(brewing.dueInMs).toBe(-65 * MINUTE)
    expect(newer).toMatchObject({ waitedMs: 105 * MINUTE, dueInMs: 375 * MINUTE })
    expect(older.category.slug).toBe('orders-shipping')
    expect(brewing.tags).toEqual(['v60'])
    // An open escalation says so instead of a countdown.
    write((tx) =>
      tx
        .insert(escalations)
        .values({
          questionId: f.brewing,
          reason: 'sla',
          escalatedAt: at(71),
          level2DueAt: at(131),
        })
        .run(),
    )
    expect(listQueue(f.helper, { page: 1 }, 'en').items[1].timing).toBe('escalated')
    // The clock moves: so do the figures.
    setClock(at(4 * 60 + 30))
    expect(listQueue(f.helper, { page: 1 }, 'en').items[0]).toMatchObject({
      waitedMs: 270 * MINUTE,
      timing: 'overdue',
    })
  })

  it('narrows to one followed category or tag, and ignores one the helper does not follow', async () => {
    const f = await queueFixture()
    follow(f.helper, 'category', 'orders-shipping')
    follow(f.helper, 'tag', 'v60')
    for (const [i, id] of [f.older, f.newer, f.brewing, f.grinder].entries())
      waiting(id, at(i), at(600))
    setClock(at(60))
    const ids = (filters: { category?: string; tag?: string }) =>
      listQueue(f.helper, { page: 1, ...filters }, 'en').items.map((q) => q.id)
    expect(ids({ category: 'orders-shipping' })).toEqual([f.older, f.newer])
    expect(ids({ tag: 'v60' })).toEqual([f.brewing])
    expect(ids({ category: 'orders-shipping', tag: 'courier' })).toEqual([f.older, f.newer])
    const unfollowed = listQueue(f.helper, { page: 1, tag: 'grinder' }, 'en')
    expect(unfollowed.rejected).toEqual(['tag'])
    expect(unfollowed.items.map((q) => q.id)).toEqual([f.older, f.newer, f.brewing])
  })

  it('leaves out private, solved, closed, hidden and answered questions', async () => {
    const f = await queueFixture()
    follow(f.helper, 'category', 'orders-shipping')
    follow(f.helper, 'category', 'brewing-help')
    const privateId = await makeQuestion(f.asker, {
      title: 'Refund for order KN-1234 to my card',
      category: 'orders-shipping',
      visibility: 'private',
    })
    const hiddenId = await makeQuestion(f.asker, {
      title: 'Cheap beans here, click this link',
      category: 'brewing-help',
    })
    hideQuestion(await makeUser({ role: 'moderator' }), hiddenId, { reason: 'spam', note: '' })
    for (const id of [f.older, f.newer, f.brewing, f.grinder, privateId, hiddenId])
      waiting(id, at(0), at(600))
    const listedNow = listQueue(f.helper, { page: 1 }, 'en').items.map((q) => q.id)
    expect(listedNow).not.toContain(privateId)
    expect(listedNow).not.toContain(hiddenId)

    // Solved through the real commands: the attention columns follow.
    const answerId = await makeAnswer(f.helper, f.older, 'Ask JNE to re-scan it.')
    acceptAnswer(f.asker, answerId)
    // Closed as a duplicate of another.
    closeAsDuplicate(f.helper, f.newer, String(f.brewing))
    // A stale row saying it still waits is not trusted for a solved or closed question.
    waiting(f.older, at(0), at(600))
    waiting(f.newer, at(0), at(600))
    expect(listQueue(f.helper, { page: 1 }, 'en').items.map((q) => q.id)).toEqual([
      f.brewing,
      f.grinder,
    ])
    // A response ends the wait (the escalation module clears the columns).
    await makeAnswer(await makeUser(), f.grinder, 'Oil the burr shaft lightly.')
    expect(listQueue(f.helper, { page: 1 }, 'en').items.map((q) => q.id)).toEqual([f.brewing])
  })

  it('pages through a long queue', async () => {
    makeCategory('orders-shipping', 'Orders & shipping')
    const asker = await makeUser({ role: 'helper' })
    const helper = await makeUser({ role: 'helper' })
    const ids: number[] = []
    for (let i = 0; i < QUEUE_PAGE_SIZE + 3; i++) {
      const id = await makeQuestion(asker, { title: `Parcel number ${i + 1} has not moved` })
      waiting(id, at(i), null)
      ids.push(id)
    }
    follow(helper, 'category', 'orders-shipping')
    setClock(at(HOUR / MINUTE))
    const second = listQueue(helper, { page: 2 }, 'en')
    expect(second).toMatchObject({ total: QUEUE_PAGE_SIZE + 3, page: 2, pageCount: 2 })
    expect(second.items.map((q) => q.id)).toEqual(ids.slice(QUEUE_PAGE_SIZE))
    expect(second.items[0]).toMatchObject({ dueInMs: null, timing: 'no-target' })
    // Past the end: the last page.
    expect(listQueue(helper, { page: 9 }, 'en').page).toBe(2)
  })

  it('is for helpers and up, and tells a helper who follows nothing where to start', async () => {
    makeCategory()
    const member = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const get = async (who: User | null, query = '') =>
      callRoute(queueLoader, {
        request: await request(`/queue${query}`, who),
        params: {},
        context,
      } as never)
    expect((await get(null)).status).toBe(302)
    expect((await get(member)).status).toBe(403)
    const res = await get(helper, '?category=%3Cscript%3E&tag=x&page=-4')
    expect(res.status).toBe(200)
    const data = (await res.json()) as {
      queue: { items: unknown[]; followed: { categories: unknown[]; tags: unknown[] } }
    }
    expect(data.queue).toMatchObject({ items: [], followed: { categories: [], tags: [] } })
  })
})
