import { useActionData } from '@remix-run/react'
import type { PersonalDataWarning } from '~/modules/personal-data/guard'

/** What the question page's action sends back when a form needs another look. */
export type QuestionActionReply = {
  fieldErrors?: Partial<Record<string, string>>
  values?: Partial<Record<string, string>>
  preview?: string
  /** A public answer that seems to hold personal data, sent back with this warning. */
  personalData?: PersonalDataWarning | null
}

/** The reply to the last form posted on the question page, read the same way by every form. */
export function useQuestionReply(): QuestionActionReply {
  const data = useActionData<QuestionActionReply>()
  return data ?? {}
}
