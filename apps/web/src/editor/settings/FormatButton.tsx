import type { LanguageId } from "@judge/protocol";
import { useState } from "react";
import { canFormat, formatCode } from "./formatCode.ts";

interface FormatButtonProps {
  language: LanguageId;
  code: string;
  tabSize: number;
  onFormatted(code: string): void;
}

/** Format on demand with Prettier, for the languages it formats in the browser; disabled for the others. */
export function FormatButton({ language, code, tabSize, onFormatted }: FormatButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const available = canFormat(language);

  const format = async () => {
    setBusy(true);
    setError(null);
    try {
      onFormatted(await formatCode(language, code, tabSize));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button ghost small"
        data-testid="format-button"
        disabled={!available || busy}
        title={available ? "Format with Prettier" : "No formatter for this language in the browser"}
        onClick={() => void format()}
      >
        {busy ? "Formatting…" : "Format"}
      </button>
      {error && (
        <p className="notice error format-error" role="alert" data-testid="format-error">
          {error}
        </p>
      )}
    </>
  );
}
