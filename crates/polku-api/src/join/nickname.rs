//! Nicknames: the only name a participant has. No real names are asked; a friendly one is
//! suggested in the workshop's language (a colour and an animal), and anything typed instead is
//! checked to be one short line.

use polku_core::Language;
use rand::seq::IndexedRandom;

use crate::{ApiError, ErrorCode};

pub(crate) const MAX_NICKNAME: usize = 40;

/// The words a suggestion is made of. Swedish animals are all common gender, so the colour never
/// needs the neuter -t.
fn words(language: Language) -> (&'static [&'static str], &'static [&'static str]) {
    match language {
        Language::Fi => (
            &["Sininen", "Punainen", "Vihreä", "Keltainen", "Oranssi", "Violetti", "Hopea", "Kulta"],
            &["kettu", "siili", "pöllö", "karhu", "orava", "jänis", "ilves", "hirvi", "norppa", "tikka"],
        ),
        Language::Sv => (
            &["Blå", "Röd", "Grön", "Gul", "Orange", "Lila", "Silver", "Guld"],
            &["räv", "igelkott", "uggla", "björn", "ekorre", "hare", "älg", "säl", "hackspett", "mås"],
        ),
        Language::En => (
            &["Blue", "Red", "Green", "Yellow", "Orange", "Violet", "Silver", "Golden"],
            &["fox", "hedgehog", "owl", "bear", "squirrel", "hare", "lynx", "moose", "seal", "woodpecker"],
        ),
    }
}

/// A nickname nobody in `taken` has, when one is left (else one that is, which still works).
pub(crate) fn suggest(language: Language, taken: &[&str]) -> String {
    let (colours, animals) = words(language);
    let mut rng = rand::rng();
    let mut pick = || {
        let colour = colours.choose(&mut rng).copied().unwrap_or("");
        let animal = animals.choose(&mut rng).copied().unwrap_or("");
        format!("{colour} {animal}")
    };
    // 80 pairs: a handful of tries finds a free one until the room is nearly full.
    let mut name = pick();
    for _ in 0..20 {
        if !taken.contains(&name.as_str()) {
            break;
        }
        name = pick();
    }
    name
}

/// The nickname as kept: trimmed, 1–40 characters, one line, no control characters.
pub(crate) fn check(typed: &str) -> Result<String, ApiError> {
    let name = typed.trim();
    let invalid = |why: &str| ApiError::with_field(ErrorCode::Validation, format!("the nickname {why}"), "nickname");
    if name.is_empty() {
        return Err(invalid("is empty"));
    }
    if name.chars().count() > MAX_NICKNAME {
        return Err(invalid(&format!("is over {MAX_NICKNAME} characters")));
    }
    // Line and paragraph separators would break the facilitator's list like a newline would.
    if name.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')) {
        return Err(invalid("is more than one line or holds a control character"));
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_in_the_language_and_valid() {
        for lang in Language::ALL {
            let name = suggest(lang, &[]);
            assert!(check(&name).is_ok(), "{name}");
            let (colours, _) = words(lang);
            assert!(colours.iter().any(|c| name.starts_with(c)), "{name}");
        }
    }

    #[test]
    fn suggestions_avoid_taken_names() {
        let taken = ["Blue fox"];
        let free = (0..50).filter(|_| suggest(Language::En, &taken) != "Blue fox").count();
        assert_eq!(free, 50);
    }
}
