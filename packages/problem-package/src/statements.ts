import type { Attribution } from "@judge/protocol";
import { PackageError } from "./errors.ts";
import { latexToMarkdown } from "./latex-statement.ts";
import type { PackageFiles } from "./package-files.ts";

/** A package's statements, every language, as Markdown (+ $math$). */
export interface PackageStatements {
  /** the language shown: English, else the only or first one */
  language: string;
  /** language → Markdown, the shown one included */
  statements: Record<string, string>;
  /** language → `\problemname` of a LaTeX statement */
  titles: Record<string, string>;
  /** image and other files the statements refer to, as written in them */
  images: string[];
  /** what was not understood, one line each, naming the file */
  warnings: string[];
}

/**
 * Statement files in both layouts: legacy `problem_statement/problem.<lang>.md|tex` (and
 * `problem.md|tex`, taken as English) and 2023-07 `statement/problem.<lang>.md|tex`.
 * For one language Markdown wins over LaTeX, and the 2023-07 folder over the legacy one.
 */
const statementFile = /^(statement|problem_statement)\/problem(?:\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?))?\.(md|tex)$/;

export function statementsOf(files: PackageFiles, problem: string, text: (path: string) => string): PackageStatements {
  const chosen = new Map<string, { path: string; rank: number }>();
  for (const path of files.keys()) {
    const match = statementFile.exec(path);
    if (match === null) continue;
    const language = match[2] ?? "en";
    const rank = (match[1] === "statement" ? 2 : 0) + (match[3] === "md" ? 1 : 0);
    const current = chosen.get(language);
    if (current === undefined || rank > current.rank) chosen.set(language, { path, rank });
  }
  if (chosen.size === 0) {
    throw new PackageError(problem, "statement/", "missing: no problem.<language>.md or .tex in statement/ or problem_statement/");
  }
  const statements: Record<string, string> = {};
  const titles: Record<string, string> = {};
  const images = new Set<string>();
  const warnings: string[] = [];
  for (const [language, { path }] of [...chosen].sort(([a], [b]) => a.localeCompare(b))) {
    const source = text(path);
    if (path.endsWith(".md")) {
      statements[language] = source;
      for (const image of markdownImages(source)) images.add(image);
      continue;
    }
    const converted = latexToMarkdown(source);
    statements[language] = converted.markdown;
    if (converted.title !== null && converted.title !== "") titles[language] = converted.title;
    for (const image of converted.images) images.add(image);
    if (converted.unknown.length > 0) warnings.push(`${path}: LaTeX not understood, its text kept: ${converted.unknown.map((c) => `\\${c}`).join(", ")}`);
  }
  const languages = Object.keys(statements);
  const language = languages.includes("en") ? "en" : languages[0]!;
  return { language, statements, titles, images: [...images], warnings };
}

/** Relative image references `![alt](file)` in a Markdown statement (URLs left out). */
function markdownImages(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("/"));
}

/** problem.yaml's attribution fields, in either format's shape (any other keys are ignored). */
export type YamlAttribution = Readonly<Record<string, unknown>> & {
  author?: unknown;
  source?: unknown;
  source_url?: unknown;
  license?: unknown;
  rights_owner?: unknown;
  credits?: unknown;
};

/**
 * Author, source, license and rights owner, as cc-by-sa asks; null when the package names none
 * of them. Legacy: `author`, `source`, `source_url`; 2023-07: `credits.authors` (or `credits`
 * as a string), `source` as a string, {name, url} or a list of them.
 */
export function attributionOf(yaml: YamlAttribution): Attribution | null {
  const named = (value: unknown): { name: string; url?: string }[] => {
    if (typeof value === "string") return value.trim() === "" ? [] : [{ name: value.trim() }];
    if (Array.isArray(value)) return value.flatMap(named);
    if (value !== null && typeof value === "object") {
      const { name, url } = value as { name?: unknown; url?: unknown };
      if (typeof name === "string") return [typeof url === "string" ? { name, url } : { name }];
    }
    return [];
  };
  const credits = yaml.credits !== null && typeof yaml.credits === "object" ? (yaml.credits as { authors?: unknown }) : {};
  const authors = [...named(yaml.author), ...named(credits.authors ?? (typeof yaml.credits === "string" ? yaml.credits : undefined))].map((a) => a.name);
  const sources = named(yaml.source);
  const sourceUrl = sources.find((s) => s.url !== undefined)?.url ?? (typeof yaml.source_url === "string" ? yaml.source_url : undefined);
  const rightsOwner = named(yaml.rights_owner).map((r) => r.name);
  const attribution: Attribution = {
    authors,
    ...(sources.length > 0 ? { source: sources.map((s) => s.name).join(", ") } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    ...(typeof yaml.license === "string" && yaml.license !== "" ? { license: yaml.license } : {}),
    ...(rightsOwner.length > 0 ? { rightsOwner: rightsOwner.join(", ") } : {}),
  };
  return Object.keys(attribution).length === 1 && authors.length === 0 ? null : attribution;
}

/** The attribution as one Markdown line, appended to each statement. */
export function attributionLine(attribution: Attribution): string {
  const source = attribution.source === undefined ? undefined : attribution.sourceUrl === undefined ? attribution.source : `[${attribution.source}](${attribution.sourceUrl})`;
  const parts = [
    attribution.authors.length > 0 ? `Author: ${attribution.authors.join(", ")}` : null,
    source === undefined ? null : `Source: ${source}`,
    attribution.license === undefined ? null : `License: ${attribution.license}`,
    attribution.rightsOwner === undefined ? null : `Rights owner: ${attribution.rightsOwner}`,
  ].filter((part): part is string => part !== null);
  return `*${parts.join(". ")}.*`;
}
