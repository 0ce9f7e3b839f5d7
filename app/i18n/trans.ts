/**
 * Props for a `<Trans>` whose values carry people's words (a name, a question's title). Trans
 * fills the values in before it reads the sentence's tags, so a title like "Why does <input>
 * clear my order?" would be read as markup and lose words. Escaped first and unescaped after,
 * the words stay text, exactly as typed (React escapes them when it renders).
 */
export const PEOPLES_WORDS = {
  tOptions: { interpolation: { escapeValue: true } },
  shouldUnescape: true,
} as const
