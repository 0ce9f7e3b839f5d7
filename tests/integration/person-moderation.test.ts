import { and, count, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer, unacceptAnswer } from '~/modules/answers/answers.server'
import { flagPost } from '~/modules/flags/flags.server'
import { deleteQuestion, hideAnswer } from '~/modules/moderation/posts.server'
import { sanctionUser } from '~/modules/moderation/sanctions.server'
import { lockQuestion } from '~/modules/moderation/threads.server'
import { closeQuestion } from '~/modules/moderation/threads.server'
import { createTemplate } from '~/modules/templates/templates.server'
import { stopAutomation } from '~/modules/templates/outcomes.server'
import { action as adminUserAction } from '~/routes/admin.users.$handle'
import { loader as auditLoader } from '~/routes/audit'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import {
  action as moderationAction,
  loader as moderationLoader,
} from '~/routes/users.$handle_.moderation'
import { db, sqlite } from '~/utils/db.server'
import {
  answers,
  events,
  questions,
  reviewItems,
  sessions,
  users,
  type EventType,
} from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  type TestUser,
} from '../factories'

async function onPerson(viewer: TestUser, person: TestUser, form: Record<string, string>) {
  return callRoute(moderationAction, {
    request: await request(`/users/${person.handle}/moderation`, viewer, { form }),
    params: { handle: person.handle },
    context,
  })
}

async function onThread(viewer: TestUser, questionId: number, form: Record<string, string>) {
  return callRoute(threadAction, {
    request: await request(`/questions/${questionId}/x`, viewer, { form }),
    params: { questionId: String(questionId), slug: 'x' },
    context,
  })
}

type Entry = { type: string; actor: { handle: string } | null; reason: { note: string } }

async function auditEntries(viewer: TestUser, query = ''): Promise<Entry[]> {
  const res = await callRoute(auditLoader, {
    request: await request(`/audit${query}`, viewer),
    params: {},
    context,
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { log: { entries: Entry[] } }).log.entries
}

async function personHistory(viewer: TestUser, person: TestUser): Promise<Entry[]> {
  const res = await callRoute(moderationLoader, {
    request: await request(`/users/${person.handle}/moderation`, viewer),
    params: { handle: person.handle },
    context,
  })
  return ((await res.json()) as { history: Entry[] }).history
}

const lastData = (type: EventType) =>
  db.select().from(events).where(eq(events.type, type)).orderBy(desc(events.id)).get()?.data

async function spammerWithPosts() {
  makeCategory()
  const asker = await makeUser()
  const spammer = await makeUser({ handle: 'cheapbeans' })
  const questionId = await makeQuestion(asker)
  const ownQuestion = await makeQuestion(spammer, { title: 'Cheap followers for your coffee shop' })
  const a1 = await makeAnswer(spammer, questionId, 'Visit example.test for cheap beans today')
  const a2 = await makeAnswer(spammer, questionId, 'Best deals on example.test, buy now')
  flagPost(await makeUser(), 'answer', a1, { reason: 'spam' })
  await request('/', spammer) // a live session
  return { asker, spammer, questionId, ownQuestion, answerIds: [a1, a2] }
}

describe('delete spammer from the person’s moderation page', () => {
  it('asks for a reason, shows what it will do, and only then hides, bans and signs out', async () => {
    const { spammer, ownQuestion, answerIds } = await spammerWithPosts()
    const moderator = await makeUser({ role: 'moderator' })

    const missing = await onPerson(moderator, spammer, { intent: 'spammer', spammerReason: 'x' })
    expect(missing.status).toBe(400)
    const refused = await missing.json()
    expect(refused.values).toMatchObject({ spammerReason: 'x', form: 'spammer' })
    expect(errorsInEnglish(refused.fieldErrors).spammerReason).toBe(
      'Say why, in a few words: the person reads it',
    )

    const preview = await onPerson(moderator, spammer, {
      intent: 'spammer',
      spammerReason: 'Posts nothing but spam links',
    })
    expect(preview.status).toBe(200)
    expect((await preview.json()).spammer).toEqual({
      reason: 'Posts nothing but spam links',
      questions: 1,
      answers: 2,
      items: 1,
      banned: false,
    })
    // nothing happened yet
    expect(db.select().from(users).where(eq(users.id, spammer.id)).get()?.bannedAt).toBeNull()
    expect(db.select().from(answers).where(eq(answers.id, answerIds[1])).get()?.hiddenAt).toBeNull()

    const done = await onPerson(moderator, spammer, {
      intent: 'spammer',
      spammerReason: 'Posts nothing but spam links',
      confirm: 'yes',
    })
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/users/cheapbeans/moderation?done=spammer')
    expect(
      db.select().from(questions).where(eq(questions.id, ownQuestion)).get()?.hiddenAt,
    ).not.toBeNull()
    for (const id of answerIds)
      expect(db.select().from(answers).where(eq(answers.id, id)).get()?.hiddenAt).not.toBeNull()
    expect(db.select().from(users).where(eq(users.id, spammer.id)).get()?.bannedAt).not.toBeNull()
    expect(db.select().from(sessions).where(eq(sessions.userId, spammer.id)).all()).toHaveLength(0)
    expect(
      db
        .select({ decision: reviewItems.decision, status: reviewItems.status })
        .from(reviewItems)
        .where(eq(reviewItems.authorId, spammer.id))
        .all(),
    ).toEqual([{ decision: 'spammer', status: 'resolved' }])
    expect(lastData('user.banned')).toMatchObject({ reason: 'Posts nothing but spam links' })
    expect(lastData('question.hidden')).toMatchObject({
      reason: 'spam',
      note: 'Posts nothing but spam links',
    })
  })

  it('is for moderators over the person, and never for a silenced one', async () => {
    const { spammer } = await spammerWithPosts()
    const form = { intent: 'spammer', spammerReason: 'Spam account', confirm: 'yes' }
    for (const role of ['member', 'helper'] as const)
      expect((await onPerson(await makeUser({ role }), spammer, form)).status).toBe(403)
    const moderator = await makeUser({ role: 'moderator' })
    const colleague = await makeUser({ role: 'moderator' })
    expect((await onPerson(moderator, colleague, form)).status).toBe(403)
    sanctionUser(await makeUser({ role: 'admin' }), moderator.id, {
      kind: 'silence',
      days: '2',
      reason: 'Cooling off',
    })
    expect((await onPerson(moderator, spammer, form)).status).toBe(403)
    expect(db.select().from(users).where(eq(users.id, spammer.id)).get()?.bannedAt).toBeNull()
  })
})

describe('reasons in the audit log for steps that need none', () => {
  it('keeps the reason for lifting a sanction, a trust lock and a helper grant, in the log and the history', async () => {
    const moderator = await makeUser({ role: 'moderator', handle: 'modmira' })
    const member = await makeUser({ handle: 'budi' })
    const sanctionId = sanctionUser(moderator, member.id, {
      kind: 'silence',
      days: '3',
      reason: 'Heated thread',
    })
    const tooLong = await onPerson(moderator, member, {
      intent: 'lift',
      sanctionId: String(sanctionId),
      liftReason: 'y'.repeat(301),
    })
    expect(tooLong.status).toBe(400)
    expect((await tooLong.json()).values).toMatchObject({
      liftReason: 'y'.repeat(301),
      form: `lift-${sanctionId}`,
    })
    const lifted = await onPerson(moderator, member, {
      intent: 'lift',
      sanctionId: String(sanctionId),
      liftReason: 'Apologised in the thread',
    })
    expect(lifted.status).toBe(302)
    const locked = await onPerson(moderator, member, {
      intent: 'trust',
      level: '2',
      trustReason: 'Long-time customer, vouched for by staff',
    })
    expect(locked.status).toBe(302)
    const helper = await onPerson(moderator, member, {
      intent: 'helper',
      helper: '1',
      helperReason: 'Answers brewing questions well',
    })
    expect(helper.status).toBe(302)

    expect(lastData('user.sanction_lifted')).toMatchObject({ reason: 'Apologised in the thread' })
    const log = await auditEntries(moderator, '?user=budi')
    const note = (type: string) => log.find((e) => e.type === type)?.reason.note
    expect(note('user.sanction_lifted')).toBe('Apologised in the thread')
    expect(note('user.trust_locked')).toBe('Long-time customer, vouched for by staff')
    expect(note('user.role_changed')).toBe('Answers brewing questions well')
    const history = await personHistory(moderator, member)
    expect(history.find((e) => e.type === 'user.sanction_lifted')?.reason.note).toBe(
      'Apologised in the thread',
    )
  })

  it('keeps the reason for a role change by an admin', async () => {
    const admin = await makeUser({ role: 'admin' })
    const member = await makeUser({ handle: 'sari' })
    const change = async (reason: string) =>
      callRoute(adminUserAction, {
        request: await request('/admin/users/sari', admin, {
          form: { intent: 'role', role: 'moderator', reason },
        }),
        params: { handle: 'sari' },
        context,
      })
    const long = await change('z'.repeat(301))
    expect(long.status).toBe(400)
    expect(await long.json()).toMatchObject({ reason: 'z'.repeat(301) })
    expect(db.select().from(users).where(eq(users.id, member.id)).get()?.role).toBe('member')
    expect((await change('Runs the brewing forum on weekends')).status).toBe(302)
    expect(lastData('user.role_changed')).toEqual({
      from: 'member',
      to: 'moderator',
      reason: 'Runs the brewing forum on weekends',
    })
  })

  it('keeps the reason for restoring, showing again, unlocking and reopening a thread', async () => {
    makeCategory()
    const moderator = await makeUser({ role: 'moderator' })
    const asker = await makeUser()
    const questionId = await makeQuestion(asker)
    const answerId = await makeAnswer(await makeUser(), questionId, 'Grind finer and pour slower.')
    deleteQuestion(moderator, questionId, { reason: 'spam', note: '' })
    expect(
      (await onThread(moderator, questionId, { intent: 'restore-question', why: 'Not spam' }))
        .status,
    ).toBe(302)
    hideAnswer(moderator, answerId, { reason: 'off-topic', note: '' })
    const long = await onThread(moderator, questionId, {
      intent: 'unhide-answer',
      answerId: String(answerId),
      why: 'w'.repeat(301),
    })
    expect(long.status).toBe(400)
    expect((await long.json()).values).toMatchObject({
      why: 'w'.repeat(301),
      bringBackTarget: `answer-${answerId}`,
    })
    expect(
      (
        await onThread(moderator, questionId, {
          intent: 'unhide-answer',
          answerId: String(answerId),
          why: 'It is on topic after all',
        })
      ).status,
    ).toBe(302)
    lockQuestion(moderator, questionId, 'Cooling off')
    expect(
      (await onThread(moderator, questionId, { intent: 'unlock', unlockReason: 'Calm again' }))
        .status,
    ).toBe(302)
    closeQuestion(moderator, questionId, 'needs-details', '')
    expect(
      (await onThread(moderator, questionId, { intent: 'reopen', why: 'Details added' })).status,
    ).toBe(302)

    const log = await auditEntries(moderator, `?question=${questionId}`)
    const note = (type: string) => log.find((e) => e.type === type)?.reason.note
    expect(note('question.restored')).toBe('Not spam')
    expect(note('answer.unhidden')).toBe('It is on topic after all')
    expect(note('question.unlocked')).toBe('Calm again')
    expect(note('question.reopened')).toBe('Details added')
  })
})

describe('the audit log: accepting for the asker, and template automation', () => {
  it('lists an acceptance by a moderator, never the asker’s own', async () => {
    makeCategory()
    const asker = await makeUser({ handle: 'asker' })
    const moderator = await makeUser({ role: 'moderator', handle: 'modmira' })
    // an asker who is a moderator accepting on their own question is not moderation either
    const modAsker = await makeUser({ role: 'moderator', handle: 'modasks' })
    const q1 = await makeQuestion(asker)
    const a1 = await makeAnswer(await makeUser(), q1, 'Use a burr grinder at a medium setting.')
    const q2 = await makeQuestion(modAsker, { title: 'Which kettle pours most evenly?' })
    const a2 = await makeAnswer(await makeUser(), q2, 'A gooseneck kettle pours most evenly.')
    acceptAnswer(asker, a1)
    unacceptAnswer(asker, a1)
    acceptAnswer(modAsker, a2)
    expect(
      (await auditEntries(moderator)).filter((e) => e.type.startsWith('answer.')),
    ).toHaveLength(0)

    acceptAnswer(moderator, a1)
    unacceptAnswer(moderator, a1)
    const listed = (await auditEntries(moderator, '?kind=posts')).filter((e) =>
      e.type.startsWith('answer.'),
    )
    expect(listed.map((e) => [e.type, e.actor?.handle])).toEqual([
      ['answer.unaccepted', 'modmira'],
      ['answer.accepted', 'modmira'],
    ])
    expect(
      (await auditEntries(moderator, `?question=${q1}`)).filter((e) =>
        e.type.startsWith('answer.'),
      ),
    ).toHaveLength(2)
  })

  it('lists automation switched off by staff under settings', async () => {
    const staff = await makeUser({ role: 'staff', handle: 'stafftia' })
    const made = createTemplate(staff, {
      title: 'Parcel stuck: wait, then trace',
      category: '',
      tags: [],
      visibility: 'public',
      language: 'en',
      body: 'Hi {{asker.name|there}}, give it four working days, then send the order number.',
    })
    if (!made.ok) throw new Error('template not made')
    sqlite.prepare('update reply_templates set automatic = 1 where id = ?').run(made.id)
    stopAutomation(staff, made.id)
    const listed = await auditEntries(staff, '?kind=settings')
    expect(listed.map((e) => [e.type, e.actor?.handle])).toEqual([
      ['template.automation_changed', 'stafftia'],
    ])
    expect(
      db
        .select({ n: count() })
        .from(events)
        .where(and(eq(events.type, 'template.automation_changed')))
        .get()?.n,
    ).toBe(1)
  })
})
