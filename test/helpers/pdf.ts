/**
 * Just enough of a PDF reader for the print tests: the text runs of each page of a PDF that
 * LibreOffice wrote (classic cross-reference, Flate streams, fonts with ToUnicode maps), each with
 * its text and the size it prints at (font size × text matrix × current transformation).
 */
import { inflateSync } from "zlib";

export interface TextRun {
  page: number;
  text: string;
  /** Printed size in points. */
  size: number;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** Every `n 0 obj … endobj` of the file, streams inflated. */
function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString("latin1");
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  const raw: { n: number; start: number }[] = [];
  while ((m = re.exec(s))) raw.push({ n: Number(m[1]), start: m.index + m[0].length });
  const lengths = new Map<number, number>();
  for (const { n, start } of raw) {
    const end = s.indexOf("endobj", start);
    const body = s.slice(start, end).trim();
    if (/^\d+$/.test(body)) lengths.set(n, Number(body));
  }
  for (const { n, start } of raw) {
    const at = s.indexOf("stream", start);
    const end = s.indexOf("endobj", start);
    if (at < 0 || at > end) {
      out.set(n, { dict: s.slice(start, end) });
      continue;
    }
    const dict = s.slice(start, at);
    const lm = /\/Length\s+(\d+)(\s+0\s+R)?/.exec(dict);
    const length = lm ? (lm[2] ? lengths.get(Number(lm[1])) : Number(lm[1])) : undefined;
    let from = at + "stream".length;
    if (s[from] === "\r") from++;
    if (s[from] === "\n") from++;
    const bytes = pdf.subarray(from, length !== undefined ? from + length : s.indexOf("endstream", from));
    out.set(n, { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes });
  }
  return out;
}

/** A dictionary entry's text: an inline `<<…>>` or the dictionary of the object it refers to. */
function dictOf(objs: Map<number, PdfObject>, dict: string, key: string): string {
  const i = dict.indexOf(`/${key}`);
  if (i < 0) return "";
  let j = i + key.length + 1;
  while (/\s/.test(dict[j])) j++;
  if (dict.startsWith("<<", j)) {
    let depth = 0;
    for (let k = j; k < dict.length; k++) {
      if (dict.startsWith("<<", k)) {
        depth++;
        k++;
      } else if (dict.startsWith(">>", k)) {
        depth--;
        k++;
        if (depth === 0) return dict.slice(j, k + 1);
      }
    }
  }
  const ref = /^(\d+)\s+0\s+R/.exec(dict.slice(j));
  return ref ? (objs.get(Number(ref[1]))?.dict ?? "") : "";
}

interface Font {
  bytes: number;
  map: Map<number, string>;
}

const hexText = (h: string): string => {
  let out = "";
  for (let i = 0; i + 3 < h.length + 0; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
  return out;
};

/** A ToUnicode CMap: code → text, and the code length in bytes. */
function cmap(text: string): Font {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const bytes = space ? space[1].length / 2 : 1;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1], 16), hexText(m[2]));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const a = parseInt(m[1], 16);
      const b = parseInt(m[2], 16);
      if (m[3].startsWith("[")) {
        [...m[3].matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((x, i) => map.set(a + i, hexText(x[1])));
      } else {
        const first = parseInt(m[3].slice(1, -1), 16);
        for (let c = a; c <= b; c++) map.set(c, String.fromCharCode(first + c - a));
      }
    }
  return { bytes, map };
}

type Token = { op: string } | { num: number } | { name: string } | { str: Buffer } | { arr: Token[] };

function tokens(src: string): Token[] {
  const out: Token[][] = [[]];
  let i = 0;
  const push = (t: Token) => out[out.length - 1].push(t);
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === "%") while (i < src.length && src[i] !== "\n") i++;
    else if (c === "[") {
      out.push([]);
      i++;
    }
    else if (c === "]") {
      const arr = out.pop()!;
      push({ arr });
      i++;
    } else if (c === "<" && src[i + 1] !== "<") {
      const end = src.indexOf(">", i);
      const hex = src.slice(i + 1, end).replace(/\s/g, "");
      push({ str: Buffer.from(hex.length % 2 ? hex + "0" : hex, "hex") });
      i = end + 1;
    } else if (c === "(") {
      let depth = 1;
      let j = i + 1;
      const bytes: number[] = [];
      while (j < src.length && depth > 0) {
        const ch = src[j];
        if (ch === "\\") {
          const nx = src[j + 1];
          const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
          if (/[0-7]/.test(nx)) {
            const oct = /^[0-7]{1,3}/.exec(src.slice(j + 1))![0];
            bytes.push(parseInt(oct, 8));
            j += 1 + oct.length;
            continue;
          }
          bytes.push(esc[nx] ?? nx.charCodeAt(0));
          j += 2;
          continue;
        }
        if (ch === "(") depth++;
        if (ch === ")") depth--;
        if (depth > 0) bytes.push(ch.charCodeAt(0));
        j++;
      }
      push({ str: Buffer.from(bytes) });
      i = j;
    } else if (c === "/") {
      const m = /^\/[^\s/[\]()<>]*/.exec(src.slice(i, i + 200))![0];
      push({ name: m.slice(1) });
      i += m.length;
    } else if (src.startsWith("<<", i) || src.startsWith(">>", i)) i += 2;
    else {
      const m = /^[^\s/[\]()<>%]+/.exec(src.slice(i, i + 100));
      if (!m) {
        i++;
        continue;
      }
      const w = m[0];
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) push({ num: Number(w) });
      else push({ op: w });
      i += w.length;
    }
  }
  return out[0];
}

type Matrix = [number, number, number, number, number, number];
const mul = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];
const ID: Matrix = [1, 0, 0, 1, 0, 0];

function decode(font: Font | undefined, b: Buffer): string {
  if (!font) return b.toString("latin1");
  let out = "";
  for (let i = 0; i + font.bytes <= b.length; i += font.bytes) {
    const code = font.bytes === 2 ? b.readUInt16BE(i) : b[i];
    out += font.map.get(code) ?? "\uFFFD";
  }
  return out;
}

/** The text runs of every page, in page order (1-based page numbers). */
export function pdfTextRuns(pdf: Buffer): TextRun[] {
  const objs = objects(pdf);
  const runs: TextRun[] = [];
  const pages = [...objs.entries()].filter(([, o]) => /\/Type\s*\/Page(?!s)/.test(o.dict)).sort(([a], [b]) => a - b);
  // Page order: as the /Kids of the page tree list them.
  const kids = [...objs.values()].map((o) => /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(o.dict)).find(Boolean);
  const order = kids ? [...kids[1].matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1])) : pages.map(([n]) => n);
  order.forEach((n, pi) => {
    const page = objs.get(n);
    if (!page) return;
    const resources = dictOf(objs, page.dict, "Resources");
    const fontDict = dictOf(objs, resources, "Font");
    const fonts = new Map<string, Font>();
    for (const m of fontDict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+)\s+0\s+R/g)) {
      const f = objs.get(Number(m[2]));
      const tu = f && /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(f.dict);
      const stream = tu && objs.get(Number(tu[1]))?.stream;
      if (stream) fonts.set(m[1], cmap(stream.toString("latin1")));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict);
    const streams = contents ? [...contents[1].matchAll(/(\d+)\s+0\s+R/g)].map((m) => objs.get(Number(m[1]))?.stream).filter((x): x is Buffer => !!x) : [];
    const stack: Matrix[] = [];
    let ctm: Matrix = ID;
    let tm: Matrix = ID;
    let tlm: Matrix = ID;
    let font: Font | undefined;
    let fontSize = 0;
    let leading = 0;
    const args: Token[] = [];
    const num = (k: number) => (args[args.length - k] as { num: number }).num;
    const show = (bufs: Buffer[]) => {
      const m = mul(tm, ctm);
      const size = Math.abs(fontSize) * Math.hypot(m[2], m[3]);
      const text = bufs.map((b) => decode(font, b)).join("");
      if (text.trim()) runs.push({ page: pi + 1, text, size: Math.round(size * 100) / 100 });
    };
    for (const t of tokens(streams.map((s) => s.toString("latin1")).join("\n"))) {
      if (!("op" in t)) {
        args.push(t);
        continue;
      }
      switch (t.op) {
        case "q": stack.push(ctm); break;
        case "Q": ctm = stack.pop() ?? ID; break;
        case "cm": ctm = mul([num(6), num(5), num(4), num(3), num(2), num(1)], ctm); break;
        case "BT": tm = tlm = ID; break;
        case "Tf": {
          const name = args[args.length - 2] as { name: string };
          font = fonts.get(name.name);
          fontSize = num(1);
          break;
        }
        case "TL": leading = num(1); break;
        case "Td": tlm = tm = mul([1, 0, 0, 1, num(2), num(1)], tlm); break;
        case "TD": leading = -num(1); tlm = tm = mul([1, 0, 0, 1, num(2), num(1)], tlm); break;
        case "Tm": tlm = tm = [num(6), num(5), num(4), num(3), num(2), num(1)]; break;
        case "T*": tlm = tm = mul([1, 0, 0, 1, 0, -leading], tlm); break;
        case "Tj": case "'": case "\"": show([(args[args.length - 1] as { str: Buffer }).str]); break;
        case "TJ": show(((args[args.length - 1] as { arr: Token[] }).arr.filter((x) => "str" in x) as { str: Buffer }[]).map((x) => x.str)); break;
      }
      args.length = 0;
    }
  });
  return runs;
}
