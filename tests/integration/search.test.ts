import { beforeEach, describe, expect, it } from 'vitest'
import { translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { deleteQuestion, hideQuestion } from '~/modules/moderation/posts.server'
import { closeAsDuplicateIn } from '~/modules/questions/closing.server'
import { updateQuestion } from '~/modules/questions/questions.server'
import { ensureKbIndexFresh } from '~/modules/search/kb-index.server'
import { getSimilarQuestions, suggestForAsk } from '~/modules/search/search.server'
import { findSimilarQuestions, searchThreads } from '~/modules/search/thread-search.server'
import { loader as goLoader } from '~/routes/go'
import { RESULT_COUNT_HEADER } from '~/utils/search-page-cache.server'
import { loader as suggestLoader } from '~/routes/resources.suggest'
import { headers as searchHeaders, loader as searchLoader } from '~/routes/search'
import { db, write } from '~/utils/db.server'
import { now } from '~/utils/clock.server'
import { categories, kbArticles, searchEvents } from '../../db/schema'
import {
  context,
  makeAnswer,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
  callRoute,
} from '../factories'
import { useTestKbIndex } from '../setup/kb'

async function run<T extends (args: never) => unknown>(fn: T, args: Parameters<T>[0]) {
  return callRoute(fn, args)
}

async function searchPage(query: string) {
  const res = await run(searchLoader, {
    request: await request(`/search?${query}`),
    params: {},
    context,
  } as never)
  expect(res.status).toBe(200)
  const body = await res.json()
  return { ...body, countHeader: res.headers.get(RESULT_COUNT_HEADER) } as {
    countHeader: string | null
    outcome:
      | { status: 'empty' }
      | { status: 'unusable'; message: string }
      | {
          status: 'ok'
          notices: string[]
          kb: { items: { title: string }[]; total: number } | null
          threads: {
            items: { id: number; title: string; snippetHtml: string; titleHtml: string }[]
            total: number
            page: number
            pageCount: number
          } | null
        }
  }
}

function titlesOf(result: ReturnType<typeof searchThreads>) {
  if (!result.ok) throw new Error(result.message)
  return result.items.map((i) => i.title)
}

/** A message descriptor the way an English reader sees it. */
const english = (message: string) => translateMessage(translatorFor('en'), message)

const SPAM = { reason: 'spam', note: '' } as const

async function hide(questionId: number) {
  hideQuestion(await makeUser({ role: 'moderator' }), questionId, SPAM)
}

/** As the importer does it: the link as it is, no flattening, no person. */
function closeAsDuplicate(duplicateId: number, originalId: number) {
  write((tx) => closeAsDuplicateIn(tx, { questionId: duplicateId, originalId, actor: null }))
}

beforeEach(() => {
  // Each test has a fresh database; the KB index must not remember the previous one.
  useTestKbIndex('search')
})

describe('thread search', () => {
  it('finds a new question the moment it is posted', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, {
      title: 'Grinder squeaks when grinding dark roast',
      body: 'My hand grinder makes a loud squeak with the dark roast beans.',
    })
    const result = searchThreads('squeaks grinder')
    expect(result.ok && result.items.map((i) => i.id)).toEqual([id])
  })

  it('finds an edited question by its new words and no longer by its old ones', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, { title: 'Parcel stuck at the Surabaya hub' })
    expect(titlesOf(searchThreads('Surabaya'))).toHaveLength(1)
    const result = await updateQuestion(asker, id, {
      title: 'Parcel stuck at the Makassar hub',
      body: 'The tracking has not moved since it reached the hub on Tuesday.',
      category: 'orders-shipping',
      tags: ['shipping'],
    })
    expect(result.ok).toBe(true)
    expect(titlesOf(searchThreads('Surabaya'))).toEqual([])
    expect(titlesOf(searchThreads('Makassar'))).toEqual(['Parcel stuck at the Makassar hub'])
  })

  it('suggests only threads that look related: a shared word in the body alone is not enough', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const related = await makeQuestion(asker, {
      title: 'GoPay refund has not arrived',
      body: 'I cancelled the order on Monday.',
    })
    const unrelated = await makeQuestion(asker, {
      title: 'Cold brew concentrate tastes flat',
      body: 'After two days it tastes flat. Is a refund possible for the beans?',
    })
    for (const id of [related, unrelated]) await makeAnswer(helper, id, 'Thanks, sorted.')

    const suggested = await suggestForAsk('Where is my GoPay refund?')
    expect(suggested.threads.map((t) => t.id)).toEqual([related])
    // Nothing that shares a title word: nothing at all, rather than the best of the noise.
    expect((await suggestForAsk('Is it possible for the beans')).threads).toEqual([])
    // A title shorter than a question may be shows nothing.
    expect(await suggestForAsk('GoPay')).toEqual({ kb: [], threads: [] })
  })

  it('never shows hidden or deleted questions in results, suggestions or similar questions', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const visible = await makeQuestion(asker, { title: 'Kalosi beans taste of cardboard' })
    const hidden = await makeQuestion(asker, { title: 'Kalosi beans taste of smoke' })
    const deleted = await makeQuestion(asker, { title: 'Kalosi beans taste of nothing' })
    for (const id of [visible, hidden, deleted]) await makeAnswer(helper, id, 'Try a finer grind.')
    await hide(hidden)
    deleteQuestion(await makeUser({ role: 'moderator' }), deleted, SPAM)

    expect(titlesOf(searchThreads('Kalosi beans taste'))).toEqual([
      'Kalosi beans taste of cardboard',
    ])
    const page = await searchPage('q=Kalosi')
    expect(page.outcome.status === 'ok' && page.outcome.threads?.items.map((i) => i.id)).toEqual([
      visible,
    ])
    const suggestions = await suggestForAsk('Kalosi beans taste')
    expect(suggestions.threads.map((s) => s.id)).toEqual([visible])
    expect(findSimilarQuestions(visible).map((s) => s.id)).toEqual([])
  })

  it('finds a question by the text of its accepted answer, and shows that answer as the snippet', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const id = await makeQuestion(asker, {
      title: 'Payment failed at checkout',
      body: 'The page said the payment failed but I am not sure why.',
    })
    const answerId = await makeAnswer(
      helper,
      id,
      'Your bank blocked it: whitelist the Xendit merchant.',
    )
    expect(titlesOf(searchThreads('Xendit'))).toEqual([])
    acceptAnswer(asker, answerId)
    const result = searchThreads('Xendit merchant')
    expect(result.ok && result.items[0]).toMatchObject({
      id,
      snippetFrom: 'answer',
      snippetHtml: expect.stringContaining('<mark>Xendit</mark>'),
    })
  })

  it('gives every result its own snippet, from the body or else from the accepted answer', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const inBody = await makeQuestion(asker, {
      title: 'Kettle question one',
      body: 'My gooseneck kettle whistles at night.',
    })
    const inAnswer = await makeQuestion(asker, {
      title: 'Kettle question two',
      body: 'The handle got hot and I do not know why.',
    })
    acceptAnswer(
      asker,
      await makeAnswer(helper, inAnswer, 'A gooseneck handle heats up near steam.'),
    )
    const other = await makeQuestion(asker, {
      title: 'Kettle question three',
      body: 'Is a gooseneck needed for a V60?',
    })
    const result = searchThreads('gooseneck')
    if (!result.ok) throw new Error(result.message)
    const byId = new Map(result.items.map((i) => [i.id, i]))
    expect(byId.get(inBody)).toMatchObject({
      snippetFrom: 'question',
      snippetHtml: 'My <mark>gooseneck</mark> kettle whistles at night.',
    })
    expect(byId.get(inAnswer)).toMatchObject({
      snippetFrom: 'answer',
      snippetHtml: 'A <mark>gooseneck</mark> handle heats up near steam.',
    })
    expect(byId.get(other)).toMatchObject({
      snippetHtml: 'Is a <mark>gooseneck</mark> needed for a V60?',
    })
    // A page of one whose body lacks the word, while other threads outside the page have it.
    const titled = await makeQuestion(asker, {
      title: 'Gooseneck kettle review',
      body: 'Thinking about buying one for pour over.',
    })
    const page = searchThreads('gooseneck', { pageSize: 1 })
    expect(page.ok && page.items.map((i) => [i.id, i.snippetHtml])).toEqual([
      [titled, 'Thinking about buying one for pour over.'],
    ])
  })

  it("finds the original question from a duplicate's title", async () => {
    const asker = await makeUser()
    const original = await makeQuestion(asker, {
      title: 'JNE tracking has not moved for three days',
      body: 'Order KN-1 has said Manifested since Monday.',
    })
    const duplicate = await makeQuestion(asker, {
      title: 'Resi stuck on manifested status',
      body: 'Nothing happens with my parcel.',
    })
    closeAsDuplicate(duplicate, original)
    const suggestions = searchThreads('Resi stuck on manifested status', {
      excludeDuplicates: true,
      match: 'any',
    })
    expect(suggestions.ok && suggestions.items.map((i) => i.id)).toEqual([original])
  })

  it('stems words, so "shipped" finds "shipping" and "refunds" finds "refund"', async () => {
    const asker = await makeUser()
    await makeQuestion(asker, { title: 'Shipping to Jayapura takes weeks' })
    await makeQuestion(asker, {
      title: 'How long does a refund take',
      category: 'returns',
      tags: ['refund'],
    })
    expect(titlesOf(searchThreads('shipped Jayapura'))).toEqual([
      'Shipping to Jayapura takes weeks',
    ])
    expect(titlesOf(searchThreads('refunds'))).toEqual(['How long does a refund take'])
  })

  it('filters by category, tag and solved state', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    makeCategory('brewing-help', 'Brewing help')
    const shipping = await makeQuestion(asker, {
      title: 'Beans arrived late after the holiday',
      tags: ['shipping'],
    })
    const brewing = await makeQuestion(asker, {
      title: 'Beans taste sour in my V60',
      category: 'brewing-help',
      tags: ['v60'],
    })
    const solved = await makeQuestion(asker, {
      title: 'Beans ground too coarse for espresso',
      category: 'brewing-help',
      tags: ['espresso'],
    })
    acceptAnswer(asker, await makeAnswer(helper, solved, 'Choose the espresso grind at checkout.'))

    const ids = (options: Parameters<typeof searchThreads>[1]) => {
      const r = searchThreads('beans', options)
      return r.ok ? r.items.map((i) => i.id).sort() : []
    }
    expect(ids({})).toEqual([shipping, brewing, solved].sort())
    expect(ids({ category: 'brewing-help' })).toEqual([brewing, solved].sort())
    expect(ids({ tag: 'v60' })).toEqual([brewing])
    expect(ids({ solved: 'solved' })).toEqual([solved])
    expect(ids({ solved: 'unsolved' })).toEqual([shipping, brewing].sort())
    expect(ids({ category: 'brewing-help', solved: 'unsolved', tag: 'v60' })).toEqual([brewing])

    const page = await searchPage('q=beans&category=brewing-help&solved=solved&type=threads')
    expect(page.outcome.status === 'ok' && page.outcome.threads?.items.map((i) => i.id)).toEqual([
      solved,
    ])
  })

  it('pages through results ten at a time, and a page past the end shows the last page', async () => {
    const asker = await makeUser()
    for (let i = 1; i <= 23; i++)
      await makeQuestion(asker, { title: `Espresso machine question number ${i}` })
    const first = searchThreads('espresso machine', { page: 1 })
    const third = searchThreads('espresso machine', { page: 3 })
    const beyond = searchThreads('espresso machine', { page: 40 })
    expect(first.ok && [first.items.length, first.total, first.pageCount]).toEqual([10, 23, 3])
    expect(third.ok && [third.items.length, third.page]).toEqual([3, 3])
    expect(beyond.ok && [beyond.items.length, beyond.page]).toEqual([3, 3])
    const all = [1, 2, 3].flatMap((page) => titlesOf(searchThreads('espresso machine', { page })))
    expect(new Set(all).size).toBe(23)
  })

  it('matches every word first, and any word (best first) when every word finds too little', async () => {
    const asker = await makeUser()
    await makeQuestion(asker, { title: 'QRIS payment failed but money was deducted' })
    await makeQuestion(asker, { title: 'QRIS code does not scan' })
    await makeQuestion(asker, { title: 'OVO is missing at checkout' })
    const all = searchThreads('QRIS deducted')
    expect(all.ok && [all.matched, all.matchedAll, all.total]).toEqual(['any', 1, 2])
    expect(titlesOf(all)[0]).toBe('QRIS payment failed but money was deducted')
    const one = await searchPage('q=QRIS+deducted')
    expect(one.outcome.status === 'ok' && one.outcome.notices.map(english)).toEqual([
      'Only one thread contains all of your words (shown first); the others contain some of them.',
    ])
    const page = await searchPage('q=QRIS+deducted+OVO')
    expect(page.outcome.status === 'ok' && page.outcome.notices.map(english)).toContain(
      'No thread contains all of your words; these contain some of them.',
    )
  })

  it('matches the word still being typed as a prefix in suggestions', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const id = await makeQuestion(asker, { title: 'Subscription charged twice this month' })
    await makeAnswer(helper, id, 'We refunded the second charge.')
    expect((await suggestForAsk('subscription char')).threads.map((t) => t.id)).toEqual([id])
    // Once a space follows, the word is complete and no longer a prefix.
    expect((await suggestForAsk('subscription char ')).threads.map((t) => t.id)).toEqual([id])
  })

  it('suggests only answered or solved threads and never questions closed as duplicates', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const unanswered = await makeQuestion(asker, { title: 'Virtual account expired before I paid' })
    const answered = await makeQuestion(asker, { title: 'Virtual account expired again' })
    const duplicate = await makeQuestion(asker, { title: 'Virtual account expired too soon' })
    await makeAnswer(helper, answered, 'Order again: a new virtual account is made.')
    await makeAnswer(helper, duplicate, 'See the other thread.')
    closeAsDuplicate(duplicate, answered)
    const suggestions = await suggestForAsk('virtual account expired')
    expect(suggestions.threads.map((t) => t.id)).toEqual([answered])
    expect(suggestions.threads.map((t) => t.id)).not.toContain(unanswered)
  })

  it('suggests the original in place of a matching duplicate, at its rank, through a chain', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    // D is a duplicate of M, itself a duplicate of O: only D's words match, and O's search
    // document holds M's title, not D's, so only following the chain can find O.
    const original = await makeQuestion(asker, {
      title: 'Promo codes are refused on the payment page',
      body: 'The field turns red after I press apply.',
    })
    const middle = await makeQuestion(asker, {
      title: 'Discount field shows an error',
      body: 'It turns red.',
    })
    const duplicate = await makeQuestion(asker, {
      title: 'Voucher rejected for Sumatra Mandheling',
      body: 'The voucher from the newsletter is rejected.',
    })
    const weaker = await makeQuestion(asker, {
      title: 'Newsletter voucher arrives twice',
      body: 'It mentions a voucher for Sumatra Mandheling too.',
    })
    for (const id of [original, middle, duplicate, weaker])
      await makeAnswer(helper, id, 'Thanks, fixed.')
    closeAsDuplicate(middle, original)
    closeAsDuplicate(duplicate, middle)

    const suggestions = await suggestForAsk('Voucher rejected for Sumatra Mandheling')
    expect(suggestions.threads.map((t) => t.id)).toEqual([original, weaker])
    expect(suggestions.threads[0].title).toBe('Promo codes are refused on the payment page')
    const similar = await makeQuestion(asker, { title: 'Mandheling voucher rejected again' })
    expect(findSimilarQuestions(similar).map((q) => q.id)).toEqual([original, weaker])
  })

  it('offers an original once, however many of its duplicates match', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const original = await makeQuestion(asker, { title: 'Grinder hopper lid cracked in transit' })
    const duplicates = [
      await makeQuestion(asker, { title: 'Grinder hopper lid cracked' }),
      await makeQuestion(asker, { title: 'Hopper lid arrived cracked' }),
    ]
    for (const id of [original, ...duplicates])
      await makeAnswer(helper, id, 'A new lid is on its way.')
    for (const id of duplicates) closeAsDuplicate(id, original)
    const suggestions = await suggestForAsk('hopper lid cracked')
    expect(suggestions.threads.map((t) => t.id)).toEqual([original])
  })

  it('never offers a hidden or unanswered original, nor lets it take a place', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const hiddenOriginal = await makeQuestion(asker, { title: 'Aeropress seal leaks' })
    const openOriginal = await makeQuestion(asker, { title: 'Aeropress plunger sticks' })
    const toHidden = await makeQuestion(asker, { title: 'Aeropress filter cap leaks coffee' })
    const toOpen = await makeQuestion(asker, { title: 'Aeropress filter cap plunger' })
    await makeAnswer(helper, hiddenOriginal, 'Replace the seal.')
    for (const id of [toHidden, toOpen]) await makeAnswer(helper, id, 'See the other thread.')
    closeAsDuplicate(toHidden, hiddenOriginal)
    closeAsDuplicate(toOpen, openOriginal)
    await hide(hiddenOriginal)
    // Weaker matches (the words are only in their bodies), enough to fill every place.
    const others: number[] = []
    for (let i = 1; i <= 5; i++) {
      const id = await makeQuestion(asker, {
        title: `Brewer question number ${i}`,
        body: `My Aeropress filter cap is fine, question ${i}.`,
      })
      await makeAnswer(helper, id, 'Good to hear.')
      others.push(id)
    }
    const suggestions = await suggestForAsk('Aeropress filter cap')
    expect(suggestions.threads.map((t) => t.id).sort()).toEqual([...others].sort())
  })

  it('never offers anything for duplicates closed as duplicates of each other', async () => {
    const asker = await makeUser()
    const helper = await makeUser({ role: 'helper' })
    const first = await makeQuestion(asker, { title: 'Moka pot gasket smells burnt' })
    const second = await makeQuestion(asker, { title: 'Moka pot gasket burnt smell' })
    for (const id of [first, second]) await makeAnswer(helper, id, 'Boil it once.')
    closeAsDuplicate(first, second)
    closeAsDuplicate(second, first)
    expect((await suggestForAsk('moka gasket burnt')).threads).toEqual([])
  })

  it('lists similar questions, never the question itself or its duplicates', async () => {
    const asker = await makeUser()
    const question = await makeQuestion(asker, {
      title: 'French press coffee is muddy',
      tags: ['french-press'],
    })
    const similar = await makeQuestion(asker, {
      title: 'Muddy cup from my French press',
      tags: ['french-press'],
    })
    const duplicate = await makeQuestion(asker, { title: 'French press leaves mud in the cup' })
    await makeQuestion(asker, { title: 'Refund for a broken kettle' })
    closeAsDuplicate(duplicate, question)
    const list = getSimilarQuestions(question)
    expect(list.map((q) => q.id)).toEqual([similar])
    expect(list[0].href).toBe(`/questions/${similar}/muddy-cup-from-my-french-press`)
    expect(getSimilarQuestions(999_999)).toEqual([])
  })

  it('finds a similar question by the distinctive words of the body when the title says little', async () => {
    const asker = await makeUser()
    const vague = await makeQuestion(asker, {
      title: 'Strange message keeps appearing',
      body: 'It says ERR_VOUCHER_EXPIRED whenever I type the discount code.',
      tags: ['app'],
    })
    const sameError = await makeQuestion(asker, {
      title: 'What does ERR_VOUCHER_EXPIRED mean?',
      body: 'The discount code is refused.',
      tags: ['promotions'],
    })
    await makeQuestion(asker, { title: 'Strange noise from the grinder', tags: ['grinders'] })
    await makeQuestion(asker, { title: 'A message from the courier', tags: ['delivery'] })
    // the title alone shares no word with it; its body's rarest words do
    const list = getSimilarQuestions(vague).map((q) => q.id)
    expect(list).toContain(sameError)
    expect(list).not.toContain(vague)

    // the ask form: the same title finds it only once the details are typed
    await makeAnswer(await makeUser(), sameError, 'The voucher ran out; ask for a new one.')
    const title = 'Strange message keeps appearing'
    const ids = async (body: string) => (await suggestForAsk(title, body)).threads.map((t) => t.id)
    expect(await ids('')).not.toContain(sameError)
    expect(await ids('It says ERR_VOUCHER_EXPIRED when I type the discount code.')).toContain(
      sameError,
    )
  })

  it('answers hostile queries with results or a clear message, never an error', async () => {
    const asker = await makeUser()
    await makeQuestion(asker, { title: 'Order not arrived near Bandung station' })
    const hostile = [
      '"',
      '""',
      '"unbalanced quote',
      'AND OR NOT NEAR',
      'order AND',
      'NEAR(order arrived, 2)',
      '*',
      'ord*',
      '^order',
      'title:order',
      '{title body}: order',
      'order -arrived',
      '+order +arrived',
      'order~2 arrived^10',
      '☕🫘📦',
      '📦 order 🚚',
      "'; drop table questions; --",
      '\u0000order\u0000',
      '\uE000order\uE001',
      'x'.repeat(10_240),
      'order '.repeat(2_000),
      'Bandung'.repeat(1_500),
      'ÖRDER Bändung',
      '注文 配達',
    ]
    for (const q of hostile) {
      const result = searchThreads(q)
      if (!result.ok)
        expect(english(result.message)).toMatch(/words to search for|could not be run/)
      const page = await searchPage(`q=${encodeURIComponent(q)}`)
      expect(['ok', 'unusable']).toContain(page.outcome.status)
      const res = await run(suggestLoader, {
        request: await request(`/resources/suggest?title=${encodeURIComponent(q.slice(0, 3000))}`),
        params: {},
        context,
      } as never)
      expect(res.status).toBe(200)
    }
    expect(titlesOf(searchThreads('NEAR(order arrived, 2)'))).toEqual([
      'Order not arrived near Bandung station',
    ])
    expect(titlesOf(searchThreads('title:order'))).toHaveLength(1)
    expect(titlesOf(searchThreads('ÖRDER Bändung'))).toHaveLength(1)
    const emoji = await searchPage(`q=${encodeURIComponent('☕🫘📦')}`)
    expect(emoji.outcome.status).toBe('unusable')
    expect(emoji.outcome.status === 'unusable' && english(emoji.outcome.message)).toContain(
      'no words to search for',
    )
    const long = await searchPage(`q=${encodeURIComponent('order '.repeat(2_000))}`)
    expect(long.outcome.status).toBe('ok')
  })

  it('escapes HTML from posts in titles and snippets, adding only its own <mark> tags', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, {
      title: 'Kettle <script>alert(1)</script> leaks',
      body: 'The kettle <img src=x onerror=alert(1)> leaks & drips "badly" when the lid \uE000is\uE001 open.',
    })
    const result = searchThreads('kettle leaks')
    if (!result.ok) throw new Error(result.message)
    const hit = result.items.find((i) => i.id === id)!
    for (const html of [hit.titleHtml, hit.snippetHtml]) {
      expect(html).not.toMatch(/<(?!\/?mark>)/)
      expect(html.match(/<mark>/g)?.length).toBe(html.match(/<\/mark>/g)?.length)
    }
    expect(hit.titleHtml).toBe(
      '<mark>Kettle</mark> &lt;script&gt;alert(1)&lt;/script&gt; <mark>leaks</mark>',
    )
    expect(hit.snippetHtml).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(hit.snippetHtml).toContain('&amp; drips &quot;badly&quot;')
  })
})

describe('the search page', () => {
  function insertArticle(values: { slug: string; title: string; summary: string; body: string }) {
    const category = makeCategory()
    write((tx) =>
      tx
        .insert(kbArticles)
        .values({
          ...values,
          bodyMd: values.body,
          bodyHtml: `<p>${values.body}</p>`,
          cookedVersion: 1,
          categoryId: category.id,
          tags: 'shipping tracking',
          status: 'published',
          origin: 'content',
          publishedAt: now(),
        })
        .run(),
    )
  }

  it('shows knowledge-base articles first, then threads, and logs the search', async () => {
    const asker = await makeUser()
    await makeQuestion(asker, { title: 'Tracking page shows manifested for days' })
    insertArticle({
      slug: 'tracking-your-parcel',
      title: 'Tracking your parcel',
      summary: 'What each tracking status means and when to worry.',
      body: 'Manifested means the courier has the label.',
    })
    await ensureKbIndexFresh()
    const page = await searchPage('q=tracking+manifested')
    if (page.outcome.status !== 'ok') throw new Error('no results')
    expect(page.outcome.kb?.items.map((a) => a.title)).toEqual(['Tracking your parcel'])
    expect(page.outcome.threads?.items.map((t) => t.title)).toEqual([
      'Tracking page shows manifested for days',
    ])
    const logged = db.select().from(searchEvents).all()
    expect(logged).toMatchObject([{ kind: 'search', query: 'tracking manifested', resultCount: 2 }])
    // The count travels with the page (data and document), so the page cache can log repeats.
    expect(page.countHeader).toBe('2')
    const documentHeaders = new Headers(
      searchHeaders({
        loaderHeaders: new Headers({ [RESULT_COUNT_HEADER]: '2' }),
      } as never),
    )
    expect(documentHeaders.get(RESULT_COUNT_HEADER)).toBe('2')

    const kbOnly = await searchPage('q=tracking&type=kb')
    expect(kbOnly.outcome.status === 'ok' && kbOnly.outcome.threads).toBeNull()
    const threadsOnly = await searchPage('q=tracking&type=threads')
    expect(threadsOnly.outcome.status === 'ok' && threadsOnly.outcome.kb).toBeNull()
  })

  it('shows nothing but the box without a query, and bad parameters fall back to defaults', async () => {
    expect((await searchPage('')).outcome).toEqual({ status: 'empty' })
    const odd = await searchPage('q=x&type=everything&page=-4&solved=maybe&category=')
    expect(odd.outcome.status).toBe('ok')
  })
})

describe('the logged click-through', () => {
  it('redirects to a public question or article and logs the opening', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, { title: 'Grinder burrs are rusty' })
    const res = await run(goLoader, {
      request: await request(`/go?type=question&id=${id}&from=search&q=rusty`),
      params: {},
      context,
    } as never)
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(`/questions/${id}/grinder-burrs-are-rusty`)
    expect(db.select().from(searchEvents).all()).toMatchObject([
      { kind: 'result_opened', query: 'rusty', targetType: 'question', targetId: id },
    ])
  })

  it('refuses hidden, unknown and malformed targets with 404, and never redirects to a URL', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, { title: 'Grinder burrs are rusty' })
    await hide(id)
    const category = db.select().from(categories).get()!
    write((tx) =>
      tx
        .insert(kbArticles)
        .values({
          slug: 'draft-article',
          title: 'A draft',
          bodyMd: 'x',
          bodyHtml: 'x',
          cookedVersion: 1,
          categoryId: category.id,
          status: 'draft',
          origin: 'app',
        })
        .run(),
    )
    for (const query of [
      `type=question&id=${id}`,
      'type=question&id=999',
      'type=kb&id=1',
      'type=url&id=1',
      'type=question&id=https://evil.example',
      'to=https://evil.example',
      'type=question',
    ]) {
      const res = await run(goLoader, {
        request: await request(`/go?${query}`),
        params: {},
        context,
      } as never)
      expect(res.status, query).toBe(404)
    }
    expect(db.select().from(searchEvents).all()).toEqual([])
  })
})
