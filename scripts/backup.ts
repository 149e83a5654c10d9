import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/**
 * `npm run backup -- <file> [--force]`: an online, consistent copy of the database while the
 * server runs, through SQLite's backup API. The copy is taken in one step, inside one read
 * transaction: it holds exactly what had been committed when that step began, and the server
 * keeps answering (and writing) meanwhile, since in WAL mode a reader blocks no writer. Written
 * to `<file>.partial` first and renamed when complete and checked, so a half-written copy never
 * carries the name. With DATABASE_URL (PostgreSQL) it runs `pg_dump -Fc` instead, which is
 * consistent the same way (one snapshot), and checks the dump with `pg_restore --list`. Restoring
 * is described in the README ("Backup and restore").
 */

const usage = "Bruk: npm run backup -- <fil> [--force]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The database the server uses: DATABASE_PATH, else innspill.db in DATA_DIR (same rule as app/server/config.server.ts). */
function databasePath(): string {
  if (process.env.DATABASE_PATH) return path.resolve(process.env.DATABASE_PATH);
  return path.join(path.resolve(process.env.DATA_DIR ?? "data"), "innspill.db");
}

/**
 * A PostgreSQL client tool: from PG_BIN, else on PATH (Debian's wrapper picks the version that
 * matches the server), else the newest /usr/lib/postgresql/<n>/bin.
 */
function postgresTool(name: string): string {
  const dirs = [process.env.PG_BIN, ...(process.env.PATH ?? "").split(path.delimiter)].filter(
    (d): d is string => !!d,
  );
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian))
    dirs.push(
      ...readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join(debian, v, "bin")),
    );
  const found = dirs.map((d) => path.join(d, name)).find((f) => existsSync(f));
  if (!found)
    fail(`Fant ikke ${name}. Installer PostgreSQL-klienten (Debian: apt-get install postgresql-client).`);
  return found;
}

/** `pg_dump -Fc` of the database in DATABASE_URL to `partial`, checked by listing it with pg_restore. */
function postgresBackup(url: string, target: string) {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  try {
    execFileSync(postgresTool("pg_dump"), ["--format=custom", "--file", partial, "--dbname", url], {
      stdio: ["ignore", "inherit", "pipe"],
    });
  } catch (error) {
    rmSync(partial, { force: true });
    fail(
      `pg_dump mislyktes; ingenting er skrevet til ${target}: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`,
    );
  }
  const contents = execFileSync(postgresTool("pg_restore"), ["--list", partial], { encoding: "utf8" });
  const tables = contents.split("\n").filter((line) => / TABLE DATA public /.test(line)).length;
  if (tables === 0) {
    rmSync(partial, { force: true });
    fail(`Dumpen inneholder ingen tabeller; ingenting er skrevet til ${target}.`);
  }
  if (existsSync(target)) rmSync(target);
  renameSync(partial, target);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (statSync(target).size / 1024 / 1024).toFixed(1);
  console.log(`Sikkerhetskopi tatt av PostgreSQL-databasen (pg_dump -Fc)`);
  console.log(`  til ${target} (${megabytes} MB, ${tables} tabeller) på ${seconds} s`);
  console.log("  Gjenopprettes med pg_restore (se README, «Backup and restore»).");
  console.log("  Vedlegg ligger som filer i DATA_DIR/attachments og kopieres for seg (se README).");
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((a) => a !== "--force");
  if (files.length !== 1 || files[0]!.startsWith("-")) fail(usage);
  const target = path.resolve(files[0]!);
  if (existsSync(target) && !force)
    fail(`${target} finnes allerede. Velg et annet filnavn, eller bruk --force for å skrive over den.`);
  if (!existsSync(path.dirname(target))) fail(`Mappen ${path.dirname(target)} finnes ikke.`);
  if (process.env.DATABASE_URL) return postgresBackup(process.env.DATABASE_URL, target);
  const source = databasePath();

  if (!existsSync(source)) fail(`Fant ingen database i ${source} (sett DATA_DIR eller DATABASE_PATH).`);
  if (target === source) fail("Sikkerhetskopien kan ikke skrives over selve databasen.");

  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const db = new SQLite(source, { fileMustExist: true });
  // Wait for a writer that holds the lock at this moment, as the server does.
  db.pragma("busy_timeout = 5000");
  let pages = 0;
  try {
    // The first step only measures; every page is then copied in one step (one read transaction).
    // Many small steps would start over each time the server commits, and might never finish under load.
    const result = await db.backup(partial, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 0x7fffffff;
      },
    });
    pages = result.totalPages || pages;
  } finally {
    db.close();
  }

  const copy = new SQLite(partial, { fileMustExist: true });
  const check = copy.pragma("integrity_check", { simple: true });
  const proposals = (copy.prepare("select count(*) as n from proposal").get() as { n: number }).n;
  const history = (copy.prepare("select count(*) as n from proposal_history").get() as { n: number }).n;
  copy.close();
  if (check !== "ok") {
    rmSync(partial, { force: true });
    fail(`Kopien besto ikke integritetssjekken (${String(check)}); ingenting er skrevet til ${target}.`);
  }
  if (existsSync(target)) rmSync(target);
  renameSync(partial, target);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (statSync(target).size / 1024 / 1024).toFixed(1);
  console.log(`Sikkerhetskopi tatt av ${source}`);
  console.log(`  til ${target} (${megabytes} MB, ${pages} sider) på ${seconds} s`);
  console.log(`  ${proposals} innspill, ${history} historikkrader; integritetssjekk: ok`);
  console.log("  Vedlegg ligger som filer i DATA_DIR/attachments og kopieres for seg (se README).");
}

main().catch((error: unknown) => fail(`Sikkerhetskopien mislyktes: ${String(error)}`));
