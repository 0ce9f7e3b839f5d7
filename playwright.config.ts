import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/setup/chromium.mjs'

// E2E_PORT lets two checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://127.0.0.1:${PORT}`

// The system's Chromium: Playwright's browser downloads are not available on this machine or CI.
const executablePath = findChromium()
if (!executablePath)
  throw new Error(
    'No Chromium found for the end-to-end tests. Run `node tests/setup/chromium.mjs` (it installs ' +
      "Debian's chromium package when it can) or set CHROMIUM_PATH. Never `npx playwright install`.",
  )

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // The app is built before (`npm run build`); this deletes tmp/e2e, then runs `node build/server.js`.
    command: 'node tests/setup/e2e-server.mjs',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATABASE_PATH: 'tmp/e2e/tanya.db',
      BASE_URL,
      SEED_DEMO: 'true',
      LOG_REQUESTS: 'false',
      // every spec signs up people of its own, all from 127.0.0.1
      SIGNUP_LIMIT_PER_IP: '500',
      // the specs' new accounts post at once; held-posts.spec.ts relies on the other spam rules
      HOLD_FIRST_POSTS: 'false',
      NODE_ENV: 'production',
    },
  },
})
