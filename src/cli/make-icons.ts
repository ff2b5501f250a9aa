/**
 * Draws the add-in icons (assets/icon-<size>.png): a rising bar chart under an amber target line
 * on a rounded teal-to-blue tile. Pure node: shapes are rasterised with 8×8 supersampling and
 * written as RGBA PNG with zlib. Run: `npm run icons`.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];

const TEAL: Rgba = [20, 145, 155, 255];
const BLUE: Rgba = [18, 60, 115, 255];
const BAR: Rgba = [255, 255, 255, 255];
const BAR_SOFT: Rgba = [214, 238, 243, 255];
const TARGET: Rgba = [245, 184, 46, 255];

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  color: Rgba;
}

/** Pixel-snapped geometry for one icon size (coordinates in pixels). */
function layout(size: number): { radius: number; rects: Rect[] } {
  const px = (f: number) => Math.round(f * size);
  const barW = Math.max(3, px(0.16));
  const gap = Math.max(1, px(0.06));
  const total = 3 * barW + 2 * gap;
  const left = Math.floor((size - total) / 2);
  const base = px(0.82);
  const heights = [0.26, 0.4, 0.55].map((h) => Math.max(2, px(h)));
  const rects: Rect[] = heights.map((h, i) => ({
    x0: left + i * (barW + gap),
    x1: left + i * (barW + gap) + barW,
    y0: base - h,
    y1: base,
    color: i === 2 ? BAR : BAR_SOFT,
  }));
  const lineY = px(0.17);
  const lineH = Math.max(1, px(0.06));
  rects.push({ x0: px(0.12), x1: size - px(0.12), y0: lineY, y1: lineY + lineH, color: TARGET });
  return { radius: Math.max(2, size * 0.2), rects };
}

function insideRoundedTile(x: number, y: number, size: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Renders one icon as RGBA rows. */
export function renderIcon(size: number): Buffer {
  const { radius, rects } = layout(size);
  const ss = 8;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const fx = x + (sx + 0.5) / ss;
          const fy = y + (sy + 0.5) / ss;
          if (!insideRoundedTile(fx, fy, size, radius)) continue;
          const t = Math.min(1, Math.max(0, (fx + fy) / (2 * size)));
          let c: Rgba = [0, 1, 2, 3].map((k) => TEAL[k] + (BLUE[k] - TEAL[k]) * t) as Rgba;
          for (const r of rects) if (fx >= r.x0 && fx < r.x1 && fy >= r.y0 && fy < r.y1) c = r.color;
          // Premultiplied accumulation keeps anti-aliased edges free of dark fringes.
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 255;
        }
      }
      const n = ss * ss;
      const covered = acc[3] / 255;
      const i = (y * size + x) * 4;
      if (covered > 0) {
        out[i] = Math.round(acc[0] / covered);
        out[i + 1] = Math.round(acc[1] / covered);
        out[i + 2] = Math.round(acc[2] / covered);
        out[i + 3] = Math.round(acc[3] / n);
      }
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (8 bits per channel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "../../assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`${path.relative(process.cwd(), file)} ${size}×${size}`);
  }
}
