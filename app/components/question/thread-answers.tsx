import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { SuggestionAnswerItem } from '~/components/templates/answer-templates'
import { useNumber } from '~/components/time'

type Item = ComponentProps<typeof SuggestionAnswerItem>

/** The thread's answers, with their count as the section's heading, or a real empty state. */
export function ThreadAnswers({
  answers,
  removals,
  ...shared
}: Omit<Item, 'answer' | 'removal'> & {
  answers: Item['answer'][]
  removals: Record<number, Item['removal']> | undefined
}) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <section id="answers" aria-labelledby="answers-title" className="answers">
      <h2 id="answers-title">
        {answers.length === 0
          ? t('questions.page.noAnswers')
          : t('questions.page.answerCount', {
              count: answers.length,
              value: number(answers.length),
            })}
      </h2>
      {answers.length === 0 ? (
        <p className="empty">{t('questions.page.nobodyYet')}</p>
      ) : (
        <ol className="answer-list">
          {answers.map((answer) => (
            <SuggestionAnswerItem
              {...shared}
              key={answer.id}
              answer={answer}
              removal={removals?.[answer.id] ?? null}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
