/**
 * One e-mail, two bodies: the same content rendered as plain text and as simple, accessible
 * HTML (one column, real headings and links, no images, no tracking). Everything from people
 * (titles, names, excerpts) is escaped here; nothing else writes e-mail HTML.
 */
export type MailContent = {
  subject: string
  greeting: string
  /** Paragraphs, in order. */
  paragraphs: string[]
  /** A quoted excerpt of the post the message is about. */
  quote?: string
  /** Linked lines (a digest's entries). */
  items?: { text: string; url: string }[]
  /** The main link. */
  action?: { label: string; url: string }
  /** Further links, below the main one. */
  links?: { label: string; url: string }[]
  footer: {
    why: string
    manage: { label: string; url: string }
    unsubscribe?: { label: string; url: string }
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c])

export function renderText(c: MailContent): string {
  const out: string[] = [c.greeting, '']
  for (const p of c.paragraphs) out.push(p, '')
  if (c.quote) out.push(...c.quote.split('\n').map((l) => `> ${l}`), '')
  if (c.items) {
    for (const i of c.items) out.push(`- ${i.text}`, `  ${i.url}`)
    out.push('')
  }
  if (c.action) out.push(`${c.action.label}: ${c.action.url}`, '')
  for (const l of c.links ?? []) out.push(`${l.label}: ${l.url}`)
  if (c.links?.length) out.push('')
  out.push('-- ', c.footer.why, `${c.footer.manage.label}: ${c.footer.manage.url}`)
  if (c.footer.unsubscribe) out.push(`${c.footer.unsubscribe.label}: ${c.footer.unsubscribe.url}`)
  return out.join('\n') + '\n'
}

const link = (l: { label: string; url: string }, style = 'color:#1d4ed8') =>
  `<a href="${escapeHtml(l.url)}" style="${style}">${escapeHtml(l.label)}</a>`

export function renderHtml(c: MailContent, language: string): string {
  const p = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`
  const body: string[] = [p(c.greeting), ...c.paragraphs.map(p)]
  if (c.quote)
    body.push(
      `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d1d5db;color:#374151">${escapeHtml(c.quote).replace(/\n/g, '<br>')}</blockquote>`,
    )
  if (c.items)
    body.push(
      `<ul style="margin:0 0 16px;padding-left:20px">${c.items.map((i) => `<li style="margin-bottom:8px">${link({ label: i.text, url: i.url })}</li>`).join('')}</ul>`,
    )
  if (c.action)
    body.push(
      `<p style="margin:0 0 16px">${link(c.action, 'display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600')}</p>`,
    )
  for (const l of c.links ?? []) body.push(`<p style="margin:0 0 16px">${link(l)}</p>`)
  const footer = [
    escapeHtml(c.footer.why),
    link(c.footer.manage, 'color:#4b5563'),
    ...(c.footer.unsubscribe ? [link(c.footer.unsubscribe, 'color:#4b5563')] : []),
  ].join('<br>')
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<div role="article" aria-label="${escapeHtml(c.subject)}" lang="${escapeHtml(language)}" style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">
${body.join('\n')}
<hr style="border:0;border-top:1px solid #e5e7eb;margin:24px 0 16px">
<p style="margin:0;font-size:13px;color:#4b5563">${footer}</p>
</div>
</body>
</html>
`
}
