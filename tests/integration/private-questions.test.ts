import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAnswer, createAnswer, getVisibleAnswer } from '~/modules/answers/answers.server'
import { listCategoriesWithCounts } from '~/modules/categories/categories.server'
import {
  applyPromotionRule,
  listCandidates,
  updatePromotionSettings,
} from '~/modules/kb/promotion.server'
import {
  countUnread,
  listNotifications,
  notify,
} from '~/modules/notifications/notifications.server'
import type { Actor } from '~/modules/policy/policy'
import { makeQuestionPublic, setPublishConsent } from '~/modules/privacy/privacy.server'
import { getQuestionPage, listQuestions } from '~/modules/questions/questions.server'
import { listTags } from '~/modules/questions/tags.server'
import { getSimilarQuestions, resolveTarget, suggestForAsk } from '~/modules/search/search.server'
import { searchThreads } from '~/modules/search/thread-search.server'
import { getProfile } from '~/modules/users/users.server'
import { action as askAction } from '~/routes/ask'
import { action as publishAction } from '~/routes/questions.$questionId.publish'
import { loader as threadLoader } from '~/routes/questions.$questionId.($slug)'
import { setClock } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { slugify } from '~/utils/slug'
import { answers, events, kbArticles, notifications, questions } from '../../db/schema'
import { startApp, type RunningApp } from '../setup/app'
import { TEST_EPOCH } from '../setup/integration'
import { sessionCookie, takeLoggedErrors } from '../setup/site'
import {
  callRoute,
  context,
  inEnglish,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
} from '../factories'
import { useTestKbIndex } from '../setup/kb'

vi.mock('~/modules/search/kb-index.server', async (original) => ({
  ...(await original<typeof import('~/modules/search/kb-index.server')>()),
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

type User = Awaited<ReturnType<typeof makeUser>>

const PRIVATE_TITLE = 'Parcel for order KN-48213 went to my old address'
const PRIVATE_BODY =
  'Order KN-48213 was shipped to Jalan Merdeka 12, Bandung, where I no longer live.'

/** Everyone the rule distinguishes, and a private question asked by `asker`. */
async function privateThread() {
  makeCategory()
  const asker = await makeUser({ handle: 'asker' })
  const people = {
    otherMember: await makeUser(),
    helper: await makeUser({ role: 'helper' }),
    moderator: await makeUser({ role: 'moderator' }),
    staff: await makeUser({ role: 'staff' }),
    admin: await makeUser({ role: 'admin' }),
  }
  const id = await makeQuestion(asker, {
    title: PRIVATE_TITLE,
    body: PRIVATE_BODY,
    tags: ['shipping', 'address'],
    visibility: 'private',
  })
  // A public question on the same subject: lists and search are not simply empty.
  const publicId = await makeQuestion(await makeUser(), {
    title: 'Parcel went to an old address after I moved',
    body: 'I changed my address but the parcel still went to the old one. What can I do?',
    tags: ['shipping', 'address'],
  })
  return { asker, ...people, id, publicId }
}

const blocked = (t: Awaited<ReturnType<typeof privateThread>>): (Actor | null)[] => [
  null,
  t.otherMember,
  t.helper,
  t.moderator,
]
const allowed = (t: Awaited<ReturnType<typeof privateThread>>): Actor[] => [
  t.asker,
  t.staff,
  t.admin,
]

function searchedIds(query: string) {
  const result = searchThreads(query)
  if (!result.ok) throw new Error(result.message)
  return result.items.map((i) => i.id)
}

beforeEach(() => {
  useTestKbIndex('private')
})

describe('asking privately', () => {
  it('stores the ask form’s private choice and keeps a bad one with what was typed', async () => {
    makeCategory()
    // A helper, who may create the form's new tag.
    const asker = await makeUser({ role: 'helper' })
    const form = {
      title: PRIVATE_TITLE,
      body: PRIVATE_BODY,
      category: 'orders-shipping',
      tags: 'shipping',
    }
    const ask = async (extra: Record<string, string>) =>
      callRoute(askAction, {
        request: await request('/ask', asker, { form: { ...form, ...extra } }),
        params: {},
        context,
      } as never)
    const bad = await ask({ visibility: 'secret' })
    expect(bad.status).toBe(400)
    const reply = (await bad.json()) as {
      values: Record<string, string>
      fieldErrors: Record<string, string>
    }
    expect(reply.values).toMatchObject({ title: PRIVATE_TITLE, visibility: 'secret' })
    expect(inEnglish(reply.fieldErrors.visibility)).toBe('Choose public or private.')
    expect(db.select().from(questions).all()).toEqual([])

    const res = await ask({ visibility: 'private' })
    expect(res.status).toBe(302)
    const id = Number(res.headers.get('Location')!.split('/')[2])
    expect(db.select().from(questions).where(eq(questions.id, id)).get()?.visibility).toBe(
      'private',
    )
    // Without the field (an old form), a question is public as before.
    const plain = await ask({
      title: 'Parcel still not here after a week',
      body: 'It was shipped to Bandung, where I no longer live.',
    })
    expect(plain.status, await plain.clone().text()).toBe(302)
    const plainId = Number(plain.headers.get('Location')!.split('/')[2])
    expect(db.select().from(questions).where(eq(questions.id, plainId)).get()?.visibility).toBe(
      'public',
    )
  })
})

describe('a private question is for its asker and staff', () => {
  it('opens on its own page, with its answers, for the asker and staff only (404 for others)', async () => {
    const t = await privateThread()
    const answerId = await makeAnswer(t.staff, t.id, 'We have asked the courier to re-route it.')
    for (const viewer of blocked(t)) {
      expect(getQuestionPage(t.id, viewer, 'en'), viewer?.role ?? 'visitor').toBeNull()
      expect(getVisibleAnswer(answerId, viewer)).toBeNull()
      const res = await callRoute(threadLoader, {
        request: await request(`/questions/${t.id}/${slugify(PRIVATE_TITLE)}`, viewer),
        params: { questionId: String(t.id), slug: slugify(PRIVATE_TITLE) },
        context,
      } as never)
      expect(res.status, viewer?.role ?? 'visitor').toBe(404)
    }
    for (const viewer of allowed(t)) {
      const page = getQuestionPage(t.id, viewer, 'en')
      expect(page?.question.visibility, viewer.role).toBe('private')
      expect(page?.answers.map((a) => a.id)).toEqual([answerId])
      expect(getVisibleAnswer(answerId, viewer)).not.toBeNull()
    }
  })

  it('is answered by the asker and staff only', async () => {
    const t = await privateThread()
    for (const who of [t.otherMember, t.helper, t.moderator])
      await expect(createAnswer(who, t.id, 'Let me guess.')).rejects.toMatchObject({
        kind: 'not-found',
      })
    await createAnswer(t.staff, t.id, 'We have re-routed it; it arrives Friday.')
    await createAnswer(t.asker, t.id, 'Thank you, that is the new address.')
    expect(
      db
        .select()
        .from(answers)
        .where(eq(answers.questionId, t.id))
        .all()
        .map((a) => a.authorId),
    ).toEqual([t.staff.id, t.asker.id])
  })

  it('is never listed: lists, home counts, tags, search, suggestions, similar questions, the click-through', async () => {
    const t = await privateThread()
    await makeAnswer(t.staff, t.id, 'We have re-routed the parcel.')
    // Suggestions show answered threads only: both are.
    await makeAnswer(t.helper, t.publicId, 'Ask the courier to re-route it to the new one.')
    expect(listQuestions({ sort: 'newest', page: 1 }, 'en').items.map((q) => q.id)).toEqual([
      t.publicId,
    ])
    expect(
      listQuestions({ sort: 'newest', page: 1, tag: 'address' }, 'en').items.map((q) => q.id),
    ).toEqual([t.publicId])
    expect(listCategoriesWithCounts('en').find((c) => c.slug === 'orders-shipping')?.total).toBe(1)
    expect(listTags().find((tag) => tag.name === 'address')?.count).toBe(1)
    // Its own words (the order number) find nothing; shared words find only the public one.
    expect(searchedIds('KN-48213')).toEqual([])
    expect(searchedIds('Merdeka Bandung')).toEqual([])
    expect(searchedIds('parcel old address')).toEqual([t.publicId])
    const suggested = await suggestForAsk('Parcel went to my old address')
    expect(suggested.threads.map((s) => s.id)).toEqual([t.publicId])
    expect(getSimilarQuestions(t.publicId).map((q) => q.id)).not.toContain(t.id)
    expect(resolveTarget('question', t.id)).toBeNull()
  })

  it('shows on the asker’s profile to the asker and staff, marked, and to nobody else', async () => {
    const t = await privateThread()
    await makeAnswer(t.staff, t.id, 'We have re-routed the parcel.')
    for (const viewer of blocked(t)) {
      const profile = getProfile('asker', viewer)!
      expect(profile.recentQuestions, viewer?.role ?? 'visitor').toEqual([])
      expect(profile.counts.questions).toBe(0)
      // Staff's answer on it is not on staff's profile for them either.
      expect(getProfile(t.staff.handle, viewer)!.recentAnswers).toEqual([])
    }
    for (const viewer of allowed(t)) {
      const profile = getProfile('asker', viewer)!
      expect(profile.recentQuestions.map((q) => [q.id, q.visibility])).toEqual([[t.id, 'private']])
      expect(profile.counts.questions).toBe(1)
    }
    expect(getProfile(t.staff.handle, t.staff)!.recentAnswers[0].question).toMatchObject({
      id: t.id,
      visibility: 'private',
    })
  })

  it('notifies its asker and staff, never anyone else, and lists no older notification to others', async () => {
    const t = await privateThread()
    const answerId = await makeAnswer(t.staff, t.id, 'We have re-routed the parcel.')
    expect(listNotifications(t.asker.id).map((n) => n.question?.id)).toEqual([t.id])
    expect(countUnread(t.asker.id)).toBe(1)
    // A reaction that would tell a follower: nothing is written for someone who may not see it.
    write((tx) => {
      for (const who of [t.helper, t.moderator, t.admin])
        notify(tx, {
          userId: who.id,
          type: 'followed.new_answer',
          actorId: t.staff.id,
          questionId: t.id,
          answerId,
        })
    })
    const written = (userId: number) =>
      db.select().from(notifications).where(eq(notifications.userId, userId)).all().length
    expect([written(t.helper.id), written(t.moderator.id), written(t.admin.id)]).toEqual([0, 0, 1])
    // A row written some other way is still not shown to them.
    write((tx) =>
      tx
        .insert(notifications)
        .values({ userId: t.helper.id, type: 'question.answered', questionId: t.id, answerId })
        .run(),
    )
    expect(listNotifications(t.helper.id)).toEqual([])
    expect(countUnread(t.helper.id)).toBe(0)
    expect(listNotifications(t.admin.id).map((n) => n.question?.id)).toEqual([t.id])
  })

  it('never enters the KB queue nor the automatic promotion rule', async () => {
    const t = await privateThread()
    const answerId = await makeAnswer(t.staff, t.id, 'We have re-routed the parcel to Jakarta.')
    write((tx) => tx.update(answers).set({ score: 10 }).where(eq(answers.id, answerId)).run())
    acceptAnswer(t.asker, answerId)
    expect(listCandidates('en')).toEqual([])
    updatePromotionSettings(t.staff, {
      mode: 'publish',
      minScore: 0,
      minAcceptedDays: 0,
      minAuthorReputation: 0,
    })
    setClock(new Date(TEST_EPOCH.getTime() + 30 * 24 * 60 * 60_000))
    const result = await applyPromotionRule({ question: 'The question', answer: 'The answer' })
    expect(result).toMatchObject({ queued: 0, published: 0 })
    expect(db.select().from(kbArticles).all()).toEqual([])
  })
})

describe('making a private question public', () => {
  it('is refused without the asker’s consent, allowed with it, and then it is searchable and listed', async () => {
    const t = await privateThread()
    expect(() => makeQuestionPublic(t.staff, t.id)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    )
    // Staff cannot agree for the asker; others do not even find it.
    expect(() => setPublishConsent(t.staff, t.id, true)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    )
    expect(() => setPublishConsent(t.otherMember, t.id, true)).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    )
    // Consent given and taken back is no consent.
    setPublishConsent(t.asker, t.id, true)
    setPublishConsent(t.asker, t.id, false)
    expect(getQuestionPage(t.id, t.staff, 'en')?.target.publishConsent).toBe(false)
    expect(() => makeQuestionPublic(t.admin, t.id)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    )

    const advance = setClock(new Date(TEST_EPOCH.getTime() + 60_000))
    setPublishConsent(t.asker, t.id, true)
    const consentAt = TEST_EPOCH.getTime() + 60_000
    expect(getQuestionPage(t.id, t.staff, 'en')?.target.publishConsent).toBe(true)
    // Moderators are not staff: they do not see it, so it is not there for them.
    expect(() => makeQuestionPublic(t.moderator, t.id)).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    )
    advance(60_000)
    makeQuestionPublic(t.staff, t.id)

    const consent = db
      .select()
      .from(events)
      .where(and(eq(events.questionId, t.id), eq(events.type, 'settings.changed')))
      .all()
      .at(-1)!
    expect(consent).toMatchObject({
      actorId: t.asker.id,
      data: { key: 'question.publish_consent', to: true },
    })
    const published = db
      .select()
      .from(events)
      .where(and(eq(events.questionId, t.id), eq(events.type, 'question.made_public')))
      .all()
    expect(published).toEqual([
      expect.objectContaining({ actorId: t.staff.id, actorRole: 'staff', data: { consentAt } }),
    ])
    expect(searchedIds('KN-48213')).toEqual([t.id])
    expect(listQuestions({ sort: 'newest', page: 1 }, 'en').items.map((q) => q.id)).toContain(t.id)
    expect(getQuestionPage(t.id, null, 'en')?.question.visibility).toBe('public')
    // Once public, there is nothing to publish again.
    expect(() => makeQuestionPublic(t.staff, t.id)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    )
  })

  it('goes through the publish route’s forms and back to the question', async () => {
    const t = await privateThread()
    const post = async (who: User, intent: string) =>
      callRoute(publishAction, {
        request: await request(`/questions/${t.id}/publish`, who, { form: { intent } }),
        params: { questionId: String(t.id) },
        context,
      } as never)
    expect((await post(t.staff, 'make-public')).status).toBe(403)
    const allow = await post(t.asker, 'allow-publish')
    expect(allow.status).toBe(302)
    expect(allow.headers.get('Location')).toBe(`/questions/${t.id}/${slugify(PRIVATE_TITLE)}`)
    expect((await post(t.staff, 'make-public')).status).toBe(302)
    expect(db.select().from(questions).where(eq(questions.id, t.id)).get()?.visibility).toBe(
      'public',
    )
    expect((await post(t.asker, 'something-else')).status).toBe(400)
  })
})

describe('the page cache and private questions', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ PAGE_CACHE_SECONDS: '60' })
  })
  afterAll(() => app.close())

  it('never serves a private question to a visitor, even after staff opened or searched for it', async () => {
    const t = await privateThread()
    const pagePath = `/questions/${t.id}/${slugify(PRIVATE_TITLE)}`
    const staff = await sessionCookie(t.staff)
    const asStaff = await fetch(`${app.url}${pagePath}`, { headers: { Cookie: staff } })
    expect(asStaff.status).toBe(200)
    expect(await asStaff.text()).toContain('KN-48213')
    const staffSearch = await fetch(`${app.url}/search?q=KN-48213`, { headers: { Cookie: staff } })
    expect(staffSearch.headers.get('x-page-cache')).toBeNull()
    for (let i = 0; i < 2; i++) {
      const page = await fetch(`${app.url}${pagePath}`)
      expect(page.status).toBe(404)
      expect(await page.text()).not.toContain('KN-48213')
      const found = await fetch(`${app.url}/search?q=${encodeURIComponent('KN-48213 parcel')}`)
      expect(found.status).toBe(200)
      expect(await found.text()).not.toContain('went to my old address')
    }
    takeLoggedErrors()
  })
})
