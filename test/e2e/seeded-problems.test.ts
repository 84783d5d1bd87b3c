import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, it } from "vitest";
import { api, registerUser, startTestStack, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";

const naiveInversions = `#include <cstdio>
#include <vector>
int main(){int n;scanf("%d",&n);std::vector<int>a(n);for(auto&x:a)scanf("%d",&x);
long long c=0;for(int i=0;i<n;i++)for(int j=i+1;j<n;j++)if(a[i]>a[j])c++;printf("%lld\\n",c);}
`;
const fastInversions = `#include <cstdio>
#include <vector>
int n;std::vector<int>a,t;long long c=0;
void sort(int lo,int hi){if(hi-lo<2)return;int mid=(lo+hi)/2;sort(lo,mid);sort(mid,hi);
int i=lo,j=mid,k=lo;while(i<mid&&j<hi){if(a[j]<a[i]){c+=mid-i;t[k++]=a[j++];}else t[k++]=a[i++];}
while(i<mid)t[k++]=a[i++];while(j<hi)t[k++]=a[j++];for(int x=lo;x<hi;x++)a[x]=t[x];}
int main(){scanf("%d",&n);a.resize(n);t.resize(n);for(auto&x:a)scanf("%d",&x);sort(0,n);printf("%lld\\n",c);}
`;
// Areas printed with 7 decimals differ from the expected 9 in the last places: within 1e-6.
const roundedArea = "import math\nt = int(input())\nfor _ in range(t):\n    r = float(input())\n    print(f'{math.pi * r * r:.7f}')\n";
const wrongPi = "t = int(input())\nfor _ in range(t):\n    r = float(input())\n    print(f'{3.14 * r * r:.9f}')\n";

describe("the seeded problems judge as their statements promise", () => {
  let stack: TestStack;
  let user: { token: string };
  let ws: WsTestClient;

  beforeAll(async () => {
    stack = await startTestStack();
    user = await registerUser(stack.apiUrl);
    ws = await WsTestClient.connect(stack.notifierUrl, user.token);
  });
  afterAll(async () => {
    ws?.close();
    await stack?.teardown();
  });

  async function verdictOf(problem: string, language: string, code: string): Promise<string> {
    const res = await api<{ id: string }>(stack.apiUrl, "/api/submissions", { token: user.token, body: { problem, language, code } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    ws.send({ op: "subscribe", submissionId: res.body.id });
    const verdict = await ws.verdict(res.body.id, 120_000);
    assert.ok(verdict.type === "event" && verdict.kind === "verdict");
    return verdict.verdict;
  }

  it("count-inversions: O(n log n) is accepted, the O(n^2) double loop exceeds the time limit", async () => {
    assert.equal(await verdictOf("count-inversions", "cpp", fastInversions), "AC");
    assert.equal(await verdictOf("count-inversions", "cpp", naiveInversions), "TLE");
  });

  it("circle-area: answers within the tolerance are accepted, a poor pi is not", async () => {
    assert.equal(await verdictOf("circle-area", "python", roundedArea), "AC");
    assert.equal(await verdictOf("circle-area", "python", wrongPi), "WA");
  });
});
