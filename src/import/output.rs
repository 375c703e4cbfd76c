//! Writing an imported ladder as content files: `ladder.toml` (the ladder, its scale,
//! families, tracks and categories), `skills.toml` and `levels-TRACK.toml` per track. Absent
//! facts are left out, never written as empty values, so the folder reads like one written
//! by hand.

use serde::Serialize;

use super::draft::Parts;
use crate::ladder::{Category, Extra, Family, LadderInfo, Level, Scale, Skill, Track};

#[derive(Serialize)]
struct LadderOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    scale: Vec<StepOut<'a>>,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    extra: &'a Extra,
}

#[derive(Serialize)]
struct StepOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
}

/// A family, track or category: the keys they share, absent ones left out.
#[derive(Serialize)]
struct GroupOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    family: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<u32>,
}

#[derive(Serialize)]
struct HeadFile<'a> {
    ladder: LadderOut<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    families: Vec<GroupOut<'a>>,
    tracks: Vec<GroupOut<'a>>,
    categories: Vec<GroupOut<'a>>,
}

fn family_out(f: &Family) -> GroupOut<'_> {
    GroupOut {
        id: &f.id,
        name: Some(&f.name),
        title: None,
        description: &f.description,
        family: "",
        order: Some(f.order),
    }
}

fn track_out(t: &Track) -> GroupOut<'_> {
    GroupOut {
        id: &t.id,
        name: None,
        title: Some(&t.title),
        description: &t.description,
        family: &t.family,
        order: Some(t.order),
    }
}

fn category_out(c: &Category) -> GroupOut<'_> {
    GroupOut {
        id: &c.id,
        name: Some(&c.name),
        title: None,
        description: &c.description,
        family: &c.family,
        order: None,
    }
}

#[derive(Serialize)]
struct SkillOut<'a> {
    id: &'a str,
    name: &'a str,
    category: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    extra: &'a Extra,
}

#[derive(Serialize)]
struct SkillsFile<'a> {
    skills: Vec<SkillOut<'a>>,
}

#[derive(Serialize)]
struct RefOut<'a> {
    skill: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    proficiency: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    expectations: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    examples: &'a [String],
}

#[derive(Serialize)]
struct LevelOut<'a> {
    id: &'a str,
    title: &'a str,
    track: &'a str,
    rank: u32,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    follows: &'a [String],
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    scope: &'a str,
    #[serde(skip_serializing_if = "Extra::is_empty")]
    extra: &'a Extra,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    skills: Vec<RefOut<'a>>,
}

#[derive(Serialize)]
struct LevelsFile<'a> {
    levels: Vec<LevelOut<'a>>,
}

const HEADER: &str =
    "# Written by `rungs import`; see IMPORT-REPORT.md for what the import decided.\n\n";

/// The content files of an imported ladder, by name.
pub(crate) fn files(info: &LadderInfo, parts: &Parts) -> Result<Vec<(String, String)>, String> {
    let scale: &Scale = &info.scale;
    let head = HeadFile {
        ladder: LadderOut {
            name: &info.name,
            description: &info.description,
            scale: if scale.is_default() {
                Vec::new()
            } else {
                scale
                    .steps()
                    .iter()
                    .map(|s| StepOut {
                        name: &s.name,
                        description: &s.description,
                    })
                    .collect()
            },
            extra: &info.extra,
        },
        families: parts.families.iter().map(family_out).collect(),
        tracks: parts.tracks.iter().map(track_out).collect(),
        categories: parts.categories.iter().map(category_out).collect(),
    };
    let skills = SkillsFile {
        skills: parts.skills.iter().map(skill_out).collect(),
    };
    let mut files = vec![
        (
            "ladder.toml".to_owned(),
            format!("{HEADER}{}", encode(&head)?),
        ),
        (
            "skills.toml".to_owned(),
            format!("{HEADER}{}", encode(&skills)?),
        ),
    ];
    // Levels go one file per track, split further past LEVELS_FILE_BUDGET bytes, so that a
    // large framework never writes a file too big for rungs to read back.
    let mut current: Option<(String, usize, String)> = None;
    let by_track = parts
        .tracks
        .iter()
        .flat_map(|t| parts.levels.iter().filter(move |l| l.track == t.id));
    for level in by_track {
        let block = encode(&LevelsFile {
            levels: vec![level_out(level, scale)],
        })?;
        match &mut current {
            Some((track, _, text))
                if *track == level.track && text.len() + block.len() <= LEVELS_FILE_BUDGET =>
            {
                text.push('\n');
                text.push_str(&block);
            }
            _ => {
                let part = match &current {
                    Some((track, part, _)) if *track == level.track => part + 1,
                    _ => 1,
                };
                if let Some(done) = current.take() {
                    files.push(levels_file(done));
                }
                current = Some((level.track.clone(), part, format!("{HEADER}{block}")));
            }
        }
    }
    if let Some(done) = current {
        files.push(levels_file(done));
    }
    Ok(files)
}

/// Past this many bytes a track's levels continue in a second file.
const LEVELS_FILE_BUDGET: usize = 1024 * 1024;

/// `levels-TRACK.toml`, then `levels-TRACK-2.toml`, … for the parts of a large track.
fn levels_file((track, part, text): (String, usize, String)) -> (String, String) {
    let name = if part == 1 {
        format!("levels-{track}.toml")
    } else {
        format!("levels-{track}-{part}.toml")
    };
    (name, text)
}

fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    toml::to_string(value).map_err(|e| e.to_string())
}

fn skill_out(skill: &Skill) -> SkillOut<'_> {
    SkillOut {
        id: &skill.id,
        name: &skill.name,
        category: &skill.category,
        description: &skill.description,
        extra: &skill.extra,
    }
}

fn level_out<'a>(level: &'a Level, scale: &Scale) -> LevelOut<'a> {
    LevelOut {
        id: &level.id,
        title: &level.title,
        track: &level.track,
        rank: level.rank,
        follows: &level.follows,
        summary: &level.summary,
        scope: &level.scope,
        extra: &level.extra,
        skills: level
            .skills
            .iter()
            .map(|r| RefOut {
                skill: &r.skill,
                proficiency: r.proficiency.map(|p| scale.name(p)),
                expectations: &r.expectations,
                examples: &r.examples,
            })
            .collect(),
    }
}
