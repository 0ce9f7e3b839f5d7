import { asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { getArticlePage } from '~/modules/kb/kb.server'
import {
  applyPromotionRule,
  getCandidateDraft,
  getKbLinksForQuestion,
  getPromotionSettings,
  listCandidates,
  markSolvedByArticle,
  publishCandidate,
  queueCandidate,
  rejectCandidate,
  updatePromotionSettings,
} from '~/modules/kb/promotion.server'
import { scheduleKbIndexRebuild } from '~/modules/search/kb-index.server'
import { loader as articleLoader } from '~/routes/kb.$slug'
import {
  action as candidateAction,
  loader as candidateLoader,
} from '~/routes/kb.candidates.$candidateId._index'
import { action as queueAction, loader as queueLoader } from '~/routes/kb.candidates._index'
import { setClock } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { answers, events, kbArticles, kbCandidates, kbRevisions, kbSources } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import {
  context,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  callRoute,
} from '../factories'

vi.mock('~/modules/search/kb-index.server', () => ({
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

type User = Awaited<ReturnType<typeof makeUser>>
type Json = Record<string, unknown>

/** The draft's headings as an English-speaking moderator (or the rule) writes them. */
const HEADINGS = { question: 'The question', answer: 'The answer' }
/** A message descriptor the way an English reader sees it. */
const english = (message: unknown) => translateMessage(translatorFor('en'), String(message))

const run = callRoute

async function get(
  fn: (args: never) => unknown,
  url: string,
  user: User | null,
  params: Record<string, string> = {},
) {
  return run(fn, { request: await request(url, user), params, context })
}

async function post(
  fn: (args: never) => unknown,
  url: string,
  user: User,
  form: Record<string, string>,
  params: Record<string, string> = {},
) {
  return run(fn, { request: await request(url, user, { form }), params, context })
}

const DAY = 24 * 60 * 60_000
const QUESTION_BODY =
  'The cup is sour and thin every morning. I use 15 g of beans and a medium grind from the shop. ' +
  'What should I change first?'
const ANSWER_BODY = 'Grind **finer** and bloom for 40 seconds; aim for a three-minute brew.'

beforeEach(() => {
  vi.mocked(scheduleKbIndexRebuild).mockClear()
})

/** A solved thread: a member asks, a trusted helper answers, the asker accepts. */
async function solvedThread(
  opts: { title?: string; answerScore?: number; helperReputation?: number; queue?: boolean } = {},
) {
  makeCategory('brewing-help', 'Brewing help')
  const asker = await makeUser()
  const helper = await makeUser({ role: 'helper', reputation: opts.helperReputation ?? 120 })
  const questionId = await makeQuestion(asker, {
    title: opts.title ?? 'My V60 coffee tastes sour every morning',
    body: QUESTION_BODY,
    category: 'brewing-help',
    tags: ['v60', 'grind-size'],
  })
  const answerId = await makeAnswer(helper, questionId, ANSWER_BODY)
  write((tx) =>
    tx
      .update(answers)
      .set({ score: opts.answerScore ?? 5 })
      .where(eq(answers.id, answerId))
      .run(),
  )
  acceptAnswer(asker, answerId)
  // A thread accepted before promotion existed (or imported) has no candidate.
  if (opts.queue === false)
    write((tx) => tx.delete(kbCandidates).where(eq(kbCandidates.questionId, questionId)).run())
  return { asker, helper, questionId, answerId }
}

function candidateOf(questionId: number) {
  return db.select().from(kbCandidates).where(eq(kbCandidates.questionId, questionId)).get()
}

function eventTypes() {
  return db
    .select({ type: events.type })
    .from(events)
    .orderBy(asc(events.id))
    .all()
    .map((e) => e.type)
}

/** A solved thread promoted by a moderator. */
async function publishedArticle(title?: string) {
  const thread = await solvedThread({ title })
  const moderator = await makeUser({ role: 'moderator' })
  const result = await publishCandidate(moderator, candidateOf(thread.questionId)!.id, {
    ...PUBLISH_FORM,
    tags: ['v60'],
  })
  if (!result.ok) throw new Error('not published')
  return { ...thread, moderator, articleId: result.id, slug: result.slug }
}

const PUBLISH_FORM = {
  intent: 'publish',
  title: 'Why does my V60 coffee taste sour?',
  summary: 'Sour pour-over is under-extracted: grind finer, bloom, and aim for three minutes.',
  body: '# What to change\n\nGrind finer and bloom for 40 seconds.',
  category: 'brewing-help',
  tags: 'v60 grind-size',
}

describe('the promotion queue', () => {
  it('queues an accepted answer by itself, once, and follows the asker to another accepted answer', async () => {
    const { asker, questionId, answerId } = await solvedThread()
    // Accepting alone queued it (a reaction to the event); queueing again changes nothing.
    expect(candidateOf(questionId)).toMatchObject({
      answerId,
      status: 'pending',
      queuedBy: 'accepted',
    })
    write((tx) => queueCandidate(tx, questionId, answerId, 'accepted', asker))
    expect(db.select().from(kbCandidates).all()).toHaveLength(1)
    expect(candidateOf(questionId)).toMatchObject({ answerId, status: 'pending' })
    expect(eventTypes().filter((t) => t === 'kb.candidate_queued')).toHaveLength(1)

    const other = await makeAnswer(
      await makeUser(),
      questionId,
      'Also check the roast date on the bag.',
    )
    acceptAnswer(asker, other)
    expect(db.select().from(kbCandidates).all()).toHaveLength(1)
    expect(candidateOf(questionId)).toMatchObject({ answerId: other, status: 'pending' })
    expect(listCandidates('en').map((c) => c.question.id)).toEqual([questionId])
  })

  it('is only for moderators and up, and shows an empty queue plainly', async () => {
    const member = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const moderator = await makeUser({ role: 'moderator' })
    expect((await get(queueLoader, '/kb/candidates', member)).status).toBe(403)
    expect((await get(queueLoader, '/kb/candidates', helper)).status).toBe(403)
    const res = await get(queueLoader, '/kb/candidates', moderator)
    expect(res.status).toBe(200)
    // Moderators review the queue; the rule's settings are for staff.
    expect(await res.json()).toEqual({
      title: 'Promotion queue · Knowledge base · Tanya',
      candidates: [],
      settings: null,
    })
  })

  it('prefills the draft from the question and its accepted answer', async () => {
    const { questionId, answerId } = await solvedThread()
    const draft = getCandidateDraft(candidateOf(questionId)!.id, HEADINGS)!
    expect(draft.question.id).toBe(questionId)
    expect(draft.answer.id).toBe(answerId)
    expect(draft.draft).toEqual({
      title: 'My V60 coffee tastes sour every morning',
      summary:
        'The cup is sour and thin every morning. I use 15 g of beans and a medium grind from the shop.',
      body: `# The question\n\n${QUESTION_BODY}\n\n# The answer\n\n${ANSWER_BODY}\n`,
      category: 'brewing-help',
      tags: 'grind-size v60',
    })
  })
})

describe('publishing and rejecting', () => {
  it('publishes an article that links back to its thread, with its revision and event', async () => {
    const { questionId, answerId } = await solvedThread()
    const moderator = await makeUser({ role: 'moderator' })
    const id = candidateOf(questionId)!.id
    const url = `/kb/candidates/${id}`
    const page = await get(candidateLoader, url, moderator, { candidateId: String(id) })
    expect(page.status).toBe(200)

    const res = await post(candidateAction, url, moderator, PUBLISH_FORM, {
      candidateId: String(id),
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/kb/why-does-my-v60-coffee-taste-sour')

    const article = db.select().from(kbArticles).get()!
    expect(article).toMatchObject({
      origin: 'promoted',
      status: 'published',
      title: PUBLISH_FORM.title,
      createdById: moderator.id,
    })
    expect(article.bodyHtml).toContain('<h2>What to change</h2>')
    expect(db.select().from(kbSources).all()).toEqual([
      { articleId: article.id, questionId, answerId },
    ])
    const revisions = db.select().from(kbRevisions).all()
    expect(revisions).toHaveLength(1)
    // The site's own note on the revision reads in each reader's language.
    expect(english(revisions[0].comment)).toBe(`Promoted from question #${questionId}`)
    expect(translateMessage(translatorFor('id'), revisions[0].comment)).toBe(
      `Dijadikan artikel dari pertanyaan #${questionId}`,
    )
    expect(candidateOf(questionId)).toMatchObject({
      status: 'published',
      articleId: article.id,
      decidedById: moderator.id,
    })
    const published = db
      .select()
      .from(events)
      .where(eq(events.type, 'kb.candidate_published'))
      .get()!
    expect(published).toMatchObject({
      actorId: moderator.id,
      actorRole: 'moderator',
      questionId,
      answerId,
      articleId: article.id,
    })
    expect(
      db
        .select({ type: events.type })
        .from(events)
        .where(eq(events.articleId, article.id))
        .orderBy(events.id)
        .all()
        .map((e) => e.type),
    ).toEqual(['kb.article_created', 'kb.article_published', 'kb.candidate_published'])
    expect(scheduleKbIndexRebuild).toHaveBeenCalled()

    expect(listCandidates('en')).toEqual([])
    expect(getKbLinksForQuestion(questionId)).toEqual({
      promotedTo: [{ slug: article.slug, title: article.title, language: 'en' }],
      solvedBy: null,
    })
    const view = await get(articleLoader, `/kb/${article.slug}`, null, { slug: article.slug })
    const data = (await view.json()) as { page: { sources: Json[] } }
    expect(data.page.sources).toEqual([
      {
        id: questionId,
        title: 'My V60 coffee tastes sour every morning',
        language: 'en',
        hidden: false,
      },
    ])

    // A second publish of the same candidate finds nothing to publish.
    const again = await post(candidateAction, url, moderator, PUBLISH_FORM, {
      candidateId: String(id),
    })
    expect(again.status).toBe(404)
  })

  it('keeps what the moderator typed and shows the errors at the fields', async () => {
    const { questionId } = await solvedThread()
    const moderator = await makeUser({ role: 'moderator' })
    const id = candidateOf(questionId)!.id
    const res = await post(
      candidateAction,
      `/kb/candidates/${id}`,
      moderator,
      { ...PUBLISH_FORM, title: 'Sour', category: 'no-such-category' },
      { candidateId: String(id) },
    )
    expect(res.status).toBe(400)
    const data = (await res.json()) as { fieldErrors: Json; values: Json }
    expect(english(data.fieldErrors.title)).toBe('Titles must be at least 10 characters')
    expect(data.values.title).toBe('Sour')
    const unknownCategory = await post(
      candidateAction,
      `/kb/candidates/${id}`,
      moderator,
      { ...PUBLISH_FORM, category: 'no-such-category' },
      { candidateId: String(id) },
    )
    const { fieldErrors } = (await unknownCategory.json()) as { fieldErrors: Json }
    expect(english(fieldErrors.category)).toBe('Choose a category')
    expect(db.select().from(kbArticles).all()).toEqual([])
  })

  it('rejects with a note, leaves the queue, and does not come back for the same answer', async () => {
    const { asker, questionId, answerId } = await solvedThread()
    const moderator = await makeUser({ role: 'moderator' })
    const id = candidateOf(questionId)!.id
    const params = { candidateId: String(id) }
    const noNote = await post(
      candidateAction,
      `/kb/candidates/${id}`,
      moderator,
      {
        intent: 'reject',
        note: ' ',
      },
      params,
    )
    expect(noNote.status).toBe(400)
    expect(((await noNote.json()) as { fieldErrors: Json }).fieldErrors.note).toBeTruthy()

    const res = await post(
      candidateAction,
      `/kb/candidates/${id}`,
      moderator,
      {
        intent: 'reject',
        note: 'Only about one order; nothing general to keep.',
      },
      params,
    )
    expect(res.headers.get('Location')).toBe('/kb/candidates?rejected=1')
    expect(candidateOf(questionId)).toMatchObject({
      status: 'rejected',
      note: 'Only about one order; nothing general to keep.',
    })
    expect(eventTypes()).toContain('kb.candidate_rejected')
    expect(listCandidates('en')).toEqual([])
    expect(write((tx) => queueCandidate(tx, questionId, answerId, 'accepted', asker))).toBeNull()
  })
})

describe('the automatic rule', () => {
  async function staffSets(settings: Record<string, string>) {
    const staff = await makeUser({ role: 'staff' })
    const res = await post(queueAction, '/kb/candidates', staff, {
      intent: 'settings',
      ...settings,
    })
    return res
  }

  it('lets staff change its settings, refuses moderators, and explains bad values at the field', async () => {
    expect(getPromotionSettings()).toEqual({
      mode: 'queue',
      minScore: 3,
      minAcceptedDays: 7,
      minAuthorReputation: 50,
    })
    const moderator = await makeUser({ role: 'moderator' })
    const refused = await post(queueAction, '/kb/candidates', moderator, {
      intent: 'settings',
      mode: 'publish',
      minScore: '1',
      minAcceptedDays: '1',
      minAuthorReputation: '1',
    })
    expect(refused.status).toBe(403)
    const bad = await staffSets({
      mode: 'sometimes',
      minScore: '-1',
      minAcceptedDays: 'soon',
      minAuthorReputation: '10',
    })
    expect(bad.status).toBe(400)
    const data = (await bad.json()) as { fieldErrors: Json; values: Json }
    expect(Object.keys(data.fieldErrors).sort()).toEqual(['minAcceptedDays', 'minScore', 'mode'])
    expect(data.values.minAcceptedDays).toBe('soon')
    const ok = await staffSets({
      mode: 'publish',
      minScore: '2',
      minAcceptedDays: '3',
      minAuthorReputation: '10',
    })
    expect(ok.status).toBe(302)
    expect(getPromotionSettings()).toEqual({
      mode: 'publish',
      minScore: 2,
      minAcceptedDays: 3,
      minAuthorReputation: 10,
    })
  })

  it('does nothing when off', async () => {
    const staff = await makeUser({ role: 'staff' })
    updatePromotionSettings(staff, {
      mode: 'off',
      minScore: 0,
      minAcceptedDays: 0,
      minAuthorReputation: 0,
    })
    await solvedThread({ queue: false })
    setClock(new Date(TEST_EPOCH.getTime() + 30 * DAY))
    expect(await applyPromotionRule(HEADINGS)).toEqual({ mode: 'off', queued: 0, published: 0 })
    expect(db.select().from(kbCandidates).all()).toEqual([])
  })

  it('queues answers that qualify once they have been accepted long enough, once', async () => {
    const good = await solvedThread({ queue: false })
    const lowScore = await solvedThread({
      queue: false,
      answerScore: 1,
      title: 'French press is muddy',
    })
    const newcomer = await solvedThread({
      queue: false,
      helperReputation: 10,
      title: 'Cold brew tastes flat after two days',
    })
    const advance = setClock(new Date(TEST_EPOCH.getTime() + 6 * DAY))
    expect(await applyPromotionRule(HEADINGS)).toEqual({ mode: 'queue', queued: 0, published: 0 })
    advance(DAY)
    expect(await applyPromotionRule(HEADINGS)).toEqual({ mode: 'queue', queued: 1, published: 0 })
    expect(candidateOf(good.questionId)).toMatchObject({ queuedBy: 'rule', status: 'pending' })
    expect(candidateOf(lowScore.questionId)).toBeUndefined()
    expect(candidateOf(newcomer.questionId)).toBeUndefined()
    // Idempotent: nothing new the second time.
    expect(await applyPromotionRule(HEADINGS)).toEqual({ mode: 'queue', queued: 0, published: 0 })
    expect(db.select().from(kbCandidates).all()).toHaveLength(1)
    expect(db.select().from(kbArticles).all()).toEqual([])
  })

  it('publishes qualifying answers in publish mode, never a rejected one, and only once', async () => {
    const staff = await makeUser({ role: 'staff' })
    updatePromotionSettings(staff, {
      mode: 'publish',
      minScore: 3,
      minAcceptedDays: 7,
      minAuthorReputation: 50,
    })
    const pending = await solvedThread()
    const unqueued = await solvedThread({ queue: false, title: 'Storing beans in humid weather' })
    const rejected = await solvedThread({ title: 'Espresso shots run far too fast' })
    rejectCandidate(staff, candidateOf(rejected.questionId)!.id, 'Too specific to one grinder.')

    setClock(new Date(TEST_EPOCH.getTime() + 8 * DAY))
    expect(await applyPromotionRule(HEADINGS)).toEqual({ mode: 'publish', queued: 0, published: 2 })
    const articles = db.select().from(kbArticles).orderBy(asc(kbArticles.id)).all()
    expect(articles.map((a) => [a.title, a.origin, a.status, a.createdById])).toEqual([
      ['My V60 coffee tastes sour every morning', 'promoted', 'published', null],
      ['Storing beans in humid weather', 'promoted', 'published', null],
    ])
    expect(candidateOf(pending.questionId)?.status).toBe('published')
    expect(candidateOf(unqueued.questionId)).toMatchObject({
      status: 'published',
      queuedBy: 'rule',
    })
    expect(candidateOf(rejected.questionId)?.status).toBe('rejected')
    expect(getKbLinksForQuestion(unqueued.questionId).promotedTo).toHaveLength(1)

    expect(await applyPromotionRule(HEADINGS)).toEqual({ mode: 'publish', queued: 0, published: 0 })
    expect(db.select().from(kbArticles).all()).toHaveLength(2)
  })
})

describe('solved by an article', () => {
  it('counts each question once toward "solved N questions"', async () => {
    const { articleId, slug, moderator } = await publishedArticle()
    const asker = await makeUser()
    const later = await makeQuestion(asker, { title: 'Sour V60 again with new beans' })
    expect(markSolvedByArticle(asker, later, articleId, 'marked')).toBe(true)
    expect(markSolvedByArticle(asker, later, articleId, 'marked')).toBe(false)
    const closed = await makeQuestion(await makeUser(), { title: 'Pour-over tastes like lemon' })
    expect(markSolvedByArticle(moderator, closed, articleId, 'closed')).toBe(true)

    const article = db.select().from(kbArticles).where(eq(kbArticles.id, articleId)).get()!
    expect(article.solvedCount).toBe(2)
    expect(eventTypes().filter((t) => t === 'kb.solved_question')).toHaveLength(2)
    expect(getKbLinksForQuestion(later).solvedBy).toEqual({
      slug,
      title: PUBLISH_FORM.title,
      language: 'en',
    })

    const stranger = await makeUser()
    const other = await makeQuestion(await makeUser(), { title: 'Someone else asked this one' })
    expect(() => markSolvedByArticle(stranger, other, articleId, 'marked')).toThrow()
  })
})

describe('hidden source threads', () => {
  it('leave the article page for the public while moderators still see them', async () => {
    const { questionId, slug, moderator } = await publishedArticle(
      'Private details in a sour V60 thread',
    )
    hideQuestion(moderator, questionId, { reason: 'abusive', note: '' })
    const visitor = await get(articleLoader, `/kb/${slug}`, null, { slug })
    const text = await visitor.text()
    expect(visitor.status).toBe(200)
    expect(text).not.toContain('Private details')
    expect((JSON.parse(text) as { page: { sources: Json[] } }).page.sources).toEqual([])
    expect(getArticlePage(slug, await makeUser(), 'en')?.sources).toEqual([])
    expect(getArticlePage(slug, moderator, 'en')?.sources).toEqual([
      {
        id: questionId,
        title: 'Private details in a sour V60 thread',
        language: 'en',
        hidden: true,
      },
    ])
  })

  it('drop out of the queue and cannot be published from it', async () => {
    const { questionId } = await solvedThread({ title: 'A thread that will be hidden soon' })
    const moderator = await makeUser({ role: 'moderator' })
    const id = candidateOf(questionId)!.id
    hideQuestion(moderator, questionId, { reason: 'abusive', note: '' })
    expect(listCandidates('en')).toEqual([])
    expect(getCandidateDraft(id, HEADINGS)).toBeNull()
    const res = await post(candidateAction, `/kb/candidates/${id}`, moderator, PUBLISH_FORM, {
      candidateId: String(id),
    })
    expect(res.status).toBe(404)
    expect(db.select().from(kbArticles).all()).toEqual([])
  })
})
