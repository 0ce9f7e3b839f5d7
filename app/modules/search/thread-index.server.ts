import { sql } from 'drizzle-orm'
import type { Tx } from '../../utils/db.server'
import { listedSql } from '../policy/visibility.server'

const LISTED_ANSWER = sql.raw(listedSql('a'))
const LISTED_DUPLICATE = sql.raw(listedSql('d'))
const LISTED_QUESTION = sql.raw(listedSql('q'))

/**
 * Rewrites questions' rows in the thread search index (questions_fts, see migration 0002) from
 * the tables, inside the caller's transaction: a change is searchable the moment it commits,
 * and a hidden or deleted question leaves the index in the same transaction.
 * The document: title, tags, body, the accepted answer, and the titles of its duplicates.
 * One statement pair for any number of questions, so a bulk import indexes in one pass.
 */
export function syncQuestionsSearch(tx: Tx, questionIds: number[]) {
  if (questionIds.length === 0) return
  const ids = JSON.stringify(questionIds)
  tx.run(sql`delete from questions_fts where rowid in (select value from json_each(${ids}))`)
  tx.run(sql`
    insert into questions_fts (rowid, title, tags, body, answer, related)
    select
      q.id,
      q.title,
      coalesce((select group_concat(t.name, ' ') from question_tags qt join tags t on t.id = qt.tag_id where qt.question_id = q.id), ''),
      q.body_md,
      coalesce((select a.body_md from answers a where a.id = q.accepted_answer_id and ${LISTED_ANSWER}), ''),
      coalesce((select group_concat(d.title, ' ') from questions d where d.duplicate_of_id = q.id and ${LISTED_DUPLICATE}), '')
    from questions q
    where q.id in (select value from json_each(${ids})) and ${LISTED_QUESTION}`)
}

export function syncQuestionSearch(tx: Tx, questionId: number) {
  syncQuestionsSearch(tx, [questionId])
}
