import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { GAVE_UP, recookPlainText, recookPosts } from '~/utils/recook.server'
import { createArticle } from '~/modules/kb/kb.server'
import { db, write } from '~/utils/db.server'
import { MARKDOWN_RENDERER_VERSION, NOT_COOKED } from '~/utils/markdown.server'
import { answers, kbArticles, questions } from '../../db/schema'
import { makeAnswer, makeCategory, makeQuestion, makeUser } from '../factories'

describe('re-cooking posts', () => {
  it('re-renders posts cooked by an older renderer and leaves current ones alone', async () => {
    const user = await makeUser()
    const stale = await makeQuestion(user, { body: 'Is **bold** still bold after re-cooking?' })
    const current = await makeQuestion(user, { title: 'A question that is already current' })
    const answerId = await makeAnswer(
      await makeUser(),
      stale,
      'See [the guide](https://example.com/guide).',
    )
    write((tx) => {
      tx.update(questions)
        .set({ bodyHtml: '<p>old</p>', cookedVersion: 0 })
        .where(eq(questions.id, stale))
        .run()
      tx.update(answers)
        .set({ bodyHtml: '<p>old</p>', cookedVersion: 0 })
        .where(eq(answers.id, answerId))
        .run()
      tx.update(questions).set({ bodyHtml: '<p>kept</p>' }).where(eq(questions.id, current)).run()
    })

    expect(recookPosts()).toBe(2)

    const q = db.select().from(questions).where(eq(questions.id, stale)).get()!
    expect(q.bodyHtml).toContain('<strong>bold</strong>')
    expect(q.cookedVersion).toBe(MARKDOWN_RENDERER_VERSION)
    const a = db.select().from(answers).where(eq(answers.id, answerId)).get()!
    expect(a.bodyHtml).toContain('rel="nofollow ugc noopener"')
    expect(db.select().from(questions).where(eq(questions.id, current)).get()!.bodyHtml).toBe(
      '<p>kept</p>',
    )
    expect(recookPosts()).toBe(0)
    expect(recookPosts({ all: true })).toBe(3)
  })

  it('re-renders knowledge-base articles too', async () => {
    makeCategory('brewing-help', 'Brewing help')
    const created = await createArticle(await makeUser({ role: 'moderator' }), {
      title: 'Cleaning a burr grinder',
      summary: 'Brush after every bag; rice never.',
      body: 'Use the **brush** that came with it.',
      category: 'brewing-help',
      tags: [],
      status: 'published',
      comment: '',
    })
    if (!created.ok) throw new Error('article not created')
    write((tx) =>
      tx
        .update(kbArticles)
        .set({ bodyHtml: '<p>old</p>', cookedVersion: 0 })
        .where(eq(kbArticles.id, created.id))
        .run(),
    )
    expect(recookPosts()).toBe(1)
    const article = db.select().from(kbArticles).where(eq(kbArticles.id, created.id)).get()!
    expect(article.bodyHtml).toContain('<strong>brush</strong>')
  })

  it('cooks again the posts kept as plain text, and gives up on one that runs over twice', async () => {
    const user = await makeUser()
    const plain = await makeQuestion(user, { body: 'Kept as **plain** text under load.' })
    const runaway = await makeQuestion(user, { title: 'A post the parsers chew on for long' })
    const answerId = await makeAnswer(await makeUser(), plain, 'An _answer_ kept plain too.')
    const pathological = '*a'.repeat(15_000)
    write((tx) => {
      tx.update(questions)
        .set({
          bodyHtml: '<pre>Kept as **plain** text under load.</pre>',
          cookedVersion: NOT_COOKED,
        })
        .where(eq(questions.id, plain))
        .run()
      tx.update(questions)
        .set({ bodyMd: pathological, bodyHtml: '<pre>…</pre>', cookedVersion: NOT_COOKED })
        .where(eq(questions.id, runaway))
        .run()
      tx.update(answers)
        .set({ bodyHtml: '<pre>An _answer_ kept plain too.</pre>', cookedVersion: NOT_COOKED })
        .where(eq(answers.id, answerId))
        .run()
    })

    // A budget the normal posts meet and the pathological one does not.
    expect(await recookPlainText(100, 30)).toEqual({ cooked: 2, gaveUp: 1 })

    const q = db.select().from(questions).where(eq(questions.id, plain)).get()!
    expect(q.bodyHtml).toContain('<strong>plain</strong>')
    expect(q.cookedVersion).toBe(MARKDOWN_RENDERER_VERSION)
    const a = db.select().from(answers).where(eq(answers.id, answerId)).get()!
    expect(a.bodyHtml).toContain('<em>answer</em>')
    const r = db.select().from(questions).where(eq(questions.id, runaway)).get()!
    expect(r.cookedVersion).toBe(GAVE_UP)
    // Nothing is left for the periodic pass; `npm run recook` still takes the one it gave up on.
    expect(await recookPlainText(100, 30)).toEqual({ cooked: 0, gaveUp: 0 })
    expect(recookPosts()).toBe(1)
    expect(db.select().from(questions).where(eq(questions.id, runaway)).get()!.cookedVersion).toBe(
      MARKDOWN_RENDERER_VERSION,
    )
  })
})
