import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Findings at these impacts fail the test; minor and moderate ones are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical'])

/**
 * Runs axe on the page as it is and fails on any serious or critical finding, listing each
 * rule with the elements it found, so the failure message alone says what to fix.
 */
export async function expectNoSeriousViolations(page: Page, where: string) {
  const rules = {
    // Off by default in axe (marked experimental), but a link whose spoken name does not
    // contain its visible text cannot be followed by voice ("click Tanya"): checked here.
    'label-content-name-mismatch': { enabled: true },
  }
  const results = await new AxeBuilder({ page }).options({ rules }).analyze()
  // One line per element, so the failure reads as a list of what to fix and where.
  const findings = results.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id} (${v.help}) at ${n.target.join(' ')}: ${
            n.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? ''
          }`,
      ),
    )
  expect(findings, `serious or critical accessibility findings on ${where}`).toEqual([])
}
