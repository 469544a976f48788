//! The PDF's fonts are 2.6 MB as they are and about half that deflated, which the desktop
//! package's size goal needs (docs/ARCHITECTURE.md, "Packages"). They are stored deflated in the
//! binary and inflated once, at the first export (`src/pdf/font.rs`).

use std::io::Write;
use std::path::PathBuf;

const FONTS: [&str; 4] = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "DejaVuSans.ttf", "NotoEmoji-Regular.ttf"];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in FONTS {
        let path = format!("fonts/{name}");
        println!("cargo:rerun-if-changed={path}");
        let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        deflate.write_all(&raw).expect("deflating into memory");
        let packed = deflate.finish().expect("deflating into memory");
        std::fs::write(out.join(format!("{name}.deflate")), packed).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
