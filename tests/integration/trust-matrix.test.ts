import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { DAILY_FLAGS } from '~/modules/flags/weights'
import { can, type Action, type Actor } from '~/modules/policy/policy'
import { closeAsDuplicate } from '~/modules/questions/closing.server'
import { DAILY_FLAGS_BY_TRUST } from '~/modules/trust/levels'
import { action as askAction } from '~/routes/ask'
import {
  action as answerEditAction,
  loader as answerEditLoader,
} from '~/routes/answers.$answerId.edit'
import {
  action as questionEditAction,
  loader as questionEditLoader,
} from '~/routes/questions.$questionId.edit'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import { saveSpamSettings } from '~/modules/trust/spam.server'
import { db } from '~/utils/db.server'
import { setClock } from '~/utils/clock.server'
import { answers, questions, type Role } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import {
  callRoute,
  context,
  makeAnswer,
  makeCategory,
  makeQuestion,
  inEnglish,
  makeUser,
  request,
  type TestUser,
} from '../factories'

// The trust-gated actions, through the real loaders and actions: every role × trust level ×
// action × own/other post. The expected outcome is the policy's answer for the same actor and
// target, and a few cells are written out by hand so that a wrong rule cannot agree with itself.

const PEOPLE: { role: Role; trust: number }[] = [
  ...[0, 1, 2, 3, 4].map((trust) => ({ role: 'member' as const, trust })),
  { role: 'helper', trust: 0 },
  { role: 'helper', trust: 3 },
  { role: 'moderator', trust: 0 },
  { role: 'moderator', trust: 3 },
  { role: 'staff', trust: 0 },
  { role: 'admin', trust: 0 },
]

type Setup = {
  actor: TestUser
  moderator: TestUser
  own: { q: number; a: number }
  other: { q: number; a: number }
}

async function setUp(role: Role, trust: number): Promise<Setup> {
  makeCategory()
  const staff = await makeUser({ role: 'staff' })
  // Held first posts would hide the posts this matrix acts on; the limits are what it tests.
  saveSpamSettings(staff, { holdFirstPosts: false, words: '' })
  const someone = await makeUser({ trust: 2 })
  const actor = await makeUser({ role, trust: 2 })
  const otherQ = await makeQuestion(someone, { title: 'How do I descale a kettle?' })
  const ownQ = await makeQuestion(actor, { title: 'Why is my espresso sour?' })
  const otherA = await makeAnswer(someone, ownQ, 'Grind finer, it is under-extracted.')
  const ownA = await makeAnswer(actor, otherQ, 'Use citric acid and rinse twice.')
  // then the level under test (posts above were made as an established account)
  const { sqlite } = await import('~/utils/db.server')
  sqlite.prepare('update users set trust_level = ? where id = ?').run(trust, actor.id)
  // past a new account's wait between posts, so only the rule under test can refuse
  setClock(new Date(TEST_EPOCH.getTime() + 60_000))
  return {
    actor: { ...actor, trust },
    moderator: await makeUser({ role: 'moderator' }),
    own: { q: ownQ, a: ownA },
    other: { q: otherQ, a: otherA },
  }
}

const args = async (path: string, user: Actor, form?: Record<string, string>, params = {}) => ({
  request: await request(path, user, form ? { form } : {}),
  params,
  context,
})

type Case = {
  action: Action
  run: (s: Setup, own: boolean) => Promise<number>
  allowed: number
  denied: number
  target: (s: Setup, own: boolean) => unknown
}

/** The policy's target for the actor's own question or someone else's. */
const questionOf: Case['target'] = (s, own) => ({ authorId: own ? s.actor.id : -1 })
/** The policy's target for the actor's own answer or someone else's, on a third person's question. */
const answerOf: Case['target'] = (s, own) => ({
  authorId: own ? s.actor.id : -1,
  question: { authorId: -2 },
  isAccepted: false,
})

const CASES: Case[] = [
  {
    // three links in an answer
    action: 'post.links',
    allowed: 302,
    denied: 400,
    target: () => ({ links: 3, images: 0 }),
    run: async (s, own) => {
      const q = own ? s.own.q : s.other.q
      const res = await callRoute(
        threadAction,
        await args(
          `/questions/${q}/q`,
          s.actor,
          {
            intent: 'answer',
            body: 'See https://a.example/1, https://b.example/2 and https://c.example/3 too.',
          },
          { questionId: String(q), slug: 'q' },
        ),
      )
      return res.status
    },
  },
  {
    // an image (and its one link) in an answer
    action: 'post.links',
    allowed: 302,
    denied: 400,
    target: () => ({ links: 1, images: 1 }),
    run: async (s, own) => {
      const q = own ? s.own.q : s.other.q
      const res = await callRoute(
        threadAction,
        await args(
          `/questions/${q}/q`,
          s.actor,
          { intent: 'answer', body: 'It should look like this: ![grind](https://i.example/g.png)' },
          { questionId: String(q), slug: 'q' },
        ),
      )
      return res.status
    },
  },
  {
    // a question with a tag nobody used yet
    action: 'tag.create',
    allowed: 302,
    denied: 400,
    target: () => null,
    run: async (s, own) => {
      const res = await callRoute(
        askAction,
        await args('/ask', s.actor, {
          intent: 'save',
          title: `A brand new topic about roasting ${own ? 'one' : 'two'}`,
          body: 'What temperature should a first crack happen at in a home roaster?',
          category: 'orders-shipping',
          tags: own ? 'roasting' : 'green-beans',
          language: 'auto',
          visibility: 'public',
        }),
      )
      return res.status
    },
  },
  {
    action: 'question.close',
    allowed: 302,
    denied: 403,
    target: questionOf,
    run: async (s, own) => {
      const q = own ? s.own.q : s.other.q
      const original = own ? s.other.q : s.own.q
      const res = await callRoute(
        threadAction,
        await args(
          `/questions/${q}/q`,
          s.actor,
          { intent: 'close-duplicate', original: String(original) },
          { questionId: String(q), slug: 'q' },
        ),
      )
      return res.status
    },
  },
  {
    action: 'question.reopen',
    allowed: 302,
    denied: 403,
    target: (s, own) => ({ authorId: own ? s.actor.id : -1, closedAt: new Date() }),
    run: async (s, own) => {
      const q = own ? s.own.q : s.other.q
      const original = own ? s.other.q : s.own.q
      expect(closeAsDuplicate(s.moderator, q, String(original)).ok).toBe(true)
      const res = await callRoute(
        threadAction,
        await args(
          `/questions/${q}/q`,
          s.actor,
          { intent: 'reopen' },
          { questionId: String(q), slug: 'q' },
        ),
      )
      const reopened =
        db.select({ at: questions.closedAt }).from(questions).where(eq(questions.id, q)).get()!
          .at === null
      expect(reopened).toBe(res.status === 302)
      return res.status
    },
  },
  {
    action: 'question.edit',
    allowed: 200,
    denied: 403,
    target: questionOf,
    run: async (s, own) => {
      const q = own ? s.own.q : s.other.q
      const res = await callRoute(
        questionEditLoader,
        await args(`/questions/${q}/edit`, s.actor, undefined, { questionId: String(q) }),
      )
      return res.status
    },
  },
  {
    action: 'answer.edit',
    allowed: 200,
    denied: 403,
    target: answerOf,
    run: async (s, own) => {
      const a = own ? s.own.a : s.other.a
      const res = await callRoute(
        answerEditLoader,
        await args(`/answers/${a}/edit`, s.actor, undefined, { answerId: String(a) }),
      )
      return res.status
    },
  },
  {
    // the edit saved through the real action (a plain edit: no links, nothing the rules catch)
    action: 'question.edit',
    allowed: 302,
    denied: 403,
    target: questionOf,
    run: async (s, own) => {
      const q = own ? s.own.q : s.other.q
      const body = 'Edited: the details, written more clearly than before.'
      const res = await callRoute(
        questionEditAction,
        await args(
          `/questions/${q}/edit`,
          s.actor,
          {
            intent: 'save',
            title: own ? 'Why is my espresso sour?' : 'How do I descale a kettle?',
            body,
            category: 'orders-shipping',
            tags: 'shipping',
            language: 'auto',
            comment: 'clearer',
          },
          { questionId: String(q) },
        ),
      )
      const saved = db.select().from(questions).where(eq(questions.id, q)).get()!
      expect(saved.bodyMd === body).toBe(res.status === 302)
      expect(saved.hiddenAt).toBeNull()
      return res.status
    },
  },
  {
    action: 'answer.edit',
    allowed: 302,
    denied: 403,
    target: answerOf,
    run: async (s, own) => {
      const a = own ? s.own.a : s.other.a
      const body = 'Edited: grind a little finer and pour more slowly.'
      const res = await callRoute(
        answerEditAction,
        await args(
          `/answers/${a}/edit`,
          s.actor,
          { intent: 'save', body, language: 'auto', comment: '' },
          { answerId: String(a) },
        ),
      )
      const saved = db.select().from(answers).where(eq(answers.id, a)).get()!
      expect(saved.bodyMd === body).toBe(res.status === 302)
      expect(saved.hiddenAt).toBeNull()
      return res.status
    },
  },
]

describe('trust matrix: role × trust level × trust-gated action × own/other, over the routes', () => {
  for (const { role, trust } of PEOPLE)
    for (const c of CASES)
      for (const own of [true, false]) {
        const actor: Actor = { id: 1, role, reputation: 0, trust }
        const nobody = { handle: '', displayName: '', email: '' }
        const target = c.target(
          {
            actor: { ...actor, ...nobody },
            moderator: { id: 2, role: 'moderator', reputation: 0, ...nobody },
            own: { q: 0, a: 0 },
            other: { q: 0, a: 0 },
          },
          own,
        )
        const may = can(actor, c.action, target as never)
        it(`${role} at trust ${trust} ${may ? 'may' : 'may not'} ${c.action} (${own ? 'own' : "someone else's"})`, async () => {
          const s = await setUp(role, trust)
          const status = await c.run(s, own)
          expect(status).toBe(may ? c.allowed : c.denied)
        })
      }

  // The day's flag allowance: a member's follows their level, other roles have their role's.
  for (const { role, trust } of PEOPLE) {
    const allowance = role === 'member' ? DAILY_FLAGS_BY_TRUST[trust as 0] : DAILY_FLAGS[role]
    // moderators and up may flag 200 a day: their allowance is in the unit tests
    if (allowance > 30) continue
    it(`${role} at trust ${trust} may flag ${allowance} posts a day, and is told when the next is possible`, async () => {
      const s = await setUp(role, trust)
      const author = await makeUser({ trust: 2 })
      const ids: number[] = []
      for (let i = 0; i <= allowance; i++)
        ids.push(await makeQuestion(author, { title: `Flaggable question ${i} about kettles` }))
      const flag = async (q: number) =>
        callRoute(
          threadAction,
          await args(
            `/questions/${q}/q`,
            s.actor,
            { intent: 'flag', reason: 'off-topic', note: '' },
            { questionId: String(q), slug: 'q' },
          ),
        )
      for (const q of ids.slice(0, allowance)) expect((await flag(q)).status).toBe(302)
      const refused = await flag(ids[allowance]!)
      expect(refused.status).toBe(429)
      expect(inEnglish((await refused.json()).fieldErrors.form)).toBe(
        `You have used your ${allowance} flags for today. You can flag again in 24 hours.`,
      )
    })
  }

  it('lets a new member flag 5 posts a day and a leader 30, as written by hand', () => {
    expect(DAILY_FLAGS_BY_TRUST[0]).toBe(5)
    expect(DAILY_FLAGS_BY_TRUST[4]).toBe(30)
  })

  it('agrees with cells written by hand', () => {
    const m = (trust: number): Actor => ({ id: 1, role: 'member', reputation: 0, trust })
    const other = { authorId: 2 }
    expect(can(m(0), 'post.links', { links: 3, images: 0 })).toBe(false)
    expect(can(m(1), 'post.links', { links: 3, images: 0 })).toBe(true)
    expect(can(m(1), 'tag.create', null)).toBe(false)
    expect(can(m(2), 'tag.create', null)).toBe(true)
    expect(can(m(2), 'question.close', other)).toBe(false)
    expect(can(m(3), 'question.close', other)).toBe(true)
    expect(can(m(2), 'question.edit', other)).toBe(false)
    expect(can(m(3), 'question.edit', other)).toBe(true)
    expect(can({ id: 1, role: 'helper', reputation: 0, trust: 0 }, 'question.edit', other)).toBe(
      false,
    )
    const as = (role: Role, trust: number): Actor => ({ id: 1, role, reputation: 0, trust })
    expect(can(as('helper', 3), 'question.edit', other)).toBe(true)
    expect(can(as('moderator', 0), 'question.edit', other)).toBe(true)
    expect(can(m(0), 'post.links', { links: 1, images: 1 })).toBe(false)
    expect(can(m(1), 'post.links', { links: 1, images: 1 })).toBe(true)
    expect(can(as('helper', 0), 'post.links', { links: 3, images: 1 })).toBe(true)
    const closed = { authorId: 2, closedAt: new Date() }
    expect(can(m(2), 'question.reopen', closed)).toBe(false)
    expect(can(m(3), 'question.reopen', closed)).toBe(true)
    expect(can(as('helper', 0), 'question.reopen', closed)).toBe(true)
    expect(can(as('staff', 0), 'question.reopen', closed)).toBe(true)
  })
})
