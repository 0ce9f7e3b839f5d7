import { json, redirect } from '@remix-run/node'
import type { z } from 'zod'
import { BODY_MAX, fieldErrorsOf } from '../modules/questions/validation'
import { invalid, type FieldErrors } from './http.server'
import { cookMarkdown } from './markdown.server'

/** A preview of what a post will look like; the same renderer, off the main thread, as on save. */
export async function renderPreview(markdown: string): Promise<string> {
  return (await cookMarkdown(markdown.slice(0, BODY_MAX))).html
}

/** A form sent with "Preview": it comes back with what was typed and the body as it will look. */
export async function previewReply<V extends { body: string }>(values: V) {
  const preview = await renderPreview(values.body)
  return json({ ok: false as const, fieldErrors: {}, values, preview })
}

export type SaveResult = { ok: true; location: string } | { ok: false; fieldErrors: FieldErrors }

/**
 * A post form sent with "Save": parsed with `schema` and saved by `save`, then on to the page
 * `save` names; or back with the errors and what was typed.
 */
export async function saveForm<V extends Record<string, string>, T>(
  values: V,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  save: (input: T) => SaveResult | Promise<SaveResult>,
) {
  const parsed = schema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const result = await save(parsed.data)
  if (!result.ok) return invalid(result.fieldErrors, values)
  return redirect(result.location)
}
