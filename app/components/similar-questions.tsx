import { Link } from '@remix-run/react'
import { StatusBadge } from './post-meta'

export type SimilarQuestionItem = {
  id: number
  title: string
  href: string
  status: 'open' | 'answered' | 'solved'
  answerCount: number
}

/** "Similar questions" under a thread; nothing at all when there are none. */
export function SimilarQuestions({ questions }: { questions: SimilarQuestionItem[] }) {
  if (questions.length === 0) return null
  return (
    <aside className="similar-questions" aria-labelledby="similar-questions-title">
      <h2 id="similar-questions-title">Similar questions</h2>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>
            <StatusBadge status={q.status} />
            <Link to={q.href}>{q.title}</Link>
            <span className="muted">
              {q.answerCount} {q.answerCount === 1 ? 'answer' : 'answers'}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  )
}
