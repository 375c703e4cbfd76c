//! `rungs import json|yaml FILE --mapping MAP.toml`: structured frameworks, read through an
//! explicit mapping that says where levels, skills and statements sit in the file.
//!
//! Two shapes cover the frameworks seen: `shape = "levels"` (each level holds its statements
//! grouped by competency) and `shape = "skills"` (each competency holds its statements per
//! level). Keys of a level or a skill the mapping does not name are kept in `extra`. A scale
//! is folded only through the mapping's `[fold]` table, and the report says what the fold
//! hides.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::Imported;
use super::draft::{Draft, Statement, parse_step};
use super::report::ReportKind;
use crate::ladder::{Problem, Scale, ScaleStep};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Shape {
    Levels,
    Skills,
}

/// The mapping file: which key holds what. Documented in content/README.md.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mapping {
    shape: Shape,
    /// Dotted path to the list (or table) of items; "" for the top of the file.
    #[serde(default)]
    items: String,
    /// The key holding an item's name; a table of items is keyed by name when it is absent.
    #[serde(default = "default_name")]
    name: String,
    track: Option<String>,
    family: Option<String>,
    rank: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    scope: Option<String>,
    category: Option<String>,
    description: Option<String>,
    /// The key of the nested collection: a level's competencies, or a competency's levels.
    entries: String,
    /// The key holding an entry's name, when entries are a list of tables.
    #[serde(default = "default_name")]
    entry_name: String,
    /// The key of an entry's statements, when an entry is a table.
    statements: Option<String>,
    proficiency: Option<String>,
    examples: Option<String>,
    /// The source's steps, lowest first (after folding, if `fold` is given).
    scale: Option<Vec<String>>,
    /// Source step → step of the scale: an explicit fold of a finer scale.
    #[serde(default)]
    fold: BTreeMap<String, String>,
}

fn default_name() -> String {
    "name".into()
}

fn located(file: &str, text: &str, span: Option<std::ops::Range<usize>>, message: &str) -> Problem {
    let position = span.map(|s| {
        let before = &text[..s.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    });
    Problem {
        file: file.to_owned(),
        position,
        message: crate::text::escape_control(message).into_owned(),
        excerpt: None,
        caret: 0,
    }
}

/// The mapping file, or its problems (located).
fn mapping(name: &str, text: &str) -> Result<Mapping, Vec<Problem>> {
    toml::from_str(text).map_err(|e| vec![located(name, text, e.span(), e.message())])
}

/// A JSON file's value, or its syntax error at FILE:LINE:COL.
pub fn parse_json(file: &str, bytes: &[u8]) -> Result<Value, Vec<Problem>> {
    serde_json::from_slice(bytes).map_err(|e| {
        vec![Problem {
            file: file.to_owned(),
            position: Some((e.line(), e.column())),
            message: crate::text::escape_control(&e.to_string()).into_owned(),
            excerpt: None,
            caret: 0,
        }]
    })
}

/// A YAML file's value, or its syntax error at FILE:LINE:COL.
pub fn parse_yaml(file: &str, bytes: &[u8]) -> Result<Value, Vec<Problem>> {
    serde_norway::from_slice(bytes).map_err(|e| {
        vec![Problem {
            file: file.to_owned(),
            position: e.location().map(|l| (l.line(), l.column())),
            message: crate::text::escape_control(&e.to_string()).into_owned(),
            excerpt: None,
            caret: 0,
        }]
    })
}

/// Text, numbers and booleans as text; anything else is not a name.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A string or a list of strings as statements.
fn statements_of(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.trim().to_owned()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(text_of)
            .filter(|s| !s.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// The named children of a list of tables (named by `key`) or of a table (named by its keys).
fn named<'v>(value: &'v Value, key: &str) -> Vec<(String, &'v Value)> {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let name = item.get(key).and_then(text_of);
                (name.unwrap_or_else(|| format!("#{}", i + 1)), item)
            })
            .collect(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                let name = v.get(key).and_then(text_of).unwrap_or_else(|| k.clone());
                (name, v)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Imports a structured framework (JSON, or YAML read into the same value).
pub fn import_structured(
    file: &str,
    value: &Value,
    mapping_name: &str,
    mapping_text: &str,
) -> Result<Imported, Vec<Problem>> {
    let map = mapping(mapping_name, mapping_text)?;
    let mut root = value;
    for part in map.items.split('.').filter(|p| !p.is_empty()) {
        root = root.get(part).ok_or_else(|| {
            vec![Problem::whole_file(
                file,
                format!(
                    "no `{part}` where the mapping's items = \"{}\" leads",
                    map.items
                ),
            )]
        })?;
    }
    let items = named(root, &map.name);
    if items.is_empty() {
        return Err(vec![Problem::whole_file(
            file,
            format!(
                "nothing to import at items = \"{}\": it is not a list or table of items",
                map.items
            ),
        )]);
    }
    let scale = map.scale.as_ref().map(|names| {
        Scale::new(
            names
                .iter()
                .map(|n| ScaleStep {
                    name: n.clone(),
                    description: String::new(),
                })
                .collect(),
        )
    });
    let reading_scale = scale.clone().unwrap_or_default();
    let mut draft = Draft::new(file, scale);
    report_fold(&mut draft, &map, mapping_name);
    // Keys beside the items at the top of the file belong to the ladder as a whole.
    if let (Some(top), Some(first)) = (value.as_object(), map.items.split('.').next())
        && !first.is_empty()
    {
        for (key, value) in top.iter().filter(|(k, _)| k.as_str() != first) {
            draft.ladder_extra(key, value.clone());
            draft.report.note(
                ReportKind::Extra,
                file,
                format!("`{key}` at the top of the file kept in the ladder's `extra`"),
            );
        }
    }

    let mapped: Vec<&str> = [
        Some(&map.name),
        map.track.as_ref(),
        map.family.as_ref(),
        map.rank.as_ref(),
        map.title.as_ref(),
        map.summary.as_ref(),
        map.scope.as_ref(),
        map.category.as_ref(),
        map.description.as_ref(),
        Some(&map.entries),
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    let field = |v: &Value, key: &Option<String>| -> String {
        key.as_ref()
            .and_then(|k| v.get(k))
            .and_then(text_of)
            .unwrap_or_default()
    };

    for (item_name, item) in &items {
        let place = format!(
            "{} \"{item_name}\"",
            if map.shape == Shape::Levels {
                "level"
            } else {
                "skill"
            }
        );
        let Some(entries) = item.get(&map.entries) else {
            draft.problem(file, 0, 0, format!("{place} has no `{}`", map.entries));
            continue;
        };
        for (entry_name, entry) in named(entries, &map.entry_name) {
            let (statements, examples, proficiency_text) = match entry {
                Value::Object(_) => (
                    statements_of(map.statements.as_ref().and_then(|k| entry.get(k))),
                    statements_of(map.examples.as_ref().and_then(|k| entry.get(k))),
                    map.proficiency
                        .as_ref()
                        .and_then(|k| entry.get(k))
                        .and_then(text_of),
                ),
                other => (statements_of(Some(other)), Vec::new(), None),
            };
            let proficiency = match proficiency_text.as_deref() {
                None | Some("") => None,
                Some(text) => {
                    let folded = map.fold.get(text).map_or(text, String::as_str);
                    match parse_step(&reading_scale, folded) {
                        Some(p) => Some(p),
                        None => {
                            draft.problem(
                                file,
                                0,
                                0,
                                format!("{place}, \"{entry_name}\": proficiency \"{text}\" is not on the scale; give `scale` or a `[fold]` table in the mapping"),
                            );
                            None
                        }
                    }
                }
            };
            let (level, skill) = match map.shape {
                Shape::Levels => (item_name.as_str(), entry_name.as_str()),
                Shape::Skills => (entry_name.as_str(), item_name.as_str()),
            };
            let (level_value, skill_value) = match map.shape {
                Shape::Levels => (*item, entry),
                Shape::Skills => (entry, *item),
            };
            let track = field(level_value, &map.track);
            let family = field(level_value, &map.family);
            let title = field(level_value, &map.title);
            let summary = field(level_value, &map.summary);
            let scope = field(level_value, &map.scope);
            let category = field(skill_value, &map.category);
            let rank = map
                .rank
                .as_ref()
                .and_then(|k| level_value.get(k))
                .and_then(Value::as_u64)
                .and_then(|r| u32::try_from(r).ok());
            let entry_place = format!("{place}, \"{entry_name}\"");
            let base = Statement {
                file,
                line: 0,
                place: &entry_place,
                family: &family,
                track: &track,
                level,
                title: &title,
                rank,
                category: &category,
                skill,
                proficiency,
                summary: &summary,
                scope: &scope,
                ..Statement::default()
            };
            if statements.is_empty() && examples.is_empty() {
                draft.add(&base);
            }
            for statement in &statements {
                draft.add(&Statement {
                    expectation: statement,
                    ..clone_statement(&base)
                });
            }
            for example in &examples {
                draft.add(&Statement {
                    example,
                    ..clone_statement(&base)
                });
            }
            let description = field(skill_value, &map.description);
            if !description.is_empty() {
                draft.skill_description(skill, &description);
            }
        }
        // What the mapping does not name is kept, not dropped.
        if let Value::Object(fields) = item {
            for (key, value) in fields {
                if mapped.contains(&key.as_str()) {
                    continue;
                }
                match map.shape {
                    Shape::Levels => {
                        let track = field(item, &map.track);
                        draft.level_extra(&track, item_name, key, value.clone());
                    }
                    Shape::Skills => draft.skill_extra(item_name, key, value.clone()),
                }
                draft.report.note(
                    ReportKind::Extra,
                    format!("{file} at {place}"),
                    format!("`{key}` kept in `extra`"),
                );
            }
        }
    }
    let stem = std::path::Path::new(file).file_stem().map_or_else(
        || "Imported ladder".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    draft.into_imported(&stem)
}

fn clone_statement<'a>(s: &Statement<'a>) -> Statement<'a> {
    Statement {
        file: s.file,
        line: s.line,
        place: s.place,
        family: s.family,
        track: s.track,
        level: s.level,
        title: s.title,
        rank: s.rank,
        follows: s.follows,
        category: s.category,
        skill: s.skill,
        proficiency: s.proficiency,
        expectation: "",
        example: "",
        summary: s.summary,
        scope: s.scope,
        extra: Vec::new(),
    }
}

/// The fold table in the report: what it maps, and which distinctions it hides.
fn report_fold(draft: &mut Draft, map: &Mapping, mapping_name: &str) {
    let mut by_target: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (source, target) in &map.fold {
        by_target.entry(target).or_default().push(source);
    }
    for (target, sources) in by_target {
        let message = if sources.len() > 1 {
            format!(
                "source steps {} all become `{target}`: the difference between them is hidden",
                sources
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            format!("source step `{}` becomes `{target}`", sources[0])
        };
        draft.report.note(ReportKind::Folded, mapping_name, message);
    }
}
