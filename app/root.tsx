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
import type { ReactNode } from "react";
import { useDemo, useNonce } from "./components/document-context";
import { t } from "~/domain/texts";
import { siteTexts } from "~/domain/texts/site";
import { securityTexts } from "~/domain/texts/security";
import { notificationCenterTexts } from "~/domain/texts/notification-center";
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
  { to: "/", label: t.nav.home, end: true },
  { to: "/innspill", label: t.nav.proposals, end: true },
  { to: "/innspill/ny", label: t.nav.newProposal },
  { to: "/prosess", label: t.nav.process },
  { to: "/moter", label: t.nav.meetings },
  { to: "/strategi", label: t.nav.strategy },
  { to: "/rapport", label: t.nav.report },
  { to: "/statistikk", label: t.nav.statistics },
  { to: "/admin", label: t.nav.admin, admin: true },
];

const publicLinks: NavItem[] = [
  { to: "/prosess", label: t.nav.process },
  { to: "/offentlig", label: t.nav.public },
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
          {t.app.skipToContent}
        </a>
        {demo ? (
          <p className="demo-banner" role="note">
            <strong>{securityTexts.demo.banner}</strong> {securityTexts.demo.bannerText}
          </p>
        ) : null}
        <header className="site-header">
          <div className="inner">
            <Link to="/" className="brand">
              {t.app.name}
              <small>{t.app.tagline}</small>
            </Link>
            <nav className="main-nav" aria-label={t.app.mainNav}>
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
                    aria-label={notificationCenterTexts.bell.label(user.bell.unread, user.bell.capped)}
                  >
                    {notificationCenterTexts.bell.text}{" "}
                    {user.bell.unread > 0 ? (
                      <span className="badge" aria-hidden="true">
                        {user.bell.capped ? "99+" : user.bell.unread}
                      </span>
                    ) : null}
                  </Link>
                  <Link to="/min-profil">
                    <span className="visually-hidden">{t.app.loggedInAs} </span>
                    {user.name}
                    <span className="visually-hidden"> – {securityTexts.profile.nav}</span>
                  </Link>
                  <Form method="post" action="/logg-ut">
                    <button type="submit" className="link-button">
                      {t.nav.logout}
                    </button>
                  </Form>
                </>
              ) : (
                <Link to="/logg-inn">{t.nav.login}</Link>
              )}
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {t.app.name} – {t.app.tagline}
          </p>
          <nav aria-label={siteTexts.footerNav}>
            <ul className="footer-links">
              <li>
                <Link to="/hjelp">{siteTexts.help.link}</Link>
              </li>
              <li>
                <Link to="/tilgjengelighet">{siteTexts.accessibility.link}</Link>
              </li>
              <li>
                <Link to="/personvern">{siteTexts.privacy.link}</Link>
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
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title: string = t.errors.genericTitle;
  let text: string = t.errors.genericText;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t.errors.notFoundTitle;
      text = t.errors.notFoundText;
    } else if (error.status === 403) {
      title = t.errors.forbiddenTitle;
      text = typeof error.data === "string" && error.data ? error.data : t.errors.forbiddenText;
    } else if (error.status === 413) {
      title = securityTexts.requests.tooLargeTitle;
      text = typeof error.data === "string" && error.data ? error.data : text;
    } else if (error.status === 409) {
      title = t.errors.conflictTitle;
      text = t.errors.conflict;
    }
  }
  return (
    <>
      <title>{`${title} – ${t.app.name}`}</title>
      <h1>{title}</h1>
      <p className={isRouteErrorResponse(error) && error.status === 413 ? "notice error" : undefined}>
        {text}
      </p>
      <p>
        <Link to="/">{t.errors.backHome}</Link>
      </p>
    </>
  );
}
