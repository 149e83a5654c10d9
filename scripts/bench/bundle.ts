import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * What JavaScript a page sends, read from the client build's Remix manifest: the entry, the root
 * route and the page's route module with the chunks they import statically (what the browser
 * loads on a first visit; modulepreload), plus the route manifest. Gzipped as the server's
 * compression middleware sends them (zlib's default level).
 *
 * The manifest: with `v3_lazyRouteDiscovery` (vite.config.ts) the browser never loads the
 * build's manifest-*.js (every route); the document carries a partial manifest inline (the
 * page's matches and the "/" index route, see @remix-run/react's getPartialManifest), and later
 * routes are fetched on navigation. So that partial manifest is counted, not the file;
 * tests/e2e/page-javascript.test.ts checks against the served page that the file is not loaded.
 */

interface ManifestEntry {
  module: string;
  imports?: string[];
}
interface RemixManifest {
  url: string;
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry & { parentId?: string; index?: boolean; path?: string }>;
}

function readManifest(buildDir: string): RemixManifest {
  const assets = path.join(buildDir, "client/assets");
  const file = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error(`No Remix manifest in ${assets}`);
  const sandbox: { window: { __remixManifest?: RemixManifest } } = { window: {} };
  runInNewContext(readFileSync(path.join(assets, file), "utf8"), sandbox);
  if (!sandbox.window.__remixManifest) throw new Error("The manifest did not set window.__remixManifest");
  return sandbox.window.__remixManifest;
}

export interface PageJavaScript {
  routeId: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** Whether any of those files carries React Flow (@xyflow). */
  includesReactFlow: boolean;
}

/** React Flow's code names its DOM classes "react-flow__…"; nothing else in the app does. */
const reactFlowMark = "react-flow__";

/** The JavaScript a first visit to the route's page loads. */
export function pageJavaScript(buildDir: string, routeId: string): PageJavaScript {
  const manifest = readManifest(buildDir);
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(id);
  if (!manifest.routes[routeId]) throw new Error(`No route ${routeId} in the manifest`);
  const urls = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (const id of chain) {
    const route = manifest.routes[id]!;
    urls.add(route.module);
    for (const u of route.imports ?? []) urls.add(u);
  }
  const clientDir = path.join(buildDir, "client");
  // The inline partial manifest, as Remix writes it into the document (JSON, indented by 2).
  const initial = new Set(chain);
  for (const [id, route] of Object.entries(manifest.routes)) {
    if (route.parentId === "root" && route.index && !route.path) initial.add(id);
  }
  const partial = JSON.stringify(
    { ...manifest, routes: Object.fromEntries([...initial].map((id) => [id, manifest.routes[id]])) },
    null,
    2,
  );
  let bytes = Buffer.byteLength(partial);
  let gzipBytes = gzipSync(partial).length;
  let includesReactFlow = false;
  for (const url of urls) {
    const content = readFileSync(path.join(clientDir, url));
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
    if (content.includes(reactFlowMark)) includesReactFlow = true;
  }
  return { routeId, files: ["(inline partial manifest)", ...urls], bytes, gzipBytes, includesReactFlow };
}

/** Route ids whose own chunks (static imports) carry React Flow. */
export function routesWithReactFlow(buildDir: string): string[] {
  const manifest = readManifest(buildDir);
  const clientDir = path.join(buildDir, "client");
  return Object.entries(manifest.routes)
    .filter(([, route]) =>
      [route.module, ...(route.imports ?? [])].some((u) =>
        readFileSync(path.join(clientDir, u)).includes(reactFlowMark),
      ),
    )
    .map(([id]) => id);
}

/** Every client chunk that carries React Flow, lazily loaded ones included. */
export function reactFlowChunks(buildDir: string): string[] {
  const assets = path.join(buildDir, "client/assets");
  return readdirSync(assets)
    .filter((f) => f.endsWith(".js") && readFileSync(path.join(assets, f)).includes(reactFlowMark))
    .map((f) => `/assets/${f}`);
}
