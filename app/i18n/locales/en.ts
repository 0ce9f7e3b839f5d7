import questions from './en/questions'
import community from './en/community'
import kb from './en/kb'
import search from './en/search'
import escalation from './en/escalation'
import desk from './en/desk'
import mail from './en/mail'
import privacy from './en/privacy'
import moderation from './en/moderation'
import flags from './en/flags'
import audit from './en/audit'
import accounts from './en/accounts'
import trust from './en/trust'
import threads from './en/threads'
import replies from './en/replies'
import dashboard from './en/dashboard'

/**
 * The interface in English. Keys are grouped by where they appear; `id.ts` must have every one
 * of them (TypeScript checks it, and so does a test). Plurals use i18next's `_one`/`_other`.
 */
const en = {
  common: {
    // Each area's words live in a file of their own, beside the layout's below.
    questions,
    community,
    kb,
    search,
    escalation,
    desk,
    mail,
    privacy,
    moderation,
    flags,
    audit,
    accounts,
    trust,
    threads,
    replies,
    dashboard,
    site: {
      name: 'Tanya',
      tagline: 'Kopi Nusantara community',
      title: 'Tanya · Kopi Nusantara community',
      description:
        'Questions and answers about Kopi Nusantara orders, shipping, payments and brewing.',
      skipToContent: 'Skip to content',
      footer:
        'Tanya — community support for Kopi Nusantara. Be kind; answers are shared under CC BY-SA 4.0.',
    },
    nav: {
      main: 'Main',
      questions: 'Questions',
      kb: 'Knowledge base',
      tags: 'Tags',
      ask: 'Ask a question',
      siteSearch: 'Site search',
      search: 'Search',
      searchPlaceholder: 'Search answers…',
      notifications: 'Notifications',
      unread: 'unread',
      account: 'Account',
      logIn: 'Log in',
      signUp: 'Sign up',
      logOut: 'Log out',
      logOutEverywhere: 'Log out everywhere',
      logOutEverywhereHint: '“Everywhere” ends your sessions on every device, this one included.',
    },
    language: {
      // Both languages' words, so someone who cannot read the page's still finds the switcher.
      label: 'Language / Bahasa',
      switch: 'Change',
      switcher: 'Choose a language',
    },
    roles: {
      member: 'member',
      helper: 'helper',
      moderator: 'moderator',
      staff: 'staff',
      admin: 'admin',
    },
    time: {
      justNow: 'just now',
      utc: '{{time}} UTC',
    },
    pagination: {
      label: 'Pages',
      previous: '← Previous',
      next: 'Next →',
      page: 'Page {{page}}',
    },
    forms: {
      markdownHint: 'Markdown: **bold**, _italic_, `code`, lists, links, tables.',
      preview: 'Preview',
      previewEmpty: 'Start typing to see how your post will look.',
      optional: 'optional',
    },
    errors: {
      title400: 'That request did not make sense',
      text400: 'Please check what you sent and try again.',
      title403: 'You are not allowed to do that',
      text403:
        'Your account does not have permission for this action. If you think it should, ask a moderator.',
      title404: 'We could not find that page',
      text404: 'It may have been moved or removed, or the address may be mistyped.',
      title409: 'That changed in the meantime',
      text409: 'Someone else got there first. Reload the page to see where things stand.',
      title415: 'That was not sent from our form',
      text415: 'Please go back to the page, fill in the form there and send it again.',
      title429: 'Slow down a little',
      text429: 'Too many requests in a short time. Please wait and try again.',
      title500: 'Something went wrong on our side',
      text500: 'The error has been logged. Please try again in a moment.',
      homeOrBrowse: '<home>Go to the home page</home> or <browse>browse questions</browse>.',
      notFound: {
        question: 'Question not found',
        answer: 'Answer not found',
        article: 'Article not found',
        candidate: 'Candidate not found',
        user: 'User not found',
        category: 'Category not found',
        page: 'Page not found',
      },
      forbidden: 'You are not allowed to do that',
      tooManySeconds_one: 'Too many attempts. Please wait {{count}} second and try again.',
      tooManySeconds_other: 'Too many attempts. Please wait {{count}} seconds and try again.',
      tooManyMinutes_one: 'Too many attempts. Please wait {{count}} minute and try again.',
      tooManyMinutes_other: 'Too many attempts. Please wait {{count}} minutes and try again.',
      unknownAction: 'That form asked for something this page does not do.',
      notAForm: 'Please send this form from its page.',
      unreadableForm: 'The form could not be read. Please send it again from its page.',
      // The plain pages sent before any route runs (request-guards.server.ts, server.ts).
      plain: {
        back: 'Back to Tanya',
        unreadableText:
          'The address or what was sent with it could not be read. Please check the link.',
        forgedTitle: 'Request refused',
        forgedText:
          'This form was sent from another site, so it was not accepted. Please go back, reload the page and try again.',
        methodTitle: 'Method not allowed',
        methodText: 'This site takes {{methods}} requests.',
        badRequestTitle: 'Bad request',
        notAPage: 'That request target is not a page.',
        notAProxy:
          'This server only serves its own pages; it does not forward requests to other sites.',
        lengthTitle: 'Length required',
        lengthText: 'Requests with a body must declare its size.',
        tooLargeTitle: 'That is too large',
        tooLargeText:
          'What you sent is larger than {{size, number}} KB. Posts are limited to {{characters, number}} characters; please shorten yours.',
      },
    },
    auth: {
      logInTitle: 'Log in',
      logInButton: 'Log in',
      loggingIn: 'Logging in…',
      email: 'E-mail',
      password: 'Password',
      newHere: 'New here? <go>Create an account</go>',
      signedOut_one: 'You are logged out everywhere: {{count}} session ended.',
      signedOut_other: 'You are logged out everywhere: {{count}} sessions ended.',
      signedUp:
        'Your account is ready: log in with your e-mail and the password you chose. If that e-mail already had an account, log in with its password.',
      signUpTitle: 'Create your account',
      signUpLead: 'Ask questions, answer others and follow up on your orders.',
      handle: 'Handle',
      handleHint:
        '3 to 20 characters: letters, digits and _. It is your profile address: /users/handle.',
      displayName: 'Display name',
      displayNameHint: 'The name people see next to your posts.',
      passwordHint: 'At least 10 characters. A few unrelated words make a strong one.',
      createAccount: 'Create account',
      creatingAccount: 'Creating your account…',
      haveAccount: 'Already have an account? <go>Log in</go>',
      logInMeta: 'Log in · Tanya',
      signUpMeta: 'Sign up · Tanya',
      noMatch: 'That e-mail and password do not match an account.',
      handleTaken: 'This handle is taken; try another',
      emailRequired: 'Enter your e-mail address',
      emailTooLong: 'E-mail addresses are at most 254 characters',
      emailInvalid: 'Enter a valid e-mail address, like name@example.com',
      handleMin: 'Handles are at least 3 characters',
      handleMax: 'Handles are at most 20 characters',
      handlePattern: 'Use only letters, digits and _',
      displayNameRequired: 'Enter the name people will see',
      displayNameMax: 'Names are at most 50 characters',
      passwordMin: 'Passwords are at least 10 characters',
      passwordMax: 'Passwords are at most 200 characters',
      passwordRequired: 'Enter your password',
    },
  },
}

export default en
