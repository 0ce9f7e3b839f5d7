import { inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../db/seed'
import { outbox, surveys } from '../../db/schema'
import { sendAcceptReminders } from '~/modules/surveys/reminders.server'
import { now } from '~/utils/clock.server'
import { db } from '~/utils/db.server'

const SUPPORT_MAIL = ['survey.requested', 'question.accept_reminder']
const DAY = 86_400_000

describe('the demo seed', () => {
  it('leaves no survey or reminder e-mail queued for its people: its history is the past', async () => {
    expect(await seedDemoIfEmpty()).toBe(true)
    // the demo's solved threads did ask for a survey (the page shows it) ...
    expect(db.select().from(surveys).all().length).toBeGreaterThan(0)
    // ... but nobody is mailed about a thread from weeks ago
    const queued = () =>
      db
        .select({ kind: outbox.kind, to: outbox.toAddress })
        .from(outbox)
        .where(inArray(outbox.kind, SUPPORT_MAIL))
        .all()
    expect(queued()).toEqual([])
    // and the reminder job, run now and a week on, has nobody to remind about that history
    expect(await sendAcceptReminders(now())).toBe('0 reminder(s) sent')
    expect(await sendAcceptReminders(new Date(now().getTime() + 7 * DAY))).toBe(
      '0 reminder(s) sent',
    )
    expect(queued()).toEqual([])
  })
})
