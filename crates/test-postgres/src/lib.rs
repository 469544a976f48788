//! A real PostgreSQL for tests: the system's own server binaries (Debian's `postgresql` package;
//! `make deps-test` installs it), a cluster made with `initdb` in a temporary folder, listening
//! on 127.0.0.1 on a free port, started once per test process and stopped when it ends. Each
//! test gets an empty database of its own: `let url = test_postgres::database();`.
//!
//! As root (CI), the server runs as the `postgres` user, since PostgreSQL refuses to run as root.

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, OnceLock};
use std::time::{Duration, Instant};

struct Server {
    port: u16,
    next: AtomicUsize,
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();

/// The address of a new, empty database on the test server (started on first use).
pub fn database() -> String {
    let server = match SERVER.get_or_init(start) {
        Ok(s) => s,
        Err(e) => panic!("PostgreSQL for the tests could not be started: {e}"),
    };
    let name = format!("t{}_{}", std::process::id(), server.next.fetch_add(1, Ordering::Relaxed));
    let mut admin = postgres::Client::connect(&url(server.port, "postgres"), postgres::NoTls).expect("connect to the test server");
    admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create a test database");
    url(server.port, &name)
}

/// The address of the test server's database `name` (made by `database()`).
fn url(port: u16, name: &str) -> String {
    format!("postgres://polku@127.0.0.1:{port}/{name}")
}

/// The folder of PostgreSQL's server programs: `POLKU_PG_BIN`, else the newest under
/// /usr/lib/postgresql (Debian and Ubuntu keep each major version there).
fn bin_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("POLKU_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| "PostgreSQL's server is not installed (Debian: apt-get install postgresql; make deps-test does it)".to_string())?
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").is_file())
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin).ok_or_else(|| "no initdb under /usr/lib/postgresql/*/bin".to_string())
}

/// Who the server runs as: ourselves, or the `postgres` user when we are root.
fn run_as() -> Result<Option<(u32, u32)>, String> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    let passwd = std::fs::read_to_string("/etc/passwd").map_err(|e| e.to_string())?;
    passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.first() == Some(&"postgres") && f.len() > 3)
        .and_then(|f| Some((f[2].parse().ok()?, f[3].parse().ok()?)))
        .map(Some)
        .ok_or_else(|| "running as root, and there is no postgres user to run the server as".to_string())
}

fn command(bin: &Path, program: &str, user: Option<(u32, u32)>) -> Command {
    let mut c = Command::new(bin.join(program));
    if let Some((uid, gid)) = user {
        c.uid(uid).gid(gid);
    }
    c.env_remove("PGDATA").env("LC_ALL", "C");
    c
}

/// Data folders of earlier test runs whose process is gone.
fn sweep(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(pid) = name.strip_prefix("polku-pg-").and_then(|r| r.split('-').next()).and_then(|p| p.parse::<u32>().ok()) else { continue };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

fn start() -> Result<Server, String> {
    let bin = bin_dir()?;
    let user = run_as()?;
    let parent = std::env::temp_dir();
    sweep(&parent);
    let dir = parent.join(format!("polku-pg-{}-{}", std::process::id(), free_port()?));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).map_err(|e| e.to_string())?;
    if let Some((uid, gid)) = user {
        std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).map_err(|e| e.to_string())?;
    }
    let data = dir.join("data");
    let out = command(&bin, "initdb", user)
        .args(["-D"])
        .arg(&data)
        .args(["-U", "polku", "-A", "trust", "-E", "UTF8", "--no-locale", "-N"])
        .output()
        .map_err(|e| format!("initdb: {e}"))?;
    if !out.status.success() {
        return Err(format!("initdb failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let mut last = String::new();
    for _ in 0..3 {
        let port = free_port()?;
        match run(&bin, user, &dir, &data, port) {
            Ok(()) => return Ok(Server { port, next: AtomicUsize::new(0) }),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Starts the server from a thread that lives as long as the process: the server is told to
/// die with that thread (PR_SET_PDEATHSIG), so it ends with the test process however that ends.
fn run(bin: &Path, user: Option<(u32, u32)>, dir: &Path, data: &Path, port: u16) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut c = command(bin, "postgres", user);
    c.arg("-D").arg(data).arg("-k").arg(dir).args(["-p", &port.to_string()]);
    for setting in ["listen_addresses=127.0.0.1", "fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300", "log_min_messages=fatal"] {
        c.args(["-c", setting]);
    }
    c.stdout(Stdio::null()).stderr(Stdio::null());
    // SAFETY: prctl is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        c.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    std::thread::Builder::new()
        .name("test-postgres".into())
        .spawn(move || {
            let child = c.spawn();
            let ok = child.is_ok();
            let _ = tx.send(child.map_err(|e| e.to_string()));
            if ok {
                loop {
                    std::thread::park();
                }
            }
        })
        .map_err(|e| e.to_string())?;
    let mut child = rx.recv().map_err(|e| e.to_string())??;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if postgres::Client::connect(&url(port, "postgres"), postgres::NoTls).is_ok() {
            return Ok(());
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("postgres exited at start ({status}) on port {port}"));
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err(format!("postgres did not answer on port {port} within 30 s"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
