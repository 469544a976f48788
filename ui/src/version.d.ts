/** Polku's version, from ui/package.json at build time (vite.config.ts). */
declare const __POLKU_VERSION__: string;
