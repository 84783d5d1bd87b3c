/** `npm run keys`: fresh secrets for docker-compose's `.env` (token key pair, worker token). */
import { randomBytes } from "node:crypto";
import { generateTokenKeys } from "@judge/tokens";

const keys = await generateTokenKeys();
const oneLine = (pem: string) => pem.trim().replace(/\n/g, "\\n");
process.stdout.write(
  [
    `JWT_PRIVATE_KEY="${oneLine(keys.privateKey)}"`,
    `JWT_PUBLIC_KEY="${oneLine(keys.publicKey)}"`,
    `WORKER_TOKEN=${randomBytes(24).toString("hex")}`,
    `POSTGRES_PASSWORD=${randomBytes(18).toString("base64url")}`,
    "",
  ].join("\n"),
);
