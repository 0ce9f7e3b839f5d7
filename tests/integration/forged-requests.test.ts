import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startApp, type RunningApp } from '../setup/app'
import {
  databaseSnapshot,
  readsIntent,
  routeTable,
  seedSite,
  sessionCookie,
  urlFor,
  type RouteEntry,
  type Site,
} from '../setup/site'

// Every route that takes a POST, and every intent its action reads, forged three ways. The
// list comes from the Remix build (the route files that export an action) and from each
// route's `intents` export, so a new route or intent is covered without anyone adding it here.

vi.mock('~/modules/search/kb-index.server', () => ({
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

let app: RunningApp
let site: Site
let routes: RouteEntry[]

beforeAll(async () => {
  app = await startApp()
  routes = (await routeTable()).filter((r) => r.hasAction)
})
afterAll(() => app.close())
beforeEach(async () => {
  site = await seedSite()
})

const FORGERIES: [string, Record<string, string>][] = [
  ['a foreign Origin', { Origin: 'https://evil.example' }],
  ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ['our Origin but Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ['neither Origin nor Sec-Fetch-Site', {}],
]

/** Every (route, intent) pair; a route that reads no intent is posted once without one. */
function targets() {
  return routes.flatMap((route) =>
    (route.intents ?? [null]).map((intent) => ({
      route,
      intent,
      url: urlFor(route.pattern, site),
    })),
  )
}

/**
 * A form that would do something if it got through: the fields the actions read, filled with
 * values that pass their validation, and the admin's session, who may do anything.
 */
function formFor(intent: string | null): Record<string, string> {
  return {
    ...(intent === null ? {} : { intent }),
    title: 'A forged question about the grinder settings',
    body: 'This text was posted from another site and must never be saved anywhere.',
    summary: 'A forged summary that must never be saved.',
    markdown: 'forged',
    category: 'brewing-help',
    tags: 'v60',
    status: 'published',
    comment: 'forged',
    note: 'forged',
    postType: 'question',
    postId: String(site.questionId),
    value: '-1',
    answerId: String(site.answerId),
    articleId: '1',
    original: String(site.questionId),
    helpful: 'no',
    reason: 'outdated',
    mode: 'publish',
    minScore: '0',
    minAcceptedDays: '0',
    minAuthorReputation: '0',
    email: 'forger@example.test',
    password: 'a forged password',
    handle: 'forger',
    displayName: 'Forger',
    redirectTo: '/',
  }
}

describe('forged requests', () => {
  it('finds the routes, and every route that reads an intent says which', () => {
    expect(routes.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'routes/login',
        'routes/ask',
        'routes/questions.$questionId.($slug)',
      ]),
    )
    for (const route of routes.filter(readsIntent))
      expect(route.intents?.length, `${route.file} must export its intents`).toBeGreaterThan(0)
  })

  it.each(FORGERIES)(
    'with %s: every route and intent is refused, nothing changes',
    async (name, forged) => {
      const admin = await sessionCookie(site.users.admin)
      const before = databaseSnapshot()
      const headers =
        name === 'our Origin but Sec-Fetch-Site: cross-site'
          ? { ...forged, Origin: app.url }
          : forged
      let sent = 0
      for (const { route, intent, url } of targets()) {
        const res = await fetch(`${app.url}${url}`, {
          method: 'POST',
          headers: { ...headers, Cookie: admin },
          body: new URLSearchParams(formFor(intent)),
          redirect: 'manual',
        })
        expect(res.status, `${route.id} ${intent ?? ''}`).toBe(403)
        expect(await res.text()).toContain('sent from another site')
        sent++
      }
      const after = databaseSnapshot()
      expect(after.counts).toEqual(before.counts)
      expect(after.digest === before.digest, 'no row changed').toBe(true)
      expect(sent).toBeGreaterThanOrEqual(routes.length)
    },
  )

  it('the same posts from our own origin reach their routes (so the 403 was the check)', async () => {
    // Signed out and without fields, so that nothing is done: each route answers for itself
    // (a redirect to log in, a validation error), never with the origin check's 403.
    for (const { route, intent, url } of targets()) {
      const res = await fetch(`${app.url}${url}`, {
        method: 'POST',
        headers: { Origin: app.url, 'Sec-Fetch-Site': 'same-origin' },
        body: new URLSearchParams(intent === null ? {} : { intent }),
        redirect: 'manual',
      })
      expect(res.status, `${route.id} ${intent ?? ''}`).not.toBe(403)
      expect(res.status, `${route.id} ${intent ?? ''}`).toBeLessThan(500)
    }
  })
})
