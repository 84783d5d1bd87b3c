import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Migration SQL between two datamodels, computed offline by Prisma's schema engine compiled
 * to WebAssembly: the native engine cannot be downloaded on our machines (ENVIRONMENT.md).
 * Dev-time only; the running services never load it.
 */

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

interface SchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

type WasmExports = Record<string, unknown>;
/** The slice of the WebAssembly global we use; the project's `lib` has no DOM/wasm typings. */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: WasmExports } }>;
}

interface EngineModule {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<SchemaEngine> };
}

export interface Datamodel {
  path: string;
  content: string;
}

/**
 * The package's own `schema_engine.js` imports the `.wasm` as an ES module, which Node 20
 * supports only behind a flag; so instantiate the wasm here and hand it to the glue code.
 */
let engineModule: Promise<EngineModule> | undefined;
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiateEngineModule();
  return engineModule;
}

/** The glue reports a Rust panic's message here before it throws. */
interface PanicRegistry {
  message: string;
  set_message(message: string): void;
}
const panicRegistry: PanicRegistry = {
  message: "",
  set_message(message: string) {
    this.message = message;
  },
};

async function instantiateEngineModule(): Promise<EngineModule> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import(gluePath)) as unknown as EngineModule & Record<string, unknown>;
  const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { instance } = await wasm.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports["__wbindgen_start"];
  if (typeof start === "function") start();
  return glue;
}

/**
 * `from` null means an empty database. Returns the SQL script ("" when nothing changed).
 * The engine opens a connection at start even though a datamodel-to-datamodel diff reads
 * and writes nothing there, so `databaseUrl` must reach some PostgreSQL (any database).
 */
export async function diffDatamodels(from: Datamodel | null, to: Datamodel, databaseUrl: string): Promise<string> {
  const engines = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const logs: string[] = [];
  const engine = await engines.SchemaEngine.new({ datamodels: undefined }, (line) => logs.push(line), adapter);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [from] },
      to: { tag: "schemaDatamodel", files: [to] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? "";
    return sql.includes("This is an empty migration.") ? "" : sql;
  } catch (error) {
    if (panicRegistry.message !== "") throw new Error(`schema engine panicked: ${panicRegistry.message}`, { cause: error });
    throw error;
  } finally {
    engine.free();
  }
}
