// Placeholder until escalating by hand lands on main.
import type { Actor } from '../policy/policy'
import { Forbidden } from '../../utils/domain-errors'

export function escalateByHand(_actor: Actor, _questionId: number, _reason: string): void {
  throw new Forbidden('question.escalate')
}
