import { diffWordsWithSpace } from 'diff'
import type { PostType } from '../../../db/schema'
import { listRevisions } from './questions.server'

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

function diff(before: string, after: string): DiffPart[] {
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
        titleDiff: prev && r.title !== prev.title ? diff(prev.title ?? '', r.title ?? '') : null,
        tagsDiff: prev && r.tags !== prev.tags ? diff(prev.tags ?? '', r.tags ?? '') : null,
        bodyDiff: prev ? diff(prev.bodyMd, r.bodyMd) : [{ kind: 'same' as const, text: r.bodyMd }],
      }
    })
    .reverse()
}
