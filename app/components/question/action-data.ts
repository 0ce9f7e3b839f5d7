import { useActionData } from '@remix-run/react'

/** What the question page's action sends back when a form needs another look. */
export type QuestionActionReply = {
  fieldErrors?: Partial<Record<string, string>>
  values?: Partial<Record<string, string>>
  preview?: string
}

/** The reply to the last form posted on the question page, read the same way by every form. */
export function useQuestionReply(): QuestionActionReply {
  const data = useActionData<QuestionActionReply>()
  return data ?? {}
}
