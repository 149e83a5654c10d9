// The HTTP server: Express around the Remix request handler, in production (built) or development (Vite) mode.
// Every setting but BUILD_DIR and NODE_ENV (needed to find the app) is read and checked by the app's one
// configuration module (app/server/config.server.ts), reached through the build's server entry.
// With WEB_CONCURRENCY > 1 (decision 021) this process is the cluster's primary: it migrates and seeds once,
// then forks that many server processes (node:cluster) that serve the same port on the same database file,
// replaces one that dies, and stops them all on SIGTERM/SIGINT. With 1 it serves by itself.
// Memory (decision 032): every server process runs with a bounded V8 old space (SERVER_HEAP_MB):
// `npm run serve` passes `--max-old-space-size` to node, and the primary to each process it forks.
import { createReadableStreamFromReadable, createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import cluster from "node:cluster";
import { Buffer } from "node:buffer";
import { randomBytes, randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import v8 from "node:v8";
import { clearImmediate, setImmediate, setTimeout } from "node:timers";
import { pathToFileURL } from "node:url";
import { pinoHttp } from "pino-http";

// Files the server writes (database, WAL, attachments, secret) are its own, whatever umask it was started with.
process.umask(0o077);

const development = process.env.NODE_ENV === "development";
const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");

const vite = development
  ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;

const loadBuild = () =>
  vite
    ? vite.ssrLoadModule("virtual:remix/server-build")
    : import(pathToFileURL(path.join(buildDir, "server/index.js")).href);

// Configuration, migrations and (demo mode) the seed, before the first request is served: once, in the
// primary (a forked server process finds the database ready). A wrong setting stops the server here with
// a message that names it.
const firstBuild = await loadBuild();
const appServer = firstBuild.entry.module;
let config;
try {
  config = appServer.loadConfig();
  if (cluster.isPrimary) {
    await appServer.prepareDatabase();
    // Ended sessions and old login attempts go at start as well as at every successful login.
    await appServer.pruneOld();
  }
} catch (error) {
  if (error instanceof appServer.ConfigError || error?.name === "ConfigError") {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = appServer.logger();
const texts = appServer.securityTexts;
const cookieNames = [appServer.sessionCookieName(true), appServer.sessionCookieName(false)];
// The Vite dev server lives in one process: development always serves alone.
const processes = development ? 1 : config.webConcurrency;

// scrypt takes 16 MB for each password it checks, on one of libuv's threads. glibc's malloc raises its
// threshold for memory of its own mapping to the largest block freed, so from the second check on
// each thread keeps its 16 MB in its arena: 60 logins left a server process 78 MB larger for good
// (11–25 MB with the threshold fixed). `npm run serve` fixes the threshold at 1 MB (decision 032, round 5); the processes the
// primary forks inherit it.
if (!development && cluster.isPrimary && process.env.MALLOC_MMAP_THRESHOLD_ === undefined)
  log.warn(
    "started without MALLOC_MMAP_THRESHOLD_: every login thread keeps 16 MB after a password check (start with npm run serve)",
  );

if (cluster.isPrimary && processes > 1) {
  // The primary serves nothing: it holds no database connection while the server processes work.
  await appServer.closeDatabase();
  // Each server process gets the configured heap limit, whatever this process was started with,
  // and collects garbage on its own thread when there is a server process for every core.
  cluster.setupPrimary({
    execArgv: withGcThreads(withHeapLimit(process.execArgv, config.serverHeapMb), processes),
  });
  supervise(processes);
} else {
  if (!development && !hasHeapLimit())
    log.warn(
      {
        heapLimitMb: Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20),
        serverHeapMb: config.serverHeapMb,
      },
      "started without --max-old-space-size: the heap grows far beyond what it holds (start with npm run serve)",
    );
  serve();
}

/** node's old-space limit flag; V8 takes the last one given. */
function withHeapLimit(execArgv, mb) {
  return [...execArgv.filter((arg) => !arg.startsWith("--max-old-space-size")), `--max-old-space-size=${mb}`];
}

/**
 * V8 marks and scavenges on helper threads, which only help while a core is free. With a server
 * process on every core (the production default) there is none: the helpers take turns with the
 * other processes' requests. Measured on the national data set with 2 processes on 2 cores
 * (decision 032): the list page 167 → 183 req/s with `--single-threaded-gc`. With fewer processes
 * than cores the helpers have cores to run on, and are kept.
 */
function withGcThreads(execArgv, count) {
  return count >= availableParallelism() && !execArgv.includes("--single-threaded-gc")
    ? [...execArgv, "--single-threaded-gc"]
    : execArgv;
}

function hasHeapLimit() {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((arg) =>
    arg.startsWith("--max-old-space-size"),
  );
}

/** This process serves HTTP: alone (WEB_CONCURRENCY=1) or as one of the cluster's server processes. */
function serve() {
  const app = express();
  app.disable("x-powered-by");
  app.use(accessLog());
  // gzip level 3 (zlib's default is 6): deflate's fast strategy (levels 1–3) takes about half the CPU of
  // level 6 on a 24–50 kB page for 3–10 % more bytes; every page gains, the bigger the more (decision 028).
  app.use(compression({ level: 3 }));
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(securityHeaders());
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
    app.use(
      "/assets",
      express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }),
    );
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  }

  app.all("*", remixHandler(vite ? loadBuild : firstBuild));

  // The notification e-mail worker runs in each server process unless it runs on its own (`npm run worker`,
  // NOTIFICATION_WORKER=off). Several at once are safe: the claim on each e-mail is the lock (decision 018).
  let worker;
  const server = app.listen(config.port, config.host, () => {
    const port = server.address().port;
    // In a cluster the primary says it once, when every server process listens.
    if (cluster.isPrimary)
      log.info({ port, mode: config.mode }, `Innspill kjører på http://localhost:${port} (${config.mode})`);
    if (config.notificationWorker === "in-process") worker = appServer.startNotificationWorker();
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      // The send under way finishes (or its claim runs out and another worker takes it) before exit.
      Promise.resolve(worker?.stop())
        .catch((error) => log.error({ err: error }, "notification worker did not stop cleanly"))
        .finally(() => server.close(() => process.exit(0)));
    });
  }
}

/**
 * The cluster's primary: forks `count` server processes, logs and replaces one that dies (a process
 * that keeps dying before it listens stops the whole server instead of looping), and on SIGTERM or
 * SIGINT stops them all (each finishes its open requests) and then itself.
 */
function supervise(count) {
  /** Restarts that fail before the new process listens, in a row, after which the primary gives up. */
  const MAX_FAILED_STARTS = 5;
  /** How long the server processes get to finish their requests on SIGTERM before they are killed. */
  const STOP_GRACE_MS = 10_000;
  let stopping = false;
  let exitCode = 0;
  let announced = false;
  let failedStarts = 0;
  const listening = new Set();

  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  const fork = () => cluster.fork();

  cluster.on("listening", (worker, address) => {
    listening.add(worker.id);
    failedStarts = 0;
    log.info({ pid: worker.process.pid, port: address.port }, "server process listening");
    if (!announced && listening.size >= count) {
      announced = true;
      log.info(
        { port: address.port, mode: config.mode, processes: count },
        `Innspill kjører på http://localhost:${address.port} (${config.mode}, ${count} prosesser)`,
      );
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) process.exit(exitCode);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, "server process died; starting a new one");
    if (wasListening) return void fork();
    failedStarts += 1;
    if (failedStarts >= MAX_FAILED_STARTS) {
      console.error(`${MAX_FAILED_STARTS} server processes in a row died before they listened; stopping.`);
      stop(1);
      return;
    }
    setTimeout(fork, 1_000 * failedStarts);
  });

  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = alive();
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of alive()) worker.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));

  for (let i = 0; i < count; i += 1) fork();
}

/** One JSON line per request: id, method, route (the path, no query), status and duration. Nothing else of it. */
function accessLog() {
  return pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const id = randomUUID();
      res.setHeader("X-Request-Id", id);
      req.headers["x-request-id"] = id;
      return id;
    },
    quietReqLogger: true,
    wrapSerializers: false,
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, route: (req.originalUrl ?? req.url).split("?")[0] }),
      res: (res) => ({ status: res.statusCode }),
      err: (err) => ({ type: err?.name, message: err?.message, stack: err?.stack }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request failed",
  });
}

/**
 * Helmet, with a Content-Security-Policy that allows only our own scripts and the inline ones
 * Remix renders with this response's nonce (no 'unsafe-inline' for scripts); HSTS behind HTTPS.
 */
function securityHeaders() {
  const secure = config.secureCookies;
  const withHelmet = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": [
          "'self'",
          (_req, res) => `'nonce-${res.locals.cspNonce}'`,
          ...(development ? ["'unsafe-eval'"] : []),
        ],
        // React writes style attributes (progress bars, the flowchart); scripts stay nonce-only.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'", ...(development ? ["ws:", "wss:"] : [])],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(secure ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: secure ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
    crossOriginEmbedderPolicy: false,
  });
  return (req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    withHelmet(req, res, next);
  };
}

/** A state-changing request from another site is refused (403), whatever the cookie says. */
function refuseCrossOriginWrites(req, res, next) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  const sameHost = origin ? safeHost(origin) === req.get("host") : site !== "cross-site";
  if (!sameHost) {
    res.status(403).type("text/plain; charset=utf-8").send(texts.requests.crossOrigin);
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
  if (!bodyKind(req)) {
    res.status(415).type("text/plain; charset=utf-8").send(texts.requests.notAForm);
    return;
  }
  next();
}

function bodyKind(req) {
  const type = (req.get("content-type") ?? "").toLowerCase();
  if (type.split(";")[0].trim() === "application/x-www-form-urlencoded") return "form";
  if (type.startsWith("multipart/form-data") && /;\s*boundary=\S/.test(type)) return "multipart";
  return null;
}

/**
 * Answers 413 to a request whose body is not (or not all) read, and then closes the connection:
 * what the client still sends is discarded, never kept, and the socket is closed soon after.
 */
function refuseTooLarge(req, res, message) {
  if (res.headersSent) return;
  res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send(message);
  res.on("finish", () => {
    req.resume();
    setTimeout(() => req.socket.destroy(), 2_000).unref();
  });
}

/**
 * The Remix request handler, with the request body limited: a body whose Content-Length is over
 * its kind's limit is refused with 413 before a byte is read; a chunked (or lying) body is counted
 * as it streams in and refused with 413 the moment it passes the limit. The route's request is
 * aborted then, so no action goes on with part of a form (see the Request.formData patch below).
 */
function remixHandler(build) {
  const handle = createRequestHandler(build, development ? "development" : "production");
  return async (req, res, next) => {
    try {
      const controller = new globalThis.AbortController();
      const init = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        const kind = bodyKind(req) ?? "form";
        const limit = appServer.bodyLimits[kind];
        const tooLarge = () => {
          controller.abort(new Error("body too large"));
          refuseTooLarge(req, res, appServer.tooLargeMessage(kind));
        };
        if (Number(req.get("content-length") ?? 0) > limit) {
          tooLarge();
          return;
        }
        let seen = 0;
        const counted = new Transform({
          transform(chunk, _encoding, callback) {
            seen += chunk.length;
            if (seen > limit) {
              req.unpipe(counted);
              tooLarge();
              callback(new Error("body too large"));
            } else callback(null, chunk);
          },
        });
        req.pipe(counted);
        init.body = createReadableStreamFromReadable(counted);
        init.duplex = "half";
      }
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const request = new globalThis.Request(requestUrl(req), init);
      const response = await handle(request, { cspNonce: res.locals.cspNonce });
      if (res.headersSent) return;
      await send(req, res, response);
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}

function requestUrl(req) {
  return `${req.protocol}://${req.get("host")}${req.originalUrl}`;
}

function remixHeaders(requestHeaders) {
  const headers = new globalThis.Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

/** Sends Remix's answer; nothing a signed-in user sees is kept by any cache (Cache-Control: no-store). */
async function send(req, res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (carriesSession(req)) res.setHeader("Cache-Control", "no-store");
  if (!response.body) {
    res.end();
    return;
  }
  await writeBody(response.body, res);
}

/** A body's chunks are written in pieces of up to this many bytes (without a flush in between). */
const WRITE_BYTES = 64 * 1024;

/**
 * Writes a response body to the client, the chunks that arrive together as one: React renders a
 * page into chunks of about 2 kB, and Remix's own writer flushed the compression after each one
 * (a zlib job on the thread pool, a sync-flush marker and a socket write per chunk). Here the chunks
 * are gathered until the body's stream has nothing more at hand (the next turn of the event loop)
 * and then written and flushed once, so a streamed (deferred) part still goes out as soon as it is
 * rendered. Decision 032, "Round 4": the list page's chunks cost both server processes CPU.
 */
async function writeBody(body, res) {
  const reader = body.getReader();
  let chunks = [];
  let size = 0;
  let pending;
  // Backpressure: after a write the client (or the compression) could not take at once, the next
  // chunk is read only once it has drained, so a slow client never makes a streamed attachment pile
  // up in memory. A client that has gone away ends the reading: the rest is never read. The drain
  // listener is there from the start (compression hands it to its zlib stream), so no drain is missed.
  let full = false;
  let gone = false;
  let wake;
  const onDrain = () => {
    full = false;
    wake?.();
  };
  const onClose = () => {
    gone = !res.writableFinished;
    wake?.();
  };
  res.on("drain", onDrain);
  res.on("close", onClose);
  const write = () => {
    if (size === 0) return;
    if (!res.write(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size))) full = true;
    chunks = [];
    size = 0;
  };
  const flush = () => {
    pending = undefined;
    try {
      write();
      res.flush?.();
    } catch (error) {
      res.destroy(error);
    }
  };
  try {
    while (true) {
      if (full && !gone && !res.destroyed) {
        await new Promise((resolve) => (wake = resolve));
        wake = undefined;
      }
      if (gone || res.destroyed) {
        clearImmediate(pending);
        await reader.cancel().catch(() => {});
        return;
      }
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size >= WRITE_BYTES) write();
      pending ??= setImmediate(flush);
    }
    clearImmediate(pending);
    write();
    res.end();
  } catch (error) {
    clearImmediate(pending);
    res.destroy(error);
    throw error;
  } finally {
    res.removeListener("close", onClose);
  }
}

function carriesSession(req) {
  const cookie = req.get("cookie") ?? "";
  return cookieNames.some((name) => cookie.includes(`${name}=`));
}

// A body that says it is a form but cannot be parsed (a broken multipart upload) is read as an
// empty form: the action then answers it like any incomplete form, 400 with its own messages,
// instead of failing with a 500. Every action reads its body through Request.formData(). A body
// stopped at its size limit is not a broken one: its request is aborted, and the action stops.
const parseFormData = globalThis.Request.prototype.formData;
globalThis.Request.prototype.formData = async function formData() {
  // Reading a body twice is a bug in the code, not in the request: let it fail loudly.
  if (this.bodyUsed) return parseFormData.call(this);
  try {
    return await parseFormData.call(this);
  } catch (error) {
    if (this.signal.aborted) throw new globalThis.Response(null, { status: 413 });
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
