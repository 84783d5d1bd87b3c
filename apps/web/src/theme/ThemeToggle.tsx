import { useTheme, type ThemePreference } from "./ThemeProvider.tsx";

const labels: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };
const icons: Record<ThemePreference, string> = { system: "◐", light: "☀", dark: "☾" };

export function ThemeToggle() {
  const { preference, theme, cyclePreference } = useTheme();
  const detail = preference === "system" ? `${labels.system} (${theme})` : labels[preference];
  return (
    <button
      type="button"
      className="icon-button"
      onClick={cyclePreference}
      aria-label={`Theme: ${detail}. Change theme`}
      title={`Theme: ${detail}`}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{icons[preference]}</span>
      <span className="theme-label" aria-hidden="true">
        {labels[preference]}
      </span>
    </button>
  );
}
