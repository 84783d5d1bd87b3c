import { memo } from "react";
import Markdown, { type Options } from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
// The stylesheet of the very KaTeX that rehype-katex renders with: apps/web depends on the
// same katex range as rehype-katex (^0.16), so npm installs one copy. A newer stylesheet
// over 0.16's markup drew sub- and superscripts at full size.
import "katex/dist/katex.min.css";

const remarkPlugins: Options["remarkPlugins"] = [remarkGfm, remarkMath];
const rehypePlugins: Options["rehypePlugins"] = [[rehypeKatex, { throwOnError: false, strict: false }]];

/**
 * remark-math reads `$$…$$` within a line as inline math; statements often mean a display
 * formula by a line that holds only that, so such a line becomes a math block.
 */
function displayMathLines(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split("\n")
    .map((line) => {
      const opener = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (opener !== undefined) {
        if (fence === null) fence = opener[0] ?? null;
        else if (opener[0] === fence) fence = null;
        return line;
      }
      if (fence !== null) return line;
      const tex = /^\s*\$\$([^$]+)\$\$\s*$/.exec(line)?.[1];
      return tex === undefined ? line : `$$\n${tex.trim()}\n$$`;
    })
    .join("\n");
}

/** A problem statement: GitHub-flavoured Markdown with $inline$ and $$display$$ math; raw HTML is not rendered. */
export const Statement = memo(function Statement({ markdown }: { markdown: string }) {
  return (
    <div className="statement" data-testid="statement">
      <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins}>
        {displayMathLines(markdown)}
      </Markdown>
    </div>
  );
});
