/**
 * A raw zip writer for crafted files: every header field can lie (sizes, flags, methods, CRC,
 * offsets, entry counts). Independent of the reader: CRC from node's zlib, DEFLATE from fflate.
 */
import { crc32 } from "zlib";
import { deflateSync } from "fflate";

export interface RawEntry {
  name: string;
  /** The uncompressed content. */
  data: Uint8Array;
  /** 8 (deflate, default) or 0 (stored); any other number is written as is. */
  method?: number;
  flags?: number;
  /** Override the CRC-32 written. */
  crc?: number;
  /** Override the uncompressed size written. */
  size?: number;
  /** Override the compressed bytes (written as is). */
  compressed?: Uint8Array;
  /** Central directory: point this entry at the local header of entry `sameAs` (overlap). */
  sameAs?: number;
}

export interface RawZipOptions {
  /** Entry count written in the end record (default: the real count). */
  count?: number;
  /** Write a zip64 end record and locator claiming `zip64Count` entries (the classic record says 0xFFFF). */
  zip64Count?: number;
}

class Bytes {
  private parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }
  le(n: number, width: 2 | 4 | 8): void {
    const b = new Uint8Array(width);
    let v = n;
    for (let i = 0; i < width; i++) {
      b[i] = v % 256;
      v = Math.floor(v / 256);
    }
    this.push(b);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let p = 0;
    for (const part of this.parts) {
      out.set(part, p);
      p += part.length;
    }
    return out;
  }
}

const enc = new TextEncoder();

export function rawZip(entries: readonly RawEntry[], o: RawZipOptions = {}): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  const offsets: number[] = [];
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateSync(e.data) : e.data);
    const name = enc.encode(e.name);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    offsets.push(out.length);
    const header = (b: Bytes, central: boolean, offset: number) => {
      b.le(central ? 0x02014b50 : 0x04034b50, 4);
      if (central) b.le(20, 2);
      b.le(20, 2);
      b.le((e.flags ?? 0) | 0x800, 2);
      b.le(method, 2);
      b.le(0, 2);
      b.le(0x21, 2);
      b.le(crc, 4);
      b.le(body.length, 4);
      b.le(size, 4);
      b.le(name.length, 2);
      b.le(0, 2);
      if (central) {
        b.le(0, 2);
        b.le(0, 2);
        b.le(0, 2);
        b.le(0, 4);
        b.le(offset, 4);
      }
      b.push(name);
    };
    header(out, false, 0);
    out.push(body);
    const i = offsets.length - 1;
    header(central, true, e.sameAs === undefined ? offsets[i] : offsets[e.sameAs]);
  }
  const cdOffset = out.length;
  const cd = central.concat();
  out.push(cd);
  if (o.zip64Count !== undefined) {
    const at = out.length;
    out.le(0x06064b50, 4);
    out.le(44, 8);
    out.le(45, 2);
    out.le(45, 2);
    out.le(0, 4);
    out.le(0, 4);
    out.le(o.zip64Count, 8);
    out.le(o.zip64Count, 8);
    out.le(cd.length, 8);
    out.le(cdOffset, 8);
    out.le(0x07064b50, 4);
    out.le(0, 4);
    out.le(at, 8);
    out.le(1, 4);
  }
  const count = o.zip64Count !== undefined ? 0xffff : (o.count ?? entries.length);
  out.le(0x06054b50, 4);
  out.le(0, 2);
  out.le(0, 2);
  out.le(count, 2);
  out.le(count, 2);
  out.le(cd.length, 4);
  out.le(cdOffset, 4);
  out.le(0, 2);
  return out.concat();
}
