import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { gzipSync } from "node:zlib";

const gatewayPort = process.env.JUDGE_GATEWAY_PORT ?? "3000";
const gateway = `http://127.0.0.1:${gatewayPort}`;

/** Prints the entry chunk's size (raw and gzip) once the bundle is written. */
function reportMainBundle(): Plugin {
  return {
    name: "judge-report-main-bundle",
    apply: "build",
    generateBundle(_options, bundle) {
      let entry = 0;
      let entryGzip = 0;
      let js = 0;
      let total = 0;
      for (const file of Object.values(bundle)) {
        if (file.fileName.endsWith(".map")) continue;
        const bytes = file.type === "chunk" ? Buffer.from(file.code) : Buffer.from(file.source);
        total += bytes.length;
        if (file.type !== "chunk") continue;
        js += bytes.length;
        if (file.isEntry) {
          entry += bytes.length;
          entryGzip += gzipSync(bytes).length;
        }
      }
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      this.info(`main bundle: ${kib(entry)} (gzip ${kib(entryGzip)}); all JS: ${kib(js)}; all files without source maps: ${kib(total)}`);
    },
  };
}

/**
 * @replit/codemirror-emacs registers its key table and commands with calls marked
 * `/*@__PURE__*\/` in a package marked `"sideEffects": false`, so the production build drops
 * them and Emacs mode binds no key. Removing those marks in that one file keeps the calls.
 */
function keepEmacsKeyBindings(): Plugin {
  return {
    name: "judge-keep-emacs-key-bindings",
    transform(code, id) {
      if (!id.includes("@replit/codemirror-emacs")) return null;
      return { code: code.replaceAll("/*@__PURE__*/EmacsHandler.", "EmacsHandler."), map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), reportMainBundle(), keepEmacsKeyBindings()],
  server: {
    proxy: {
      "/api": { target: gateway, changeOrigin: false },
      "/ws": { target: gateway, ws: true, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: gateway, changeOrigin: false },
      "/ws": { target: gateway, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // Name shared chunks after their package ("lang-python-….js"), not after its "dist" folder.
        chunkFileNames(chunk) {
          const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? "";
          const pkg = /node_modules\/(?:@[^/]+\/)?([^/]+)/.exec(id)?.[1];
          return `assets/${pkg ?? chunk.name}-[hash].js`;
        },
      },
    },
  },
});
