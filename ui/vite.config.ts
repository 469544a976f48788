import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import license, { type Dependency } from "rollup-plugin-license";
import type { Plugin } from "vite";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The version the About view shows: the UI's, which test/version.test.ts keeps the Rust
// workspace's and the desktop bundle's.
const version: string = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")).version;

const api = process.env.POLKU_API ?? "http://127.0.0.1:4870";
// `polku serve` answers only who has its key: start it with POLKU_SERVE_TOKEN set to the same
// value as here, and the dev server's proxy sends it along.
const key = process.env.POLKU_SERVE_TOKEN;

/**
 * The licences of what the build ships, for the Licences page (src/lib/about/LicencesPage.svelte),
 * as dist/licences/npm.json and fonts.json beside public/licences/rust.json (`make licences`):
 * `{ licences: [{ id, name, packages: [{ name, version }], text }] }`, each distinct text once.
 *
 * npm: rollup-plugin-license lists the packages whose code is in the bundle (tree-shaken away:
 * not listed) with their LICENCE and NOTICE files. A package under a licence not in NPM_ACCEPTED,
 * or under none, fails the build.
 */
const NPM_ACCEPTED = "(MIT OR Apache-2.0 OR ISC OR BSD-2-Clause OR BSD-3-Clause OR 0BSD OR Zlib)";

function npmLicences(dependencies: Dependency[]): string {
  const byText = new Map<string, { id: string; name: string; packages: { name: string; version: string }[]; text: string }>();
  for (const d of dependencies) {
    const id = d.license ?? "UNLICENSED";
    if (!d.licenseText) throw new Error(`licences: ${d.name} ${d.version} (${id}) ships no licence file`);
    const text = [d.licenseText, d.noticeText].filter(Boolean).join("\n\n");
    const group = `${id}\0${text}`;
    const entry = byText.get(group) ?? { id, name: id, packages: [], text };
    entry.packages.push({ name: d.name ?? "", version: d.version ?? "" });
    byText.set(group, entry);
  }
  const licences = [...byText.values()].sort((a, b) => a.id.localeCompare(b.id) || a.packages[0].name.localeCompare(b.packages[0].name));
  for (const l of licences) l.packages.sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify({ generator: "rollup-plugin-license", licences });
}

/**
 * The typefaces the programs embed in the PDFs they export (crates/polku-export/fonts; the UI uses
 * the system's own): each licence file names its fonts, versions and copyright first.
 */
const FONTS = "../crates/polku-export/fonts/";
const FONT_LICENCES = [
  { file: "OFL.txt", id: "OFL-1.1", name: "SIL Open Font License 1.1", fonts: [["Noto Sans", "NotoSans-Regular.ttf"]] },
  { file: "NotoEmoji-OFL.txt", id: "OFL-1.1", name: "SIL Open Font License 1.1", fonts: [["Noto Emoji", "NotoEmoji-Regular.ttf"]] },
  { file: "DejaVu-LICENSE.txt", id: "Bitstream-Vera", name: "Bitstream Vera Fonts Licence", fonts: [["DejaVu Sans", "DejaVuSans.ttf"]] },
];

/** A TrueType font's version: its `head` table's fontRevision (a 16.16 fixed-point number). */
function fontVersion(file: string): string {
  const ttf = readFileSync(new URL(FONTS + file, import.meta.url));
  for (let i = 0; i < ttf.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    if (ttf.toString("latin1", record, record + 4) === "head") {
      return String(Number((ttf.readInt32BE(ttf.readUInt32BE(record + 8) + 4) / 65536).toFixed(3)));
    }
  }
  throw new Error(`licences: ${file} has no head table`);
}

function fontLicences(): Plugin {
  return {
    name: "polku-font-licences",
    apply: "build",
    generateBundle() {
      const licences = FONT_LICENCES.map(({ file, id, name, fonts }) => ({
        id,
        name,
        packages: fonts.map(([font, ttf]) => ({ name: font, version: fontVersion(ttf) })),
        text: readFileSync(new URL(FONTS + file, import.meta.url), "utf8"),
      }));
      this.emitFile({ type: "asset", fileName: "licences/fonts.json", source: JSON.stringify({ licences }) });
    },
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    {
      ...license({
        // The UI's own package.json, wherever vite or vitest was started from.
        cwd: fileURLToPath(new URL(".", import.meta.url)),
        thirdParty: {
          multipleVersions: true,
          allow: { test: NPM_ACCEPTED, failOnUnlicensed: true, failOnViolation: true },
          output: { file: fileURLToPath(new URL("./dist/licences/npm.json", import.meta.url)), template: npmLicences },
        },
      }),
      apply: "build",
    },
    fontLicences(),
  ],
  define: { __POLKU_VERSION__: JSON.stringify(version) },
  // Relative base: the Tauri custom protocol and `polku serve` load the build from files.
  base: "./",
  // Two pages: the app, and the participants' phone page (served only on the join listener).
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: { input: { main: "index.html", participant: "participant.html" } },
  },
  server: {
    proxy: {
      "/api": { target: api, changeOrigin: true, ws: true, headers: key ? { "x-polku-token": key } : {} },
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
