import type en from './locales/en'

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

type PluralBase<K> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? B
  : K

/** Every translation key (plurals by their base), checked wherever a message is named. */
export type MessageKey = PluralBase<Leaves<(typeof en)['common']>>

/** The shape every language must have: the English one's, with any words. */
export type Translation<T = (typeof en)['common']> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>
}
