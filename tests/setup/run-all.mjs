#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first that fails.
// Output streams as it comes; at the end a table of the steps with their durations, and on the
// very last line the totals over vitest and Playwright: `N passed, M failed`.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const REPORTS = path.resolve('tmp/reports')
const VITEST_JSON = path.join(REPORTS, 'vitest.json')
const PLAYWRIGHT_JSON = path.join(REPORTS, 'playwright.json')

/**
 * @typedef {{
 *   name: string,
 *   command: string,
 *   args: string[],
 *   env?: Record<string, string>,
 *   counts?: () => Counts | null,
 * }} Step
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 */

/** @type {Step[]} */
const STEPS = [
  { name: 'typecheck', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', command: 'npx', args: ['eslint', '.'] },
  {
    name: 'vitest (unit + integration)',
    command: 'npx',
    args: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${VITEST_JSON}`,
    ],
    counts: vitestCounts,
  },
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  { name: 'chromium', command: 'node', args: ['tests/setup/chromium.mjs'] },
  {
    name: 'playwright (e2e)',
    command: 'npx',
    args: ['playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
    counts: playwrightCounts,
  },
]

/** @type {import('node:child_process').ChildProcess | null} */
let current = null
// Ctrl-C reaches the running step directly (same process group): let it stop and report.
process.on('SIGINT', () => {
  if (!current) process.exit(128 + os.constants.signals.SIGINT)
})
process.on('SIGTERM', () => {
  if (current) current.kill('SIGTERM')
  else process.exit(128 + os.constants.signals.SIGTERM)
})

/**
 * Runs one step with its output streamed to ours; resolves to its exit code.
 * @param {Step} step
 * @returns {Promise<number>}
 */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    })
    current = child
    child.on('error', (error) => {
      console.error(`Could not start ${step.command}: ${error.message}`)
      current = null
      resolve(127)
    })
    child.on('exit', (code, signal) => {
      current = null
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0))
    })
  })
}

/**
 * @param {string} file
 * @returns {unknown}
 */
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** @returns {Counts | null} vitest's JSON report follows Jest's: num*Tests. */
function vitestCounts() {
  const report = /** @type {Record<string, number> | null} */ (readJson(VITEST_JSON))
  if (!report) return null
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}

/** @returns {Counts | null} Playwright's JSON report: expected, unexpected, flaky, skipped. */
function playwrightCounts() {
  const report = /** @type {{ stats?: Record<string, number> } | null} */ (
    readJson(PLAYWRIGHT_JSON)
  )
  if (!report?.stats) return null
  const stats = report.stats
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  }
}

/** @param {number} ms */
function formatDuration(ms) {
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds.toFixed(1)}s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes}m ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')}s`
}

/** @param {string[][]} rows */
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (/** @type {string[]} */ r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ')
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
    .map((l) => l.trimEnd())
    .join('\n')
}

async function main() {
  // Counts come only from this run's reports.
  fs.rmSync(REPORTS, { recursive: true, force: true })
  fs.mkdirSync(REPORTS, { recursive: true })

  const started = Date.now()
  /** @type {{ step: Step, status: string, ms: number | null }[]} */
  const results = STEPS.map((step) => ({ step, status: 'not run', ms: null }))
  let exitCode = 0
  for (const result of results) {
    const { step } = result
    console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(' ')}\n`)
    const t0 = Date.now()
    const code = await run(step)
    result.ms = Date.now() - t0
    result.status = code === 0 ? 'passed' : `FAILED (exit ${code})`
    if (code !== 0) {
      exitCode = code
      break
    }
  }
  const total = Date.now() - started

  let passed = 0
  let failed = 0
  const rows = [['step', 'result', 'time', 'tests']]
  for (const { step, status, ms } of results) {
    let tests = ''
    if (step.counts && ms !== null) {
      const c = step.counts()
      if (c) {
        passed += c.passed
        failed += c.failed
        tests = `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`
      } else tests = 'no report'
    }
    rows.push([step.name, status, ms === null ? '-' : formatDuration(ms), tests])
  }
  rows.push(['total', exitCode === 0 ? 'passed' : 'FAILED', formatDuration(total), ''])
  console.log(`\n${table(rows)}\n`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(exitCode)
}

await main()
