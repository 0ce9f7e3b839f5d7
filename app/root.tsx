import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DeskLink } from './components/desk/desk-link'
import { ReviewLink } from './components/review/review-link'
import { HeaderSearch } from './components/search/header-search'
import { GeneralErrorBoundary } from './components/error-boundary'
import { LanguageSwitcher } from './components/language-switcher'
import { LANGUAGES, type Language } from './i18n/config'
import { getLanguage, translatorFor } from './i18n/i18n.server'
import { getAuth } from './modules/auth/auth.server'
import { recordVisit } from './modules/trust/trust.server'
import { reasonInForce } from './modules/moderation/sanctions.server'
import { ReadOnlyNotice } from './components/moderation/read-only-notice'
import { countDesk } from './modules/escalation/desk.server'
import { countPendingReviews } from './modules/flags/review.server'
import { countUnread } from './modules/notifications/notifications.server'
import { can } from './modules/policy/policy'
import stylesheet from './styles/app.css'
import { env } from './utils/env.server'
import { useNonce } from './utils/nonce'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.meta.title }, { name: 'description', content: data.meta.description }]
    : [{ title: 'Tanya' }]

/** The question a URL opens, whose notifications that page marks read as it loads. */
function openedQuestionId(url: string): number | null {
  const id = /^\/questions\/(\d{1,15})(?:\/|$)/.exec(new URL(url).pathname)?.[1]
  return id ? Number(id) : null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await getAuth(request)
  // A day's visit, for trust levels: written once per person per day.
  if (user) recordVisit(user.id)
  const language = await getLanguage(request)
  const t = translatorFor(language)
  return json(
    {
      language,
      // The site's address, for the absolute `hreflang` links (see usePageAddress).
      base: env().BASE_URL,
      meta: { title: t('site.title'), description: t('site.description') },
      user: user && {
        handle: user.handle,
        displayName: user.displayName,
        role: user.role,
        unread: countUnread(user.id, openedQuestionId(request.url)),
        // The account menu links to the pages this person may change site settings on.
        searchSettings: can(user, 'search.settings', null),
        admin: (
          ['outbox.view', 'desk.view', 'sla.settings', 'rota.manage', 'audit.view'] as const
        ).some((a) => can(user, a, null)),
        // A silenced person is told on every page why and until when.
        readOnly: user.silencedUntil
          ? {
              until: user.silencedUntil.toISOString(),
              reason: reasonInForce(user.id, 'silence') ?? '',
            }
          : null,
        // Staff see the desk's open escalations (and theirs); nobody else pays for the count.
        desk: can(user, 'desk.view', null) ? countDesk(user.id) : null,
        queue: can(user, 'queue.view', null),
        // Moderators see how many flagged posts wait for review (one read of an index).
        review: can(user, 'review.view', null) ? countPendingReviews() : null,
      },
    },
    { headers: setCookie ? { 'Set-Cookie': setCookie } : undefined },
  )
}

/** The header's unread count follows the signed-in person from page to page. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname

/** The signed-in user as the layout knows them, from any route's component. */
export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>('root')?.user ?? null
}

/** The root loader's data from anywhere in the page, the error boundaries included. */
function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

/**
 * Where the switcher returns from an error page: the address asked for, without a question's
 * slug. The slug may be the title of a post the visitor may not see, and the page refusing it
 * must not repeat it; `/questions/12` finds the slug again when the question is there.
 */
function errorPagePath(path: string) {
  return path.replace(/^(\/questions\/\d+)\/(?!(?:edit|revisions)(?:[/?#]|$))[^/?#]*/, '$1')
}

/**
 * This page's address for the language switcher to come back to, and in each language for
 * `hreflang` (the same address with `?lng=`). Worked out from the location as rendered rather
 * than in the root loader, whose data is sent with every page: a page whose loader failed (it
 * has no data and shows its error boundary) gets no alternates and a path without a slug.
 */
function usePageAddress(error: boolean) {
  const location = useLocation()
  const matches = useMatches()
  const root = useRootData()
  const params = new URLSearchParams(location.search)
  params.delete('lng')
  params.delete('_data')
  const query = params.toString()
  const path = `${location.pathname}${query ? `?${query}` : ''}`
  // After a failed action the page's data is null rather than missing: either means no data.
  if (!root || error || matches[matches.length - 1]?.data == null)
    return { path: errorPagePath(path), alternates: null }
  const at = (lng: Language | null) => {
    const next = new URL(path, root.base)
    if (lng) next.searchParams.set('lng', lng)
    return next.toString()
  }
  return {
    path,
    alternates: {
      languages: LANGUAGES.map((lng) => ({ lng, href: at(lng) })),
      fallback: at(null),
    },
  }
}

/**
 * The browser holds the words of the language the page was first rendered in. A client-side
 * navigation can arrive in another one (logging in to an account that chose it): its words are
 * loaded then, and the page switches to them.
 */
function useLanguageOfTheData(language: Language | undefined) {
  const { i18n } = useTranslation()
  useEffect(() => {
    if (!language || i18n.language === language) return
    let current = true
    const words = language === 'id' ? import('./i18n/locales/id') : import('./i18n/locales/en')
    void words.then(({ default: loaded }) => {
      if (!current) return
      i18n.addResourceBundle(language, 'common', loaded.common, true, true)
      void i18n.changeLanguage(language)
    })
    return () => {
      current = false
    }
  }, [language, i18n])
}

function Document({ children, error = false }: { children: ReactNode; error?: boolean }) {
  const nonce = useNonce()
  const { t, i18n } = useTranslation()
  const root = useRootData()
  useLanguageOfTheData(root?.language)
  const { alternates } = usePageAddress(error)
  return (
    <html lang={root?.language ?? i18n.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {alternates
          ? [
              ...alternates.languages.map((a) => (
                <link key={a.lng} rel="alternate" hrefLang={a.lng} href={a.href} />
              )),
              <link
                key="x-default"
                rel="alternate"
                hrefLang="x-default"
                href={alternates.fallback}
              />,
            ]
          : null}
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Header({ user }: { user: ReturnType<typeof useOptionalUser> }) {
  const { t } = useTranslation()
  return (
    <header className="site-header">
      <div className={`container header-inner${user ? ' header-signed-in' : ''}`}>
        {/* Named by its visible text, so a voice command saying what is on screen finds it. */}
        <a href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span className="brand-text">
            {t('site.name')} <small>{t('site.tagline')}</small>
          </span>
        </a>
        <HeaderSearch />
        <nav aria-label={t('nav.main')} className="main-nav">
          <NavLink to="/questions">{t('nav.questions')}</NavLink>
          <NavLink to="/kb">{t('nav.kb')}</NavLink>
          <NavLink to="/tags">{t('nav.tags')}</NavLink>
          {user?.queue ? <NavLink to="/queue">{t('privacy.queue.nav')}</NavLink> : null}
          <NavLink to="/ask" className="button button-small">
            {t('nav.ask')}
          </NavLink>
        </nav>
        <div className="account">
          {user ? (
            <>
              {user.desk ? <DeskLink counts={user.desk} /> : null}
              {user.review !== null ? <ReviewLink pending={user.review} /> : null}
              {/* Named by its content ("Notifications 2 unread"), which holds the visible text. */}
              <NavLink to="/notifications" className="bell">
                {t('nav.notifications')}
                {user.unread > 0 ? (
                  <>
                    {' '}
                    <span className="bell-count">
                      {user.unread}
                      <span className="visually-hidden"> {t('nav.unread')}</span>
                    </span>
                  </>
                ) : null}
              </NavLink>
              <NavLink to={`/users/${user.handle}`} className="account-link">
                {user.displayName}
                {user.role !== 'member' ? (
                  <span className="role-pill">{t(`roles.${user.role}`)}</span>
                ) : null}
              </NavLink>
              <details className="account-menu">
                <summary>{t('nav.account')}</summary>
                <div className="account-menu-panel">
                  <NavLink to="/settings/profile">{t('accounts.nav.menu')}</NavLink>
                  <NavLink to="/settings/notifications">{t('mail.settings.menu')}</NavLink>
                  {user.admin ? <NavLink to="/admin">{t('mail.admin.menu')}</NavLink> : null}
                  {user.searchSettings ? (
                    <NavLink to="/settings/search">{t('search.synonyms.menu')}</NavLink>
                  ) : null}
                  <Form method="post" action="/logout">
                    <button type="submit" name="intent" value="logout" className="link-button">
                      {t('nav.logOut')}
                    </button>
                  </Form>
                  <Form method="post" action="/logout">
                    <button type="submit" name="intent" value="everywhere" className="link-button">
                      {t('nav.logOutEverywhere')}
                    </button>
                  </Form>
                  <p className="muted small">{t('nav.logOutEverywhereHint')}</p>
                </div>
              </details>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.logIn')}</NavLink>
              <NavLink to="/signup">{t('nav.signUp')}</NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  )
}

function Footer({ error = false }: { error?: boolean }) {
  const { t } = useTranslation()
  const root = useRootData()
  const { path } = usePageAddress(error)
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p>{t('site.footer')}</p>
        {root ? <LanguageSwitcher current={root.language} returnTo={path} /> : null}
      </div>
    </footer>
  )
}

export default function App() {
  const { user } = useLoaderData<typeof loader>()
  return (
    <Document>
      <Header user={user} />
      <main id="main" className="container main">
        {user ? <ReadOnlyNotice readOnly={user.readOnly} handle={user.handle} /> : null}
        <Outlet />
      </main>
      <Footer />
    </Document>
  )
}

export function ErrorBoundary() {
  return (
    <Document error>
      <Header user={useOptionalUser()} />
      <main id="main" className="container main">
        <GeneralErrorBoundary />
      </main>
      <Footer error />
    </Document>
  )
}
