//! Text that runs down the page and onto the next: headings, paragraphs, lists and tables for
//! the cover, persona cards, walkthroughs and the summary. A block that does not fit starts a new
//! page; a table repeats its header there; a cell taller than a page is split between lines.

use super::canvas::{Page, Rgb, INK, MUTED, RULE};
use super::document::Document;
use super::font::Weight;
use super::text::wrap;

pub struct Flow<'a> {
    pub doc: &'a mut Document,
    pub page: Page,
    /// The next free y on the page.
    pub y: f32,
    pub left: f32,
    pub width: f32,
    top: f32,
    bottom: f32,
    started: bool,
    /// Printed at the top of every page after the first, so a loose page still says whose it is.
    pub running_head: Option<String>,
}

/// One column of a table: its header and its share of the width.
pub struct Column<'s> {
    pub header: &'s str,
    pub share: f32,
}

const BODY: f32 = 10.0;

impl<'a> Flow<'a> {
    pub fn new(doc: &'a mut Document) -> Flow<'a> {
        let (x, y, w, h) = doc.frame();
        let page = doc.new_page();
        Flow { doc, page, y, left: x, width: w, top: y, bottom: y + h, started: false, running_head: None }
    }

    /// Room left on this page.
    pub fn room(&self) -> f32 {
        self.bottom - self.y
    }

    /// Puts the current page in the document and starts another.
    pub fn new_page(&mut self) {
        let next = self.doc.new_page();
        let done = std::mem::replace(&mut self.page, next);
        self.doc.pages.push(done);
        self.y = self.top;
        self.started = false;
        if let Some(head) = &self.running_head {
            let head = super::text::ellipsize(head, self.width, 9.0, Weight::Bold);
            self.page.text(self.left, self.y + 9.0, 9.0, Weight::Bold, MUTED, &head);
            self.y += 22.0;
        }
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn need(&mut self, height: f32) {
        if self.started && self.room() < height {
            self.new_page();
        }
        self.started = true;
    }

    pub fn finish(mut self) {
        if self.started {
            let last = std::mem::replace(&mut self.page, self.doc.new_page());
            self.doc.pages.push(last);
        }
    }

    pub fn space(&mut self, h: f32) {
        if self.started {
            self.y = (self.y + h).min(self.bottom);
        }
    }

    pub fn heading(&mut self, text: &str, size: f32) {
        let lines = wrap(text, self.width, size, Weight::Bold);
        // A heading never sits alone at the foot of a page.
        self.need(lines.len() as f32 * size * 1.25 + 3.0 * BODY);
        for l in &lines {
            self.y += size;
            self.page.text(self.left, self.y, size, Weight::Bold, INK, l);
            self.y += size * 0.25;
        }
        self.y += size * 0.35;
    }

    /// Wrapped text; `indent` from the left edge.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight, colour: Rgb, indent: f32) {
        for line in wrap(text, self.width - indent, size, weight) {
            self.need(size * 1.35);
            self.y += size;
            self.page.text(self.left + indent, self.y, size, weight, colour, &line);
            self.y += size * 0.35;
        }
    }

    /// A label in bold, its value wrapped after it on the following lines.
    pub fn field(&mut self, label: &str, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        self.need(BODY * 3.0);
        self.paragraph(label, BODY - 1.0, Weight::Bold, MUTED, 0.0);
        self.paragraph(value, BODY, Weight::Regular, INK, 0.0);
        self.y += BODY * 0.5;
    }

    /// A bulleted list item.
    pub fn bullet(&mut self, text: &str) {
        let lines = wrap(text, self.width - 14.0, BODY, Weight::Regular);
        for (i, line) in lines.iter().enumerate() {
            self.need(BODY * 1.35);
            self.y += BODY;
            if i == 0 {
                self.page.circle(self.left + 4.0, self.y - BODY * 0.33, 1.6, Some(INK), None);
            }
            self.page.text(self.left + 14.0, self.y, BODY, Weight::Regular, INK, line);
            self.y += BODY * 0.35;
        }
    }

    /// A table with a header row, wrapped cells and a rule under each row.
    pub fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>]) {
        let total: f32 = columns.iter().map(|c| c.share).sum();
        let widths: Vec<f32> = columns.iter().map(|c| self.width * c.share / total).collect();
        let pad = 4.0;
        let size = BODY - 1.0;
        let lead = size * 1.3;
        let header: Vec<Vec<String>> =
            columns.iter().zip(&widths).map(|(c, w)| wrap(c.header, w - 2.0 * pad, size, Weight::Bold)).collect();
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lead + 2.0 * pad;
        self.need(header_h + lead + 2.0 * pad);
        self.table_header(&header, &widths, header_h, lead, size);
        for row in rows {
            let cells: Vec<Vec<String>> =
                row.iter().zip(&widths).map(|(t, w)| wrap(t, w - 2.0 * pad, size, Weight::Regular)).collect();
            let mut from = 0;
            let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let row_h = |n: usize| n as f32 * lead + 2.0 * pad;
            let capacity = self.bottom - self.top - header_h;
            while from < height {
                let mut fits = height - from;
                if row_h(fits) > self.room() {
                    // A row that fits a page of its own moves there whole; a longer one is split.
                    let whole_on_next = from == 0 && row_h(fits) <= capacity;
                    fits = ((self.room() - 2.0 * pad) / lead).floor().max(0.0) as usize;
                    if whole_on_next || fits == 0 {
                        self.new_page();
                        self.started = true;
                        self.table_header(&header, &widths, header_h, lead, size);
                        continue;
                    }
                }
                let mut x = self.left;
                for (cell, w) in cells.iter().zip(&widths) {
                    let part: Vec<String> = cell.iter().skip(from).take(fits).cloned().collect();
                    self.page.lines((x + pad, self.y + pad + size), size, lead, Weight::Regular, INK, &part);
                    x += w;
                }
                self.y += fits as f32 * lead + 2.0 * pad;
                self.page.line((self.left, self.y), (self.left + self.width, self.y), RULE, 0.5);
                from += fits;
            }
        }
        self.y += BODY;
    }

    fn table_header(&mut self, header: &[Vec<String>], widths: &[f32], h: f32, lead: f32, size: f32) {
        self.page.rect(self.left, self.y, self.width, h, Some(Rgb::hex(0xeef1f4)), None);
        let mut x = self.left;
        for (cell, w) in header.iter().zip(widths) {
            self.page.lines((x + 4.0, self.y + 4.0 + size), size, lead, Weight::Bold, INK, cell);
            x += w;
        }
        self.y += h;
    }
}
