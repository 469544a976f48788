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

fn identity(subject: &str, email: Option<&str>, verified: Option<bool>) -> polku_store::Identity {
    polku_store::Identity {
        issuer: "https://login.kunta.fi".into(),
        subject: subject.into(),
        email: email.map(str::to_string),
        email_verified: verified,
        name: Some("Anna Provider-Name".into()),
    }
}

#[test]
fn the_organisations_provider_signs_in_the_facilitator_an_admin_added_and_no_one_else() {
    use polku_store::NotLetIn;
    let store = PgStore::connect(&test_postgres::database()).unwrap();
    let accounts = store.accounts();
    let anna = accounts.add("anna@kunta.fi", "Anna Virtanen", None, false, T).unwrap();

    // Not a facilitator here: the provider's word is not enough, and nothing is added.
    let stranger = identity("sub-9", Some("eero@kunta.fi"), Some(true));
    assert_eq!(accounts.sign_in_oidc(&stranger, false, T).unwrap().unwrap_err(), NotLetIn::NotFacilitator);
    assert_eq!(accounts.list().unwrap().len(), 1);
    // An address the provider has not confirmed links no one.
    let unconfirmed = identity("sub-1", Some("ANNA@kunta.fi"), Some(false));
    assert_eq!(accounts.sign_in_oidc(&unconfirmed, false, T).unwrap().unwrap_err(), NotLetIn::NotFacilitator);

    // Anna, by her address the first time (the provider's name does not replace the admin's).
    let first = accounts.sign_in_oidc(&identity("sub-1", Some(" Anna@Kunta.fi"), None), false, T).unwrap().expect("linked by address");
    assert_eq!(first.facilitator, anna);
    assert_eq!(accounts.signed_in(&first.secret, T + 1).unwrap(), Some(anna.clone()));
    // Then by the identity, whatever address the provider sends now.
    let again = accounts.sign_in_oidc(&identity("sub-1", None, None), false, T).unwrap().expect("linked by subject");
    assert_eq!(again.facilitator.id, anna.id);
    // Another identity claiming her address is not her.
    assert_eq!(accounts.sign_in_oidc(&identity("sub-2", Some("anna@kunta.fi"), Some(true)), false, T).unwrap().unwrap_err(), NotLetIn::NotFacilitator);

    // Disabled: refused, and her sign-ins ended.
    accounts.set_disabled("anna@kunta.fi", true).unwrap();
    assert_eq!(accounts.sign_in_oidc(&identity("sub-1", None, None), false, T).unwrap().unwrap_err(), NotLetIn::Disabled);
    assert_eq!(accounts.signed_in(&again.secret, T + 1).unwrap(), None);
    // And no password signs her in: she has none.
    accounts.set_disabled("anna@kunta.fi", false).unwrap();
    assert_eq!(accounts.sign_in("anna@kunta.fi", "", T).unwrap().unwrap_err(), Refused::Wrong);

    // Where the organisation lets its provider decide, a new person becomes a facilitator (not an admin).
    let eero = accounts.sign_in_oidc(&identity("sub-9", Some("Eero@kunta.fi"), Some(true)), true, T).unwrap().expect("added");
    assert_eq!((eero.facilitator.email.as_str(), eero.facilitator.name.as_str(), eero.facilitator.admin), ("eero@kunta.fi", "Anna Provider-Name", false));
    let no_address = identity("sub-10", None, None);
    assert_eq!(accounts.sign_in_oidc(&no_address, true, T).unwrap().unwrap_err(), NotLetIn::NotFacilitator, "an account needs an address");
}

#[test]
fn the_desktop_app_trades_a_one_time_code_and_its_verifier_for_a_sign_in_of_its_own() {
    use polku_store::HANDOFF_MS;
    use sha2::{Digest, Sha256};
    let store = PgStore::connect(&test_postgres::database()).unwrap();
    let accounts = store.accounts();
    let anna = accounts.add("anna@kunta.fi", "Anna Virtanen", Some(PASSWORD), false, T).unwrap();
    let verifier = "the-apps-own-secret-verifier-0123456789abcdef";
    let challenge: String = Sha256::digest(verifier.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert!(accounts.hand_off(&anna, "not hex", T).is_err());

    // The right verifier, in time: a sign-in of the app's own; the code works once.
    let code = accounts.hand_off(&anna, &challenge, T).unwrap();
    let signed = accounts.take_hand_off(&code, verifier, T + 1).unwrap().expect("traded");
    assert_eq!(accounts.signed_in(&signed.secret, T + 2).unwrap(), Some(anna.clone()));
    assert!(accounts.take_hand_off(&code, verifier, T + 2).unwrap().is_none(), "once only");

    // A code caught by another program is worth nothing without the verifier, and is spent.
    let code = accounts.hand_off(&anna, &challenge, T).unwrap();
    assert!(accounts.take_hand_off(&code, "a guess", T + 1).unwrap().is_none());
    assert!(accounts.take_hand_off(&code, verifier, T + 1).unwrap().is_none());
    // A minute, then it is gone; and a disabled facilitator's code signs no one in.
    let code = accounts.hand_off(&anna, &challenge, T).unwrap();
    assert!(accounts.take_hand_off(&code, verifier, T + HANDOFF_MS).unwrap().is_none());
    let code = accounts.hand_off(&anna, &challenge, T).unwrap();
    accounts.set_disabled("anna@kunta.fi", true).unwrap();
    assert!(accounts.take_hand_off(&code, verifier, T + 1).unwrap().is_none());
}
