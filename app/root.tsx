import { mayAdminister } from "#workflows/policy";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useDemo, useNonce } from "./components/document-context";
import { layoutTexts as L } from "~/domain/texts/layout";
import { getUser } from "~/server/auth.server";
import { bell } from "~/server/notification-center.server";
import stylesHref from "~/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user && {
      name: user.name,
      mayAdminister: mayAdminister(user),
      hasMemberships: user.memberships.length > 0,
      bell: await bell(user.id),
    },
  };
}

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  admin?: boolean;
}

const navLinks: NavItem[] = [
  { to: "/", label: L.nav.home, end: true },
  { to: "/innspill", label: L.nav.proposals, end: true },
  { to: "/innspill/ny", label: L.nav.newProposal },
  { to: "/prosess", label: L.nav.process },
  { to: "/moter", label: L.nav.meetings },
  { to: "/strategi", label: L.nav.strategy },
  { to: "/rapport", label: L.nav.report },
  { to: "/statistikk", label: L.nav.statistics },
  { to: "/admin", label: L.nav.admin, admin: true },
];

const publicLinks: NavItem[] = [
  { to: "/prosess", label: L.nav.process },
  { to: "/offentlig", label: L.nav.public },
];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const nonce = useNonce();
  const demo = useDemo();
  return (
    <html lang="nb" data-demo={demo ? "" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {L.app.skipToContent}
        </a>
        {demo ? (
          <p className="demo-banner" role="note">
            <strong>{L.demo.banner}</strong> {L.demo.bannerText}
          </p>
        ) : null}
        <header className="site-header">
          <div className="inner">
            <Link to="/" className="brand">
              {L.app.name}
              <small>{L.app.tagline}</small>
            </Link>
            <nav className="main-nav" aria-label={L.app.mainNav}>
              <ul>
                {(user ? navLinks.filter((l) => !l.admin || user.mayAdminister) : publicLinks).map((l) => (
                  <li key={l.to}>
                    <NavLink to={l.to} end={l.end}>
                      {l.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="user-box">
              {user ? (
                <>
                  {/* The name says the count in words; the badge shows the number (hidden from the name). */}
                  <Link
                    to="/varsler"
                    className="bell"
                    aria-label={L.bell.label(user.bell.unread, user.bell.capped)}
                  >
                    {L.bell.text}{" "}
                    {user.bell.unread > 0 ? (
                      <span className="badge" aria-hidden="true">
                        {user.bell.capped ? "99+" : user.bell.unread}
                      </span>
                    ) : null}
                  </Link>
                  <Link to="/min-profil">
                    <span className="visually-hidden">{L.app.loggedInAs} </span>
                    {user.name}
                    <span className="visually-hidden"> – {L.profileNav}</span>
                  </Link>
                  <Form method="post" action="/logg-ut">
                    <button type="submit" className="link-button">
                      {L.nav.logout}
                    </button>
                  </Form>
                </>
              ) : (
                <Link to="/logg-inn">{L.nav.login}</Link>
              )}
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {L.app.name} – {L.app.tagline}
          </p>
          <nav aria-label={L.footer.nav}>
            <ul className="footer-links">
              <li>
                <Link to="/hjelp">{L.footer.help}</Link>
              </li>
              <li>
                <Link to="/tilgjengelighet">{L.footer.accessibility}</Link>
              </li>
              <li>
                <Link to="/personvern">{L.footer.privacy}</Link>
              </li>
            </ul>
          </nav>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the page as hydrated, so browser tests with JavaScript on act only once React handles events.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title: string = L.errors.genericTitle;
  let text: string = L.errors.genericText;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = L.errors.notFoundTitle;
      text = L.errors.notFoundText;
    } else if (error.status === 403) {
      title = L.errors.forbiddenTitle;
      text = typeof error.data === "string" && error.data ? error.data : L.errors.forbiddenText;
    } else if (error.status === 413) {
      title = L.errors.tooLargeTitle;
      text = typeof error.data === "string" && error.data ? error.data : text;
    } else if (error.status === 409) {
      title = L.errors.conflictTitle;
      text = L.errors.conflict;
    }
  }
  return (
    <>
      <title>{`${title} – ${L.app.name}`}</title>
      <h1>{title}</h1>
      <p className={isRouteErrorResponse(error) && error.status === 413 ? "notice error" : undefined}>
        {text}
      </p>
      <p>
        <Link to="/">{L.errors.backHome}</Link>
      </p>
    </>
  );
}
