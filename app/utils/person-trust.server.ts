/**
 * The trust part of a person's moderation page: what the loader shows and what the action does
 * for the `trust` (lock a level, or unlock) and `helper` (grant or take back) intents.
 */
import { redirect } from '@remix-run/node'
import type { Role } from '../../db/schema'
import { can, type Actor } from '../modules/policy/policy'
import { lockTrustLevel, setHelper } from '../modules/trust/trust.server'
import { isDomainError, type Invalid } from './domain-errors'
import { forbidden, formValues, invalid } from './http.server'
import { parseActionReason } from '../modules/audit/validation'

type Person = {
  id: number
  role: Role
  handle: string
  trustLevel: number
  trustLocked: number | null
}

export function personTrust(viewer: Actor, person: Person) {
  return {
    level: person.trustLevel,
    locked: person.trustLocked,
    helper: person.role === 'helper',
    mayLock: can(viewer, 'user.trust', person),
    mayHelper: can(viewer, 'user.helper', person),
  }
}

export function personTrustAction(
  viewer: Actor,
  person: Person,
  intent: 'trust' | 'helper',
  form: FormData,
) {
  const back = `/users/${person.handle}/moderation?done=${intent}`
  // The optional reason, checked here so that a long one comes back beside its field.
  const field = intent === 'helper' ? 'helperReason' : 'trustReason'
  const typed = formValues(form, [field] as const)[field]
  const why = parseActionReason(typed, field)
  if (!why.ok) return invalid(why.errors, { [field]: typed, form: intent })
  if (intent === 'helper') {
    if (!can(viewer, 'user.helper', person)) forbidden()
    setHelper(viewer, person.id, formValues(form, ['helper'] as const).helper === '1', why.reason)
    return redirect(back)
  }
  if (!can(viewer, 'user.trust', person)) forbidden()
  const values = formValues(form, ['level'] as const)
  const level =
    values.level === '' ? null : /^[0-4]$/.test(values.level) ? Number(values.level) : -1
  try {
    lockTrustLevel(viewer, person.id, level, why.reason)
  } catch (error) {
    // Only a hand-made request sends a level the list does not offer.
    if (isDomainError(error) && error.kind === 'invalid')
      throw new Response(Object.values((error as Invalid).fieldErrors)[0], { status: 400 })
    throw error
  }
  return redirect(back)
}
