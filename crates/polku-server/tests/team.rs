//! A team server: several `polku serve --database postgres://…` processes on one real PostgreSQL.
//! A change made through one instance reaches the event streams of the others within a second;
//! an instance killed mid-stream loses nothing acknowledged, and its clients, reconnected to
//! another instance with the op-log number they had, get every change after it once and in
//! order; an instance started later serves the same workshops.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::room::send;
use common::team::*;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_share_changes_survive_a_kill_and_a_late_one_serves_the_same_library() {
    // The test server's client blocks: not on the runtime's own threads.
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let a = start(&url);
    let b = start(&url);
    // Signed in through A; the sign-in holds on every instance.
    let cookie = sign_in(a.addr, EMAIL, PASSWORD).await.expect("signed in");
    let health = send(b.addr, "GET", "/healthz", &[], None).await;
    assert_eq!((health.status, health.body.as_str()), (200, r#"{"library":"team","status":"ok"}"#));
    let (status, made) = call(a.addr, &cookie, "create_workshop", json!({ "title": "Tiimi", "language": "fi" })).await;
    assert_eq!(status, 200, "{made}");
    let workshop = made["id"].clone();
    let (_, opened) = call(b.addr, &cookie, "open_workshop", json!({ "id": workshop })).await;
    let board = opened["boards"][0].clone();

    // Through A, seen on B's stream within a second.
    let mut on_b = events(b.addr, &cookie, "").await;
    let op = envelope(&workshop, new_note(&board, "Ensimmäinen"));
    let sent = Instant::now();
    let (status, _) = call(a.addr, &cookie, "apply_op", op.clone()).await;
    assert_eq!(status, 200);
    let seen = next_change(&mut on_b, Duration::from_secs(5)).await.expect("B's client hears of A's change");
    assert_eq!(seen["op_id"], op["op_id"]);
    let latency = sent.elapsed();
    assert!(latency < Duration::from_secs(1), "{latency:?}");

    // A client on A follows a writer; A is killed halfway. The writer carries on through B (the
    // op it was sending when A died, again with the same id); the client reconnects to B with
    // the last op-log number it saw.
    let mut on_a = events(a.addr, &cookie, "").await;
    let mut a = Some(a);
    let mut heard: Vec<i64> = Vec::new();
    let mut acknowledged = Vec::new();
    for i in 0..60 {
        if i == 30 {
            drop(a.take());
        }
        let op = envelope(&workshop, new_note(&board, &format!("Muistiinpano {i}")));
        let through = a.as_ref().map_or(b.addr, |a| a.addr);
        let (mut status, mut answer) = call(through, &cookie, "apply_op", op.clone()).await;
        if status != 200 {
            (status, answer) = call(b.addr, &cookie, "apply_op", op.clone()).await;
        }
        assert_eq!(status, 200, "{answer}");
        acknowledged.push(op["op"]["note"]["id"].clone());
        if a.is_some() {
            heard.push(next_change(&mut on_a, Duration::from_secs(5)).await.expect("A's stream follows")["seq"].as_i64().unwrap());
        }
    }
    assert!(next_change(&mut on_a, Duration::from_secs(5)).await.is_none(), "A's stream ended with A");
    let last = *heard.last().unwrap();
    let mut again = events(b.addr, &cookie, &format!("?workshop={}&after={last}", workshop.as_str().unwrap())).await;
    while let Some(change) = next_change(&mut again, Duration::from_millis(1500)).await {
        heard.push(change["seq"].as_i64().unwrap());
    }
    // Every change of the workshop since the client first connected, once each, in order.
    let mut all = events(b.addr, &cookie, &format!("?workshop={}&after=0", workshop.as_str().unwrap())).await;
    let mut log = Vec::new();
    while let Some(change) = next_change(&mut all, Duration::from_millis(1500)).await {
        log.push(change["seq"].as_i64().unwrap());
    }
    let first = heard[0];
    let expected: Vec<i64> = log.into_iter().filter(|s| *s >= first).collect();
    assert_eq!(heard, expected, "no gap and no repeat across the kill");
    assert_eq!(heard.len(), 60);

    // An instance started later serves the same library, every acknowledged note in it.
    let c = start(&url);
    let (_, list) = call(c.addr, &cookie, "list_workshops", json!({})).await;
    assert!(list.as_array().unwrap().iter().any(|w| w["id"] == workshop), "{list}");
    let (_, seen_by_c) = call(c.addr, &cookie, "open_workshop", json!({ "id": workshop })).await;
    let notes = seen_by_c["boards"][0]["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 61);
    for id in &acknowledged {
        assert!(notes.iter().any(|n| &n["id"] == id), "acknowledged note {id} is there");
    }
    drop((b, c));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn facilitators_sign_in_on_one_instance_and_out_on_another() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let a = start(&url);
    let b = start(&url);
    let fi = [("Accept-Language", "fi-FI,fi;q=0.9".to_string())];

    // Nobody signed in: a page goes to the form, the API says so, a monitor is still answered.
    let page = send(a.addr, "GET", "/", &[], None).await;
    assert!(page.status == 303 && page.head.contains("location: /signin"), "{}", page.head);
    let (status, refused) = call(a.addr, "", "list_workshops", json!({})).await;
    assert_eq!((status, refused["error"]["field"].as_str()), (401, Some("signed_out")));
    assert_eq!(send(a.addr, "GET", "/healthz", &[], None).await.status, 200);
    let form = send(a.addr, "GET", "/signin", &fi, None).await;
    assert!(form.status == 200 && form.body.contains("Kirjaudu Polkuun") && form.body.contains("autocomplete=current-password"), "{}", form.body);

    // A wrong password: the form again, the address kept (as text), in the reader's language.
    let wrong = post_form(a.addr, "/signin", "email=%3Cb%3Eanna%40kunta.fi&password=v%C3%A4%C3%A4r%C3%A4", &fi).await;
    assert_eq!(wrong.status, 401);
    assert!(wrong.body.contains("Osoite ja salasana eivät täsmää") && wrong.body.contains("&lt;b&gt;anna@kunta.fi") && !wrong.body.contains("<b>anna"), "{}", wrong.body);

    let cookie = sign_in(a.addr, EMAIL, PASSWORD).await.expect("signed in");
    let set = post_form(a.addr, "/signin", &format!("email=anna%40kunta.fi&password={}", percent(PASSWORD)), &[]).await;
    // A server that answers loopback only is reached over plain HTTP: no Secure cookie (WebKit
    // keeps none there); behind a proxy it is `__Host-` and Secure (below).
    assert!(set.head.contains("; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200") && !set.head.contains("Secure"), "{}", set.head);
    assert!(cookie.starts_with("polku_session=") && cookie.len() == "polku_session=".len() + 64);
    let me = send(b.addr, "GET", "/api/me", &[("Cookie", cookie.clone())], None).await;
    assert_eq!(serde_json::from_str::<Value>(&me.body).unwrap(), json!({ "name": "Anna Virtanen", "email": EMAIL, "admin": true, "provider": false }));
    let signed_in_page = send(b.addr, "GET", "/signin", &[("Cookie", cookie.clone())], None).await;
    assert!(signed_in_page.status == 303 && signed_in_page.head.contains("location: /\r"), "already signed in: to the app");

    // Signed out through B: the cookie opens nothing on A either.
    let out = post_form(b.addr, "/signout", "", &[("Cookie", cookie.clone())]).await;
    assert!(out.status == 303 && out.head.contains("Max-Age=0"), "{}", out.head);
    let (status, _) = call(a.addr, &cookie, "list_workshops", json!({})).await;
    assert_eq!(status, 401);

    // Five wrong passwords: the address waits, even with the right one.
    for _ in 0..5 {
        assert_eq!(sign_in(b.addr, EMAIL, "arvaus-arvaus").await.unwrap_err().0, 401);
    }
    let (status, body) = sign_in(a.addr, EMAIL, PASSWORD).await.unwrap_err();
    assert!(status == 429 && body.contains("15 minutes"), "{status} {body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_the_organisations_proxy_its_address_is_let_in_and_no_other() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let proxied = start_with(&url, &["--public-url", "https://polku.kunta.fi"]);
    let public = [("Host", "polku.kunta.fi".to_string()), ("Origin", "https://polku.kunta.fi".to_string())];
    let form = format!("email=anna%40kunta.fi&password={}", percent(PASSWORD));
    let signed = post_form(proxied.addr, "/signin", &form, &public).await;
    assert_eq!(signed.status, 303, "the proxy's Host and the public origin: {}", signed.head);
    let set = signed.header("set-cookie").unwrap_or_default();
    assert!(set.starts_with("__Host-polku_session=") && set.contains("; Path=/; Secure; HttpOnly; SameSite=Lax;"), "{set}");
    // A proxy that passes on its own Host (nginx's default) gets the same Secure cookie.
    let upstream = [("Host", proxied.addr.to_string()), ("Origin", "https://polku.kunta.fi".to_string())];
    let via_upstream = post_form(proxied.addr, "/signin", &form, &upstream).await;
    assert!(via_upstream.header("set-cookie").unwrap_or_default().starts_with("__Host-polku_session="), "{}", via_upstream.head);
    let cookie = set.split(';').next().unwrap().to_string();
    let at_public = send(proxied.addr, "POST", "/api/list_workshops", &[public[0].clone(), public[1].clone(), ("Cookie", cookie), ("Content-Type", "application/json".into())], Some(&json!({}))).await;
    assert_eq!(at_public.status, 200);
    for (host, origin) in [("polku.kunta.fi", "https://evil.example"), ("evil.example", "https://polku.kunta.fi"), ("polku.kunta.fi", "http://polku.kunta.fi")] {
        let refused = post_form(proxied.addr, "/signin", &form, &[("Host", host.to_string()), ("Origin", origin.to_string())]).await;
        assert_eq!(refused.status, 403, "{host} {origin}");
    }
    // Without it, only loopback: the laptop's rule.
    let plain = start(&url);
    assert_eq!(post_form(plain.addr, "/signin", &form, &public).await.status, 403);
    // A public address must be HTTPS (the sign-in cookie is never sent over plain HTTP).
    let out = Command::new(env!("CARGO_BIN_EXE_polku")).args(["serve", "--database", &url, "--public-url", "http://polku.kunta.fi"]).output().unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("must start with https://"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_colleagues_stream_carries_only_what_is_shared_with_them() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    add_facilitator(&url, "ville@kunta.fi", PASSWORD);
    let a = start(&url);
    let b = start(&url);
    let anna = sign_in(a.addr, EMAIL, PASSWORD).await.unwrap();
    let ville = sign_in(b.addr, "ville@kunta.fi", PASSWORD).await.unwrap();
    let (_, made) = call(a.addr, &anna, "create_workshop", json!({ "title": "Annan", "language": "fi" })).await;
    let workshop = made["id"].clone();
    let (_, opened) = call(a.addr, &anna, "open_workshop", json!({ "id": workshop })).await;
    let board = opened["boards"][0].clone();
    let mut on_b = events(b.addr, &ville, "").await;
    let mut catching = events(b.addr, &ville, &format!("?workshop={}&after=0", workshop.as_str().unwrap())).await;

    let (status, _) = call(a.addr, &anna, "apply_op", envelope(&workshop, new_note(&board, "Vain Annan"))).await;
    assert_eq!(status, 200);
    assert!(next_change(&mut on_b, Duration::from_millis(1500)).await.is_none(), "Ville's stream heard nothing of Anna's workshop");
    assert!(next_change(&mut catching, Duration::from_millis(500)).await.is_none(), "nor caught up on it");
    let (status, _) = call(b.addr, &ville, "open_workshop", json!({ "id": workshop })).await;
    assert_eq!(status, 404);

    let (status, _) = call(a.addr, &anna, "share_workshop", json!({ "workshop_id": workshop, "email": "ville@kunta.fi", "shared": true })).await;
    assert_eq!(status, 200);
    let op = envelope(&workshop, new_note(&board, "Nyt yhteinen"));
    call(a.addr, &anna, "apply_op", op.clone()).await;
    let heard = next_change(&mut on_b, Duration::from_secs(5)).await.expect("shared: Ville hears of it");
    assert_eq!(heard["op_id"], op["op_id"]);
    let (status, seen) = call(b.addr, &ville, "open_workshop", json!({ "id": workshop })).await;
    assert_eq!((status, seen["boards"][0]["notes"].as_array().unwrap().len()), (200, 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_manages_facilitators_and_no_one_else_may() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let a = start(&url);
    let admin = sign_in(a.addr, EMAIL, PASSWORD).await.unwrap();
    let json = |cookie: &str| vec![("Content-Type", "application/json".to_string()), ("Cookie", cookie.to_string())];

    let added = send(a.addr, "POST", "/api/team/facilitators", &json(&admin), Some(&json!({ "email": "Sari@Kunta.fi", "name": "Sari Laine", "password": "sari-salasana-2026" }))).await;
    assert_eq!(added.status, 200, "{}", added.body);
    assert_eq!(serde_json::from_str::<Value>(&added.body).unwrap(), json!({ "email": "sari@kunta.fi", "name": "Sari Laine", "admin": false, "disabled": false }));
    let short = send(a.addr, "POST", "/api/team/facilitators", &json(&admin), Some(&json!({ "email": "x@kunta.fi", "name": "X", "password": "lyhyt" }))).await;
    assert_eq!((short.status, serde_json::from_str::<Value>(&short.body).unwrap()["error"]["field"].clone()), (422, json!("password")));

    // Sari signs in, and is no admin.
    let sari = sign_in(a.addr, "sari@kunta.fi", "sari-salasana-2026").await.expect("the new facilitator signs in");
    for (method, path, body) in [("GET", "/api/team/facilitators", None), ("POST", "/api/team/facilitators/update", Some(json!({ "email": EMAIL, "disabled": true })))] {
        let refused = send(a.addr, method, path, &json(&sari), body.as_ref()).await;
        assert_eq!((refused.status, serde_json::from_str::<Value>(&refused.body).unwrap()["error"]["field"].clone()), (403, json!("admin")), "{path}");
    }

    // The admin disables her: her sign-in ends at once; an admin cannot disable themselves.
    let off = send(a.addr, "POST", "/api/team/facilitators/update", &json(&admin), Some(&json!({ "email": "sari@kunta.fi", "disabled": true }))).await;
    assert_eq!(serde_json::from_str::<Value>(&off.body).unwrap()["disabled"], true);
    assert_eq!(call(a.addr, &sari, "list_workshops", json!({})).await.0, 401);
    let own = send(a.addr, "POST", "/api/team/facilitators/update", &json(&admin), Some(&json!({ "email": EMAIL, "disabled": true }))).await;
    assert_eq!((own.status, serde_json::from_str::<Value>(&own.body).unwrap()["error"]["field"].clone()), (403, json!("self")));
    let listed = send(a.addr, "GET", "/api/team/facilitators", &json(&admin), None).await;
    assert_eq!(serde_json::from_str::<Value>(&listed.body).unwrap().as_array().unwrap().len(), 2);
}

/// A JSON POST to a team route as the signed-in `cookie`: the status and the answer's JSON.
async fn post_json(addr: std::net::SocketAddr, cookie: String, path: &'static str, body: Value) -> (u16, Value) {
    let headers = vec![("Content-Type", "application/json".to_string()), ("Cookie", cookie)];
    let answer = send(addr, "POST", path, &headers, Some(&body)).await;
    (answer.status, serde_json::from_str::<Value>(&answer.body).unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_makes_groups_in_the_app_and_a_workshop_shared_with_one_reaches_whoever_is_in_it() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let a = start(&url);
    let admin = sign_in(a.addr, EMAIL, PASSWORD).await.unwrap();
    let post = |cookie: String, path: &'static str, body: Value| post_json(a.addr, cookie, path, body);

    // Sari is added without a password (she would sign in through the organisation's provider).
    let (status, _) = post(admin.clone(), "/api/team/facilitators", json!({ "email": "sari@kunta.fi", "name": "Sari Laine" })).await;
    assert_eq!(status, 200);
    assert!(sign_in(a.addr, "sari@kunta.fi", "").await.is_err(), "no password signs her in");
    let (status, _) = post(admin.clone(), "/api/team/facilitators", json!({ "email": "eero@kunta.fi", "name": "Eero", "password": "eeron-salasana-26" })).await;
    assert_eq!(status, 200);

    let (status, groups) = post(admin.clone(), "/api/team/groups", json!({ "name": " Lapsiperheet " })).await;
    let id = groups[0]["id"].clone();
    assert!(id.is_string(), "{groups}");
    assert_eq!((status, groups), (200, json!([{ "id": id, "name": "Lapsiperheet", "members": [], "workshops": 0 }])));
    let (status, again) = post(admin.clone(), "/api/team/groups", json!({ "name": "Lapsiperheet" })).await;
    assert_eq!((status, again["error"]["field"].clone()), (422, json!("group_taken")));
    let (_, groups) = post(admin.clone(), "/api/team/groups/member", json!({ "group": "Lapsiperheet", "email": "Eero@kunta.fi", "member": true })).await;
    assert_eq!(groups, json!([{ "id": id, "name": "Lapsiperheet", "members": ["eero@kunta.fi"], "workshops": 0 }]));
    let (status, unknown) = post(admin.clone(), "/api/team/groups/member", json!({ "group": "Lapsiperheet", "email": "nobody@kunta.fi", "member": true })).await;
    assert_eq!((status, unknown["error"]["field"].clone()), (422, json!("facilitator")));

    // Shared with the group: Eero has it; taken out of the group, he does not.
    let (_, made) = call(a.addr, &admin, "create_workshop", json!({ "title": "Perhetyö", "language": "fi" })).await;
    let (status, _) = call(a.addr, &admin, "share_workshop", json!({ "workshop_id": made["id"], "group": "Lapsiperheet", "shared": true })).await;
    assert_eq!(status, 200);
    let eero = sign_in(a.addr, "eero@kunta.fi", "eeron-salasana-26").await.unwrap();
    let (_, list) = call(a.addr, &eero, "list_workshops", json!({})).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    // …and, no admin, he manages no groups.
    let (status, refused) = post(eero.clone(), "/api/team/groups", json!({ "name": "Oma" })).await;
    assert_eq!((status, refused["error"]["field"].clone()), (403, json!("admin")));
    let (_, groups) = post(admin.clone(), "/api/team/groups/member", json!({ "group": "Lapsiperheet", "email": "eero@kunta.fi", "member": false })).await;
    assert_eq!(groups, json!([{ "id": id, "name": "Lapsiperheet", "members": [], "workshops": 1 }]));
    let (_, list) = call(a.addr, &eero, "list_workshops", json!({})).await;
    assert_eq!(list, json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_renames_a_group_keeping_its_people_and_workshops_and_removing_it_ends_their_reach() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let a = start(&url);
    let admin = sign_in(a.addr, EMAIL, PASSWORD).await.unwrap();
    let post = |cookie: String, path: &'static str, body: Value| post_json(a.addr, cookie, path, body);
    let field = |answer: &Value| answer["error"]["field"].clone();
    post(admin.clone(), "/api/team/facilitators", json!({ "email": "eero@kunta.fi", "name": "Eero", "password": "eeron-salasana-26" })).await;
    for name in ["Lapsiperheet", "Aikuiset"] {
        post(admin.clone(), "/api/team/groups", json!({ "name": name })).await;
    }
    post(admin.clone(), "/api/team/groups/member", json!({ "group": "Lapsiperheet", "email": "eero@kunta.fi", "member": true })).await;
    let (_, made) = call(a.addr, &admin, "create_workshop", json!({ "title": "Perhetyö", "language": "fi" })).await;
    call(a.addr, &admin, "share_workshop", json!({ "workshop_id": made["id"], "group": "Lapsiperheet", "shared": true })).await;
    let eero = sign_in(a.addr, "eero@kunta.fi", "eeron-salasana-26").await.unwrap();
    let (_, before) = post(admin.clone(), "/api/team/groups/member", json!({ "group": "Lapsiperheet", "email": "eero@kunta.fi", "member": true })).await;
    let (aikuiset, lapsi) = (before[0]["id"].clone(), before[1]["id"].clone());

    // Renamed, the group keeps its id, people and workshops; the workshop names it by its new name.
    let (status, groups) = post(admin.clone(), "/api/team/groups/rename", json!({ "group": "Lapsiperheet", "name": " Perhepalvelut " })).await;
    assert_eq!(status, 200);
    assert_eq!(groups[1], json!({ "id": lapsi, "name": "Perhepalvelut", "members": ["eero@kunta.fi"], "workshops": 1 }));
    let (_, list) = call(a.addr, &eero, "list_workshops", json!({})).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (_, sharing) = call(a.addr, &admin, "workshop_sharing", json!({ "workshop_id": made["id"] })).await;
    assert_eq!(sharing["groups"], json!(["Perhepalvelut"]));

    // A name taken, an empty or two-line one, a group not there, and a non-admin: each refused, nothing changed.
    let (status, answer) = post(admin.clone(), "/api/team/groups/rename", json!({ "group": "Perhepalvelut", "name": "Aikuiset" })).await;
    assert_eq!((status, field(&answer)), (422, json!("group_taken")));
    for bad in ["  ", "Kaksi\nriviä"] {
        let (status, answer) = post(admin.clone(), "/api/team/groups/rename", json!({ "group": "Perhepalvelut", "name": bad })).await;
        assert_eq!((status, field(&answer)), (422, json!("group_name")), "{bad:?}");
    }
    let (status, answer) = post(admin.clone(), "/api/team/groups/remove", json!({ "group": "Lapsiperheet" })).await;
    assert_eq!((status, field(&answer)), (422, json!("group")));
    let (status, answer) = post(eero.clone(), "/api/team/groups/remove", json!({ "group": "Perhepalvelut" })).await;
    assert_eq!((status, field(&answer)), (403, json!("admin")));
    let (status, answer) = post(eero.clone(), "/api/team/groups/rename", json!({ "group": "Perhepalvelut", "name": "Oma" })).await;
    assert_eq!((status, field(&answer)), (403, json!("admin")));

    // Removed, the group is gone and Eero no longer reaches its workshop; its owner still has it.
    let (status, groups) = post(admin.clone(), "/api/team/groups/remove", json!({ "group": "Perhepalvelut" })).await;
    assert_eq!((status, groups), (200, json!([{ "id": aikuiset, "name": "Aikuiset", "members": [], "workshops": 0 }])));
    let (_, list) = call(a.addr, &eero, "list_workshops", json!({})).await;
    assert_eq!(list, json!([]));
    let (_, list) = call(a.addr, &admin, "list_workshops", json!({})).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (_, sharing) = call(a.addr, &admin, "workshop_sharing", json!({ "workshop_id": made["id"] })).await;
    assert_eq!(sharing["groups"], json!([]));
}

#[test]
fn it_manages_groups_from_the_command_line_as_admins_do_in_the_app() {
    let url = test_postgres::database();
    add_facilitator(&url, EMAIL, PASSWORD);
    let polku = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_polku")).args(["facilitators", "--database", &url]).args(args).output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
    };
    assert!(polku(&["add-group", "--group", "Lapsiperheet"]).0);
    assert!(polku(&["member", "--group", "Lapsiperheet", "--email", EMAIL]).0);
    let (ok, said) = polku(&["rename-group", "--group", "Lapsiperheet", "--to", "Perhepalvelut"]);
    assert!(ok, "{said}");
    assert_eq!(polku(&["groups"]).1, format!("Perhepalvelut: {EMAIL}; 0 workshop(s) shared with it\n"));
    // A name in use, or a group that is not there: refused in one line, nothing changed.
    assert!(polku(&["add-group", "--group", "Aikuiset"]).0);
    let (ok, said) = polku(&["rename-group", "--group", "Perhepalvelut", "--to", "Aikuiset"]);
    assert!(!ok && said.contains("already"), "{said}");
    let (ok, said) = polku(&["remove-group", "--group", "Lapsiperheet"]);
    assert!(!ok && said.contains("no group"), "{said}");
    assert!(polku(&["remove-group", "--group", "Perhepalvelut"]).0);
    assert_eq!(polku(&["groups"]).1, "Aikuiset: (nobody); 0 workshop(s) shared with it\n");
}
