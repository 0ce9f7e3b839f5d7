import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// Integration tests that drive the whole app (server.ts's createApp in front of the Remix
// build) need build/index.js to be the current code. Before the integration tests run, the
// build (`npm run build`, as for production) is redone when anything it is made from is newer
// than it (a removed or renamed file moves its folder's time): a few seconds, and only when
// something changed.
const BUILD = path.resolve('build/index.js')
const SOURCES = ['app', 'db', 'server.ts', 'remix.config.js', 'package-lock.json', 'tsconfig.json']

function newestChange(entry: string): number {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of fs.readdirSync(entry))
    newest = Math.max(newest, newestChange(path.join(entry, name)))
  return newest
}

export default function setup() {
  const built = fs.existsSync(BUILD) ? fs.statSync(BUILD).mtimeMs : 0
  const sources = Math.max(...SOURCES.filter((s) => fs.existsSync(s)).map(newestChange))
  if (built > sources) return
  console.log('build/index.js is older than the app: building it (npm run build)…')
  const result = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error('npm run build failed; the integration tests need it')
}
