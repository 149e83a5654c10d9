// The HTTP server: Express around the Remix request handler, in production (built) or development (Vite) mode.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";

const development = process.env.NODE_ENV === "development";
const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const vite = development
  ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;

const loadBuild = () =>
  vite
    ? vite.ssrLoadModule("virtual:remix/server-build")
    : import(pathToFileURL(path.join(buildDir, "server/index.js")).href);

// Migrate and seed before the first request is served.
const firstBuild = await loadBuild();
await firstBuild.entry.module.prepareDatabase();

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(securityHeaders);
app.use(refuseCrossOriginWrites);
app.use(refuseNonFormBodies);
app.use((req, _res, next) => {
  // The only trustworthy address is the socket's; a client-sent header of the same name is replaced.
  req.headers["x-innspill-client-ip"] = req.socket.remoteAddress ?? "unknown";
  next();
});

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
}

app.all("*", createRequestHandler({ build: vite ? loadBuild : firstBuild }));

const server = app.listen(port, host, () => {
  console.log(`Innspill kjører på http://localhost:${server.address().port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

function securityHeaders(_req, res, next) {
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'" + (development ? " 'unsafe-eval'" : ""),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'" + (development ? " ws: wss:" : ""),
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
}

/** A state-changing request from another site is refused (403), whatever the cookie says. */
function refuseCrossOriginWrites(req, res, next) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  const sameHost = origin ? safeHost(origin) === req.get("host") : site !== "cross-site";
  if (!sameHost) {
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("Forespørselen kom fra et annet nettsted og ble avvist.");
    return;
  }
  next();
}

/**
 * Every action reads an HTML form: a post with any other body (JSON, plain text, a multipart
 * type without its boundary, no type at all) is the client's mistake, answered 415 before a route
 * tries to parse it (Request.formData() throws on it, which would be a 500).
 */
function refuseNonFormBodies(req, res, next) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const type = (req.get("content-type") ?? "").toLowerCase();
  const isForm =
    type.split(";")[0].trim() === "application/x-www-form-urlencoded" ||
    (type.startsWith("multipart/form-data") && /;\s*boundary=\S/.test(type));
  if (!isForm) {
    res
      .status(415)
      .type("text/plain; charset=utf-8")
      .send("Skjemaet kunne ikke leses. Send det fra siden i Innspill.");
    return;
  }
  next();
}

// A body that says it is a form but cannot be parsed (a broken multipart upload) is read as an
// empty form: the action then answers it like any incomplete form, 400 with its own messages,
// instead of failing with a 500. Every action reads its body through Request.formData().
const parseFormData = globalThis.Request.prototype.formData;
globalThis.Request.prototype.formData = async function formData() {
  // Reading a body twice is a bug in the code, not in the request: let it fail loudly.
  if (this.bodyUsed) return parseFormData.call(this);
  try {
    return await parseFormData.call(this);
  } catch (error) {
    if (error instanceof TypeError) return new globalThis.FormData();
    throw error;
  }
};

function safeHost(origin) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
