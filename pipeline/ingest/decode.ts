/**
 * Encoding decision of exports.md §2.5: BOM first, then strict UTF-8, else Windows-1252 (decoded
 * with iconv-lite: Node 20's TextDecoder maps 0x80–0x9F wrongly).
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** A UTF-8 BOM in front of a Windows-1252 body (W_ENCODING_MIXED). */
  mixed: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a file's bytes; `forced` comes from the wave manifest. Returns null when a forced encoding fails. */
export function decodeBytes(bytes: Uint8Array, forced?: Encoding): Decoded | null {
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  if (forced) {
    if (forced === 'utf-8') {
      const text = tryUtf8(body);
      return text === null ? null : { text, encoding: 'utf-8', mixed: false };
    }
    return { text: iconv.decode(Buffer.from(body), forced === 'windows-1252' ? 'win1252' : forced), encoding: forced, mixed: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', mixed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', mixed: false };
  const utf8 = tryUtf8(body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', mixed: false };
  return { text: iconv.decode(Buffer.from(body), 'win1252'), encoding: 'windows-1252', mixed: hasUtf8Bom };
}

/** UTF-8 read as Windows-1252 leaves these pairs behind (Ã¥ Ã¸ Ã¦ Ã… Ã˜ Ã†). */
const MOJIBAKE = /Ã[¥¸¦…˜†]/;

export function hasMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}
