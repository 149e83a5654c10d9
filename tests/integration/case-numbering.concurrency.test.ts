import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";
import { itemsOfMeeting } from "#db/repositories/meeting.repository";
import { currentUser, makeWorld, testDatabaseLocation } from "../support/db";
import { otherCase, plan } from "../support/meetings";

const run = promisify(execFile);

/**
 * Two processes publish notices of the same body at the same moment against one database (a
 * SQLite file, or one PostgreSQL database on the PostgreSQL project): the database's own locking,
 * not a lock in our process, must keep the numbers unique and gapless.
 */
describe("case numbers under concurrent publication", () => {
  let dir: string;
  let file: string;
  let db: DB;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "innspill-numbering-"));
    file = await testDatabaseLocation(dir);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("never gives two cases the same number and leaves no gaps", { timeout: 180_000 }, async () => {
    db = openDatabase(file);
    await migrateToLatest(db);
    const world = await makeWorld(db);
    const coordinator = await currentUser(db, world.users.coordinator);
    const meetings: number[] = [];
    for (let m = 0; m < 16; m++) {
      const id = await plan(
        db,
        coordinator,
        world.bodies.board,
        `2021-${String(1 + (m % 12)).padStart(2, "0")}-10`,
      );
      for (let c = 0; c < 3; c++) await otherCase(db, coordinator, id, `Sak ${c + 1} i møte ${m + 1}`);
      meetings.push(id);
    }
    const barrier = path.join(dir, "barrier");
    mkdirSync(barrier);
    const worker = (ids: number[]) =>
      run(
        process.execPath,
        [
          "--import",
          "tsx",
          "tests/support/publish-worker.ts",
          file,
          String(coordinator.id),
          barrier,
          ...ids.map(String),
        ],
        { cwd: path.resolve(__dirname, "../.."), timeout: 150_000 },
      );
    // Interleaved halves, so both processes contend for the same counter all the time.
    const running = Promise.all([
      worker(meetings.filter((_, i) => i % 2 === 0)),
      worker(meetings.filter((_, i) => i % 2 === 1)),
    ]);
    // Both wait at the barrier before either publishes, however slowly the machine started them.
    const settled = running.then(() => true);
    const bothReady = async () => {
      while (readdirSync(barrier).filter((f) => f.startsWith("ready-")).length < 2) {
        if (await Promise.race([settled, new Promise((r) => setTimeout(r, 50, false))])) return;
      }
    };
    await bothReady();
    writeFileSync(path.join(barrier, "go"), "");
    const [a, b] = await running;
    const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)] as {
      published: Record<string, number[]>;
    }[];
    const published = { ...ra!.published, ...rb!.published };
    expect(Object.keys(published)).toHaveLength(16);

    const all: number[] = [];
    for (const id of meetings) {
      const numbers = (await itemsOfMeeting(db, id)).map((i) => i.number!);
      expect(numbers).toEqual(published[id]);
      // One meeting's cases are consecutive: the block was reserved in one transaction.
      expect(numbers).toEqual([numbers[0]!, numbers[0]! + 1, numbers[0]! + 2]);
      all.push(...numbers);
    }
    expect(all.sort((x, y) => x - y)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });
});
