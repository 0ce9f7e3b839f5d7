import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { personWords } from '~/i18n/trans-values'

export type KbThreadLinksData = {
  promotedTo: { slug: string; title: string; language: string }[]
  solvedBy: { slug: string; title: string; language: string } | null
}

/** On a thread: the knowledge-base articles written from it, and the one that solved it. */
export function KbThreadLinks({ links }: { links: KbThreadLinksData }) {
  const { t } = useTranslation()
  if (links.promotedTo.length === 0 && !links.solvedBy) return null
  return (
    <>
      {links.promotedTo.length > 0 ? (
        <aside className="notice" role="note">
          <strong>{t('kb.threadLinks.promotedTo')}</strong>{' '}
          {links.promotedTo.map((a, i) => (
            <span key={a.slug}>
              {i > 0 ? ', ' : null}
              <Link to={`/kb/${a.slug}`} lang={a.language}>
                {a.title}
              </Link>
            </span>
          ))}
        </aside>
      ) : null}
      {links.solvedBy ? (
        <aside className="notice" role="note">
          <Trans
            i18nKey="kb.threadLinks.solvedBy"
            values={{ title: links.solvedBy.title }}
            components={{
              strong: <strong />,
              go: <Link to={`/kb/${links.solvedBy.slug}`} lang={links.solvedBy.language} />,
            }}
            {...personWords}
          />
        </aside>
      ) : null}
    </>
  )
}
