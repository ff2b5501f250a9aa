/** jsdom has no TextEncoder/TextDecoder; the simulated host measures request bytes with them. Import before src/sim. */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
export {};
