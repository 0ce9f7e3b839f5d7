/**
 * Imports Stack Exchange data dumps into the database at DATABASE_PATH (migrated first).
 *   npm run import:stackexchange -- <folder> [<folder> …] [--per-question]
 * Each folder holds one site's Posts.xml (required) and Users, Tags, PostLinks, Comments .xml;
 * the folder's name is the site (e.g. cardano.stackexchange.com). Running it again adds only
 * what is new. A malformed file stops it before anything is written, with exit code 1.
 * --per-question derives states and search rows one question at a time through the app's own
 * functions instead of in bulk (same result, slower; for comparison).
 */
import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import { migrateDatabase } from '../utils/db.server'
import {
  DumpFormatError,
  importStackExchange,
  type ImportPhase,
  type ImportSummary,
} from '../modules/importer/stackexchange.server'

type Out = { write(text: string): unknown; isTTY?: boolean }

const BAR_WIDTH = 30

/** A bar redrawn in place on a terminal; a line per quarter of each phase otherwise. */
function progressPrinter(out: Out) {
  let current: ImportPhase | null = null
  let lastShown = -1
  return {
    update(phase: ImportPhase, done: number, total: number) {
      const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100
      if (phase !== current) {
        if (current && out.isTTY) out.write('\n')
        current = phase
        lastShown = -1
      }
      if (out.isTTY) {
        if (percent === lastShown) return
        const filled = Math.round((percent / 100) * BAR_WIDTH)
        const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
        out.write(`\r${phase.padEnd(8)} ${bar} ${String(percent).padStart(3)}%`)
      } else {
        const step = Math.floor(percent / 25) * 25
        if (step === lastShown) return
        out.write(`${phase}: ${step}%\n`)
        lastShown = step
        return
      }
      lastShown = percent
    },
    finish() {
      if (current && out.isTTY) out.write('\n')
    },
  }
}

const n = (value: number) => value.toLocaleString('en')
const s = (value: number) => `${value.toFixed(2)} s`

export function formatSummary(summary: ImportSummary): string {
  const lines: string[] = []
  for (const site of summary.sites) {
    const { added, skipped, read, category } = site
    lines.push(
      `${site.source} → category "${category.name}" (${category.slug}, ${category.created ? 'created' : 'existing'})`,
      `  read     ${n(read.rows)} rows: ${n(read.users)} users, ${n(read.tags)} tags, ${n(read.questions)} questions, ${n(read.answers)} answers, ${n(read.links)} post links, ${n(read.comments)} comments`,
      `  added    ${n(added.users)} users, ${n(added.tags)} tags, ${n(added.questions)} questions, ${n(added.answers)} answers, ${n(added.accepted)} accepted, ${n(added.duplicates)} duplicates`,
      `           ${n(added.questionTags)} question tags, ${n(added.revisions)} revisions, ${n(added.events)} events, ${n(added.importedIds)} id mappings, ${n(added.searchRows)} search rows`,
      `  skipped  ${n(skipped.comments)} comments (no comments here), ${n(skipped.otherPosts)} other post types, ${n(skipped.orphanAnswers)} answers without their question, ${n(skipped.selfAccepted)} self-accepted (not solved by our rule), ${n(skipped.tagsDropped)} tags`,
      `  noted    ${n(skipped.closedNotDuplicate)} closed for another reason (imported open), ${n(skipped.titlesShortened)} titles shortened to 150 characters`,
    )
  }
  const t = summary.seconds
  const perSecond = (rows: number) => n(Math.round(rows / Math.max(t.total, 0.001)))
  lines.push(
    `time     parse ${s(t.parse)}, convert ${s(t.convert)}, write ${s(t.write)}, index ${s(t.index)}; total ${s(t.total)}`,
    `rows     ${n(summary.rowsRead)} read (${perSecond(summary.rowsRead)}/s), ${n(summary.rowsWritten)} written (${perSecond(summary.rowsWritten)}/s)`,
  )
  if (summary.rowsWritten === 0) lines.push('Nothing new: every row was imported before.')
  return `${lines.join('\n')}\n`
}

export async function runImport(args: string[], out: Out, err: Out): Promise<number> {
  const folders = args.filter((a) => !a.startsWith('--'))
  if (folders.length === 0) {
    err.write('Usage: npm run import:stackexchange -- <dump folder> [<dump folder> …]\n')
    return 2
  }
  for (const folder of folders)
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      err.write(`Import failed: ${folder} is not a folder\n`)
      return 1
    }
  migrateDatabase()
  const bar = progressPrinter(out)
  try {
    const summary = await importStackExchange(folders, {
      onProgress: bar.update,
      perQuestion: args.includes('--per-question'),
    })
    bar.finish()
    out.write(formatSummary(summary))
    return 0
  } catch (error) {
    bar.finish()
    if (error instanceof DumpFormatError) {
      err.write(`Import failed, nothing was written: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runImport(process.argv.slice(2), process.stdout, process.stderr)
}
