//! Participants of a team server, joining from anywhere: the join lives in the team library's
//! database, so a phone's requests may reach any instance (as the organisation's load balancer
//! sends them), the facilitator may be on another, and the join outlives the instance it was
//! opened on. The phone routes are on the team server's own address; the facilitator's API is
//! not reachable with a phone's cookie, nor the phone's without one.

mod common;

use common::room::{next_text, send, Phone};
use common::team::*;
use serde_json::{json, Value};

async fn workshop_with_board(at: std::net::SocketAddr, cookie: &str) -> (Value, Value) {
    let (status, made) = call(at, cookie, "create_workshop", json!({ "title": "Etäryhmä", "language": "fi" })).await;
    assert_eq!(status, 200, "{made}");
    let (_, opened) = call(at, cookie, "open_workshop", json!({ "id": made["id"] })).await;
    (made["id"].clone(), opened["boards"][0].clone())
}

fn phone_note(board: &Value, text: &str) -> Value {
    json!({ "op_id": uuid::Uuid::now_v7(), "board_id": board["id"], "touchpoint_id": board["touchpoints"][0]["id"], "tone": "idea", "text": text })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_joins_on_one_instance_a_join_opened_on_another_and_the_join_outlives_it() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let a = start(&url);
    let b = start(&url);
    let cookie = sign_in(a.addr, EMAIL, PASSWORD).await.expect("signed in");
    let (workshop, board) = workshop_with_board(a.addr, &cookie).await;

    // Opened on A: no room network to choose, the link on the server's own address.
    let (status, join) = call(a.addr, &cookie, "join_addresses", json!({})).await;
    assert_eq!((status, join), (200, json!([])));
    let (status, join) = call(a.addr, &cookie, "open_join", json!({ "workshop_id": workshop, "board_id": board["id"] })).await;
    assert_eq!(status, 200, "{join}");
    let token = join["token"].as_str().unwrap().to_string();
    assert_eq!(join["url"], format!("http://{}/j/{token}", a.addr));
    assert_eq!(join["code_url"], format!("http://{}/j/", a.addr));
    assert!(join["qr"].is_object(), "a QR code of the link: {join}");

    // The page is there without signing in, for the link and for typing the code.
    for path in [format!("/j/{token}"), "/j/".to_string()] {
        let page = send(b.addr, "GET", &path, &[], None).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(page.header("content-security-policy").is_some());
    }

    // The phone reaches B. Its cookie names the workshop and a secret; the database keeps only
    // the secret's hash.
    let mut phone = Phone { lan: b.addr, cookie: None };
    phone.join(&token).await;
    let device_cookie = phone.cookie.clone().unwrap();
    let secret = device_cookie.split_once('.').expect("WORKSHOP.SECRET").1.to_string();
    assert!(device_cookie.starts_with(&format!("polku_device={}.", workshop.as_str().unwrap())));
    let kept = sql(&url, "SELECT state::text FROM participant_join").await;
    assert!(!kept.contains(&secret) && kept.contains(&token), "{kept}");

    // The facilitator on A sees the device; the phone writes through B; A's board has the note.
    let (_, status) = call(a.addr, &cookie, "join_status", json!({ "workshop_id": workshop })).await;
    assert_eq!(status["joined"], 1);
    let mut stream = phone.events().await;
    let added = phone.post("/p/api/participant_add_note", phone_note(&board, "Kotoa käsin")).await;
    assert_eq!(added.status, 200, "{}", added.body);
    let (_, opened) = call(a.addr, &cookie, "open_workshop", json!({ "id": workshop })).await;
    assert!(opened["boards"][0]["notes"].as_array().unwrap().iter().any(|n| n["text"] == "Kotoa käsin"), "{opened}");

    // A facilitator's change on A reaches the phone's stream on B.
    let (status, _) = call(a.addr, &cookie, "set_note_names", json!({ "workshop_id": workshop, "names": true })).await;
    assert_eq!(status, 200);
    let mut heard = Vec::new();
    while let Some(event) = next_text(&mut stream).await {
        let kind = event["type"].clone();
        heard.push(event);
        if kind == "join_changed" {
            break;
        }
    }
    assert!(heard.iter().any(|e| e["type"] == "join_changed"), "{heard:?}");

    // A phone's cookie opens no facilitator command, on any instance.
    let facilitators = send(b.addr, "POST", "/api/list_workshops", &phone.headers(), Some(&json!({}))).await;
    assert_eq!(facilitators.status, 401);

    // A stops; the join is the library's: a second phone joins with the code through B.
    drop(a);
    let code: String = join["code"].as_str().unwrap().chars().filter(|c| *c != '-').collect();
    let mut second = Phone { lan: b.addr, cookie: None };
    second.join(&code).await;

    // Removed by the facilitator (now on B): the first phone is refused at once and its stream ends.
    let (_, status) = call(b.addr, &cookie, "join_status", json!({ "workshop_id": workshop })).await;
    let first = first_joined(&status);
    let (s, _) = call(b.addr, &cookie, "remove_device", json!({ "workshop_id": workshop, "device_id": first })).await;
    assert_eq!(s, 200);
    let refused = phone.post("/p/api/participant_view", json!({})).await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert!(next_text(&mut stream).await.is_none_or(|e| e["type"] == "join_changed"));

    // Closed: the second phone is out too, and the link opens nothing.
    let (s, _) = call(b.addr, &cookie, "close_join", json!({ "workshop_id": workshop })).await;
    assert_eq!(s, 200);
    assert_eq!(second.post("/p/api/participant_view", json!({})).await.status, 403);
    let invite = Phone { lan: b.addr, cookie: None }.post("/p/invite", json!({ "key": token })).await;
    assert_eq!(invite.status, 403);
    let rows = sql(&url, "SELECT count(*)::text FROM participant_join").await;
    assert_eq!(rows, "0", "nothing of the join is kept once it is closed");
}

/// The id of the device that joined first.
fn first_joined(status: &Value) -> Value {
    let devices = status["devices"].as_array().unwrap();
    devices.iter().min_by_key(|d| d["joined_at"].as_i64()).unwrap()["id"].clone()
}

/// One text value the database answers, asked as another program would.
async fn sql(url: &str, query: &'static str) -> String {
    let url = url.to_string();
    tokio::task::spawn_blocking(move || postgres::Client::connect(&url, postgres::NoTls).unwrap().query_one(query, &[]).unwrap().get(0)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_at_any_instance_spend_every_joins_code() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let (a, b) = (start(&url), start(&url));
    let cookie = sign_in(a.addr, EMAIL, PASSWORD).await.expect("signed in");
    let (workshop, board) = workshop_with_board(a.addr, &cookie).await;
    let (_, join) = call(a.addr, &cookie, "open_join", json!({ "workshop_id": workshop, "board_id": board["id"] })).await;
    let code = join["code"].as_str().unwrap().replace('-', "");
    // Guesses spread over both instances, as a load balancer spreads them.
    for i in 0..polku_api::CODE_FAILURES_PER_MINUTE {
        let at = if i % 2 == 0 { a.addr } else { b.addr };
        let guess = if code.starts_with('Z') { "YYYYYYYY" } else { "ZZZZZZZZ" };
        let refused = Phone { lan: at, cookie: None }.post("/p/invite", json!({ "key": guess })).await;
        assert_eq!(refused.status, 403);
    }
    let spent = Phone { lan: b.addr, cookie: None }.post("/p/invite", json!({ "key": code })).await;
    assert_eq!(spent.status, 403, "the real code stopped working too");
    let (_, status) = call(a.addr, &cookie, "join_status", json!({ "workshop_id": workshop })).await;
    assert!(status["code"].is_null(), "the facilitator sees it is spent: {status}");
    // The link still works.
    let invite = Phone { lan: b.addr, cookie: None }.post("/p/invite", json!({ "key": join["token"] })).await;
    assert_eq!(invite.status, 200);
}
