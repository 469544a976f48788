#!/usr/bin/env node
// The .deb's /usr/share/doc/polku/copyright in Debian's machine-readable format
// (https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/), from the same lists the
// Licences page shows: ui/dist/licences/{fonts,rust,npm}.json after `npm --prefix ui run build`.
//
//   node packaging/licences/debian-copyright.mjs [ui/dist/licences] > copyright
//
// Polku's own files first, under the EUPL-1.2 (its text from the Rust list, where Polku's crates
// are), then one Files paragraph per distinct licence text: the components under it as
// pseudo-paths (fonts/<font>, rust/<crate>-<version>, npm/<package>-<version>: the crates and
// packages are not files of the .deb), the copyright lines found in that text, and the text.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? join(import.meta.dirname, "../../ui/dist/licences");
const LISTS = [
  ["fonts", "Fonts embedded in the PDF files Polku exports"],
  ["rust", "Rust crates compiled into polku-desktop and polku"],
  ["npm", "npm packages in the user interface"],
];

/** A field's value over several lines: each continued with a space, an empty line as " .". */
function multiline(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "    ")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim()
    .split("\n")
    .map((line) => (line === "" ? " ." : ` ${line}`))
    .join("\n");
}

/** The copyright lines a licence text carries; its authors, by name, where it carries none. */
function copyright(text, components) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s/*#;-]+/, "").replace(/^copyright:\s*/i, "").trim())
    .filter((l) => /^(copyright\b|\(c\)|©)/i.test(l) && !/\[yyyy\]|<year>|\{yyyy\}/i.test(l));
  const unique = [...new Set(lines)];
  return unique.length ? unique : [`The authors of ${components.join(", ")}`];
}

const lists = Object.fromEntries(LISTS.map(([list]) => [list, JSON.parse(readFileSync(join(dir, `${list}.json`), "utf8")).licences]));
const own = (l) => l.id === "EUPL-1.2" && l.packages.every((p) => p.name.startsWith("polku"));
const eupl = lists.rust.find(own);
if (!eupl) throw new Error(`no EUPL-1.2 text for Polku's own crates in ${join(dir, "rust.json")}`);

const out = [
  [
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
    "Upstream-Name: Polku",
    "Comment: Polku is free software under the European Union Public Licence (EUPL) 1.2. It includes the",
    " components below, each under its own licence; the program shows the same list under About Polku,",
    " Licences.",
  ].join("\n"),
  [
    "Files: *",
    "Copyright: The authors of Polku",
    "License: EUPL-1.2",
    multiline(eupl.text),
    `Comment: Polku's own crates: ${eupl.packages.map((p) => `${p.name} ${p.version}`).join(", ")}.`,
  ].join("\n"),
];

for (const [list, comment] of LISTS) {
  for (const l of lists[list].filter((l) => !own(l))) {
    const names = l.packages.map((p) => `${p.name} ${p.version}`);
    const files = l.packages.map((p) => (list === "fonts" ? `fonts/${p.name.replace(/ /g, "")}` : `${list}/${p.name}-${p.version}`));
    out.push(
      [
        `Files: ${files.join(" ")}`,
        `Copyright: ${copyright(l.text, names).join("\n ")}`,
        `License: ${l.id.replace(/ OR /g, " or ").replace(/ AND /g, " and ")}`,
        multiline(l.text),
        `Comment: ${comment}: ${names.join(", ")}.`,
      ].join("\n"),
    );
  }
}

process.stdout.write(out.join("\n\n") + "\n");
