/**
 * UTF-8 encoding and decoding for core without a DOM or Node type library: every JavaScript
 * runtime Ketenregie runs on (Node, browsers) has `TextEncoder` and `TextDecoder`, but core's
 * type configuration deliberately includes neither, so this module types the small part it uses.
 */

interface Utf8Decoder {
  decode(input: Uint8Array): string;
}

interface Utf8Encoder {
  encode(input: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

const runtime = globalThis as unknown as {
  TextDecoder: new (label: 'utf-8') => Utf8Decoder;
  TextEncoder: new () => Utf8Encoder;
};

const decoder = new runtime.TextDecoder('utf-8');
const encoder = new runtime.TextEncoder();

/** Decodes UTF-8 bytes (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Encodes a string as UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Encodes `text` into `target` (at least 3 bytes per UTF-16 unit of room) and returns the bytes written. */
export function encodeUtf8Into(text: string, target: Uint8Array): number {
  return encoder.encodeInto(text, target).written;
}
