import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { escalateByHand } from '~/modules/escalation/escalate.server'
import { listCandidates } from '~/modules/kb/promotion.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { listNotifications } from '~/modules/notifications/notifications.server'
import { follow } from '~/modules/notifications/follows.server'
import { listQuestions } from '~/modules/questions/questions.server'
import { closeAsDuplicate } from '~/modules/questions/closing.server'
import { searchThreads } from '~/modules/search/thread-search.server'
import { castVote } from '~/modules/votes/votes.server'
import { loader as auditLoader } from '~/routes/audit'
import {
  action as threadAction,
  loader as threadLoader,
} from '~/routes/questions.$questionId.($slug)'
import { db } from '~/utils/db.server'
import {
  answers,
  escalations,
  events,
  follows,
  kbCandidates,
  questions,
  revisions,
} from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
  makeAnswer,
  makeQuestion,
  makeUser,
  request,
  type TestUser,
} from '../factories'

const found = (query: string) => {
  const result = searchThreads(query)
  return result.ok ? result.items.map((i) => i.id) : []
}

function post(user: TestUser, questionId: number, form: Record<string, string>) {
  return request(`/questions/${questionId}/x`, user, { form }).then((req) =>
    callRoute(threadAction, {
      request: req,
      params: { questionId: String(questionId), slug: 'x' },
      context,
    }),
  )
}

function open(user: TestUser | null, questionId: number, slug = 'any-old-slug') {
  return request(`/questions/${questionId}/${slug}`, user).then((req) =>
    callRoute(threadLoader, {
      request: req,
      params: { questionId: String(questionId), slug },
      context,
    }),
  )
}

const row = (id: number) => db.select().from(questions).where(eq(questions.id, id)).get()!

async function setup() {
  const asker = await makeUser()
  const otherAsker = await makeUser()
  const helper = await makeUser({ role: 'helper' })
  const voter = await makeUser()
  const moderator = await makeUser({ role: 'moderator' })
  const originalId = await makeQuestion(asker, {
    title: 'Grinder squeaks when grinding dark roast',
    body: 'My hand grinder squeaks loudly with dark roast beans.',
  })
  const duplicateId = await makeQuestion(otherAsker, {
    title: 'Squeaking noise from my coffee grinder',
    body: 'There is a squeaking noise every time I grind espresso beans.',
  })
  const first = await makeAnswer(helper, originalId, 'Clean the burrs with a dry brush.')
  const moved = await makeAnswer(
    helper,
    duplicateId,
    'A drop of food-grade oil on the axle stops it.',
  )
  return { asker, otherAsker, helper, voter, moderator, originalId, duplicateId, first, moved }
}

describe('merging a duplicate into its original', () => {
  it('moves the answers with their authors, votes and revisions, and fixes both counts', async () => {
    const t = await setup()
    castVote(t.voter, 'answer', t.moved, 1)
    acceptAnswer(t.otherAsker, t.moved)
    expect(row(t.duplicateId).status).toBe('solved')

    const res = await post(t.moderator, t.duplicateId, {
      intent: 'merge',
      mergeInto: `/questions/${t.originalId}/grinder-squeaks`,
      mergeNote: 'Same grinder noise',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(
      `/questions/${t.originalId}/grinder-squeaks-when-grinding-dark-roast#answers`,
    )

    const moved = db.select().from(answers).where(eq(answers.id, t.moved)).get()!
    expect(moved).toMatchObject({ questionId: t.originalId, authorId: t.helper.id, score: 1 })
    expect(
      db.select().from(revisions).where(eq(revisions.postId, t.moved)).all().length,
    ).toBeGreaterThan(0)
    // the original: both answers, answered (its own asker has accepted nothing)
    expect(row(t.originalId)).toMatchObject({ answerCount: 2, status: 'answered' })
    expect(row(t.duplicateId)).toMatchObject({
      mergedIntoId: t.originalId,
      duplicateOfId: t.originalId,
      closedReason: 'duplicate',
      answerCount: 0,
      status: 'open',
      acceptedAnswerId: null,
      slaDueAt: null,
    })
    expect(row(t.duplicateId).closedAt).not.toBeNull()
    // the answerer keeps what the acceptance earned: nobody took it back
    const unaccepted = db
      .select()
      .from(events)
      .where(and(eq(events.type, 'answer.unaccepted'), eq(events.answerId, t.moved)))
      .all()
    expect(unaccepted).toEqual([])
    const merged = db.select().from(events).where(eq(events.type, 'question.merged')).get()!
    expect(merged).toMatchObject({
      questionId: t.duplicateId,
      actorId: t.moderator.id,
      data: {
        originalId: t.originalId,
        answerIds: [t.moved],
        unacceptedAnswerId: t.moved,
        note: 'Same grinder noise',
      },
    })

    // the original's page shows the moved answer
    const page = (await (await open(null, t.originalId, 'x')).json().catch(() => null)) as null
    expect(page).toBeNull() // a wrong slug is a redirect, not a page
    const canonical = await open(null, t.originalId, 'grinder-squeaks-when-grinding-dark-roast')
    const data = (await canonical.json()) as { page: { answers: { id: number }[] } }
    expect(data.page.answers.map((a) => a.id).sort()).toEqual([t.first, t.moved].sort())
  })

  it("redirects the duplicate's URL, whatever its slug, permanently to the original", async () => {
    const t = await setup()
    await post(t.moderator, t.duplicateId, { intent: 'merge', mergeInto: String(t.originalId) })
    for (const slug of ['squeaking-noise-from-my-coffee-grinder', 'anything', ''])
      for (const viewer of [null, t.otherAsker, t.moderator]) {
        const res = await open(viewer, t.duplicateId, slug)
        expect(res.status).toBe(301)
        expect(res.headers.get('Location')).toBe(
          `/questions/${t.originalId}/grinder-squeaks-when-grinding-dark-roast`,
        )
      }
    // a second merge of the same question finds nothing to merge
    expect(
      (await post(t.moderator, t.duplicateId, { intent: 'merge', mergeInto: '1' })).status,
    ).toBe(404)
  })

  it('takes the duplicate out of the list and the search index, and keeps the original in', async () => {
    const t = await setup()
    expect(found('squeaking noise')).toContain(t.duplicateId)
    await post(t.moderator, t.duplicateId, { intent: 'merge', mergeInto: String(t.originalId) })
    const listed = listQuestions({ page: 1, sort: 'newest' }, 'en').items.map((q) => q.id)
    expect(listed).toContain(t.originalId)
    expect(listed).not.toContain(t.duplicateId)
    expect(found('squeak grinder')).toContain(t.originalId)
    expect(found('squeaking noise')).not.toContain(t.duplicateId)
    expect(found('espresso')).toEqual([])
  })

  it('ends the escalation of the duplicate and tells its asker and followers where it went', async () => {
    const t = await setup()
    const follower = await makeUser()
    follow(follower, { type: 'question', id: t.duplicateId })
    escalateByHand(t.moderator, t.duplicateId, 'Customer waiting for a reply')
    await post(t.moderator, t.duplicateId, { intent: 'merge', mergeInto: String(t.originalId) })

    const episode = db
      .select()
      .from(escalations)
      .where(eq(escalations.questionId, t.duplicateId))
      .get()!
    expect(episode.resolvedAt).not.toBeNull()
    expect(episode.resolution).toBe('closed')
    expect(row(t.duplicateId).attentionSince).toBeNull()

    for (const person of [t.otherAsker, follower]) {
      const told = listNotifications(person.id).find((n) => n.type === 'question.merged')
      expect(told?.question?.id).toBe(t.originalId)
      expect(told?.mergedTitle).toBe('Squeaking noise from my coffee grinder')
    }
    // the follower now follows the original
    expect(
      db
        .select()
        .from(follows)
        .where(and(eq(follows.userId, follower.id), eq(follows.targetId, t.originalId)))
        .get(),
    ).toBeTruthy()
  })

  it("shows the merge in the audit log and in both threads' histories", async () => {
    const t = await setup()
    await post(t.moderator, t.duplicateId, { intent: 'merge', mergeInto: String(t.originalId) })
    for (const id of [t.duplicateId, t.originalId]) {
      const res = await callRoute(auditLoader, {
        request: await request(`/audit?question=${id}`, t.moderator),
        params: {},
        context,
      })
      const { log } = (await res.json()) as { log: { entries: { type: string }[] } }
      expect(log.entries.map((e) => e.type)).toContain('question.merged')
    }
  })

  it("moves a pending KB candidate with the duplicate's accepted answer; it waits until accepted there", async () => {
    const t = await setup()
    acceptAnswer(t.otherAsker, t.moved)
    const before = db.select().from(kbCandidates).all()
    expect(before.map((c) => c.questionId)).toEqual([t.duplicateId])
    await post(t.moderator, t.duplicateId, { intent: 'merge', mergeInto: String(t.originalId) })
    const after = db.select().from(kbCandidates).all()
    expect(after.map((c) => [c.questionId, c.answerId])).toEqual([[t.originalId, t.moved]])
    // like any candidate whose answer is not accepted, it waits out of the queue
    expect(listCandidates('en')).toEqual([])
    acceptAnswer(t.asker, t.moved)
    expect(listCandidates('en').map((c) => c.question.id)).toEqual([t.originalId])
    expect(db.select().from(kbCandidates).all()).toHaveLength(1)
  })

  it('never merges into a question readers cannot see: hidden, private, merged or unknown', async () => {
    const t = await setup()
    const hidden = await makeQuestion(t.asker, { title: 'A hidden grinder question' })
    hideQuestion(t.moderator, hidden, { reason: 'spam', note: '' })
    const privateOne = await makeQuestion(t.asker, {
      title: 'My private grinder order',
      visibility: 'private',
    })
    const staff = await makeUser({ role: 'staff' })
    for (const [into, who] of [
      [hidden, t.moderator],
      [privateOne, staff],
      [privateOne, t.moderator],
      [999999, t.moderator],
      [t.duplicateId, t.moderator],
    ] as const) {
      const res = await post(who, t.duplicateId, { intent: 'merge', mergeInto: String(into) })
      expect(res.status, `into ${into}`).toBe(400)
      const body = (await res.json()) as { fieldErrors: Record<string, string> }
      expect(errorsInEnglish(body.fieldErrors).mergeInto).toBeTruthy()
    }
    expect(row(t.duplicateId).mergedIntoId).toBeNull()
    expect(row(t.moved)).toBeTruthy()
    // and a private question's conversation is never poured into a public thread
    const res = await post(staff, privateOne, { intent: 'merge', mergeInto: String(t.originalId) })
    expect(res.status).toBe(403)
  })

  it('is for moderators: helpers, members and the asker are refused', async () => {
    const t = await setup()
    for (const who of [t.helper, t.otherAsker, t.voter]) {
      const res = await post(who, t.duplicateId, {
        intent: 'merge',
        mergeInto: String(t.originalId),
      })
      expect(res.status).toBe(403)
    }
    expect(row(t.duplicateId).mergedIntoId).toBeNull()
  })

  it('follows a duplicate of a duplicate to the first original, and re-points duplicates of the merged one', async () => {
    const t = await setup()
    const third = await makeQuestion(t.voter, { title: 'Grinder noise again' })
    closeAsDuplicate(t.moderator, third, String(t.duplicateId))
    await post(t.moderator, t.duplicateId, { intent: 'merge', mergeInto: String(t.originalId) })
    expect(row(third).duplicateOfId).toBe(t.originalId)
  })
})
