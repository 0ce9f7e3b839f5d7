import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer, unacceptAnswer } from '~/modules/answers/answers.server'
import { withEventSource } from '~/modules/events/events.server'
import { firstResponseSummary, responseTimes } from '~/modules/metrics/response-times.server'
import {
  deleteAnswer,
  deleteQuestion,
  hideAnswer,
  hideQuestion,
  restoreAnswer,
  restoreQuestion,
  unhideQuestion,
} from '~/modules/moderation/posts.server'
import { closeAsDuplicate, reopenQuestion } from '~/modules/questions/closing.server'
import { updateQuestion } from '~/modules/questions/questions.server'
import { changeRole, deleteAccount } from '~/modules/users/users.server'
import { castVote } from '~/modules/votes/votes.server'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { events, kbCandidates, notifications, questions, users } from '../../db/schema'
import { makeAnswer, makeCategory, makeQuestion, makeUser } from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const SPAM = { reason: 'spam', note: '' } as const
const MINUTE = 60_000

function timeline(questionId: number) {
  return db
    .select({ type: events.type, role: events.actorRole, data: events.data })
    .from(events)
    .where(eq(events.questionId, questionId))
    .orderBy(asc(events.id))
    .all()
    .map((e) =>
      e.type === 'question.status_changed'
        ? `${e.type} ${String(e.data?.from)}→${String(e.data?.to)} (${e.role})`
        : `${e.type} (${e.role})`,
    )
}

describe('the event log', () => {
  it('records a question’s whole life, one event per change, with who did it in what role', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const voter = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    makeCategory('returns-refunds', 'Returns & refunds')
    const original = await makeQuestion(await makeUser(), { title: 'Refund to GoPay takes long' })
    const id = await makeQuestion(asker, { title: 'Where is my GoPay refund?' })
    const answerId = await makeAnswer(helper, id, 'Refunds to GoPay take up to 3 days.')
    castVote(voter, 'answer', answerId, 1)
    acceptAnswer(asker, answerId)
    await updateQuestion(asker, id, {
      title: 'Where is my GoPay refund?',
      body: 'I cancelled order KN 25412 on Monday and the refund has not arrived.',
      category: 'returns-refunds',
      tags: ['shipping'],
    })
    unacceptAnswer(asker, answerId)
    deleteAnswer(moderator, answerId, SPAM)
    restoreAnswer(moderator, answerId)
    closeAsDuplicate(helper, id, String(original))
    reopenQuestion(helper, id)
    hideQuestion(moderator, id, SPAM)
    unhideQuestion(moderator, id)
    deleteQuestion(moderator, id, SPAM)
    restoreQuestion(moderator, id)

    expect(timeline(id)).toEqual([
      'question.created (helper)', // members ask as helpers in the factory, to create tags
      'answer.created (helper)',
      'question.status_changed open→answered (helper)',
      'vote.cast (member)',
      'answer.accepted (member)',
      'kb.candidate_queued (member)',
      'question.status_changed answered→solved (member)',
      'question.edited (member)',
      'question.recategorised (member)',
      'answer.unaccepted (member)',
      'question.status_changed solved→answered (member)',
      'answer.deleted (moderator)',
      'question.status_changed answered→open (moderator)',
      'answer.restored (moderator)',
      'question.status_changed open→answered (moderator)',
      'question.closed (helper)',
      'question.reopened (helper)',
      'question.hidden (moderator)',
      'question.unhidden (moderator)',
      'question.deleted (moderator)',
      'question.restored (moderator)',
    ])
    // The reactions followed from the events, in the same transactions.
    expect(db.select().from(kbCandidates).where(eq(kbCandidates.questionId, id)).get()).toBeTruthy()
    expect(
      db
        .select({ type: notifications.type })
        .from(notifications)
        .where(eq(notifications.questionId, id))
        .all()
        .map((n) => n.type)
        .sort(),
    ).toEqual([
      'answer.accepted',
      'question.answered',
      'question.closed_duplicate',
      // the asker's survey, once the question was first solved
      'survey.requested',
    ])
    // +10 for the upvote, +15 for the acceptance, −15 when it was undone.
    expect(db.select().from(users).where(eq(users.id, helper.id)).get()?.reputation).toBe(10)
  })

  it('keeps the actor’s role at that moment, and the actor itself after the account is deleted', async () => {
    const admin = await makeUser({ role: 'admin' })
    const person = await makeUser()
    const id = await makeQuestion(person, { title: 'Asked as a member, answered as staff' })
    changeRole(admin, person.id, 'staff')
    await makeAnswer({ ...person, role: 'staff' }, await makeQuestion(admin), 'Staff answer')
    deleteAccount(admin, person.id)

    const rows = db
      .select({ type: events.type, actorId: events.actorId, role: events.actorRole })
      .from(events)
      .where(eq(events.actorId, person.id))
      .orderBy(asc(events.id))
      .all()
    expect(rows).toEqual([
      { type: 'question.created', actorId: person.id, role: 'helper' },
      { type: 'answer.created', actorId: person.id, role: 'staff' },
      { type: 'question.status_changed', actorId: person.id, role: 'staff' },
    ])
    expect(
      db
        .select({ type: events.type, userId: events.userId, data: events.data })
        .from(events)
        .where(eq(events.actorId, admin.id))
        .all()
        .filter((e) => e.type.startsWith('user.')),
    ).toEqual([
      { type: 'user.role_changed', userId: person.id, data: { from: 'member', to: 'staff' } },
      { type: 'user.deleted', userId: person.id, data: { role: 'staff' } },
    ])
    // A tombstone: still there for the events and posts, nothing personal left, no way in.
    expect(db.select().from(users).where(eq(users.id, person.id)).get()).toMatchObject({
      displayName: 'Deleted user',
      email: `deleted-${person.id}@accounts.invalid`,
      bio: '',
    })
    expect(id).toBeGreaterThan(0)
  })
})

describe('first response time, from events alone', () => {
  it('matches the figure worked out by hand, and follows deleted answers and imports', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const staff = await makeUser({ role: 'staff' })
    const moderator = await makeUser({ role: 'moderator' })

    // Q1: answered by a helper after 30 min.
    const q1 = await makeQuestion(asker, { title: 'Question one about my order' })
    advance(30 * MINUTE)
    await makeAnswer(helper, q1, 'Answer after 30 minutes')
    // Q2: the asker's own follow-up (not a response) after 5 min, staff after 120 min.
    advance(10 * MINUTE)
    const q2 = await makeQuestion(asker, { title: 'Question two about my order' })
    advance(5 * MINUTE)
    await makeAnswer(asker, q2, 'My own follow-up')
    advance(115 * MINUTE)
    await makeAnswer(staff, q2, 'Staff answer after 120 minutes')
    // Q3: first answer after 10 min is deleted; the next, after 60 min, is the first response.
    const q3 = await makeQuestion(asker, { title: 'Question three about my order' })
    advance(10 * MINUTE)
    const early = await makeAnswer(helper, q3, 'Answer after 10 minutes, deleted later')
    advance(50 * MINUTE)
    await makeAnswer(staff, q3, 'Staff answer after 60 minutes')
    deleteAnswer(moderator, early, SPAM)
    // Q4: nobody has answered: counted apart.
    const q4 = await makeQuestion(asker, { title: 'Question four about my order' })
    // Q5: deleted question: not counted at all.
    const q5 = await makeQuestion(asker, { title: 'Question five about my order' })
    advance(MINUTE)
    await makeAnswer(helper, q5, 'Answer to a question deleted later')
    deleteQuestion(moderator, q5, SPAM)
    // Q6: answered after 200 min, but its only answer is hidden: no response.
    const q6 = await makeQuestion(asker, { title: 'Question six about my order' })
    advance(200 * MINUTE)
    hideAnswer(moderator, await makeAnswer(helper, q6, 'Hidden answer'), SPAM)
    // An imported question with an answer after 1 minute never enters live figures.
    await withEventSource('import', async () => {
      const imported = await makeQuestion(asker, { title: 'Imported question from a dump' })
      advance(MINUTE)
      await makeAnswer(helper, imported, 'Imported answer')
    })

    const range = { from: TEST_EPOCH, to: new Date(TEST_EPOCH.getTime() + 30 * 24 * 60 * MINUTE) }
    const byId = new Map(responseTimes(range).map((t) => [t.questionId, t]))
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual([q1, q2, q3, q4, q6])
    expect(byId.get(q1)!.firstResponseMs).toBe(30 * MINUTE)
    expect(byId.get(q2)!.firstResponseMs).toBe(120 * MINUTE)
    expect(byId.get(q3)!.firstResponseMs).toBe(60 * MINUTE)
    expect(byId.get(q4)!.firstResponseMs).toBeNull()
    expect(byId.get(q6)!.firstResponseMs).toBeNull()

    // By hand: responses after 30, 60 and 120 minutes → median 60, p90 (nearest rank) 120;
    // staff responded to Q2 (120) and Q3 (60) → median 90, p90 120; Q4 and Q6 wait.
    expect(firstResponseSummary(range)).toEqual({
      questions: 5,
      withoutResponse: 2,
      all: { count: 3, median: 60 * MINUTE, p90: 120 * MINUTE },
      staff: { count: 2, median: 90 * MINUTE, p90: 120 * MINUTE },
    })
  })

  it('agrees with the first response the questions table derives', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const moderator = await makeUser({ role: 'moderator' })
    const id = await makeQuestion(asker)
    advance(5 * MINUTE)
    const first = await makeAnswer(helper, id, 'First')
    advance(5 * MINUTE)
    await makeAnswer(helper, id, 'Second')
    deleteAnswer(moderator, first, SPAM)
    const range = { from: TEST_EPOCH, to: new Date(TEST_EPOCH.getTime() + 60 * MINUTE) }
    const [fromEvents] = responseTimes(range)
    const row = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(fromEvents.firstResponseMs).toBe(
      row.firstResponseAt!.getTime() - row.createdAt.getTime(),
    )
    expect(fromEvents.firstResponseMs).toBe(10 * MINUTE)
  })
})
