/** The road map the tests paste: the demo's sample (src/demo/sampleRoadmap.ts), figures asserted on it. */
export { HEADER, PASTE } from "../../src/demo/sampleRoadmap";
