import type { LanguageId } from "@judge/protocol";
import { Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { oneDark } from "@codemirror/theme-one-dark";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo, useRef } from "react";
import type { Theme } from "../theme/ThemeProvider.tsx";
import { useLanguageExtension } from "./languageSupport.ts";

interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  language: LanguageId;
  theme: Theme;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit(): void;
  /** Accessible name of the text area. */
  label: string;
  describedBy?: string;
}

/** CodeMirror 6 with the language's highlighting, loaded lazily; Ctrl/Cmd+Enter submits. */
export function CodeEditor({ value, onChange, language, theme, onSubmit, label, describedBy }: CodeEditorProps) {
  const languageExtension = useLanguageExtension(language);
  const submitRef = useRef(onSubmit);
  submitRef.current = onSubmit;

  const extensions = useMemo(
    () => [
      languageExtension,
      Prec.highest(
        keymap.of([
          {
            key: "Mod-Enter",
            run: () => {
              submitRef.current();
              return true;
            },
          },
        ]),
      ),
      EditorView.contentAttributes.of({
        "aria-label": label,
        "aria-multiline": "true",
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      }),
    ],
    [languageExtension, label, describedBy],
  );

  return (
    <CodeMirror
      className="code-editor"
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={theme === "dark" ? oneDark : "light"}
      height="100%"
      basicSetup={{ highlightActiveLine: true, foldGutter: true, autocompletion: true, tabSize: 4 }}
      indentWithTab
    />
  );
}
