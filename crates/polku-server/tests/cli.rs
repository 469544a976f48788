//! The `polku` binary as a user runs it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use common::*;

#[test]
fn list_starts_empty_and_the_env_var_works_like_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(list_json(dir.path()), Vec::<serde_json::Value>::new());
    let out = polku(dir.path(), &["import", example_file().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("({} notes)", seed_notes())), "{}", stdout(&out));
    let by_env = Command::new(env!("CARGO_BIN_EXE_polku"))
        .args(["list", "--json"])
        .env("POLKU_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&by_env.stdout).unwrap();
    assert_eq!(rows, list_json(dir.path()));
    let row = rows[0].as_object().unwrap();
    let mut keys: Vec<_> = row.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["id", "notes", "title", "updated_at"]);
    assert_eq!(row["notes"], seed_notes());
    assert!(row["updated_at"].as_str().unwrap().starts_with("2025-03-01T"), "{row:?}");
}

#[test]
fn export_then_import_reproduces_the_workshop_exactly() {
    let a = tempfile::tempdir().unwrap();
    assert!(polku(a.path(), &["import", example_file().to_str().unwrap()]).status.success());
    let id = list_json(a.path())[0]["id"].as_str().unwrap().to_string();
    let file = a.path().join("out.polku");
    let out = polku(a.path(), &["export", &id, "--format", "polku", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    let b = tempfile::tempdir().unwrap();
    assert!(polku(b.path(), &["import", file.to_str().unwrap()]).status.success());
    let again = b.path().join("again.polku");
    assert!(polku(b.path(), &["export", &id, "-o", again.to_str().unwrap()]).status.success());
    let first: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let second: serde_json::Value = serde_json::from_slice(&std::fs::read(&again).unwrap()).unwrap();
    assert_eq!(first["workshop"], second["workshop"]);
    let original: serde_json::Value = serde_json::from_slice(&std::fs::read(example_file()).unwrap()).unwrap();
    assert_eq!(first["workshop"], original["workshop"], "nothing is lost or changed on the way through the database");
}

#[test]
fn importing_a_workshop_that_is_already_here_makes_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let f = example_file();
    assert!(polku(dir.path(), &["import", f.to_str().unwrap()]).status.success());
    let out = polku(dir.path(), &["import", f.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("as a copy"));
    let rows = list_json(dir.path());
    assert_eq!(rows.len(), 2);
    assert_ne!(rows[0]["id"], rows[1]["id"]);
    assert_eq!(rows[1]["notes"], seed_notes());
    // The copy is told apart in the list: its title says it is one, and when it came (Finnish, as the workshop).
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    let original = "Aikuissosiaalityön palvelupolku — nuoret aikuiset";
    assert!(titles.contains(&original), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with(&format!("{original} (kopio, tuotu ")) && t.ends_with(')')), "{titles:?}");

    // A file made from the example under a new workshop id still names the example's boards and
    // notes: it comes in as a copy too, and the original keeps every board.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
    v["workshop"]["id"] = serde_json::json!(uuid::Uuid::now_v7().to_string());
    let other = dir.path().join("other.polku");
    std::fs::write(&other, serde_json::to_vec(&v).unwrap()).unwrap();
    let out = polku(dir.path(), &["import", other.to_str().unwrap()]);
    assert!(out.status.success() && stdout(&out).contains("as a copy"), "{}", stdout(&out));
    let host = polku_api::Host::open(dir.path()).unwrap();
    for row in list_json(dir.path()) {
        let w: polku_core::Workshop = serde_json::from_value(host.call("open_workshop", serde_json::json!({ "id": row["id"] })).unwrap()).unwrap();
        assert_eq!(w.boards.len(), 2, "{} kept its boards", w.title);
    }
    // Each keeps a programme of its own: the copy's sessions did not take over the original's.
    let host = polku_api::Host::open(dir.path()).unwrap();
    let sessions = |row: &serde_json::Value| {
        let w: polku_core::Workshop = serde_json::from_value(host.call("open_workshop", serde_json::json!({ "id": row["id"] })).unwrap()).unwrap();
        assert!(w.sessions.iter().flat_map(|s| &s.fields.agenda).filter_map(|i| i.board_id).all(|b| w.board(b).is_some()));
        w.sessions.iter().map(|s| s.id).collect::<Vec<_>>()
    };
    let (a, b) = (sessions(&rows[0]), sessions(&rows[1]));
    assert_eq!((a.len(), b.len()), (5, 5));
    assert!(a.iter().all(|id| !b.contains(id)));
}

#[test]
fn bad_files_are_refused_with_one_clear_line_and_import_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(example_file()).unwrap();
    let current = format!("\"version\": {}", polku_export::workshop_file::VERSION);
    assert!(example.contains(&current));
    let newer = example.replacen(&current, "\"version\": 99", 1);
    let bad_note = example.replacen("\"sentiment\": \"negative\"", "\"sentiment\": \"furious\"", 1);
    let dangling = example.replacen("\"touchpoint_id\": \"01954f00-b000-7000-8000-000000000005\"", "\"touchpoint_id\": \"01954f00-b000-7000-8000-0000000000ff\"", 1);
    assert_ne!(dangling, example);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", example.as_bytes()[..example.len() / 2].to_vec(), "ends too early"),
        ("malformed", example.replacen("\"format\"", "\"format\" \"oops\",", 1).into_bytes(), "not valid JSON"),
        ("foreign", b"\x89PNG\r\n\x1a\nnot a workshop".to_vec(), "not a Polku workshop file"),
        ("other json", br#"{"format": "excalidraw", "version": 2}"#.to_vec(), "not a Polku workshop file"),
        ("newer", newer.into_bytes(), "newer Polku"),
        ("bad value", bad_note.into_bytes(), "workshop.boards[0].notes["),
        ("dangling reference", dangling.into_bytes(), "touchpoint"),
    ];
    for (name, bytes, says) in cases {
        let f = dir.path().join(format!("{name}.polku"));
        std::fs::write(&f, bytes).unwrap();
        let out = polku(dir.path(), &["import", f.to_str().unwrap()]);
        let err = stderr(&out);
        assert!(!out.status.success(), "{name}: must fail");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: one line, got {err:?}");
        assert!(err.contains(says), "{name}: {err:?} should say {says:?}");
        assert!(err.contains(&format!("{name}.polku")), "{name}: says which file: {err:?}");
    }
    assert!(list_json(dir.path()).is_empty(), "nothing was imported");
}

#[test]
fn export_of_an_unknown_workshop_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = polku(dir.path(), &["export", "not-an-id", "-o", "/tmp/x.polku"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not a workshop id"));
    let out = polku(dir.path(), &["export", "01954f00-b000-7000-8000-000000000001", "-o", "/tmp/x.polku"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

/// One request over a raw socket to `addr`; the whole reply.
fn http(addr: &str, head: &str, body: &str) -> String {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    write!(s, "{head}\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    let mut reply = String::new();
    s.read_to_string(&mut reply).unwrap();
    reply
}

#[test]
fn serve_prints_its_url_with_this_runs_key_and_answers_only_who_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_polku"))
        .args(["serve", "--port", "0", "--data-dir"])
        .arg(dir.path())
        .env_remove("POLKU_SERVE_TOKEN")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    // Read only the first line, then close our end: the server must keep serving regardless.
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    let (addr, token) = url.trim_start_matches("http://").split_once("/?token=").expect("the address carries the key");
    assert!(addr.starts_with("127.0.0.1:"), "{line}");
    assert!(token.len() >= 32 && token.bytes().all(|b| b.is_ascii_alphanumeric()), "160 bits: {token}");

    let body = r#"{"title":"Verkko","language":"en"}"#;
    let post = "POST /api/create_workshop HTTP/1.1\r\nContent-Type: application/json";
    let without = http(addr, post, body);
    assert!(without.starts_with("HTTP/1.1 403") && without.contains("\"token\""), "{without}");
    let wrong = http(addr, &format!("{post}\r\nx-polku-token: {}", "A".repeat(token.len())), body);
    assert!(wrong.starts_with("HTTP/1.1 403"), "{wrong}");
    // A monitor has no key: the health check answers it, and says nothing more than that.
    let health = http(addr, "GET /healthz HTTP/1.1", "");
    assert!(health.starts_with("HTTP/1.1 200") && health.ends_with(r#"{"library":"local","status":"ok"}"#), "{health}");
    let page = http(addr, "GET / HTTP/1.1\r\nAccept-Language: fi-FI,fi;q=0.9", "");
    assert!(page.starts_with("HTTP/1.1 401") && page.contains("Avaa Polku sen omasta osoitteesta"), "{page}");

    // Opening the printed address: the key becomes a cookie and leaves the address.
    let opened = http(addr, &format!("GET /?token={token} HTTP/1.1"), "");
    assert!(opened.starts_with("HTTP/1.1 303"), "{opened}");
    let port = addr.rsplit(':').next().unwrap();
    let cookie = format!("polku_token_{port}={token}");
    assert!(opened.contains("location: /\r\n") && opened.contains(&format!("set-cookie: {cookie}; Path=/; HttpOnly; SameSite=Strict")), "{opened}");
    let ui = http(addr, &format!("GET / HTTP/1.1\r\nCookie: other=1; {cookie}"), "");
    assert!(!ui.starts_with("HTTP/1.1 401") && !ui.starts_with("HTTP/1.1 403"), "{ui}");

    let reply = http(addr, &format!("{post}\r\nx-polku-token: {token}"), body);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert_eq!(list_json(dir.path())[0]["title"], "Verkko");
}

#[test]
fn a_database_from_a_newer_polku_is_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    assert!(polku(dir.path(), &["list"]).status.success());
    let db = dir.path().join("polku.sqlite3");
    let conn = rusqlite_free_user_version(&db, 99);
    assert!(conn);
    let out = polku(dir.path(), &["list"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("newer Polku"), "{}", stderr(&out));
}

/// Bumps `PRAGMA user_version` by patching the header (bytes 60..64), as a newer Polku would
/// have left it, without linking SQLite into this test.
fn rusqlite_free_user_version(db: &std::path::Path, v: u32) -> bool {
    let mut bytes = std::fs::read(db).unwrap();
    bytes[60..64].copy_from_slice(&v.to_be_bytes());
    std::fs::write(db, bytes).is_ok()
}

fn pdfinfo(file: &std::path::Path) -> String {
    let out = Command::new("pdfinfo").arg(file).output().expect("pdfinfo (poppler-utils: scripts/install-deps.sh test)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn export_writes_a_pdf_on_the_paper_asked_for_and_tiles_when_told() {
    let dir = tempfile::tempdir().unwrap();
    assert!(polku(dir.path(), &["import", example_file().to_str().unwrap()]).status.success());
    let id = list_json(dir.path())[0]["id"].as_str().unwrap().to_string();
    let fit = dir.path().join("raportti.pdf");
    let out = polku(dir.path(), &["export", &id, "--format", "pdf", "--paper", "a3", "--orientation", "portrait", "-o", fit.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let info = pdfinfo(&fit);
    assert!(info.contains("841.89 x 1190.55 pts (A3)"), "{info}");
    let pages = |info: &str| info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse::<usize>().unwrap();
    let tiled = dir.path().join("juliste.pdf");
    let out = polku(dir.path(), &["export", &id, "--format", "pdf", "--tile", "--paper", "a4", "-o", tiled.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tiled_info = pdfinfo(&tiled);
    assert!(tiled_info.contains("841.89 x 595.276 pts (A4)"), "landscape is the default: {tiled_info}");
    assert!(pages(&tiled_info) > pages(&info), "the tiled poster takes more pages");
    let both = polku(dir.path(), &["export", &id, "--format", "pdf", "--fit", "--tile", "-o", tiled.to_str().unwrap()]);
    assert!(!both.status.success(), "--fit and --tile together are refused");
    assert!(!dir.path().join("juliste.pdf.partial").exists());
}

#[test]
fn export_writes_a_csv_excel_opens_and_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    assert!(polku(dir.path(), &["import", example_file().to_str().unwrap()]).status.success());
    let id = list_json(dir.path())[0]["id"].as_str().unwrap().to_string();
    let csv = dir.path().join("laput.csv");
    let out = polku(dir.path(), &["export", &id, "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM, so Excel reads UTF-8");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.lines().next().unwrap().starts_with("Työpaja;Taulu;Vaihe / jakso;Kosketuspiste / laatikko / sarake"), "{text}");
    assert_eq!(text.lines().filter(|l| !l.is_empty()).count(), seed_notes() + 1, "a header and one line per note");
    let xlsx = dir.path().join("laput.xlsx");
    assert!(polku(dir.path(), &["export", &id, "--format", "xlsx", "-o", xlsx.to_str().unwrap()]).status.success());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an xlsx is a zip file");
}

#[test]
fn templates_are_listed_and_a_workshop_is_made_from_one() {
    let dir = tempfile::tempdir().unwrap();
    let rows = templates_json(dir.path(), "fi");
    let path = rows.iter().find(|r| r["id"] == "service-path").expect("the service path is a template");
    assert_eq!((path["title"].as_str(), path["kind"].as_str()), (Some("Palvelupolku"), Some("workshop")));
    assert!(rows.iter().all(|r| r.as_object().unwrap().len() == 4 && r["own"] == false));

    let out = polku(dir.path(), &["new", "--template", "service-path", "--title", "Kehittäjäryhmä", "--language", "sv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let listed = list_json(dir.path());
    assert_eq!((listed[0]["id"].as_str(), listed[0]["title"].as_str()), (Some(id.as_str()), Some("Kehittäjäryhmä")));
    let file = dir.path().join("w.polku");
    assert!(polku(dir.path(), &["export", &id, "--format", "polku", "-o", file.to_str().unwrap()]).status.success());
    let w: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(w["workshop"]["boards"][0]["touchpoints"][0]["label"], "Första kontakten");

    let out = polku(dir.path(), &["new", "--template", "nope", "--title", "X"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("there is no template \"nope\""), "{}", stderr(&out));
    assert_eq!(list_json(dir.path()).len(), 1, "nothing was made");
}

/// The text of a PDF, whitespace collapsed.
fn pdf_words(file: &std::path::Path) -> String {
    let out = Command::new("pdftotext").args(["-raw", "-enc", "UTF-8"]).arg(file).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn handout_prints_a_blank_board_or_an_agenda_and_lists_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let out = polku(dir.path(), &["new", "--template", "co-development-five-sessions", "--title", "Ryhmä", "--language", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();

    // Nothing chosen: the boards and sessions to choose from, by number and id.
    let out = polku(dir.path(), &["handout", &id]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for expected in ["--board", "--session", " 4  ", "Customer journey canvas (journey_canvas)", "Testing the path with client personas"] {
        assert!(err.contains(expected), "{expected:?} not in {err}");
    }

    let canvas = dir.path().join("kanvas.pdf");
    let out = polku(dir.path(), &["handout", &id, "--board", "4", "--paper", "a4", "-o", canvas.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let info = pdfinfo(&canvas);
    assert!(info.contains("Pages:           1") && info.contains("1190.55 x 841.89 pts (A3)"), "the canvas is one A3 page: {info}");
    let text = pdf_words(&canvas);
    assert!(text.contains("Advertisement / PR") && text.contains("Marc Stickdorn & Jakob Schneider"), "{text}");

    let agenda = dir.path().join("agenda.pdf");
    let w: polku_core::Workshop = serde_json::from_value(
        polku_api::Host::open(dir.path()).unwrap().call("open_workshop", serde_json::json!({ "id": id })).unwrap(),
    )
    .unwrap();
    let session = w.sessions[1].id.to_string();
    let out = polku(dir.path(), &["handout", &id, "--session", &session, "-o", agenda.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdfinfo(&agenda).contains("595.276 x 841.89 pts (A4)"), "an agenda is A4 portrait by default");
    let text = pdf_words(&agenda);
    assert!(text.contains(&w.sessions[1].fields.title), "{text}");
    for item in &w.sessions[1].fields.agenda {
        assert!(text.contains(&item.title), "{:?} not in {text}", item.title);
    }

    let out = polku(dir.path(), &["handout", &id, "--board", "9", "-o", agenda.to_str().unwrap()]);
    assert!(!out.status.success() && stderr(&out).contains("no board \"9\""), "{}", stderr(&out));
    let both = polku(dir.path(), &["handout", &id, "--board", "1", "--session", "1", "-o", agenda.to_str().unwrap()]);
    assert!(!both.status.success(), "a board and a session together are refused");
}

fn templates_json(data: &std::path::Path, language: &str) -> Vec<serde_json::Value> {
    let out = polku(data, &["templates", "--json", "--language", language]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_own_template_goes_to_a_file_and_from_it_into_another_library() {
    let a = tempfile::tempdir().unwrap();
    assert!(polku(a.path(), &["import", example_file().to_str().unwrap()]).status.success());
    let workshop = list_json(a.path())[0]["id"].clone();
    let saved = {
        let host = polku_api::Host::open(a.path()).unwrap();
        let req = serde_json::json!({ "workshop_id": workshop, "title": "Aikuissosiaalityön ohjelma", "description": "Viisi kertaa" });
        host.call("save_template", req).unwrap()
    };
    let id = saved["id"].as_str().unwrap();
    let own: Vec<_> = templates_json(a.path(), "en").into_iter().filter(|r| r["own"] == true).collect();
    assert_eq!((own.len(), own[0]["id"].as_str(), own[0]["title"].as_str()), (1, Some(id), Some("Aikuissosiaalityön ohjelma")));
    let file = a.path().join("ohjelma.polku-template");
    let out = polku(a.path(), &["templates", "export", id, "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    let example = std::fs::read_to_string(example_file()).unwrap();
    let first_note = example.split("\"text\": \"").nth(1).unwrap().split('"').next().unwrap();
    assert!(!text.contains(first_note), "no note text in the file: {first_note}");

    let b = tempfile::tempdir().unwrap();
    let out = polku(b.path(), &["templates", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("as {id}")), "the id was free here: {}", stdout(&out));
    let out = polku(b.path(), &["new", "--template", id, "--title", "Syksyn ryhmä"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let made = polku_api::Host::open(b.path()).unwrap().call("open_workshop", serde_json::json!({ "id": stdout(&out).trim() })).unwrap();
    let original = polku_api::Host::open(a.path()).unwrap().call("open_workshop", serde_json::json!({ "id": workshop })).unwrap();
    let labels = |w: &serde_json::Value| w["boards"][0]["touchpoints"].as_array().unwrap().iter().map(|t| t["label"].clone()).collect::<Vec<_>>();
    assert_eq!(labels(&made), labels(&original));
    assert_eq!(made["sessions"].as_array().unwrap().len(), original["sessions"].as_array().unwrap().len());
    assert!(made["boards"].as_array().unwrap().iter().all(|b| b["notes"].as_array().unwrap().is_empty()));
    assert!(made["personas"].as_array().unwrap().is_empty());

    let again = polku(b.path(), &["templates", "import", file.to_str().unwrap()]);
    assert!(again.status.success() && !stdout(&again).contains(&format!("as {id}")), "a second import is a copy");
    std::fs::write(&file, "{\"format\": \"polku.workshop\"}").unwrap();
    let bad = polku(b.path(), &["templates", "import", file.to_str().unwrap()]);
    assert!(!bad.status.success() && stderr(&bad).lines().count() == 1, "{}", stderr(&bad));
    assert_eq!(templates_json(b.path(), "en").iter().filter(|r| r["own"] == true).count(), 2, "the bad file added nothing");
}

fn deleted_json(data: &std::path::Path) -> Vec<serde_json::Value> {
    let out = polku(data, &["list", "--deleted", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_deleted_workshop_is_listed_restored_and_erased() {
    let dir = tempfile::tempdir().unwrap();
    assert!(polku(dir.path(), &["import", example_file().to_str().unwrap()]).status.success());
    let id = list_json(dir.path())[0]["id"].as_str().unwrap().to_string();
    assert!(stdout(&polku(dir.path(), &["list", "--deleted"])).contains("No recently deleted workshops"));

    let out = polku(dir.path(), &["delete", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(list_json(dir.path()).is_empty());
    let deleted = deleted_json(dir.path());
    assert_eq!(deleted.len(), 1);
    assert_eq!((deleted[0]["id"].as_str(), deleted[0]["days_left"].as_i64()), (Some(id.as_str()), Some(30)));
    assert_eq!(deleted[0]["notes"], seed_notes());
    let out = polku(dir.path(), &["export", &id, "-o", dir.path().join("x.polku").to_str().unwrap()]);
    assert!(!out.status.success() && stderr(&out).contains("Recently deleted"), "{}", stderr(&out));

    assert!(polku(dir.path(), &["restore", &id]).status.success());
    assert_eq!(list_json(dir.path())[0]["notes"], seed_notes());
    assert!(deleted_json(dir.path()).is_empty());

    let out = polku(dir.path(), &["erase", &id]);
    assert!(!out.status.success() && stderr(&out).contains("is not deleted"), "only a deleted workshop can be erased");
    assert!(polku(dir.path(), &["delete", &id]).status.success());
    let out = polku(dir.path(), &["erase", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(list_json(dir.path()).is_empty() && deleted_json(dir.path()).is_empty());
    let out = polku(dir.path(), &["restore", &id]);
    assert!(!out.status.success() && stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

fn backups_json(data: &std::path::Path) -> Vec<serde_json::Value> {
    let out = polku(data, &["backups", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn backups_are_listed_and_a_workshop_or_the_library_restored_from_one() {
    let dir = tempfile::tempdir().unwrap();
    assert!(polku(dir.path(), &["import", example_file().to_str().unwrap()]).status.success());
    let id = list_json(dir.path())[0]["id"].as_str().unwrap().to_string();
    let backups = backups_json(dir.path());
    assert_eq!(backups.len(), 1, "closing after the import made one: {backups:?}");
    assert_eq!((backups[0]["workshops"].clone(), backups[0]["notes"].clone()), (serde_json::json!(1), serde_json::json!(seed_notes())));
    let name = backups[0]["name"].as_str().unwrap().to_string();
    assert!(stdout(&polku(dir.path(), &["backups", "--show", &name])).contains(&id));

    assert!(polku(dir.path(), &["delete", &id]).status.success());
    let out = polku(dir.path(), &["restore", "--backup", &name]);
    assert!(!out.status.success() && stderr(&out).contains("--whole-library"), "{}", stderr(&out));
    let out = polku(dir.path(), &["restore", &id, "--backup", &name]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = list_json(dir.path());
    assert_eq!(listed.len(), 1);
    assert_ne!(listed[0]["id"].as_str(), Some(id.as_str()), "a copy, beside the deleted one");

    let out = polku(dir.path(), &["restore", "--backup", &name, "--whole-library"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("before-restore-"), "{}", stdout(&out));
    let listed = list_json(dir.path());
    assert_eq!((listed.len(), listed[0]["id"].as_str()), (1, Some(id.as_str())));

    let out = polku(dir.path(), &["backups", "--now"]);
    assert!(out.status.success() && stderr(&out).starts_with("Made backup-"), "{}", stderr(&out));
    let out = polku(dir.path(), &["restore", &id, "--backup", "../polku.sqlite3"]);
    assert!(!out.status.success() && stderr(&out).contains("no backup"), "{}", stderr(&out));

    assert!(polku(dir.path(), &["delete", &id]).status.success());
    // Every backup holds it: live, or in Recently deleted.
    let holding = backups_json(dir.path()).len();
    let out = polku(dir.path(), &["erase", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("from {holding} backups")), "{holding}: {}", stdout(&out));
}

#[test]
fn migrate_copies_a_library_folder_to_a_team_library_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = polku(dir.path(), &["import", example_file().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let url = test_postgres::database();
    let migrate = || {
        Command::new(env!("CARGO_BIN_EXE_polku"))
            .args(["migrate", "--from"])
            .arg(dir.path())
            .args(["--to", &url, "--owner", "anna@kunta.fi"])
            .output()
            .unwrap()
    };
    let refused = migrate();
    assert!(!refused.status.success() && stderr(&refused).contains("no facilitator anna@kunta.fi"), "{}", stderr(&refused));
    let mut add = Command::new(env!("CARGO_BIN_EXE_polku"))
        .args(["facilitators", "--database", &url, "add", "--email", "anna@kunta.fi", "--name", "Anna"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    writeln!(add.stdin.take().unwrap(), "kevät-ryhmä-2026").unwrap();
    assert!(add.wait().unwrap().success());
    let first = migrate();
    assert!(first.status.success(), "{}", stderr(&first));
    let notes = list_json(dir.path())[0]["notes"].as_i64().unwrap();
    assert!(stdout(&first).starts_with(&format!("Copied 1 workshop ({notes} notes) and 0 own templates to postgres://")), "{}", stdout(&first));
    let again = migrate();
    assert!(stdout(&again).starts_with("Copied 0 workshops (0 notes)") && stdout(&again).contains("Already there: 1 workshop"), "{}", stdout(&again));
    // The team library, through the same CLI: the workshop, with its notes.
    let listed = Command::new(env!("CARGO_BIN_EXE_polku")).args(["list", "--json", "--database", &url]).env_remove("POLKU_DATA_DIR").output().unwrap();
    let team: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).unwrap_or_else(|_| panic!("{}", stderr(&listed)));
    assert_eq!((team.len(), team[0]["notes"].as_i64().unwrap()), (1, notes));
    assert_eq!(team[0]["id"], list_json(dir.path())[0]["id"]);
    // The workshop is Anna's: she reaches it, signed in.
    let host = polku_api::Host::team(&url).unwrap();
    let anna = host.team_accounts().unwrap().find("anna@kunta.fi").unwrap().unwrap();
    let hers = host.call_as(&polku_api::Caller::TeamFacilitator(anna.id), "list_workshops", serde_json::json!({})).unwrap();
    assert_eq!(hers[0]["id"], team[0]["id"]);
}
