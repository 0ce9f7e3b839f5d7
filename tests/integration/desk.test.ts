import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../db/seed'
import {
  escalations,
  events,
  internalNotes,
  notifications,
  questions,
  users,
} from '../../db/schema'
import { countDesk, listDesk } from '~/modules/escalation/desk.server'
import { deskFilters } from '~/modules/escalation/desk-validation'
import { addNote } from '~/modules/escalation/notes.server'
import { saveRota } from '~/modules/escalation/rota.server'
import { sweepEscalations } from '~/modules/escalation/sweep.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { search } from '~/modules/search/search.server'
import { action as deskAction, loader as deskLoader } from '~/routes/desk'
import {
  action as threadAction,
  loader as threadLoader,
} from '~/routes/questions.$questionId.($slug)'
import { loader as rootLoader } from '~/root'
import { setClock } from '~/utils/clock.server'
import { db, sqlite, write } from '~/utils/db.server'
import { slugify } from '~/utils/slug'
import {
  callRoute,
  context,
  inEnglish,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  type TestUser,
} from '../factories'
import { startApp, type RunningApp } from '../setup/app'
import { TEST_EPOCH } from '../setup/integration'
import { recordStatements } from '../setup/statement-counter'
import { sessionCookie, takeLoggedErrors } from '../setup/site'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Puts a question on the desk the way the escalation module leaves it: needing attention since
 * `since`, due at `due`, and (unless `escalated` is false) with an open escalation episode.
 */
function onDesk(
  questionId: number,
  opts: {
    since?: Date
    due?: Date | null
    escalated?: boolean
    level?: 1 | 2
    reason?: 'sla' | 'manual'
    at?: Date
  } = {},
): number | null {
  const since = opts.since ?? new Date(TEST_EPOCH.getTime() - 5 * HOUR)
  const due = opts.due === undefined ? new Date(since.getTime() + 4 * HOUR) : opts.due
  return write((tx) => {
    tx.update(questions)
      .set({ attentionSince: due ? since : null, slaDueAt: due })
      .where(eq(questions.id, questionId))
      .run()
    if (opts.escalated === false) return null
    const at = opts.at ?? due ?? TEST_EPOCH
    return tx
      .insert(escalations)
      .values({
        questionId,
        level: opts.level ?? 1,
        reason: opts.reason ?? 'sla',
        escalatedAt: at,
        level2DueAt: new Date(at.getTime() + 2 * HOUR),
      })
      .returning({ id: escalations.id })
      .get().id
  })
}

async function people() {
  return {
    asker: await makeUser({ handle: 'asker' }),
    helper: await makeUser({ role: 'helper', handle: 'helper' }),
    moderator: await makeUser({ role: 'moderator', handle: 'moderator' }),
    dewi: await makeUser({ role: 'staff', handle: 'dewi' }),
    fikri: await makeUser({ role: 'staff', handle: 'fikri' }),
  }
}

async function question(asker: TestUser, title: string, category?: string) {
  const id = await makeQuestion(asker, { title, category })
  return { id, path: `/questions/${id}/${slugify(title)}` }
}

async function deskPage(user: TestUser | null, query = '') {
  return callRoute(deskLoader, {
    request: await request(`/desk${query}`, user),
    params: {},
    context,
  })
}

type DeskData = { desk: ReturnType<typeof listDesk> }
const titles = async (res: Response) =>
  ((await res.json()) as DeskData).desk.items.map((i) => i.title)

function deskPost(user: TestUser, form: Record<string, string>, query = '') {
  return request(`/desk${query}`, user, { form }).then((req) =>
    callRoute(deskAction, { request: req, params: {}, context }),
  )
}

function threadPost(user: TestUser, q: { id: number; path: string }, form: Record<string, string>) {
  return request(q.path, user, { form }).then((req) =>
    callRoute(threadAction, {
      request: req,
      params: { questionId: String(q.id), slug: q.path.split('/')[3] },
      context,
    }),
  )
}

const eventsOf = (type: string) =>
  db
    .select()
    .from(events)
    .where(eq(events.type, type as 'note.added'))
    .all()

describe('the staff desk', () => {
  it('lists escalated and waiting questions, private ones included, the most overdue first', async () => {
    const p = await people()
    const soon = await question(p.asker, 'Refund to GoPay still not in my wallet')
    const breached = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const byHand = await question(p.asker, 'Charged twice for one order of Toraja beans')
    const waiting = await question(p.asker, 'Cannot log in after changing my e-mail address')
    const answered = await question(p.asker, 'Which grind for a Vietnamese phin filter')
    const hidden = await question(p.asker, 'Spammy question about cheap followers here')
    const at = TEST_EPOCH.getTime()
    onDesk(breached.id, { since: new Date(at - 9 * HOUR), due: new Date(at - 3 * HOUR) })
    onDesk(soon.id, {
      since: new Date(at - 1 * HOUR),
      due: new Date(at + 3 * HOUR),
      escalated: false,
    })
    // Escalated by a helper before its target, two hours ago: it waits since then.
    onDesk(byHand.id, {
      since: new Date(at - 2 * HOUR),
      due: new Date(at + 2 * HOUR),
      reason: 'manual',
      at: new Date(at - 2 * HOUR),
    })
    onDesk(waiting.id, {
      since: new Date(at - 30 * MINUTE),
      due: new Date(at + 30 * MINUTE),
      escalated: false,
    })
    onDesk(hidden.id)
    hideQuestion(p.moderator, hidden.id, { reason: 'spam', note: '' })
    write((tx) =>
      tx.update(questions).set({ visibility: 'private' }).where(eq(questions.id, byHand.id)).run(),
    )
    await makeAnswer(p.helper, answered.id)

    const res = await deskPage(p.dewi)
    expect(res.status).toBe(200)
    const data = (await res.json()) as DeskData
    expect(data.desk.items.map((i) => i.title)).toEqual([
      'Parcel stuck at the Surabaya hub for days',
      'Charged twice for one order of Toraja beans',
      'Cannot log in after changing my e-mail address',
      'Refund to GoPay still not in my wallet',
    ])
    const [first, second, third] = data.desk.items
    expect(first).toMatchObject({
      breached: true,
      dueInMs: -3 * HOUR,
      waitedMs: 9 * HOUR,
      escalation: { level: 1, reason: 'sla' },
      assignee: null,
    })
    expect(second).toMatchObject({
      visibility: 'private',
      breached: true,
      dueInMs: 2 * HOUR,
      escalation: { reason: 'manual' },
    })
    expect(third).toMatchObject({ breached: false, dueInMs: 30 * MINUTE, escalation: null })
  })

  it('filters by view, category and level, as query parameters, and pages', async () => {
    const p = await people()
    makeCategory('payments-billing', 'Payments & billing')
    const mine = await question(
      p.asker,
      'Refund to GoPay still not in my wallet',
      'payments-billing',
    )
    const theirs = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const nobody = await question(p.asker, 'Courier says delivered but nothing came')
    const notYet = await question(p.asker, 'Cannot log in after changing my e-mail address')
    const mineId = onDesk(mine.id)!
    const theirsId = onDesk(theirs.id, { level: 2 })!
    onDesk(nobody.id)
    onDesk(notYet.id, { escalated: false })
    write((tx) => {
      tx.update(escalations).set({ assigneeId: p.dewi.id }).where(eq(escalations.id, mineId)).run()
      tx.update(escalations)
        .set({ assigneeId: p.fikri.id })
        .where(eq(escalations.id, theirsId))
        .run()
    })
    expect(await titles(await deskPage(p.dewi, '?show=mine'))).toEqual([
      'Refund to GoPay still not in my wallet',
    ])
    expect(await titles(await deskPage(p.dewi, '?show=unassigned'))).toEqual([
      'Courier says delivered but nothing came',
    ])
    expect((await titles(await deskPage(p.dewi, '?show=escalated'))).sort()).toEqual([
      'Courier says delivered but nothing came',
      'Parcel stuck at the Surabaya hub for days',
      'Refund to GoPay still not in my wallet',
    ])
    expect(await titles(await deskPage(p.dewi, '?show=all'))).toHaveLength(4)
    expect(await titles(await deskPage(p.dewi, '?category=payments-billing'))).toEqual([
      'Refund to GoPay still not in my wallet',
    ])
    expect(await titles(await deskPage(p.dewi, '?level=2'))).toEqual([
      'Parcel stuck at the Surabaya hub for days',
    ])
    // Nonsense in the query string is the default view, not an error.
    expect(await titles(await deskPage(p.dewi, '?show=%3Cscript%3E&level=9&page=-3'))).toHaveLength(
      4,
    )

    // 26 waiting questions: a second page.
    for (let i = 0; i < 23; i++) {
      const q = await question(p.asker, `Waiting question number ${i} about beans`)
      onDesk(q.id, { escalated: false, due: new Date(TEST_EPOCH.getTime() + (i + 10) * HOUR) })
    }
    const page2 = (await (await deskPage(p.dewi, '?page=2')).json()) as DeskData
    expect(page2.desk).toMatchObject({ page: 2, pageCount: 2, total: 27 })
    expect(page2.desk.items.map((i) => i.title)).toEqual([
      'Waiting question number 21 about beans',
      'Waiting question number 22 about beans',
    ])
  })

  it('is for staff only: others are refused by the loader and by every form', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = onDesk(q.id)!
    const anonymous = await deskPage(null)
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)
    for (const who of [p.asker, p.helper, p.moderator]) {
      expect((await deskPage(who)).status).toBe(403)
      for (const intent of ['claim', 'acknowledge', 'resolve-escalation'])
        expect((await deskPost(who, { intent, escalationId: String(id) })).status).toBe(403)
      expect((await threadPost(who, q, { intent: 'claim', escalationId: String(id) })).status).toBe(
        403,
      )
    }
    const row = db.select().from(escalations).where(eq(escalations.id, id)).get()!
    expect(row).toMatchObject({ assigneeId: null, acknowledgedAt: null, resolvedAt: null })
    expect(eventsOf('question.assigned')).toHaveLength(0)
  })
})

describe('the desk’s reads', () => {
  it('look only at what is on the desk: partial indexes, never a scan of all questions or escalations', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    onDesk(q.id)
    const statements = recordStatements(() => {
      listDesk(p.dewi, deskFilters.parse({ show: 'all' }), 'en')
      listDesk(
        p.dewi,
        deskFilters.parse({ show: 'mine', level: '1', category: 'orders-shipping' }),
        'en',
      )
      countDesk(p.dewi.id)
    })
    expect(statements.length).toBeGreaterThanOrEqual(5)
    for (const source of statements) {
      const values = Array.from({ length: (source.match(/\?/g) ?? []).length }, () => 1)
      const plan = (
        sqlite.prepare(`explain query plan ${source}`).all(...values) as { detail: string }[]
      ).map((r) => r.detail)
      for (const step of plan) {
        expect(step, source).not.toMatch(
          /^SCAN (questions|escalations)( |$)(?!USING INDEX escalations_open_unique)/,
        )
      }
    }
  })
})

describe('the desk with the escalation module', () => {
  it('lists what the sweep escalated, with who is on call now and next', async () => {
    const p = await people()
    const third = await makeUser({ role: 'staff', handle: 'sekar' })
    // TEST_EPOCH is Monday 09:00 UTC, 16:00 in Jakarta: Dewi's week has begun.
    saveRota(p.dewi, {
      memberIds: [p.dewi.id, p.fikri.id, third.id],
      timeZone: 'Asia/Jakarta',
      handoffWeekday: 1,
      handoffTime: '09:00',
      rotationDays: 7,
      startsOn: '2026-03-02',
    })
    const late = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const due = db.select().from(questions).where(eq(questions.id, late.id)).get()!.slaDueAt!
    const advance = setClock(new Date(due.getTime() + 30 * MINUTE))
    expect(sweepEscalations().escalated).toBe(1)
    advance(MINUTE)
    const fresh = await question(p.asker, 'Courier says delivered but nothing came')
    const data = (await (await deskPage(p.fikri)).json()) as DeskData & {
      onCall: { current: { handle: string } | null; next: { handle: string } | null }
    }
    expect(data.onCall).toMatchObject({ current: { handle: 'dewi' }, next: { handle: 'fikri' } })
    expect(data.desk.items.map((i) => [i.id, i.escalation?.level ?? null, i.breached])).toEqual([
      [late.id, 1, true],
      [fresh.id, null, false],
    ])
    expect(data.desk.items[0].dueInMs).toBe(-31 * MINUTE)
  })

  it('lets helpers and moderators escalate by hand from the question page, with a reason', async () => {
    const p = await people()
    const q = await question(p.asker, 'Charged twice for one order of Toraja beans')
    const empty = await threadPost(p.helper, q, { intent: 'escalate', escalateReason: '  ' })
    expect(empty.status).toBe(400)
    expect(
      await threadPost(p.asker, q, { intent: 'escalate', escalateReason: 'Please hurry' }),
    ).toHaveProperty('status', 403)
    const res = await threadPost(p.helper, q, {
      intent: 'escalate',
      escalateReason: 'Double charge on a card: only staff can refund it',
    })
    expect(res.status).toBe(302)
    const [row] = db.select().from(escalations).all()
    expect(row).toMatchObject({ reason: 'manual', escalatedById: p.helper.id })
    // A second one while it is open: a conflict, said in words.
    const again = await threadPost(p.moderator, q, {
      intent: 'escalate',
      escalateReason: 'Still waiting',
    })
    expect(again.status).toBe(409)
    const desk = (await (await deskPage(p.dewi, '?show=escalated')).json()) as DeskData
    expect(desk.desk.items).toMatchObject([{ id: q.id, escalation: { reason: 'manual' } }])
  })
})

describe('the demo community', () => {
  it('starts with a living desk: escalations by the sweep and by hand, one claimed and acknowledged, a note, three staff on the rota', async () => {
    expect(await seedDemoIfEmpty()).toBe(true)
    const dewi = db.select().from(users).where(eq(users.handle, 'dewi')).get()!
    const data = (await (
      await deskPage({ ...dewi, email: dewi.email }, '?show=escalated')
    ).json()) as DeskData & {
      onCall: { current: { handle: string } | null; next: { handle: string } | null }
    }
    const items = data.desk.items
    expect(items.length).toBeGreaterThanOrEqual(3)
    expect(items.some((i) => i.escalation?.reason === 'sla' && i.breached)).toBe(true)
    const wrongGrind = items.find(
      (i) => i.title === 'Ordered whole beans but received ground coffee',
    )
    expect(wrongGrind).toMatchObject({
      escalation: { reason: 'manual' },
      assignee: { handle: 'dewi' },
    })
    expect(wrongGrind!.escalation!.acknowledgedAt).not.toBeNull()
    expect(items.find((i) => i.title === 'Can two accounts be merged into one?')).toMatchObject({
      assignee: { handle: 'fikri' },
    })
    expect(db.select().from(internalNotes).all()).toHaveLength(1)
    expect(['dewi', 'fikri', 'sekar']).toContain(data.onCall.current?.handle)
    expect(['dewi', 'fikri', 'sekar']).toContain(data.onCall.next?.handle)
  }, 60_000)
})

describe('desk commands', () => {
  it('claim: two staff at once, one wins and the other is told who has it', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = String(onDesk(q.id))
    // Both had the desk open with nobody assigned; Dewi's click lands first.
    const dewi = await deskPost(p.dewi, { intent: 'claim', escalationId: id }, '?show=unassigned')
    expect(dewi.status).toBe(302)
    expect(dewi.headers.get('location')).toBe('/desk?show=unassigned&done=claim')
    const fikri = await deskPost(p.fikri, { intent: 'claim', escalationId: id })
    expect(fikri.status).toBe(409)
    const reply = (await fikri.json()) as { conflict: string }
    expect(inEnglish(reply.conflict)).toBe(
      `${p.dewi.displayName} already has this one. Reassign it if you should take it over.`,
    )
    expect(db.select().from(escalations).get()!.assigneeId).toBe(p.dewi.id)
    expect(eventsOf('question.assigned')).toHaveLength(1)
    // Claiming one's own again is no change, not a conflict.
    const again = await deskPost(p.dewi, { intent: 'claim', escalationId: id })
    expect(again.headers.get('location')).toBe('/desk?done=unchanged')
    expect(eventsOf('question.assigned')).toHaveLength(1)
  })

  it('assign: tells the new assignee, and refuses a reassignment made on a stale view', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = String(onDesk(q.id))
    const res = await deskPost(p.dewi, {
      intent: 'assign',
      escalationId: id,
      assigneeId: String(p.fikri.id),
      seenAssigneeId: '',
    })
    expect(res.status).toBe(302)
    expect(db.select().from(escalations).get()!.assigneeId).toBe(p.fikri.id)
    const told = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, p.fikri.id), eq(notifications.type, 'question.assigned')))
      .all()
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ questionId: q.id, actorId: p.dewi.id })
    expect(eventsOf('question.assigned')[0]).toMatchObject({
      actorId: p.dewi.id,
      questionId: q.id,
      userId: p.fikri.id,
      data: { assigneeId: p.fikri.id, previousAssigneeId: null },
    })
    // A page still showing "nobody" cannot take it from Fikri without seeing that.
    const stale = await deskPost(p.dewi, {
      intent: 'assign',
      escalationId: id,
      assigneeId: String(p.dewi.id),
      seenAssigneeId: '',
    })
    expect(stale.status).toBe(409)
    // Only staff can be given one.
    const toMember = await deskPost(p.dewi, {
      intent: 'assign',
      escalationId: id,
      assigneeId: String(p.asker.id),
      seenAssigneeId: String(p.fikri.id),
    })
    expect(toMember.status).toBe(400)
    expect(db.select().from(escalations).get()!.assigneeId).toBe(p.fikri.id)
  })

  it('acknowledge: the asker is told, and everyone who can see the question reads that the team is on it', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = String(onDesk(q.id))
    const page = async (user: TestUser | null) => {
      const res = await callRoute(threadLoader, {
        request: await request(q.path, user),
        params: { questionId: String(q.id), slug: q.path.split('/')[3] },
        context,
      })
      return (await res.json()) as { escalation: { acknowledged: boolean; escalation: unknown } }
    }
    expect((await page(p.asker)).escalation.acknowledged).toBe(false)
    const res = await threadPost(p.fikri, q, { intent: 'acknowledge', escalationId: id })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`${q.path}#escalation`)
    for (const who of [p.asker, null, p.helper]) {
      const seen = await page(who)
      expect(seen.escalation.acknowledged).toBe(true)
      // Who has it and why is for staff.
      expect(seen.escalation.escalation).toBeNull()
    }
    expect((await page(p.dewi)).escalation.escalation).toMatchObject({
      acknowledgedBy: p.fikri.displayName,
    })
    expect(
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, p.asker.id),
            eq(notifications.type, 'question.acknowledged'),
          ),
        )
        .all(),
    ).toHaveLength(1)
    expect(eventsOf('question.acknowledged')).toHaveLength(1)
    // Dewi acknowledging from a page that did not show Fikri's: a conflict naming him.
    const late = await threadPost(p.dewi, q, { intent: 'acknowledge', escalationId: id })
    expect(late.status).toBe(409)
    expect(inEnglish(((await late.json()) as { conflict: string }).conflict)).toBe(
      `${p.fikri.displayName} acknowledged it already.`,
    )
  })

  it('resolve by hand: the episode ends once, with its event, and leaves the escalated list', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = String(onDesk(q.id))
    expect(
      (await deskPost(p.dewi, { intent: 'resolve-escalation', escalationId: id })).status,
    ).toBe(302)
    expect(db.select().from(escalations).get()).toMatchObject({
      resolvedById: p.dewi.id,
      resolution: 'resolved',
    })
    expect(eventsOf('question.escalation_resolved')[0]).toMatchObject({
      actorId: p.dewi.id,
      questionId: q.id,
      data: { resolution: 'resolved' },
    })
    const second = await deskPost(p.fikri, { intent: 'resolve-escalation', escalationId: id })
    expect(second.status).toBe(409)
    expect(await titles(await deskPage(p.dewi, '?show=escalated'))).toEqual([])
    // An episode of another question is not on this page.
    const other = await question(p.asker, 'Courier says delivered but nothing came')
    const otherId = String(onDesk(other.id))
    expect((await threadPost(p.dewi, q, { intent: 'claim', escalationId: otherId })).status).toBe(
      404,
    )
  })
})

describe('internal notes', () => {
  it('staff and moderators write and read them; a resent form adds one note; only the author deletes', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const key = 'note-key-0123456789abcdef'
    const form = {
      intent: 'add-note',
      internalNote: 'Courier **JNE** confirmed a lost parcel.',
      submissionKey: key,
    }
    expect((await threadPost(p.dewi, q, form)).status).toBe(302)
    expect((await threadPost(p.dewi, q, form)).status).toBe(302)
    expect(
      (
        await threadPost(p.moderator, q, {
          intent: 'add-note',
          internalNote: 'Asker is a regular.',
        })
      ).status,
    ).toBe(302)
    const notes = db.select().from(internalNotes).all()
    expect(notes).toHaveLength(2)
    expect(notes[0].bodyHtml).toContain('<strong>JNE</strong>')
    expect(eventsOf('note.added')).toHaveLength(2)

    // Too long: a 400 that keeps what was typed.
    const long = 'x'.repeat(5001)
    const tooLong = await threadPost(p.dewi, q, { intent: 'add-note', internalNote: long })
    expect(tooLong.status).toBe(400)
    const reply = (await tooLong.json()) as {
      fieldErrors: { internalNote: string }
      values: { internalNote: string }
    }
    expect(inEnglish(reply.fieldErrors.internalNote)).toBe('Notes are at most 5000 characters.')
    expect(reply.values.internalNote).toBe(long)
    expect((await threadPost(p.dewi, q, { intent: 'add-note', internalNote: '   ' })).status).toBe(
      400,
    )

    // Members and helpers may not write them.
    for (const who of [p.asker, p.helper])
      expect(
        (await threadPost(who, q, { intent: 'add-note', internalNote: 'Let me in' })).status,
      ).toBe(403)

    // Fikri may not delete Dewi's note; Dewi may.
    const dewisNote = String(notes[0].id)
    expect(
      (await threadPost(p.fikri, q, { intent: 'delete-note', noteId: dewisNote })).status,
    ).toBe(403)
    expect(
      (await threadPost(p.asker, q, { intent: 'delete-note', noteId: dewisNote })).status,
    ).toBe(403)
    expect((await threadPost(p.dewi, q, { intent: 'delete-note', noteId: dewisNote })).status).toBe(
      302,
    )
    expect(
      db.select().from(internalNotes).where(eq(internalNotes.id, notes[0].id)).get()!.deletedAt,
    ).not.toBeNull()
    expect(eventsOf('note.deleted')).toHaveLength(1)
  })

  it('are never found by search', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    await addNote(p.dewi, q.id, 'Zanzibarite warehouse mixup, refund quietly')
    const found = await search({ q: 'zanzibarite', type: 'threads' })
    expect(found.status === 'ok' ? found.total : 0).toBe(0)
    const title = await search({ q: 'surabaya hub', type: 'threads' })
    expect(title.status === 'ok' ? title.total : 0).toBeGreaterThan(0)
  })
})

describe('the question page and the header, as HTML', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app.close()
    setClock(TEST_EPOCH)
  })

  async function html(path: string, user: TestUser | null) {
    const res = await fetch(`${app.url}${path}`, {
      headers: user ? { Cookie: await sessionCookie(user) } : {},
    })
    expect(res.status).toBe(200)
    return res.text()
  }

  it('shows notes to staff and moderators, and never to the asker, a helper or a visitor', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = onDesk(q.id)!
    await addNote(p.dewi, q.id, 'Marker-note-quokka: courier lost it, refund approved')
    write((tx) =>
      tx
        .update(escalations)
        .set({ note: 'Marker-reason-wombat' })
        .where(eq(escalations.id, id))
        .run(),
    )
    for (const who of [p.dewi, p.moderator]) {
      const page = await html(q.path, who)
      expect(page).toContain('Marker-note-quokka')
      expect(page).toContain('Internal notes')
    }
    expect(await html(q.path, p.dewi)).toContain('Marker-reason-wombat')
    for (const who of [p.asker, p.helper, null]) {
      const page = await html(q.path, who)
      expect(page).not.toContain('Marker-note-quokka')
      expect(page).not.toContain('Marker-reason-wombat')
      expect(page).not.toContain('Internal notes')
      expect(page).not.toContain('Our team is looking at this')
    }
    takeLoggedErrors()
  })

  it('tells everyone "Our team is looking at this" once staff acknowledged', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = onDesk(q.id)!
    await threadPost(p.dewi, q, { intent: 'acknowledge', escalationId: String(id) })
    for (const who of [p.asker, null, p.helper])
      expect(await html(q.path, who)).toContain('Our team is looking at this')
  })

  it('gives staff a desk link with the open escalations and theirs; nobody else gets one', async () => {
    const p = await people()
    const a = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const b = await question(p.asker, 'Courier says delivered but nothing came')
    onDesk(a.id)
    const mine = onDesk(b.id)!
    write((tx) =>
      tx.update(escalations).set({ assigneeId: p.dewi.id }).where(eq(escalations.id, mine)).run(),
    )
    const root = async (user: TestUser) =>
      (
        (await (
          await callRoute(rootLoader, { request: await request('/', user), params: {}, context })
        ).json()) as { user: { desk: unknown } }
      ).user.desk
    expect(await root(p.dewi)).toEqual({ open: 2, mine: 1 })
    expect(await root(p.fikri)).toEqual({ open: 2, mine: 0 })
    for (const who of [p.asker, p.helper, p.moderator]) expect(await root(who)).toBeNull()
    const page = await html('/', p.dewi)
    expect(page).toContain('2 open escalations')
    expect(page).toContain('1 assigned to you')
    expect(await html('/', p.moderator)).not.toContain('href="/desk"')
  })

  it('tells the assignee and the asker in their notifications, in words', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = String(onDesk(q.id))
    await deskPost(p.dewi, {
      intent: 'assign',
      escalationId: id,
      assigneeId: String(p.fikri.id),
      seenAssigneeId: '',
    })
    await deskPost(p.fikri, { intent: 'acknowledge', escalationId: id })
    expect(await html('/notifications', p.fikri)).toContain(
      `${p.dewi.displayName} assigned a question to you`,
    )
    expect(await html('/notifications', p.asker)).toContain(
      `${p.fikri.displayName} from our team is looking at your question`,
    )
  })

  it('shows the second of two staff claiming at once a page that says who got there first', async () => {
    const p = await people()
    const q = await question(p.asker, 'Parcel stuck at the Surabaya hub for days')
    const id = String(onDesk(q.id))
    const claim = async (who: TestUser) =>
      fetch(`${app.url}/desk?show=unassigned`, {
        method: 'POST',
        headers: {
          Origin: app.url,
          'Sec-Fetch-Site': 'same-origin',
          Cookie: await sessionCookie(who),
        },
        body: new URLSearchParams({ intent: 'claim', escalationId: id }),
        redirect: 'manual',
      })
    const [first, second] = await Promise.all([claim(p.dewi), claim(p.fikri)])
    const statuses = [first.status, second.status].sort()
    expect(statuses).toEqual([302, 409])
    const lost = first.status === 409 ? first : second
    const winner = first.status === 302 ? p.dewi : p.fikri
    const page = await lost.text()
    expect(page).toContain('Someone got there first')
    expect(page).toContain(`${winner.displayName} already has this one.`)
    // The desk shown with it is current: nothing left unassigned.
    expect(page).toContain('Nothing matches these filters.')
    expect(db.select().from(escalations).get()!.assigneeId).toBe(winner.id)
  })

  it('shows an empty desk as such', async () => {
    const p = await people()
    const page = await html('/desk', p.dewi)
    expect(page).toContain('Nothing is waiting')
    const filtered = await html('/desk?show=mine', p.dewi)
    expect(filtered).toContain('Nothing matches these filters.')
  })
})
