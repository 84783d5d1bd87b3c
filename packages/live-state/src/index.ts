export { LiveState, type Snapshot } from "./live-state.ts";
export { liveKeys, type LiveKeys } from "./keys.ts";
