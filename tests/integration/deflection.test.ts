import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { configureKbIndex, resetKbIndexForTests } from '~/modules/search/kb-index.server'
import {
  getDeflection,
  logSuggestionOpened,
  logSuggestionsShown,
  markAskVisitPosted,
  startAskVisit,
} from '~/modules/search/search.server'
import type { Suggestions } from '~/modules/search/validation'
import { action as askAction, loader as askLoader } from '~/routes/ask'
import { loader as goLoader } from '~/routes/go'
import { loader as suggestLoader } from '~/routes/resources.suggest'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { askVisits, searchEvents } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import {
  context,
  inEnglish,
  makeAnswer,
  makeQuestion,
  makeUser,
  request,
  callRoute,
} from '../factories'

const HOUR = 60 * 60_000
const at = (hours: number) => new Date(TEST_EPOCH.getTime() + hours * HOUR)

const ONE: Suggestions = {
  kb: [{ type: 'kb', id: 1, title: 'A', titleHtml: 'A', language: 'en', detail: '', status: null }],
  threads: [],
}
const NONE: Suggestions = { kb: [], threads: [] }

async function run<T extends (args: never) => unknown>(fn: T, args: Parameters<T>[0]) {
  return callRoute(fn, args)
}

beforeEach(() => {
  configureKbIndex({
    file: path.resolve(`tmp/test-db/kb-index-deflection-${process.pid}.json`),
    checkIntervalMs: 0,
    firstWaitMs: 60_000,
  })
  resetKbIndexForTests()
})

describe('deflection, as the README defines it', () => {
  it('is visits that opened a suggestion and posted nothing in 24 h, over visits that showed suggestions', async () => {
    const users = await Promise.all(Array.from({ length: 9 }, () => makeUser()))
    const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = users
    const visit = (user: (typeof users)[number], hours: number) => {
      setClock(at(hours))
      return startAskVisit(user.id)
    }

    // 1. Shown, opened, nothing posted: deflected.
    const v1 = visit(u1, 0)
    logSuggestionsShown(v1, 'beans', ONE, u1.id)
    logSuggestionOpened(v1, 'kb', 1, u1.id)
    // 2. Shown, opened, then posted from the same form 10 minutes later: not deflected.
    const v2 = visit(u2, 1)
    logSuggestionsShown(v2, 'beans', ONE, u2.id)
    logSuggestionOpened(v2, 'kb', 1, u2.id)
    setClock(at(1.2))
    markAskVisitPosted(v2, await makeQuestion(u2), u2.id)
    // 3. Shown but nothing opened: counts in the denominator only.
    const v3 = visit(u3, 2)
    logSuggestionsShown(v3, 'beans', ONE, u3.id)
    // 4. Suggestions asked for but none found: did not show suggestions.
    const v4 = visit(u4, 3)
    logSuggestionsShown(v4, 'zzz', NONE, u4.id)
    // 5. Opened a suggestion, left, and asked anyway from another tab 5 hours later.
    const v5 = visit(u5, 4)
    logSuggestionsShown(v5, 'beans', ONE, u5.id)
    logSuggestionOpened(v5, 'kb', 1, u5.id)
    setClock(at(9))
    await makeQuestion(u5)
    // 6. Opened a suggestion and only asked 30 hours later: deflected (outside the 24 h).
    const v6 = visit(u6, 5)
    logSuggestionsShown(v6, 'beans', ONE, u6.id)
    logSuggestionOpened(v6, 'kb', 1, u6.id)
    setClock(at(35))
    await makeQuestion(u6)
    // 7. Shown and opened less than 24 h before "now": still pending.
    const v7 = visit(u7, 40)
    logSuggestionsShown(v7, 'beans', ONE, u7.id)
    logSuggestionOpened(v7, 'kb', 1, u7.id)
    // 8. A visit with nothing shown at all.
    visit(u8, 6)
    // 9. Outside the range asked for.
    const v9 = visit(u9, 100)
    logSuggestionsShown(v9, 'beans', ONE, u9.id)
    logSuggestionOpened(v9, 'kb', 1, u9.id)

    setClock(at(50))
    expect(getDeflection(at(0), at(48))).toEqual({
      visits: 8,
      showedSuggestions: 5,
      deflected: 2,
      pending: 1,
      rate: 0.4,
    })
    // Once visit 7's day has passed, it counts as deflected too.
    setClock(at(80))
    expect(getDeflection(at(0), at(48))).toMatchObject({
      showedSuggestions: 6,
      deflected: 3,
      pending: 0,
      rate: 0.5,
    })
    expect(getDeflection(at(200), at(300))).toEqual({
      visits: 0,
      showedSuggestions: 0,
      deflected: 0,
      pending: 0,
      rate: null,
    })
  })

  it("ignores events logged against someone else's visit", async () => {
    const owner = await makeUser()
    const stranger = await makeUser()
    const v = startAskVisit(owner.id)
    expect(logSuggestionsShown(v, 'beans', ONE, stranger.id)).toBe(false)
    expect(logSuggestionOpened(v, 'kb', 1, null)).toBe(false)
    expect(markAskVisitPosted('no-such-visit', 1, owner.id)).toBe(false)
    expect(db.select().from(searchEvents).all()).toEqual([])
    expect(db.select().from(askVisits).where(eq(askVisits.id, v)).get()).toMatchObject({
      firstShownAt: null,
      firstOpenedAt: null,
    })
  })
})

describe('the ask form logs its visit', () => {
  it('from the first view through suggestions shown and opened to the posted question', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const solved = await makeQuestion(helper, { title: 'Refund to GoPay has not arrived' })
    await makeAnswer(await makeUser({ role: 'staff' }), solved, 'Refunds to GoPay take one day.')

    const page = await run(askLoader, {
      request: await request('/ask', asker),
      params: {},
      context: { ...context },
    } as never)
    const { visitId } = (await page.json()) as { visitId: string }
    expect(db.select().from(askVisits).get()).toMatchObject({ id: visitId, userId: asker.id })

    setClock(at(0.01))
    const suggested = await run(suggestLoader, {
      request: await request(
        `/resources/suggest?title=${encodeURIComponent('GoPay refund')}&visit=${visitId}`,
        asker,
      ),
      params: {},
      context,
    } as never)
    const { suggestions } = (await suggested.json()) as { suggestions: Suggestions }
    expect(suggestions.threads.map((t) => t.id)).toEqual([solved])

    setClock(at(0.02))
    const opened = await run(goLoader, {
      request: await request(`/go?type=question&id=${solved}&from=suggest&visit=${visitId}`, asker),
      params: {},
      context,
    } as never)
    expect(opened.status).toBe(302)

    setClock(at(0.05))
    const posted = await run(askAction, {
      request: await request('/ask', asker, {
        form: {
          intent: 'save',
          visit: visitId,
          title: 'My refund to GoPay is still missing',
          body: 'It has been three days since the refund was confirmed by e-mail.',
          category: 'orders-shipping',
          tags: 'shipping',
        },
      }),
      params: {},
      context: { ...context },
    } as never)
    expect(posted.status).toBe(302)
    const questionId = Number(posted.headers.get('Location')!.split('/')[2])

    expect(db.select().from(askVisits).get()).toEqual({
      id: visitId,
      userId: asker.id,
      startedAt: TEST_EPOCH,
      firstShownAt: at(0.01),
      firstOpenedAt: at(0.02),
      questionId,
      postedAt: at(0.05),
    })
    expect(
      db.select({ kind: searchEvents.kind }).from(searchEvents).orderBy(searchEvents.id).all(),
    ).toEqual([{ kind: 'suggest_shown' }, { kind: 'suggest_opened' }])
    setClock(at(30))
    expect(getDeflection(at(-1), at(1))).toMatchObject({ showedSuggestions: 1, deflected: 0 })
  })

  it('without JavaScript, "Check for answers" shows suggestions and keeps the same visit', async () => {
    const asker = await makeUser()
    const staff = await makeUser({ role: 'staff' })
    const solved = await makeQuestion(staff, { title: 'Company invoice with NPWP' })
    await makeAnswer(await makeUser({ role: 'helper' }), solved, 'Add the NPWP under Billing.')
    const first = await run(askLoader, {
      request: await request('/ask', asker),
      params: {},
      context: { ...context },
    } as never)
    const { visitId } = (await first.json()) as { visitId: string }

    // One document request: the action, then the loader, sharing the request's context.
    const requestContext = { ...context }
    const checked = await run(askAction, {
      request: await request('/ask', asker, {
        form: { intent: 'check', visit: visitId, title: 'Invoice NPWP', body: '' },
      }),
      params: {},
      context: requestContext,
    } as never)
    const data = (await checked.json()) as { suggestions: Suggestions; values: { title: string } }
    expect(data.suggestions.threads.map((t) => t.id)).toEqual([solved])
    expect(data.values.title).toBe('Invoice NPWP')
    const again = await run(askLoader, {
      request: await request('/ask', asker),
      params: {},
      context: requestContext,
    } as never)
    expect(((await again.json()) as { visitId: string }).visitId).toBe(visitId)
    expect(db.select().from(askVisits).all()).toHaveLength(1)
    expect(db.select().from(askVisits).get()?.firstShownAt).toEqual(TEST_EPOCH)
  })

  it('asks for a title before checking for answers', async () => {
    const asker = await makeUser()
    const res = await run(askAction, {
      request: await request('/ask', asker, { form: { intent: 'check', title: '  ', body: '' } }),
      params: {},
      context: { ...context },
    } as never)
    const data = (await res.json()) as { fieldErrors: Record<string, string> }
    expect(inEnglish(data.fieldErrors.title)).toBe(
      'Type your question’s title first, then check for answers',
    )
  })
})
