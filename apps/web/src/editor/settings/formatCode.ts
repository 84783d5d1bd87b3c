import type { LanguageId } from "@judge/protocol";

/** The languages Prettier formats in the browser; the Format button is disabled for the others. */
const parsers: Partial<Record<LanguageId, "babel" | "typescript">> = {
  javascript: "babel",
  typescript: "typescript",
};

export function canFormat(language: LanguageId): boolean {
  return parsers[language] !== undefined;
}

export class FormatError extends Error {
  readonly code = "FORMAT_FAILED";
  constructor(message: string) {
    super(message);
    this.name = "FormatError";
  }
}

/**
 * Prettier (standalone, with only the parser the language needs), imported on first use so
 * the main bundle does not carry it. Throws FormatError when the code does not parse.
 */
export async function formatCode(language: LanguageId, code: string, tabSize: number): Promise<string> {
  const parser = parsers[language];
  if (!parser) throw new FormatError(`No formatter for ${language}`);
  const [prettier, estree, syntax] = await Promise.all([
    import("prettier/standalone"),
    import("prettier/plugins/estree"),
    parser === "babel" ? import("prettier/plugins/babel") : import("prettier/plugins/typescript"),
  ]);
  try {
    return await prettier.format(code, { parser, plugins: [estree, syntax], tabWidth: tabSize });
  } catch (error) {
    // Prettier's message names the line and column of the syntax error: worth showing as is.
    throw new FormatError(error instanceof Error ? error.message.split("\n")[0] ?? "Could not format" : "Could not format");
  }
}
