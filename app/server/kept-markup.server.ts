import type { AppLoadContext } from "@remix-run/node";

/** The markup last rendered per id, and the version of what it shows. */
const kept = new Map<string, { version: string; html: string }>();

/**
 * Gives this response's render markup rendered once per `version` of what it shows (`render` runs
 * again only when the version changes), for `<KeptMarkup id>` (app/components/document-context.tsx)
 * to insert instead of rendering it on every request. Only the document's render reads it; the
 * loader data (and so the browser, which renders the same element itself) never carries it.
 */
export function provideMarkup(
  context: AppLoadContext | undefined,
  id: string,
  version: string,
  render: () => string,
): void {
  let found = kept.get(id);
  if (found?.version !== version) kept.set(id, (found = { version, html: render() }));
  if (context) context.keptMarkup = { ...context.keptMarkup, [id]: found.html };
}
