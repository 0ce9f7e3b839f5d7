import { Trans, useTranslation } from 'react-i18next'
import type { DiffPart } from '~/modules/questions/history.server'
import { Byline } from './post-meta'
import { RelativeTime } from './time'

/** One revision of a post or an article, as both history pages list them. */
type Revision = {
  number: number
  createdAt: string
  comment: string
  /** Null for shipped content (knowledge-base files), which has no author. */
  author: { handle: string; displayName: string } | null
  title: string | null
  titleDiff: DiffPart[] | null
  summaryDiff?: DiffPart[] | null
  tagsDiff: DiffPart[] | null
  bodyDiff: DiffPart[]
}

/** Insertions and deletions marked inside a text. */
export function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  )
}

/** Every version of a post, newest first, with insertions and deletions marked. */
export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  const { t } = useTranslation()
  return (
    <ol className="revisions">
      {revisions.map((r) => (
        <li
          key={r.number}
          className="revision"
          aria-label={t('community.revisions.revision', { number: r.number })}
        >
          <header className="revision-header">
            <h2>
              {t('community.revisions.revision', { number: r.number })}
              {r.number === 1 ? (
                <span className="muted"> · {t('community.revisions.original')}</span>
              ) : null}
            </h2>
            {r.comment ? <p className="revision-comment">“{r.comment}”</p> : null}
            {r.author ? (
              <Byline
                verb={r.number === 1 ? 'posted' : 'edited'}
                at={r.createdAt}
                person={r.author}
              />
            ) : (
              <p className="muted">
                <Trans
                  i18nKey="community.revisions.shipped"
                  components={{ when: <RelativeTime value={r.createdAt} /> }}
                />
              </p>
            )}
          </header>
          {r.titleDiff ? (
            <p className="revision-field">
              <strong>{t('community.revisions.title')}</strong> <Diff parts={r.titleDiff} />
            </p>
          ) : r.number === 1 && r.title ? (
            <p className="revision-field">
              <strong>{t('community.revisions.title')}</strong> {r.title}
            </p>
          ) : null}
          {r.summaryDiff ? (
            <p className="revision-field">
              <strong>{t('community.revisions.summary')}</strong> <Diff parts={r.summaryDiff} />
            </p>
          ) : null}
          {r.tagsDiff ? (
            <p className="revision-field">
              <strong>{t('community.revisions.tags')}</strong> <Diff parts={r.tagsDiff} />
            </p>
          ) : null}
          <pre className="revision-body">
            <Diff parts={r.bodyDiff} />
          </pre>
        </li>
      ))}
    </ol>
  )
}
