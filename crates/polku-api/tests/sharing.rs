//! On a team server a workshop is its owner's and its colleagues'. Every command that reaches a
//! workshop (or an export job of one) answers anyone else as if it did not exist, before its
//! request is read, and changes nothing; lists hold only one's own; what one makes is one's own;
//! sharing lets a colleague in and taking it back shuts them out. A new command is covered here
//! without being listed: it must declare what it reaches.

use polku_api::{reach, ApiError, Caller, ErrorCode, Host, COMMANDS};
use polku_core::Id;
use serde_json::{json, Value};

const T: i64 = 1_800_000_000_000;

struct Team {
    host: Host,
    anna: Caller,
    ville: Caller,
}

fn team() -> Team {
    let host = Host::team(&test_postgres::database()).unwrap();
    let accounts = host.team_accounts().unwrap();
    let anna = accounts.add("anna@kunta.fi", "Anna Virtanen", Some("kevät-ryhmä-2026"), true, T).unwrap();
    let ville = accounts.add("ville@kunta.fi", "Ville Korhonen", Some("syksy-ryhmä-2026"), false, T).unwrap();
    Team { host, anna: Caller::TeamFacilitator(anna.id), ville: Caller::TeamFacilitator(ville.id) }
}

fn not_found(r: Result<Value, ApiError>, field: &str, command: &str) {
    match r {
        Err(e) => assert_eq!((e.code, e.field.as_deref()), (ErrorCode::NotFound, Some(field)), "{command}: {}", e.message),
        Ok(v) => panic!("{command} answered another's workshop: {v}"),
    }
}

fn ids(list: &Value) -> Vec<Value> {
    list.as_array().unwrap().iter().map(|w| w["id"].clone()).collect()
}

#[test]
fn another_facilitators_workshop_does_not_exist_for_any_command() {
    let t = team();
    let made = t.host.call_as(&t.anna, "create_workshop", json!({"title": "Annan työpaja", "language": "fi"})).unwrap();
    let id = made["id"].clone();
    let opened = t.host.call_as(&t.anna, "open_workshop", json!({"id": id})).unwrap();
    let board = &opened["boards"][0];
    let note = json!({"type": "create_note", "note": {"id": Id::now_v7(), "board_id": board["id"], "touchpoint_id": board["touchpoints"][0]["id"],
        "lane_id": null, "persona_id": null, "kind": "observation", "sentiment": "negative", "text": "Pelko", "x": 10.0, "y": 10.0}});
    t.host.call_as(&t.anna, "apply_op", json!({"workshop_id": id, "op_id": Id::now_v7(), "client_id": "anna-tab", "undo": "record", "op": note})).unwrap();
    let job = t.host.call_as(&t.anna, "start_export", json!({"workshop_id": id, "format": "csv"})).unwrap()["job_id"].clone();
    let before = t.host.call_as(&t.anna, "open_workshop", json!({"id": id})).unwrap();

    let (mut workshops, mut jobs) = (0, 0);
    for &command in COMMANDS {
        let (scope, field) = reach(command).unwrap();
        match (scope, field) {
            ("workshop", Some(field)) => {
                // The id alone, as a valid full request would carry it: refused before it is read.
                not_found(t.host.call_as(&t.ville, command, json!({ field: id })), "workshop", command);
                workshops += 1;
            }
            ("job", Some(field)) => {
                not_found(t.host.call_as(&t.ville, command, json!({ field: job })), "job", command);
                jobs += 1;
            }
            ("listed" | "created" | "library" | "device", None) => {}
            other => panic!("{command}: {other:?} is no scope"),
        }
    }
    assert!(workshops > 20 && jobs == 2, "{workshops} workshop commands, {jobs} job commands");
    // Harmful whole requests the same.
    let harm = [
        ("apply_op", json!({"workshop_id": id, "op_id": Id::now_v7(), "client_id": "ville-tab", "undo": "record", "op": {"type": "delete_board", "id": board["id"]}})),
        ("rename_workshop", json!({"id": id, "title": "Vallattu"})),
        ("delete_workshop", json!({"id": id})),
        ("share_workshop", json!({"workshop_id": id, "email": "ville@kunta.fi", "shared": true})),
    ];
    for (command, args) in harm {
        not_found(t.host.call_as(&t.ville, command, args), "workshop", command);
    }
    assert_eq!(t.host.call_as(&t.anna, "open_workshop", json!({"id": id})).unwrap(), before, "nothing changed");
    assert!(ids(&t.host.call_as(&t.ville, "list_workshops", json!({})).unwrap()).is_empty());
    assert_eq!(ids(&t.host.call_as(&t.anna, "list_workshops", json!({})).unwrap()), vec![id.clone()]);
    // A made-up id answers the same as another's: nothing tells them apart.
    let unknown = t.host.call_as(&t.ville, "open_workshop", json!({"id": Id::now_v7()})).unwrap_err();
    let theirs = t.host.call_as(&t.ville, "open_workshop", json!({"id": id})).unwrap_err();
    assert_eq!((unknown.code, unknown.field.clone()), (theirs.code, theirs.field.clone()));
}

#[test]
fn sharing_lets_a_colleague_in_and_taking_it_back_shuts_them_out() {
    let t = team();
    let id = t.host.call_as(&t.anna, "create_workshop", json!({"title": "Yhteinen", "language": "fi"})).unwrap()["id"].clone();
    let mine = t.host.call_as(&t.ville, "create_workshop", json!({"title": "Villen oma", "language": "fi"})).unwrap()["id"].clone();
    let sharing = t.host.call_as(&t.anna, "share_workshop", json!({"workshop_id": id, "email": "Ville@Kunta.fi", "shared": true})).unwrap();
    assert_eq!(sharing["owner"]["email"], "anna@kunta.fi");
    assert_eq!(sharing["shared_with"], json!([{"name": "Ville Korhonen", "email": "ville@kunta.fi"}]));
    assert_eq!(sharing["others"], json!([]));

    let listed = ids(&t.host.call_as(&t.ville, "list_workshops", json!({})).unwrap());
    assert!(listed.contains(&id) && listed.contains(&mine) && listed.len() == 2, "{listed:?}");
    t.host.call_as(&t.ville, "rename_workshop", json!({"id": id, "title": "Yhteinen, kevät"})).unwrap();
    assert!(!ids(&t.host.call_as(&t.anna, "list_workshops", json!({})).unwrap()).contains(&mine), "Ville's own stays his");

    t.host.call_as(&t.anna, "share_workshop", json!({"workshop_id": id, "email": "ville@kunta.fi", "shared": false})).unwrap();
    not_found(t.host.call_as(&t.ville, "open_workshop", json!({"id": id})), "workshop", "open_workshop");
    assert_eq!(ids(&t.host.call_as(&t.ville, "list_workshops", json!({})).unwrap()), vec![mine]);
    // Deleted, it is in its owner's Recently deleted only.
    t.host.call_as(&t.anna, "delete_workshop", json!({"id": id})).unwrap();
    assert!(t.host.call_as(&t.ville, "list_deleted_workshops", json!({})).unwrap().as_array().unwrap().is_empty());
    assert_eq!(ids(&t.host.call_as(&t.anna, "list_deleted_workshops", json!({})).unwrap()), vec![id]);
}

#[test]
fn shared_with_a_group_it_reaches_whoever_is_in_the_group() {
    let t = team();
    let accounts = t.host.team_accounts().unwrap();
    let sari = accounts.add("sari@kunta.fi", "Sari Laine", Some("sari-salasana-2026"), false, T).unwrap();
    let sari = Caller::TeamFacilitator(sari.id);
    accounts.add_group("Aikuissosiaalityö", T).unwrap();
    accounts.set_member("Aikuissosiaalityö", "ville@kunta.fi", true).unwrap();
    let id = t.host.call_as(&t.anna, "create_workshop", json!({"title": "Tiimille", "language": "fi"})).unwrap()["id"].clone();

    let sharing = t.host.call_as(&t.anna, "share_workshop", json!({"workshop_id": id, "group": "Aikuissosiaalityö", "shared": true})).unwrap();
    assert_eq!((sharing["groups"].clone(), sharing["other_groups"].clone()), (json!(["Aikuissosiaalityö"]), json!([])));
    assert_eq!(ids(&t.host.call_as(&t.ville, "list_workshops", json!({})).unwrap()), vec![id.clone()]);
    not_found(t.host.call_as(&sari, "open_workshop", json!({"id": id})), "workshop", "open_workshop");

    // Whoever is in the group when they ask: Sari joins, Ville leaves.
    accounts.set_member("Aikuissosiaalityö", "sari@kunta.fi", true).unwrap();
    accounts.set_member("Aikuissosiaalityö", "ville@kunta.fi", false).unwrap();
    assert!(t.host.call_as(&sari, "open_workshop", json!({"id": id})).is_ok());
    not_found(t.host.call_as(&t.ville, "open_workshop", json!({"id": id})), "workshop", "open_workshop");

    // One of the two, and a group that is there.
    let both = t.host.call_as(&t.anna, "share_workshop", json!({"workshop_id": id, "email": "ville@kunta.fi", "group": "Aikuissosiaalityö", "shared": true})).unwrap_err();
    assert_eq!(both.code, ErrorCode::Validation);
    let none = t.host.call_as(&t.anna, "share_workshop", json!({"workshop_id": id, "group": "Ei ole", "shared": true})).unwrap_err();
    assert_eq!((none.code, none.field.as_deref()), (ErrorCode::Validation, Some("group")));
}
