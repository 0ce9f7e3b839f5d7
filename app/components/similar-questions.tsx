import { Link } from '@remix-run/react'

export type SimilarQuestionItem = {
  id: number
  title: string
  href: string
  status: 'open' | 'answered' | 'solved'
  answerCount: number
}

const STATE: Record<SimilarQuestionItem['status'], string> = {
  open: 'no answer yet',
  answered: 'answered',
  solved: 'solved',
}

/**
 * "Similar questions" under a thread; nothing at all when there are none. Their state is plain
 * text rather than a badge, so the only badge on the page is the thread's own.
 */
export function SimilarQuestions({ questions }: { questions: SimilarQuestionItem[] }) {
  if (questions.length === 0) return null
  return (
    <aside className="similar-questions" aria-labelledby="similar-questions-title">
      <h2 id="similar-questions-title">Similar questions</h2>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>
            <Link to={q.href}>{q.title}</Link>
            <span className="muted">
              {q.status === 'open'
                ? STATE.open
                : `${STATE[q.status]} · ${q.answerCount} ${q.answerCount === 1 ? 'answer' : 'answers'}`}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  )
}
