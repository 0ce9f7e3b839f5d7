import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { acceptAnswer, unacceptAnswer } from '~/modules/answers/answers.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { closeQuestion, lockQuestion } from '~/modules/moderation/threads.server'
import { listNotifications } from '~/modules/notifications/notifications.server'
import {
  REMINDER_WINDOW_DAYS,
  remindersOf,
  sendAcceptReminders,
} from '~/modules/surveys/reminders.server'
import { answerSurvey, getSurveyRow } from '~/modules/surveys/surveys.server'
import { updateSolvedCloseDays } from '~/modules/surveys/settings.server'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { events, outbox, questions } from '../../db/schema'
import {
  callRoute,
  context,
  errorsInEnglish,
  makeAnswer,
  makeQuestion,
  makeUser,
  request,
} from '../factories'
import { TEST_EPOCH } from '../setup/integration'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const SPAM = { reason: 'spam', note: '' } as const

const mailTo = (userId: number, kind: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.kind, kind)))
    .all()
const surveyEvents = (questionId: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.type, 'survey.answered'), eq(events.questionId, questionId)))
    .all()
/** Every link in an e-mail's text body that goes to `path`. */
const linksTo = (text: string, path: string) =>
  [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]).filter((u) => new URL(u).pathname === path)

async function solvedQuestion() {
  const asker = await makeUser()
  const helper = await makeUser({ role: 'helper' })
  const id = await makeQuestion(asker, { title: 'Grinder burrs squeak after cleaning' })
  const answerId = await makeAnswer(helper, id, 'Dry the burrs fully before you put them back.')
  acceptAnswer(asker, answerId)
  return { asker, helper, id, answerId }
}

async function route(path: string) {
  return import(path)
}

describe('the survey after a question is solved', () => {
  it('is asked once per question, on the thread, in the app and by e-mail with five rating links', async () => {
    const { asker, helper, id, answerId } = await solvedQuestion()
    const survey = getSurveyRow(id)!
    expect(survey).toMatchObject({ askerId: asker.id, rating: null })
    expect(survey.closesAt.getTime() - survey.requestedAt.getTime()).toBe(7 * DAY)
    expect(listNotifications(asker.id).map((n) => n.type)).toContain('survey.requested')
    const [mail] = mailTo(asker.id, 'survey.requested')
    expect(mail.subject).toContain('Grinder burrs squeak after cleaning')
    expect(mail.text).toContain('How satisfied are you with the help you got?')
    const ratings = linksTo(mail.text, '/survey').map((u) => new URL(u).searchParams.get('rating'))
    expect(ratings).toEqual(['1', '2', '3', '4', '5', null])

    // Undone and solved again, with another answer: still the one survey, asked once.
    unacceptAnswer(asker, answerId)
    const other = await makeAnswer(await makeUser(), id, 'Or use a brush and rice tablets.')
    acceptAnswer(asker, other)
    expect(mailTo(asker.id, 'survey.requested')).toHaveLength(1)
    expect(listNotifications(asker.id).filter((n) => n.type === 'survey.requested')).toHaveLength(1)

    // The thread shows the survey to its asker, and to nobody else.
    const { loader } = await route('~/routes/questions.$questionId.($slug)')
    const path = `/questions/${id}/grinder-burrs-squeak-after-cleaning`
    const params = { questionId: String(id), slug: 'grinder-burrs-squeak-after-cleaning' }
    const mine = await (
      await callRoute(loader, { request: await request(path, asker), params, context })
    ).json()
    expect(mine.support.survey).toMatchObject({ rating: null, open: true })
    const theirs = await (
      await callRoute(loader, { request: await request(path, helper), params, context })
    ).json()
    expect(theirs.support.survey).toBeNull()
  })

  it('takes an answer and changes for seven days, each one a survey.answered event, then closes', async () => {
    const advance = setClock(TEST_EPOCH)
    const { asker, helper, id } = await solvedQuestion()
    answerSurvey(asker, id, { rating: 2, comment: 'Slow at first' })
    advance(6 * DAY)
    answerSurvey(asker, id, { rating: 5, comment: 'It works now, thank you' })
    const answered = surveyEvents(id)
    expect(answered.map((e) => e.data)).toEqual([
      { rating: 2, comment: 'Slow at first' },
      { rating: 5, comment: 'It works now, thank you' },
    ])
    expect(answered.every((e) => e.actorId === asker.id)).toBe(true)
    expect(getSurveyRow(id)).toMatchObject({ rating: 5, comment: 'It works now, thank you' })

    // Someone else may not answer it.
    expect(() => answerSurvey(helper, id, { rating: 1, comment: '' })).toThrow()
    // A rating outside 1–5 and a comment too long are refused, with what was typed kept.
    const { action } = await route('~/routes/questions.$questionId.survey')
    const bad = await callRoute(action, {
      request: await request(`/questions/${id}/survey`, asker, {
        form: { rating: '9', comment: 'x'.repeat(1001) },
      }),
      params: { questionId: String(id) },
      context,
    })
    expect(bad.status).toBe(400)
    const body = await bad.json()
    expect(errorsInEnglish(body.fieldErrors)).toEqual({
      rating: 'Choose a rating from 1 to 5.',
      comment: 'Keep it to 1000 characters.',
    })
    expect(body.values.comment).toHaveLength(1001)

    advance(DAY + 1)
    expect(() => answerSurvey(asker, id, { rating: 1, comment: '' })).toThrow(/closedNotice/)
    expect(surveyEvents(id)).toHaveLength(2)
  })

  it('records a rating from the e-mail only through the page’s button, never by opening the link', async () => {
    const advance = setClock(TEST_EPOCH)
    const { asker, id } = await solvedQuestion()
    const [mail] = mailTo(asker.id, 'survey.requested')
    const four = linksTo(mail.text, '/survey').find((u) => u.endsWith('rating=4'))!
    const url = new URL(four)
    const token = url.searchParams.get('token')!
    const { loader, action } = await route('~/routes/survey')

    // A scanner (or the person) opening every link changes nothing.
    for (const link of linksTo(mail.text, '/survey')) {
      const u = new URL(link)
      const res = await callRoute(loader, {
        request: await request(`${u.pathname}${u.search}`),
        context,
      })
      expect(res.status).toBe(200)
    }
    expect(surveyEvents(id)).toHaveLength(0)
    const page = await (
      await callRoute(loader, { request: await request(`/survey${url.search}`), context })
    ).json()
    expect(page).toMatchObject({ chosen: 4, page: { ok: true, questionId: id } })

    // The page's button sends it, signed out: the token is the authority.
    const sent = await callRoute(action, {
      request: await request('/survey', null, { form: { token, rating: '4', comment: '' } }),
      context,
    })
    expect(sent.status).toBe(302)
    expect(surveyEvents(id).map((e) => e.data)).toEqual([{ rating: 4, comment: '' }])

    // A token changed by one character, or used for another question, is not admitted.
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    const bad = await callRoute(loader, {
      request: await request(`/survey?token=${forged}`),
      context,
    })
    expect(bad.status).toBe(404)
    const other = await solvedQuestion()
    const swapped = token.replace(`s.${id}.`, `s.${other.id}.`)
    const refused = await callRoute(action, {
      request: await request('/survey', null, {
        form: { token: swapped, rating: '1', comment: '' },
      }),
      context,
    })
    expect(refused.status).toBe(404)

    // After seven days the link has expired.
    advance(7 * DAY + 1)
    const late = await callRoute(loader, {
      request: await request(`/survey${url.search}`),
      context,
    })
    expect(late.status).toBe(410)
  })
})

describe('reminders to accept an answer', () => {
  async function answeredQuestion() {
    const asker = await makeUser()
    const id = await makeQuestion(asker, { title: 'Refund for a broken dripper' })
    const first = await makeAnswer(await makeUser(), id, 'Send a photo of the crack to support.')
    const second = await makeAnswer(await makeUser(), id, 'Returns are free within 30 days.')
    return { asker, id, answers: [first, second] }
  }

  it('go out after 3 and 7 days, and never a third time', async () => {
    const advance = setClock(TEST_EPOCH)
    const { asker, id } = await answeredQuestion()
    advance(2 * DAY)
    await sendAcceptReminders()
    expect(remindersOf(id)).toHaveLength(0)
    advance(DAY)
    await sendAcceptReminders()
    await sendAcceptReminders()
    expect(remindersOf(id).map((r) => r.number)).toEqual([1])
    const [mail] = mailTo(asker.id, 'question.accept_reminder')
    expect(linksTo(mail.text, '/accept')).toHaveLength(2)
    advance(3 * DAY)
    await sendAcceptReminders()
    expect(remindersOf(id)).toHaveLength(1)
    advance(DAY)
    await sendAcceptReminders()
    expect(
      remindersOf(id)
        .map((r) => r.number)
        .sort(),
    ).toEqual([1, 2])
    for (let i = 0; i < 5; i++) {
      advance(10 * DAY)
      await sendAcceptReminders()
    }
    expect(remindersOf(id)).toHaveLength(2)
    expect(mailTo(asker.id, 'question.accept_reminder')).toHaveLength(2)
    expect(
      listNotifications(asker.id).filter((n) => n.type === 'question.accept_reminder').length,
    ).toBeGreaterThan(0)
  })

  it('never remind of a thread whose first answer is older than two weeks, and let requests through', async () => {
    const advance = setClock(TEST_EPOCH)
    const { id: old } = await answeredQuestion()
    // the job was stopped (or the site upgraded) until long after the old thread's answers
    advance((REMINDER_WINDOW_DAYS + 1) * DAY)
    const { id: recent } = await answeredQuestion()
    advance(8 * DAY)
    const running = sendAcceptReminders()
    expect(running).toBeInstanceOf(Promise)
    expect(await running).toBe('1 reminder(s) sent')
    expect(remindersOf(old)).toHaveLength(0)
    expect(
      remindersOf(recent)
        .map((r) => r.number)
        .sort(),
    ).toEqual([1, 2])
  })

  it('skip closed, locked, hidden and already solved questions', async () => {
    const advance = setClock(TEST_EPOCH)
    const moderator = await makeUser({ role: 'moderator' })
    const closed = await answeredQuestion()
    const locked = await answeredQuestion()
    const hidden = await answeredQuestion()
    const solved = await answeredQuestion()
    closeQuestion(moderator, closed.id, 'off-topic', '')
    lockQuestion(moderator, locked.id, 'Heated thread')
    hideQuestion(moderator, hidden.id, SPAM)
    acceptAnswer(solved.asker, solved.answers[0])
    advance(8 * DAY)
    await sendAcceptReminders()
    for (const q of [closed, locked, hidden, solved]) expect(remindersOf(q.id)).toHaveLength(0)
  })

  it('accept from the e-mail only after the person confirms on the page', async () => {
    const advance = setClock(TEST_EPOCH)
    const { asker, id, answers } = await answeredQuestion()
    advance(3 * DAY)
    await sendAcceptReminders()
    const [mail] = mailTo(asker.id, 'question.accept_reminder')
    const [first] = linksTo(mail.text, '/accept')
    const token = new URL(first).searchParams.get('token')!
    const { loader, action } = await route('~/routes/accept')
    const page = await callRoute(loader, {
      request: await request(`/accept?token=${encodeURIComponent(token)}`),
      context,
    })
    expect(page.status).toBe(200)
    expect(await page.json()).toMatchObject({
      page: { ok: true, answerId: answers[0], accepted: false },
    })
    // Opening the link accepted nothing.
    expect(
      db.select().from(questions).where(eq(questions.id, id)).get()!.acceptedAnswerId,
    ).toBeNull()

    const done = await callRoute(action, {
      request: await request('/accept', null, { form: { token } }),
      context,
    })
    expect(done.status).toBe(302)
    const q = db.select().from(questions).where(eq(questions.id, id)).get()!
    expect(q).toMatchObject({ acceptedAnswerId: answers[0], status: 'solved' })
    // Through the one accept path: the event, and the survey that follows it.
    const accepted = db
      .select()
      .from(events)
      .where(and(eq(events.type, 'answer.accepted'), eq(events.questionId, id)))
      .all()
    expect(accepted).toHaveLength(1)
    expect(accepted[0].actorId).toBe(asker.id)
    expect(getSurveyRow(id)).not.toBeNull()
    // A forged token is refused.
    const forged = await callRoute(action, {
      request: await request('/accept', null, { form: { token: `${token}x` } }),
      context,
    })
    expect(forged.status).toBe(404)
  })
})

describe('solved threads closing to new answers', () => {
  it('take no answers after the set number of days, and the thread says why', async () => {
    const advance = setClock(TEST_EPOCH)
    const { id } = await solvedQuestion()
    const late = await makeUser()
    advance(29 * DAY)
    await makeAnswer(late, id, 'Still open on day 29.')
    advance(2 * DAY)
    await expect(makeAnswer(late, id, 'Too late on day 31.')).rejects.toThrow()

    const { loader } = await route('~/routes/questions.$questionId.($slug)')
    const params = { questionId: String(id), slug: 'grinder-burrs-squeak-after-cleaning' }
    const res = await callRoute(loader, {
      request: await request(`/questions/${id}/${params.slug}`, late),
      params,
      context,
    })
    const data = await res.json()
    expect(data.support.answersClosed).toMatchObject({ days: 30 })
    expect(data.page.target.answersClosed).toBe(true)

    // Staff change the setting on its page; 0 keeps solved threads open.
    const staff = await makeUser({ role: 'staff' })
    const settings = await route('~/routes/dashboard.settings')
    const member = await callRoute(settings.action, {
      request: await request('/dashboard/settings', late, { form: { solvedCloseDays: '0' } }),
      context,
    })
    expect(member.status).toBe(403)
    const invalid = await callRoute(settings.action, {
      request: await request('/dashboard/settings', staff, { form: { solvedCloseDays: 'soon' } }),
      context,
    })
    expect(invalid.status).toBe(400)
    const saved = await callRoute(settings.action, {
      request: await request('/dashboard/settings', staff, { form: { solvedCloseDays: '0' } }),
      context,
    })
    expect(saved.status).toBe(302)
    await makeAnswer(late, id, 'Open again.')
    updateSolvedCloseDays(staff, { solvedCloseDays: 60 })
    await makeAnswer(late, id, 'Day 31 of 60.')
  })
})
