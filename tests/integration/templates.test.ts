import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { acceptAnswer, createAnswer, unacceptAnswer } from '~/modules/answers/answers.server'
import { emit } from '~/modules/events/events.server'
import { computeDashboard, resolveFilters } from '~/modules/metrics/dashboard.server'
import { createArticle } from '~/modules/kb/kb.server'
import { listNotifications } from '~/modules/notifications/notifications.server'
import type { Actor } from '~/modules/policy/policy'
import {
  autoRespond,
  AUTO_THRESHOLD,
  settleSuggestion,
  SYSTEM_HANDLE,
} from '~/modules/templates/autorespond.server'
import {
  loadTemplateFiles,
  parseTemplateFile,
  syncTemplateContent,
} from '~/modules/templates/content.server'
import {
  automateTemplate,
  checkAllAutomation,
  getTemplatesOverview,
  saveAutomationSettings,
} from '~/modules/templates/outcomes.server'
import {
  createTemplate,
  getFilledTemplate,
  templateUseData,
  updateTemplate,
} from '~/modules/templates/templates.server'
import type { TemplateInput } from '~/modules/templates/validation'
import { action as askAction } from '~/routes/ask'
import { action as questionAction } from '~/routes/questions.$questionId.($slug)'
import { action as templatesAction } from '~/routes/templates._index'
import { action as templatesNew } from '~/routes/templates.new'
import { now, setClock } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { slugify } from '~/utils/slug'
import {
  answers,
  automaticAnswers,
  events,
  notifications,
  questions,
  replyTemplates,
  templateUses,
  users,
} from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import {
  callRoute,
  context,
  inEnglish,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
} from '../factories'

vi.mock('~/modules/search/kb-index.server', async (original) => ({
  ...(await original<typeof import('~/modules/search/kb-index.server')>()),
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

const DAY = 24 * 60 * 60_000

const SOUR: TemplateInput = {
  title: 'Coffee tastes sour: grind finer',
  category: 'brewing-help',
  tags: ['v60', 'sour', 'grind-size'],
  visibility: 'public',
  language: 'en',
  body: 'Hi {{asker.name|there}}, a sour V60 cup means under-extraction: grind finer, use hotter water and keep a 1:15 ratio. — {{helper.name|The team}}',
}

async function people() {
  makeCategory('brewing-help', 'Brewing help')
  return {
    staff: await makeUser({ role: 'staff' }),
    helper: await makeUser({ role: 'helper' }),
    asker: await makeUser({ role: 'member' }),
  }
}

function makeTemplate(actor: Actor, input: TemplateInput = SOUR): number {
  const made = createTemplate(actor, input)
  if (!made.ok) throw new Error(JSON.stringify(made.fieldErrors))
  return made.id
}

/** An answer posted from the template, as the answer form posts it. */
async function postFromTemplate(
  helper: Actor,
  questionId: number,
  templateId: number,
  body?: string,
) {
  const text = body ?? getFilledTemplate(helper, templateId, questionId).text
  return createAnswer(
    helper,
    questionId,
    text,
    null,
    undefined,
    templateUseData(helper, questionId, templateId, text),
  )
}

/** `n` uses of the template on fresh questions; the first `closed` of them accepted by the asker. */
async function uses(
  who: Awaited<ReturnType<typeof people>>,
  templateId: number,
  n: number,
  closed: number,
) {
  const answerIds: number[] = []
  for (let i = 0; i < n; i++) {
    const q = await makeQuestion(who.asker, {
      title: `My V60 brew number ${i + 1} tastes sour`,
      category: 'brewing-help',
      tags: ['v60'],
    })
    const a = await postFromTemplate(who.helper, q, templateId)
    if (i < closed) acceptAnswer(who.asker, a)
    answerIds.push(a)
  }
  return answerIds
}

const later = (days: number) => setClock(new Date(now().getTime() + days * DAY))

function automatic(templateId: number) {
  return db.select().from(replyTemplates).where(eq(replyTemplates.id, templateId)).get()!.automatic
}

describe('shipped template files', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'tanya-replies-'))
  const file = (front: string, body = 'Hi {{asker.name|there}}, thanks for asking about this.') =>
    `---\n${front}\n---\n${body}\n`

  it('loads every template shipped in content/replies', () => {
    const shipped = loadTemplateFiles(path.resolve('content'))
    expect(shipped.length).toBeGreaterThanOrEqual(6)
    expect(new Set(shipped.map((t) => t.language))).toEqual(new Set(['en', 'id']))
    expect(shipped.some((t) => t.visibility === 'staff')).toBe(true)
  })

  it('refuses bad front matter with an error naming the file and the field', () => {
    const name = 'content/replies/bad.md'
    expect(() =>
      parseTemplateFile(name, 'bad.md', file('category: brewing-help\nvisibility: public')),
    ).toThrow('content/replies/bad.md: title: Required')
    expect(() =>
      parseTemplateFile(name, 'bad.md', file('title: Sour coffee\nvisibility: everyone')),
    ).toThrow(/^content\/replies\/bad\.md: visibility: /)
    expect(() =>
      parseTemplateFile(
        name,
        'bad.md',
        file('title: Sour coffee\nvisibility: public\ncolour: red'),
      ),
    ).toThrow('content/replies/bad.md: colour: ')
    expect(() => parseTemplateFile(name, 'bad.md', 'no front matter at all')).toThrow(
      'content/replies/bad.md: (front matter): file must start with a --- delimited YAML block',
    )
    expect(() =>
      parseTemplateFile(
        name,
        'bad.md',
        file('title: Sour coffee\nvisibility: public', 'Hi {{customer.name}}, grind finer please.'),
      ),
    ).toThrow(/^content\/replies\/bad\.md \(body\): .*customer\.name/)
  })

  it('syncs files at start: new ones in, changed ones updated, an in-app edit kept', async () => {
    const { staff } = await people()
    const root = dir()
    mkdirSync(path.join(root, 'replies'))
    const write = (text: string) => writeFileSync(path.join(root, 'replies', 'sour.md'), text)
    write(file('title: Sour coffee\nvisibility: public\ncategory: brewing-help'))
    expect(syncTemplateContent(root).created).toEqual(['sour'])
    expect(syncTemplateContent(root).unchanged).toEqual(['sour'])
    write(file('title: Sour coffee, again\nvisibility: public'))
    expect(syncTemplateContent(root).updated).toEqual(['sour'])
    const row = db.select().from(replyTemplates).where(eq(replyTemplates.slug, 'sour')).get()!
    expect(row.title).toBe('Sour coffee, again')
    updateTemplate(staff, row.id, { ...SOUR, title: 'Our own sour coffee reply' })
    write(file('title: Sour coffee, third time\nvisibility: public'))
    expect(syncTemplateContent(root).keptAppEdit).toEqual(['sour'])
    expect(db.select().from(replyTemplates).where(eq(replyTemplates.id, row.id)).get()!.title).toBe(
      'Our own sour coffee reply',
    )
  })
})

describe('writing and inserting templates', () => {
  it('refuses unknown variables and articles that do not exist when saving', async () => {
    const { staff } = await people()
    const res = await callRoute(templatesNew, {
      request: await request('/templates/new', staff, {
        form: { ...formOf(SOUR), body: 'Hi {{asker.nickname|there}}, see {{kb:no-such-article}}.' },
      }),
      params: {},
      context,
    })
    expect(res.status).toBe(400)
    const reply = (await res.json()) as { fieldErrors: { body: string }; values: { body: string } }
    expect(inEnglish(reply.fieldErrors.body)).toContain(
      'Unknown variable: {{asker.nickname|there}}',
    )
    expect(reply.values.body).toContain('asker.nickname')
    const missing = createTemplate(staff, { ...SOUR, body: 'Please read {{kb:no-such-article}}.' })
    expect(missing.ok).toBe(false)
    if (!missing.ok)
      expect(inEnglish(missing.fieldErrors.body)).toBe(
        'No published article has the address: no-such-article.',
      )
  })

  it('fills variables for the question, falling back where a value is missing', async () => {
    const { staff, helper, asker } = await people()
    const article = await createArticle(staff, {
      title: 'Why does my V60 taste sour?',
      summary: 'Under-extraction, and how to fix it.',
      body: 'Grind finer. Use water just off the boil.',
      category: 'brewing-help',
      tags: ['v60'],
      status: 'published',
      comment: '',
    })
    if (!article.ok) throw new Error('article')
    const id = makeTemplate(staff, {
      ...SOUR,
      body: `Hi {{asker.name|there}}, about "{{question.title|your question}}": read {{kb:${article.slug}|our guide}}. — {{helper.name|The team}}`,
    })
    const q = await makeQuestion(asker, {
      title: 'Sour cup from my V60 every day',
      category: 'brewing-help',
    })
    const filled = getFilledTemplate(helper, id, q)
    expect(filled.text).toBe(
      `Hi ${asker.displayName}, about "Sour cup from my V60 every day": read [Why does my V60 taste sour?](/kb/${article.slug}). — ${helper.displayName}`,
    )
    // the asker's name gone blank: the fallback stands in
    write((tx) => tx.update(users).set({ displayName: ' ' }).where(eq(users.id, asker.id)).run())
    expect(getFilledTemplate(helper, id, q).text).toMatch(/^Hi there, about/)
  })

  it('records an answer posted from a template with the share of it that was edited', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    const q = await makeQuestion(who.asker, {
      title: 'My V60 tastes sour and thin',
      category: 'brewing-help',
    })
    const filled = getFilledTemplate(who.helper, id, q)
    const path = `/questions/${q}/${slugify('My V60 tastes sour and thin')}`
    const edited = `${filled.text} Also rinse the paper filter first.`
    const res = await callRoute(questionAction, {
      request: await request(path, who.helper, {
        form: { intent: 'answer', body: edited, templateId: String(id) },
      }),
      params: { questionId: String(q), slug: slugify('My V60 tastes sour and thin') },
      context,
    })
    expect(res.status).toBe(302)
    const use = db.select().from(templateUses).where(eq(templateUses.templateId, id)).get()!
    expect(use.questionId).toBe(q)
    expect(use.edited).toBeGreaterThan(0)
    expect(use.edited).toBeLessThan(0.3)
    const created = db
      .select()
      .from(events)
      .where(and(eq(events.type, 'answer.created'), eq(events.answerId, use.answerId)))
      .get()!
    expect(created.data).toEqual({ templateId: id, templateEdited: use.edited })
  })

  it('lets helpers use public templates only, and staff all of them', async () => {
    const who = await people()
    const staffOnly = makeTemplate(who.staff, { ...SOUR, visibility: 'staff' })
    const q = await makeQuestion(who.asker, { category: 'brewing-help' })
    expect(() => getFilledTemplate(who.helper, staffOnly, q)).toThrow('page not found')
    expect(getFilledTemplate(who.staff, staffOnly, q).text).toContain('grind finer')
    expect(() => getFilledTemplate(who.asker, makeTemplate(who.staff), q)).toThrow('page not found')
  })
})

describe('the automation gate', () => {
  it('switches a template to automatic once its closure rate holds over enough uses', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    await uses(who, id, 10, 9)
    // the 9 accepted uses are decided at once; the open one is not before it is 7 days old
    const early = getTemplatesOverview(who.staff).templates.find((t) => t.id === id)!
    expect(early.stats).toMatchObject({ uses: 10, decided: 9, closed: 9, closureRate: 1 })
    expect(automateTemplate(who.staff, id)).toEqual({ ok: false, why: 'tooFewUses' })
    later(8)
    expect(automateTemplate(who.staff, id)).toEqual({ ok: true })
    expect(automatic(id)).toBe(true)
    const row = getTemplatesOverview(who.staff).templates.find((t) => t.id === id)!
    expect(row.stats).toMatchObject({ uses: 10, decided: 10, closed: 9, closureRate: 0.9 })
  })

  it('moves the closure rate the moment a use closes its thread, and decides open uses at 7 days', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    const [first, second] = await uses(who, id, 2, 0)
    const stats = () => getTemplatesOverview(who.staff).templates.find((t) => t.id === id)!.stats
    expect(stats()).toMatchObject({ uses: 2, decided: 0, closed: 0, closureRate: null })
    acceptAnswer(who.asker, first)
    expect(stats()).toMatchObject({ decided: 1, closed: 1, closureRate: 1 })
    // a rating of 3 closes nothing: the second use stays undecided for now ...
    const q2 = db.select().from(answers).where(eq(answers.id, second)).get()!.questionId
    write((tx) =>
      emit(tx, {
        type: 'survey.answered',
        actor: { id: who.asker.id, role: 'member' },
        questionId: q2,
        data: { rating: 3, comment: '' },
      }),
    )
    expect(stats()).toMatchObject({ decided: 1, closed: 1, closureRate: 1, averageRating: 3 })
    // ... until it is 7 days old
    later(7)
    expect(stats()).toMatchObject({ decided: 2, closed: 1, closureRate: 0.5 })
    const week = getTemplatesOverview(who.staff)
      .templates.find((t) => t.id === id)!
      .trend.find((p) => p.uses > 0)!
    expect(week).toMatchObject({ uses: 2, decided: 2, closed: 1 })
  })

  it('counts a 4–5 survey rating as closing the thread, and refuses with the reason below the rate', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    const answerIds = await uses(who, id, 10, 6)
    later(8)
    expect(automateTemplate(who.staff, id)).toEqual({ ok: false, why: 'rateTooLow' })
    // the survey (built elsewhere) says so through its event: two askers rated 5
    for (const a of answerIds.slice(6, 8)) {
      const q = db.select().from(answers).where(eq(answers.id, a)).get()!.questionId
      write((tx) =>
        emit(tx, {
          type: 'survey.answered',
          actor: { id: who.asker.id, role: 'member' },
          questionId: q,
          data: { rating: 5, comment: '' },
        }),
      )
    }
    const page = await callRoute(templatesAction, {
      request: await request('/templates', who.staff, {
        form: { intent: 'automate', templateId: String(id) },
      }),
      params: {},
      context,
    })
    expect(page.status).toBe(302)
    expect(automatic(id)).toBe(true)
    expect(getTemplatesOverview(who.staff).templates[0].stats.averageRating).toBe(5)
  })

  it('says why on the page when the gate refuses', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    await uses(who, id, 3, 3)
    later(8)
    const res = await callRoute(templatesAction, {
      request: await request('/templates', who.staff, {
        form: { intent: 'automate', templateId: String(id) },
      }),
      params: {},
      context,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { refused: { message: string } }
    expect(inEnglish(body.refused.message)).toBe(
      'This template has not been used enough yet to answer by itself.',
    )
    expect(automatic(id)).toBe(false)
    // a lower minimum lets it through
    saveAutomationSettings(who.staff, { minRate: 80, minUses: 3 })
    expect(automateTemplate(who.staff, id)).toEqual({ ok: true })
  })

  it('switches itself off, and tells staff, when the closure rate falls below the setting', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    const answerIds = await uses(who, id, 10, 10)
    later(8)
    expect(automateTemplate(who.staff, id)).toEqual({ ok: true })
    // two askers take their acceptance back: 8 of 10, still at the rate
    unacceptAnswer(who.asker, answerIds[0])
    unacceptAnswer(who.asker, answerIds[1])
    expect(automatic(id)).toBe(true)
    // a third: 7 of 10, below 80 % — off at once, on that outcome
    unacceptAnswer(who.asker, answerIds[2])
    expect(automatic(id)).toBe(false)
    const changed = db
      .select()
      .from(events)
      .where(eq(events.type, 'template.automation_changed'))
      .all()
      .at(-1)!
    expect(changed.data).toMatchObject({ templateId: id, on: false, why: 'rateFell', rate: 70 })
    expect(getTemplatesOverview(who.staff).notices).toEqual([
      expect.objectContaining({ title: SOUR.title, rate: 70 }),
    ])
    // staff are told in the app (the helper and the asker are not)
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.type, 'template.automation_off'))
      .all()
    expect(told.map((n) => n.userId)).toEqual([who.staff.id])
    expect(told[0].data).toMatchObject({ template: SOUR.title, rate: 70 })
    const listed = listNotifications(who.staff.id).find((n) => n.type === 'template.automation_off')
    expect(listed?.template).toBe(SOUR.title)
  })

  it('shows each template’s uses in the range on the dashboard, by category and person, and as CSV', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    const [first] = await uses(who, id, 3, 0)
    const range = { from: '2026-03-01', to: '2026-03-04' }
    const row = () =>
      computeDashboard(resolveFilters(range)).templates.find((r) => r.templateId === id)
    expect(row()).toMatchObject({ uses: 3, decided: 0, closed: 0, closureRate: null })
    acceptAnswer(who.asker, first)
    const q = db.select().from(answers).where(eq(answers.id, first)).get()!.questionId
    write((tx) =>
      emit(tx, {
        type: 'survey.answered',
        actor: { id: who.asker.id, role: 'member' },
        questionId: q,
        data: { rating: 4, comment: '' },
      }),
    )
    expect(row()).toEqual({
      templateId: id,
      title: SOUR.title,
      uses: 3,
      decided: 1,
      closed: 1,
      closureRate: 1,
      averageRating: 4,
      ratings: 1,
    })
    // another category, another person, another range: none of these uses
    makeCategory('orders-shipping', 'Orders & shipping')
    const other = { ...range, category: 'orders-shipping' }
    expect(computeDashboard(resolveFilters(other)).templates).toEqual([])
    const byStaff = { ...range, person: who.staff.handle }
    expect(computeDashboard(resolveFilters(byStaff)).templates).toEqual([])
    const byHelper = { ...range, person: who.helper.handle }
    expect(computeDashboard(resolveFilters(byHelper)).templates[0]).toMatchObject({ uses: 3 })
    expect(
      computeDashboard(resolveFilters({ from: '2026-02-01', to: '2026-02-20' })).templates,
    ).toEqual([])

    const csv = await import('~/routes/dashboard.csv')
    const res = await callRoute(csv.loader, {
      request: await request(
        `/dashboard/csv?table=templates&from=${range.from}&to=${range.to}`,
        who.staff,
      ),
      context,
    })
    expect((await res.text()).trim().split('\r\n')).toEqual([
      'Template,Uses,Decided,Closed,Closure rate (share),Average rating,Ratings',
      `${SOUR.title},3,1,1,1,4,1`,
    ])
  })

  it('is switched off by the hourly job when open uses are decided at 7 days without closing', async () => {
    const who = await people()
    const id = makeTemplate(who.staff)
    await uses(who, id, 10, 10)
    later(8)
    expect(automateTemplate(who.staff, id)).toEqual({ ok: true })
    await uses(who, id, 5, 0)
    expect(checkAllAutomation()).toBe('all automatic templates hold')
    later(8)
    expect(checkAllAutomation()).toBe('1 template(s) switched off')
    expect(automatic(id)).toBe(false)
  })
})

const ASK = {
  title: 'My V60 coffee tastes sour, should I grind finer?',
  body: 'Every morning my V60 cup is sour and thin. I use 15 g of beans. Should I grind finer or use hotter water?',
  category: 'brewing-help',
  tags: 'v60 sour',
}

async function ask(asker: Actor, form: Record<string, string>) {
  // the tags exist already (a member may not create new ones)
  makeCategory('brewing-help', 'Brewing help')
  await makeQuestion(
    { id: asker.id, role: 'helper', reputation: 0 },
    { title: 'Tags for the ask form exist', tags: ['v60', 'sour', 'invoice'] },
  ).then((q) => write((tx) => tx.delete(questions).where(eq(questions.id, q)).run()))
  const res = await callRoute(askAction, {
    request: await request('/ask', asker, { form: { intent: 'save', ...form } }),
    params: {},
    context,
  })
  expect(res.status).toBe(302)
  const id = Number(/\/questions\/(\d+)\//.exec(res.headers.get('location') ?? '')![1])
  // posted right after the response; the page the asker lands on waits for it the same way
  await settleSuggestion(id)
  return id
}

function suggestionOf(questionId: number) {
  return db.select().from(automaticAnswers).where(eq(automaticAnswers.questionId, questionId)).get()
}

async function automaticTemplate(staff: Actor) {
  const id = makeTemplate(staff)
  write((tx) =>
    tx
      .update(replyTemplates)
      .set({ automatic: true, automaticChangedAt: now() })
      .where(eq(replyTemplates.id, id))
      .run(),
  )
  return id
}

describe('the auto-responder', () => {
  it('posts a labelled automatic suggestion on a matching public question, leaving the clock running', async () => {
    const who = await people()
    const templateId = await automaticTemplate(who.staff)
    const id = await ask(who.asker, ASK)
    const suggestion = suggestionOf(id)!
    expect(suggestion.templateId).toBe(templateId)
    expect(suggestion.score).toBeGreaterThanOrEqual(AUTO_THRESHOLD)
    const answer = db.select().from(answers).where(eq(answers.id, suggestion.answerId)).get()!
    const author = db.select().from(users).where(eq(users.id, answer.authorId)).get()!
    expect(author.handle).toBe(SYSTEM_HANDLE)
    expect(answer.bodyMd).toContain(`Hi ${who.asker.displayName}, a sour V60 cup`)
    const created = db
      .select()
      .from(events)
      .where(and(eq(events.type, 'answer.created'), eq(events.answerId, answer.id)))
      .get()!
    expect(created.data).toEqual({ automatic: true, templateId, templateEdited: 0 })
    // never a response: still open, still waiting since it was asked, first response unset
    const q = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(q.status).toBe('open')
    expect(q.attentionSince).toEqual(TEST_EPOCH)
    expect(q.firstResponseAt).toBeNull()
  })

  it('posts nothing on a question that matches nothing well enough', async () => {
    const who = await people()
    await automaticTemplate(who.staff)
    const id = await ask(who.asker, {
      ...ASK,
      title: 'Can I pay for a company order with an invoice?',
      body: 'Our office wants to buy beans every month and needs an invoice with our tax number.',
      tags: 'invoice',
    })
    expect(suggestionOf(id)).toBeUndefined()
    expect(db.select().from(answers).where(eq(answers.questionId, id)).all()).toEqual([])
  })

  it('never answers a private question, however well it matches', async () => {
    const who = await people()
    await automaticTemplate(who.staff)
    const id = await ask(who.asker, { ...ASK, visibility: 'private' })
    expect(suggestionOf(id)).toBeUndefined()
  })

  it('suggests a knowledge-base article that matches well', async () => {
    const who = await people()
    const article = await createArticle(who.staff, {
      title: 'Why does my V60 coffee taste sour?',
      summary: 'A sour V60 cup is under-extracted: grind finer and use hotter water.',
      body: 'If your V60 coffee tastes sour, grind finer, use water at 94 °C and keep the ratio at 1:15.',
      category: 'brewing-help',
      tags: ['v60', 'sour'],
      status: 'published',
      comment: '',
    })
    if (!article.ok) throw new Error('article')
    const id = await ask(who.asker, ASK)
    const suggestion = suggestionOf(id)!
    expect(suggestion.articleSlug).toBe(article.slug)
    const answer = db.select().from(answers).where(eq(answers.id, suggestion.answerId)).get()!
    expect(answer.bodyMd).toContain(`(/kb/${article.slug})`)
  })

  it('"This solved my problem" accepts the suggestion and solves the question', async () => {
    const who = await people()
    await automaticTemplate(who.staff)
    const id = await ask(who.asker, ASK)
    const { answerId } = suggestionOf(id)!
    const slug = slugify(ASK.title)
    const res = await callRoute(questionAction, {
      request: await request(`/questions/${id}/${slug}`, who.asker, {
        form: { intent: 'accept', answerId: String(answerId) },
      }),
      params: { questionId: String(id), slug },
      context,
    })
    expect(res.status).toBe(302)
    const q = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(q.status).toBe('solved')
    expect(q.acceptedAnswerId).toBe(answerId)
    expect(suggestionOf(id)!.outcome).toBe('solved')
  })

  it('"I still need help" records the refusal and leaves the question waiting as before', async () => {
    const who = await people()
    await automaticTemplate(who.staff)
    const id = await ask(who.asker, ASK)
    const before = db.select().from(questions).where(eq(questions.id, id)).get()!
    const { answerId } = suggestionOf(id)!
    const slug = slugify(ASK.title)
    later(0.01)
    const res = await callRoute(questionAction, {
      request: await request(`/questions/${id}/${slug}`, who.asker, {
        form: { intent: 'decline-suggestion', answerId: String(answerId) },
      }),
      params: { questionId: String(id), slug },
      context,
    })
    expect(res.status).toBe(302)
    expect(suggestionOf(id)!.outcome).toBe('declined')
    const declined = db.select().from(events).where(eq(events.type, 'suggestion.declined')).all()
    expect(declined).toHaveLength(1)
    expect(declined[0]).toMatchObject({ questionId: id, answerId, actorId: who.asker.id })
    expect(declined[0].data).toEqual({ answerId })
    const after = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(after.status).toBe('open')
    expect(after.attentionSince).toEqual(before.attentionSince)
    expect(after.slaDueAt).toEqual(before.slaDueAt)
    // only the asker may say it
    const other = await makeUser()
    const refused = await callRoute(questionAction, {
      request: await request(`/questions/${id}/${slug}`, other, {
        form: { intent: 'decline-suggestion', answerId: String(answerId) },
      }),
      params: { questionId: String(id), slug },
      context,
    })
    expect(refused.status).toBe(403)
  })

  it('answers once per question, even when called again', async () => {
    const who = await people()
    await automaticTemplate(who.staff)
    const id = await ask(who.asker, ASK)
    expect(await autoRespond(id)).toBeNull()
    expect(db.select().from(automaticAnswers).all()).toHaveLength(1)
  })
})

function formOf(input: TemplateInput): Record<string, string> {
  return { ...input, tags: input.tags.join(' ') }
}
