import { createContext, useContext, type ReactNode } from "react";

/**
 * What the server knows of the response it renders, for the document shell: the
 * Content-Security-Policy nonce (undefined in the browser) and whether this is the demo. The demo
 * flag reaches the browser as `data-demo` on <html>, which entry.client reads back, so the shell
 * is the same on both sides — error pages included, where no loader data exists.
 */
const NonceContext = createContext<string | undefined>(undefined);
const DemoContext = createContext(false);

export const NonceProvider = NonceContext.Provider;
export const DemoProvider = DemoContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

export function useDemo(): boolean {
  return useContext(DemoContext);
}

/**
 * Markup the server rendered before and kept (a loader puts it in the load context with
 * `provideMarkup`, app/server/kept-markup.server.ts), by id. Only on the server, for one response.
 */
const KeptMarkupContext = createContext<Readonly<Record<string, string>>>({});
export const KeptMarkupProvider = KeptMarkupContext.Provider;

/**
 * A `div` whose content the server inserts from kept markup, when it has some under `id`, instead
 * of rendering `children` again on every request; the browser always renders `children` and
 * hydrates them against that markup. So the markup must be exactly what React streams for
 * `children`: `renderToString` of the same element, which must need no context (no router, no
 * loader data). A test holds each use to that.
 */
export function KeptMarkup({
  id,
  className,
  children,
}: {
  id: string;
  className?: string;
  children: ReactNode;
}) {
  const html = useContext(KeptMarkupContext)[id];
  return html === undefined ? (
    <div className={className}>{children}</div>
  ) : (
    <div className={className} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
