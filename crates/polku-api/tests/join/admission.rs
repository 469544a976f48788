//! Letting a phone in: the link's token and the short code, devices asked about, removed and
//! revoked, the code's brake, and the network the link names.

use crate::common::*;
use crate::{note_args, notes_on_board, token};
use std::sync::atomic::{AtomicI64, Ordering::SeqCst};

use polku_api::{ErrorCode, Event, JoinInviteRequest, CODE_FAILURES_PER_MINUTE, DEFAULT_JOIN_HOURS, MAX_JOIN_HOURS};
use serde_json::{json, Value};

#[test]
fn the_link_is_a_long_random_token_and_the_code_is_short() {
    let room = Room::new();
    let s = room.open_join(json!({}));
    let t = token(&s);
    assert!(t.len() >= 26, "at least 128 bits in base32: {t}");
    assert!(t.chars().all(|c| c.is_ascii_alphanumeric()), "URL-safe: {t}");
    assert_eq!(s["link"], json!(format!("/j/{t}")));
    let code = s["code"].as_str().unwrap();
    assert_eq!((code.len(), &code[4..5]), (9, "-"), "{code}");
    assert_eq!(s["boards"], json!([room.board(0)["id"]]), "the facilitator's board when none are chosen");
    // Another workshop, another token; opening again keeps the link already shown.
    let other = Room::new();
    assert_ne!(token(&other.open_join(json!({}))), t);
    assert_eq!(token(&room.open_join(json!({"show_others": true}))), t);
}

#[test]
fn token_and_code_both_let_a_phone_in() {
    let room = Room::new();
    let s = room.open_join(json!({}));
    let invite = room.host.join_invite(Some(room.at()), &JoinInviteRequest { key: token(&s) }).unwrap();
    assert_eq!(invite.title, "Palvelupolku");
    assert!(!invite.nickname.is_empty());
    let a = room.join(&token(&s), &invite.nickname).unwrap();
    // Typed on a phone: small letters, no dash.
    let typed = s["code"].as_str().unwrap().replace('-', "").to_lowercase();
    let b = room.join(&typed, "Vihreä siili").unwrap();
    assert!(!a.pending && !b.pending);
    assert_ne!(a.secret, b.secret);
    assert!(a.secret.len() >= 26);
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!(view["title"], "Palvelupolku");
    assert_eq!(view["nickname"], invite.nickname);
    let st = room.status();
    assert_eq!((st["joined"].as_u64(), st["waiting"].as_u64()), (Some(2), Some(0)));
    assert_eq!(st["devices"][1]["nickname"], "Vihreä siili");
}

#[test]
fn a_wrong_token_opens_nothing() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let mut wrong = t.clone();
    wrong.replace_range(..1, if t.starts_with('A') { "B" } else { "A" });
    for key in [wrong.as_str(), "", &t[..t.len() - 1], "/j/../api"] {
        assert_refused(room.join(key, "Kettu").map(|_| json!(null)), ErrorCode::Forbidden, "join");
    }
    assert_eq!(room.status()["devices"], json!([]));
}

#[test]
fn closing_revokes_the_link_and_every_device() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let d = room.join(&t, "Kettu").unwrap();
    let s = room.host.call("close_join", json!({"workshop_id": room.id()})).unwrap();
    assert_eq!(s["open"], false);
    assert_refused(room.host.call_as(&phone(&d), "participant_view", json!({})), ErrorCode::Forbidden, "device");
    assert_refused(room.join(&t, "Kettu").map(|_| json!(null)), ErrorCode::Forbidden, "join");
    // Opened again: a new link; the old one stays dead.
    let again = token(&room.open_join(json!({})));
    assert_ne!(again, t);
    assert_refused(room.join(&t, "Kettu").map(|_| json!(null)), ErrorCode::Forbidden, "join");
}

#[test]
fn deleting_the_workshop_closes_its_join() {
    let room = Room::new();
    let d = room.join(&token(&room.open_join(json!({}))), "Kettu").unwrap();
    room.host.call("delete_workshop", json!({"id": room.id()})).unwrap();
    assert_eq!(room.status()["open"], false);
    assert_refused(room.host.call_as(&phone(&d), "participant_view", json!({})), ErrorCode::Forbidden, "device");
}

#[test]
fn a_removed_device_is_refused_at_once_and_others_stay() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let (a, b) = (room.join(&t, "Kettu").unwrap(), room.join(&t, "Siili").unwrap());
    let mut events = room.host.subscribe();
    room.host.call("remove_device", json!({"workshop_id": room.id(), "device_id": a.device_id})).unwrap();
    assert_eq!(events.try_recv().unwrap(), Event::JoinChanged { workshop_id: a.workshop_id });
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "x")), ErrorCode::Forbidden, "device");
    assert!(room.host.call_as(&phone(&b), "participant_view", json!({})).is_ok());
    assert!(notes_on_board(&room).is_empty());
}

#[test]
fn ask_first_keeps_a_device_waiting_until_accepted_or_declined() {
    let room = Room::new();
    let t = token(&room.open_join(json!({"ask_first": true})));
    let mut events = room.host.subscribe();
    let a = room.join(&t, "Kettu").unwrap();
    let b = room.join(&t, "Siili").unwrap();
    assert!(a.pending && b.pending);
    assert_eq!(events.try_recv().unwrap(), Event::JoinChanged { workshop_id: a.workshop_id });
    let st = room.status();
    assert_eq!((st["joined"].as_u64(), st["waiting"].as_u64()), (Some(0), Some(2)));
    assert_refused(room.host.call_as(&phone(&a), "participant_view", json!({})), ErrorCode::Forbidden, "pending");
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "x")), ErrorCode::Forbidden, "pending");
    room.host.call("answer_join", json!({"workshop_id": room.id(), "device_id": a.device_id, "accept": true})).unwrap();
    room.host.call("answer_join", json!({"workshop_id": room.id(), "device_id": b.device_id, "accept": false})).unwrap();
    assert!(room.host.call_as(&phone(&a), "participant_view", json!({})).is_ok());
    assert_refused(room.host.call_as(&phone(&b), "participant_view", json!({})), ErrorCode::Forbidden, "device");
    let st = room.status();
    assert_eq!((st["joined"].as_u64(), st["waiting"].as_u64()), (Some(1), Some(0)));
    assert!(notes_on_board(&room).is_empty());
}

#[test]
fn a_key_or_device_of_one_workshops_join_opens_nothing_on_anothers_listener() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let a = room.join(&t, "Kettu").unwrap();
    let other = room.host.call("create_workshop", json!({"title": "Toinen ryhmä", "language": "fi"})).unwrap();
    let other_id: polku_core::Id = other["id"].as_str().unwrap().parse().unwrap();
    let w = room.host.call("open_workshop", json!({"id": other["id"]})).unwrap();
    let s = room.host.call("open_join", json!({"workshop_id": other["id"], "board_id": w["boards"][0]["id"]})).unwrap();
    let code = s["code"].as_str().unwrap().to_string();

    // Room's link and code at the other workshop's listener, and the other's at room's.
    let refused = |at, key: &str| room.host.join(Some(at), &polku_api::JoinRequest { key: key.into(), nickname: "Orava".into() }).unwrap_err();
    assert_eq!(refused(other_id, &t).field.as_deref(), Some("join"));
    assert_eq!(refused(room.at(), &code).field.as_deref(), Some("join"));
    assert!(room.host.join_invite(Some(other_id), &JoinInviteRequest { key: t.clone() }).is_err());
    // Room's device calling through the other workshop's listener.
    let elsewhere = polku_api::Caller::Participant { secret: a.secret.clone(), at: other_id };
    let before = room.snapshot();
    assert_refused(room.host.call_as(&elsewhere, "participant_view", json!({})), ErrorCode::Forbidden, "device");
    let mut args = note_args(&room, "Väärä ovi");
    args["board_id"] = w["boards"][0]["id"].clone();
    assert_refused(room.host.call_as(&elsewhere, "participant_add_note", args), ErrorCode::Forbidden, "device");
    assert_eq!(room.snapshot(), before);
    assert_eq!(room.host.join(Some(other_id), &polku_api::JoinRequest { key: code, nickname: "Orava".into() }).unwrap().workshop_id, other_id);
}

#[test]
fn nicknames_are_one_short_line() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    for bad in ["", "   ", "kaksi\nriviä", "tab\tbed", "null\u{0}", &"x".repeat(41), "rivi\u{2028}erotin"] {
        assert_refused(room.join(&t, bad).map(|_| json!(null)), ErrorCode::Validation, "nickname");
    }
    assert_eq!(room.join(&t, &"ä".repeat(40)).unwrap().nickname.chars().count(), 40);
    assert_eq!(room.join(&t, "  Kettu  ").unwrap().nickname, "Kettu");
    assert_eq!(room.status()["devices"].as_array().unwrap().len(), 2);
}

#[test]
fn too_many_wrong_codes_stop_the_code_until_a_new_one_is_made() {
    let room = Room::new();
    let s = room.open_join(json!({}));
    let code = s["code"].as_str().unwrap().to_string();
    // Wrong guesses shaped like a code.
    let wrong: Vec<String> = (0..CODE_FAILURES_PER_MINUTE)
        .map(|i| format!("{:08}", i))
        .filter(|g| g.as_str() != code.replace('-', ""))
        .collect();
    for guess in &wrong[..wrong.len() - 1] {
        assert!(room.join(guess, "Arvaaja").is_err());
    }
    assert!(room.join(&code, "Kettu").is_ok(), "under the budget the right code still works");
    assert!(room.join(wrong.last().unwrap(), "Arvaaja").is_err());
    // The budget is spent: the right code no longer works, the link does.
    assert_refused(room.join(&code, "Siili").map(|_| json!(null)), ErrorCode::Forbidden, "join");
    assert_eq!(room.status()["code"], Value::Null);
    assert!(room.join(&token(&s), "Siili").is_ok());
    let renewed = room.host.call("renew_join_code", json!({"workshop_id": room.id()})).unwrap();
    let fresh = renewed["code"].as_str().unwrap();
    assert_ne!(fresh, code);
    assert!(room.join(fresh, "Orava").is_ok());
    assert_eq!(room.status()["devices"].as_array().unwrap().len(), 3);
}

/// A network that records what joining asked of it, and fails to listen when told to.
#[derive(Default)]
struct FakeNetwork {
    stopped: std::sync::Mutex<Vec<polku_core::Id>>,
    /// "listen" and "stop", in the order asked.
    asked: std::sync::Mutex<Vec<&'static str>>,
    fail: bool,
}

impl polku_api::JoinNetwork for FakeNetwork {
    fn addresses(&self) -> Vec<polku_api::JoinAddress> {
        let at = |a: &str, p| polku_api::JoinAddress { address: a.into(), interface: "wlan0".into(), preselected: p };
        vec![at("192.168.1.23", true), at("fd00::5", false)]
    }

    fn listen(&self, _: polku_core::Id, ip: std::net::IpAddr) -> Result<std::net::SocketAddr, polku_api::ApiError> {
        if self.fail {
            return Err(polku_api::ApiError::with_field(ErrorCode::Conflict, "gone", "listen"));
        }
        self.asked.lock().unwrap().push("listen");
        Ok(std::net::SocketAddr::new(ip, 4871))
    }

    fn stop(&self, workshop_id: polku_core::Id) {
        self.stopped.lock().unwrap().push(workshop_id);
        self.asked.lock().unwrap().push("stop");
    }
}

#[test]
fn without_a_network_joining_opens_in_memory_and_offers_no_address() {
    let room = Room::new();
    assert_eq!(room.host.call("join_addresses", json!({})).unwrap(), json!([]));
    let s = room.open_join(json!({}));
    assert_eq!((s["open"].clone(), s["url"].clone(), s["qr"].clone(), s["address"].clone()), (json!(true), Value::Null, Value::Null, Value::Null));
}

#[test]
fn the_link_names_the_address_listened_on() {
    let room = Room::new();
    let net = std::sync::Arc::new(FakeNetwork::default());
    room.host.set_join_network(net.clone());
    let s = room.open_join(json!({}));
    let t = token(&s);
    assert_eq!(s["url"], json!(format!("http://192.168.1.23:4871/j/{t}")), "the preselected address");
    assert_eq!((s["address"].as_str(), s["code_url"].as_str()), (Some("192.168.1.23:4871"), Some("http://192.168.1.23:4871/")));
    let v6 = room.open_join(json!({"address": "fd00::5"}));
    assert_eq!(v6["url"], json!(format!("http://[fd00::5]:4871/j/{t}")), "IPv6 in brackets, the same token");
    let foreign = room.host.call("open_join", json!({"workshop_id": room.id(), "board_id": room.board(0)["id"], "address": "10.0.0.1"}));
    assert_eq!(foreign.map_err(|e| (e.code, e.field)).unwrap_err(), (ErrorCode::Validation, Some("address".into())));
    room.host.call("close_join", json!({"workshop_id": room.id()})).unwrap();
    assert_eq!(net.stopped.lock().unwrap().len(), 1, "closing stops the listener");
}

#[test]
fn a_join_that_cannot_listen_does_not_open() {
    let room = Room::new();
    room.host.set_join_network(std::sync::Arc::new(FakeNetwork { fail: true, ..FakeNetwork::default() }));
    let e = room.host.call("open_join", json!({"workshop_id": room.id(), "board_id": room.board(0)["id"]})).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Conflict, Some("listen")));
    assert_eq!(room.status()["open"], json!(false));
}

const HOUR: i64 = 3_600_000;
/// The time of the test below's host, which it moves on.
static NOW: AtomicI64 = AtomicI64::new(1_900_000_000_000);

fn test_clock() -> polku_core::Millis {
    NOW.load(SeqCst)
}

#[test]
fn a_join_closes_by_itself_when_its_time_is_up_and_can_be_given_more() {
    let room = Room::with_clock(test_clock);
    let net = std::sync::Arc::new(FakeNetwork::default());
    room.host.set_join_network(net.clone());
    let events = room.host.subscribe();
    let start = NOW.load(SeqCst);
    let s = room.open_join(json!({}));
    assert_eq!(s["closes_at"], json!(start + i64::from(DEFAULT_JOIN_HOURS) * HOUR), "12 hours unless asked");
    let t = token(&s);
    let d = room.join(&t, "Kettu").unwrap();

    // Out of 1–168 hours: refused, the time as it was.
    for bad in [0, MAX_JOIN_HOURS + 1] {
        assert_refused(room.host.call("extend_join", json!({"workshop_id": room.id(), "hours": bad})), ErrorCode::Validation, "hours");
        let open = room.host.call("open_join", json!({"workshop_id": room.id(), "board_id": room.board(0)["id"], "open_hours": bad}));
        assert_refused(open, ErrorCode::Validation, "open_hours");
    }
    assert_eq!(room.status()["closes_at"], s["closes_at"]);

    // More time counts from now; changing what phones see keeps it.
    NOW.fetch_add(11 * HOUR, SeqCst);
    let more = room.host.call("extend_join", json!({"workshop_id": room.id(), "hours": 3})).unwrap();
    assert_eq!(more["closes_at"], json!(start + 14 * HOUR));
    assert_eq!(room.open_join(json!({"show_others": true}))["closes_at"], json!(start + 14 * HOUR));

    // Up to the last millisecond the phone writes; then the link, the code and the phone are dead.
    NOW.fetch_add(3 * HOUR - 1, SeqCst);
    room.host.call_as(&phone(&d), "participant_add_note", note_args(&room, "Vielä ehtii")).unwrap();
    NOW.fetch_add(1, SeqCst);
    assert_refused(room.host.call_as(&phone(&d), "participant_add_note", note_args(&room, "Liian myöhään")), ErrorCode::Forbidden, "device");
    assert_refused(room.join(&t, "Karhu").map(|_| json!(null)), ErrorCode::Forbidden, "join");
    assert_eq!((room.status()["open"].clone(), room.status()["closes_at"].clone()), (json!(false), Value::Null));
    assert_eq!(notes_on_board(&room).iter().filter(|n| n["text"] == "Liian myöhään").count(), 0);
    // Every window is told, and the listener stops.
    let mut events = events;
    let told = std::iter::from_fn(|| events.try_recv().ok()).any(|e| matches!(e, Event::JoinChanged { .. }));
    assert!(told, "the windows were told the join closed");
    assert_eq!(net.stopped.lock().unwrap().len(), 1, "the listener stopped");

    // Opened again for a week: a new link, a week from now.
    let week = room.open_join(json!({"open_hours": MAX_JOIN_HOURS}));
    assert_ne!(token(&week), t);
    assert_eq!(week["closes_at"], json!(NOW.load(SeqCst) + i64::from(MAX_JOIN_HOURS) * HOUR));

    // Its time up with no one asking, opening again is what finds it: the old listener goes
    // before the new one listens (keeping it would leave the new link on a closing socket).
    NOW.fetch_add(i64::from(MAX_JOIN_HOURS) * HOUR, SeqCst);
    net.asked.lock().unwrap().clear();
    let again = room.open_join(json!({}));
    assert_ne!(token(&again), token(&week));
    assert_eq!(*net.asked.lock().unwrap(), vec!["stop", "listen"]);
}
