import { createInstance } from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next, Trans } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { i18nConfig, type Language } from '~/i18n/config'
import { PEOPLES_WORDS } from '~/i18n/trans'
import { resources } from '~/i18n/translator.server'

async function render(language: Language, node: JSX.Element) {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({ ...i18nConfig, resources, lng: language })
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>)
}

// What people type goes into sentences as values; it must come out as the text they typed.
const TITLE = 'Why does <input> clear my <strong>order</strong> & “cart”? 5/5 <br> it'

describe('people’s words inside a translated sentence', () => {
  it.each(['en', 'id'] as const)('stay text, exactly as typed (%s)', async (language) => {
    const html = await render(
      language,
      <Trans
        i18nKey="questions.page.duplicate"
        {...PEOPLES_WORDS}
        values={{ title: TITLE }}
        components={{ strong: <strong />, go: <a href="/questions/1/x" /> }}
      />,
    )
    const link = /<a href="\/questions\/1\/x">(.*?)<\/a>/.exec(html)?.[1]
    expect(link).toBe(
      'Why does &lt;input&gt; clear my &lt;strong&gt;order&lt;/strong&gt; &amp; “cart”? 5/5 &lt;br&gt; it',
    )
    // The sentence's own markup still works around them.
    expect(html).toMatch(/^<strong>[^<]+<\/strong>/)
  })

  it('are Indonesian sentences around the same words', async () => {
    const html = await render(
      'id',
      <Trans
        i18nKey="questions.page.duplicate"
        {...PEOPLES_WORDS}
        values={{ title: 'Kopi & gula' }}
        components={{ strong: <strong />, go: <a href="/q" /> }}
      />,
    )
    expect(html).toBe(
      '<strong>Pertanyaan ini sudah pernah dijawab.</strong> Lihat <a href="/q">Kopi &amp; gula</a>.',
    )
  })
})
