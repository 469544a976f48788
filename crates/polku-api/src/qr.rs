//! The join link as a QR code, for the big screen: the facilitator's page draws it from the dark
//! modules as one SVG path. A path's data goes into a `d` attribute, never into the page as
//! markup, so nothing here is ever parsed as HTML.

use qrcode::{Color, EcLevel, QrCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, ErrorCode};

/// The longest text a join code is made of: a LAN link with its token is under 100 characters.
pub const MAX_QR_TEXT: usize = 512;

/// A QR code `size` modules square, its dark modules as SVG path data in module units (draw it
/// with a quiet zone of four modules around it, as scanners expect).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QrPicture {
    pub size: u32,
    pub path: String,
}

/// Encodes `text` at error correction level M: a projected code survives some glare and a
/// phone held at an angle, and stays coarse enough to scan from the back of a room.
pub fn picture(text: &str) -> Result<QrPicture, ApiError> {
    if text.is_empty() || text.len() > MAX_QR_TEXT {
        return Err(ApiError::with_field(ErrorCode::Validation, format!("a QR code holds 1 to {MAX_QR_TEXT} bytes here"), "qr"));
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| ApiError::with_field(ErrorCode::Validation, e.to_string(), "qr"))?;
    let size = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(size).enumerate() {
        // One rectangle per run of dark modules in a row: a few hundred path commands in all.
        let mut x = 0;
        while x < size {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && row[x] == Color::Dark {
                x += 1;
            }
            path.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
        }
    }
    Ok(QrPicture { size: size as u32, path })
}
