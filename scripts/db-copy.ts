import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CopyRefused, copySqliteToPostgres, type TableCheck } from "../db/copy";
import { isPostgresUrl } from "../db/dialect";

/**
 * `npm run db:copy -- --from <sqlite file> --to postgres://…`: moves an installation from its
 * SQLite file to an empty PostgreSQL database, ids and history intact, and verifies every table
 * (db/copy.ts). Stop the server first. Exit codes: 0 copied and verified, 1 wrong use or an error
 * (nothing committed), 2 refused (source not migrated, target not empty), 3 copied but a table
 * did not verify.
 */

const usage = "Bruk: npm run db:copy -- --from <sqlite-fil> --to postgres://bruker@vert/database";

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The URL without its password, for printing. */
function shown(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

function table(checks: TableCheck[]): string {
  const header = ["tabell", "rader (SQLite)", "rader (PostgreSQL)", "sjekksum (sha256, 12 tegn)", "ok"];
  const lines = checks.map((c) => [
    c.table,
    String(c.sourceRows),
    String(c.targetRows),
    c.sourceChecksum === c.targetChecksum
      ? c.sourceChecksum.slice(0, 12)
      : `${c.sourceChecksum.slice(0, 12)} ≠ ${c.targetChecksum.slice(0, 12)}`,
    c.ok ? "ja" : "NEI",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  return [row(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(row)].join("\n");
}

async function main() {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({
      options: { from: { type: "string" }, to: { type: "string" } },
      allowPositionals: false,
    }));
  } catch {
    fail(usage);
  }
  if (!values.from || !values.to) fail(usage);
  const from = path.resolve(values.from);
  const to = values.to;
  if (!existsSync(from)) fail(`Fant ingen SQLite-fil i ${from}.`);
  if (!isPostgresUrl(to)) fail(`--to må være en PostgreSQL-adresse (postgres://…).\n${usage}`);

  console.log(`Kopierer ${from}\n  til ${shown(to)}`);
  const started = performance.now();
  let checks: TableCheck[];
  try {
    checks = await copySqliteToPostgres(from, to, {
      onTable: (name, rows) => console.log(`  ${name}: ${rows} rader`),
    });
  } catch (error) {
    if (error instanceof CopyRefused) {
      const r = error.refusal;
      if (r.reason === "targetNotEmpty")
        fail(
          `Avbrutt: måldatabasen er ikke tom (data i ${r.tables.join(", ")}). db:copy skriver aldri over ` +
            "data. Bruk en ny, tom database (createdb), eller slett innholdet selv om du er sikker.",
          2,
        );
      fail(
        "Avbrutt: SQLite-filen er ikke på siste skjemaversjon" +
          (r.missing.length > 0 ? ` (mangler ${r.missing.join(", ")})` : "") +
          (r.unknown.length > 0 ? ` (har ukjente ${r.unknown.join(", ")}: nyere enn denne koden)` : "") +
          ". Start denne versjonen av Innspill én gang på filen (DATABASE_PATH=<fil> npm run serve), " +
          "stopp den, og kjør db:copy igjen.",
        2,
      );
    }
    fail(`Kopieringen mislyktes, ingenting er lagret i måldatabasen: ${String(error)}`);
  }
  console.log("");
  console.log(table(checks));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const bad = checks.filter((c) => !c.ok);
  if (bad.length > 0)
    fail(`\n${bad.length} tabell(er) stemmer ikke: ${bad.map((c) => c.table).join(", ")}.`, 3);
  console.log(`\nKopiert og kontrollert: ${checks.length} tabeller på ${seconds} s.`);
}

main().catch((error: unknown) => fail(`Kopieringen mislyktes: ${String(error)}`));
