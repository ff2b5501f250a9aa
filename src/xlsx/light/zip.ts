/**
 * The zip container of an .xlsx, checked before any work: the central directory (entry count,
 * sizes, zip64 claims, offsets inside the file, no overlapping entries, no encryption), then one
 * part at a time inflated by fflate's streaming Inflate with a counter of the bytes really produced
 * (a part that inflates past its declared size, the part cap or the file's budget is stopped).
 */
import { Inflate } from "fflate";
import { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_RATIO, MAX_ZIP_ENTRIES, RATIO_SLACK, XlsxReadError } from "./limits";

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Local header offset. */
  offset: number;
  /** First byte of the compressed data. */
  dataStart: number;
}

/** Bytes still allowed to be inflated for the whole file, and why that many. */
export interface InflateBudget {
  left: number;
  why: string;
}

export function newBudget(fileBytes: number): InflateBudget {
  const byRatio = RATIO_SLACK + MAX_RATIO * fileBytes;
  return byRatio < MAX_FILE_BYTES ? { left: byRatio, why: `expands over ${MAX_RATIO}× its size` } : { left: MAX_FILE_BYTES, why: `over ${MAX_FILE_BYTES / 1024 / 1024} MB of data in all` };
}

const u16 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
/** A little-endian u64 as a number; anything past 2^53 reads as Infinity (it is a lie anyway). */
const u64 = (b: Uint8Array, p: number) => {
  const hi = u32(b, p + 4);
  return hi >= 0x200000 ? Infinity : u32(b, p) + hi * 0x100000000;
};

const damaged = (why: string) => new XlsxReadError("damaged", why);

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: readonly number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** "EncryptionInfo" in UTF-16LE: the stream name of a password-protected .xlsx (an OLE container). */
function hasEncryptionInfo(b: Uint8Array): boolean {
  const name = "EncryptionInfo";
  outer: for (let i = 0; i + name.length * 2 <= b.length; i++) {
    for (let j = 0; j < name.length; j++) if (b[i + 2 * j] !== name.charCodeAt(j) || b[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function findEndRecord(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let p = b.length - 22; p >= stop; p--) if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 0x05 && b[p + 3] === 0x06) return p;
  return -1;
}

function readZip64Extra(b: Uint8Array, from: number, to: number, e: { size: number; compressedSize: number; offset: number }): void {
  for (let p = from; p + 4 <= to; ) {
    const id = u16(b, p);
    const len = u16(b, p + 2);
    if (p + 4 + len > to) throw damaged("bad extra field");
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + len) throw damaged("short zip64 field");
        const v = u64(b, q);
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = take();
      if (e.compressedSize === 0xffffffff) e.compressedSize = take();
      if (e.offset === 0xffffffff) e.offset = take();
    }
    p += 4 + len;
  }
}

/** The entries of a zip by name, after checking its directory. Throws XlsxReadError. */
export function openZip(b: Uint8Array): Map<string, ZipEntry> {
  if (startsWith(b, CFB)) {
    if (hasEncryptionInfo(b)) throw new XlsxReadError("encrypted", "password-protected workbook");
    throw new XlsxReadError("notZip", "an OLE compound file (.xls?)");
  }
  if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(b, [0x50, 0x4b, 0x05, 0x06])) throw new XlsxReadError("notZip", "no zip signature");
  const end = findEndRecord(b);
  if (end < 0) throw damaged("no zip directory (truncated?)");
  if (u16(b, end + 4) !== 0 || u16(b, end + 6) !== 0 || u16(b, end + 8) !== u16(b, end + 10)) throw damaged("multi-volume zip");
  let count = u16(b, end + 10);
  let cdSize = u32(b, end + 12);
  let cdOffset = u32(b, end + 16);
  let cdLimit = end;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (loc >= 0 && u32(b, loc) === 0x07064b50) {
      const at = u64(b, loc + 8);
      if (!(at + 56 <= loc) || u32(b, at) !== 0x06064b50) throw damaged("bad zip64 directory record");
      count = u64(b, at + 32);
      cdSize = u64(b, at + 40);
      cdOffset = u64(b, at + 48);
      cdLimit = at;
    }
  }
  if (count > MAX_ZIP_ENTRIES) throw new XlsxReadError("tooManyParts", `${count} zip entries`);
  if (!(cdOffset + cdSize <= cdLimit) || count * 46 > cdSize) throw damaged("zip directory outside the file");

  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder("utf-8");
  let p = cdOffset;
  const cdEnd = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || u32(b, p) !== 0x02014b50) throw damaged("bad zip directory entry");
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const next = p + 46 + nameLen + extraLen + u16(b, p + 32);
    if (next > cdEnd) throw damaged("bad zip directory entry");
    const e: ZipEntry = {
      name: names.decode(b.subarray(p + 46, p + 46 + nameLen)),
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      crc: u32(b, p + 16),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42),
      dataStart: 0,
    };
    readZip64Extra(b, p + 46 + nameLen, p + 46 + nameLen + extraLen, e);
    if (entries.has(e.name)) throw damaged(`two entries named ${e.name.slice(0, 60)}`);
    if (!(e.offset + 30 <= cdOffset) || u32(b, e.offset) !== 0x04034b50) throw damaged("zip entry outside the file");
    e.dataStart = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
    if (!(e.dataStart + e.compressedSize <= cdOffset)) throw damaged("zip entry outside the file");
    entries.set(e.name, e);
    p = next;
  }
  // Entries must not share bytes (overlapping entries make a small file inflate many times).
  const byOffset = [...entries.values()].sort((x, y) => x.offset - y.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.dataStart + prev.compressedSize > byOffset[i].offset) throw damaged("overlapping zip entries");
  }
  return entries;
}

let CRC_TABLE: Uint32Array | null = null;
function crcTable(): Uint32Array {
  if (CRC_TABLE) return CRC_TABLE;
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return (CRC_TABLE = t);
}

const tooLargePart = (e: ZipEntry, max: number) => new XlsxReadError("tooLarge", `${e.name}: over ${Math.round((max / 1024 / 1024) * 10) / 10} MB`);

/** Compressed bytes per push: DEFLATE expands at most ~1032×, so one push yields at most ~1 MB. */
const SLICE = 1024;

/**
 * Inflate one entry, handing the bytes to `sink` as they come. Stops with XlsxReadError when the
 * real output passes the declared size (damaged), the part cap or the file's budget (tooLarge).
 * Whatever `sink` throws ends the inflation and is rethrown (a reader that has what it needs).
 */
export function inflateEntry(b: Uint8Array, e: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void, o: { streamed?: boolean; maxPart?: number } = {}): void {
  if (e.flags & 1) throw new XlsxReadError("encrypted", `${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw damaged(`${e.name}: compression method ${e.method}`);
  const maxPart = o.maxPart ?? MAX_PART_BYTES;
  // A part read in full must fit the cap; a streamed one (a sheet, maybe read to row 1 only) is cut there.
  if (!o.streamed && e.size > maxPart) throw tooLargePart(e, maxPart);
  const table = crcTable();
  let crc = 0xffffffff;
  let total = 0;
  const take = (d: Uint8Array) => {
    total += d.length;
    if (total > e.size) throw damaged(`${e.name} inflates past its declared size`);
    if (total > maxPart) throw tooLargePart(e, maxPart);
    budget.left -= d.length;
    if (budget.left < 0) throw new XlsxReadError("tooLarge", budget.why);
    for (let i = 0; i < d.length; i++) crc = table[(crc ^ d[i]) & 0xff] ^ (crc >>> 8);
    sink(d);
  };
  const data = b.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw damaged(`${e.name}: stored sizes differ`);
    for (let i = 0; i < data.length; i += 65536) take(data.subarray(i, i + 65536));
  } else {
    const inflate = new Inflate((d) => take(d));
    try {
      if (data.length === 0) inflate.push(data, true);
      for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    } catch (err) {
      // fflate's own errors carry a numeric code; ours and the sink's pass through.
      if (err instanceof Error && typeof (err as { code?: unknown }).code === "number") throw damaged(`${e.name}: ${err.message}`);
      throw err;
    }
  }
  if (total !== e.size) throw damaged(`${e.name} is shorter than its declared size`);
  if (((crc ^ 0xffffffff) >>> 0) !== e.crc) throw damaged(`${e.name}: checksum mismatch`);
}
