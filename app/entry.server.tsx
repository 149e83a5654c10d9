import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { DemoProvider, KeptMarkupProvider, NonceProvider } from "./components/document-context";
import { config } from "./server/config.server";
import { logger } from "./server/logger.server";

/** Called by the HTTP server (server/start.js) before it listens: configuration, logging, migrations and seed. */
export { ConfigError, loadConfig } from "./server/config.server";
export { closeDatabase, prepareDatabase } from "./server/db.server";
export { logger } from "./server/logger.server";
export { bodyLimits, tooLargeMessage } from "./server/limits.server";
export { pruneOld, sessionCookieName } from "./server/auth.server";
export { securityTexts } from "./domain/texts/security";
export { startNotificationWorker } from "./server/notifications/delivery.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this response (server/start.js makes one per request). */
    cspNonce?: string;
    /** Markup a loader kept for this response's render, by id (app/server/kept-markup.server.ts). */
    keptMarkup?: Record<string, string>;
  }
}

const ABORT_DELAY = 5_000;

/** An error thrown by a loader or action, logged once as a JSON line with the request's id. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logger().error(
    {
      err: error,
      requestId: request.headers.get("x-request-id"),
      method: request.method,
      route: new URL(request.url).pathname,
    },
    "request failed",
  );
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A page whose route gave it an ETag (a public meeting) is not rendered again for a browser that has it.
  const etag = responseHeaders.get("ETag");
  if (etag && responseStatusCode === 200 && request.headers.get("If-None-Match") === etag)
    return new Response(null, { status: 304, headers: responseHeaders });
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const nonce = loadContext.cspNonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <DemoProvider value={config().mode === "demo"}>
        <NonceProvider value={nonce}>
          <KeptMarkupProvider value={loadContext.keptMarkup ?? {}}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </KeptMarkupProvider>
        </NonceProvider>
      </DemoProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger().error({ err: error }, "render failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
