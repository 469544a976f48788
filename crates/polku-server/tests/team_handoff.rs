//! The desktop app signing in to a team server through the system browser: the browser signs in
//! (coming back to where it was sent), the facilitator confirms, the browser is sent to the app's
//! loopback port with a one-time code, and the app's own window trades the code and its verifier
//! for a sign-in. A code is worth nothing a second time or without the verifier, and sign-in
//! sends no one off this server.

mod common;

use common::room::send;
use common::team::*;
use serde_json::json;

fn location(answer: &common::Answer) -> String {
    answer.header("location").unwrap_or_default().to_string()
}

fn set_cookie(answer: &common::Answer) -> String {
    answer.header("set-cookie").expect("a cookie").split(';').next().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_signs_in_and_hands_the_app_a_code_only_its_verifier_redeems() {
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    add_facilitator(&url, EMAIL, PASSWORD);
    let a = start(&url);
    let verifier = "app-verifier-4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c";
    let challenge = polku_store::secret::sha256_hex(verifier);
    let asked = format!("/signin/desktop?port=49152&state=s7Xq&challenge={challenge}");

    // Not signed in in the browser: to the sign-in, which comes back here afterwards.
    let first = send(a.addr, "GET", &asked, &[], None).await;
    assert_eq!(first.status, 303);
    let to = location(&first);
    assert!(to.starts_with("/signin?next=%2Fsignin%2Fdesktop%3Fport%3D49152"), "{to}");
    let page = send(a.addr, "GET", &to, &[], None).await;
    assert!(page.body.contains("name=next value=\"/signin/desktop?port=49152&amp;state=s7Xq"), "{}", page.body);
    let form = format!("email=anna%40kunta.fi&password={}&next={}", percent(PASSWORD), percent(&asked));
    let signed = post_form(a.addr, "/signin", &form, &[]).await;
    assert_eq!((signed.status, location(&signed)), (303, asked.clone()));
    let browser = set_cookie(&signed);

    // Asked first; then off to the app's port with a code.
    let confirm = send(a.addr, "GET", &asked, &[("Cookie", browser.clone())], None).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.body.contains("Open the team library at") && confirm.body.contains("Anna Virtanen"), "{}", confirm.body);
    let origin = format!("http://{}", a.addr);
    let handed = post_form(a.addr, "/signin/desktop", &format!("port=49152&state=s7Xq&challenge={challenge}"), &[("Cookie", browser.clone()), ("Origin", origin)]).await;
    assert_eq!(handed.status, 303, "{}", handed.body);
    let to = location(&handed);
    let code = to.strip_prefix("http://127.0.0.1:49152/polku-signed-in?code=").and_then(|r| r.strip_suffix("&state=s7Xq")).expect(&to).to_string();

    // Without the verifier the code is spent for nothing.
    let stolen = send(a.addr, "GET", &format!("/signin/desktop/finish?code={code}&verifier=guess"), &[], None).await;
    assert_eq!(stolen.status, 401);
    let handed = post_form(a.addr, "/signin/desktop", &format!("port=49152&state=s7Xq&challenge={challenge}"), &[("Cookie", browser.clone()), ("Origin", format!("http://{}", a.addr))]).await;
    let code = location(&handed).split("code=").nth(1).unwrap().split('&').next().unwrap().to_string();
    // The app's window: signed in on its own, and sent to the app.
    let finish = format!("/signin/desktop/finish?code={code}&verifier={verifier}");
    let app = send(a.addr, "GET", &finish, &[], None).await;
    assert_eq!((app.status, location(&app)), (303, "/".to_string()));
    let window = set_cookie(&app);
    assert_ne!(window, browser, "a sign-in of the app's own");
    let (status, _) = call(a.addr, &window, "list_workshops", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(send(a.addr, "GET", &finish, &[], None).await.status, 401, "a code works once");

    // The browser's last page; and no sign-in sends anyone elsewhere.
    assert_eq!(send(a.addr, "GET", "/signin/desktop/done", &[], None).await.status, 200);
    let away = post_form(a.addr, "/signin", &format!("email=anna%40kunta.fi&password={}&next=%2F%2Fevil.example%2F", percent(PASSWORD)), &[]).await;
    assert_eq!(location(&away), "/");
    let broken = send(a.addr, "GET", "/signin/desktop?port=80&state=x&challenge=short", &[("Cookie", browser)], None).await;
    assert_eq!(broken.status, 400);
}
