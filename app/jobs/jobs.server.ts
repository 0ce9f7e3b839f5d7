import { applyPromotionRule } from '../modules/kb/promotion.server'
import { forgetOldSubmissionKeys } from '../modules/submissions/submissions.server'
import type { Job } from './scheduler.server'

const HOUR = 60 * 60_000

/** Every periodic job of the site. Later jobs (escalation sweep, outbox) join this list. */
export const JOBS: Job[] = [
  { name: 'kb.promotion-rule', intervalMs: HOUR, run: applyPromotionRule },
  { name: 'forms.forget-submission-keys', intervalMs: HOUR, run: forgetOldSubmissionKeys },
]
