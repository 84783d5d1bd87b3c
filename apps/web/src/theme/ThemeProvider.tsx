import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { safeStorage } from "../ui/storage.ts";

export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";

const STORAGE_KEY = "judge:theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";
const nextPreference: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };

interface ThemeContextValue {
  preference: ThemePreference;
  /** What is shown: the preference, or the system's choice for "system". */
  theme: Theme;
  cyclePreference(): void;
}

const ThemeContext = createContext<ThemeContextValue | null>(null);

function readPreference(): ThemePreference {
  const stored = safeStorage.get(STORAGE_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

function subscribeToSystem(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

const systemIsDark = () => window.matchMedia(DARK_QUERY).matches;

/** Follows the system's light/dark choice unless the user picked one; sets `data-theme` on <html>. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [preference, setPreference] = useState<ThemePreference>(readPreference);
  const dark = useSyncExternalStore(subscribeToSystem, systemIsDark);
  const theme: Theme = preference === "system" ? (dark ? "dark" : "light") : preference;

  useEffect(() => {
    const root = document.documentElement;
    if (preference === "system") delete root.dataset.theme;
    else root.dataset.theme = preference;
  }, [preference]);

  const cyclePreference = useCallback(() => {
    setPreference((current) => {
      const next = nextPreference[current];
      if (next === "system") safeStorage.remove(STORAGE_KEY);
      else safeStorage.set(STORAGE_KEY, next);
      return next;
    });
  }, []);

  const value = useMemo(() => ({ preference, theme, cyclePreference }), [preference, theme, cyclePreference]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (value === null) throw new Error("useTheme outside ThemeProvider");
  return value;
}
