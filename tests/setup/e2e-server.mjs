#!/usr/bin/env node
// The end-to-end tests' server: deletes tmp/e2e (the database of the previous run) and then
// starts the built server (`node build/server.js`, as `npm start` does), so every `playwright test` begins with a freshly seeded demo
// community. Playwright starts its webServer before globalSetup runs, so the deletion has to
// happen here, in the command itself, rather than in a globalSetup file.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dataDir = path.resolve('tmp/e2e')
const databasePath = path.resolve(process.env.DATABASE_PATH ?? 'tmp/e2e/tanya.db')
if (!databasePath.startsWith(dataDir + path.sep)) {
  console.error(`e2e-server: DATABASE_PATH must be inside ${dataDir}, not ${databasePath}`)
  process.exit(1)
}

fs.rmSync(dataDir, { recursive: true, force: true })
fs.mkdirSync(dataDir, { recursive: true })

const child = spawn(process.execPath, ['build/server.js'], { stdio: 'inherit', env: process.env })

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}

child.on('error', (error) => {
  console.error(`e2e-server: could not start the server: ${error.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 0))
})
