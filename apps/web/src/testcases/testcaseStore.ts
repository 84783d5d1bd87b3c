import { z } from "zod";
import { safeStorage } from "../ui/storage.ts";
import { MAX_CASES, sameCases, type CaseField, type TestCase } from "./testcases.ts";

const casesKey = (problem: string) => `judge:testcases:${problem}`;

/** What is kept: the field names too, so cases saved for an older signature are dropped, not misread. */
const SavedCases = z.object({
  v: z.literal(1),
  fields: z.array(z.string()),
  cases: z.array(z.array(z.string())).min(1).max(MAX_CASES),
});

function parseSaved(raw: string | null): z.infer<typeof SavedCases> | null {
  if (raw === null) return null;
  try {
    const parsed = SavedCases.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The cases last edited on this problem, or null (the panel then starts from the examples). */
export function loadCases(problem: string, fields: readonly CaseField[]): TestCase[] | null {
  const saved = parseSaved(safeStorage.get(casesKey(problem)));
  if (saved === null) return null;
  const names = fields.map((f) => f.name);
  const fits = saved.fields.length === names.length && saved.fields.every((name, i) => name === names[i]);
  if (!fits || saved.cases.some((c) => c.length !== names.length)) return null;
  return saved.cases;
}

/** Keeps the cases; the examples unchanged are no edit, so a later change of them shows through. */
export function saveCases(problem: string, fields: readonly CaseField[], cases: readonly TestCase[], examples: readonly TestCase[]): void {
  if (sameCases(cases, examples)) {
    safeStorage.remove(casesKey(problem));
    return;
  }
  safeStorage.set(casesKey(problem), JSON.stringify({ v: 1, fields: fields.map((f) => f.name), cases }));
}
