//! A laptop's library copied into a team server's (`polku migrate`) and back: every workshop whole
//! with its ids, the own templates, nothing from Recently deleted; a second run adds nothing.

mod common;

use common::*;
use polku_core::own_template::own_id;
use polku_core::template::{built_in, Template};
use polku_core::*;
use polku_store::{copy_library, Library, PgStore, Store};

fn own_template() -> Template {
    let mut n = 0u128;
    let board = built_in("journey-canvas").unwrap().boards[0].lay_out(Id::from_u128(1), 0, Language::Fi, &mut || {
        n += 1;
        Id::from_u128(500 + n)
    });
    Template::from_board(&board, &own_id(Id::now_v7()), "Kanvaasi", "Keväältä")
}

#[test]
fn a_laptop_library_goes_to_a_team_server_once_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut laptop = Store::open_dir(dir.path()).unwrap();
    let full = new_workshop(&mut laptop, "Aikuissosiaalityö");
    for text in ["Pelko", "Jonot", "Hyvä kohtaaminen"] {
        let (_, op) = create_note(&full, text, Sentiment::Negative);
        laptop.apply(&env(&full, "tab", op), 2).unwrap();
    }
    let empty = new_workshop(&mut laptop, "Tyhjä");
    let gone = new_workshop(&mut laptop, "Roskakorissa");
    laptop.delete_workshop(gone.id, 3).unwrap();
    let template = own_template();
    laptop.save_template(&template, 4).unwrap();

    let mut team = PgStore::connect(&test_postgres::database()).unwrap();
    let first = copy_library(&laptop, &mut team, 5).unwrap();
    assert_eq!((first.workshops.len(), first.notes, first.already, first.templates), (2, 3, 0, 1));
    for id in [full.id, empty.id] {
        assert_eq!(team.load_workshop(id).unwrap(), laptop.load_workshop(id).unwrap(), "copied whole, ids and all");
    }
    assert!(!team.workshop_exists(gone.id).unwrap(), "Recently deleted stays behind");
    assert_eq!(team.own_template(&template.id).unwrap().to_json(), template.to_json());

    let again = copy_library(&laptop, &mut team, 6).unwrap();
    assert_eq!((again.workshops.len(), again.already, again.templates, again.templates_already), (0, 2, 0, 1));
    assert_eq!(team.list_workshops().unwrap().len(), 2);
    assert_eq!(number(&team, "SELECT count(*) FROM note"), 3, "nothing twice");

    // A workshop made on the team server goes to another laptop the same way.
    let made_there = new_workshop(&mut team, "Tiimissä tehty");
    let other = tempfile::tempdir().unwrap();
    let mut second_laptop = Store::open_dir(other.path()).unwrap();
    let back = copy_library(&team, &mut second_laptop, 7).unwrap();
    assert_eq!(back.workshops.len(), 3);
    assert_eq!(second_laptop.load_workshop(made_there.id).unwrap(), team.load_workshop(made_there.id).unwrap());
}
