//! The content model: what a ladder is made of.
//!
//! These types are deserialized straight from the content files. Every field has a default so
//! that a missing key becomes an empty value that validation reports (with all the other
//! problems) instead of a serde error that would stop at the first one.

use serde::{Deserialize, Serialize};

/// The `[ladder]` section: the ladder's own name and description.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LadderInfo {
    pub name: String,
    pub description: String,
}

/// A career track: an ordered list of levels (management, technical, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Track {
    pub id: String,
    pub title: String,
    pub description: String,
    pub order: u32,
}

/// A group of skills; the categories are the axes of a level's skill profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// One entry of the skill catalogue that levels refer to by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: String,
    pub description: String,
}

/// The scale a level's expectation of a skill is measured on.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Proficiency {
    Basic,
    #[default]
    Working,
    Advanced,
    Expert,
    /// A name that is not on the scale. Validation rejects it, so a loaded [`crate::Ladder`]
    /// never holds one; it exists so that every bad name in a folder can be reported at once.
    #[serde(other, skip_serializing)]
    Unknown,
}

impl Proficiency {
    /// The steps of the scale, lowest first.
    pub const SCALE: [Proficiency; 4] = [
        Proficiency::Basic,
        Proficiency::Working,
        Proficiency::Advanced,
        Proficiency::Expert,
    ];

    /// 1 (basic) to 4 (expert); 0 for a name off the scale.
    pub fn value(self) -> u8 {
        match self {
            Proficiency::Basic => 1,
            Proficiency::Working => 2,
            Proficiency::Advanced => 3,
            Proficiency::Expert => 4,
            Proficiency::Unknown => 0,
        }
    }

    /// The name used in content files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Proficiency::Basic => "basic",
            Proficiency::Working => "working",
            Proficiency::Advanced => "advanced",
            Proficiency::Expert => "expert",
            Proficiency::Unknown => "unknown",
        }
    }

    /// A one-line description of the step, for help text and reports.
    pub fn meaning(self) -> &'static str {
        match self {
            Proficiency::Basic => "knows the ideas, uses them with guidance",
            Proficiency::Working => "uses the skill on their own in everyday work",
            Proficiency::Advanced => "handles hard cases and coaches others in it",
            Proficiency::Expert => "sets the standard for it across the organisation",
            Proficiency::Unknown => "not on the scale",
        }
    }

    pub const MAX: u8 = 4;
}

impl std::fmt::Display for Proficiency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A level's expectation of one catalogue skill.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillRef {
    pub skill: String,
    pub proficiency: Proficiency,
}

/// A span of years (or of people): `min` to `max`, or `min`+ when `max` is absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Range {
    pub min: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// No source gives the figure: it is the content authors' estimate.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimate: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Range {
    pub fn new(min: u32, max: Option<u32>) -> Self {
        Range {
            min,
            max,
            ..Range::default()
        }
    }

    pub fn is_open_ended(&self) -> bool {
        self.max.is_none()
    }

    /// `1–5`, `15+`, or `4` when both ends agree; `~` in front of an estimate.
    pub fn label(&self) -> String {
        let core = match self.max {
            Some(max) if max == self.min => format!("{}", self.min),
            Some(max) => format!("{}–{}", self.min, max),
            None => format!("{}+", self.min),
        };
        if self.estimate {
            format!("~{core}")
        } else {
            core
        }
    }
}

/// How long people usually work before holding a level.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    /// Years of work in the field.
    pub field: Range,
    /// Years of managing people; absent where managing is not expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managing: Option<Range>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Education {
    pub typical: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub preferred: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One rung of a track.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Level {
    pub id: String,
    pub title: String,
    pub track: String,
    pub rank: u32,
    pub summary: String,
    pub scope: String,
    pub reports_to: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reporting_note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct_reports: Option<Range>,
    pub example_titles: Vec<String>,
    pub decision_scope: String,
    pub responsibilities: Vec<String>,
    pub skills: Vec<SkillRef>,
    pub experience: Experience,
    pub education: Education,
    pub move_up: Vec<String>,
    pub equivalents: Vec<String>,
    /// Ids into the sources catalogue; in a folder without a catalogue, free-text citations.
    pub sources: Vec<String>,
}

impl Level {
    /// The expected proficiency of `skill_id` at this level, if the level names it.
    pub fn proficiency_of(&self, skill_id: &str) -> Option<Proficiency> {
        self.skills
            .iter()
            .find(|r| r.skill == skill_id)
            .map(|r| r.proficiency)
    }
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Article,
    Framework,
    Survey,
    Book,
    Conversation,
    /// A kind not in the list, or none given. Validation rejects it, so a loaded
    /// [`crate::Ladder`] never holds one.
    #[default]
    #[serde(other, skip_serializing)]
    Unknown,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Article,
        SourceKind::Framework,
        SourceKind::Survey,
        SourceKind::Book,
        SourceKind::Conversation,
    ];

    /// The name used in content files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Framework => "framework",
            SourceKind::Survey => "survey",
            SourceKind::Book => "book",
            SourceKind::Conversation => "conversation",
            SourceKind::Unknown => "unknown",
        }
    }
}

/// One entry of the sources catalogue: a document the ladder's facts come from. Levels cite
/// sources by id; readers are shown the title, never the id or the file name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Author or publisher.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    pub kind: SourceKind,
    /// Where a reader can find a public source.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The file the facts were taken from, for sources kept beside the content (seed
    /// documents); kept for traceability, not shown on screens.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub file: String,
}

impl Source {
    /// `Title — Author, Year`: how screens and reports name the source.
    pub fn citation(&self) -> String {
        let by: Vec<String> = [
            (!self.author.is_empty()).then(|| self.author.clone()),
            self.year.map(|y| y.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if by.is_empty() {
            self.title.clone()
        } else {
            format!("{} — {}", self.title, by.join(", "))
        }
    }
}

/// What one content file may hold; a folder's files are merged into one ladder.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct ContentFile {
    pub ladder: Option<LadderInfo>,
    pub tracks: Vec<Track>,
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub levels: Vec<Level>,
    pub sources: Vec<Source>,
}
