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
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { GeneralErrorBoundary } from './components/error-boundary'
import { getAuth } from './modules/auth/auth.server'
import { countUnread } from './modules/notifications/notifications.server'
import { can } from './modules/policy/policy'
import stylesheet from './styles/app.css'
import { useNonce } from './utils/nonce'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'Tanya · Kopi Nusantara community' },
  {
    name: 'description',
    content: 'Questions and answers about Kopi Nusantara orders, shipping, payments and brewing.',
  },
]

/** The question a URL opens, whose notifications that page marks read as it loads. */
function openedQuestionId(url: string): number | null {
  const id = /^\/questions\/(\d{1,15})(?:\/|$)/.exec(new URL(url).pathname)?.[1]
  return id ? Number(id) : null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await getAuth(request)
  return json(
    {
      user: user && {
        handle: user.handle,
        displayName: user.displayName,
        role: user.role,
        unread: countUnread(user.id, openedQuestionId(request.url)),
        // The account menu links to the pages this person may change site settings on.
        searchSettings: can(user, 'search.settings', null),
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

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Header({ user }: { user: ReturnType<typeof useOptionalUser> }) {
  return (
    <header className="site-header">
      <div className={`container header-inner${user ? ' header-signed-in' : ''}`}>
        {/* Named by its visible text, so a voice command saying what is on screen finds it. */}
        <a href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span className="brand-text">
            Tanya <small>Kopi Nusantara community</small>
          </span>
        </a>
        {/* Layout inline: the header is shared by every page, search.css only by search pages. */}
        <Form
          method="get"
          action="/search"
          role="search"
          // Named apart from the search page's own form: two search landmarks on that page.
          aria-label="Site search"
          style={{
            display: 'flex',
            flex: '1 1 12rem',
            minWidth: '12rem',
            maxWidth: '20rem',
            margin: 0,
          }}
        >
          <label htmlFor="site-search" className="visually-hidden">
            Search
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            placeholder="Search answers…"
            maxLength={200}
            autoComplete="off"
            style={{ padding: '0.35rem 0.6rem' }}
          />
        </Form>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/questions">Questions</NavLink>
          <NavLink to="/kb">Knowledge base</NavLink>
          <NavLink to="/tags">Tags</NavLink>
          <NavLink to="/ask" className="button button-small">
            Ask a question
          </NavLink>
        </nav>
        <div className="account">
          {user ? (
            <>
              {/* Named by its content ("Notifications 2 unread"), which holds the visible text. */}
              <NavLink to="/notifications" className="bell">
                Notifications
                {user.unread > 0 ? (
                  <>
                    {' '}
                    <span className="bell-count">
                      {user.unread}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  </>
                ) : null}
              </NavLink>
              <NavLink to={`/users/${user.handle}`} className="account-link">
                {user.displayName}
                {user.role !== 'member' ? <span className="role-pill">{user.role}</span> : null}
              </NavLink>
              <details className="account-menu">
                <summary>Account</summary>
                <div className="account-menu-panel">
                  {user.searchSettings ? (
                    <NavLink to="/settings/search">Search synonyms</NavLink>
                  ) : null}
                  <Form method="post" action="/logout">
                    <button type="submit" name="intent" value="logout" className="link-button">
                      Log out
                    </button>
                  </Form>
                  <Form method="post" action="/logout">
                    <button type="submit" name="intent" value="everywhere" className="link-button">
                      Log out everywhere
                    </button>
                  </Form>
                  <p className="muted small">
                    “Everywhere” ends your sessions on every device, this one included.
                  </p>
                </div>
              </details>
            </>
          ) : (
            <>
              <NavLink to="/login">Log in</NavLink>
              <NavLink to="/signup">Sign up</NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  )
}

function Footer() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Tanya — community support for Kopi Nusantara. Be kind; answers are shared under CC BY-SA
          4.0.
        </p>
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
        <Outlet />
      </main>
      <Footer />
    </Document>
  )
}

export function ErrorBoundary() {
  return (
    <Document>
      <Header user={useOptionalUser()} />
      <main id="main" className="container main">
        <GeneralErrorBoundary />
      </main>
      <Footer />
    </Document>
  )
}
