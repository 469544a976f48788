import { mount } from "svelte";
import "../app.css";
import ParticipantApp from "./ParticipantApp.svelte";

mount(ParticipantApp, { target: document.getElementById("app")! });
