import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createAnswer, updateAnswer } from '~/modules/answers/answers.server'
import { syncKbContent } from '~/modules/kb/content.server'
import { createArticle } from '~/modules/kb/kb.server'
import { getQuestionPage } from '~/modules/questions/questions.server'
import { ensureKbIndexFresh, searchKb } from '~/modules/search/kb-index.server'
import {
  INDEX_VERSION_KEY,
  isSearchIndexCurrent,
  LANGUAGES_KEY,
  runSearchMaintenance,
} from '~/modules/search/search-maintenance.server'
import { search, suggestForAsk } from '~/modules/search/search.server'
import { searchThreads } from '~/modules/search/thread-search.server'
import { action as askAction, loader as askLoader } from '~/routes/ask'
import { action as settingsAction, loader as settingsLoader } from '~/routes/settings.search'
import { db, write } from '~/utils/db.server'
import { answers, events, kbArticles, questions, settings } from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
  inEnglish,
  makeCategory,
  makeQuestion,
  makeUser,
  request,
} from '../factories'
import { useTestKbIndex } from '../setup/kb'

function titles(query: string) {
  const result = searchThreads(query)
  if (!result.ok) throw new Error(result.message)
  return result.items.map((i) => i.title)
}

async function ask(title: string, body: string) {
  return makeQuestion(await makeUser(), { title, body })
}

beforeEach(async () => {
  // A re-index started in the background by an earlier test ends before this one starts.
  await runSearchMaintenance()
  useTestKbIndex('indonesian')
})

describe('searching in Indonesian', () => {
  it('finds Indonesian and English threads for “paket belum sampai”', async () => {
    await ask('Paket saya belum sampai', 'Sudah lima hari sejak dikirim, resi tidak bergerak.')
    await ask('My parcel has not arrived', 'It was shipped a week ago from Jakarta and is stuck.')
    await ask('Grinder berisik sekali', 'Penggiling saya bunyi keras waktu dipakai.')
    expect(titles('paket belum sampai').sort()).toEqual([
      'My parcel has not arrived',
      'Paket saya belum sampai',
    ])
  })

  it('finds “lupa kata sandi” in a thread about a forgotten password, and the other way round', async () => {
    await ask('Forgot my password', 'The reset e-mail never comes, what can I do?')
    await ask('Lupa kata sandi akun', 'Tidak bisa masuk ke akun saya sejak kemarin.')
    expect(titles('lupa kata sandi').sort()).toEqual(['Forgot my password', 'Lupa kata sandi akun'])
    expect(titles('forgot password').sort()).toEqual(['Forgot my password', 'Lupa kata sandi akun'])
  })

  it('matches synonyms both ways: “ongkir” finds “ongkos kirim” and “ongkos kirim” finds “ongkir”', async () => {
    await ask('Berapa ongkos kirim ke Makassar?', 'Saya mau pesan dua kilo biji kopi.')
    await ask('Ongkir ke Bandung mahal', 'Kenapa ongkirnya lebih mahal dari minggu lalu?')
    await ask('Shipping cost to Medan', 'How much is it for one kilo of beans?')
    const all = [
      'Berapa ongkos kirim ke Makassar?',
      'Ongkir ke Bandung mahal',
      'Shipping cost to Medan',
    ]
    expect(titles('ongkir').sort()).toEqual(all)
    expect(titles('ongkos kirim').sort()).toEqual(all)
    // The synonym's words are marked too.
    const result = searchThreads('ongkir')
    const makassar = result.ok && result.items.find((i) => i.title.includes('Makassar'))
    expect(makassar && makassar.titleHtml).toBe(
      'Berapa <mark>ongkos</mark> <mark>kirim</mark> ke Makassar?',
    )
  })

  it('finds couriers for “kurir”, in either language', async () => {
    await ask('Kurir tidak datang hari ini', 'Sudah ditunggu dari pagi.')
    await ask('Which courier is fastest to Bali?', 'I need the beans by Friday.')
    expect(titles('kurir').sort()).toEqual([
      'Kurir tidak datang hari ini',
      'Which courier is fastest to Bali?',
    ])
  })

  it('finds refunds for “pengembalian dana”, not just anything about “dana”', async () => {
    await ask('Refund ke GoPay belum masuk', 'Pesanan dibatalkan tapi saldo belum kembali.')
    await ask('Pengembalian dana pesanan batal', 'Kapan uangnya dikembalikan ke rekening?')
    await ask('Top up saldo DANA gagal', 'Dana sudah terpotong tapi saldo tidak bertambah.')
    expect(titles('pengembalian dana').slice(0, 2).sort()).toEqual([
      'Pengembalian dana pesanan batal',
      'Refund ke GoPay belum masuk',
    ])
  })

  it('stems Indonesian words: “kirim” finds “pengiriman”, “dikirim” and “mengirim”', async () => {
    await ask('Pengiriman ke Papua lama', 'Berapa hari biasanya untuk sampai?')
    await ask('Barang sudah dikirim?', 'Status pesanan saya belum berubah.')
    await ask('Cara mengirim ulang pesanan', 'Paket kembali ke gudang, bisa dikirim lagi?')
    expect(titles('kirim')).toHaveLength(3)
  })

  it('offers a correction for a misspelt search, as a link on the search page', async () => {
    await ask('Refund GoPay belum masuk', 'Sudah tiga hari setelah pembatalan.')
    const outcome = await search({ q: 'refnud gopey' })
    expect(outcome).toMatchObject({ status: 'ok', total: 0, correction: 'refund gopay' })
    const corrected = await search({ q: 'refund gopay' })
    expect(corrected).toMatchObject({ status: 'ok', correction: null })
    expect(corrected.status === 'ok' && corrected.threads?.total).toBe(1)
    // Known words are never "corrected".
    expect(await search({ q: 'gopay' })).toMatchObject({ correction: null })
  })

  it('matches the last word as a prefix when nothing has it whole: “gopa” finds GoPay', async () => {
    const helper = await makeUser({ role: 'helper' })
    const id = await ask('Refund to GoPay is late', 'The order was cancelled on Monday.')
    await createAnswer(helper, id, 'Refunds to GoPay take up to three days.')
    const outcome = await search({ q: 'gopa' })
    expect(outcome.status === 'ok' && outcome.threads?.items.map((i) => i.id)).toEqual([id])
    expect(outcome.status === 'ok' && outcome.notices.map(inEnglish).join(' ')).toMatch(
      /begin with it/,
    )
    // While typing in the ask form.
    const suggested = await suggestForAsk('Saldo refund gopa')
    expect(suggested.threads.map((t) => t.id)).toEqual([id])
  })

  it('finds Indonesian knowledge-base articles by their stems and synonyms', async () => {
    const staff = await makeUser({ role: 'staff' })
    makeCategory()
    const created = await createArticle(staff, {
      title: 'Cara melacak pengiriman paket',
      summary: 'Masukkan nomor resi di situs kurir untuk melihat status paket.',
      body: 'Nomor resi ada di email konfirmasi pesanan. Masukkan di situs JNE atau SiCepat.',
      category: 'orders-shipping',
      tags: ['pengiriman'],
      status: 'published',
      comment: '',
    })
    expect(created.ok).toBe(true)
    await ensureKbIndexFresh()
    for (const query of ['kirim paket', 'tracking number', 'lacak parcel']) {
      const result = await searchKb(query)
      expect([query, result.ok && result.items.map((i) => i.title)]).toEqual([
        query,
        ['Cara melacak pengiriman paket'],
      ])
    }
  })
})

describe('the language of a post', () => {
  it('is detected on save, or taken from the form, and shown as lang on the post', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, {
      title: 'Paket saya belum sampai',
      body: 'Sudah lima hari dan resi tidak bergerak sama sekali.',
    })
    const page = getQuestionPage(id, asker, 'en')!
    expect(page.question.language).toBe('id')
    const answerId = await createAnswer(asker, id, 'Thanks, it arrived this morning after all.')
    expect(db.select().from(answers).where(eq(answers.id, answerId)).get()!.language).toBe('en')
    await updateAnswer(asker, answerId, 'Thanks, it arrived this morning after all.', '', 'id')
    expect(db.select().from(answers).where(eq(answers.id, answerId)).get()!.language).toBe('id')
  })

  it('takes the language chosen in the ask form, and refuses one it does not know', async () => {
    // A helper, who may create the tag the form names.
    const asker = await makeUser({ role: 'helper' })
    makeCategory()
    const loaded = await callRoute(askLoader, {
      request: await request('/ask', asker),
      params: {},
      context,
    })
    const { visitId } = (await loaded.json()) as { visitId: string }
    const form = {
      intent: 'save',
      visit: visitId,
      title: 'Beans arrived stale',
      body: 'The roast date on the bag was two months ago.',
      category: 'orders-shipping',
      tags: 'shipping',
    }
    const bad = await callRoute(askAction, {
      request: await request('/ask', asker, { form: { ...form, language: 'klingon' } }),
      params: {},
      context,
    })
    expect(bad.status).toBe(400)
    expect(
      errorsInEnglish(((await bad.json()) as { fieldErrors: Record<string, string> }).fieldErrors),
    ).toEqual({ language: 'Choose a language, or let it be detected' })
    const good = await callRoute(askAction, {
      request: await request('/ask', asker, { form: { ...form, language: 'id' } }),
      params: {},
      context,
    })
    expect(good.status).toBe(302)
    const row = db.select().from(questions).where(eq(questions.title, form.title)).get()!
    expect(row.language).toBe('id')
  })

  it("comes from a shipped article's front matter when given, and is detected when not", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-kb-'))
    fs.mkdirSync(path.join(dir, 'kb'))
    const file = (language: string | null, title: string, body: string) =>
      [
        '---',
        `title: ${title}`,
        'summary: Ringkasan singkat untuk artikel ini.',
        'category: orders-shipping',
        'tags: [shipping]',
        'updated: 2026-01-15',
        ...(language ? [`language: ${language}`] : []),
        '---',
        body,
      ].join('\n')
    fs.writeFileSync(
      path.join(dir, 'kb', 'said-english.md'),
      file('en', 'Cara melacak paket kiriman', 'Masukkan nomor resi di situs kurir untuk melacak.'),
    )
    fs.writeFileSync(
      path.join(dir, 'kb', 'detected.md'),
      file(null, 'Cara melacak paket kiriman', 'Masukkan nomor resi di situs kurir, lalu tunggu.'),
    )
    const result = syncKbContent(dir)
    expect(result.created.sort()).toEqual(['detected', 'said-english'])
    const language = (slug: string) =>
      db.select().from(kbArticles).where(eq(kbArticles.slug, slug)).get()!.language
    expect([language('said-english'), language('detected')]).toEqual(['en', 'id'])
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('is detected once for posts written before posts had one', async () => {
    const id = await ask('Paket saya belum sampai', 'Sudah lima hari, resi tidak bergerak.')
    // As the migration left them: every post English, nothing detected yet.
    write((tx) => {
      tx.update(questions).set({ language: 'en' }).where(eq(questions.id, id)).run()
      tx.delete(settings).where(eq(settings.key, LANGUAGES_KEY)).run()
    })
    const result = await runSearchMaintenance()
    expect(result.languagesDetected).toBe(1)
    expect(db.select().from(questions).where(eq(questions.id, id)).get()!.language).toBe('id')
    expect((await runSearchMaintenance()).languagesDetected).toBe(0)
  })
})

describe('the synonyms staff edit', () => {
  async function post(
    user: Awaited<ReturnType<typeof makeUser>> | null,
    form: Record<string, string>,
  ) {
    return callRoute(settingsAction, {
      request: await request('/settings/search', user, { form }),
      params: {},
      context,
    })
  }

  it('is a page for staff only', async () => {
    for (const role of ['member', 'helper', 'moderator'] as const) {
      const user = await makeUser({ role })
      const res = await callRoute(settingsLoader, {
        request: await request('/settings/search', user),
        params: {},
        context,
      })
      expect([role, res.status]).toEqual([role, 403])
      expect([role, (await post(user, { synonyms: 'a, b' })).status]).toEqual([role, 403])
    }
    const anonymous = await post(null, { synonyms: 'a, b' })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)
    const staff = await makeUser({ role: 'staff' })
    const page = await callRoute(settingsLoader, {
      request: await request('/settings/search', staff),
      params: {},
      context,
    })
    expect(page.status).toBe(200)
    expect(((await page.json()) as { text: string }).text).toMatch(/^ongkir, ongkos kirim/)
  })

  it('refuses hostile or broken lists with a clear 400 and keeps what was typed', async () => {
    const staff = await makeUser({ role: 'staff' })
    for (const [synonyms, message] of [
      ['ongkir', /Line 1: a group needs two or more/],
      ['resi, awb\nawb, airway bill', /Line 2: “awb” is already in the group on line 1/],
      ['🙂, ☕', /has no letters or digits/],
      [`a, ${'b'.repeat(200)}`, /longer than 60 characters/],
      ['one two three four five, x', /more than 4 words/],
      ['x, y\n'.repeat(6000), /Keep the list under/],
    ] as const) {
      const res = await post(staff, { intent: 'save', synonyms })
      expect(res.status).toBe(400)
      const body = (await res.json()) as {
        fieldErrors: { synonyms: string }
        values: { synonyms: string }
      }
      expect(inEnglish(body.fieldErrors.synonyms)).toMatch(message)
      expect(body.values.synonyms).toBe(synonyms)
    }
    expect((await post(staff, { intent: 'drop-tables', synonyms: 'a, b' })).status).toBe(400)
    expect(db.select().from(events).where(eq(events.type, 'settings.changed')).all()).toEqual([])
  })

  it('applies a saved list to queries at once and re-indexes what was posted before, with an event', async () => {
    await ask('Es kopi susu gula aren', 'Resep yang manis tapi tidak terlalu pekat.')
    expect(titles('iced latte')).toEqual([])
    const staff = await makeUser({ role: 'staff' })
    const res = await post(staff, {
      intent: 'save',
      synonyms: 'ongkir, ongkos kirim\nkopi susu, latte, iced latte',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/settings/search?saved=1')
    await runSearchMaintenance()
    expect(isSearchIndexCurrent()).toBe(true)
    expect(titles('iced latte')).toEqual(['Es kopi susu gula aren'])
    // The shipped list is gone: "kurir" no longer finds "courier".
    await ask('Which courier do you use?', 'For Sumatra.')
    expect(titles('kurir')).toEqual([])
    const changed = db.select().from(events).where(eq(events.type, 'settings.changed')).all()
    expect(changed).toHaveLength(1)
    expect(changed[0]).toMatchObject({ actorId: staff.id, data: { key: 'search.synonyms' } })

    expect((await post(staff, { intent: 'reset' })).status).toBe(302)
    expect(titles('kurir')).toEqual(['Which courier do you use?'])
  })

  it('re-indexes every thread when the index was built with other synonyms', async () => {
    const id = await ask('Ongkir ke Bandung mahal', 'Kenapa lebih mahal dari minggu lalu?')
    write((tx) => tx.delete(settings).where(eq(settings.key, INDEX_VERSION_KEY)).run())
    expect(isSearchIndexCurrent()).toBe(false)
    const result = await runSearchMaintenance()
    expect(result.questionsReindexed).toBe(1)
    expect(isSearchIndexCurrent()).toBe(true)
    const rows = db.all<{ id: number }>(
      sql`select rowid as id from questions_fts where questions_fts match '"_ongkir"'`,
    )
    expect(rows.map((r) => r.id)).toEqual([id])
  })
})
