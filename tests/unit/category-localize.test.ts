import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { localizeCategory, readCategoryTranslations } from '~/modules/categories/localize'
import { loadCategories } from '../../db/seed/demo-content'

const orders = {
  slug: 'orders-shipping',
  name: 'Orders & shipping',
  description: 'Tracking parcels and couriers.',
  translations: { id: { name: 'Pesanan & pengiriman', description: 'Cek resi dan kurir.' } },
}

describe('a category in the reader’s language', () => {
  it('is English in English, whatever translations it has', () => {
    expect(localizeCategory(orders, 'en')).toEqual({
      slug: 'orders-shipping',
      name: 'Orders & shipping',
      description: 'Tracking parcels and couriers.',
    })
  })

  it('is Indonesian in Indonesian, the translations themselves left out', () => {
    expect(localizeCategory(orders, 'id')).toEqual({
      slug: 'orders-shipping',
      name: 'Pesanan & pengiriman',
      description: 'Cek resi dan kurir.',
    })
  })

  it('falls back to English for a language it has no words in, word by word', () => {
    const english = { slug: 'orders-shipping', name: orders.name, description: orders.description }
    expect(localizeCategory({ ...orders, translations: {} }, 'id')).toEqual(english)
    expect(localizeCategory({ ...orders, translations: null }, 'id')).toEqual(english)
    expect(localizeCategory({ ...orders, translations: undefined }, 'id')).toEqual(english)
    // A name without a description: the description stays English.
    expect(
      localizeCategory({ ...orders, translations: { id: { name: 'Pesanan & pengiriman' } } }, 'id'),
    ).toEqual({ ...english, name: 'Pesanan & pengiriman' })
    // Blank words are no words.
    expect(
      localizeCategory({ ...orders, translations: { id: { name: '  ', description: '' } } }, 'id'),
    ).toEqual(english)
  })

  it('reads the column’s text as a raw query returns it, and survives a broken one', () => {
    const raw = JSON.stringify(orders.translations)
    expect(localizeCategory({ name: 'Orders & shipping', translations: raw }, 'id')).toEqual({
      name: 'Pesanan & pengiriman',
    })
    for (const broken of ['{', '[]', '"id"', '{"id":"Pesanan"}', '{"id":{"name":42}}'])
      expect(localizeCategory({ name: 'Orders & shipping', translations: broken }, 'id')).toEqual({
        name: 'Orders & shipping',
      })
  })

  it('keeps only interface languages and text', () => {
    expect(
      readCategoryTranslations({
        id: { name: ' Pesanan ', description: 7, extra: 'x' },
        fr: { name: 'Commandes' },
      }),
    ).toEqual({ id: { name: 'Pesanan' } })
  })

  it('never adds a description to a category shown without one', () => {
    expect(
      localizeCategory(
        { slug: 'orders-shipping', name: 'Orders & shipping', translations: orders.translations },
        'id',
      ),
    ).toEqual({
      slug: 'orders-shipping',
      name: 'Pesanan & pengiriman',
    })
  })
})

describe('content/categories.yml', () => {
  it('names and describes every category in Bahasa Indonesia, in words of its own', () => {
    const categories = loadCategories(path.resolve('content'))
    expect(categories).toHaveLength(5)
    for (const c of categories) {
      const id = c.translations.id
      expect(id?.name, c.slug).toBeTruthy()
      expect(id?.description, c.slug).toBeTruthy()
      expect(id?.name).not.toBe(c.name)
      expect(id?.description).not.toBe(c.description)
    }
    expect(categories.find((c) => c.slug === 'orders-shipping')?.translations.id?.name).toBe(
      'Pesanan & pengiriman',
    )
  })
})
