import type en from './locales/en'

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every translation key, checked by TypeScript wherever a message is named. */
export type MessageKey = Leaves<(typeof en)['common']>

/** The shape every language must have: the English one's, with any words. */
export type Translation<T = (typeof en)['common']> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>
}
