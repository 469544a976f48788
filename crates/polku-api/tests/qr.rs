//! The QR code a phone scans from the big screen: drawn from our path data exactly as the page
//! draws it, then read back by an independent decoder.

use polku_api::{qr_picture, ErrorCode, QrPicture, MAX_QR_TEXT};

/// The dark modules the path paints, by reading its `M x y h w v1 h-w z` rectangles back.
fn modules(p: &QrPicture) -> Vec<bool> {
    let n = p.size as usize;
    let mut dark = vec![false; n * n];
    for rect in p.path.split('z').filter(|r| !r.is_empty()) {
        let nums: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        // M x y, h w, v 1, h -w: the digits are x, y, w, 1, w.
        let [x, y, w, one, back] = nums[..] else { panic!("unexpected rectangle {rect:?}") };
        assert_eq!((one, back), (1, w), "every rectangle is one module high and closes on itself: {rect}");
        for i in x..x + w {
            assert!(!dark[y * n + i], "modules are painted once: {rect}");
            dark[y * n + i] = true;
        }
    }
    dark
}

/// Decodes the code as a camera would see it: four modules of quiet zone, each module 4 px.
fn decode(p: &QrPicture) -> String {
    let n = p.size as usize;
    let dark = modules(p);
    let (scale, quiet) = (4, 4);
    let side = (n + 2 * quiet) * scale;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = ((x / scale).wrapping_sub(quiet), (y / scale).wrapping_sub(quiet));
        if mx < n && my < n && dark[my * n + mx] { 0 } else { 255 }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code in the picture");
    grids[0].decode().expect("the code decodes").1
}

#[test]
fn a_join_link_reads_back_from_the_drawn_code() {
    let link = "http://192.168.1.23:48123/j/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi";
    let p = qr_picture(link).unwrap();
    assert_eq!(decode(&p), link);
    // Version 3–4 at level M: coarse enough for a phone across the room.
    assert!((29..=33).contains(&p.size), "size {}", p.size);
    assert!(!p.path.contains('<') && !p.path.contains('"'), "path data only, never markup");
}

#[test]
fn empty_and_oversized_texts_are_refused() {
    assert_eq!(qr_picture("").unwrap_err().code, ErrorCode::Validation);
    let long = "x".repeat(MAX_QR_TEXT + 1);
    let e = qr_picture(&long).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("qr")));
    assert_eq!(decode(&qr_picture(&"x".repeat(MAX_QR_TEXT)).unwrap()), "x".repeat(MAX_QR_TEXT));
}
