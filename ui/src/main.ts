import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { startBackend } from "./lib/backend";
import { t } from "./lib/i18n/index.svelte";

const target = document.getElementById("app")!;

startBackend().then(
  () => mount(App, { target }),
  (e) => {
    // Without a backend there is no app to show; say so plainly, and log the cause.
    console.error(e);
    target.textContent = t("app.startFailed");
  },
);
