import type { Extension } from "@codemirror/state";
import type { KeyBindings } from "./editorSettings.ts";

/**
 * Vim and Emacs key bindings from Replit's maintained CodeMirror 6 packages, loaded only by
 * those who pick them. A `Record`, so a new choice without a loader fails to compile.
 */
const loaders: Record<KeyBindings, () => Promise<Extension>> = {
  default: async () => [],
  vim: async () => (await import("@replit/codemirror-vim")).vim(),
  emacs: async () => (await import("@replit/codemirror-emacs")).emacs(),
};

export function loadKeyBindings(choice: KeyBindings): Promise<Extension> {
  return loaders[choice]();
}
