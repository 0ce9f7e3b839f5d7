import { describe, expect, it } from 'vitest'
import { streamStatement, streamsFor } from '~/modules/audit/audit.server'
import { AUDIT_KINDS, AUDIT_TYPES, DESCRIBERS, describeEvent } from '~/modules/audit/kinds'
import { sanctionUser } from '~/modules/moderation/sanctions.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { lockQuestion, moveQuestion } from '~/modules/moderation/threads.server'
import { translatorFor } from '~/i18n/translator.server'
import { loader as auditLoader } from '~/routes/audit'
import { loader as moderationLoader } from '~/routes/users.$handle_.moderation'
import { setClock } from '~/utils/clock.server'
import { sqlite, write } from '~/utils/db.server'
import { emit } from '~/modules/events/events.server'
import {
  callRoute,
  context,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  type TestUser,
} from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const DAY = 86_400_000

async function audit(viewer: TestUser | null, query = '') {
  const res = await callRoute(auditLoader, {
    request: await request(`/audit${query}`, viewer),
    params: {},
    context,
  })
  return res
}

type Page = {
  log: {
    entries: {
      type: string
      actor: { handle: string } | null
      question: { id: number; title: string | null } | null
      user: { handle: string } | null
      reason: { label: string | null; note: string }
    }[]
    next: string | null
  }
  errors: Record<string, string>
}

async function entries(viewer: TestUser, query = '') {
  const res = await audit(viewer, query)
  expect(res.status).toBe(200)
  return ((await res.json()) as Page).log
}

describe('audit log: who may read it', () => {
  it('is for moderators, staff and admins; members and helpers get 403, visitors log in', async () => {
    for (const role of ['member', 'helper'] as const)
      expect((await audit(await makeUser({ role }))).status).toBe(403)
    for (const role of ['moderator', 'staff', 'admin'] as const)
      expect((await audit(await makeUser({ role }))).status).toBe(200)
    expect((await audit(null)).status).toBe(302)
  })

  it('shows a real empty state when nothing was recorded', async () => {
    const log = await entries(await makeUser({ role: 'moderator' }))
    expect(log).toMatchObject({ entries: [], next: null })
  })
})

describe('audit log: what it lists', () => {
  it("lists moderators' actions and the system's moderation steps, never members' own", async () => {
    const asker = await makeUser()
    const moderator = await makeUser({ role: 'moderator', handle: 'modmira' })
    const questionId = await makeQuestion(asker)
    // a member's own actions are not moderation
    await makeQuestion(asker, { title: 'Another question about beans' })
    hideQuestion(moderator, questionId, { reason: 'spam', note: 'Link farm' })
    sanctionUser(moderator, asker.id, { kind: 'silence', days: '1', reason: 'Spamming links' })
    setClock(new Date(TEST_EPOCH.getTime() + 2 * DAY))
    const { recordEndedSanctions } = await import('~/modules/moderation/sanctions.server')
    recordEndedSanctions()
    const log = await entries(moderator)
    expect(log.entries.map((e) => [e.type, e.actor?.handle ?? null])).toEqual([
      ['user.sanction_ended', null],
      ['user.silenced', 'modmira'],
      ['question.hidden', 'modmira'],
    ])
    expect(log.entries[2].reason).toEqual({
      label: 'questions.removal.reasons.spam',
      note: 'Link farm',
    })
    expect(log.entries[1].reason.note).toBe('Spamming links')
    expect(log.entries[1].user?.handle).toBe(asker.handle)
  })

  it('never names a private question to a moderator who may not open it', async () => {
    const asker = await makeUser()
    const staff = await makeUser({ role: 'staff' })
    const moderator = await makeUser({ role: 'moderator' })
    const id = await makeQuestion(asker, {
      title: 'My card number was charged twice',
      visibility: 'private',
    })
    lockQuestion(staff, id, 'Only staff handle this')
    expect((await entries(moderator)).entries[0].question).toEqual({ id, title: null })
    expect((await entries(staff)).entries[0].question?.title).toBe(
      'My card number was charged twice',
    )
  })
})

describe('audit log: filters (GET parameters)', () => {
  async function scene() {
    makeCategory('brewing-help', 'Brewing help')
    const asker = await makeUser({ handle: 'askerann' })
    const mira = await makeUser({ role: 'moderator', handle: 'modmira' })
    const sam = await makeUser({ role: 'staff', handle: 'staffsam' })
    const q1 = await makeQuestion(asker)
    const q2 = await makeQuestion(await makeUser(), { title: 'Grinder squeaks when it starts' })
    lockQuestion(mira, q1, 'Cooling off') // day 0
    setClock(new Date(TEST_EPOCH.getTime() + DAY))
    moveQuestion(sam, q2, 'brewing-help', '') // day 1
    setClock(new Date(TEST_EPOCH.getTime() + 2 * DAY))
    sanctionUser(sam, asker.id, { kind: 'warn', days: '', reason: 'Be kind' }) // day 2
    return { asker, mira, sam, q1, q2 }
  }
  const types = (log: Awaited<ReturnType<typeof entries>>) => log.entries.map((e) => e.type)

  it('by actor handle, kind, target person, question and date range', async () => {
    const { mira, q1, q2 } = await scene()
    expect(types(await entries(mira, '?actor=modmira'))).toEqual(['question.locked'])
    expect(types(await entries(mira, '?actor=%40StaffSam'))).toEqual([
      'user.warned',
      'question.recategorised',
    ])
    expect(types(await entries(mira, '?kind=people'))).toEqual(['user.warned'])
    expect(types(await entries(mira, '?kind=posts'))).toEqual([
      'question.recategorised',
      'question.locked',
    ])
    expect(types(await entries(mira, '?user=askerann'))).toEqual(['user.warned', 'question.locked'])
    expect(types(await entries(mira, `?question=${q2}`))).toEqual(['question.recategorised'])
    expect(types(await entries(mira, `?question=${q1}&kind=people`))).toEqual([])
    expect(types(await entries(mira, '?from=2026-03-03&to=2026-03-03'))).toEqual([
      'question.recategorised',
    ])
    expect(types(await entries(mira, '?from=2026-03-03'))).toEqual([
      'user.warned',
      'question.recategorised',
    ])
    expect(types(await entries(mira, '?to=2026-03-02'))).toEqual(['question.locked'])
  })

  it('says which filter it did not understand, and which handle is nobody, instead of failing', async () => {
    const { mira } = await scene()
    const res = await audit(mira, '?kind=everything&from=yesterday&actor=nobody_here')
    expect(res.status).toBe(200)
    const page = (await res.json()) as Page & { values: Record<string, string> }
    expect(Object.keys(page.errors).sort()).toEqual(['actor', 'from', 'kind'])
    expect(page.values).toMatchObject({
      kind: 'everything',
      from: 'yesterday',
      actor: 'nobody_here',
    })
    expect(page.log.entries).toEqual([])
  })
})

describe('audit log: keyset paging', () => {
  it('pages 50 at a time, older and older, without repeats or gaps, even within one millisecond', async () => {
    const moderator = await makeUser({ role: 'moderator', handle: 'modmira' })
    const member = await makeUser()
    write((tx) => {
      for (let i = 0; i < 120; i++) {
        // pairs share a timestamp: the id breaks the tie
        emit(tx, {
          type: 'user.warned',
          actor: moderator,
          userId: member.id,
          data: { reason: `warning ${i}` },
          at: new Date(TEST_EPOCH.getTime() + Math.floor(i / 2) * 1000),
        })
        // noise the log never lists
        emit(tx, { type: 'user.signed_in', actor: moderator })
      }
    })
    const seen: string[] = []
    let query = '?kind=people'
    for (let page = 0; page < 5; page++) {
      const log = await entries(moderator, query)
      seen.push(...log.entries.map((e) => e.reason.note))
      if (!log.next) break
      query = `?kind=people&cursor=${log.next}`
    }
    expect(seen).toHaveLength(120)
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `warning ${119 - i}`))
    // the same through the actor's index
    const first = await entries(moderator, '?actor=modmira')
    expect(first.entries).toHaveLength(50)
    const second = await entries(moderator, `?actor=modmira&cursor=${first.next}`)
    expect(second.entries[0].reason.note).toBe('warning 69')
  })

  it('reads every stream from its index, newest first, with no sort in memory', () => {
    const base = { types: AUDIT_TYPES, cursor: { at: 1, id: 1 }, since: 0, before: 2 }
    const cases = [
      { q: { ...base, actorId: 1 }, index: 'events_actor_idx' },
      { q: { ...base, userId: 1 }, index: 'events_user_idx' },
      { q: { ...base, questionId: 1 }, index: 'events_question_idx' },
      { q: { ...base, person: 1 }, index: 'events_actor_idx' },
      { q: base, index: 'events_type_idx' },
    ]
    for (const { q, index } of cases) {
      const streams = streamsFor(q)
      expect(streams[0].index).toBe(index)
      for (const stream of streams) {
        const { text, params } = streamStatement(stream, q)
        const plan = (
          sqlite.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]
        ).map((r) => r.detail)
        if (stream === streams[0]) console.info(`${stream.index}: ${plan.join(' | ')}`)
        expect(plan.join('\n')).toMatch(
          new RegExp(`SEARCH events USING INDEX ${stream.index} \\(\\w+=\\? AND created_at[<>]`),
        )
        expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN events/)
      }
    }
  })
})

describe('audit log: every entry in words', () => {
  const names = { category: (id: unknown) => `category ${String(id)}` }
  for (const type of AUDIT_TYPES)
    it(`describes ${type} in English and in Indonesian`, () => {
      const described = describeEvent(
        type,
        { reason: 'off-topic', kind: 'silence', from: 1, to: 2 },
        names,
      )
      expect('key' in described).toBe(true)
      if (!('key' in described)) return
      const en = translatorFor('en')(described.key, described.values)
      const id = translatorFor('id')(described.key, described.values)
      expect(en).not.toBe(described.key)
      expect(id).not.toBe(described.key)
      expect(id).not.toBe(en)
      expect(en).not.toMatch(/\{\{/)
    })

  it('gives a removal its reason label, and a close only its note (its reason is in the words)', async () => {
    const { reasonOf } = await import('~/modules/audit/kinds')
    expect(reasonOf('question.hidden', { reason: 'duplicate' })).toEqual({
      label: 'questions.removal.reasons.duplicate',
      note: '',
    })
    expect(reasonOf('question.closed', { reason: 'duplicate', originalId: 3 })).toEqual({
      label: null,
      note: '',
    })
    expect(reasonOf('question.locked', { reason: 'Cooling off' })).toEqual({
      label: null,
      note: 'Cooling off',
    })
  })

  it('has a describer for every type it lists, and falls back to the name for others', () => {
    expect(Object.keys(DESCRIBERS).sort()).toEqual([...AUDIT_TYPES].sort())
    expect(Object.values(AUDIT_KINDS).flat()).toHaveLength(new Set(AUDIT_TYPES).size)
    expect(describeEvent('flag.something_new', {}, names)).toEqual({ raw: 'flag.something_new' })
  })
})

describe('history on a person’s moderation page', () => {
  it('shows a moderator what the person did as a moderator and what was done to them', async () => {
    const admin = await makeUser({ role: 'admin' })
    const mira = await makeUser({ role: 'moderator', handle: 'modmira' })
    const member = await makeUser()
    const questionId = await makeQuestion(member)
    lockQuestion(mira, questionId, 'Cooling off')
    sanctionUser(admin, mira.id, { kind: 'warn', days: '', reason: 'Too quick to lock' })
    const res = await callRoute(moderationLoader, {
      request: await request('/users/modmira/moderation', admin),
      params: { handle: 'modmira' },
      context,
    })
    const page = (await res.json()) as { history: { type: string }[] | null }
    expect(page.history?.map((e) => e.type)).toEqual(['user.warned', 'question.locked'])
    // the person themselves sees their sanctions, not the log
    const own = await callRoute(moderationLoader, {
      request: await request('/users/modmira/moderation', mira),
      params: { handle: 'modmira' },
      context,
    })
    expect(((await own.json()) as { history: unknown }).history).not.toBeNull()
    const memberOwn = await callRoute(moderationLoader, {
      request: await request(`/users/${member.handle}/moderation`, member),
      params: { handle: member.handle },
      context,
    })
    expect(((await memberOwn.json()) as { history: unknown }).history).toBeNull()
  })
})
