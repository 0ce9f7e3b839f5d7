import { Link } from '@remix-run/react'

export type KbThreadLinksData = {
  promotedTo: { slug: string; title: string }[]
  solvedBy: { slug: string; title: string } | null
}

/** On a thread: the knowledge-base articles written from it, and the one that solved it. */
export function KbThreadLinks({ links }: { links: KbThreadLinksData }) {
  if (links.promotedTo.length === 0 && !links.solvedBy) return null
  return (
    <>
      {links.promotedTo.length > 0 ? (
        <aside className="notice" role="note">
          <strong>Promoted to the knowledge base:</strong>{' '}
          {links.promotedTo.map((a, i) => (
            <span key={a.slug}>
              {i > 0 ? ', ' : null}
              <Link to={`/kb/${a.slug}`}>{a.title}</Link>
            </span>
          ))}
        </aside>
      ) : null}
      {links.solvedBy ? (
        <aside className="notice" role="note">
          <strong>Solved by</strong> the knowledge-base article{' '}
          <Link to={`/kb/${links.solvedBy.slug}`}>{links.solvedBy.title}</Link>.
        </aside>
      ) : null}
    </>
  )
}
