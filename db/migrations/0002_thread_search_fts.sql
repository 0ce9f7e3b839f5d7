-- Thread search (FTS5). One row per visible question, rowid = questions.id, written by the
-- search module in the same transaction as every change to the question, its tags, its
-- accepted answer or the duplicates that point to it. Hidden and deleted questions have no row.
-- Porter stemming over unicode61 (diacritics folded) so "shipped" finds "shipping".
CREATE VIRTUAL TABLE `questions_fts` USING fts5(
  `title`,
  `tags`,
  `body`,
  `answer`,
  `related`,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `questions_fts` (`rowid`, `title`, `tags`, `body`, `answer`, `related`)
SELECT
  q.`id`,
  q.`title`,
  coalesce((SELECT group_concat(t.`name`, ' ') FROM `question_tags` qt JOIN `tags` t ON t.`id` = qt.`tag_id` WHERE qt.`question_id` = q.`id`), ''),
  q.`body_md`,
  coalesce((SELECT a.`body_md` FROM `answers` a WHERE a.`id` = q.`accepted_answer_id` AND a.`deleted_at` IS NULL AND a.`hidden_at` IS NULL), ''),
  coalesce((SELECT group_concat(d.`title`, ' ') FROM `questions` d WHERE d.`duplicate_of_id` = q.`id` AND d.`deleted_at` IS NULL), '')
FROM `questions` q
WHERE q.`hidden_at` IS NULL AND q.`deleted_at` IS NULL;
