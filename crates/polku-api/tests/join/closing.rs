//! A team server's join closes by itself too: its time is in the row every instance reads, so
//! the first to ask after it is up, whichever instance that is, closes it for all.

use std::sync::atomic::{AtomicI64, Ordering::SeqCst};

use crate::common::*;
use polku_api::{Caller, ErrorCode, Host, JoinRequest};
use serde_json::{json, Value};

const HOUR: i64 = 3_600_000;
/// This test's hosts' time, which it moves on (the other tests' clocks are their own).
static NOW: AtomicI64 = AtomicI64::new(1_900_000_000_000);

fn clock() -> polku_core::Millis {
    NOW.load(SeqCst)
}

#[test]
fn a_team_join_closes_by_itself_on_every_instance() {
    let url = test_postgres::database();
    let one = Host::team(&url).unwrap().with_clock(clock);
    let two = Host::team(&url).unwrap().with_clock(clock);
    let accounts = one.team_accounts().unwrap();
    let anna = accounts.add("anna@kunta.fi", "Anna Virtanen", Some("kevät-ryhmä-2026"), true, NOW.load(SeqCst)).unwrap();
    let anna = Caller::TeamFacilitator(anna.id);
    let made = one.call_as(&anna, "create_workshop", json!({"title": "Etäryhmä", "language": "fi"})).unwrap();
    let board = one.call_as(&anna, "open_workshop", json!({"id": made["id"]})).unwrap()["boards"][0]["id"].clone();
    let s = one.call_as(&anna, "open_join", json!({"workshop_id": made["id"], "board_id": board, "open_hours": 2})).unwrap();
    assert_eq!(s["closes_at"], json!(NOW.load(SeqCst) + 2 * HOUR));
    let key = s["token"].as_str().unwrap().to_string();
    let kettu = two.join(None, &JoinRequest { key: key.clone(), nickname: "Kettu".into() }).unwrap();
    assert!(two.call_as(&phone(&kettu), "participant_view", json!({})).is_ok());

    NOW.fetch_add(2 * HOUR, SeqCst);
    // The phone asks the other instance first: refused there, and closed for the first one too.
    assert_refused(two.call_as(&phone(&kettu), "participant_view", json!({})), ErrorCode::Forbidden, "device");
    let status = one.call_as(&anna, "join_status", json!({"workshop_id": made["id"]})).unwrap();
    assert_eq!((status["open"].clone(), status["closes_at"].clone()), (json!(false), Value::Null));
    for host in [&one, &two] {
        let late = host.join(None, &JoinRequest { key: key.clone(), nickname: "Karhu".into() });
        assert!(late.is_err(), "the link opens nothing after its time");
    }
}
