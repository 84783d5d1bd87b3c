/**
 * A problem statement in LaTeX (the subset Kattis packages use: problemtools' `\problemname`,
 * sections, lists, tables, figures, Input/Output environments) as the Markdown + `$math$`
 * the web app renders with KaTeX. Pure: no files are read; images are returned by name so the
 * caller can keep them. Commands it does not know keep their arguments' text and are reported.
 */
export interface LatexStatement {
  /** from `\problemname{…}`, null when absent */
  title: string | null;
  markdown: string;
  /** file names of `\includegraphics` / `\illustration`, as written */
  images: string[];
  /** commands and environments not understood, each once, without the backslash */
  unknown: string[];
}

/** Commands that only lay out the page: dropped with their (non-text) arguments. */
const layoutCommands: Record<string, number> = {
  noindent: 0,
  indent: 0,
  medskip: 0,
  bigskip: 0,
  smallskip: 0,
  centering: 0,
  par: 0,
  clearpage: 0,
  newpage: 0,
  pagebreak: 0,
  hline: 0,
  toprule: 0,
  midrule: 0,
  bottomrule: 0,
  raggedright: 0,
  label: 1,
  vspace: 1,
  "vspace*": 1,
  hspace: 1,
  "hspace*": 1,
  sampletable: 0,
  samplesection: 0,
};

/** Commands whose single argument is shown as it is. */
const plainCommands = new Set(["textrm", "textsf", "textsc", "textnormal", "mbox", "text", "textup", "textmd", "ensuremath", "caption"]);

const symbols: Record<string, string> = {
  ldots: "…",
  dots: "…",
  LaTeX: "LaTeX",
  TeX: "TeX",
  textbackslash: "\\",
  textasciitilde: "~",
  textasciicircum: "^",
  S: "§",
  copyright: "©",
  newline: "  \n",
};

const escapes = new Set(["%", "&", "_", "#", "$", "{", "}", " ", ","]);

const sectionEnvironments: Record<string, string> = {
  Input: "Input",
  Output: "Output",
  Interaction: "Interaction",
  Scoring: "Scoring",
};

/** Marks a list item until its list is laid out (a character no statement contains). */
const ITEM = "\u0000item ";

class Converter {
  readonly images: string[] = [];
  readonly unknown = new Set<string>();
  title: string | null = null;

  convert(src: string): string {
    let out = "";
    let i = 0;
    while (i < src.length) {
      const c = src[i]!;
      if (c === "$") {
        const display = src[i + 1] === "$";
        const close = display ? src.indexOf("$$", i + 2) : findInlineMathEnd(src, i + 1);
        if (close < 0) {
          out += src.slice(i);
          break;
        }
        const tex = src.slice(i + (display ? 2 : 1), close);
        out += display ? displayMath(tex) : `$${tex.trim()}$`;
        i = close + (display ? 2 : 1);
      } else if (c === "\\") {
        const [text, next] = this.command(src, i);
        out += text;
        i = next;
      } else if (c === "{") {
        const end = matchingBrace(src, i);
        out += this.convert(src.slice(i + 1, end));
        i = end + 1;
      } else if (c === "}" || ((c === " " || c === "\t") && (out === "" || out.endsWith("\n")))) {
        i++;
      } else if (c === "~") {
        out += "\u00a0";
        i++;
      } else if (src.startsWith("---", i)) {
        out += "—";
        i += 3;
      } else if (src.startsWith("--", i)) {
        out += "–";
        i += 2;
      } else if (src.startsWith("``", i) || src.startsWith("''", i)) {
        out += '"';
        i += 2;
      } else if (c === "`") {
        out += "'";
        i++;
      } else if (c === "*" || c === "_" || c === "<" || c === ">") {
        out += `\\${c}`;
        i++;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  /** The command at src[i] === "\\": its Markdown and the index after it and its arguments. */
  private command(src: string, i: number): [string, number] {
    const next = src[i + 1];
    if (next === undefined) return ["", i + 1];
    if (next === "[") {
      const close = src.indexOf("\\]", i + 2);
      if (close >= 0) return [displayMath(src.slice(i + 2, close)), close + 2];
    }
    if (next === "(") {
      const close = src.indexOf("\\)", i + 2);
      if (close >= 0) return [`$${src.slice(i + 2, close).trim()}$`, close + 2];
    }
    if (next === "\\") {
      const spacing = new ArgReader(src, i + 2);
      spacing.optional();
      return ["  \n", spacing.pos];
    }
    if (!/[A-Za-z]/.test(next)) return [escapes.has(next) ? (next === "_" ? "\\_" : next === " " || next === "," ? " " : next) : next, i + 2];
    let j = i + 1;
    while (j < src.length && /[A-Za-z]/.test(src[j]!)) j++;
    let name = src.slice(i + 1, j);
    if (src[j] === "*") {
      name += "*";
      j++;
    }
    const args = new ArgReader(src, j);
    const result = this.apply(name, args);
    if (result === null) {
      this.unknown.add(name);
      const text = args.rest(this);
      return [text, args.pos];
    }
    return [result, args.pos];
  }

  private apply(name: string, args: ArgReader): string | null {
    const base = name.replace(/\*$/, "");
    if (name === "begin") return this.environment(args);
    if (name in layoutCommands) {
      for (let k = 0; k < layoutCommands[name]!; k++) args.required();
      args.skipSpace();
      return "";
    }
    if (name in symbols) {
      args.emptyGroup();
      return symbols[name]!;
    }
    if (plainCommands.has(name)) return this.convert(args.required() ?? "");
    switch (base) {
      case "problemname":
        this.title = this.convert(args.required() ?? "").trim();
        return "";
      case "section":
      case "subsection":
      case "subsubsection": {
        args.optional();
        const level = base === "section" ? "##" : base === "subsection" ? "###" : "####";
        return `\n\n${level} ${this.convert(args.required() ?? "").trim()}\n\n`;
      }
      case "paragraph":
        return `\n\n**${this.convert(args.required() ?? "").trim()}** `;
      case "emph":
      case "textit":
      case "textsl":
        return wrap("*", this.convert(args.required() ?? ""));
      case "textbf":
        return wrap("**", this.convert(args.required() ?? ""));
      case "underline":
        return this.convert(args.required() ?? "");
      case "texttt":
      case "verb":
        return code(unescapeText(args.required() ?? ""));
      case "url":
        return `<${args.required() ?? ""}>`;
      case "href": {
        const url = args.required() ?? "";
        return `[${this.convert(args.required() ?? "").trim()}](${url})`;
      }
      case "footnote":
        return ` (${this.convert(args.required() ?? "").trim()})`;
      case "includegraphics": {
        args.optional();
        const file = (args.required() ?? "").trim();
        this.images.push(file);
        return `![](${file})`;
      }
      case "illustration": {
        // problemtools: \illustration{width}{file}{caption}
        args.required();
        const file = (args.required() ?? "").trim();
        const caption = this.convert(args.required() ?? "").trim();
        this.images.push(file);
        const alt = caption.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[[\]*]/g, "");
        return `\n\n![${alt}](${file})${caption === "" ? "" : `\n\n*${caption}*`}\n\n`;
      }
      case "item": {
        const label = args.optional();
        return label === null ? ITEM : `${ITEM}**${this.convert(label).trim()}**`;
      }
      default:
        return null;
    }
  }

  private environment(args: ArgReader): string {
    const env = (args.required() ?? "").trim();
    const body = args.environmentBody(env);
    if (env in sectionEnvironments) return `\n\n## ${sectionEnvironments[env]}\n\n${this.convert(body)}\n\n`;
    switch (env) {
      case "itemize":
      case "enumerate":
      case "description":
        return `\n\n${this.list(body, env === "enumerate")}\n\n`;
      case "tabular":
      case "tabular*":
        return `\n\n${this.table(body)}\n\n`;
      case "equation":
      case "equation*":
      case "align":
      case "align*":
      case "displaymath":
        return displayMath(env.startsWith("align") ? `\\begin{aligned}${body}\\end{aligned}` : body);
      case "verbatim":
        return `\n\n\`\`\`\n${body.replace(/^\n/, "")}\n\`\`\`\n\n`;
      case "quote":
      case "quotation":
        return `\n\n${this.convert(body)
          .trim()
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n")}\n\n`;
      case "center":
      case "flushleft":
      case "flushright":
      case "figure":
      case "figure*":
      case "table":
      case "minipage":
      case "wrapfigure":
        return `\n\n${this.convert(stripEnvironmentOptions(body))}\n\n`;
      default:
        this.unknown.add(`begin{${env}}`);
        return `\n\n${this.convert(body)}\n\n`;
    }
  }

  private list(body: string, numbered: boolean): string {
    const items = this.convert(body).split(ITEM).slice(1);
    return items
      .map((item, n) => {
        const marker = numbered ? `${n + 1}. ` : "- ";
        const lines = tidy(item).split("\n");
        return marker + lines.map((line, k) => (k === 0 || line === "" ? line : " ".repeat(marker.length) + line)).join("\n");
      })
      .join("\n");
  }

  private table(body: string): string {
    const spec = new ArgReader(body, 0);
    spec.required();
    const rows = splitTopLevel(body.slice(spec.pos), "\\\\")
      .map((row) => row.replace(/\\(hline|toprule|midrule|bottomrule)\b|\\cline\{[^}]*\}/g, "").trim())
      .filter((row) => row !== "")
      .map((row) => splitTopLevel(row, "&").map((cell) => this.convert(cell).replace(/\s+/g, " ").trim().replace(/\|/g, "\\|")));
    if (rows.length === 0) return "";
    const width = Math.max(...rows.map((r) => r.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] ?? "").join(" | ")} |`;
    return [line(rows[0]!), line(Array(width).fill("---")), ...rows.slice(1).map(line)].join("\n");
  }
}

/** Reads a command's arguments from src at pos, moving pos past them. */
class ArgReader {
  constructor(
    private readonly src: string,
    public pos: number,
  ) {}

  skipSpace(): void {
    while (this.pos < this.src.length && /[ \t]/.test(this.src[this.pos]!)) this.pos++;
  }

  /** `{…}` after optional spaces (one newline allowed), or null */
  required(): string | null {
    const start = this.pos;
    this.skipSpace();
    if (this.src[this.pos] === "\n") {
      this.pos++;
      this.skipSpace();
    }
    if (this.src[this.pos] !== "{") {
      this.pos = start;
      return null;
    }
    const end = matchingBrace(this.src, this.pos);
    const content = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return content;
  }

  optional(): string | null {
    const start = this.pos;
    this.skipSpace();
    if (this.src[this.pos] !== "[") {
      this.pos = start;
      return null;
    }
    const end = this.src.indexOf("]", this.pos);
    if (end < 0) return null;
    const content = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return content;
  }

  emptyGroup(): void {
    if (this.src.startsWith("{}", this.pos)) this.pos += 2;
  }

  /** An unknown command's arguments, converted and joined, so their text is not lost. */
  rest(converter: Converter): string {
    const parts: string[] = [];
    while (this.optional() !== null) {}
    for (let arg = this.required(); arg !== null; arg = this.required()) parts.push(converter.convert(arg));
    return parts.join(" ");
  }

  /** The text up to the matching `\end{env}` (nested ones of the same name counted). */
  environmentBody(env: string): string {
    const open = `\\begin{${env}}`;
    const close = `\\end{${env}}`;
    let depth = 1;
    let k = this.pos;
    while (depth > 0) {
      const nextOpen = this.src.indexOf(open, k);
      const nextClose = this.src.indexOf(close, k);
      if (nextClose < 0) {
        const body = this.src.slice(this.pos);
        this.pos = this.src.length;
        return body;
      }
      if (nextOpen >= 0 && nextOpen < nextClose) {
        depth++;
        k = nextOpen + open.length;
      } else {
        depth--;
        k = nextClose + close.length;
      }
    }
    const body = this.src.slice(this.pos, k - close.length);
    this.pos = k;
    return body;
  }
}

function matchingBrace(src: string, open: number): number {
  let depth = 0;
  for (let k = open; k < src.length; k++) {
    const c = src[k];
    if (c === "\\") k++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return k;
  }
  return src.length;
}

function findInlineMathEnd(src: string, from: number): number {
  for (let k = from; k < src.length; k++) {
    if (src[k] === "\\") k++;
    else if (src[k] === "$") return k;
  }
  return -1;
}

/** Split at `sep` outside braces and math. */
function splitTopLevel(src: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let math = false;
  let start = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (src.startsWith(sep, k) && depth === 0 && !math) {
      parts.push(src.slice(start, k));
      k += sep.length - 1;
      start = k + 1;
    } else if (c === "\\") k++;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "$") math = !math;
  }
  parts.push(src.slice(start));
  return parts;
}

function stripEnvironmentOptions(body: string): string {
  return body.replace(/^\s*\[[^\]]*\]/, "");
}

function displayMath(tex: string): string {
  return `\n\n$$\n${tex.trim()}\n$$\n\n`;
}

function wrap(marker: string, text: string): string {
  const inner = text.trim();
  return inner === "" ? "" : `${marker}${inner}${marker}`;
}

function code(text: string): string {
  const fence = text.includes("`") ? "`` " : "`";
  return `${fence}${text}${fence === "`` " ? " ``" : "`"}`;
}

function unescapeText(tex: string): string {
  return tex.replace(/\\([%&_#${}])/g, "$1").replace(/\\textbackslash(\{\})?/g, "\\").replace(/~/g, " ");
}

/** Drop comments and leading indentation (4 spaces would make a Markdown code block). */
function prepare(tex: string): string {
  return tex
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/(^|[^\\])%.*$/, "$1").replace(/^[ \t]+/, ""))
    .join("\n");
}

/** Collapse runs of blank lines and trailing spaces other than hard breaks. */
function tidy(markdown: string): string {
  return markdown
    .replace(/[ \t]+$/gm, (spaces) => (spaces === "  " ? spaces : ""))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function latexToMarkdown(tex: string): LatexStatement {
  const converter = new Converter();
  const body = prepare(tex);
  const start = body.indexOf("\\begin{document}");
  const end = body.lastIndexOf("\\end{document}");
  const document = start >= 0 ? body.slice(start + "\\begin{document}".length, end > start ? end : undefined) : body;
  const markdown = tidy(converter.convert(document).replaceAll(ITEM, "- "));
  return { title: converter.title, markdown, images: converter.images, unknown: [...converter.unknown] };
}
