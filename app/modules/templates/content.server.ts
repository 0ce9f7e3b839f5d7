/**
 * Reply templates shipped as content/replies/<slug>.md, validated on load (a clear error names
 * the file and the field) and synced into the database at start. A new file is inserted; a file
 * whose hash changed updates its template unless staff edited that template in the app (an
 * in-app edit wins, and the file no longer touches it); a removed file leaves its template (and
 * its record of uses) as it is.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { replyTemplates, type TemplateVisibility } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'
import { contentFileError, readContentFile } from '../../utils/front-matter.server'
import type { PostLanguage } from '../search/languages'
import { frontMatterSchema, templateBodySchema } from './validation'

export type TemplateFile = {
  file: string
  slug: string
  title: string
  category: string
  tags: string[]
  visibility: TemplateVisibility
  language: PostLanguage
  body: string
  hash: string
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** One template file, validated; throws naming the file and the field at the first problem. */
export function parseTemplateFile(file: string, name: string, text: string): TemplateFile {
  const slug = name.replace(/\.md$/, '')
  if (!SLUG.test(slug) || slug.length > 80)
    contentFileError(
      file,
      '(file name)',
      'must be lowercase words joined by hyphens, ending in .md',
    )
  const { front, body, hash } = readContentFile(file, text, {
    front: frontMatterSchema,
    body: templateBodySchema,
  })
  return {
    file,
    slug,
    ...front,
    body,
    hash,
  }
}

/** Every template under `<contentDir>/replies`, sorted by slug; no folder means none. */
export function loadTemplateFiles(contentDir: string): TemplateFile[] {
  const dir = join(contentDir, 'replies')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => parseTemplateFile(join(dir, name), name, readFileSync(join(dir, name), 'utf8')))
}

export type TemplateSyncResult = {
  created: string[]
  updated: string[]
  /** Edited in the app: the file's change was not applied. */
  keptAppEdit: string[]
  unchanged: string[]
}

/** Brings the database in line with the files (see the module comment); idempotent. */
export function syncTemplateContent(contentDir: string): TemplateSyncResult {
  const files = loadTemplateFiles(contentDir)
  const result: TemplateSyncResult = { created: [], updated: [], keptAppEdit: [], unchanged: [] }
  const existing = new Map(
    db
      .select({
        id: replyTemplates.id,
        slug: replyTemplates.slug,
        fileHash: replyTemplates.fileHash,
        editedInApp: replyTemplates.editedInApp,
      })
      .from(replyTemplates)
      .all()
      .map((r) => [r.slug, r]),
  )
  const changes = files.filter((f) => {
    const row = existing.get(f.slug)
    if (!row) return result.created.push(f.slug)
    if (row.fileHash === f.hash) return !result.unchanged.push(f.slug)
    if (row.editedInApp) return !result.keptAppEdit.push(f.slug)
    return result.updated.push(f.slug)
  })
  if (changes.length === 0) return result
  write((tx) => {
    for (const f of changes) {
      const values = {
        title: f.title,
        category: f.category,
        tags: f.tags,
        visibility: f.visibility,
        language: f.language,
        bodyMd: f.body,
        fileHash: f.hash,
        updatedAt: now(),
      }
      tx.insert(replyTemplates)
        .values({ slug: f.slug, ...values })
        .onConflictDoUpdate({ target: replyTemplates.slug, set: values })
        .run()
    }
  })
  return result
}
