import { BODY_MAX } from '../modules/questions/validation'
import { renderMarkdown } from './markdown.server'

/** A preview of what a post will look like; the same renderer that cooks posts on save. */
export function renderPreview(markdown: string): string {
  return renderMarkdown(markdown.slice(0, BODY_MAX))
}
