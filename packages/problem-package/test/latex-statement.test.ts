import assert from "node:assert/strict";
import { test } from "vitest";
import { latexToMarkdown } from "../src/latex-statement.ts";

test("problemname, sections, paragraphs, emphasis, code and links", () => {
  const { title, markdown, unknown } = latexToMarkdown(String.raw`\problemname{Counting Sheep}
% a comment that must vanish
    Bo counts \emph{sheep}; \textbf{all} of them, 100\% sure~-- says \textit{she}.
See \url{https://example.com/x} and \href{https://example.org}{the site}, type \texttt{a\_b}.

\section*{Input}
One line with ${"``"}two'' numbers.
\subsection*{Limits}
Text.`);
  assert.equal(title, "Counting Sheep");
  assert.doesNotMatch(markdown, /comment/);
  assert.match(markdown, /^Bo counts \*sheep\*; \*\*all\*\* of them, 100% sure\u00a0– says \*she\*\./);
  assert.match(markdown, /See <https:\/\/example\.com\/x> and \[the site\]\(https:\/\/example\.org\), type `a_b`\./);
  assert.match(markdown, /\n\n## Input\n\nOne line with "two" numbers\.\n\n### Limits\n\nText\.$/);
  assert.deepEqual(unknown, []);
});

test("math is kept for KaTeX: inline, $$ and \\[ \\] as display blocks", () => {
  const { markdown } = latexToMarkdown(String.raw`Let $1 \le n \le 10^{5}$ and $a_i$ be given:
$$\sum_{i=1}^{n} a_i$$
or \[ x^2 \% 7 \] then \(y\).`);
  assert.match(markdown, /Let \$1 \\le n \\le 10\^\{5\}\$ and \$a_i\$ be given:/);
  assert.match(markdown, /\n\n\$\$\n\\sum_\{i=1\}\^\{n\} a_i\n\$\$\n\n/);
  assert.match(markdown, /\n\n\$\$\nx\^2 \\% 7\n\$\$\n\nthen \$y\$\./);
});

test("itemize, enumerate (nested) and description lists", () => {
  const { markdown } = latexToMarkdown(String.raw`\begin{itemize}
  \item first
  \item second with $x$
  \begin{enumerate}
    \item inner one
    \item inner two
  \end{enumerate}
\end{itemize}
\begin{description}
\item[Red] a colour
\end{description}`);
  assert.match(markdown, /^- first\n- second with \$x\$\n\n {2}1\. inner one\n {2}2\. inner two/);
  assert.match(markdown, /- \*\*Red\*\* a colour$/);
});

test("a tabular becomes a Markdown table; hlines dropped, math with & kept in its cell", () => {
  const { markdown } = latexToMarkdown(String.raw`\begin{center}
\begin{tabular}{|l|c|}
\hline
Group & Points \\ \hline
1 & $n \le 10$ \\
2 & \emph{rest} \\ \hline
\end{tabular}
\end{center}`);
  assert.equal(markdown, "| Group | Points |\n| --- | --- |\n| 1 | $n \\le 10$ |\n| 2 | *rest* |");
});

test("images: includegraphics and illustration are referenced and listed", () => {
  const { markdown, images } = latexToMarkdown(String.raw`\illustration{0.3}{sheep.png}{A sheep, drawn by Bo}
\begin{figure}[h]
\centering
\includegraphics[width=0.5\textwidth]{fence}
\end{figure}`);
  assert.deepEqual(images, ["sheep.png", "fence"]);
  assert.match(markdown, /!\[A sheep, drawn by Bo\]\(sheep\.png\)\n\n\*A sheep, drawn by Bo\*/);
  assert.match(markdown, /!\[\]\(fence\)/);
});

test("Input/Output environments become sections; sample tables are left to the judge's samples", () => {
  const { markdown, unknown } = latexToMarkdown(String.raw`\documentclass{kattis}
\begin{document}
\problemname{P}
Story.
\begin{Input}
Two integers.
\end{Input}
\begin{Output}
Their sum.
\end{Output}
\sampletable
\end{document}`);
  assert.equal(markdown, "Story.\n\n## Input\n\nTwo integers.\n\n## Output\n\nTheir sum.");
  assert.deepEqual(unknown, []);
});

test("unknown commands and environments keep their text and are reported", () => {
  const { markdown, unknown } = latexToMarkdown(String.raw`A \weird[opt]{kept text} b \begin{mystery}inside\end{mystery} c \foo.`);
  assert.match(markdown, /A kept text b/);
  assert.match(markdown, /inside/);
  assert.match(markdown, /c \./);
  assert.deepEqual(unknown.sort(), ["begin{mystery}", "foo", "weird"]);
});

test("an illustration's caption with a link: the alt text is plain, the caption keeps the link", () => {
  const { markdown } = latexToMarkdown(String.raw`\illustration{.3}{owl.jpg}{Owl by Kim, \href{https://e.com/l}{\emph{cc-by}}}`);
  assert.equal(markdown, "![Owl by Kim, cc-by](owl.jpg)\n\n*Owl by Kim, [*cc-by*](https://e.com/l)*");
});

test("Markdown-special characters in text are escaped, not in math", () => {
  const { markdown } = latexToMarkdown("Use a*b and $a*b < c$ here.");
  assert.equal(markdown, "Use a\\*b and $a*b < c$ here.");
});
