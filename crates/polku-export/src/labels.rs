//! Words in the workshop's language, read from the UI's own translation files so a sentiment, a
//! field or an emotion is called the same on the screen and on paper. Keys of the export's own
//! live under `export.` in the same files.

use std::collections::HashMap;
use std::sync::OnceLock;

use polku_core::{Language, Millis, Sentiment};

const FI: &str = include_str!("../../../ui/src/lib/i18n/fi.json");
const EN: &str = include_str!("../../../ui/src/lib/i18n/en.json");
const SV: &str = include_str!("../../../ui/src/lib/i18n/sv.json");

pub struct Labels {
    pub language: Language,
    dict: &'static HashMap<String, String>,
    english: &'static HashMap<String, String>,
}

fn parse(json: &str) -> HashMap<String, String> {
    // The files are compiled in and checked by tests on both sides, so a bad file is a build bug.
    serde_json::from_str(json).unwrap_or_default()
}

fn dict(language: Language) -> &'static HashMap<String, String> {
    static D: [OnceLock<HashMap<String, String>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    match language {
        Language::Fi => D[0].get_or_init(|| parse(FI)),
        Language::En => D[1].get_or_init(|| parse(EN)),
        Language::Sv => D[2].get_or_init(|| parse(SV)),
    }
}

impl Labels {
    pub fn new(language: Language) -> Labels {
        Labels { language, dict: dict(language), english: dict(Language::En) }
    }

    /// The text of `key`; English when the language lacks it; the key itself when both do, so a
    /// gap shows in review and never breaks an export.
    pub fn t(&self, key: &str) -> String {
        self.dict.get(key).or_else(|| self.english.get(key)).cloned().unwrap_or_else(|| key.to_string())
    }

    /// [`Labels::t`] with `{name}` placeholders filled.
    pub fn tf(&self, key: &str, params: &[(&str, &str)]) -> String {
        let mut s = self.t(key);
        for (name, value) in params {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    pub fn sentiment(&self, s: Sentiment) -> String {
        self.t(&format!("sentiment.{}", sentiment_key(s)))
    }

    /// A date as its readers write it: 22.11.2026 in Finnish and Swedish (as used in Finland), 22 Nov 2026 in English.
    pub fn date(&self, ms: Millis) -> String {
        let t = crate::utc(ms);
        match self.language {
            Language::Fi | Language::Sv => format!("{}.{}.{}", t.day(), u8::from(t.month()), t.year()),
            Language::En => format!("{} {} {}", t.day(), &format!("{:?}", t.month())[..3], t.year()),
        }
    }

    /// A session's local date, and time when it has one, as readers write it: "18.3.2025 klo
    /// 13.00" in Finnish, "18.3.2025 kl. 13.00" in Swedish, "18 Mar 2025, 13:00" in English. The
    /// value is a wall-clock time with no zone (see `SessionFields::starts_at`), so it is never
    /// moved through UTC.
    pub fn local_date_time(&self, at: &str) -> String {
        let (date, time) = match at.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (at, None),
        };
        let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
        let [y, m, d] = parts[..] else { return at.to_string() };
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let day = match self.language {
            Language::Fi | Language::Sv => format!("{d}.{m}.{y}"),
            Language::En => format!("{d} {} {y}", MONTHS.get(m as usize - 1).unwrap_or(&"")),
        };
        let Some((h, min)) = time.and_then(|t| t.split_once(':')) else { return day };
        let clock = match self.language {
            Language::Fi | Language::Sv => format!("{}.{min}", h.trim_start_matches('0').max("0")),
            Language::En => format!("{h}:{min}"),
        };
        self.tf("pdf.cover.session_at", &[("date", &day), ("time", &clock)])
    }

    /// A number with the decimal mark readers expect (a comma in Finnish and Swedish).
    pub fn decimal(&self, v: f64, places: usize) -> String {
        let s = format!("{v:.places$}");
        match self.language {
            Language::Fi | Language::Sv => s.replace('.', ","),
            Language::En => s,
        }
    }
}

pub fn sentiment_key(s: Sentiment) -> &'static str {
    match s {
        Sentiment::Negative => "negative",
        Sentiment::Neutral => "neutral",
        Sentiment::Positive => "positive",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `t("…")`/`tf("…")` key in this crate's source exists in all three files.
    #[test]
    fn every_key_the_export_uses_is_translated() {
        let mut used = Vec::new();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut dirs = vec![std::path::PathBuf::from(src)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    for part in text.split(".t(\"").skip(1).chain(text.split(".tf(\"").skip(1)) {
                        if let Some(end) = part.find('"') {
                            used.push(part[..end].to_string());
                        }
                    }
                }
            }
        }
        assert!(used.len() > 20, "found only {} keys", used.len());
        for lang in Language::ALL {
            let d = dict(lang);
            let missing: Vec<_> = used.iter().filter(|k| !d.contains_key(k.as_str())).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.as_str());
        }
    }

    #[test]
    fn dates_and_decimals_follow_the_language() {
        let ms = 1_795_000_000_000; // 18.11.2026
        assert_eq!(Labels::new(Language::Fi).date(ms), "18.11.2026");
        assert_eq!(Labels::new(Language::En).date(ms), "18 Nov 2026");
        assert_eq!(Labels::new(Language::Sv).decimal(0.25, 2), "0,25");
        assert_eq!(Labels::new(Language::En).decimal(0.25, 2), "0.25");
    }
}
