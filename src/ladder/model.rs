//! The content model: what a ladder is made of.
//!
//! A validated [`crate::ladder::Ladder`] holds these types. They are read from TOML by the
//! checking reader in `read.rs` (which reports every problem at its place) and serialized
//! with serde for JSON output; the cache and the built-in ladder that `build.rs` prepares use
//! the packed form of `packed.rs`.
//! Optional sections are empty strings, empty lists or `None`: never an invented value.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// Fields a source has that the format has no place for, kept so that an import loses nothing.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// The `[ladder]` section: the ladder's own name, description and proficiency scale.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LadderInfo {
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Scale::is_default")]
    pub scale: Scale,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// One step of a proficiency scale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScaleStep {
    pub name: String,
    pub description: String,
}

/// The ordered steps a level's expectation of a skill is measured on, lowest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Scale {
    steps: Vec<ScaleStep>,
}

impl Default for Scale {
    /// rungs' own four steps, used by a ladder that defines none.
    fn default() -> Self {
        let step = |name: &str, description: &str| ScaleStep {
            name: name.into(),
            description: description.into(),
        };
        Scale {
            steps: vec![
                step("basic", "knows the ideas, uses them with guidance"),
                step("working", "uses the skill on their own in everyday work"),
                step("advanced", "handles hard cases and coaches others in it"),
                step("expert", "sets the standard for it across the organisation"),
            ],
        }
    }
}

impl Scale {
    /// A scale of the given steps, lowest first. Validation checks that a content file's
    /// scale is non-empty with unique names; this constructor does not.
    pub fn new(steps: Vec<ScaleStep>) -> Self {
        Scale { steps }
    }

    pub fn is_default(&self) -> bool {
        *self == Scale::default()
    }

    /// The steps, lowest first.
    pub fn steps(&self) -> &[ScaleStep] {
        &self.steps
    }

    /// How many steps the scale has: the value of its top step.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The top step's value, for drawing gauges (at least 1).
    pub fn max(&self) -> u8 {
        u8::try_from(self.steps.len()).unwrap_or(u8::MAX).max(1)
    }

    /// The step a proficiency stands for.
    pub fn step(&self, p: Proficiency) -> Option<&ScaleStep> {
        usize::from(p.value())
            .checked_sub(1)
            .and_then(|i| self.steps.get(i))
    }

    /// The step's name, or its number if the scale has no such step.
    pub fn name(&self, p: Proficiency) -> String {
        self.step(p)
            .map_or_else(|| p.value().to_string(), |s| s.name.clone())
    }

    /// The step's description ("" if the scale does not describe it).
    pub fn meaning(&self, p: Proficiency) -> &str {
        self.step(p).map_or("", |s| s.description.as_str())
    }

    /// The proficiency named `name` (exactly as written in the scale).
    pub fn find(&self, name: &str) -> Option<Proficiency> {
        self.steps
            .iter()
            .position(|s| s.name == name)
            .and_then(|i| u8::try_from(i + 1).ok())
            .map(Proficiency)
    }

    /// Every proficiency of the scale, lowest first.
    pub fn proficiencies(&self) -> impl Iterator<Item = Proficiency> + '_ {
        (1..=self.max()).take(self.steps.len()).map(Proficiency)
    }
}

/// A step of the ladder's scale, by value: 1 is the lowest step. The names live in the
/// ladder's [`Scale`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Proficiency(u8);

impl Proficiency {
    /// The step with value `value` (1-based); `None` for 0.
    pub fn new(value: u8) -> Option<Self> {
        (value > 0).then_some(Proficiency(value))
    }

    /// 1 for the lowest step, up to the scale's length.
    pub fn value(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Proficiency {
    /// A step's value, or (for the built-in ladder that `build.rs` reads) a name of the
    /// default scale.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Value(u8),
            Name(String),
        }
        let found = match Either::deserialize(deserializer)? {
            Either::Value(v) => Proficiency::new(v),
            Either::Name(name) => Scale::default().find(&name),
        };
        found.ok_or_else(|| serde::de::Error::custom("not a step of the scale"))
    }
}

/// A group of tracks with their own skill categories (engineering, design, product…).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Family {
    pub id: String,
    pub name: String,
    pub description: String,
    pub order: u32,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// A career track: an ordered list of levels (management, technical, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Track {
    pub id: String,
    pub title: String,
    pub description: String,
    pub order: u32,
    /// The family the track belongs to; empty when the ladder declares no families.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub family: String,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// A group of skills; the categories are the axes of a level's skill profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: String,
    /// The family whose tracks use it; empty for a category every family shares.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub family: String,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// What one step of the scale looks like for one skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RubricLine {
    pub step: Proficiency,
    pub text: String,
}

/// One entry of the skill catalogue that levels refer to by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: String,
    /// What the skill is; empty when the source does not say.
    pub description: String,
    /// Per step of the scale, lowest first; steps the source does not describe are absent.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_rubric"
    )]
    pub rubric: Vec<RubricLine>,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// A rubric as serialized (a list of lines), or (for the built-in ladder that `build.rs` reads)
/// as written in TOML: a table keyed by step names of the default scale, put in scale order.
fn deserialize_rubric<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<RubricLine>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Lines(Vec<RubricLine>),
        ByName(BTreeMap<String, String>),
    }
    match Either::deserialize(deserializer)? {
        Either::Lines(lines) => Ok(lines),
        Either::ByName(by_name) => {
            let mut lines = by_name
                .into_iter()
                .map(|(name, text)| {
                    Scale::default()
                        .find(&name)
                        .map(|step| RubricLine { step, text })
                        .ok_or_else(|| serde::de::Error::custom("not a step of the scale"))
                })
                .collect::<Result<Vec<_>, D::Error>>()?;
            lines.sort_by_key(|line| line.step);
            Ok(lines)
        }
    }
}

impl Skill {
    /// What this skill looks like at step `p`, if the rubric says.
    pub fn rubric_at(&self, p: Proficiency) -> Option<&str> {
        self.rubric
            .iter()
            .find(|line| line.step == p)
            .map(|line| line.text.as_str())
    }
}

/// A level's expectation of one catalogue skill.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillRef {
    pub skill: String,
    /// The expected step; `None` for a skill the level expects without rating it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proficiency: Option<Proficiency>,
    /// What the skill looks like at this level, statement by statement.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expectations: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// How one level's scope differs between a startup, a mid-size company and a large one. Each
/// line is optional; `unsourced` names the lines that are general descriptions rather than
/// facts from a named source, so a reader never takes them for sourced ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanySize {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub startup: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mid_size: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub large: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unsourced: Vec<String>,
}

impl CompanySize {
    /// The keys of the three size lines, smallest company first.
    pub const SIZES: [&'static str; 3] = ["startup", "mid_size", "large"];

    pub fn is_empty(&self) -> bool {
        self.lines().iter().all(|(_, text)| text.is_empty())
    }

    /// (key, text) for each size, smallest company first; texts may be empty.
    pub fn lines(&self) -> [(&'static str, &str); 3] {
        [
            ("startup", self.startup.as_str()),
            ("mid_size", self.mid_size.as_str()),
            ("large", self.large.as_str()),
        ]
    }

    /// Whether the line `key` is marked as a general description without a named source.
    pub fn is_unsourced(&self, key: &str) -> bool {
        self.unsourced.iter().any(|k| k == key)
    }
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

/// One rung of a track. Text left empty and sections left `None` were not stated by the
/// content; front ends leave them out rather than show a made-up value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Level {
    pub id: String,
    pub title: String,
    pub track: String,
    pub rank: u32,
    /// The level(s) this one is promoted from, when that is not the rung below in its own
    /// track (a track forking from another track's rung).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follows: Vec<String>,
    pub summary: String,
    pub scope: String,
    pub reports_to: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reporting_note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct_reports: Option<Range>,
    pub example_titles: Vec<String>,
    /// Example titles per business function (marketing, engineering…), function → titles.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub titles_by_function: BTreeMap<String, Vec<String>>,
    /// How the level's scope differs with the size of the company.
    #[serde(skip_serializing_if = "CompanySize::is_empty")]
    pub company_size: CompanySize,
    pub decision_scope: String,
    pub responsibilities: Vec<String>,
    pub skills: Vec<SkillRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<Experience>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    pub move_up: Vec<String>,
    pub equivalents: Vec<String>,
    /// Ids into the sources catalogue; in a folder without a catalogue, free-text citations.
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Level {
    /// The expected step of `skill_id` at this level, if the level names and rates it.
    pub fn proficiency_of(&self, skill_id: &str) -> Option<Proficiency> {
        self.skill_ref(skill_id).and_then(|r| r.proficiency)
    }

    /// This level's reference to `skill_id`, rated or not.
    pub fn skill_ref(&self, skill_id: &str) -> Option<&SkillRef> {
        self.skills.iter().find(|r| r.skill == skill_id)
    }

    /// Whether the level expects `skill_id` at all (rated or unrated).
    pub fn names_skill(&self, skill_id: &str) -> bool {
        self.skill_ref(skill_id).is_some()
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
    pub families: Vec<Family>,
    pub tracks: Vec<Track>,
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub levels: Vec<Level>,
    pub sources: Vec<Source>,
}
