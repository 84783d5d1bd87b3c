import { Difficulty } from "@judge/protocol";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { isApiError } from "../api/ApiError.ts";
import { fetchProfile } from "../api/endpoints.ts";
import { queryKeys } from "../api/queryKeys.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { difficultyLabel, formatAbsolute } from "../ui/format.ts";
import { useDocumentTitle } from "../ui/useDocumentTitle.ts";
import { HeatmapCalendar } from "./HeatmapCalendar.tsx";
import "./profile.css";

/** `/u/:username`: solved counts per difficulty and a year of submissions. */
export default function ProfilePage() {
  const { username = "" } = useParams();
  useDocumentTitle(username);
  const profile = useQuery({ queryKey: queryKeys.profile(username), queryFn: ({ signal }) => fetchProfile(username, signal) });

  if (profile.error) {
    return (
      <main id="main" className="page">
        <ErrorNotice error={profile.error} title={isApiError(profile.error, "NOT_FOUND") ? "No such user" : "Could not load the profile"} />
      </main>
    );
  }
  if (!profile.data) {
    return (
      <main id="main" className="page" aria-busy="true">
        <p className="hint">Loading the profile…</p>
      </main>
    );
  }
  const p = profile.data;
  const solved = Difficulty.options.reduce((sum, d) => sum + p.solved[d], 0);
  const all = Difficulty.options.reduce((sum, d) => sum + p.problems[d], 0);
  return (
    <main id="main" className="page profile-page">
      <h1 data-testid="profile-name">{p.username}</h1>
      <p className="hint">Member since {formatAbsolute(p.joinedAt)}</p>
      <section aria-labelledby="solved-heading" className="solved-panel">
        <h2 id="solved-heading">
          Solved <span data-testid="solved-total">{solved}</span> <span className="muted">/ {all}</span>
        </h2>
        <ul className="solved-bars">
          {Difficulty.options.map((d) => (
            <li key={d} data-testid={`solved-${d}`} data-solved={p.solved[d]}>
              <span className={`difficulty difficulty-${d}`}>{difficultyLabel[d]}</span>
              <progress max={Math.max(1, p.problems[d])} value={p.solved[d]} className={`solved-progress progress-${d}`} aria-label={`${difficultyLabel[d]} solved`} />
              <span className="solved-count">
                {p.solved[d]} <span className="muted">/ {p.problems[d]}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <HeatmapCalendar profile={p} />
      </section>
    </main>
  );
}
