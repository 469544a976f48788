//! Personas: the people a group builds and walks along the path. Never real people: a persona
//! has a name or pseudonym, an avatar from a built-in set (no photos), and what the group knows of
//! their situation.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{label, long_text};
use crate::{Id, Millis, OpError};

/// The built-in avatar symbols: things and animals, not faces, so no one is drawn with a skin,
/// a gender or an age they did not choose. The UI draws each one.
pub const AVATAR_SYMBOLS: [&str; 16] = [
    "sun",
    "moon",
    "star",
    "leaf",
    "tree",
    "flower",
    "wave",
    "mountain",
    "bird",
    "cat",
    "dog",
    "fish",
    "butterfly",
    "owl",
    "fox",
    "bear",
];
/// The avatar background colours; each UI theme maps them to colours with readable contrast.
pub const AVATAR_COLOURS: [&str; 8] = ["coral", "amber", "lime", "teal", "sky", "indigo", "violet", "rose"];
/// Channels and languages a persona lists.
pub const MAX_LIST_ITEMS: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Avatar {
    /// One of [`AVATAR_SYMBOLS`].
    pub symbol: String,
    /// One of [`AVATAR_COLOURS`].
    pub colour: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum AgeGroup {
    #[serde(rename = "under_18")]
    Under18,
    #[serde(rename = "18_29")]
    From18To29,
    #[serde(rename = "30_44")]
    From30To44,
    #[serde(rename = "45_64")]
    From45To64,
    #[serde(rename = "65_plus")]
    From65,
}

impl AgeGroup {
    pub const ALL: [AgeGroup; 5] =
        [AgeGroup::Under18, AgeGroup::From18To29, AgeGroup::From30To44, AgeGroup::From45To64, AgeGroup::From65];

    pub fn as_str(self) -> &'static str {
        match self {
            AgeGroup::Under18 => "under_18",
            AgeGroup::From18To29 => "18_29",
            AgeGroup::From30To44 => "30_44",
            AgeGroup::From45To64 => "45_64",
            AgeGroup::From65 => "65_plus",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum DigitalSkills {
    #[serde(rename = "none")]
    NoSkills,
    #[serde(rename = "some")]
    SomeSkills,
    #[serde(rename = "fluent")]
    Fluent,
}

impl DigitalSkills {
    pub const ALL: [DigitalSkills; 3] = [DigitalSkills::NoSkills, DigitalSkills::SomeSkills, DigitalSkills::Fluent];

    pub fn as_str(self) -> &'static str {
        match self {
            DigitalSkills::NoSkills => "none",
            DigitalSkills::SomeSkills => "some",
            DigitalSkills::Fluent => "fluent",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What a persona is; the same fields make a new one and a patch sets any of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PersonaFields {
    /// A name or pseudonym, never a real person's name.
    pub name: String,
    pub avatar: Avatar,
    pub age_group: Option<AgeGroup>,
    pub life_situation: String,
    pub goals: String,
    pub needs: String,
    /// Fears and pain points.
    pub fears: String,
    /// The channels the persona uses, in the group's words ("phone", "WhatsApp", "via the school curator").
    pub channels: Vec<String>,
    pub digital_skills: Option<DigitalSkills>,
    pub languages: Vec<String>,
    /// A sentence in the persona's own words.
    pub quote: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: Id,
    pub fields: PersonaFields,
    #[ts(type = "number")]
    pub version: i64,
    #[ts(type = "number")]
    pub created_at: Millis,
    #[ts(type = "number")]
    pub updated_at: Millis,
}

impl PersonaFields {
    /// A persona with only a name, the rest to be filled in.
    pub fn named(name: &str) -> Self {
        PersonaFields {
            name: name.to_string(),
            avatar: Avatar { symbol: AVATAR_SYMBOLS[0].into(), colour: AVATAR_COLOURS[4].into() },
            age_group: None,
            life_situation: String::new(),
            goals: String::new(),
            needs: String::new(),
            fears: String::new(),
            channels: Vec::new(),
            digital_skills: None,
            languages: Vec::new(),
            quote: String::new(),
            notes: String::new(),
        }
    }

    /// The rules every persona keeps, checked on what an op would leave behind and on imports.
    pub fn check(&self) -> Result<(), OpError> {
        label("name", &self.name)?;
        if !AVATAR_SYMBOLS.contains(&self.avatar.symbol.as_str()) {
            return Err(OpError::invalid("avatar", format!("has no symbol {:?}", self.avatar.symbol)));
        }
        if !AVATAR_COLOURS.contains(&self.avatar.colour.as_str()) {
            return Err(OpError::invalid("avatar", format!("has no colour {:?}", self.avatar.colour)));
        }
        long_text("life_situation", &self.life_situation)?;
        long_text("goals", &self.goals)?;
        long_text("needs", &self.needs)?;
        long_text("fears", &self.fears)?;
        long_text("quote", &self.quote)?;
        long_text("notes", &self.notes)?;
        for (field, list) in [("channels", &self.channels), ("languages", &self.languages)] {
            if list.len() > MAX_LIST_ITEMS {
                return Err(OpError::invalid(field, format!("holds at most {MAX_LIST_ITEMS} entries")));
            }
            for item in list {
                label(field, item)?;
            }
        }
        Ok(())
    }
}

/// The fields an update sets; an absent field stays as it is. `age_group` and `digital_skills`
/// are double options: null clears them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PersonaPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub avatar: Option<Avatar>,
    #[serde(default, deserialize_with = "crate::op::double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub age_group: Option<Option<AgeGroup>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub life_situation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub goals: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub needs: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fears: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub channels: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::op::double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub digital_skills: Option<Option<DigitalSkills>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub languages: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<String>,
}

crate::patch::field_patch!(PersonaPatch for PersonaFields:
    name, avatar, age_group, life_situation, goals, needs, fears, channels, digital_skills, languages, quote, notes);
