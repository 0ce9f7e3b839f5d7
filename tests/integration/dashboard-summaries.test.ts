import { describe, expect, it } from 'vitest'
import { acceptAnswer, unacceptAnswer } from '~/modules/answers/answers.server'
import { withEventSource } from '~/modules/events/events.server'
import { computeDashboard, resolveFilters } from '~/modules/metrics/dashboard.server'
import {
  checkQuestionSummaries,
  rebuildQuestionSummaries,
} from '~/modules/metrics/summaries.server'
import { answerSurvey } from '~/modules/surveys/surveys.server'
import { setClock } from '~/utils/clock.server'
import { sqlite } from '~/utils/db.server'
import { makeAnswer, makeCategory, makeQuestion, makeUser } from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A seeded generator, so a failure replays the same history. */
function generator(seed: number) {
  let s = seed
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31
    return s / 2 ** 31
  }
  return {
    rand,
    pick: <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)],
    chance: (p: number) => rand() < p,
  }
}

/**
 * Random thread histories written straight into the log (as a bulk load or an old database
 * would hold them): open questions, answers by helpers, staff, the asker and automation,
 * escalations and missed targets, re-accepts, survey edits, deletions and hiding of answers and
 * questions, closing, imported history, and events after the ranges end.
 */
function randomHistory(seed: number, count: number) {
  const g = generator(seed)
  const insertUser = sqlite.prepare(
    `insert into users (email, handle, display_name, role, created_at) values (?, ?, ?, ?, ?)`,
  )
  const start = TEST_EPOCH.getTime()
  const people = (['member', 'member', 'helper', 'helper', 'staff', 'admin'] as const).map(
    (role, i) => ({
      id: Number(insertUser.run(`p${i}@x.test`, `p${i}`, `P ${i}`, role, start).lastInsertRowid),
      role,
    }),
  )
  const bot = { id: people[4].id, role: 'staff' as const }
  const categories = ['orders-shipping', 'brewing-help', 'account-login'].map(
    (slug) => makeCategory(slug, slug).id,
  )
  const insertQuestion = sqlite.prepare(
    `insert into questions (author_id, category_id, title, body_md, body_html, cooked_version,
       status, origin, created_at, updated_at, last_activity_at)
     values (?, ?, 'A question', 'body', '<p>body</p>', 1, 'open', ?, ?, ?, ?)`,
  )
  const insertAnswer = sqlite.prepare(
    `insert into answers (question_id, author_id, body_md, body_html, cooked_version, created_at, updated_at)
     values (?, ?, 'answer', '<p>answer</p>', 1, ?, ?)`,
  )
  const insertEvent = sqlite.prepare(
    `insert into events (type, source, actor_id, actor_role, question_id, answer_id, user_id, data, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const imported = g.chance(0.1)
      const source = imported ? 'import' : 'live'
      const asker = g.pick(people.slice(0, 4))
      const created = start + Math.floor(g.rand() * 40 * DAY)
      const q = Number(
        insertQuestion.run(asker.id, g.pick(categories), source, created, created, created)
          .lastInsertRowid,
      )
      const event = (
        type: string,
        at: number,
        who: { id: number; role: string } | null,
        answer: number | null = null,
        data: unknown = null,
        src = source,
      ) =>
        insertEvent.run(
          type,
          src,
          who?.id ?? null,
          who?.role ?? null,
          q,
          answer,
          null,
          data === null ? null : JSON.stringify(data),
          at,
        )
      event('question.created', created, asker)
      let at = created
      const posted: { id: number; by: { id: number; role: string } }[] = []
      const steps = Math.floor(g.rand() * 9)
      for (let step = 0; step < steps; step++) {
        // Some steps fall in the same millisecond: events of one moment keep their order.
        at += g.chance(0.15) ? 0 : Math.floor(g.rand() * 3 * DAY)
        const roll = g.rand()
        if (roll < 0.35) {
          const by = g.chance(0.15) ? asker : g.pick(people)
          const automatic = g.chance(0.15)
          const author = automatic ? bot : by
          const id = Number(insertAnswer.run(q, author.id, at, at).lastInsertRowid)
          event(
            'answer.created',
            at,
            author,
            id,
            automatic ? { automatic: true, templateId: 1 } : null,
            automatic ? 'system' : source,
          )
          posted.push({ id, by: author })
        } else if (roll < 0.5 && posted.length) {
          const a = g.pick(posted)
          event(g.chance(0.8) ? 'answer.accepted' : 'answer.unaccepted', at, asker, a.id)
        } else if (roll < 0.6 && posted.length) {
          const a = g.pick(posted)
          event(
            g.pick(['answer.deleted', 'answer.restored', 'answer.hidden', 'answer.unhidden']),
            at,
            people[5],
            a.id,
          )
        } else if (roll < 0.7) {
          event(g.pick(['question.escalated', 'question.sla_breached']), at, null)
        } else if (roll < 0.78) {
          event(g.pick(['question.closed', 'question.reopened']), at, people[5])
        } else if (roll < 0.84) {
          event(
            g.pick([
              'question.deleted',
              'question.restored',
              'question.hidden',
              'question.unhidden',
            ]),
            at,
            people[5],
          )
        } else if (roll < 0.94) {
          event('survey.answered', at, asker, null, {
            rating: 1 + Math.floor(g.rand() * 5),
            comment: '',
          })
        } else {
          // imported history on a live thread never counts
          const id = Number(insertAnswer.run(q, people[2].id, at, at).lastInsertRowid)
          event('answer.created', at, people[2], id, null, 'import')
          event('answer.accepted', at, asker, id, null, 'import')
        }
      }
    }
  })()
}

const RANGES = [
  { from: '2026-03-01', to: '2026-04-15' },
  { from: '2026-03-01', to: '2026-04-15', category: 'brewing-help' },
  // ranges that end while threads are still changing: those are replayed as of the end
  { from: '2026-03-05', to: '2026-03-20' },
  { from: '2026-03-10', to: '2026-03-25', category: 'orders-shipping' },
  { from: '2026-03-02', to: '2026-03-02' },
  { from: '2026-03-01', to: '2026-04-15', person: 'p2' },
]

function expectSameAsReplay() {
  for (const input of RANGES) {
    const f = resolveFilters(input)
    expect(computeDashboard(f), JSON.stringify(input)).toEqual(
      computeDashboard(f, { replay: true }),
    )
  }
}

describe('the per-question summaries the dashboard reads', () => {
  it('give every figure exactly as the replay of the event log does, for random histories', () => {
    setClock(new Date(TEST_EPOCH.getTime() + 60 * DAY))
    let automatic = 0
    for (const seed of [1, 7, 42]) {
      sqlite.prepare('delete from events').run()
      sqlite.prepare('delete from answers').run()
      sqlite.prepare('delete from questions').run()
      sqlite.prepare('delete from users').run()
      // enough questions that the widest range is replayed the way large cohorts are
      randomHistory(seed, 260)
      expect(rebuildQuestionSummaries()).toBeGreaterThan(200)
      const d = computeDashboard(resolveFilters(RANGES[0]))
      // the histories are varied enough to exercise every figure
      expect(d.questions).toBeGreaterThan(200)
      expect(d.firstResponse[2].always.count).toBeGreaterThan(0)
      expect(d.afterEscalation.count + d.afterEscalation.waiting).toBeGreaterThan(0)
      expect(d.states.closed).toBeGreaterThan(0)
      automatic += d.automatic.automatic
      expectSameAsReplay()
    }
    expect(automatic).toBeGreaterThan(0)
  })

  it('are built on first reading, then kept in step with every event by the reaction', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const staff = await makeUser({ role: 'staff' })
    const first = await makeQuestion(asker, { title: 'Grinder makes a rattling noise' })
    // Read once before anything else happens: the summaries are built from the log here.
    expect(
      computeDashboard(resolveFilters({ from: '2026-03-01', to: '2026-03-04' })).questions,
    ).toBe(1)
    advance(20 * MINUTE)
    const a1 = await makeAnswer(helper, first, 'Check the burr carrier is seated.')
    advance(10 * MINUTE)
    const a2 = await makeAnswer(staff, first, 'We can send a replacement burr.')
    advance(HOUR)
    acceptAnswer(asker, a1)
    answerSurvey(asker, first, { rating: 2, comment: '' })
    advance(HOUR)
    unacceptAnswer(asker, a1)
    acceptAnswer(asker, a2)
    answerSurvey(asker, first, { rating: 5, comment: 'Thanks' })
    const second = await makeQuestion(asker, { title: 'Refund for a broken kettle' })
    await withEventSource('import', async () => {
      await makeQuestion(asker, { title: 'An imported question from the old forum' })
    })
    advance(DAY)
    await makeAnswer(helper, second, 'Refunds take five working days.')

    expect(checkQuestionSummaries()).toEqual([])
    const d = computeDashboard(resolveFilters({ from: '2026-03-01', to: '2026-03-04' }))
    expect(d.questions).toBe(2)
    expect(d.firstResponse.find((r) => r.who === 'staff')!.always.median).toBe(30 * MINUTE)
    expect(d.resolution).toMatchObject({ count: 1, median: 150 * MINUTE, waiting: 1 })
    expect(d.csat).toMatchObject({ count: 1, satisfied: 1 })
    for (const input of [
      { from: '2026-03-01', to: '2026-03-04' },
      // ended before the second answer: replayed as of its end
      { from: '2026-03-01', to: '2026-03-02' },
    ]) {
      const f = resolveFilters(input)
      expect(computeDashboard(f)).toEqual(computeDashboard(f, { replay: true }))
    }
  })
})
