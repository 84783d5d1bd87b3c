import { useId } from "react";
import { FONT_SIZES, KeyBindings, TAB_SIZES, type EditorSettings } from "./editorSettings.ts";

const keyBindingLabels: Record<KeyBindings, string> = { default: "Standard", vim: "Vim", emacs: "Emacs" };

interface EditorSettingsMenuProps {
  settings: EditorSettings;
  onChange(change: Partial<EditorSettings>): void;
}

/**
 * The gear by the editor and its popover (the HTML `popover` attribute: Esc and a click
 * outside close it, and it shows above a full-screen editor).
 */
export function EditorSettingsMenu({ settings, onChange }: EditorSettingsMenuProps) {
  const popoverId = useId();
  const fontId = useId();
  const tabId = useId();
  const keysId = useId();
  return (
    <>
      <button type="button" className="button ghost small editor-settings-button" popoverTarget={popoverId} data-testid="editor-settings-button" aria-label="Editor settings" title="Editor settings">
        ⚙︎
      </button>
      <div id={popoverId} popover="auto" className="editor-settings" role="dialog" aria-label="Editor settings" data-testid="editor-settings">
        <h2>Editor settings</h2>
        <div className="field">
          <label htmlFor={fontId}>Font size</label>
          <select id={fontId} data-testid="setting-font-size" value={settings.fontSize} onChange={(event) => onChange({ fontSize: Number(event.target.value) })}>
            {FONT_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} px
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={tabId}>Tab size</label>
          <select id={tabId} data-testid="setting-tab-size" value={settings.tabSize} onChange={(event) => onChange({ tabSize: Number(event.target.value) })}>
            {TAB_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} spaces
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={keysId}>Key bindings</label>
          <select
            id={keysId}
            data-testid="setting-key-bindings"
            value={settings.keyBindings}
            onChange={(event) => {
              const parsed = KeyBindings.safeParse(event.target.value);
              if (parsed.success) onChange({ keyBindings: parsed.data });
            }}
          >
            {KeyBindings.options.map((choice) => (
              <option key={choice} value={choice}>
                {keyBindingLabels[choice]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}
