import { acceptToken } from '~/modules/surveys/reminders.server'
import { getSurveyRow, surveyToken } from '~/modules/surveys/surveys.server'
import { readFileSync } from 'node:fs'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { unsubscribeToken } from '~/modules/mail/unsubscribe.server'
import { follow } from '~/modules/notifications/follows.server'
import { listFiltersSchema } from '~/modules/questions/validation'
import { openParamsSchema, searchParamsSchema } from '~/modules/search/validation'
import { deskFilters, threadStaffIntent } from '~/modules/escalation/desk-validation'
import { escalateByHand } from '~/modules/escalation/escalate.server'
import { addNote } from '~/modules/escalation/notes.server'
import { addOverride } from '~/modules/escalation/rota.server'
import { flagPost } from '~/modules/flags/flags.server'
import { claimItem } from '~/modules/flags/review.server'
import { reviewFilterSchema } from '~/modules/flags/validation'
import { sanctionUser } from '~/modules/moderation/sanctions.server'
import { hideAnswer } from '~/modules/moderation/posts.server'
import { setPublishConsent } from '~/modules/privacy/privacy.server'
import { queueFiltersSchema } from '~/modules/queue/validation'
import { setClock } from '~/utils/clock.server'
import { createTemplate } from '~/modules/templates/templates.server'
import { sqlite } from '~/utils/db.server'
import { slugify } from '~/utils/slug'
import { questionIntent } from '~/utils/question-intents'
import { threadModerationIntent } from '~/modules/moderation/thread-validation'
import { auditFiltersSchema } from '~/modules/audit/validation'
import { issueToken } from '~/modules/accounts/tokens.server'
import { write } from '~/utils/db.server'
import { makeQuestion, TEST_PASSWORD, type TestUser } from '../factories'
import { startApp, type RunningApp } from '../setup/app'
import { TEST_EPOCH } from '../setup/integration'
import {
  copyDatabase,
  restoreDatabase,
  routeTable,
  seedModerationStates,
  seedSite,
  sessionCookie,
  takeLoggedErrors,
  type DatabaseCopy,
  type ModerationStates,
  type RouteEntry,
  type Site,
} from '../setup/site'

// Every form field and every query parameter of the build, one at a time, with what nobody's
// browser sends: nothing, far too much, control characters, broken encodings, numbers out of
// range, repeated fields, JSON, markup and a sample of the XSS and naughty-string corpora. Each
// answer must be a 4xx (or the page, or a redirect), never a 5xx; no stack trace or path of
// ours in it; within a few seconds; a form shown again keeps what was typed; and the app still
// answers /healthz at the end. Fields come from the question page's zod schema and from the
// forms the pages render; parameters from what each route reads.

vi.mock('~/modules/search/kb-index.server', () => ({
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

// ── The corpora: a fixed, spread-out sample of each per field ───────────────────────────────

const fixtureDir = new URL('../fixtures/payloads/', import.meta.url)
const readFixture = (name: string) => readFileSync(new URL(name, fixtureDir), 'utf8')
const jsonl = (name: string) =>
  readFixture(name)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { payload: string }).payload)

const CORPORA: string[][] = [
  JSON.parse(readFixture('blns.json')) as string[],
  readFixture('payloadbox-xss-payload-list.txt')
    .split('\n')
    .filter((line) => line !== ''),
  jsonl('dompurify-fixture-payloads.jsonl'),
  jsonl('owasp-xss-filter-evasion.jsonl'),
  jsonl('forum-markdown-xss.jsonl'),
]

/**
 * Payloads from the corpora per field, every corpus in turn; a field that several intents of
 * one form send shares them out between the intents. Chosen to bound the run (about 3,000
 * requests at about 10 ms each, most of it rendering the page, on 2 cores).
 */
const SAMPLE_PER_FIELD = 8
const SAMPLE_PER_PARAMETER = 4

/** A small deterministic generator (mulberry32), seeded from the field's name and place. */
function generator(seed: string) {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 7)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function corpusSample(seed: string, count = SAMPLE_PER_FIELD): string[] {
  const next = generator(seed)
  return Array.from({ length: count }, (_, i) => {
    const corpus = CORPORA[i % CORPORA.length]
    return corpus[Math.floor(next() * corpus.length)]
  })
}

// ── Hostile values ──────────────────────────────────────────────────────────────────────────

/**
 * One hostile value for a field named `name`: `encode` writes it into a urlencoded body or
 * query string as it is sent (broken escapes are written raw); `typed` is the string the server
 * reads back, when there is one, which a form shown again must keep.
 */
type Hostile = { label: string; encode: (name: string) => string; typed?: string }

/** A corpus string may hold a lone surrogate; a form sends U+FFFD in its place. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

const plain = (label: string, value: string): Hostile => ({
  label,
  encode: (name) => `${encodeURIComponent(name)}=${encodeURIComponent(wellFormed(value))}`,
  typed: wellFormed(value),
})
const raw = (label: string, encoded: string): Hostile => ({
  label,
  encode: (name) => `${encodeURIComponent(name)}=${encoded}`,
})

/** Over the 512 KB body limit with one field. */
const OVER_THE_LIMIT = 513 * 1024

const NUMBERS = ['-1', '0', '1e309', '9007199254740993', 'NaN']

/**
 * The hostile values for one field. Numbers out of range go to fields that hold numbers, ids
 * and choices; free text gets the corpora in their place. A query string cannot be 100 KB (Node
 * refuses a request line over 16 KB with a 431 before any route sees it): 4 KB, escaped, is
 * what a long link can carry to the page.
 */
function hostileValues(options: { corpus: string[]; numbers: boolean; long: number }): Hostile[] {
  return [
    plain('empty', ''),
    plain(`${options.long / 1024} KB`, 'ab<c>'.repeat(options.long / 5)),
    plain(
      'NUL and control characters',
      'a\u0000b\u0001\u0007\b\t\n\u000b\f\r\u001b[31mc\u007f\u0085\u2028\u2029',
    ),
    raw('lone surrogates and invalid UTF-8', '%ED%A0%80x%ED%B0%80%FF%FE%C0%AF'),
    raw('broken % escapes, ending in a bare %', '%E0%A4%A%zz%2x%'),
    ...(options.numbers ? NUMBERS.map((n) => plain(n, n)) : []),
    {
      label: 'the field twice',
      encode: (name) => `${encodeURIComponent(name)}=1&${encodeURIComponent(name)}=2`,
    },
    plain('JSON', '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"a":[1,2]}'),
    plain('HTML and script', '"><script>alert(1)</script><img src=x onerror=alert(1)>'),
    ...options.corpus.map((payload, i) =>
      plain(`corpus: ${payload.slice(0, 40)} (${i + 1})`, payload),
    ),
  ]
}

/** The whole body over 512 KB: refused before anything reads it, whichever field is large. */
const overTheLimit = (name: string) => plain('over 512 KB', 'x'.repeat(OVER_THE_LIMIT)).encode(name)

/** Fields no form has, some named like what JavaScript objects carry. */
const UNKNOWN_FIELDS =
  '__proto__=x&__proto__%5Badmin%5D=1&constructor=x&prototype=x&hasOwnProperty=x&toString=x&valueOf=x&_data=routes%2Froot&unknown=1'

// ── What a response must (not) be ───────────────────────────────────────────────────────────

/** React's escaping of text and attribute values, to find what was typed in the page. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
}
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c])

const INTERNALS: [string, RegExp][] = [
  ['a stack frame', /\n\s*at [^\n]*:\d+:\d+\)?/],
  ['a path of this checkout', new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))],
  ['node_modules', /node_modules\//],
  ['the server build', /build\/(index|server)\.js/],
  ['an SQLite error', /SqliteError|SQLITE_[A-Z]/],
]

const ANSWER_WITHIN_MS = 5_000

// ── Forms, read from the pages ──────────────────────────────────────────────────────────────

type HastNode = {
  type: string
  tagName?: string
  properties?: Record<string, unknown>
  children?: HastNode[]
  value?: string
}

const parser = unified().use(rehypeParse)

function* walk(node: HastNode): Generator<HastNode> {
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}

const prop = (node: HastNode, name: string) => {
  const v = node.properties?.[name]
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : undefined
}
const text = (node: HastNode): string =>
  node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join('')

type Field = { value: string; typed: boolean }
/** One form as the page renders it: the intents its buttons send, its fields and their values. */
type RenderedForm = { action: string; intents: string[]; fields: Map<string, Field> }

/** Text-like controls show what was typed when the form comes back. */
const TYPED_INPUTS = new Set(['text', 'email', 'search', 'url', 'tel', 'number'])

function formsIn(html: string, pagePath: string): RenderedForm[] {
  const tree = parser.parse(html) as HastNode
  const forms: RenderedForm[] = []
  for (const form of walk(tree)) {
    if (form.tagName !== 'form' || (prop(form, 'method') ?? 'get').toLowerCase() !== 'post')
      continue
    const action = (prop(form, 'action') ?? pagePath).split('#')[0]
    const intents: string[] = []
    const fields = new Map<string, Field>()
    const set = (name: string, value: string, typed: boolean) => {
      if (!fields.has(name) || (fields.get(name)?.value === '' && value !== ''))
        fields.set(name, { value, typed })
    }
    for (const node of walk(form)) {
      const name = prop(node, 'name')
      if (!name) continue
      const type = (prop(node, 'type') ?? 'text').toLowerCase()
      if (node.tagName === 'button' || (node.tagName === 'input' && type === 'submit')) {
        if (name === 'intent') intents.push(prop(node, 'value') ?? '')
        // Other buttons (Yes/No) carry a value of their own, the first as the default.
        else set(name, prop(node, 'value') ?? '', false)
      } else if (node.tagName === 'input') {
        if (name === 'intent') intents.push(prop(node, 'value') ?? '')
        else if (type === 'radio' || type === 'checkbox')
          set(name, node.properties?.checked ? (prop(node, 'value') ?? 'on') : '', false)
        else set(name, prop(node, 'value') ?? '', TYPED_INPUTS.has(type))
      } else if (node.tagName === 'textarea') set(name, text(node).replace(/^\n/, ''), true)
      else if (node.tagName === 'select') {
        const options = [...walk(node)].filter((n) => n.tagName === 'option')
        const chosen =
          options.find((o) => o.properties?.selected) ?? options.find((o) => prop(o, 'value'))
        set(name, chosen ? (prop(chosen, 'value') ?? text(chosen)) : '', false)
      }
    }
    forms.push({ action, intents: intents.length > 0 ? intents : [ONLY], fields })
  }
  return forms
}

/** No intent: the route's one action. */
const ONLY = ''

// ── The fixture and who fills in each form ──────────────────────────────────────────────────

type Fixture = {
  site: Site
  states: ModerationStates
  cookies: Map<number, string>
  desk: { escalationId: number; noteId: number }
}

let app: RunningApp
let fx: Fixture
let fixture: DatabaseCopy | undefined
let requests = 0
/** Answers that showed a form again with a typed field in it, checked for what was typed. */
let formsShownAgain = 0
let slowest = { ms: 0, what: '' }
/**
 * Answers met as a known bug describes (handed over; each has an `it.fails` at the end):
 * - unmappedDomainError: a 500 whose only logged errors are domain errors, which the mapping
 *   in server.ts does not recognise when the Remix build threw them (see authorization-matrix).
 * - lostEditSummary: the question editor shows a preview, or its errors, without the edit
 *   summary that was typed (`comment`): the action sends it back, the form has no value for it.
 */
const knownBugs = { unmappedDomainError: 0, lostEditSummary: 0 }

const knownLostSummary = (route: string, field: string, problem: string) =>
  route === 'routes/questions.$questionId.edit' &&
  field === 'comment' &&
  problem.startsWith('the form came back')

const ROUTES: RouteEntry[] = await routeTable()

async function seedFixture(): Promise<Fixture> {
  const site = await seedSite()
  const states = await seedModerationStates(site)
  const cookies = new Map<number, string>()
  for (const user of [site.users.admin, site.users.member])
    cookies.set(user.id, await sessionCookie(user))
  // An escalation and a note on the question, so the staff forms show there and on the desk.
  const desk = {
    escalationId: escalateByHand(site.users.helper, site.questionId, 'Only staff can check'),
    noteId: await addNote(site.users.admin, site.questionId, 'Checked with the courier.'),
  }
  return { site, states, cookies, desk }
}

beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app.close()
  console.info(
    `hostile input: ${requests} requests, ${formsShownAgain} forms shown again checked for what was typed, slowest ${Math.round(slowest.ms)} ms (${slowest.what}); answers met as a known bug: ${JSON.stringify(knownBugs)}`,
  )
})
beforeEach(async () => {
  // Every logged error is looked at by `send`; the known bug would print a stack per answer.
  const logError = console.error
  if (vi.isMockFunction(logError)) logError.mockImplementation(() => undefined)
  if (fixture) restoreDatabase(fixture)
  else {
    fx = await seedFixture()
    fixture = copyDatabase()
  }
}, 60_000)

/**
 * Where each action's forms are: the pages to read them from (after `prepare`, when a form only
 * appears in some state) and the person who sees them there and posts them. Every route with
 * an action needs a row; a new one fails the coverage test until it has one.
 */
type FormPlace = {
  page: (fx: Fixture) => string | string[]
  who: (fx: Fixture) => TestUser | null
  prepare?: (fx: Fixture) => Promise<void>
}

const admin = (fx: Fixture) => fx.site.users.admin
/** Made by the e-mailed links' `prepare`. */
const emailedLinks = { reset: '', confirm: '' }
/** Made by the publish forms' `prepare`, fresh for each of its intents. */
let ownPrivateQuestions: string[] = []

function brewingHelpId(): number {
  const row = sqlite.prepare("select id from categories where slug = 'brewing-help'").get()
  return (row as { id: number }).id
}
const signedOut = () => null

const FORM_PLACES: Record<string, FormPlace> = {
  // The escalated question has the staff forms; another shows the escalate-by-hand form.
  'routes/questions.$questionId.($slug)': {
    page: (fx) => [fx.site.questionPath, fx.states.host.path],
    who: admin,
  },
  'routes/desk': { page: () => '/desk', who: admin },
  // Two flagged posts put items in the review queue: one to claim, one claimed (to release).
  'routes/review': {
    page: () => '/review',
    who: admin,
    prepare: async (fx) => {
      flagPost(fx.site.users.helper, 'question', fx.site.questionId, { reason: 'spam' })
      const { reviewItemId } = flagPost(fx.states.users.otherMember, 'answer', fx.site.answerId, {
        reason: 'rude',
      })
      claimItem(admin(fx), reviewItemId)
      // a removed post: its item offers Restore
      hideAnswer(admin(fx), fx.site.answerId, { reason: 'spam', note: '' })
    },
  },
  'routes/answers.$answerId.edit': {
    page: (fx) => `/answers/${fx.site.answerId}/edit`,
    who: admin,
  },
  'routes/questions.$questionId.edit': {
    page: (fx) => `/questions/${fx.site.questionId}/edit`,
    who: admin,
  },
  'routes/ask': { page: () => '/ask', who: admin },
  // Once the visitor has said yes or no, the page asks why, or offers to change the answer.
  'routes/kb.$slug': {
    page: (fx) => [
      `/kb/${fx.site.articleSlug}?feedback=change`,
      `/kb/${fx.site.articleSlug}?feedback=more`,
    ],
    who: admin,
    prepare: async (fx) => {
      await send(`/kb/${fx.site.articleSlug}`, admin(fx), 'intent=helpful&helpful=yes')
    },
  },
  'routes/kb.$slug_.edit': { page: (fx) => `/kb/${fx.site.articleSlug}/edit`, who: admin },
  'routes/kb.new': { page: () => '/kb/new', who: admin },
  // Stop shows on an automatic template, Answer automatically on the others.
  'routes/templates._index': {
    page: () => '/templates',
    who: admin,
    prepare: async (fx) => {
      const made = createTemplate(admin(fx), {
        title: 'Parcel stuck: wait, then trace',
        category: '',
        tags: [],
        visibility: 'public',
        language: 'en',
        body: 'Hi {{asker.name|there}}, give it four working days, then send the order number.',
      })
      if (made.ok)
        sqlite.prepare('update reply_templates set automatic = 1 where id = ?').run(made.id)
    },
  },
  'routes/templates.new': { page: () => '/templates/new', who: admin },
  'routes/templates.$templateId.edit': {
    page: (fx) => `/templates/${fx.site.templateId}/edit`,
    who: admin,
  },
  'routes/kb.candidates.$candidateId._index': {
    page: (fx) => `/kb/candidates/${fx.site.candidateId}`,
    who: admin,
  },
  'routes/kb.candidates._index': { page: () => '/kb/candidates', who: admin },
  // Only articles past their review date are listed, with the form to mark them reviewed.
  'routes/kb.review': {
    page: () => '/kb/review',
    who: admin,
    prepare: async () => {
      setClock(new Date(TEST_EPOCH.getTime() + 200 * 24 * 60 * 60_000))
    },
  },
  // The footer's language switcher, on every page.
  'routes/language': { page: () => '/', who: admin },
  'routes/login': { page: () => '/login?redirectTo=%2Fask', who: signedOut },
  'routes/signup': { page: () => '/signup?redirectTo=%2Fask', who: signedOut },
  // The header's form, on every page for someone signed in.
  'routes/logout': { page: () => '/', who: admin },
  'routes/settings.search': { page: () => '/settings/search', who: admin },
  'routes/settings.spam': { page: () => '/settings/spam', who: admin },
  // An admin's own private questions show the asker's forms (allow, or withdraw once allowed)
  // and staff's Make public.
  'routes/questions.$questionId.publish': {
    page: () => ownPrivateQuestions,
    who: admin,
    prepare: async (fx) => {
      const asked = async (title: string) => {
        const id = await makeQuestion(fx.site.users.admin, {
          title,
          category: 'brewing-help',
          tags: ['v60'],
          visibility: 'private',
        })
        return { id, path: `/questions/${id}/${slugify(title)}` }
      }
      const waiting = await asked('Refund for order KN-1 went astray')
      const allowed = await asked('Refund for order KN-2 went astray')
      setPublishConsent(fx.site.users.admin, allowed.id, true)
      ownPrivateQuestions = [waiting.path, allowed.path]
    },
  },
  'routes/admin.sla.$categoryId': { page: () => `/admin/sla/${brewingHelpId()}`, who: admin },
  // A lift button shows only while a sanction is in force.
  'routes/users.$handle_.moderation': {
    page: (fx) => `/users/${fx.site.users.member.handle}/moderation`,
    who: admin,
    prepare: async (fx) => {
      sanctionUser(admin(fx), fx.site.users.member.id, {
        kind: 'silence',
        days: '2',
        reason: 'Cool down',
      })
    },
  },
  // An override's remove button shows only while one is coming up.
  'routes/admin.rota': {
    page: () => '/admin/rota',
    who: admin,
    prepare: async (fx) => {
      addOverride(admin(fx), {
        userId: String(admin(fx).id),
        startsAt: '2026-03-03T09:00',
        endsAt: '2026-03-04T09:00',
        reason: 'swap',
      })
    },
  },
  // "Mark all as read" shows while something is unread: the member's question was answered.
  'routes/notifications': { page: () => '/notifications', who: (fx) => fx.site.users.member },
  // The editor's script posts it (see SCRIPT_FORMS); the ask page is where that script runs.
  'routes/resources.markdown-preview': { page: () => '/ask', who: admin },
  // The unfollow buttons show once something is followed.
  'routes/settings.notifications': {
    page: () => '/settings/notifications',
    who: admin,
    prepare: async (fx) => follow(admin(fx), { type: 'question', id: fx.site.questionId }),
  },
  // The member's e-mail about the answer waits there, with its retry button.
  'routes/admin.outbox': { page: () => '/admin/outbox', who: admin },
  // The link from an e-mail, opened signed out.
  'routes/unsubscribe': {
    page: (fx) =>
      `/unsubscribe?token=${encodeURIComponent(unsubscribeToken(fx.site.users.member.id, 'question.answered'))}`,
    who: signedOut,
  },
  // The e-mailed links, opened signed out: a password reset and a new address to confirm.
  'routes/forgot-password': { page: () => '/forgot-password', who: signedOut },
  'routes/reset-password': {
    page: () => `/reset-password?token=${emailedLinks.reset}`,
    who: signedOut,
    prepare: async (fx) => {
      emailedLinks.reset = write((tx) =>
        issueToken(tx, {
          userId: fx.site.users.member.id,
          purpose: 'password_reset',
          ttlMs: 3_600_000,
        }),
      )
    },
  },
  'routes/confirm-email': {
    page: () => `/confirm-email?token=${emailedLinks.confirm}`,
    who: signedOut,
    prepare: async (fx) => {
      emailedLinks.confirm = write((tx) =>
        issueToken(tx, {
          userId: fx.site.users.member.id,
          purpose: 'email_change',
          ttlMs: 3_600_000,
          newEmail: 'moved@example.test',
        }),
      )
    },
  },
  'routes/settings.profile': { page: () => '/settings/profile', who: admin },
  'routes/settings.account': { page: () => '/settings/account', who: admin },
  'routes/admin.users.$handle': {
    page: (fx) => `/admin/users/${fx.site.users.member.handle}`,
    who: admin,
  },
  // The asker's survey of their solved question, on its thread.
  'routes/questions.$questionId.survey': {
    page: (fx) => fx.site.questionPath,
    who: (fx) => fx.site.users.member,
  },
  // The survey and accept links from e-mail, opened signed out.
  'routes/survey': {
    page: (fx) => {
      const row = getSurveyRow(fx.site.questionId)!
      const token = surveyToken(row.questionId, row.askerId, row.closesAt)
      return `/survey?token=${encodeURIComponent(token)}&rating=4`
    },
    who: signedOut,
  },
  'routes/accept': {
    page: (fx) => {
      const { askerId } = sqlite
        .prepare(
          'select q.author_id as askerId from answers a join questions q on q.id = a.question_id where a.id = ?',
        )
        .get(fx.states.answerId) as { askerId: number }
      return `/accept?token=${encodeURIComponent(acceptToken(fx.states.answerId, askerId))}`
    },
    who: signedOut,
  },
  'routes/dashboard.settings': { page: () => '/dashboard/settings', who: admin },
  // Unfollow on the followed question, follow on a category's list.
  'routes/follow': {
    page: (fx) => [fx.site.questionPath, '/questions?category=brewing-help'],
    who: admin,
    prepare: async (fx) => follow(admin(fx), { type: 'question', id: fx.site.questionId }),
  },
}

/**
 * Forms that scripts post and no page renders as a form: the markdown editor's live preview.
 */
const SCRIPT_FORMS: Record<string, RenderedForm[]> = {
  'routes/resources.markdown-preview': [
    {
      action: '/resources/markdown-preview',
      intents: [ONLY],
      fields: new Map([['markdown', { value: '**bold**', typed: false }]]),
    },
  ],
}

/** Values that pass validation, for fields a page renders empty (a new question, log-in). */
function validValue(fx: Fixture, route: string, field: string): string | undefined {
  const signup = route === 'routes/signup'
  const values: Record<string, string> = {
    title: 'Why does my French press taste muddy',
    body: 'Every cup has grit at the bottom, even with a coarse grind and a slow plunge.',
    summary: 'Brush the burrs after every bag of beans.',
    category: 'brewing-help',
    tags: 'v60',
    note: 'Too specific to one order.',
    comment: 'clearer',
    email: signup ? 'newcomer@example.test' : fx.site.users.member.email,
    password: signup ? 'a long enough password' : TEST_PASSWORD,
    handle: 'newcomer',
    displayName: 'Newcomer',
    redirectTo: '/ask',
    reason: route === 'routes/kb.$slug' ? 'solved' : 'spam',
    helpful: 'yes',
    original: String(fx.states.host.id),
    answerId: String(fx.site.answerId),
    postType: 'answer',
    postId: String(fx.site.answerId),
    value: '1',
    escalationId: String(fx.desk.escalationId),
    assigneeId: String(fx.site.users.admin.id),
    noteId: String(fx.desk.noteId),
    internalNote: 'Asked the courier for a trace.',
    escalateReason: 'An order problem only staff can look up',
    lockNote: 'A heated thread, cooling off',
    closeReason: 'off-topic',
    closeNote: 'Not about our shop',
    moveTo: 'brewing-help',
    moveNote: 'About brewing',
    retagTags: 'v60',
    retagNote: 'Clearer tags',
    bio: 'Home roaster in Bandung.',
    currentPassword: TEST_PASSWORD,
    newPassword: 'a long enough password',
    newEmail: 'moved@example.test',
    emailPassword: TEST_PASSWORD,
    deletePassword: TEST_PASSWORD,
    mergeInto: String(fx.states.host.id),
    mergeNote: 'The same question',
  }
  return values[field]
}

/**
 * The question page's fields come from its zod schema (some of its forms show only in states the
 * page is not in: restore, unhide, reopen); the rendered page still says which ones are typed.
 */
function schemaForms(fx: Fixture, rendered: RenderedForm[]): RenderedForm[] {
  const typed = new Set(
    rendered.flatMap((f) => [...f.fields].filter(([, v]) => v.typed).map(([name]) => name)),
  )
  return [
    ...questionIntent.options,
    ...threadStaffIntent.options,
    ...threadModerationIntent.options,
  ].map((option) => ({
    action: fx.site.questionPath,
    intents: [option.shape.intent.value],
    fields: new Map(
      Object.keys(option.shape)
        .filter((name) => name !== 'intent')
        .map((name) => [name, { value: '', typed: typed.has(name) }]),
    ),
  }))
}

type FormCase = {
  url: string
  who: TestUser | null
  fields: Map<string, Field>
  /** Every intent this form sends: they share the corpus samples of its fields. */
  intents: string[]
}

/** The forms of `route` that send `intent`, as its page renders them, with valid values. */
async function formsFor(route: RouteEntry, intent: string): Promise<FormCase[]> {
  const place = FORM_PLACES[route.id]
  await place.prepare?.(fx)
  const who = place.who(fx)
  const rendered: RenderedForm[] = []
  for (const page of [place.page(fx)].flat()) {
    const res = await send(page, who)
    expect(res.status, `GET ${page}`).toBe(200)
    rendered.push(...formsIn(res.body, page.split('?')[0]))
  }
  const forms =
    route.id === 'routes/questions.$questionId.($slug)'
      ? schemaForms(fx, rendered)
      : (SCRIPT_FORMS[route.id] ?? rendered.filter((f) => routeOf(f.action) === route.id))
  return forms
    .filter((f) => f.intents.includes(intent))
    .map((f) => ({
      url: f.action,
      who,
      intents: f.intents,
      fields: new Map(
        [...f.fields].map(([name, field]) => [
          name,
          { ...field, value: field.value || (validValue(fx, route.id, name) ?? '') },
        ]),
      ),
    }))
}

/** The route a form posts to, by matching its action against the route patterns. */
function routeOf(action: string): string | undefined {
  const path = action.split('?')[0]
  const matching = ROUTES.filter((r) => r.hasAction).filter((r) => {
    const pattern = r.pattern
      .split('/')
      .map((part) =>
        part.startsWith(':')
          ? part.endsWith('?')
            ? '(?:/[^/]+)?'
            : '/[^/]+'
          : part
            ? `/${part}`
            : '',
      )
      .join('')
    return new RegExp(`^${pattern}/?$`).test(path)
  })
  // As the router ranks them: the pattern with the most fixed segments wins.
  const fixed = (r: RouteEntry) =>
    r.pattern.split('/').filter((p) => p && !p.startsWith(':')).length
  return matching.sort((a, b) => fixed(b) - fixed(a))[0]?.id
}

// ── Sending ─────────────────────────────────────────────────────────────────────────────────

type Answer = { status: number; body: string; ms: number; problems: string[] }

/**
 * One request, with a deadline. Every error the app logged while answering is looked at: a 500
 * from the known domain-error bug is counted, any other logged error is a problem.
 */
async function send(path: string, who: TestUser | null, body?: string): Promise<Answer> {
  requests++
  const cookie = who ? fx.cookies.get(who.id) : undefined
  const started = performance.now()
  const problems: string[] = []
  let status = 0
  let text = ''
  try {
    const res = await fetch(`${app.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        ...(body === undefined
          ? {}
          : {
              Origin: app.url,
              'Sec-Fetch-Site': 'same-origin',
              'Content-Type': 'application/x-www-form-urlencoded',
            }),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    })
    status = res.status
    text = await res.text()
  } catch (error) {
    problems.push(`no answer within ${ANSWER_WITHIN_MS} ms (${String(error)})`)
  }
  const ms = performance.now() - started
  if (ms > slowest.ms)
    slowest = { ms, what: `${body === undefined ? 'GET' : 'POST'} ${path.slice(0, 80)}` }
  const logged = takeLoggedErrors()
  const domainOnly = logged.length > 0 && logged.every((e) => e instanceof Error && 'kind' in e)
  if (status === 500 && domainOnly) knownBugs.unmappedDomainError++
  else {
    if (status >= 500) problems.push(`answered ${status}`)
    for (const e of logged)
      if (!(e instanceof Error && 'kind' in e))
        problems.push(`logged ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  }
  return { status, body: text, ms, problems }
}

/** What is wrong with an answer to `hostile` in `field`, besides what `send` found. */
function judge(answer: Answer, hostile: Hostile, field: Field | null, name: string): string[] {
  const problems = [...answer.problems]
  // What was sent may come back (escaped) and contain anything: look past it.
  const echoed = hostile.typed ? [hostile.typed, escapeHtml(hostile.typed)] : []
  const body = echoed.reduce((b, e) => (e ? b.split(e).join('') : b), answer.body)
  for (const [what, pattern] of INTERNALS)
    if (pattern.test(body))
      problems.push(`shows ${what}: ${body.match(pattern)?.[0].slice(0, 120)}`)
  // A form shown again (its page, or the page with the errors) keeps what was typed.
  const shownAgain = answer.status === 200 || (answer.status >= 400 && answer.status < 500)
  if (
    field?.typed &&
    hostile.typed &&
    shownAgain &&
    new RegExp(`name="${name}"`).test(answer.body)
  ) {
    formsShownAgain++
    if (!answer.body.includes(escapeHtml(hostile.typed)))
      problems.push(`the form came back (${answer.status}) without what was typed in ${name}`)
  }
  return problems
}

const encodeFields = (fields: Map<string, Field>, without: string) =>
  [...fields]
    .filter(([name]) => name !== without)
    .map(([name, f]) => `${encodeURIComponent(name)}=${encodeURIComponent(f.value)}`)

// ── Forms ───────────────────────────────────────────────────────────────────────────────────

const ACTION_ROUTES = ROUTES.filter((r) => r.hasAction)
const FORM_COLUMNS = ACTION_ROUTES.flatMap((route) =>
  (route.intents ?? [ONLY]).map((intent) => ({ id: route.id, intent })),
)

describe('hostile form fields: every action × every intent × every field it posts', () => {
  it('knows where every action’s forms are', () => {
    expect(Object.keys(FORM_PLACES).sort()).toEqual(ACTION_ROUTES.map((r) => r.id).sort())
  })

  it('sends only intents the route it posts to exports', async () => {
    const sent: string[] = []
    for (const route of ACTION_ROUTES) {
      const place = FORM_PLACES[route.id]
      await place.prepare?.(fx)
      for (const page of [place.page(fx)].flat()) {
        const res = await send(page, place.who(fx))
        for (const form of formsIn(res.body, page.split('?')[0])) {
          const target = ACTION_ROUTES.find((r) => r.id === routeOf(form.action))
          for (const intent of form.intents)
            if (target && !(target.intents ?? [ONLY]).includes(intent))
              sent.push(`${page}: a form sends intent "${intent}" to ${target.id}`)
        }
      }
    }
    expect(sent).toEqual([])
  })

  it.each(FORM_COLUMNS)('POST $id $intent', async ({ id, intent }) => {
    const route = ACTION_ROUTES.find((r) => r.id === id)!
    const forms = await formsFor(route, intent)
    expect(forms.length, `a form of ${id} that sends intent "${intent}"`).toBeGreaterThan(0)
    const problems: string[] = []
    const post = async (form: FormCase, body: string, what: string) => {
      const answer = await send(form.url, form.who, body)
      // A post that went through changed the fixture: later fields start from it again. Not
      // after logging in or signing up, which change nothing later posts read, and whose rate
      // limits, left to fill, spare the run a password hash per post.
      const through = answer.status >= 300 && answer.status < 400
      if (through && id !== 'routes/login' && id !== 'routes/signup') restoreDatabase(fixture!)
      return { answer, what }
    }
    // The intent field itself is the same field for every intent: it is tried with the first.
    const intentField = intent !== ONLY && intent === route.intents?.[0]
    for (const form of forms) {
      const intentPart = intent === ONLY ? [] : [`intent=${encodeURIComponent(intent)}`]
      const base = [...intentPart, ...encodeFields(form.fields, '')].join('&')
      const names = [...form.fields.keys(), ...(intentField ? ['intent'] : [])]
      for (const name of names) {
        const field = form.fields.get(name) ?? null
        const rest = [...(name === 'intent' ? [] : intentPart), ...encodeFields(form.fields, name)]
        // Free text gets more of the corpora; ids and choices fail on any of them alike.
        const sample = corpusSample(`${id} ${name}`, field?.typed ? SAMPLE_PER_FIELD : 3)
        const share = form.intents.length
        const corpus = sample.filter(
          (_, i) => name === 'intent' || i % share === form.intents.indexOf(intent),
        )
        const values = hostileValues({ corpus, numbers: !field?.typed, long: 100 * 1024 })
        for (const hostile of values) {
          const body = [...rest, hostile.encode(name)].join('&')
          const { answer, what } = await post(form, body, `${name} = ${hostile.label}`)
          for (const problem of judge(answer, hostile, field, name))
            if (knownLostSummary(id, name, problem)) knownBugs.lostEditSummary++
            else problems.push(`${form.url} ${what}: ${problem}`)
        }
      }
      const { answer } = await post(form, `${base}&${UNKNOWN_FIELDS}`, 'unknown fields')
      problems.push(...answer.problems.map((p) => `${form.url} unknown fields: ${p}`))
      const last = names.at(-1) ?? 'x'
      const tooLarge = await post(form, `${base}&${overTheLimit(last)}`, 'over 512 KB')
      if (tooLarge.answer.status !== 413)
        problems.push(`${form.url} over 512 KB: answered ${tooLarge.answer.status}, not 413`)
    }
    const health = await send('/healthz', null)
    expect(health.status, 'the app still answers').toBe(200)
    expect(problems).toEqual([])
  })
})

// ── Query parameters ────────────────────────────────────────────────────────────────────────

/** Routes that read the whole query through a schema: its keys are the parameters. */
const SCHEMA_PARAMS: Record<string, string[]> = {
  'routes/questions._index': [...Object.keys(listFiltersSchema.shape), 'deleted'],
  'routes/search': Object.keys(searchParamsSchema.shape),
  'routes/go': Object.keys(openParamsSchema.shape),
  'routes/desk': Object.keys(deskFilters.shape),
  'routes/queue': Object.keys(queueFiltersSchema.shape),
  'routes/review': Object.keys(reviewFilterSchema.shape),
  'routes/audit': Object.keys(auditFiltersSchema.shape),
}

/** A query that reaches the loader's interesting part, which each hostile parameter replaces. */
const BASE_QUERY: Record<string, (fx: Fixture) => Record<string, string>> = {
  'routes/go': (fx) => ({
    type: 'question',
    id: String(fx.site.questionId),
    from: 'search',
    q: 'sour',
  }),
  'routes/search': () => ({ q: 'sour coffee' }),
  'routes/resources.suggest': () => ({ title: 'sour coffee every morning' }),
  'routes/resources.tags': () => ({ q: 'v' }),
  'routes/login': () => ({ redirectTo: '/ask' }),
  'routes/signup': () => ({ redirectTo: '/ask' }),
}

/** The parameters a route reads: from its source, and from its schema when it has one. */
function paramsOf(route: RouteEntry): string[] {
  const source = readFileSync(route.file, 'utf8')
  const read = [...source.matchAll(/(?:searchParams|params)\.get(?:All)?\('([\w-]+)'\)/g)].map(
    (m) => m[1],
  )
  return [...new Set([...read, ...(SCHEMA_PARAMS[route.id] ?? [])])].sort()
}

/** URLs with the fixture's things in place of the route's parameters. */
function pageUrl(route: RouteEntry, fx: Fixture): string {
  return route.pattern.replace(/\/:(\w+)(\?)?/g, (_, name: string) => {
    switch (name) {
      case 'questionId':
        return `/${fx.site.questionId}`
      case 'answerId':
        return `/${fx.site.answerId}`
      case 'candidateId':
        return `/${fx.site.candidateId}`
      // The outbox's first message: the member's e-mail about the answer to their question.
      case 'messageId':
        return '/1'
      case 'handle':
        return `/${fx.site.users.member.handle}`
      case 'categoryId':
        return `/${fx.site.categoryId}`
      case 'templateId':
        return `/${fx.site.templateId}`
      case 'slug':
        return `/${route.pattern.startsWith('/kb/') ? fx.site.articleSlug : fx.site.questionPath.split('/')[3]}`
      default:
        throw new Error(`No fixture value for the route parameter :${name} in ${route.pattern}`)
    }
  })
}

/** Path segments nobody links to, for every parameter in a route's pattern. */
const HOSTILE_SEGMENTS = [
  '-1',
  '1e309',
  '9007199254740993',
  'NaN',
  '%00%01',
  '%ED%A0%80%FF%FE',
  '%25',
  'x'.repeat(4000),
  '..%2F..%2Fetc%2Fpasswd',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
]

const PAGE_ROUTES = ROUTES.filter((r) => r.hasLoader)

describe('hostile query parameters and path segments: every route with a loader', () => {
  it('reads the whole query only through a schema it lists', () => {
    for (const route of PAGE_ROUTES) {
      const source = readFileSync(route.file, 'utf8')
      if (/fromEntries\(url\.searchParams\)|parseSearchParams\(/.test(source))
        expect(SCHEMA_PARAMS[route.id], `${route.id} reads the whole query`).toBeDefined()
    }
  })

  it.each(PAGE_ROUTES.map((r) => r.id))('GET %s', async (id) => {
    const route = PAGE_ROUTES.find((r) => r.id === id)!
    const who = id === 'routes/login' || id === 'routes/signup' ? null : fx.site.users.admin
    const path = pageUrl(route, fx)
    const base = BASE_QUERY[id]?.(fx) ?? {}
    const problems: string[] = []
    // `_data` is Remix's own: which route's data a client-side request wants.
    for (const name of [...paramsOf(route), '_data']) {
      const rest = Object.entries(base)
        .filter(([k]) => k !== name)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      const corpus = corpusSample(`${id} ${name}`, SAMPLE_PER_PARAMETER)
      for (const hostile of hostileValues({ corpus, numbers: true, long: 4 * 1024 })) {
        const url = `${path}?${[...rest, hostile.encode(name)].join('&')}`
        const answer = await send(url, who)
        problems.push(
          ...judge(answer, hostile, null, name).map((p) => `${name} = ${hostile.label}: ${p}`),
        )
      }
    }
    for (const segment of route.pattern.includes(':') ? HOSTILE_SEGMENTS : []) {
      const url = route.pattern.replace(/:\w+\??/, segment).replace(/\/:\w+\??/g, '/x')
      const answer = await send(url, who)
      problems.push(
        ...judge(answer, plain(segment, decodeURIComponentSafe(segment)), null, '').map(
          (p) => `${url.slice(0, 80)}: ${p}`,
        ),
      )
    }
    const health = await send('/healthz', null)
    expect(health.status, 'the app still answers').toBe(200)
    expect(problems).toEqual([])
  })
})

function decodeURIComponentSafe(s: string) {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

describe('known bugs, handed over (each fails until it is fixed; then drop `.fails`)', () => {
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: {
      Origin: app.url,
      'Sec-Fetch-Site': 'same-origin',
      Cookie: fx.cookies.get(fx.site.users.admin.id) ?? '',
    },
    body: new URLSearchParams(fields),
    redirect: 'manual' as const,
  })

  // See `knownBugs.unmappedDomainError`.
  it('an answer id past 2^53 that matches no answer is a 404, not a 500', async () => {
    const res = await fetch(
      `${app.url}${fx.site.questionPath}`,
      form({ intent: 'accept', answerId: '9007199254740993' }),
    )
    takeLoggedErrors()
    expect(res.status).toBe(404)
  })

  // See `knownBugs.lostEditSummary`.
  it('the question editor keeps the edit summary typed when it shows a preview', async () => {
    const res = await fetch(
      `${app.url}/questions/${fx.site.questionId}/edit`,
      form({
        intent: 'preview',
        title: 'My V60 coffee tastes sour every single morning',
        body: 'The cup is sour and thin every morning with 15 g of beans and a medium grind.',
        category: 'brewing-help',
        tags: 'v60',
        comment: 'a clearer title',
      }),
    )
    takeLoggedErrors()
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('value="a clearer title"')
  })
})
