import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { hideQuestion, deleteQuestion } from '~/modules/moderation/posts.server'
import { listNotifications } from '~/modules/notifications/notifications.server'
import { canSee, isListed, type Actor } from '~/modules/policy/policy'
import { listed, listedSql, listedTo, visibleTo } from '~/modules/policy/visibility.server'
import { closeAsDuplicate } from '~/modules/questions/closing.server'
import { getQuestionPage } from '~/modules/questions/questions.server'
import { now } from '~/utils/clock.server'
import { db, sqlite, write } from '~/utils/db.server'
import { questions, ROLES } from '../../db/schema'
import { makeAnswer, makeQuestion, makeUser } from '../factories'

const SPAM = { reason: 'spam', note: '' } as const

describe('one visibility rule', () => {
  it('answers the same in SQL and in the policy, for every state and every viewer', async () => {
    const author = await makeUser()
    const stranger = await makeUser()
    const states = {
      plain: {},
      hidden: { hiddenAt: now() },
      deleted: { deletedAt: now() },
      private: { visibility: 'private' as const },
      privateHidden: { visibility: 'private' as const, hiddenAt: now() },
      privateDeleted: { visibility: 'private' as const, deletedAt: now() },
    }
    const ids: Record<string, number> = {}
    for (const [name, state] of Object.entries(states)) {
      const id = await makeQuestion(author, { title: `A question that is ${name} now` })
      // The states themselves, written directly: this test compares the two readings of them.
      if (Object.keys(state).length > 0)
        write((tx) => tx.update(questions).set(state).where(eq(questions.id, id)).run())
      ids[name] = id
    }
    const viewers: (Actor | null)[] = [
      null,
      author,
      stranger,
      ...ROLES.map((role) => ({ id: 999, role, reputation: 0 })),
    ]
    for (const viewer of viewers) {
      const seenBySql = new Set(
        db
          .select({ id: questions.id })
          .from(questions)
          .where(visibleTo(viewer, questions))
          .all()
          .map((r) => r.id),
      )
      // A list of the viewer's own (their profile) adds what they may open and is not removed.
      const ownListBySql = new Set(
        db
          .select({ id: questions.id })
          .from(questions)
          .where(listedTo(questions, viewer))
          .all()
          .map((r) => r.id),
      )
      for (const [name, id] of Object.entries(ids)) {
        const row = db.select().from(questions).where(eq(questions.id, id)).get()!
        expect(seenBySql.has(id), `${viewer?.role ?? 'visitor'} / ${name}`).toBe(
          canSee(viewer, row),
        )
        expect(ownListBySql.has(id), `own list: ${viewer?.role ?? 'visitor'} / ${name}`).toBe(
          canSee(viewer, row) && !row.hiddenAt && !row.deletedAt,
        )
      }
    }
    // The hand-written SQL of search says the same as `listed`.
    const listedByRawSql = sqlite
      .prepare(`select id from questions q where ${listedSql('q', 'question')}`)
      .all()
      .map((r) => (r as { id: number }).id)
    expect(listedByRawSql).toEqual([ids.plain])
    const listedBySql = db
      .select({ id: questions.id })
      .from(questions)
      .where(and(listed(questions)))
      .all()
      .map((r) => r.id)
    expect(listedBySql).toEqual([ids.plain])
    for (const id of Object.values(ids)) {
      const row = db.select().from(questions).where(eq(questions.id, id)).get()!
      expect(isListed(row)).toBe(id === ids.plain)
    }
  })

  it('never names a deleted or hidden original on its duplicate’s page', async () => {
    const helper = await makeUser({ role: 'helper' })
    const moderator = await makeUser({ role: 'moderator' })
    const original = await makeQuestion(await makeUser(), { title: 'Original with a secret title' })
    const duplicate = await makeQuestion(await makeUser(), { title: 'The duplicate of it here' })
    closeAsDuplicate(helper, duplicate, String(original))
    expect(getQuestionPage(duplicate, null, 'en')?.duplicateOf?.title).toBe(
      'Original with a secret title',
    )
    deleteQuestion(moderator, original, SPAM)
    expect(getQuestionPage(duplicate, null, 'en')?.duplicateOf).toBeNull()
    expect(getQuestionPage(duplicate, moderator, 'en')?.duplicateOf).toBeNull()
  })

  it('drops notifications about a question, answer or original nobody may list any more', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const moderator = await makeUser({ role: 'moderator' })
    const id = await makeQuestion(asker, { title: 'Private details in the title' })
    const answerId = await makeAnswer(helper, id, 'An answer')
    acceptAnswer(asker, answerId)
    expect(listNotifications(helper.id).map((n) => n.question?.title)).toEqual([
      'Private details in the title',
    ])
    hideQuestion(moderator, id, SPAM)
    expect(listNotifications(helper.id)).toEqual([])
    expect(listNotifications(asker.id)).toEqual([])

    const original = await makeQuestion(await makeUser(), { title: 'Original to be deleted' })
    const dup = await makeQuestion(asker, { title: 'Asked again by the asker' })
    closeAsDuplicate(helper, dup, String(original))
    expect(listNotifications(asker.id)[0].original?.title).toBe('Original to be deleted')
    deleteQuestion(moderator, original, SPAM)
    expect(listNotifications(asker.id)[0]).toMatchObject({
      type: 'question.closed_duplicate',
      original: null,
    })
  })
})
