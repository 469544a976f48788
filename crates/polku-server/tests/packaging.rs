//! What IT installs: the systemd unit and the environment file in `packaging/`. The unit's
//! command, with the file's settings (the database swapped for a test one), starts a team server
//! that answers at the public address and on its own; the unit keeps the service to itself.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::room::send;

fn packaging(file: &str) -> String {
    std::fs::read_to_string(common::repo().join("packaging").join(file)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shipped_unit_and_environment_file_start_a_team_server() {
    let unit = packaging("polku-team.service");
    for line in ["EnvironmentFile=/etc/polku/polku.env", "User=polku", "NoNewPrivileges=yes", "ProtectSystem=strict", "Restart=on-failure"] {
        assert!(unit.lines().any(|l| l == line), "the unit has {line}");
    }
    let exec = unit.lines().find_map(|l| l.strip_prefix("ExecStart=")).unwrap();
    let mut words = exec.split_whitespace();
    assert_eq!(words.next(), Some("/usr/local/bin/polku"));
    let args: Vec<&str> = words.collect();

    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    let settings: Vec<(String, String)> = packaging("polku-team.env")
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.contains('='))
        .map(|l| l.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap())
        .collect();
    let named: Vec<&str> = settings.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(named, ["POLKU_DATABASE", "POLKU_PUBLIC_URL", "POLKU_LISTEN"]);
    let mut command = Command::new(env!("CARGO_BIN_EXE_polku"));
    command.args(&args).env_clear().env("PATH", std::env::var("PATH").unwrap());
    for (key, value) in &settings {
        let value = match key.as_str() {
            "POLKU_DATABASE" => url.clone(),
            // Any free port here; the file's is the usual one.
            "POLKU_LISTEN" => "127.0.0.1:0".to_string(),
            _ => value.clone(),
        };
        command.env(key, value);
    }
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(line.contains("https://polku.kunta.fi/signin"), "{line}");
    let addr: std::net::SocketAddr = line.split("(proxied to ").nth(1).and_then(|r| r.split(')').next()).unwrap().parse().unwrap();

    // As the proxy forwards it, and as a monitor on the machine asks.
    let proxied = send(addr, "GET", "/healthz", &[("Host", "polku.kunta.fi".to_string())], None).await;
    assert_eq!((proxied.status, proxied.body.as_str()), (200, r#"{"library":"team","status":"ok"}"#));
    let page = send(addr, "GET", "/signin", &[("Host", "polku.kunta.fi".to_string())], None).await;
    assert_eq!(page.status, 200);
    assert_eq!(send(addr, "GET", "/healthz", &[("Host", "evil.example".to_string())], None).await.status, 403);
    let _ = child.kill();
    let _ = child.wait();
}
