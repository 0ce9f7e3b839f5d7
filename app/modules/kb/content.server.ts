/**
 * Articles shipped as content/kb/<slug>.md. They are validated on load and synced into the
 * database at start: a file whose hash is unchanged costs no write at all, a changed file
 * becomes a new revision, and an article whose file disappeared is archived, never deleted,
 * so its links, feedback and "solved" counts survive.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { categories, kbArticles, type KbOrigin, type KbStatus } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Db, type Tx } from '../../utils/db.server'
import { contentFileError, readContentFile } from '../../utils/front-matter.server'
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from '../../utils/markdown.server'
import { emit, withEventSource } from '../events/events.server'
import { TAG_PATTERN, TAGS_MAX, TITLE_MAX, TITLE_MIN } from '../questions/validation'
import { detectLanguage } from '../search/detect-language.server'
import { scheduleKbIndexRebuild } from '../search/kb-index.server'
import { POST_LANGUAGES, type PostLanguage } from '../search/languages'
import { addArticleRevision, DAY_MS, insertArticle } from './kb.server'
import {
  ARTICLE_BODY_MIN,
  KB_SLUG_MAX,
  KB_SLUG_PATTERN,
  RESERVED_KB_SLUGS,
  REVIEW_EVERY_DAYS,
  SUMMARY_MAX,
  SUMMARY_MIN,
} from './validation'

export type KbContentArticle = {
  file: string
  slug: string
  /** The language it is written in, from the `language` field; detected on sync when left out. */
  language?: PostLanguage
  title: string
  summary: string
  category: string
  tags: string[]
  updated: Date
  reviewEveryDays: number
  body: string
  /** SHA-256 of the file (line endings normalised): what the sync compares. */
  hash: string
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

const frontMatterSchema = z
  .object({
    language: z.enum(POST_LANGUAGES).optional(),
    title: z.string().trim().min(TITLE_MIN).max(TITLE_MAX),
    summary: z.string().trim().min(SUMMARY_MIN).max(SUMMARY_MAX),
    category: z.string().regex(KB_SLUG_PATTERN, 'must be a category slug').max(60),
    tags: z
      .array(z.string().regex(TAG_PATTERN, 'must be lowercase letters, digits and hyphens'))
      .min(1)
      .max(TAGS_MAX)
      .refine((tags) => new Set(tags).size === tags.length, 'must not repeat a tag'),
    // YAML 1.2 reads 2025-01-31 as a string; a Date still arrives if someone quotes oddly.
    updated: z
      .union([z.string().regex(DATE_PATTERN, 'must be a date like 2025-01-31'), z.date()])
      .transform((v, ctx) => {
        const date = typeof v === 'string' ? new Date(`${v}T00:00:00.000Z`) : v
        if (Number.isNaN(date.getTime()) || (typeof v === 'string' && !isRealDate(v))) {
          ctx.addIssue({ code: 'custom', message: 'is not a real date' })
          return z.NEVER
        }
        return date
      }),
    review_every_days: z.number().int().min(1).max(3650).default(REVIEW_EVERY_DAYS),
  })
  .strict()

const bodySchema = z.string().trim().min(ARTICLE_BODY_MIN).max(30_000)

function isRealDate(v: string): boolean {
  return new Date(`${v}T00:00:00.000Z`).toISOString().slice(0, 10) === v
}

/** One article file, validated; throws naming the file and the field at the first problem. */
export function parseKbFile(file: string, name: string, text: string): KbContentArticle {
  const slug = name.slice(0, -'.md'.length)
  if (!KB_SLUG_PATTERN.test(slug) || slug.length > KB_SLUG_MAX)
    contentFileError(
      file,
      '(file name)',
      'must be lowercase words joined by hyphens, ending in .md',
    )
  if ((RESERVED_KB_SLUGS as readonly string[]).includes(slug))
    contentFileError(file, '(file name)', `"${slug}" is the address of a page of its own`)
  const { front, body, hash } = readContentFile(file, text, {
    front: frontMatterSchema,
    body: bodySchema,
  })
  return {
    file,
    slug,
    language: front.language,
    title: front.title,
    summary: front.summary,
    category: front.category,
    tags: front.tags,
    updated: front.updated,
    reviewEveryDays: front.review_every_days,
    body,
    hash,
  }
}

/** Every article under `<contentDir>/kb`, sorted by slug; no folder means no articles. */
export function loadKbContent(contentDir: string): KbContentArticle[] {
  const dir = join(contentDir, 'kb')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const file = join(dir, name)
      return parseKbFile(file, name, readFileSync(file, 'utf8'))
    })
}

export type KbSyncResult = {
  created: string[]
  updated: string[]
  archived: string[]
  unchanged: string[]
  /** Files that could not be applied, with why; the caller logs them. */
  skipped: { slug: string; reason: string }[]
}

type Step =
  | { kind: 'create'; file: KbContentArticle; categoryId: number | null }
  | { kind: 'update'; file: KbContentArticle; categoryId: number | null; row: ExistingRow }
  | { kind: 'recategorize'; slug: string; categoryId: number; id: number }
  | { kind: 'archive'; row: ExistingRow }
  | { kind: 'skip'; slug: string; reason: string }
  | { kind: 'unchanged'; slug: string }

type ExistingRow = {
  id: number
  slug: string
  origin: KbOrigin
  status: KbStatus
  contentHash: string | null
  categoryId: number | null
}

function planSync(reader: Db | Tx, files: KbContentArticle[]): Step[] {
  const categoryIds = new Map(
    reader
      .select({ id: categories.id, slug: categories.slug })
      .from(categories)
      .all()
      .map((c) => [c.slug, c.id]),
  )
  const existing = new Map(
    reader
      .select({
        id: kbArticles.id,
        slug: kbArticles.slug,
        origin: kbArticles.origin,
        status: kbArticles.status,
        contentHash: kbArticles.contentHash,
        categoryId: kbArticles.categoryId,
      })
      .from(kbArticles)
      .all()
      .map((r) => [r.slug, r]),
  )
  const steps: Step[] = []
  const onDisk = new Set<string>()
  for (const file of files) {
    onDisk.add(file.slug)
    const categoryId = categoryIds.get(file.category) ?? null
    const row = existing.get(file.slug)
    if (!row) steps.push({ kind: 'create', file, categoryId })
    else if (row.origin !== 'content')
      steps.push({
        kind: 'skip',
        slug: file.slug,
        reason: 'an article written in the app already has this address',
      })
    else if (row.contentHash !== file.hash) steps.push({ kind: 'update', file, categoryId, row })
    // The categories may have been created after the article (a site without the demo seed).
    else if (row.categoryId === null && categoryId !== null)
      steps.push({ kind: 'recategorize', slug: file.slug, categoryId, id: row.id })
    else steps.push({ kind: 'unchanged', slug: file.slug })
  }
  for (const row of existing.values())
    if (row.origin === 'content' && row.contentHash !== null && !onDisk.has(row.slug))
      steps.push({ kind: 'archive', row })
  return steps
}

const needsWrite = (s: Step) => s.kind !== 'unchanged' && s.kind !== 'skip'

/**
 * Brings the database in line with `<contentDir>/kb`. Idempotent: a second run with the same
 * files reads and writes nothing. A file's hash is compared with the hash stored when it was
 * last applied, so an edit made in the app survives until the file itself changes. An
 * article archived because its file was removed comes back, as a new revision, with the file.
 */
export function syncKbContent(contentDir: string): KbSyncResult {
  const files = loadKbContent(contentDir)
  const planned = planSync(db, files)
  const result: KbSyncResult = {
    created: [],
    updated: [],
    archived: [],
    unchanged: [],
    skipped: [],
  }
  if (!planned.some(needsWrite)) {
    for (const s of planned) record(result, s)
    return result
  }
  // Cook outside the transaction; the plan is re-made inside it in case another process won.
  const cooked = new Map<string, string>()
  for (const s of planned)
    if (s.kind === 'create' || s.kind === 'update')
      cooked.set(s.file.slug, renderMarkdown(s.file.body))
  const cook = (f: KbContentArticle) => cooked.get(f.slug) ?? renderMarkdown(f.body)

  let changed = false
  withEventSource('system', () =>
    write((tx) => {
      for (const step of planSync(tx, files)) {
        record(result, step)
        if (needsWrite(step)) changed = true
        apply(tx, step, cook)
      }
    }),
  )
  if (changed) void scheduleKbIndexRebuild()
  return result
}

function record(result: KbSyncResult, s: Step) {
  if (s.kind === 'create') result.created.push(s.file.slug)
  else if (s.kind === 'update') result.updated.push(s.file.slug)
  else if (s.kind === 'archive') result.archived.push(s.row.slug)
  else if (s.kind === 'skip') result.skipped.push({ slug: s.slug, reason: s.reason })
  else if (s.kind === 'recategorize') result.updated.push(s.slug)
  else result.unchanged.push(s.slug)
}

function apply(tx: Tx, step: Step, cook: (f: KbContentArticle) => string) {
  const at = now()
  switch (step.kind) {
    case 'create': {
      const f = step.file
      insertArticle(tx, null, {
        slug: f.slug,
        title: f.title,
        summary: f.summary,
        bodyMd: f.body,
        bodyHtml: cook(f),
        categoryId: step.categoryId,
        tags: f.tags,
        status: 'published',
        origin: 'content',
        contentHash: f.hash,
        reviewDueAt: new Date(f.updated.getTime() + f.reviewEveryDays * DAY_MS),
        updatedAt: f.updated,
        // The site's own note, not a person's: a descriptor, shown in each reader's language.
        comment: msg('kb.history.fromFile', { slug: f.slug }),
        language: f.language,
      })
      return
    }
    case 'update': {
      const f = step.file
      // Archived by an earlier sync (no hash): the file is back, so the article is too. An
      // article staff archived or drafted in the app keeps that status.
      const returning = step.row.contentHash === null
      tx.update(kbArticles)
        .set({
          title: f.title,
          summary: f.summary,
          bodyMd: f.body,
          bodyHtml: cook(f),
          cookedVersion: MARKDOWN_RENDERER_VERSION,
          language: f.language ?? detectLanguage(`${f.title}\n${f.summary}\n${f.body}`),
          categoryId: step.categoryId ?? step.row.categoryId,
          tags: f.tags.join(' '),
          status: returning ? 'published' : step.row.status,
          contentHash: f.hash,
          reviewDueAt: new Date(f.updated.getTime() + f.reviewEveryDays * DAY_MS),
          updatedAt: f.updated,
        })
        .where(eq(kbArticles.id, step.row.id))
        .run()
      const revision = addArticleRevision(tx, step.row.id, null, {
        title: f.title,
        summary: f.summary,
        bodyMd: f.body,
        tags: f.tags.join(' '),
        comment: msg(returning ? 'kb.history.restoredFromFile' : 'kb.history.updatedFromFile', {
          slug: f.slug,
        }),
      })
      emit(tx, {
        type: 'kb.article_edited',
        actor: null,
        articleId: step.row.id,
        data: { slug: f.slug, revision, origin: 'content' },
      })
      if (returning)
        emit(tx, {
          type: 'kb.article_published',
          actor: null,
          articleId: step.row.id,
          data: { slug: f.slug, origin: 'content' },
        })
      return
    }
    case 'recategorize':
      tx.update(kbArticles)
        .set({ categoryId: step.categoryId })
        .where(eq(kbArticles.id, step.id))
        .run()
      return
    case 'archive':
      // The hash is cleared so that the file's return is seen as a change.
      tx.update(kbArticles)
        .set({ status: 'archived', contentHash: null, updatedAt: at })
        .where(eq(kbArticles.id, step.row.id))
        .run()
      emit(tx, {
        type: 'kb.article_archived',
        actor: null,
        articleId: step.row.id,
        data: { slug: step.row.slug, origin: 'content' },
      })
      return
    case 'skip':
    case 'unchanged':
      return
  }
}
