//! The pages of one PDF and how they become a file: fonts registered once, a footer on every
//! page once the count is known, metadata (title, language) set.

use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions, Pt};

use super::canvas::{Faces, Page, MUTED, RULE};
use super::font::{self, Face, Weight};
use super::text::ellipsize;
use crate::labels::Labels;
use crate::ExportError;

/// Room kept free at each edge of the paper, in points (12 mm: inside what office printers reach).
pub const MARGIN: f32 = 34.0;
/// The footer's band at the bottom, inside the margin.
pub const FOOTER: f32 = 18.0;

pub struct Document {
    pdf: PdfDocument,
    pub faces: Faces,
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// Boards asked to fit on one page that were tiled instead, so their notes stay readable.
    pub tiled: Vec<String>,
}

impl Document {
    /// `needs`: the fonts some text needs besides Noto Sans (see [`font::needs`]).
    pub fn new(title: &str, width: f32, height: f32, needs: font::Needs) -> Result<Document, ExportError> {
        let mut pdf = PdfDocument::new(title);
        let mut add = |face: Face| -> Result<_, ExportError> {
            let parsed = ParsedFont::from_bytes(font::bytes(face), 0, &mut Vec::new())
                .ok_or_else(|| ExportError::Writer("PDF", "the built-in font could not be read".into()))?;
            Ok(pdf.add_font(&parsed))
        };
        let faces = Faces {
            regular: add(Face::Primary(Weight::Regular))?,
            bold: add(Face::Primary(Weight::Bold))?,
            fallback: if needs.fallback { Some(add(Face::Fallback)?) } else { None },
            emoji: if needs.emoji { Some(add(Face::Emoji)?) } else { None },
        };
        Ok(Document { pdf, faces, width, height, pages: Vec::new(), tiled: Vec::new() })
    }

    pub fn new_page(&self) -> Page {
        Page::new(self.width, self.height, &self.faces)
    }

    /// A page of another size than the document's (a canvas is always A3 landscape).
    pub fn page_of(&self, (width, height): (f32, f32)) -> Page {
        Page::new(width, height, &self.faces)
    }

    /// The area inside the margins and above the footer: (x, y, width, height).
    pub fn frame(&self) -> (f32, f32, f32, f32) {
        frame_of((self.width, self.height))
    }

    /// Adds the footer (title, export date, page n of m) to every page.
    pub fn finish_pages(&mut self, title: &str, exported: &str, l: &Labels) {
        let total = self.pages.len();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let y = page.height - MARGIN + 4.0;
            let size = 8.0;
            page.line((MARGIN, y - 11.0), (page.width - MARGIN, y - 11.0), RULE, 0.5);
            let number = l.tf("pdf.footer.page", &[("page", &(i + 1).to_string()), ("pages", &total.to_string())]);
            let number_w = font::metrics(Weight::Regular).width(&number, size);
            let date = l.tf("pdf.footer.exported", &[("date", exported)]);
            let date_w = font::metrics(Weight::Regular).width(&date, size);
            // The date is centred: the title ends before it, however long the title is.
            let title_room = (page.width - date_w) / 2.0 - MARGIN - 16.0;
            page.text(MARGIN, y, size, Weight::Regular, MUTED, &ellipsize(title, title_room.max(40.0), size, Weight::Regular));
            page.text((page.width - date_w) / 2.0, y, size, Weight::Regular, MUTED, &date);
            page.text(page.width - MARGIN - number_w, y, size, Weight::Regular, MUTED, &number);
        }
    }

    /// The finished file: fonts subset and embedded, streams compressed, title and language set.
    pub fn save(mut self, title: &str, language: &str, now: polku_core::Millis) -> Result<Vec<u8>, ExportError> {
        let date = printpdf::OffsetDateTime::from_unix_timestamp(now / 1000)
            .map_err(|e| ExportError::Writer("PDF", e.to_string()))?;
        self.pdf.metadata.info.creation_date = date;
        self.pdf.metadata.info.modification_date = date;
        self.pdf.metadata.info.metadata_date = date;
        self.pdf.metadata.info.document_title = title.to_string();
        self.pdf.metadata.info.creator = "Polku".into();
        self.pdf.metadata.info.producer = "Polku".into();
        let pages = self
            .pages
            .into_iter()
            .map(|p| PdfPage { media_box: media(p.width, p.height), trim_box: media(p.width, p.height), crop_box: media(p.width, p.height), ops: p.ops })
            .collect();
        self.pdf.pages = pages;
        let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
        let bytes = self.pdf.save(&opts, &mut Vec::new());
        finish_metadata(&bytes, language)
    }
}

/// [`Document::frame`] of a page this size.
pub fn frame_of((width, height): (f32, f32)) -> (f32, f32, f32, f32) {
    (MARGIN, MARGIN, width - 2.0 * MARGIN, height - 2.0 * MARGIN - FOOTER)
}

fn media(w: f32, h: f32) -> printpdf::Rect {
    printpdf::Rect::from_xywh(Pt(0.0), Pt(0.0), Pt(w), Pt(h))
}

/// printpdf has no `/Lang`, which screen readers and search need, and always writes an empty
/// PDF/X version key, which makes readers take the file for a PDF/X one (it is not); both are put
/// right here.
fn finish_metadata(bytes: &[u8], language: &str) -> Result<Vec<u8>, ExportError> {
    let fail = |e: lopdf::Error| ExportError::Writer("PDF", e.to_string());
    let mut doc = lopdf::Document::load_mem(bytes).map_err(fail)?;
    doc.catalog_mut().map_err(fail)?.set("Lang", lopdf::Object::string_literal(language));
    if let Ok(info) = doc.trailer.get(b"Info").and_then(lopdf::Object::as_reference) {
        if let Ok(dict) = doc.get_object_mut(info).and_then(lopdf::Object::as_dict_mut) {
            dict.remove(b"GTS_PDFXVersion");
            dict.remove(b"Trapped");
        }
    }
    let mut out = Vec::with_capacity(bytes.len() + 64);
    doc.save_to(&mut out).map_err(|e| ExportError::Writer("PDF", e.to_string()))?;
    Ok(out)
}
