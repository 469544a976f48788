//! For tests and benchmarks outside Rust (`make bench`'s team figures): starts the test server,
//! prints the address of a fresh database on one line, and keeps the server until its standard
//! input closes (the caller's end of the pipe, whenever the caller exits).

use std::io::{Read, Write};

fn main() {
    let url = test_postgres::database();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{url}");
    let _ = out.flush();
    drop(out);
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}
