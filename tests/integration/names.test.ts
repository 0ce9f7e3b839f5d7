import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deliverOutbox } from '~/modules/mail/delivery.server'
import { autoRespond } from '~/modules/templates/autorespond.server'
import { createTemplate } from '~/modules/templates/templates.server'
import { deleteAccount } from '~/modules/users/users.server'
import { now } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { answers, questions, replyTemplates, users } from '../../db/schema'
import { makeAnswer, makeCategory, makeQuestion, makeUser } from '../factories'
import { startApp, type RunningApp } from '../setup/app'
import { sessionCookie } from '../setup/site'
import { startSmtp, type FakeSmtp } from '../setup/smtp'

let app: RunningApp
let smtp: FakeSmtp
beforeAll(async () => {
  app = await startApp()
  smtp = await startSmtp()
})
afterAll(async () => {
  await app.close()
  await smtp.close()
})
afterEach(() => {
  smtp.received.length = 0
})

const page = async (path: string, language: 'en' | 'id', cookie?: string) => {
  const res = await fetch(`${app.url}${path}`, {
    headers: { 'Accept-Language': language, ...(cookie ? { Cookie: cookie } : {}) },
  })
  expect(res.status, path).toBe(200)
  // what a person reads: the page without the loader data its scripts carry
  return (await res.text()).replace(/<script\b[\s\S]*?<\/script>/g, '')
}
const setLanguage = (userId: number, language: string) =>
  write((tx) => tx.update(users).set({ language }).where(eq(users.id, userId)).run())

describe('names the site gives accounts, in the reader’s language', () => {
  it('a deleted account is “Deleted user” in English and “Pengguna yang dihapus” in Indonesian, wherever its posts show', async () => {
    const gone = await makeUser()
    const reader = await makeUser()
    const id = await makeQuestion(gone, { title: 'Grinder makes a squeaking noise' })
    const answerId = await makeAnswer(gone, await makeQuestion(reader), 'Oil the burr shaft.')
    const admin = await makeUser({ role: 'admin' })
    deleteAccount(admin, gone.id)
    // the stored name stays as it was for older rows and exports
    expect(db.select().from(users).where(eq(users.id, gone.id)).get()?.displayName).toBe(
      'Deleted user',
    )

    const list = await page('/questions', 'id')
    expect(list).toContain('Pengguna yang dihapus')
    expect(list).not.toContain('Deleted user')
    expect(await page('/questions', 'en')).toContain('Deleted user')
    const thread = await page(`/questions/${id}`, 'id')
    expect(thread).toContain('Pengguna yang dihapus')
    expect(thread).not.toContain('Deleted user')

    // the reader's notifications name the one who answered, translated
    setLanguage(reader.id, 'id')
    const notices = await page('/notifications', 'id', await sessionCookie(reader))
    expect(notices).toContain('Pengguna yang dihapus')
    expect(notices).not.toContain('Deleted user')
    expect(answerId).toBeGreaterThan(0)
  })

  it('the assistant’s name and bio on its automatic answers and its profile follow the reader’s language, and a template’s {{helper.name}} the question’s', async () => {
    makeCategory('brewing-help', 'Brewing help')
    const staff = await makeUser({ role: 'staff' })
    const made = createTemplate(staff, {
      title: 'Kopi terasa asam: giling lebih halus',
      category: 'brewing-help',
      tags: ['v60'],
      visibility: 'public',
      language: 'id',
      body: 'Halo {{asker.name|kak}}, kopi V60 yang asam berarti ekstraksinya kurang: giling lebih halus dan pakai air lebih panas. — {{helper.name|Tim kami}}',
    })
    if (!made.ok) throw new Error(JSON.stringify(made.fieldErrors))
    write((tx) =>
      tx
        .update(replyTemplates)
        .set({ automatic: true, automaticChangedAt: now() })
        .where(eq(replyTemplates.id, made.id))
        .run(),
    )
    const asker = await makeUser()
    setLanguage(asker.id, 'id')
    const id = await makeQuestion(asker, {
      title: 'Kopi V60 saya terasa asam, apakah harus giling lebih halus?',
      body: 'Setiap pagi kopi V60 saya asam dan encer. Apakah harus giling lebih halus atau pakai air lebih panas?',
      category: 'brewing-help',
      tags: ['v60'],
    })
    write((tx) => tx.update(questions).set({ language: 'id' }).where(eq(questions.id, id)).run())
    const posted = await autoRespond(id)
    expect(posted).not.toBeNull()
    const body = db.select().from(answers).where(eq(answers.id, posted!.answerId)).get()!.bodyMd
    expect(body).toContain('— Asisten Tanya')
    expect(body).not.toContain('Tanya assistant')

    const inIndonesian = await page(`/questions/${id}`, 'id')
    expect(inIndonesian).toContain('Asisten Tanya')
    expect(await page(`/questions/${id}`, 'en')).toContain('Tanya assistant')

    const profile = await page('/users/tanya-assistant', 'id')
    expect(profile).toContain('<h1>Asisten Tanya')
    expect(profile).toContain('Saran otomatis dari balasan yang sudah terbukti')
    expect(profile).not.toContain('Automatic suggestions from proven replies')
    expect(await page('/users/tanya-assistant', 'en')).toContain('<h1>Tanya assistant')

    // the asker's e-mail says who answered in the asker's language
    await deliverOutbox({ smtpUrl: smtp.url })
    const mails = await smtp.waitFor(1)
    const answered = mails.find((m) => m.text?.includes('menjawab pertanyaan Anda'))
    expect(answered?.text).toContain('Asisten Tanya menjawab pertanyaan Anda')
  })

  it('the language switcher is labelled in both languages, the page’s first', async () => {
    expect(await page('/tags', 'en')).toContain(
      '<label for="language-select">Language / Bahasa</label>',
    )
    expect(await page('/tags', 'id')).toContain(
      '<label for="language-select">Bahasa / Language</label>',
    )
  })
})
