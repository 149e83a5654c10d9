import pino, { type Logger } from "pino";
import { config } from "./config.server";

let instance: Logger | undefined;

/**
 * The one structured logger: JSON lines on stdout. The HTTP server's access log (pino-http in
 * server/start.js) and the error log of the app share it. Nothing that could hold a password,
 * a cookie or a form field is logged; redaction is a second net for headers.
 */
export function logger(): Logger {
  instance ??= pino(
    {
      level: config().logLevel,
      base: { service: "innspill" },
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
        remove: true,
      },
    },
    // Asynchronous: a slow reader of stdout (a pipe that is full) never stalls the server.
    pino.destination({ dest: 1, sync: false }),
  );
  return instance;
}
