/** State the services share through Redis: submissions' live progress and the judge fleet. */
export { LiveState, type Snapshot } from "./live-state.ts";
export { liveKeys, type LiveKeys } from "./keys.ts";
export { FleetRegistry } from "./fleet-registry.ts";
