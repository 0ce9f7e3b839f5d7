/**
 * Props for `<Trans>` when its values are someone's own words (a title, a name). Trans fills in
 * the values and then reads the message's tags, so a title typed as "Grind <go>finer</go>"
 * would become one of the message's links; escaped before and unescaped after, it stays text.
 */
export const personWords = {
  tOptions: { interpolation: { escapeValue: true } },
  shouldUnescape: true,
} as const
