// The types of chromium-args.mjs, for the TypeScript of the browser tests (npm run check).
export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: string[];
