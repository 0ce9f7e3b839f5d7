import { sql } from 'drizzle-orm'
import type { Tx } from '../../utils/db.server'
import { listedSql } from '../policy/visibility.server'
import { isPostLanguage, type PostLanguage } from './languages'
import { normalizeForIndex, spellingWords, type CompiledSynonyms } from './normalize.server'
import { currentSynonyms } from './synonyms.server'

const LISTED_ANSWER = sql.raw(listedSql('a', 'answer'))
const LISTED_DUPLICATE = sql.raw(listedSql('d', 'question'))
const LISTED_QUESTION = sql.raw(listedSql('q', 'question'))

/**
 * Words of a body (and of an accepted answer) indexed at most: a 30,000-character post is
 * about 5,000 words, and what it is about is said long before its end.
 */
const BODY_WORDS_MAX = 4_000

type SourceRow = {
  id: number
  title: string
  tags: string
  body: string
  language: string
  answer: string
  answer_language: string | null
  /** The duplicates' titles and languages, as a JSON array of [title, language]. */
  related: string
}

const lang = (value: string | null | undefined): PostLanguage =>
  isPostLanguage(value) ? value : 'en'

/** What questions_fts holds for one question: its fields normalised (normalize.server.ts). */
export function indexedFields(row: SourceRow, synonyms: CompiledSynonyms) {
  const language = lang(row.language)
  const related = (JSON.parse(row.related) as [string, string][])
    .map(([title, l]) => normalizeForIndex(title, lang(l), synonyms))
    .join(' ')
  return {
    title: normalizeForIndex(row.title, language, synonyms),
    tags: normalizeForIndex(row.tags.replace(/-/g, ' '), language, synonyms),
    body: normalizeForIndex(row.body, language, synonyms, BODY_WORDS_MAX),
    answer: normalizeForIndex(row.answer, lang(row.answer_language), synonyms, BODY_WORDS_MAX),
    related,
  }
}

/**
 * Rewrites questions' rows in the thread search index (questions_fts, see migration 0007) from
 * the tables, inside the caller's transaction: a change is searchable the moment it commits,
 * and a hidden or deleted question leaves the index in the same transaction.
 * The document: title, tags, body, the accepted answer, and the titles of its duplicates, each
 * reduced to the words search compares (stems in both languages, synonym tokens): FTS5 only
 * splits what it is given on spaces. One read for any number of questions, so a bulk import
 * indexes in one pass.
 */
export function syncQuestionsSearch(tx: Tx, questionIds: number[]) {
  if (questionIds.length === 0) return
  const ids = JSON.stringify(questionIds)
  tx.run(sql`delete from questions_fts where rowid in (select value from json_each(${ids}))`)
  tx.run(sql`delete from question_words_fts where rowid in (select value from json_each(${ids}))`)
  const rows = tx.all<SourceRow>(sql`
    select
      q.id,
      q.title,
      coalesce((select group_concat(t.name, ' ') from question_tags qt join tags t on t.id = qt.tag_id where qt.question_id = q.id), '') as tags,
      q.body_md as body,
      q.language,
      coalesce(a.body_md, '') as answer,
      a.language as answer_language,
      coalesce((select json_group_array(json_array(d.title, d.language)) from questions d
        where d.duplicate_of_id = q.id and ${LISTED_DUPLICATE}), '[]') as related
    from questions q
    left join answers a on a.id = q.accepted_answer_id and ${LISTED_ANSWER}
    where q.id in (select value from json_each(${ids})) and ${LISTED_QUESTION}`)
  if (rows.length === 0) return
  const synonyms = currentSynonyms()
  for (const row of rows) {
    const f = indexedFields(row, synonyms)
    tx.run(sql`insert into questions_fts (rowid, title, tags, body, answer, related)
      values (${row.id}, ${f.title}, ${f.tags}, ${f.body}, ${f.answer}, ${f.related})`)
    tx.run(sql`insert into question_words_fts (rowid, words)
      values (${row.id}, ${spellingWords(`${row.title} ${row.tags.replace(/-/g, ' ')}`, lang(row.language))})`)
  }
}

export function syncQuestionSearch(tx: Tx, questionId: number) {
  syncQuestionsSearch(tx, [questionId])
}
