import { and, asc, count, eq, sql } from 'drizzle-orm'
import { categories, questions } from '../../../db/schema'
import type { Language } from '../../i18n/config'
import { db, type Tx } from '../../utils/db.server'
import { listed } from '../policy/visibility.server'
import { localizeCategory } from './localize'

/** The id of the category a form named, inside the caller's transaction. */
export function findCategoryId(tx: Tx, slug: string): number | null {
  return (
    tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get()?.id ??
    null
  )
}

/** Every category in position order, named and described in `language`. */
export function listCategories(language: Language) {
  return db
    .select({
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      translations: categories.translations,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name))
    .all()
    .map((c) => localizeCategory(c, language))
}

/** Categories with their visible question counts per state, for the home page. */
export function listCategoriesWithCounts(language: Language) {
  // A closed question waits for nothing, so it is never counted as open.
  const state = sql<
    string | null
  >`case when ${questions.closedAt} is not null then 'closed' else ${questions.status} end`
  const rows = db
    .select({
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      translations: categories.translations,
      status: state,
      n: count(questions.id),
    })
    .from(categories)
    .leftJoin(questions, and(eq(questions.categoryId, categories.id), listed(questions)))
    .groupBy(categories.id, state)
    .orderBy(asc(categories.position), asc(categories.name))
    .all()
  const bySlug = new Map<
    string,
    { slug: string; name: string; description: string; total: number; solved: number; open: number }
  >()
  for (const r of rows) {
    const c = bySlug.get(r.slug) ?? {
      ...localizeCategory(
        { slug: r.slug, name: r.name, description: r.description, translations: r.translations },
        language,
      ),
      total: 0,
      solved: 0,
      open: 0,
    }
    if (r.status) {
      c.total += r.n
      if (r.status === 'solved') c.solved += r.n
      if (r.status === 'open') c.open += r.n
    }
    bySlug.set(r.slug, c)
  }
  return [...bySlug.values()]
}
