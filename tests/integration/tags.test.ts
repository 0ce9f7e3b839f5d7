import { describe, expect, it } from 'vitest'
import { deleteQuestion, hideQuestion } from '~/modules/moderation/posts.server'
import { suggestTags, TAG_SUGGESTION_LIMIT } from '~/modules/questions/tags.server'
import { loader as tagsLoader } from '~/routes/resources.tags'
import { write } from '~/utils/db.server'
import { tags } from '../../db/schema'
import { callRoute, context, makeQuestion, makeUser, request } from '../factories'

type Suggested = { tags: { name: string; count: number }[] }

async function get(query: string) {
  const res = await callRoute(tagsLoader, {
    request: await request(`/resources/tags${query}`),
    params: {},
    context,
  })
  return { status: res.status, body: (await res.json()) as Suggested | { error: string } }
}

async function names(query: string) {
  const { status, body } = await get(query)
  expect(status).toBe(200)
  return (body as Suggested).tags.map((t) => `${t.name} ${t.count}`)
}

describe('tag suggestions', () => {
  it('offer tags starting with what is typed, most used first, then by name', async () => {
    const helper = await makeUser({ role: 'helper' })
    await makeQuestion(helper, { tags: ['shipping', 'sicepat'] })
    await makeQuestion(helper, { tags: ['shipping', 'jne'] })
    await makeQuestion(helper, { tags: ['sicepat', 'storage'] })
    await makeQuestion(helper, { tags: ['shipping'] })

    expect(await names('?q=s')).toEqual(['shipping 3', 'sicepat 2', 'storage 1'])
    expect(await names('?q=si')).toEqual(['sicepat 2'])
    expect(await names('?q=jne')).toEqual(['jne 1'])
    // Matched from the start of the name only.
    expect(await names('?q=ping')).toEqual([])
    // Typed the way the form forgives it: capitals, a leading #, spaces around.
    expect(await names('?q=%20%23SHIP%20')).toEqual(['shipping 3'])
  })

  it('count only questions that are neither hidden nor deleted', async () => {
    const helper = await makeUser({ role: 'helper' })
    const moderator = await makeUser({ role: 'moderator' })
    const visible = await makeQuestion(helper, { tags: ['gopay'] })
    const hidden = await makeQuestion(helper, { tags: ['gopay', 'grinder'] })
    const deleted = await makeQuestion(helper, { tags: ['gopay', 'grinder'] })
    await makeQuestion(helper, { tags: ['grinder'] })
    const spam = { reason: 'spam', note: '' } as const
    hideQuestion(moderator, hidden, spam)
    deleteQuestion(moderator, deleted, spam)

    expect(await names('?q=g')).toEqual(['gopay 1', 'grinder 1'])
    // A tag whose every question is gone still exists and may be used: offered, counted 0.
    deleteQuestion(moderator, visible, spam)
    expect(await names('?q=go')).toEqual(['gopay 0'])
  })

  it(`stop at ${TAG_SUGGESTION_LIMIT}, the most used ones`, async () => {
    const helper = await makeUser({ role: 'helper' })
    // Twelve tags on one question each, then more uses for the last two, so the first ones
    // shown are the most used, not the first by name.
    const all = Array.from({ length: 12 }, (_, i) => `beans-${i + 1}`)
    for (let i = 0; i < all.length; i += 4)
      await makeQuestion(helper, { tags: all.slice(i, i + 4) })
    await makeQuestion(helper, { tags: ['beans-12', 'beans-11'] })
    await makeQuestion(helper, { tags: ['beans-12'] })

    const found = await names('?q=beans')
    expect(found).toHaveLength(TAG_SUGGESTION_LIMIT)
    expect(found.slice(0, 3)).toEqual(['beans-12 3', 'beans-11 2', 'beans-1 1'])
    expect(suggestTags('beans', 3).map((t) => t.name)).toEqual(['beans-12', 'beans-11', 'beans-1'])
  })

  it('treat wildcards and other characters no tag has as no match, not as patterns', async () => {
    const helper = await makeUser({ role: 'helper' })
    await makeQuestion(helper, { tags: ['refund', 'return'] })
    // A tag name outside the tag alphabet (imported or old) must not make * or ? match it.
    write((tx) => tx.insert(tags).values({ name: 're*fund' }).run())

    for (const hostile of ['*', 're*', 'r?', 're[f]', '%', 're%', '_', "re'--", 're fund', 'ré'])
      expect(await names(`?q=${encodeURIComponent(hostile)}`), hostile).toEqual([])
    expect(await names('?q=')).toEqual([])
    expect(await names('')).toEqual([])
  })

  it('refuse a prefix longer than any tag, or several of them, with a 400 that says why', async () => {
    const tooLong = await get(`?q=${'a'.repeat(31)}`)
    expect(tooLong.status).toBe(400)
    expect(tooLong.body).toEqual({ error: 'Tags are at most 30 characters' })

    const huge = await get(`?q=${'%F0%9F%92%A9'.repeat(5000)}`)
    expect(huge.status).toBe(400)

    const several = await get('?q=a&q=b')
    expect(several.status).toBe(400)
    expect(several.body).toEqual({ error: 'Give one tag prefix (q), not several' })

    // Exactly a tag's length is still a question worth answering.
    expect((await get(`?q=${'a'.repeat(30)}`)).status).toBe(200)
  })

  it('can be cached briefly by the browser, and is public like the tags page', async () => {
    const res = await callRoute(tagsLoader, {
      request: await request('/resources/tags?q=s'),
      params: {},
      context,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
  })
})
