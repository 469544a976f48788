//! One page being drawn, in points with the origin at the top left (as the board and every
//! layout here think), turned into printpdf's bottom-left operations as it goes.

use printpdf::{
    Color, DictItem, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

use super::font::{metrics, Face, Weight};
use super::script::{self, Piece};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// From `0xRRGGBB`, the way the UI's stylesheet writes its colours.
    pub const fn hex(v: u32) -> Rgb {
        Rgb(((v >> 16) & 0xff) as f32 / 255.0, ((v >> 8) & 0xff) as f32 / 255.0, (v & 0xff) as f32 / 255.0)
    }

    fn color(self) -> Color {
        Color::Rgb(printpdf::Rgb { r: self.0, g: self.1, b: self.2, icc_profile: None })
    }
}

pub const INK: Rgb = Rgb::hex(0x1f2328);
pub const MUTED: Rgb = Rgb::hex(0x57606a);
pub const RULE: Rgb = Rgb::hex(0xb8bec6);

/// The two faces as the document registered them.
#[derive(Clone)]
pub struct Faces {
    pub regular: FontId,
    pub bold: FontId,
    /// Registered only when some text needs it: reading the font costs more than laying out a
    /// thousand notes.
    pub fallback: Option<FontId>,
    /// The same, for emoji.
    pub emoji: Option<FontId>,
}

impl Faces {
    fn id(&self, face: Face) -> FontId {
        match face {
            Face::Primary(Weight::Regular) => self.regular.clone(),
            Face::Primary(Weight::Bold) => self.bold.clone(),
            Face::Fallback => self.fallback.clone().unwrap_or_else(|| self.regular.clone()),
            Face::Emoji => self.emoji.clone().unwrap_or_else(|| self.regular.clone()),
        }
    }
}

pub struct Page {
    pub width: f32,
    pub height: f32,
    pub ops: Vec<Op>,
    faces: Faces,
}

fn pt(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

impl Page {
    pub fn new(width: f32, height: f32, faces: &Faces) -> Page {
        Page { width, height, ops: Vec::new(), faces: faces.clone() }
    }

    fn flip(&self, y: f32) -> f32 {
        self.height - y
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        let Some(mode) = self.paint(fill, stroke) else { return };
        let op = self.rect_op(x, y, w, h, mode);
        self.ops.push(op);
    }

    fn rect_op(&self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) -> Op {
        Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.flip(y + h)),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        }
    }

    /// Sets the colours and says how to paint; None when there is nothing to paint.
    fn paint(&mut self, fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) -> Option<PaintMode> {
        if let Some(c) = fill {
            self.ops.push(Op::SetFillColor { col: c.color() });
        }
        if let Some((c, w)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: c.color() });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(w) });
        }
        match (fill.is_some(), stroke.is_some()) {
            (true, true) => Some(PaintMode::FillStroke),
            (true, false) => Some(PaintMode::Fill),
            (false, true) => Some(PaintMode::Stroke),
            (false, false) => None,
        }
    }

    /// A straight polyline; `dash` is (on, off) lengths.
    pub fn polyline(&mut self, points: &[(f32, f32)], colour: Rgb, width: f32, dash: Option<(f32, f32)>) {
        if points.len() < 2 {
            return;
        }
        self.ops.push(Op::SetOutlineColor { col: colour.color() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        if let Some((on, off)) = dash {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern { offset: 0.0, pattern: [on, off].into_iter().collect() },
            });
        }
        let points = points.iter().map(|&(x, y)| LinePoint { p: pt(x, self.flip(y)), bezier: false }).collect();
        self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
        if dash.is_some() {
            self.ops.push(Op::SetLineDashPattern { dash: LineDashPattern::default() });
        }
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), colour: Rgb, width: f32) {
        self.polyline(&[from, to], colour, width, None);
    }

    /// A closed shape through `points` (straight sides).
    pub fn polygon(&mut self, points: &[(f32, f32)], fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        let Some(mode) = self.paint(fill, stroke) else { return };
        let points = points.iter().map(|&(x, y)| LinePoint { p: pt(x, self.flip(y)), bezier: false }).collect();
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon { rings: vec![PolygonRing { points }], mode, winding_order: WindingOrder::NonZero },
        });
    }

    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        let Some(mode) = self.paint(fill, stroke) else { return };
        // Four cubic arcs; 0.5523 puts the handles where a quarter circle needs them.
        let k = 0.552_284_8 * r;
        let cy = self.flip(cy);
        let p = |x: f32, y: f32, bezier: bool| LinePoint { p: pt(x, y), bezier };
        let points = vec![
            p(cx + r, cy, false),
            p(cx + r, cy + k, true),
            p(cx + k, cy + r, true),
            p(cx, cy + r, false),
            p(cx - k, cy + r, true),
            p(cx - r, cy + k, true),
            p(cx - r, cy, false),
            p(cx - r, cy - k, true),
            p(cx - k, cy - r, true),
            p(cx, cy - r, false),
            p(cx + k, cy - r, true),
            p(cx + r, cy - k, true),
            p(cx + r, cy, false),
        ];
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon { rings: vec![PolygonRing { points }], mode, winding_order: WindingOrder::NonZero },
        });
    }

    /// One line of text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, colour: Rgb, s: &str) {
        let at = Op::SetTextCursor { pos: pt(x, self.flip(y)) };
        self.text_from(at, size, weight, colour, s);
    }

    /// One line of text reading upwards from (x, y), its baseline vertical and the letters' tops
    /// towards the left: a label along a scale too narrow for it to lie flat.
    pub fn text_up(&mut self, x: f32, y: f32, size: f32, weight: Weight, colour: Rgb, s: &str) {
        let at = Op::SetTextMatrix { matrix: TextMatrix::Raw([0.0, 1.0, -1.0, 0.0, x, self.flip(y)]) };
        self.text_from(at, size, weight, colour, s);
    }

    fn text_from(&mut self, at: Op, size: f32, weight: Weight, colour: Rgb, s: &str) {
        if s.is_empty() {
            return;
        }
        self.ops.extend([Op::StartTextSection, Op::SetFillColor { col: colour.color() }, at]);
        for Piece { drawn, typed } in script::pieces(s) {
            // What a reader copies or searches for is what was typed, not the glyphs' order or
            // forms (PDF 32000-1, 14.9.4: replacement text).
            if let Some(typed) = &typed {
                self.ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties: actual_text(typed) });
            }
            self.runs(size, weight, &drawn);
            if typed.is_some() {
                self.ops.push(Op::EndMarkedContent);
            }
        }
        self.ops.push(Op::EndTextSection);
    }

    /// Runs of characters one font draws; each run moves the text position on by its width.
    /// A space is the primary face's, as it was measured: the emoji font's is an emoji wide.
    fn runs(&mut self, size: f32, weight: Weight, s: &str) {
        let m = metrics(weight);
        let mut run = String::new();
        let mut face = None;
        for c in s.chars() {
            let f = m.face_of(c, weight);
            if face.is_some_and(|cur| cur != f) && !run.is_empty() {
                self.show(face.unwrap_or(f), size, std::mem::take(&mut run));
            }
            face = Some(f);
            run.push(c);
        }
        if let Some(f) = face {
            self.show(f, size, run);
        }
    }

    fn show(&mut self, face: Face, size: f32, text: String) {
        self.ops.push(Op::SetFont { font: PdfFontHandle::External(self.faces.id(face)), size: Pt(size) });
        self.ops.push(Op::ShowText { items: vec![TextItem::Text(text)] });
    }

    /// Lines of text, the first baseline at `y`, `leading` apart.
    pub fn lines(&mut self, (x, y): (f32, f32), size: f32, leading: f32, weight: Weight, colour: Rgb, lines: &[String]) {
        for (i, l) in lines.iter().enumerate() {
            self.text(x, y + i as f32 * leading, size, weight, colour, l);
        }
    }

    /// Everything until [`Page::end_clip`] is cut to this rectangle.
    pub fn begin_clip(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::SaveGraphicsState);
        let op = self.rect_op(x, y, w, h, PaintMode::Clip);
        self.ops.push(op);
    }

    pub fn end_clip(&mut self) {
        self.ops.push(Op::RestoreGraphicsState);
    }
}

/// `<< /ActualText (typed) >>`, the text as UTF-16BE with its byte order mark, as text strings
/// outside PDFDocEncoding must be.
fn actual_text(typed: &str) -> DictItem {
    let data = [0xFE, 0xFF].into_iter().chain(typed.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    DictItem::Dict { map: [("ActualText".to_string(), DictItem::String { data, literal: false })].into() }
}
