export { createNotifier, type Notifier, type NotifierOptions } from "./notifier.ts";
export { loadNotifierConfig, NotifierEnv, type NotifierConfig, type NotifierLimits } from "./config.ts";
export { CloseCode } from "./client-session.ts";
export type { NotifierStats } from "./metrics.ts";
