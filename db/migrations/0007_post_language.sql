ALTER TABLE `answers` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `kb_articles` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- Thread search indexes normalised text built in JavaScript (stems in English and Indonesian,
-- synonym tokens; see app/modules/search/normalize.server.ts), which FTS5 only splits on
-- spaces: contentless, since results and snippets are read from the posts themselves, and
-- "_" kept inside a token for synonym groups ("_ongkir"). Until the start-up re-index has
-- rewritten every row with the normaliser, each row holds the question's plain words, so
-- search keeps answering (without stemming) while it runs.
DROP TABLE `questions_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `questions_fts` USING fts5(
  `title`,
  `tags`,
  `body`,
  `answer`,
  `related`,
  tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_''',
  content = '',
  contentless_delete = 1
);
--> statement-breakpoint
INSERT INTO `questions_fts` (`rowid`, `title`, `tags`, `body`, `answer`, `related`)
SELECT
  q.`id`,
  q.`title`,
  coalesce((SELECT group_concat(t.`name`, ' ') FROM `question_tags` qt JOIN `tags` t ON t.`id` = qt.`tag_id` WHERE qt.`question_id` = q.`id`), ''),
  q.`body_md`,
  coalesce((SELECT a.`body_md` FROM `answers` a WHERE a.`id` = q.`accepted_answer_id` AND a.`deleted_at` IS NULL AND a.`hidden_at` IS NULL), ''),
  coalesce((SELECT group_concat(d.`title`, ' ') FROM `questions` d WHERE d.`duplicate_of_id` = q.`id` AND d.`deleted_at` IS NULL AND d.`hidden_at` IS NULL), '')
FROM `questions` q
WHERE q.`hidden_at` IS NULL AND q.`deleted_at` IS NULL;
--> statement-breakpoint
-- The words of questions' titles and tags as written (folded, no stop words): the vocabulary
-- "did you mean" corrects a misspelt query from (fts5vocab reads it term by term, in order).
-- Kept beside questions_fts by the same function, in the same transaction.
CREATE VIRTUAL TABLE `question_words_fts` USING fts5(
  `words`,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `question_words_fts_vocab` USING fts5vocab(`question_words_fts`, 'row');
--> statement-breakpoint
INSERT INTO `question_words_fts` (`rowid`, `words`)
SELECT q.`id`, q.`title` || ' ' || coalesce((SELECT group_concat(t.`name`, ' ') FROM `question_tags` qt JOIN `tags` t ON t.`id` = qt.`tag_id` WHERE qt.`question_id` = q.`id`), '')
FROM `questions` q
WHERE q.`hidden_at` IS NULL AND q.`deleted_at` IS NULL;
