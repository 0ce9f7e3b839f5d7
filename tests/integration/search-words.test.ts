import { eq, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createAnswer } from '~/modules/answers/answers.server'
import {
  INDEX_VERSION_KEY,
  isSearchIndexCurrent,
  runSearchMaintenance,
} from '~/modules/search/search-maintenance.server'
import { getSimilarQuestions, search, suggestForAsk } from '~/modules/search/search.server'
import { searchThreads } from '~/modules/search/thread-search.server'
import { write } from '~/utils/db.server'
import { settings } from '../../db/schema'
import { makeQuestion, makeUser } from '../factories'
import { publishArticle, useTestKbIndex } from '../setup/kb'

function titles(query: string) {
  const result = searchThreads(query)
  if (!result.ok) throw new Error(result.message)
  return result.items.map((i) => i.title)
}

async function ask(title: string, body: string) {
  return makeQuestion(await makeUser(), { title, body })
}

/** A thread with a response: ask-form suggestions offer only those. */
async function answered(title: string, body: string, answer = 'Thanks, we are on it.') {
  const id = await ask(title, body)
  await createAnswer(await makeUser({ role: 'helper' }), id, answer)
  return id
}

beforeEach(async () => {
  await runSearchMaintenance()
  useTestKbIndex('words')
})

describe('stop words by language', () => {
  it('finds the thread about the “admin panel” by both words, before one only about a panel', async () => {
    await ask('Solar panel for the roastery', 'Does the roaster run on a solar panel at all?')
    const admin = await ask(
      'Admin panel does not load',
      'After the update the admin panel of my shop account shows a blank page.',
    )
    const result = searchThreads('admin panel')
    expect(result.ok && result.items[0].id).toBe(admin)
    // "admin" is a word of the query: exactly one thread holds both words.
    expect(result.ok && result.matchedAll).toBe(1)
  })

  it('finds “min” in an English post, but not the Indonesian greeting “halo min”', async () => {
    await ask('Grinder needs 10 min to cool down', 'After 10 min of grinding it gets hot.')
    await ask('Halo min, paket belum sampai', 'Sudah seminggu paket saya belum sampai, min.')
    expect(titles('min')).toEqual(['Grinder needs 10 min to cool down'])
  })

  it('drops “and”, “can” and “dan” from a query, and keeps “aren” (palm sugar)', async () => {
    await ask('Kopi dan gula aren', 'Berapa takaran gula aren untuk segelas kopi susu?')
    const result = searchThreads('gula dan aren')
    expect(result.ok && result.words).toEqual(['gula', 'aren'])
    const english = searchThreads('can I grind and brew')
    expect(english.ok && english.words).toEqual(['grind', 'brew'])
  })

  it('re-indexes threads written with the old stop words', async () => {
    const id = await ask('Admin panel does not load', 'The admin panel shows a blank page.')
    // The row as the previous normaliser wrote it: "admin" was a stop word for every post.
    write((tx) => {
      tx.run(sql`delete from questions_fts where rowid = ${id}`)
      tx.run(sql`insert into questions_fts (rowid, title, tags, body, answer, related)
        values (${id}, 'panel load', 'ship', 'panel show blank page', '', '')`)
      tx.update(settings).set({ value: '1:old' }).where(eq(settings.key, INDEX_VERSION_KEY)).run()
    })
    expect(isSearchIndexCurrent()).toBe(false)
    expect(titles('admin')).toEqual([])
    const done = await runSearchMaintenance()
    expect(done.questionsReindexed).toBe(1)
    expect(titles('admin')).toEqual(['Admin panel does not load'])
  })
})

describe('did you mean, with the words of the knowledge base', () => {
  it('never corrects a word only an article holds into a thread’s word', async () => {
    await ask('Kalori kopi susu gula aren', 'Berapa kalori segelas kopi susu gula aren?')
    await publishArticle(
      'Kopi Kalosi dari Toraja',
      'Asal dan rasa biji kopi Kalosi.',
      'Kalosi tumbuh di dataran tinggi Enrekang.',
    )
    const outcome = await search({ q: 'kalosi' })
    expect(outcome).toMatchObject({ status: 'ok', total: 1, correction: null })
  })

  it('corrects a misspelt word into an article’s word', async () => {
    await ask('Kalori kopi susu gula aren', 'Berapa kalori segelas kopi susu gula aren?')
    await publishArticle(
      'Kopi Kalosi dari Toraja',
      'Asal dan rasa biji kopi Kalosi.',
      'Kalosi tumbuh di dataran tinggi Enrekang.',
    )
    expect(await search({ q: 'kalossi' })).toMatchObject({ total: 0, correction: 'kalosi' })
    // A thread's word is still corrected to as before.
    expect(await search({ q: 'kalorri' })).toMatchObject({ correction: 'kalori' })
  })
})

describe('KB results on the search page', () => {
  it('match the last word as a prefix when no article has it whole: “gopa” finds GoPay', async () => {
    await publishArticle(
      'Refund ke GoPay',
      'Berapa lama pengembalian dana ke GoPay.',
      'Dana kembali ke saldo GoPay dalam tiga hari kerja.',
    )
    const outcome = await search({ q: 'gopa' })
    expect(outcome.status === 'ok' && outcome.kb?.items.map((a) => a.title)).toEqual([
      'Refund ke GoPay',
    ])
    expect(outcome.status === 'ok' && outcome.kb?.items[0].titleHtml).toContain(
      '<mark>GoPay</mark>',
    )
    const kbOnly = await search({ q: 'gopa', type: 'kb' })
    expect(kbOnly.status === 'ok' && kbOnly.kb?.total).toBe(1)
  })
})

describe('similar questions and ask-form suggestions in Indonesian', () => {
  it('finds “Pengiriman paket terlambat” as similar to “Paket saya belum sampai”, and the English one through synonyms', async () => {
    const late = await answered(
      'Pengiriman paket terlambat',
      'Kurir bilang pengiriman ditunda karena cuaca. Kapan paket tiba?',
    )
    const english = await answered(
      'My parcel has not arrived',
      'It left the warehouse a week ago and the courier page shows nothing new.',
    )
    await ask('Grinder berisik sekali', 'Penggiling saya bunyi keras waktu dipakai.')
    await ask('Cara menyeduh kopi tubruk', 'Berapa gram kopi untuk satu gelas?')
    const source = await ask(
      'Paket saya belum sampai',
      'Barang dikirim lima hari lalu dan belum ada kabar dari kurir.',
    )
    const similar = getSimilarQuestions(source).map((q) => q.id)
    expect(similar).toEqual(expect.arrayContaining([late, english]))
    expect(similar.slice(0, 2).sort()).toEqual([late, english].sort())

    const suggested = await suggestForAsk('Paket saya belum sampai', '', { language: 'id' })
    expect(suggested.threads.map((t) => t.id)).toEqual(expect.arrayContaining([late, english]))
  })

  it('suggests an Indonesian thread about “nomor resi” for an English title asking for the tracking number', async () => {
    const resi = await answered(
      'Nomor resi tidak bisa dilacak di JNE',
      'Sudah dua hari nomor resi saya tidak ditemukan di situs JNE.',
      'Resi baru aktif setelah paket dipindai kurir, biasanya sehari.',
    )
    await answered('Biji kopi terlalu asam', 'Kopi Gayo saya rasanya asam sekali.')
    const suggested = await suggestForAsk('Where is my tracking number?')
    expect(suggested.threads.map((t) => t.id)).toEqual([resi])
    const similar = getSimilarQuestions(
      await ask('Tracking number shows nothing', 'The courier site says it is unknown.'),
    )
    // Every thread here carries the tag "shipping": the one about the tracking number leads.
    expect(similar[0].id).toBe(resi)
  })
})

describe('amounts of money', () => {
  it('finds an amount however it is written: Rp350.000, Rp 350.000, 350rb, 350 ribu, 350k', async () => {
    const ids = [
      await ask('Refund GoPay cuma Rp350.000', 'Harga barangnya lebih mahal dari itu.'),
      await ask('Transfer Rp 350.000 belum masuk', 'Sudah transfer ke virtual account BCA.'),
      await ask('Ongkir 350rb ke Jayapura?', 'Mahal sekali untuk dua kilo.'),
      await ask('Saldo kurang 350 ribu', 'Setelah pembatalan saldo saya berkurang.'),
      await ask('Charged 350k twice', 'My card was charged twice for one order.'),
    ]
    await ask('Grinder Rp 1.350.000 worth it?', 'Thinking about a better burr grinder.')
    for (const query of ['Rp350.000', 'rp 350.000', '350rb', '350 ribu', '350k', '350000']) {
      const result = searchThreads(query, { pageSize: 10 })
      expect([query, result.ok && result.items.map((i) => i.id).sort()]).toEqual([
        query,
        [...ids].sort(),
      ])
    }
  })
})
