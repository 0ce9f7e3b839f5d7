#!/usr/bin/env node
// Finds the Chromium the end-to-end tests drive. Playwright's own browser downloads are not
// available here, so the tests use the system's Chromium (Debian's `chromium` package).
//
//   node tests/setup/chromium.mjs   prints which Chromium is used, installing Debian's package
//                                   with apt-get when none is found and we may (root + apt-get)
//   findChromium()                  the path or null, for playwright.config.ts (never installs)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where Debian, Ubuntu and Google's packages put the browser, most likely first. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The Chromium to launch: `CHROMIUM_PATH` when set (and only it, so a typo is not silently
 * replaced by another browser), else the first installed candidate; null when there is none.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim()
  if (fromEnv) return isExecutable(fromEnv) ? path.resolve(fromEnv) : null
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null
}

/**
 * "Chromium 139.0.7258.154 built on Debian …", or null when the binary does not run.
 * @param {string} executable
 * @returns {string | null}
 */
export function chromiumVersion(executable) {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 })
  if (result.error || result.status !== 0) return null
  return result.stdout.trim().split('\n')[0] || null
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) return { ok: false, why: 'we are not root' }
  let osRelease = ''
  try {
    osRelease = fs.readFileSync('/etc/os-release', 'utf8')
  } catch {
    return { ok: false, why: '/etc/os-release is missing, so this is not Debian or Ubuntu' }
  }
  const ids = [...osRelease.matchAll(/^(?:ID|ID_LIKE)=(.*)$/gm)]
    .flatMap((m) => m[1].replace(/"/g, '').split(/\s+/))
    .map((id) => id.toLowerCase())
  if (!ids.some((id) => id === 'debian' || id === 'ubuntu'))
    return { ok: false, why: 'this is not Debian or Ubuntu' }
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' })
  if (apt.error || apt.status !== 0) return { ok: false, why: 'apt-get is not available' }
  return { ok: true, why: '' }
}

/** @param {string[]} args */
function aptGet(args) {
  console.log(`$ apt-get ${args.join(' ')}`)
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error) throw result.error
  if (result.status !== 0)
    throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status ?? 'none'}`)
}

/** @param {string} message */
function fail(message) {
  console.error(`\nChromium setup failed: ${message}`)
  process.exit(1)
}

function main() {
  const fromEnv = process.env.CHROMIUM_PATH?.trim()
  let executable = findChromium()
  if (!executable && fromEnv)
    fail(`CHROMIUM_PATH is set to ${fromEnv}, but there is no executable file there.`)

  if (!executable) {
    const apt = canInstallWithApt()
    if (!apt.ok)
      fail(
        `no Chromium found (looked for ${CHROMIUM_CANDIDATES.join(', ')}) and it cannot be ` +
          `installed automatically because ${apt.why}.\n` +
          'Install Chromium with your package manager (on Debian: apt-get install -y chromium) ' +
          'or set CHROMIUM_PATH to its executable. Do not use `npx playwright install`.',
      )
    console.log("Chromium not found; installing Debian's chromium package with apt-get…")
    try {
      aptGet(['update'])
      aptGet(['install', '-y', 'chromium'])
    } catch (error) {
      fail(
        `installing chromium with apt-get did not work: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    executable = findChromium()
    if (!executable)
      fail(`apt-get finished, but still no Chromium at ${CHROMIUM_CANDIDATES.join(', ')}.`)
    console.log(`Installed Chromium at ${executable}.`)
  }

  const version = chromiumVersion(executable)
  if (!version) fail(`${executable} is there, but \`${executable} --version\` does not run.`)
  console.log(`Using Chromium at ${executable} (${version})`)
}

/** True when this file is the script node was started with, not an import. */
function isMain() {
  if (!process.argv[1]) return false
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) main()
