//! A team library's facilitators: added with a password kept only as a hash, signed in and out,
//! a browser's sign-in known to every instance and lasting a working day, five wrong passwords
//! making the address wait, a new password or a disabled account ending every sign-in.

use polku_store::accounts::{FAILURE_WINDOW_MS, SIGN_IN_MS};
use polku_store::{PgStore, Refused, StoreError};

const T: i64 = 1_800_000_000_000;
const PASSWORD: &str = "kevät-ryhmä-2026";

#[test]
fn facilitators_sign_in_and_out_with_a_password_kept_as_a_hash() {
    let url = test_postgres::database();
    let store = PgStore::connect(&url).unwrap();
    let accounts = store.accounts();
    let anna = accounts.add(" Anna.Virtanen@Kunta.fi ", "Anna Virtanen", Some(PASSWORD), true, T).unwrap();
    assert_eq!((anna.email.as_str(), anna.admin), ("anna.virtanen@kunta.fi", true));
    assert!(matches!(accounts.add("anna.virtanen@kunta.fi", "Toinen", Some(PASSWORD), false, T), Err(StoreError::Op(_))), "one account per address");
    assert!(matches!(accounts.add("ville@kunta.fi", "Ville", Some("lyhyt"), false, T), Err(StoreError::Op(_))), "12 characters at least");

    let signed = accounts.sign_in("ANNA.virtanen@kunta.fi", PASSWORD, T).unwrap().expect("the right password");
    // Another instance (another connection) knows the sign-in.
    let elsewhere = PgStore::connect(&url).unwrap().accounts();
    assert_eq!(elsewhere.signed_in(&signed.secret, T + 1).unwrap(), Some(anna.clone()));
    assert_eq!(elsewhere.signed_in(&signed.secret, T + SIGN_IN_MS).unwrap(), None, "a working day, then sign in again");
    assert_eq!(elsewhere.signed_in("not-a-secret", T).unwrap(), None);

    // The database keeps neither the password nor the browser's secret.
    let mut db = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let dump: String = db.query_one("SELECT string_agg(f::text, ' ') || (SELECT string_agg(s::text, ' ') FROM sign_in s) FROM facilitator f", &[]).unwrap().get(0);
    assert!(!dump.contains(PASSWORD) && !dump.contains(&signed.secret) && dump.contains("$argon2id$"), "{dump}");

    accounts.sign_out(&signed.secret).unwrap();
    assert_eq!(accounts.signed_in(&signed.secret, T + 2).unwrap(), None);
}

#[test]
fn five_wrong_passwords_make_the_address_wait_and_unknown_addresses_read_the_same() {
    let store = PgStore::connect(&test_postgres::database()).unwrap();
    let accounts = store.accounts();
    accounts.add("ville@kunta.fi", "Ville", Some(PASSWORD), false, T).unwrap();
    assert_eq!(accounts.sign_in("nobody@kunta.fi", PASSWORD, T).unwrap().err(), Some(Refused::Wrong));
    for i in 0..5 {
        assert_eq!(accounts.sign_in("ville@kunta.fi", "väärä salasana", T + i).unwrap().err(), Some(Refused::Wrong));
    }
    let waited = accounts.sign_in("ville@kunta.fi", PASSWORD, T + 10).unwrap().err();
    assert!(matches!(waited, Some(Refused::Wait(ms)) if ms > FAILURE_WINDOW_MS - 1000), "{waited:?}: even the right password waits");
    assert!(accounts.sign_in("ville@kunta.fi", PASSWORD, T + FAILURE_WINDOW_MS + 10).unwrap().is_ok(), "after the window");
}

#[test]
fn a_new_password_or_a_disabled_account_ends_every_sign_in() {
    let store = PgStore::connect(&test_postgres::database()).unwrap();
    let accounts = store.accounts();
    accounts.add("sari@kunta.fi", "Sari", Some(PASSWORD), false, T).unwrap();
    let first = accounts.sign_in("sari@kunta.fi", PASSWORD, T).unwrap().unwrap();
    accounts.set_password("sari@kunta.fi", "uusi-salasana-syksyllä").unwrap();
    assert_eq!(accounts.signed_in(&first.secret, T + 1).unwrap(), None);
    assert_eq!(accounts.sign_in("sari@kunta.fi", PASSWORD, T + 2).unwrap().err(), Some(Refused::Wrong));
    let second = accounts.sign_in("sari@kunta.fi", "uusi-salasana-syksyllä", T + 3).unwrap().unwrap();
    accounts.set_disabled("sari@kunta.fi", true).unwrap();
    assert_eq!(accounts.signed_in(&second.secret, T + 4).unwrap(), None);
    assert_eq!(accounts.sign_in("sari@kunta.fi", "uusi-salasana-syksyllä", T + 5).unwrap().err(), Some(Refused::Wrong));
    // An account made for the OpenID provider has no password to sign in with.
    accounts.add("oidc@kunta.fi", "Olli", None, false, T).unwrap();
    assert_eq!(accounts.sign_in("oidc@kunta.fi", "", T).unwrap().err(), Some(Refused::Wrong));
}
