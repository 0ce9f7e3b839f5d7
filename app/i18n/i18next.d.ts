import 'i18next'
import type en from './locales/en'

// Translation keys are checked by TypeScript: a key that is not in English does not compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: { common: (typeof en)['common'] }
  }
}
