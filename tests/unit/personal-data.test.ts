import { describe, expect, it } from 'vitest'
import { findPersonalData, kindsOf, passesLuhn } from '~/modules/personal-data/detect'

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind)
const texts = (text: string) => findPersonalData(text).map((f) => f.text)

describe('personal data in a post', () => {
  it('finds e-mail addresses', () => {
    expect(texts('mail me at budi.santoso+kopi@gmail.com please')).toEqual([
      'budi.santoso+kopi@gmail.com',
    ])
    expect(kinds('Email saya sari@kantor.co.id ya')).toEqual(['email'])
  })

  it('finds Indonesian mobile numbers however they are written', () => {
    for (const phone of [
      '081234567890',
      '0812-3456-7890',
      '0812 3456 789',
      '+62 812 3456 7890',
      '+6281234567890',
      '62 812-3456-7890',
      '(+62) 812 3456 7890',
    ])
      expect(kinds(`WA saya ${phone} ya`), phone).toEqual(['phone'])
  })

  it('finds landlines with their area code and international numbers', () => {
    expect(kinds('Kantor: (021) 555 0199')).toEqual(['phone'])
    expect(kinds('telepon 0274 512345')).toEqual(['phone'])
    expect(kinds('call me on +44 20 7946 0958')).toEqual(['phone'])
    expect(kinds('or +1 (415) 555-0132')).toEqual(['phone'])
  })

  it("finds the shop's order numbers", () => {
    expect(texts('Pesanan KN-25301 belum sampai')).toEqual(['KN-25301'])
    expect(kinds('order kn-24817.')).toEqual(['order'])
  })

  it('finds card numbers that pass the Luhn check, not other long numbers', () => {
    expect(kinds('kartu 4111 1111 1111 1111')).toEqual(['card'])
    expect(kinds('card 4111-1111-1111-1111')).toEqual(['card'])
    expect(kinds('5500005555555559')).toEqual(['card'])
    expect(kinds('4111 1111 1111 1112')).toEqual([])
    expect(passesLuhn('79927398713')).toBe(true)
    expect(passesLuhn('79927398710')).toBe(false)
  })

  it('leaves prices, dates, times, versions and tracking numbers alone', () => {
    for (const text of [
      'Harganya Rp 150.000 saja',
      'Rp150.000 plus ongkir Rp 25.000',
      'IDR 1.250.000',
      'total 1.250.000',
      'dikirim 05-11-2026, sampai 2026-11-08',
      'tanggal 05/11/2026',
      'kurir datang jam 08.30, lalu 14:45 WIB',
      'paket tiba 08.30-09.15',
      'versi aplikasi v2.3.10 dan 10.4.1.2',
      'grind 18.5 g for 250 ml, ratio 1:15',
      'resi JNE CGK1234567890',
      'resi SiCepat 004212345678',
      'order id 2024110512',
      'invoice INV/2026/11/00123',
      'refund RF-0117-0042',
      'SHA-256 and ISO 8601',
      'mention @budi in a reply',
      'timestamp 1732960000000',
    ])
      expect(findPersonalData(text), text).toEqual([])
  })

  it('names each kind found once, in a fixed order', () => {
    const found = findPersonalData('KN-25301, a@b.co, 0812 3456 7890, c@d.co')
    expect(kindsOf(found)).toEqual(['email', 'phone', 'order'])
  })
})

describe('personal data in a long post', () => {
  it('reads the longest post allowed quickly, whatever it is made of', () => {
    for (const text of [
      'a'.repeat(30_000),
      '0'.repeat(30_000),
      'a.'.repeat(15_000),
      '1 '.repeat(15_000),
    ]) {
      const started = performance.now()
      findPersonalData(text)
      expect(performance.now() - started, text.slice(0, 4)).toBeLessThan(250)
    }
  })
})
