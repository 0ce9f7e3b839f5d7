import { describe, expect, it } from 'vitest'
import { can, type Action, type Actor } from '~/modules/policy/policy'
import { action as askAction } from '~/routes/ask'
import { loader as answerEditLoader } from '~/routes/answers.$answerId.edit'
import { loader as questionEditLoader } from '~/routes/questions.$questionId.edit'
import { action as threadAction } from '~/routes/questions.$questionId.($slug)'
import { saveSpamSettings } from '~/modules/trust/spam.server'
import { setClock } from '~/utils/clock.server'
import type { Role } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import {
  callRoute,
  context,
  makeAnswer,
  makeCategory,
  makeQuestion,
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
  { role: 'moderator', trust: 0 },
]

type Setup = { actor: TestUser; own: { q: number; a: number }; other: { q: number; a: number } }

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
    target: (s, own) => ({ authorId: own ? s.actor.id : -1 }),
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
    action: 'question.edit',
    allowed: 200,
    denied: 403,
    target: (s, own) => ({ authorId: own ? s.actor.id : -1 }),
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
    target: (s, own) => ({
      authorId: own ? s.actor.id : -1,
      question: { authorId: -2 },
      isAccepted: false,
    }),
    run: async (s, own) => {
      const a = own ? s.own.a : s.other.a
      const res = await callRoute(
        answerEditLoader,
        await args(`/answers/${a}/edit`, s.actor, undefined, { answerId: String(a) }),
      )
      return res.status
    },
  },
]

describe('trust matrix: role × trust level × trust-gated action × own/other, over the routes', () => {
  for (const { role, trust } of PEOPLE)
    for (const c of CASES)
      for (const own of [true, false]) {
        const actor: Actor = { id: 1, role, reputation: 0, trust }
        const target = c.target(
          {
            actor: { ...actor, handle: '', displayName: '', email: '' },
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
  })
})
