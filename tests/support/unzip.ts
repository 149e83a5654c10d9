import { inflateRawSync } from "node:zlib";

/**
 * Reads one file out of a zip archive (a .docx is one), enough to check what a generated Word
 * document says. Follows the central directory, so data descriptors do not matter.
 */
export function readZipEntry(zip: Uint8Array, name: string): string {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = view.length - 22;
  while (eocd >= 0 && view.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("Not a zip archive");
  const entries = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (view.readUInt32LE(at) !== 0x02014b50) throw new Error("Broken central directory");
    const method = view.readUInt16LE(at + 10);
    const size = view.readUInt32LE(at + 20);
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    const entryName = view.toString("utf8", at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
      const data = view.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}
