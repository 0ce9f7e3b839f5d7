import { DEFAULT_LANGUAGE } from '../i18n/config'
import { translatorFor } from '../i18n/translator.server'
import { applyPromotionRule } from '../modules/kb/promotion.server'
import { describeSweep, sweepEscalations } from '../modules/escalation/sweep.server'
import { deliverOutbox, describeDelivery } from '../modules/mail/delivery.server'
import { sendDigests } from '../modules/mail/digest.server'
import { recordEndedSanctions } from '../modules/moderation/sanctions.server'
import { TRUST_UPDATE_HOURS } from '../modules/trust/levels'
import { describeTrustRun, updateTrustLevels } from '../modules/trust/trust.server'
import { sendAcceptReminders } from '../modules/surveys/reminders.server'
import { forgetOldSubmissionKeys } from '../modules/submissions/submissions.server'
import { recookPlainText } from '../utils/recook.server'
import { checkAllAutomation } from '../modules/templates/outcomes.server'
import type { Job } from './scheduler.server'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Every periodic job of the site. */
export const JOBS: Job[] = [
  // Questions past their response target go to the staff member on call; unacknowledged ones to
  // everybody (see the escalation module). Every minute, so nobody waits a minute more than promised.
  { name: 'escalation', intervalMs: 60_000, run: () => describeSweep(sweepEscalations()) },
  {
    name: 'kb.promotion-rule',
    intervalMs: HOUR,
    // Nobody writes what the rule publishes on its own: its drafts are in the site's language.
    run: () => {
      const t = translatorFor(DEFAULT_LANGUAGE)
      return applyPromotionRule({
        question: t('kb.promote.draftQuestion'),
        answer: t('kb.promote.draftAnswer'),
      })
    },
  },
  // Queued before delivery in the same pass, so `npm run jobs` sends a due digest at once.
  { name: 'mail.daily-digest', intervalMs: 24 * HOUR, run: sendDigests },
  // E-mail waiting in the outbox goes out within a minute.
  {
    name: 'mail.deliver-outbox',
    intervalMs: MINUTE,
    run: async () => describeDelivery(await deliverOutbox()),
  },
  { name: 'forms.forget-submission-keys', intervalMs: HOUR, run: forgetOldSubmissionKeys },
  // Sanctions end on time by themselves; this records each end in the event log.
  { name: 'sanctions.record-ended', intervalMs: 5 * 60_000, run: () => recordEndedSanctions() },
  // Askers whose answered question has no accepted answer after 3 and 7 days are reminded.
  { name: 'surveys.accept-reminders', intervalMs: HOUR, run: () => sendAcceptReminders() },
  // A template's open uses are decided at 7 days and move its closure rate without any new
  // event: an automatic template whose rate fell is switched off within the hour.
  { name: 'templates.automation-check', intervalMs: HOUR, run: checkAllAutomation },
  // Trust levels follow activity (see modules/trust/levels.ts); a day's visits are enough news.
  {
    name: 'trust.levels',
    intervalMs: TRUST_UPDATE_HOURS * HOUR,
    run: () => describeTrustRun(updateTrustLevels()),
  },
  // Posts kept as plain text because cooking ran out of time, usually in a moment of heavy load.
  { name: 'markdown.recook-plain-text', intervalMs: 10 * 60_000, run: () => recookPlainText() },
]
