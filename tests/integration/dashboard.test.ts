import { describe, expect, it } from 'vitest'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { withEventSource } from '~/modules/events/events.server'
import { computeDashboard, resolveFilters } from '~/modules/metrics/dashboard.server'
import { answerSurvey } from '~/modules/surveys/surveys.server'
import { setClock } from '~/utils/clock.server'
import { callRoute, context, makeAnswer, makeQuestion, makeUser, request } from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

async function history() {
  const advance = setClock(TEST_EPOCH)
  const asker = await makeUser()
  const helper = await makeUser({ role: 'helper' })
  const staff = await makeUser({ role: 'staff' })
  const solved = await makeQuestion(asker, { title: 'Beans arrived stale' })
  advance(30 * MINUTE)
  const answer = await makeAnswer(helper, solved, 'Store them airtight and grind fresh.')
  advance(30 * MINUTE)
  acceptAnswer(asker, answer)
  answerSurvey(asker, solved, { rating: 5, comment: '' })
  const waiting = await makeQuestion(asker, { title: 'Voucher code not accepted' })
  // Imported history: answered in a minute, solved and rated 1, but never counted.
  await withEventSource('import', async () => {
    const old = await makeQuestion(asker, { title: 'Imported question from the old forum' })
    advance(MINUTE)
    const a = await makeAnswer(helper, old, 'Imported answer')
    acceptAnswer(asker, a)
  })
  advance(DAY)
  return { asker, helper, staff, solved, waiting }
}

describe('the support dashboard', () => {
  it('computes every figure from live events, open questions apart and imported history left out', async () => {
    const { helper } = await history()
    const f = resolveFilters({ from: '2026-03-01', to: '2026-03-04' })
    const d = computeDashboard(f)
    expect(d.questions).toBe(2)
    const all = d.firstResponse.find((r) => r.who === 'all')!
    expect(all.always).toEqual({ count: 1, median: 30 * MINUTE, p90: 30 * MINUTE, waiting: 1 })
    // Monday 09:30 to 10:00 in Jakarta is inside the shop's hours: the same half hour.
    expect(all.business.median).toBe(30 * MINUTE)
    expect(d.resolution).toMatchObject({ count: 1, median: 60 * MINUTE, waiting: 1 })
    expect(d.csat).toMatchObject({ count: 1, satisfied: 1, rate: 1 })
    expect(d.automatic).toEqual({ solved: 1, automatic: 0, rate: 0 })
    expect(d.states).toEqual({ open: 1, answered: 0, solved: 1, closed: 0 })
    expect(d.helpers).toEqual([
      expect.objectContaining({ userId: helper.id, answers: 1, accepted: 1 }),
    ])
    expect(d.trend.reduce((n, r) => n + r.asked, 0)).toBe(2)

    // One person's figures: the helper's own answer, after 30 minutes.
    const mine = computeDashboard(
      resolveFilters({ from: '2026-03-01', to: '2026-03-04', person: helper.handle }),
    )
    expect(mine.questions).toBe(1)
    expect(mine.firstResponse[0].always.median).toBe(30 * MINUTE)
  })

  it('is for staff and admins; its tables export as CSV', async () => {
    const { staff, helper } = await history()
    const { loader } = await import('~/routes/dashboard._index')
    const ok = await callRoute(loader, {
      request: await request('/dashboard?from=2026-03-01&to=2026-03-04', staff),
      context,
    })
    expect(ok.status).toBe(200)
    const denied = await callRoute(loader, {
      request: await request('/dashboard', helper),
      context,
    })
    expect(denied.status).toBe(403)

    const csv = await import('~/routes/dashboard.csv')
    const res = await callRoute(csv.loader, {
      request: await request('/dashboard/csv?table=csat&from=2026-03-01&to=2026-03-04', staff),
      context,
    })
    expect(res.headers.get('Content-Type')).toContain('text/csv')
    const lines = (await res.text()).trim().split('\r\n')
    expect(lines[0]).toBe('Rating,Answers')
    expect(lines[5]).toBe('5,1')
    const bad = await callRoute(csv.loader, {
      request: await request('/dashboard/csv?table=passwords', staff),
      context,
    })
    expect(bad.status).toBe(400)
    const notStaff = await callRoute(csv.loader, {
      request: await request('/dashboard/csv?table=csat', helper),
      context,
    })
    expect(notStaff.status).toBe(403)
  })

  it('shows a helper their own figures on their profile, and nobody else', async () => {
    const { helper, asker } = await history()
    const { loader } = await import('~/routes/users.$handle')
    const own = await (
      await callRoute(loader, {
        request: await request(`/users/${helper.handle}`, helper),
        params: { handle: helper.handle },
        context,
      })
    ).json()
    expect(own.figures).toMatchObject({ answers: 1, accepted: 1, csat: { count: 1, rate: 1 } })
    expect(own.figures.firstAnswer.median).toBe(30 * MINUTE)
    const other = await (
      await callRoute(loader, {
        request: await request(`/users/${helper.handle}`, asker),
        params: { handle: helper.handle },
        context,
      })
    ).json()
    expect(other.figures).toBeNull()
  })
})
