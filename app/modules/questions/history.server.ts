import { diffWordsWithSpace } from 'diff'
import type { PostType } from '../../../db/schema'
import { listRevisions } from './questions.server'

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

/** Word-level changes from one version of a text to the next. */
export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }))
}

/** Revisions newest first, each with what changed since the one before it. */
export function getRevisionHistory(postType: PostType, postId: number) {
  const revisions = listRevisions(postType, postId)
  return revisions
    .map((r, i) => {
      const prev = i > 0 ? revisions[i - 1] : null
      return {
        number: r.number,
        createdAt: r.createdAt,
        comment: r.comment,
        author: r.author,
        title: r.title,
        tags: r.tags,
        titleDiff:
          prev && r.title !== prev.title ? diffText(prev.title ?? '', r.title ?? '') : null,
        tagsDiff: prev && r.tags !== prev.tags ? diffText(prev.tags ?? '', r.tags ?? '') : null,
        bodyDiff: prev
          ? diffText(prev.bodyMd, r.bodyMd)
          : [{ kind: 'same' as const, text: r.bodyMd }],
      }
    })
    .reverse()
}
