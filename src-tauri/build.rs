use std::path::Path;

fn main() {
    // The window shows the built UI, embedded at compile time (Tauri's custom protocol is always
    // on). Without it Tauri's own macro fails with a bare panic; say what to run instead.
    let index = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist/index.html");
    println!("cargo:rerun-if-changed={}", index.display());
    if !index.exists() {
        eprintln!(
            "polku-desktop embeds the built UI, and ui/dist/index.html is missing.\n\
             Build it first: `make build` (or `npm --prefix ui ci && npm --prefix ui run build`)."
        );
        std::process::exit(1);
    }
    tauri_build::build()
}
