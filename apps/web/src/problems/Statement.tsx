import Markdown, { type Options } from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import "katex/dist/katex.min.css";

const remarkPlugins: Options["remarkPlugins"] = [remarkGfm, remarkMath];
const rehypePlugins: Options["rehypePlugins"] = [[rehypeKatex, { throwOnError: false, strict: false }]];

/** A problem statement: GitHub-flavoured Markdown with $inline$ and $$display$$ math; raw HTML is not rendered. */
export function Statement({ markdown }: { markdown: string }) {
  return (
    <div className="statement" data-testid="statement">
      <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins}>
        {markdown}
      </Markdown>
    </div>
  );
}
