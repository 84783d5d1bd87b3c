import { useEffect, useState } from "react";

/**
 * The editor's full-screen mode: on until toggled off or Esc. An Esc that the editor used
 * (Vim leaving insert mode, closing autocompletion) is marked handled and does not count.
 */
export function useFullScreen(): { fullScreen: boolean; toggle(): void } {
  const [fullScreen, setFullScreen] = useState(false);

  useEffect(() => {
    if (!fullScreen) return;
    const documentOnKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) setFullScreen(false);
    };
    document.addEventListener("keydown", documentOnKeyDown);
    // The page behind does not scroll under the editor.
    document.documentElement.classList.add("editor-full-screen");
    return () => {
      document.removeEventListener("keydown", documentOnKeyDown);
      document.documentElement.classList.remove("editor-full-screen");
    };
  }, [fullScreen]);

  return { fullScreen, toggle: () => setFullScreen((on) => !on) };
}
