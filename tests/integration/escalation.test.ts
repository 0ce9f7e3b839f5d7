import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { escalateByHand } from '~/modules/escalation/escalate.server'
import { addOverride, onCallNow, saveRota } from '~/modules/escalation/rota.server'
import { saveSla } from '~/modules/escalation/sla.server'
import { dueQuestionsQuery, sweepEscalations } from '~/modules/escalation/sweep.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { closeAsDuplicate } from '~/modules/questions/closing.server'
import { deleteAccount } from '~/modules/users/users.server'
import { now, setClock } from '~/utils/clock.server'
import { db, sqlite, write } from '~/utils/db.server'
import { isDomainError } from '~/utils/domain-errors'
import { escalations, events, notifications, outbox, questions } from '../../db/schema'
import { makeAnswer, makeCategory, makeQuestion, makeUser, type TestUser } from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const run = promisify(execFile)

/** An admin sets the category's target; every other field is the form's usual values. */
async function setTarget(
  slug: string,
  fields: Partial<Record<string, string>> & { targetMinutes?: string },
) {
  const admin = await makeUser({ role: 'admin' })
  const category = makeCategory(slug)
  const form: Record<string, string> = {
    targetHours: '0',
    targetMinutes: '0',
    level2Hours: '0',
    level2Minutes: '30',
    clock: 'always',
    timeZone: 'Asia/Jakarta',
    holidays: '',
  }
  for (const d of ['1', '2', '3', '4', '5', '6']) {
    form[`open-${d}`] = '08:00'
    form[`close-${d}`] = '20:00'
  }
  form['closed-7'] = 'on'
  const result = saveSla(admin, category.id, { ...form, ...fields } as Record<string, string>)
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors))
  return category
}

function escalationRows(questionId: number) {
  return db
    .select()
    .from(escalations)
    .where(eq(escalations.questionId, questionId))
    .orderBy(asc(escalations.id))
    .all()
}

function eventTypes(questionId: number) {
  return db
    .select({ type: events.type })
    .from(events)
    .where(eq(events.questionId, questionId))
    .orderBy(asc(events.id))
    .all()
    .map((e) => e.type)
    .filter((t) => t.startsWith('question.escalat') || t === 'question.sla_breached')
}

function escalationNotices(userId: number) {
  return db
    .select({ questionId: notifications.questionId, data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, 'question.escalated')))
    .all()
}

function questionRow(id: number) {
  return db.select().from(questions).where(eq(questions.id, id)).get()!
}

async function threeStaffOnRota() {
  const staff: TestUser[] = []
  for (let i = 0; i < 3; i++) staff.push(await makeUser({ role: 'staff' }))
  saveRota(staff[0], {
    memberIds: staff.map((s) => s.id),
    timeZone: 'Asia/Jakarta',
    handoffWeekday: 1,
    handoffTime: '09:00',
    rotationDays: 7,
    startsOn: '2026-03-02',
  })
  return staff
}

describe('escalation at the SLA boundary', () => {
  it('escalates a 24/7 question exactly when its target passes, once, to the person on call', async () => {
    // TEST_EPOCH is Monday 2 March 09:00 UTC, 16:00 in Jakarta: after the 09:00 hand-off
    const [first, second] = await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    const due = new Date(TEST_EPOCH.getTime() + HOUR)
    expect(questionRow(id)).toMatchObject({ attentionSince: TEST_EPOCH, slaDueAt: due })

    expect(sweepEscalations(new Date(due.getTime() - 1))).toEqual({
      breached: 0,
      escalated: 0,
      level1: 0,
      level2: 0,
    })
    expect(sweepEscalations(due)).toEqual({ breached: 1, escalated: 1, level1: 1, level2: 0 })
    // run twice, or again a minute later: nothing more
    expect(sweepEscalations(due).escalated).toBe(0)
    expect(sweepEscalations(new Date(due.getTime() + MINUTE)).escalated).toBe(0)

    expect(eventTypes(id)).toEqual(['question.sla_breached', 'question.escalated'])
    const [row] = escalationRows(id)
    expect(row).toMatchObject({ level: 1, reason: 'sla', onCallId: first.id, escalatedAt: due })
    expect(escalationNotices(first.id)).toEqual([
      { questionId: id, data: { level: 1, reason: 'sla', note: '', waitedMinutes: 60 } },
    ])
    expect(escalationNotices(second.id)).toEqual([])
  })

  it('counts business hours across a weekend and a holiday', async () => {
    // Saturday 7 March 19:00 in Jakarta; open Mon–Sat 08:00–20:00; Monday 9 March a holiday
    setClock(new Date('2026-03-07T12:00:00Z'))
    await setTarget('orders-shipping', {
      targetHours: '4',
      clock: 'business',
      holidays: '2026-03-09',
    })
    const id = await makeQuestion(await makeUser())
    // one hour on Saturday, three on Tuesday from 08:00: Tuesday 11:00 Jakarta, 04:00 UTC
    const due = new Date('2026-03-10T04:00:00Z')
    expect(questionRow(id).slaDueAt).toEqual(due)
    expect(sweepEscalations(new Date('2026-03-09T04:00:00Z')).escalated).toBe(0)
    expect(sweepEscalations(new Date(due.getTime() - 1)).escalated).toBe(0)
    expect(sweepEscalations(due).level1).toBe(1)
  })

  it('counts business hours across a daylight-saving change', async () => {
    // Friday 6 March 16:00 in New York (EST); clocks go forward on Sunday 8 March
    setClock(new Date('2026-03-06T21:00:00Z'))
    const category = await setTarget('orders-shipping', {
      targetHours: '2',
      clock: 'business',
      timeZone: 'America/New_York',
      'open-6': '',
      'close-6': '',
      'closed-6': 'on',
      'open-1': '09:00',
      'close-1': '17:00',
      'open-5': '09:00',
      'close-5': '17:00',
    })
    expect(category.slug).toBe('orders-shipping')
    const id = await makeQuestion(await makeUser())
    // one hour on Friday, one on Monday from 09:00 EDT (13:00 UTC): 14:00 UTC
    const due = new Date('2026-03-09T14:00:00Z')
    expect(questionRow(id).slaDueAt).toEqual(due)
    expect(sweepEscalations(new Date(due.getTime() - 1)).escalated).toBe(0)
    expect(sweepEscalations(due).escalated).toBe(1)
  })

  it('re-times waiting questions when a target changes', async () => {
    await setTarget('orders-shipping', { targetHours: '4' })
    const id = await makeQuestion(await makeUser())
    expect(questionRow(id).slaDueAt).toEqual(new Date(TEST_EPOCH.getTime() + 4 * HOUR))
    await setTarget('orders-shipping', { targetHours: '1' })
    expect(questionRow(id).slaDueAt).toEqual(new Date(TEST_EPOCH.getTime() + HOUR))
  })
})

describe('telling staff', () => {
  it('sends the person on call one e-mail for everything one sweep escalated, and one note in the app per question', async () => {
    const [onCall] = await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    for (let i = 0; i < 3; i++)
      await makeQuestion(await makeUser(), { title: `Parcel number ${i} is stuck in Cikarang` })
    sweepEscalations(new Date(TEST_EPOCH.getTime() + HOUR))
    expect(escalationNotices(onCall.id)).toHaveLength(3)
    const mails = db.select().from(outbox).where(eq(outbox.userId, onCall.id)).all()
    expect(mails.map((m) => m.subject)).toEqual(['3 questions escalated to you (level 1)'])
    expect(mails[0].text).toContain('Parcel number 2 is stuck in Cikarang')
    expect(mails[0].text).toContain('http://localhost:3000/desk')

    // a later sweep: one new question alone gets the message about that question; the three,
    // unacknowledged, go to level 2 in one more list
    await makeQuestion(await makeUser(), { title: 'Refund for a cracked V60 dripper' })
    sweepEscalations(new Date(TEST_EPOCH.getTime() + 2 * HOUR))
    const later = db.select().from(outbox).where(eq(outbox.userId, onCall.id)).all().slice(1)
    expect(later.map((m) => m.subject).sort()).toEqual([
      '3 questions escalated to you (level 2)',
      'Escalated (level 1): “Refund for a cracked V60 dripper”',
    ])
  })
})

describe('level 2', () => {
  it('goes to all staff and admins when nobody acknowledges within the delay', async () => {
    const [first, second, third] = await threeStaffOnRota()
    const admin = await makeUser({ role: 'admin' })
    await setTarget('orders-shipping', { targetHours: '1', level2Minutes: '30' })
    const id = await makeQuestion(await makeUser())
    const due = new Date(TEST_EPOCH.getTime() + HOUR)
    sweepEscalations(due)
    const level2 = new Date(due.getTime() + 30 * MINUTE)
    expect(sweepEscalations(new Date(level2.getTime() - 1)).level2).toBe(0)
    expect(sweepEscalations(level2)).toEqual({ breached: 0, escalated: 1, level1: 0, level2: 1 })
    expect(sweepEscalations(level2).level2).toBe(0)
    expect(escalationRows(id)[0]).toMatchObject({ level: 2, level2At: level2 })
    expect(eventTypes(id)).toEqual([
      'question.sla_breached',
      'question.escalated',
      'question.escalation_raised',
    ])
    for (const person of [first, second, third, admin])
      expect(escalationNotices(person.id).map((n) => n.data?.level)).toContain(2)
    // the one on call heard twice (level 1 and 2), the others once
    expect(escalationNotices(first.id)).toHaveLength(2)
    expect(escalationNotices(second.id)).toHaveLength(1)
  })

  it('does not go to level 2 once acknowledged', async () => {
    await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    const id = await makeQuestion(await makeUser())
    sweepEscalations(new Date(TEST_EPOCH.getTime() + HOUR))
    write((tx) =>
      tx
        .update(escalations)
        .set({ acknowledgedAt: now() })
        .where(eq(escalations.questionId, id))
        .run(),
    )
    expect(sweepEscalations(new Date(TEST_EPOCH.getTime() + 5 * HOUR)).level2).toBe(0)
  })
})

describe('when escalation stops, and what never escalates', () => {
  it('stops at a staff response; a community answer only stops the clock', async () => {
    const [staff] = await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    const asker = await makeUser()
    const id = await makeQuestion(asker)
    sweepEscalations(new Date(TEST_EPOCH.getTime() + HOUR))

    setClock(new Date(TEST_EPOCH.getTime() + 2 * HOUR))
    await makeAnswer(await makeUser(), id, 'Have you checked the tracking page on JNE?')
    expect(questionRow(id)).toMatchObject({ attentionSince: null, slaDueAt: null })
    expect(escalationRows(id)[0].resolvedAt).toBeNull()

    // the asker follows up: it needs attention again from that moment
    setClock(new Date(TEST_EPOCH.getTime() + 3 * HOUR))
    await makeAnswer(asker, id, 'Yes, the tracking page still shows nothing since Monday.')
    expect(questionRow(id).attentionSince).toEqual(now())

    await makeAnswer(staff, id, 'I have asked JNE to trace parcel KN-1234 and will update you.')
    expect(escalationRows(id)[0]).toMatchObject({
      resolution: 'staff_response',
      resolvedById: staff.id,
    })
    expect(questionRow(id).attentionSince).toBeNull()
    expect(eventTypes(id).at(-1)).toBe('question.escalation_resolved')
  })

  it('stops when the question is solved or closed', async () => {
    await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    const asker = await makeUser()
    const solved = await makeQuestion(asker, { title: 'Refund for a broken grinder' })
    const closed = await makeQuestion(asker, { title: 'Refund for a broken kettle' })
    const original = await makeQuestion(asker, { title: 'How refunds for broken items work' })
    sweepEscalations(new Date(TEST_EPOCH.getTime() + HOUR))
    const answer = await makeAnswer(await makeUser(), solved, 'Send a photo to the refunds desk.')
    acceptAnswer(asker, answer)
    closeAsDuplicate(await makeUser({ role: 'moderator' }), closed, String(original))
    expect(escalationRows(solved)[0].resolution).toBe('solved')
    expect(escalationRows(closed)[0].resolution).toBe('closed')
    expect(escalationRows(original)[0].resolvedAt).toBeNull()
  })

  it('never escalates imported, hidden, closed or deleted askers’ questions', async () => {
    await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    const moderator = await makeUser({ role: 'moderator' })
    const admin = await makeUser({ role: 'admin' })
    const imported = await makeQuestion(await makeUser(), { title: 'Old imported question' })
    write((tx) =>
      tx.update(questions).set({ origin: 'import' }).where(eq(questions.id, imported)).run(),
    )
    // an imported question someone answers later still never escalates
    const follow = await makeUser()
    await makeAnswer(follow, imported, 'Any news on this old question from the archive?')
    const hidden = await makeQuestion(await makeUser(), { title: 'Buy cheap followers now' })
    hideQuestion(moderator, hidden, { reason: 'spam', note: '' })
    const leaver = await makeUser()
    const orphan = await makeQuestion(leaver, { title: 'Question of someone who left' })
    deleteAccount(admin, leaver.id)
    const normal = await makeQuestion(await makeUser(), { title: 'An ordinary waiting question' })
    // the deleted asker's question is re-read when anything happens on it
    await makeAnswer(follow, orphan, 'Does anyone know what happened to this order?')

    const result = sweepEscalations(new Date(TEST_EPOCH.getTime() + 10 * HOUR))
    expect(result.escalated).toBe(1)
    expect(escalationRows(normal)).toHaveLength(1)
    for (const id of [imported, hidden, orphan]) expect(escalationRows(id)).toHaveLength(0)
  })
})

describe('escalating by hand', () => {
  it('lets helpers and moderators escalate once with a reason; members may not', async () => {
    const [onCall] = await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '4' })
    const helper = await makeUser({ role: 'helper' })
    const member = await makeUser()
    const id = await makeQuestion(await makeUser())
    const kind = (fn: () => unknown) => {
      try {
        fn()
        return 'ok'
      } catch (error) {
        return isDomainError(error) ? error.kind : 'crash'
      }
    }
    expect(kind(() => escalateByHand(member, id, 'The customer is angry'))).toBe('forbidden')
    expect(kind(() => escalateByHand(helper, id, ''))).toBe('invalid')
    expect(kind(() => escalateByHand(helper, id, 'x'.repeat(501)))).toBe('invalid')
    expect(kind(() => escalateByHand(helper, id, 'Order KN-881 was charged twice'))).toBe('ok')
    expect(kind(() => escalateByHand(helper, id, 'Charged twice!'))).toBe('conflict')
    expect(escalationRows(id)[0]).toMatchObject({
      reason: 'manual',
      note: 'Order KN-881 was charged twice',
      escalatedById: helper.id,
      onCallId: onCall.id,
    })
    // its target passes later in the same wait: the breach is recorded, no second escalation
    // (nobody acknowledged it in the meantime, so it has gone to level 2)
    const result = sweepEscalations(new Date(TEST_EPOCH.getTime() + 4 * HOUR))
    expect(result).toEqual({ breached: 1, escalated: 1, level1: 0, level2: 1 })
    expect(escalationRows(id)).toHaveLength(1)
  })
})

describe('the rota decides who hears first', () => {
  it('hands off at the boundary and honours overrides', async () => {
    const [a, b, c] = await threeStaffOnRota()
    // Monday 9 March 09:00 Jakarta (02:00 UTC) hands off from a to b
    const handoff = new Date('2026-03-09T02:00:00Z')
    expect(onCallNow(new Date(handoff.getTime() - 1)).current?.userId).toBe(a.id)
    expect(onCallNow(handoff)).toMatchObject({
      current: { userId: b.id, override: false },
      next: { userId: c.id, from: new Date('2026-03-16T02:00:00Z') },
    })
    await setTarget('orders-shipping', { targetHours: '1' })
    setClock(new Date(handoff.getTime() - HOUR))
    const id = await makeQuestion(await makeUser())
    sweepEscalations(handoff)
    expect(escalationRows(id)[0].onCallId).toBe(b.id)

    // c covers b's holiday on Tuesday (times in the rota's zone)
    addOverride(a, {
      userId: String(c.id),
      startsAt: '2026-03-10T00:00',
      endsAt: '2026-03-11T00:00',
      reason: 'b on holiday',
    })
    expect(onCallNow(new Date('2026-03-10T05:00:00Z')).current).toMatchObject({
      userId: c.id,
      override: true,
    })
    expect(onCallNow(new Date('2026-03-10T17:00:00Z')).current?.userId).toBe(b.id)
  })

  it('tells all staff when nobody is on call', async () => {
    const staff = [await makeUser({ role: 'staff' }), await makeUser({ role: 'staff' })]
    await setTarget('orders-shipping', { targetHours: '1' })
    const id = await makeQuestion(await makeUser())
    sweepEscalations(new Date(TEST_EPOCH.getTime() + HOUR))
    expect(escalationRows(id)[0].onCallId).toBeNull()
    for (const s of staff) expect(escalationNotices(s.id)).toHaveLength(1)
  })
})

describe('the sweep under failure and concurrency', () => {
  it('finishes the job after a restart halfway, escalating each question once', async () => {
    await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    const ids: number[] = []
    for (let i = 0; i < 5; i++)
      ids.push(await makeQuestion(await makeUser(), { title: `Waiting question number ${i}` }))
    const at = new Date(TEST_EPOCH.getTime() + HOUR)
    let batches = 0
    expect(() =>
      sweepEscalations(at, {
        batchSize: 2,
        afterBatch: () => {
          if (++batches === 1) throw new Error('the process died')
        },
      }),
    ).toThrow('the process died')
    expect(db.select().from(escalations).all()).toHaveLength(2)
    expect(sweepEscalations(at, { batchSize: 2 }).escalated).toBe(3)
    for (const id of ids) {
      expect(escalationRows(id)).toHaveLength(1)
      expect(eventTypes(id)).toEqual(['question.sla_breached', 'question.escalated'])
    }
  })

  it('two processes sweeping at once escalate every question exactly once', async () => {
    await threeStaffOnRota()
    await setTarget('orders-shipping', { targetHours: '1' })
    const ids: number[] = []
    for (let i = 0; i < 30; i++)
      ids.push(await makeQuestion(await makeUser(), { title: `Concurrent question ${i}` }))
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const at = new Date(TEST_EPOCH.getTime() + HOUR).toISOString()
    const sweep = () =>
      run('npx', ['tsx', 'app/jobs/run.ts', '--once', '--at', at], {
        env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH },
      })
    const outputs = await Promise.all([sweep(), sweep()])
    const lines = outputs.map((o) => o.stdout.split('\n').find((l) => l.startsWith('escalation:')))
    const counts = lines.map((l) => Number(/: (\d+) escalated/.exec(l ?? '')?.[1]))
    expect(counts[0] + counts[1]).toBe(30)
    expect(db.select().from(escalations).all()).toHaveLength(30)
    const breaches = db.select().from(events).where(eq(events.type, 'question.sla_breached')).all()
    expect(breaches).toHaveLength(30)
    expect(new Set(breaches.map((b) => b.questionId)).size).toBe(30)
    // what the command line prints, and that the events are the system's
    expect(
      lines.some((l) =>
        /^escalation: \d+ escalated \(level 1: \d+, level 2: 0\); \d+ breached$/.test(l ?? ''),
      ),
    ).toBe(true)
    expect(new Set(breaches.map((b) => b.source))).toEqual(new Set(['system']))
  }, 60_000)

  it('reads due questions through the due-time index, not a scan of every question', () => {
    const query = dueQuestionsQuery(now(), { due: -1, id: 0 }, 200).toSQL()
    const plan = sqlite.prepare(`explain query plan ${query.sql}`).all(...query.params) as {
      detail: string
    }[]
    const text = plan.map((p) => p.detail).join('\n')
    expect(text).toMatch(/SEARCH questions USING INDEX questions_sla_due_idx/)
    expect(text).not.toMatch(/SCAN questions/)
    expect(text).not.toMatch(/USE TEMP B-TREE/)
  })
})
