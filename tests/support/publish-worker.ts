/**
 * A separate process that publishes meeting notices on a database file, for the concurrency
 * test: `node --import tsx tests/support/publish-worker.ts <db file> <user id> <barrier dir> <meeting ids…>`.
 * When ready it writes `ready-<pid>` into the barrier directory and waits for the file `go` there, so two
 * workers publish at the same time however slowly the machine started them; then it prints the numbers.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "#db/connection";
import { getMeeting } from "#db/repositories/meeting.repository";
import { publishNotice } from "~/server/commands/publish-notice.server";
import { currentUser } from "./db";

const [file, userId, barrier, ...meetingIds] = process.argv.slice(2);
const db = openDatabase(file!);
const user = await currentUser(db, Number(userId));
writeFileSync(path.join(barrier!, `ready-${process.pid}`), "");
while (!existsSync(path.join(barrier!, "go"))) await new Promise((r) => setTimeout(r, 1));
const published: Record<number, number[]> = {};
for (const id of meetingIds.map(Number)) {
  // A short pause between notices lets the other process take turns on the counter.
  await new Promise((r) => setTimeout(r, 2 + Math.random() * 10));
  const meeting = await getMeeting(db, id);
  const result = await publishNotice(db, { user, meetingId: id, expectedVersion: meeting!.version });
  if (!result.ok) throw new Error(`publish ${id} refused: ${JSON.stringify(result)}`);
  published[id] = result.numbers;
}
await db.destroy();
process.stdout.write(JSON.stringify({ published }));
