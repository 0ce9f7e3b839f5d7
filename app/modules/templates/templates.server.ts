/**
 * Reply templates: the list staff and helpers pick from, writing them in the app, filling one
 * in for a question, and recording its use when an answer is posted from it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import {
  kbArticles,
  questions,
  replyTemplates,
  templateUses,
  users,
  type ReplyTemplate,
} from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import type { EmittedEvent } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion } from '../questions/questions.server'
import { once } from '../submissions/submissions.server'
import type { TemplateInput } from './validation'
import { editedShare, fillTemplate, placeholdersOf } from './variables'

export type TemplateSummary = Pick<
  ReplyTemplate,
  'id' | 'title' | 'category' | 'tags' | 'visibility' | 'language' | 'automatic'
>

const summaryColumns = {
  id: replyTemplates.id,
  title: replyTemplates.title,
  category: replyTemplates.category,
  tags: replyTemplates.tags,
  visibility: replyTemplates.visibility,
  language: replyTemplates.language,
  automatic: replyTemplates.automatic,
}

/** The templates `actor` may use: staff all of them, helpers the public ones. */
export function listUsableTemplates(actor: Actor | null): TemplateSummary[] {
  if (!can(actor, 'template.use', { visibility: 'public' })) return []
  const staff = can(actor, 'template.use', { visibility: 'staff' })
  return db
    .select(summaryColumns)
    .from(replyTemplates)
    .where(staff ? undefined : eq(replyTemplates.visibility, 'public'))
    .orderBy(asc(replyTemplates.title))
    .all()
}

function requireUsable(actor: Actor, id: number): ReplyTemplate {
  const template = db.select().from(replyTemplates).where(eq(replyTemplates.id, id)).get()
  // A staff-only template is not there for a helper.
  if (!template || !can(actor, 'template.use', template)) throw new NotFound('page')
  return template
}

/** For the edit form (staff). */
export function getTemplateForEdit(actor: Actor, id: number): ReplyTemplate {
  if (!can(actor, 'template.manage', null)) throw new Forbidden('template.manage')
  const template = db.select().from(replyTemplates).where(eq(replyTemplates.id, id)).get()
  if (!template) throw new NotFound('page')
  return template
}

export type SaveResult = { ok: true; id: number } | { ok: false; fieldErrors: { body: string } }

/** `{{kb:slug}}` must name a published article, or the template would link nowhere. */
function missingArticles(body: string): string[] {
  const slugs = placeholdersOf(body).flatMap((p) => (p.kind === 'kb' ? [p.slug] : []))
  if (slugs.length === 0) return []
  const found = new Set(
    db
      .select({ slug: kbArticles.slug })
      .from(kbArticles)
      .where(and(inArray(kbArticles.slug, slugs), eq(kbArticles.status, 'published')))
      .all()
      .map((a) => a.slug),
  )
  return [...new Set(slugs.filter((s) => !found.has(s)))]
}

function checkArticles(input: TemplateInput): SaveResult | null {
  const missing = missingArticles(input.body)
  if (missing.length === 0) return null
  return {
    ok: false,
    fieldErrors: { body: msg('replies.validation.unknownArticle', { slugs: missing.join(', ') }) },
  }
}

/** `submissionKey` is the form's one-time key: a second submit saves one template. */
export function createTemplate(
  actor: Actor,
  input: TemplateInput,
  submissionKey?: string | null,
): SaveResult {
  if (!can(actor, 'template.manage', null)) throw new Forbidden('template.manage')
  const refused = checkArticles(input)
  if (refused) return refused
  const id = write(
    (tx) =>
      once(
        tx,
        submissionKey,
        actor.id,
        'template',
        () =>
          tx
            .insert(replyTemplates)
            .values({ ...fields(input), editedInApp: true, createdById: actor.id })
            .returning({ id: replyTemplates.id })
            .get().id,
      ).id,
  )
  return { ok: true, id }
}

/** An edit in the app wins over the shipped file from then on (see content.server.ts). */
export function updateTemplate(actor: Actor, id: number, input: TemplateInput): SaveResult {
  getTemplateForEdit(actor, id)
  const refused = checkArticles(input)
  if (refused) return refused
  write((tx) =>
    tx
      .update(replyTemplates)
      .set({ ...fields(input), editedInApp: true, updatedAt: now() })
      .where(eq(replyTemplates.id, id))
      .run(),
  )
  return { ok: true, id }
}

const fields = (input: TemplateInput) => ({
  title: input.title,
  category: input.category,
  tags: input.tags,
  visibility: input.visibility,
  language: input.language,
  bodyMd: input.body,
})

/** `[Title](/kb/slug)` for the published articles a body names. */
export function articleLookup(body: string) {
  const slugs = placeholdersOf(body).flatMap((p) => (p.kind === 'kb' ? [p.slug] : []))
  const rows =
    slugs.length === 0
      ? []
      : db
          .select({ slug: kbArticles.slug, title: kbArticles.title })
          .from(kbArticles)
          .where(and(inArray(kbArticles.slug, slugs), eq(kbArticles.status, 'published')))
          .all()
  const bySlug = new Map(rows.map((r) => [r.slug, { title: r.title, href: `/kb/${r.slug}` }]))
  return (slug: string) => bySlug.get(slug) ?? null
}

/** The template's text filled in for one question, as `helper` would post it. */
function fillFor(template: Pick<ReplyTemplate, 'bodyMd'>, questionId: number, helperName: string) {
  const q = db
    .select({ title: questions.title, askerName: users.displayName })
    .from(questions)
    .innerJoin(users, eq(users.id, questions.authorId))
    .where(eq(questions.id, questionId))
    .get()
  return fillTemplate(template.bodyMd, {
    variables: {
      'asker.name': q?.askerName,
      'question.title': q?.title,
      'helper.name': helperName,
    },
    article: articleLookup(template.bodyMd),
  })
}

export type FilledTemplate = { templateId: number; title: string; text: string }

/** The answer form's "insert template": the text to preview and edit before posting. */
export function getFilledTemplate(
  actor: Actor,
  templateId: number,
  questionId: number,
): FilledTemplate {
  const template = requireUsable(actor, templateId)
  if (!getVisibleQuestion(questionId, actor)) throw new NotFound('question')
  const me = db.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id)).get()
  return {
    templateId,
    title: template.title,
    text: fillFor(template, questionId, me?.name ?? ''),
  }
}

/**
 * What an answer posted from a template carries on its `answer.created` event: the template
 * and the share of the filled-in text the person changed. The text is filled again here rather
 * than taken from the form, so the share cannot be forged.
 */
export function templateUseData(
  actor: Actor,
  questionId: number,
  templateId: number,
  posted: string,
): { templateId: number; templateEdited: number } {
  const filled = getFilledTemplate(actor, templateId, questionId)
  return { templateId, templateEdited: editedShare(filled.text, posted) }
}

/** Reaction to `answer.created`: an answer that says it came from a template is a use of it. */
export function recordTemplateUse(tx: Tx, e: EmittedEvent) {
  const templateId = e.data?.templateId
  if (typeof templateId !== 'number' || !e.answerId || !e.questionId) return
  const q = tx
    .select({ authorId: questions.authorId })
    .from(questions)
    .where(eq(questions.id, e.questionId))
    .get()
  const exists = tx
    .select({ id: replyTemplates.id })
    .from(replyTemplates)
    .where(eq(replyTemplates.id, templateId))
    .get()
  if (!q || !exists) return
  const edited = typeof e.data?.templateEdited === 'number' ? e.data.templateEdited : 0
  tx.insert(templateUses)
    .values({
      answerId: e.answerId,
      templateId,
      questionId: e.questionId,
      askerId: q.authorId,
      edited: Math.min(1, Math.max(0, edited)),
      automatic: e.data?.automatic === true,
      createdAt: e.at,
    })
    .onConflictDoNothing()
    .run()
}
