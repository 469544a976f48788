//! The team server's database as IT meets it: a database of another program, one written by a
//! newer Polku, and a server that cannot be reached are each refused with a clear message and
//! left as they were.

use polku_store::{Library, PgStore, StoreError, PG_SCHEMA_VERSION};

fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}

#[test]
fn a_database_of_another_program_is_refused_and_left_alone() {
    let url = test_postgres::database();
    client(&url).batch_execute("CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (7);").unwrap();
    let err = PgStore::connect(&url).err().expect("must refuse");
    assert!(matches!(err, StoreError::NotPolku { .. }), "{err:?}");
    let n: i64 = client(&url).query_one("SELECT count(*) FROM invoices", &[]).unwrap().get(0);
    assert_eq!(n, 1);
    let ours: Option<String> = client(&url).query_one("SELECT to_regclass('workshop')::text", &[]).unwrap().get(0);
    assert_eq!(ours, None, "nothing of Polku's was written");
}

#[test]
fn a_database_of_a_newer_polku_is_refused_and_a_second_start_changes_nothing() {
    let url = test_postgres::database();
    drop(PgStore::connect(&url).unwrap());
    // Instances start again (an upgrade, a restart): the migrations are not run twice.
    let store = PgStore::connect(&url).unwrap();
    assert!(store.list_workshops().unwrap().is_empty());
    drop(store);
    client(&url).execute("UPDATE polku_schema SET version = $1", &[&(PG_SCHEMA_VERSION + 1)]).unwrap();
    let err = PgStore::connect(&url).err().expect("must refuse");
    assert!(matches!(err, StoreError::NewerDatabase { found, .. } if found == PG_SCHEMA_VERSION + 1), "{err:?}");
    assert!(err.to_string().contains("newer Polku"), "{err}");
}

#[test]
fn an_unreachable_server_is_named_without_its_password() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = PgStore::connect(&format!("postgres://polku:sekret@127.0.0.1:{port}/team?connect_timeout=2")).err().expect("nothing listens there");
    let text = err.to_string();
    assert!(matches!(err, StoreError::Connect { .. }), "{err:?}");
    assert!(text.contains(&format!("127.0.0.1:{port}/team")) && !text.contains("sekret"), "{text}");
}
