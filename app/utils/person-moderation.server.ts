/**
 * The sanction part of a person's moderation page: what its action does for the `sanction`,
 * `lift` and `spammer` intents (trust and helper are in person-trust.server.ts). A form whose
 * words do not pass comes back with what was typed and the error beside its field; `form` in
 * the values says which form it was.
 */
import { json, redirect } from '@remix-run/node'
import type { Role } from '../../db/schema'
import {
  deleteSpammerAccount,
  previewSpammer,
  type SpammerPreview,
} from '../modules/flags/review.server'
import { liftSanction, listSanctions, sanctionUser } from '../modules/moderation/sanctions.server'
import { can, type Actor } from '../modules/policy/policy'
import { isDomainError, type Invalid } from './domain-errors'
import { forbidden, formValues, invalid, notFound, type FieldErrors } from './http.server'

type Person = { id: number; role: Role; handle: string }

/** Runs `fn`: its result, or the field errors of the Invalid it threw. */
function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  try {
    return { ok: true, value: fn() }
  } catch (error) {
    if (isDomainError(error) && error.kind === 'invalid')
      return { ok: false, errors: (error as Invalid).fieldErrors }
    throw error
  }
}

export function personSanctionAction(
  viewer: Actor,
  person: Person,
  intent: 'sanction' | 'lift' | 'spammer',
  form: FormData,
) {
  if (!can(viewer, 'user.sanction', person)) forbidden()
  const back = (done: string) => redirect(`/users/${person.handle}/moderation?done=${done}`)
  if (intent === 'lift') {
    const values = formValues(form, ['sanctionId', 'liftReason'] as const)
    const id = Number(values.sanctionId)
    if (!Number.isInteger(id) || id < 1) notFound()
    // the sanction must be this person's: the URL names whom the page is about
    if (!listSanctions(person.id).some((s) => s.id === id)) notFound()
    const done = attempt(() => liftSanction(viewer, id, values.liftReason))
    if (done.ok) return back('lifted')
    const typed = { liftReason: values.liftReason, form: `lift-${id}` }
    return invalid({ liftReason: done.errors.reason }, typed)
  }
  if (intent === 'spammer') {
    const values = formValues(form, ['spammerReason', 'confirm'] as const)
    const typed = { spammerReason: values.spammerReason, form: 'spammer' }
    // First what it will do, for the moderator to confirm; then, confirmed, the deed.
    const done =
      values.confirm === 'yes'
        ? attempt(() => deleteSpammerAccount(viewer, person.id, values.spammerReason))
        : attempt(() => previewSpammer(viewer, person.id, values.spammerReason))
    if (!done.ok) return invalid({ spammerReason: done.errors.reason }, typed)
    if (values.confirm === 'yes') return back('spammer')
    // the reason as typed, for the confirming form to send again
    const preview = { ...(done.value as SpammerPreview), reason: values.spammerReason }
    return json({ ok: true as const, spammer: preview, values: typed })
  }
  const values = formValues(form, ['kind', 'days', 'reason'] as const)
  const done = attempt(() => sanctionUser(viewer, person.id, values))
  return done.ok ? back('applied') : invalid(done.errors, values)
}
