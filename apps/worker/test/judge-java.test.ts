import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["java"] });
});
afterAll(async () => {
  await judge.close();
});

const main = (body: string) =>
  `import java.util.*;\npublic class Main {\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n${body}\n  }\n}\n`;

test("java: AC, CE, RE and MLE (skipped where no JDK is installed)", async (ctx) => {
  if (!judge.languages().some((l) => l.id === "java")) {
    ctx.skip("no JDK here");
    return;
  }
  const sum = bundle([["1 2\n", "3\n"], ["5 7\n", "12\n"]]);
  assert.equal((await judgeOnce(judge, "java", main("System.out.println(in.nextLong() + in.nextLong());"), sum)).verdict, "AC");
  const ce = await judgeOnce(judge, "java", main("int x = ;"), sum);
  assert.equal(ce.verdict, "CE");
  assert.match(ce.compileOutput ?? "", /error/);
  assert.equal((await judgeOnce(judge, "java", main("throw new RuntimeException(\"boom\");"), sum)).verdict, "RE");
  const mle = await judgeOnce(
    judge,
    "java",
    main("List<long[]> keep = new ArrayList<>(); for (;;) keep.add(new long[1 << 20]);"),
    bundle([["", ""]], { memoryKb: 128 * 1024 }),
  );
  assert.equal(mle.verdict, "MLE", JSON.stringify(mle));
});
