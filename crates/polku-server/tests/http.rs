//! The HTTP transport over a real temp database: good calls work, bad ones get a 4xx JSON error
//! and change nothing.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use polku_api::{Event, Host};
use serde_json::{json, Value};
use tower::ServiceExt;

const KEY: &str = "http-test-key-0123456789";

fn access() -> polku_server::Access {
    polku_server::Access::with_token(KEY)
}

struct Api {
    host: Arc<Host>,
    _dir: tempfile::TempDir,
}

impl Api {
    fn new() -> Api {
        let dir = tempfile::tempdir().unwrap();
        Api { host: Arc::new(Host::open(dir.path()).unwrap()), _dir: dir }
    }

    async fn raw(&self, command: &str, body: impl Into<Body>, content_type: &str) -> (StatusCode, Value) {
        let req = Request::post(format!("/api/{command}"))
            .header("host", "127.0.0.1:4870")
            .header(polku_server::TOKEN_HEADER, KEY)
            .header("content-type", content_type)
            .body(body.into())
            .unwrap();
        let res = polku_server::router(self.host.clone(), access()).oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    async fn call(&self, command: &str, body: Value) -> (StatusCode, Value) {
        self.raw(command, body.to_string(), "application/json").await
    }

    async fn ok(&self, command: &str, body: Value) -> Value {
        let (status, v) = self.call(command, body).await;
        assert_eq!(status, StatusCode::OK, "{command}: {v}");
        v
    }
}

fn new_note(w: &Value, text: &str) -> Value {
    let board = &w["boards"][0];
    json!({ "type": "create_note", "note": {
        "id": uuid::Uuid::now_v7(), "board_id": board["id"], "touchpoint_id": board["touchpoints"][0]["id"],
        "lane_id": null, "kind": "observation", "sentiment": "positive", "text": text, "x": -100.0, "y": 230.0 } })
}

fn apply(w: &Value, client: &str, op: Value) -> Value {
    json!({ "workshop_id": w["id"], "op_id": uuid::Uuid::now_v7(), "client_id": client, "undo": "record", "op": op })
}

#[tokio::test]
async fn a_session_of_edits_with_undo_and_change_events() {
    let api = Api::new();
    let mut events = api.host.subscribe();
    let summary = api.ok("create_workshop", json!({ "title": "Palvelupolku", "language": "en" })).await;
    assert_eq!(events.recv().await.unwrap(), Event::LibraryChanged);
    let w = api.ok("open_workshop", json!({ "id": summary["id"] })).await;
    let labels: Vec<&str> = w["boards"][0]["touchpoints"].as_array().unwrap().iter().map(|t| t["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["First contact", "Client relationship begins", "Pause", "Closer relationship", "Relationship ends"]);

    let r = api.ok("apply_op", apply(&w, "tab-1", new_note(&w, "Oma sosiaalityöntekijä"))).await;
    assert_eq!(r["history"], json!({ "can_undo": true, "can_redo": false }));
    let note_id = r["changes"][0]["id"].clone();
    match events.recv().await.unwrap() {
        Event::Changed { client_id, changes, .. } => {
            assert_eq!(client_id, "tab-1");
            assert_eq!(changes.len(), 1);
        }
        other => panic!("expected a change, got {other:?}"),
    }
    let edit = json!({ "type": "update_note", "id": note_id, "patch": { "text": "Oma työntekijä" } });
    api.ok("apply_op", apply(&w, "tab-1", edit)).await;
    api.ok("undo", json!({ "workshop_id": w["id"], "client_id": "tab-1", "op_id": uuid::Uuid::now_v7() })).await;
    let now = api.ok("open_workshop", json!({ "id": w["id"] })).await;
    assert_eq!(now["boards"][0]["notes"][0]["text"], "Oma sosiaalityöntekijä");
    let h = api.ok("history", json!({ "workshop_id": w["id"], "client_id": "tab-1" })).await;
    assert_eq!(h, json!({ "can_undo": true, "can_redo": true }));
    let (status, e) = api.call("undo", json!({ "workshop_id": w["id"], "client_id": "tab-2", "op_id": uuid::Uuid::now_v7() })).await;
    assert_eq!((status, e["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("nothing_to_undo")));
}

#[tokio::test]
async fn bad_requests_get_4xx_json_and_change_nothing() {
    let api = Api::new();
    let summary = api.ok("create_workshop", json!({ "title": "Rajat", "language": "fi" })).await;
    let w = api.ok("open_workshop", json!({ "id": summary["id"] })).await;
    api.ok("apply_op", apply(&w, "t", new_note(&w, "Alkuperäinen"))).await;
    let before = api.ok("open_workshop", json!({ "id": w["id"] })).await;
    let note_id = before["boards"][0]["notes"][0]["id"].clone();
    let megabyte = "ä".repeat(512 * 1024);
    let update = |patch: Value| apply(&w, "t", json!({ "type": "update_note", "id": note_id, "patch": patch }));
    let op = |op: Value| Body::from(apply(&w, "t", op).to_string());
    let board = &before["boards"][0];
    let tp = board["touchpoints"][0]["id"].clone();

    let cases: Vec<(&str, &str, Body, &str, StatusCode, &str)> = vec![
        ("malformed JSON", "apply_op", Body::from("{\"workshop_id\": "), "application/json", StatusCode::BAD_REQUEST, "bad_request"),
        ("not JSON at all", "rename_workshop", Body::from("rename please"), "application/json", StatusCode::BAD_REQUEST, "bad_request"),
        ("wrong type", "apply_op", Body::from(update(json!({ "x": "left" })).to_string()), "application/json", StatusCode::BAD_REQUEST, "bad_request"),
        ("unknown field", "apply_op", Body::from(update(json!({ "colour": "red" })).to_string()), "application/json", StatusCode::BAD_REQUEST, "bad_request"),
        ("unknown sentiment", "apply_op", Body::from(update(json!({ "sentiment": "angry" })).to_string()), "application/json", StatusCode::BAD_REQUEST, "bad_request"),
        ("not a uuid", "open_workshop", Body::from(json!({ "id": "../../etc/passwd" }).to_string()), "application/json", StatusCode::BAD_REQUEST, "bad_request"),
        ("unknown note", "apply_op", Body::from(apply(&w, "t", json!({ "type": "delete_note", "id": uuid::Uuid::now_v7() })).to_string()), "application/json", StatusCode::NOT_FOUND, "not_found"),
        ("unknown workshop", "rename_workshop", Body::from(json!({ "id": uuid::Uuid::now_v7(), "title": "x" }).to_string()), "application/json", StatusCode::NOT_FOUND, "not_found"),
        ("unknown command", "drop_tables", Body::from("{}"), "application/json", StatusCode::NOT_FOUND, "not_found"),
        ("empty text", "apply_op", Body::from(update(json!({ "text": "   " })).to_string()), "application/json", StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        ("over-long text", "apply_op", Body::from(update(json!({ "text": "a".repeat(2001) })).to_string()), "application/json", StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        ("off the board", "apply_op", Body::from(update(json!({ "x": 1e12 })).to_string()), "application/json", StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        ("1 MB of text", "apply_op", Body::from(update(json!({ "text": megabyte })).to_string()), "application/json", StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
        ("an idea with a sentiment", "apply_op", Body::from(update(json!({ "kind": "idea" })).to_string()), "application/json", StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        ("a two-line touchpoint name", "apply_op", op(json!({ "type": "update_touchpoint", "id": tp, "patch": { "label": "kaksi\nriviä" } })), "application/json", StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        ("notes moved onto the deleted touchpoint", "apply_op", op(json!({ "type": "delete_touchpoint", "id": tp, "move_notes_to": tp })), "application/json", StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        ("notes moved to an unknown touchpoint", "apply_op", op(json!({ "type": "delete_touchpoint", "id": tp, "move_notes_to": uuid::Uuid::now_v7() })), "application/json", StatusCode::NOT_FOUND, "not_found"),
        ("a touchpoint on a board elsewhere", "apply_op", op(json!({ "type": "create_touchpoint", "touchpoint": { "id": uuid::Uuid::now_v7(), "board_id": uuid::Uuid::now_v7(), "index": 0, "label": "Vieras", "description": "", "phase_id": null, "side_station": false } })), "application/json", StatusCode::NOT_FOUND, "not_found"),
        ("a negative index", "apply_op", op(json!({ "type": "move_touchpoint", "id": tp, "index": -1 })), "application/json", StatusCode::BAD_REQUEST, "bad_request"),
        ("a lane without a name", "apply_op", op(json!({ "type": "create_lane", "lane": { "id": uuid::Uuid::now_v7(), "board_id": board["id"], "index": 0, "label": "" } })), "application/json", StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        ("form post", "delete_workshop", Body::from(json!({ "id": w["id"] }).to_string()), "text/plain", StatusCode::FORBIDDEN, "forbidden"),
    ];
    for (name, command, body, ctype, status, code) in cases {
        let (got, v) = api.raw(command, body, ctype).await;
        assert_eq!(got, status, "{name}: {v}");
        assert_eq!(v["error"]["code"], code, "{name}: {v}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{name}: {v}");
    }
    let after = api.ok("open_workshop", json!({ "id": w["id"] })).await;
    assert_eq!(before, after, "no bad request changed anything");
}

#[tokio::test]
async fn requests_for_another_host_name_or_from_a_look_alike_origin_are_refused() {
    let api = Api::new();
    let status = |headers: &[(&str, &str)]| {
        let mut req = Request::post("/api/list_workshops").header("content-type", "application/json").header(polku_server::TOKEN_HEADER, KEY);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        let router = polku_server::router(api.host.clone(), access());
        let req = req.body(Body::from("{}")).unwrap();
        async move { router.oneshot(req).await.unwrap().status() }
    };
    assert_eq!(status(&[("host", "attacker.example:4870")]).await, StatusCode::FORBIDDEN);
    assert_eq!(status(&[("host", "127.0.0.1:4870"), ("host", "attacker.example")]).await, StatusCode::FORBIDDEN, "two Hosts");
    // The UI's own page, and its dev server on another loopback port, may call.
    for origin in ["http://127.0.0.1:4870", "http://localhost:5173", "http://[::1]:4870"] {
        assert_eq!(status(&[("host", "127.0.0.1:4870"), ("origin", origin)]).await, StatusCode::OK, "{origin}");
    }
    for origin in [
        "http://127.0.0.1:4870.evil.example",
        "http://localhost.evil.example",
        "http://localhost:4870@evil.example",
        "http://localhost:",
        "http://127.0.0.1:4870/",
        "https://evil.example",
        "null",
    ] {
        assert_eq!(status(&[("host", "127.0.0.1:4870"), ("origin", origin)]).await, StatusCode::FORBIDDEN, "{origin}");
    }
}

#[tokio::test]
async fn a_batch_of_a_thousand_moves_fits_in_one_request() {
    let api = Api::new();
    let summary = api.ok("create_workshop", json!({ "title": "Iso valinta", "language": "fi" })).await;
    let w = api.ok("open_workshop", json!({ "id": summary["id"] })).await;
    // Creates are bigger than moves: a client sends them in batches that fit the body limit.
    for half in 0..2 {
        let creates: Vec<Value> = (0..polku_core::MAX_BATCH_OPS / 2).map(|i| new_note(&w, &format!("lappu {half} {i}"))).collect();
        api.ok("apply_op", apply(&w, "t", json!({ "type": "batch", "ops": creates }))).await;
    }
    let now = api.ok("open_workshop", json!({ "id": w["id"] })).await;
    let moves: Vec<Value> = now["boards"][0]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| json!({ "type": "update_note", "id": n["id"], "patch": { "x": 123456.5, "y": -98765.25 } }))
        .collect();
    let r = api.ok("apply_op", apply(&w, "t", json!({ "type": "batch", "ops": moves }))).await;
    assert_eq!(r["changes"].as_array().unwrap().len(), polku_core::MAX_BATCH_OPS);
    let (status, e) = api
        .call("apply_op", apply(&w, "t", json!({ "type": "batch", "ops": vec![json!({ "type": "delete_note", "id": uuid::Uuid::now_v7() }); polku_core::MAX_BATCH_OPS + 1] })))
        .await;
    assert_eq!((status, e["error"]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("validation")));
}

async fn get(host: &Arc<Host>, path: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let req = Request::get(path).header("host", "127.0.0.1:4870").header(polku_server::TOKEN_HEADER, KEY).body(Body::empty()).unwrap();
    let res = polku_server::router(host.clone(), access()).oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// The job's status once it is no longer running.
async fn finished(api: &Api, job: &Value) -> Value {
    loop {
        let s = api.ok("export_status", json!({ "job_id": job["job_id"] })).await;
        if s["state"] != "running" {
            return s;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn an_export_job_runs_reports_and_its_file_downloads() {
    let api = Api::new();
    let w = api.ok("create_workshop", json!({ "title": "Kevät / Vår 2026", "language": "fi" })).await;
    let w = api.ok("open_workshop", json!({ "id": w["id"] })).await;
    api.ok("apply_op", apply(&w, "c1", new_note(&w, "Jonotus on pitkä"))).await;
    let pdf = json!({ "paper": "a3", "orientation": "portrait", "poster": "tile",
        "contents": { "cover": true, "boards": true, "personas": false, "walkthroughs": false, "summary": true },
        "facilitator": "", "participants": 12 });
    let preview = api.ok("preview_export", json!({ "workshop_id": w["id"], "pdf": pdf })).await;
    assert!(preview["pages"].as_u64().unwrap() >= 3, "{preview}");

    let job = api.ok("start_export", json!({ "workshop_id": w["id"], "format": "pdf", "pdf": pdf })).await;
    assert!(job["file_name"].as_str().unwrap().starts_with("Kevät - Vår 2026-"), "{job}");
    let status = finished(&api, &job).await;
    assert_eq!(status["state"], "ready", "{status}");
    let (code, headers, body) = get(&api.host, &format!("/api/exports/{}", job["job_id"].as_str().unwrap())).await;
    assert_eq!(code, StatusCode::OK);
    assert!(body.starts_with(b"%PDF"));
    assert_eq!(status["bytes"].as_u64().unwrap() as usize, body.len());
    assert_eq!(headers["content-type"], "application/pdf");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;") && disposition.contains("filename*=UTF-8''Kev%C3%A4t"), "{disposition}");

    let (code, _, _) = get(&api.host, &format!("/api/exports/{}", uuid::Uuid::now_v7())).await;
    assert_eq!(code, StatusCode::NOT_FOUND, "an unknown job has no file");
    let (code, _, _) = get(&api.host, "/api/exports/..%2F..%2Fetc%2Fpasswd").await;
    assert_eq!(code, StatusCode::BAD_REQUEST);

    let nothing = json!({ "cover": false, "boards": false, "personas": false, "walkthroughs": false, "summary": false });
    let (code, err) = api.call("preview_export", json!({ "workshop_id": w["id"], "pdf": { "contents": nothing,
        "paper": "a4", "orientation": "landscape", "poster": "fit" } })).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
    assert_eq!(err["error"]["field"], "contents");
    let long = "x".repeat(200);
    let (code, err) = api.call("start_export", json!({ "workshop_id": w["id"], "format": "pdf", "pdf": {
        "contents": { "cover": true, "boards": true, "personas": true, "walkthroughs": true, "summary": true },
        "paper": "a4", "orientation": "landscape", "poster": "fit", "facilitator": long } })).await;
    assert_eq!((code, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("facilitator")));
}

#[tokio::test]
async fn a_handout_is_an_export_job_of_its_own_and_names_what_it_prints() {
    let api = Api::new();
    let w = api.ok("create_workshop", json!({ "title": "Ryhmä", "language": "fi", "template": "co-development-five-sessions" })).await;
    let w = api.ok("open_workshop", json!({ "id": w["id"] })).await;
    let canvas = w["boards"].as_array().unwrap().iter().find(|b| b["kind"] == "journey_canvas").unwrap();
    let handout = json!({ "of": { "kind": "board", "board_id": canvas["id"] }, "paper": "a4", "orientation": null });
    let preview = api.ok("preview_handout", json!({ "workshop_id": w["id"], "handout": handout })).await;
    assert_eq!(preview["pages"], 1, "a canvas is one A3 page");
    let job = api.ok("start_export", json!({ "workshop_id": w["id"], "format": "handout", "pdf": null, "handout": handout })).await;
    assert!(job["file_name"].as_str().unwrap().starts_with("Ryhmä - Asiakaspolun kanvas-"), "{job}");
    let status = finished(&api, &job).await;
    assert_eq!(status["state"], "ready", "{status}");
    let (_, headers, body) = get(&api.host, &format!("/api/exports/{}", job["job_id"].as_str().unwrap())).await;
    assert!(body.starts_with(b"%PDF") && headers["content-type"] == "application/pdf");

    let (code, err) = api.call("start_export", json!({ "workshop_id": w["id"], "format": "handout", "pdf": null })).await;
    assert_eq!((code, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("handout")), "{err}");
    let elsewhere = json!({ "of": { "kind": "session", "session_id": uuid::Uuid::now_v7() }, "paper": "a4", "orientation": null });
    let (code, err) = api.call("start_export", json!({ "workshop_id": w["id"], "format": "handout", "pdf": null, "handout": elsewhere })).await;
    assert_eq!((code, err["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("handout")), "{err}");
    let (code, _) = api.call("preview_handout", json!({ "workshop_id": w["id"], "handout": { "of": { "kind": "board" }, "paper": "a4" } })).await;
    assert_eq!(code, StatusCode::BAD_REQUEST, "a handout of nothing named is a bad request");
}

#[tokio::test]
async fn an_own_template_is_saved_downloaded_and_imported_again_and_bad_files_change_nothing() {
    let api = Api::new();
    let mut events = api.host.subscribe();
    let made = api.ok("create_workshop", json!({ "title": "Kevät", "language": "fi", "template": "co-development-five-sessions" })).await;
    let w = api.ok("open_workshop", json!({ "id": made["id"] })).await;
    api.ok("apply_op", apply(&w, "c1", new_note(&w, "Salaisuus 4417"))).await;
    let built_in = api.ok("list_templates", json!({})).await.as_array().unwrap().len();
    while events.try_recv().is_ok() {}

    let saved = api.ok("save_template", json!({ "workshop_id": w["id"], "title": " Meidän ohjelma ", "description": "Viisi kertaa" })).await;
    assert_eq!(events.recv().await.unwrap(), Event::TemplatesChanged);
    assert_eq!((saved["own"].as_bool(), saved["kind"].as_str(), saved["sessions"].as_u64()), (Some(true), Some("workshop"), Some(5)));
    assert_eq!(saved["title"]["sv"], "Meidän ohjelma", "the group's words, whatever the language");
    let list = api.ok("list_templates", json!({})).await;
    assert_eq!((list.as_array().unwrap().len(), &list[built_in]["id"]), (built_in + 1, &saved["id"]), "after the built-in ones");

    let (code, headers, file) = get(&api.host, &format!("/api/templates/{}", saved["id"].as_str().unwrap())).await;
    assert_eq!((code, headers["content-type"].to_str().unwrap()), (StatusCode::OK, "application/json"));
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.contains("filename*=UTF-8''Meid%C3%A4n%20ohjelma%2Epolku%2Dtemplate"), "{disposition}");
    let text = String::from_utf8(file).unwrap();
    assert!(text.contains("\"format\": \"polku.template\"") && !text.contains("Salaisuus 4417"));

    // Bigger than any other request may be, and already in the library: a copy with an id of its own.
    let roomy = format!("{text}{}", " ".repeat(300 * 1024));
    let copy = api.ok("import_template", json!({ "json": roomy })).await;
    assert!(copy["id"] != saved["id"] && copy["id"].as_str().unwrap().starts_with("own-"));

    let refused = [
        ("{\"format\": \"polku.template\"", StatusCode::UNPROCESSABLE_ENTITY, "template_file"),
        (&text.replace("\"version\": 1", "\"version\": 7"), StatusCode::UNPROCESSABLE_ENTITY, "template_version"),
        (&format!("{text}{}", " ".repeat(1024 * 1024)), StatusCode::PAYLOAD_TOO_LARGE, "template_file"),
    ];
    for (json, status, field) in refused {
        let (code, e) = api.call("import_template", json!({ "json": json })).await;
        assert_eq!((code, e["error"]["field"].as_str()), (status, Some(field)), "{e}");
    }
    let (code, e) = api.call("save_template", json!({ "workshop_id": w["id"], "title": "X", "description": "" })).await;
    assert_eq!((code, e["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("template_description")));
    assert_eq!(api.ok("list_templates", json!({})).await.as_array().unwrap().len(), built_in + 2, "nothing refused was kept");

    api.ok("delete_template", json!({ "id": copy["id"] })).await;
    let (code, e) = api.call("delete_template", json!({ "id": copy["id"] })).await;
    assert_eq!((code, e["error"]["field"].as_str()), (StatusCode::NOT_FOUND, Some("template")));
    let (code, _) = api.call("delete_template", json!({ "id": "service-path" })).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "a built-in template stays");
    let (code, _, _) = get(&api.host, "/api/templates/service-path").await;
    assert_eq!(code, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn recently_deleted_over_http_with_typed_errors_and_events() {
    let api = Api::new();
    let summary = api.ok("create_workshop", json!({ "title": "Poistuva", "language": "fi" })).await;
    let w = api.ok("open_workshop", json!({ "id": summary["id"] })).await;
    api.ok("apply_op", apply(&w, "tab-1", new_note(&w, "Jää talteen"))).await;
    let mut events = api.host.subscribe();
    let id = json!({ "id": summary["id"] });

    let (status, err) = api.call("erase_workshop", id.clone()).await;
    assert_eq!((status, &err["error"]["code"], &err["error"]["field"]), (StatusCode::CONFLICT, &json!("conflict"), &json!("workshop_not_deleted")));
    api.ok("delete_workshop", id.clone()).await;
    assert_eq!(events.recv().await.unwrap(), Event::LibraryChanged);
    assert_eq!(api.ok("list_workshops", json!({})).await, json!([]));
    let deleted = api.ok("list_deleted_workshops", json!({})).await;
    assert_eq!((&deleted[0]["id"], &deleted[0]["notes"], &deleted[0]["days_left"]), (&summary["id"], &json!(1), &json!(30)));
    for (command, body) in [("open_workshop", id.clone()), ("apply_op", apply(&w, "tab-1", new_note(&w, "Myöhässä")))] {
        let (status, err) = api.call(command, body).await;
        assert_eq!((status, &err["error"]["field"]), (StatusCode::CONFLICT, &json!("workshop_deleted")), "{command}");
    }

    api.ok("restore_workshop", id.clone()).await;
    assert_eq!(events.recv().await.unwrap(), Event::LibraryChanged);
    let back = api.ok("open_workshop", id.clone()).await;
    assert_eq!(back["boards"][0]["notes"][0]["text"], "Jää talteen");
    api.ok("delete_workshop", id.clone()).await;
    api.ok("erase_workshop", id.clone()).await;
    assert_eq!(api.ok("list_deleted_workshops", json!({})).await, json!([]));
    let (status, _) = api.call("restore_workshop", id).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_refused_workshop_file_says_what_and_where_as_data_and_adds_nothing() {
    let api = Api::new();
    let example: Value = serde_json::from_str(include_str!("../../../workshops/examples/aikuissosiaalityo.polku")).unwrap();
    let mut bad = example.clone();
    bad["workshop"]["boards"][0]["notes"][3]["text"] = Value::from("");
    let pretty = serde_json::to_string_pretty(&example).unwrap();
    let cut: String = pretty.lines().take(3).collect::<Vec<_>>().join("\n");
    let cases = [
        (bad.to_string(), json!({ "kind": "invalid", "at": "workshop.boards[0].notes[3].text", "field": "text" })),
        (cut.clone(), json!({ "kind": "truncated", "line": 3, "column": cut.lines().nth(2).unwrap().len() })),
        ("{\"format\": \"excalidraw\"}".into(), json!({ "kind": "foreign" })),
    ];
    for (file, problem) in cases {
        for dry_run in [true, false] {
            let (code, e) = api.call("import_workshop", json!({ "file": file, "dry_run": dry_run })).await;
            assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
            assert_eq!((&e["error"]["file"], e["error"]["field"].as_str()), (&problem, Some("workshop_file")), "{e}");
        }
    }
    let (_, e) = api.call("import_workshop", json!({ "file": bad.to_string() })).await;
    assert_eq!(e["error"]["message"], "workshop.boards[0].notes[3].text: is empty", "the English line for logs stays");
    let (_, e) = api.call("list_workshops", json!({})).await;
    assert_eq!(e, json!([]), "nothing was added");
    let (_, e) = api.call("open_workshop", json!({ "id": uuid::Uuid::now_v7() })).await;
    assert!(e["error"].get("file").is_none(), "other errors carry no file problem: {e}");
}
