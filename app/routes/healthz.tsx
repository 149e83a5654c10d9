/**
 * A liveness check, and the benchmark's ceiling of the framework: the whole stack (Express,
 * security headers, the Remix request handler and routing) with no data and no rendering.
 */
export function loader() {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
