import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useNumber } from './time'

export type SimilarQuestionItem = {
  id: number
  title: string
  language: string
  href: string
  status: 'open' | 'answered' | 'solved'
  answerCount: number
}

/**
 * "Similar questions" under a thread; nothing at all when there are none. Their state is plain
 * text rather than a badge, so the only badge on the page is the thread's own.
 */
export function SimilarQuestions({ questions }: { questions: SimilarQuestionItem[] }) {
  const { t } = useTranslation()
  const number = useNumber()
  if (questions.length === 0) return null
  return (
    <aside className="similar-questions" aria-labelledby="similar-questions-title">
      <h2 id="similar-questions-title">{t('questions.similar.title')}</h2>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>
            <Link to={q.href} lang={q.language}>
              {q.title}
            </Link>
            <span className="muted">
              {q.status === 'open'
                ? t('questions.similar.open')
                : t(`questions.similar.${q.status}`, {
                    count: q.answerCount,
                    value: number(q.answerCount),
                  })}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  )
}
