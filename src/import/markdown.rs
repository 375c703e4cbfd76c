//! `rungs import markdown DIR`: a framework kept as one markdown file per track.
//!
//! Each `*.md` file (in name order) is one track. Optional front matter between `---` lines
//! gives `track` (the track's title; default: the file's name), `family` and `order`; other
//! keys are reported and kept nowhere else, so `--strict` catches them. A `#` heading starts a
//! level (`# Senior engineer`); the paragraphs under it are its summary. A `##` heading
//! starts a skill of that level (`## Communication`), optionally with its step in brackets
//! (`## Communication [working]`) and its category before a slash
//! (`## People / Communication`); the list items under it are its expectations, and items
//! starting with `Example:` its examples.

use std::path::Path;

use super::Imported;
use super::draft::{Draft, Statement, parse_step};
use super::report::ReportKind;
use crate::ladder::{Problem, Scale};

/// One file's text, by the name it is reported under.
pub struct MarkdownFile {
    pub name: String,
    pub text: String,
}

/// Reads every `*.md` file of `dir`, sorted by name.
pub fn read_markdown_folder(dir: &Path) -> Result<Vec<MarkdownFile>, Vec<Problem>> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![Problem::whole_file(
            &shown,
            format!("cannot open folder: {e}"),
        )]
    })?;
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => files.push(MarkdownFile { name, text }),
            Ok(Err(_)) => problems.push(Problem::whole_file(name, "not UTF-8 text")),
            Err(e) => problems.push(Problem::whole_file(name, format!("cannot read: {e}"))),
        }
    }
    if files.is_empty() && problems.is_empty() {
        problems.push(Problem::whole_file(shown, "no .md files in this folder"));
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// A `## …` skill heading: (category, skill, step text).
fn skill_heading(text: &str) -> (&str, &str, &str) {
    let (rest, step) = match text.trim_end().strip_suffix(']') {
        Some(before) => match before.rsplit_once('[') {
            Some((rest, step)) => (rest.trim(), step.trim()),
            None => (text.trim(), ""),
        },
        None => (text.trim(), ""),
    };
    match rest.split_once(" / ") {
        Some((category, skill)) => (category.trim(), skill.trim(), step),
        None => ("", rest, step),
    }
}

struct Current {
    level: String,
    level_line: usize,
    summary: Vec<String>,
    skill: Option<(String, String, String, usize)>,
}

/// Imports the files of a markdown folder; `source` names the folder in the report.
pub fn import_markdown(
    source: &str,
    files: &[MarkdownFile],
    scale: Option<Scale>,
) -> Result<Imported, Vec<Problem>> {
    let reading_scale = scale.clone().unwrap_or_default();
    let mut draft = Draft::new(source, scale);
    for file in files {
        let stem = Path::new(&file.name)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let mut track = stem.clone();
        let mut family = String::new();
        let mut lines = file.text.lines().enumerate().peekable();
        if lines.peek().is_some_and(|(_, l)| l.trim() == "---") {
            lines.next();
            for (n, line) in lines.by_ref() {
                if line.trim() == "---" {
                    break;
                }
                match line.split_once(':') {
                    Some((key, value)) => match key.trim() {
                        "track" => track = value.trim().to_owned(),
                        "family" => family = value.trim().to_owned(),
                        other => draft.report.note(
                            ReportKind::Dropped,
                            format!("{}:{}", file.name, n + 1),
                            format!("front matter `{other}` is not kept"),
                        ),
                    },
                    None if line.trim().is_empty() => {}
                    None => draft.problem(
                        &file.name,
                        n + 1,
                        1,
                        "front matter lines are `key: value`".into(),
                    ),
                }
            }
        }
        let mut current: Option<Current> = None;
        let place = Place {
            file: &file.name,
            track: &track,
            family: &family,
            scale: &reading_scale,
        };
        let mut items: Vec<(String, usize)> = Vec::new();
        for (n, line) in lines {
            let at = n + 1;
            let trimmed = line.trim();
            if let Some(title) = trimmed.strip_prefix("# ") {
                if let Some(mut done) = current.take() {
                    flush_skill(&mut draft, &place, &mut done, &mut items);
                    finish_level(&mut draft, &place, &done);
                }
                current = Some(Current {
                    level: title.trim().to_owned(),
                    level_line: at,
                    summary: Vec::new(),
                    skill: None,
                });
            } else if let Some(heading) = trimmed.strip_prefix("## ") {
                let Some(level) = current.as_mut() else {
                    draft.problem(
                        &file.name,
                        at,
                        1,
                        "a skill heading before any level heading (`# Level`)".into(),
                    );
                    continue;
                };
                flush_skill(&mut draft, &place, level, &mut items);
                let (category, skill, step) = skill_heading(heading);
                level.skill = Some((category.to_owned(), skill.to_owned(), step.to_owned(), at));
            } else if let Some(item) = trimmed
                .strip_prefix("- ")
                .or_else(|| trimmed.strip_prefix("* "))
            {
                match current.as_ref().and_then(|c| c.skill.as_ref()) {
                    Some(_) => items.push((item.trim().to_owned(), at)),
                    None => draft.report.note(
                        ReportKind::Dropped,
                        format!("{}:{at}", file.name),
                        "a list item outside a skill is not kept".into(),
                    ),
                }
            } else if !trimmed.is_empty() {
                match current.as_mut() {
                    Some(level) if level.skill.is_none() => level.summary.push(trimmed.to_owned()),
                    Some(_) => match items.last_mut() {
                        // A wrapped list item goes on.
                        Some((item, _)) => {
                            item.push(' ');
                            item.push_str(trimmed);
                        }
                        None => draft.report.note(
                            ReportKind::Dropped,
                            format!("{}:{at}", file.name),
                            "text under a skill heading that is not a list item is not kept".into(),
                        ),
                    },
                    None => draft.report.note(
                        ReportKind::Dropped,
                        format!("{}:{at}", file.name),
                        "text before the first level heading is not kept".into(),
                    ),
                }
            }
        }
        if let Some(mut done) = current.take() {
            flush_skill(&mut draft, &place, &mut done, &mut items);
            finish_level(&mut draft, &place, &done);
        }
    }
    let name = Path::new(source).file_name().map_or_else(
        || "Imported ladder".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    draft.into_imported(&name)
}

/// The file being read and what its front matter says.
struct Place<'a> {
    file: &'a str,
    track: &'a str,
    family: &'a str,
    scale: &'a Scale,
}

/// Adds the statements of the skill being read (its list items), then forgets it.
fn flush_skill(
    draft: &mut Draft,
    place: &Place<'_>,
    current: &mut Current,
    items: &mut Vec<(String, usize)>,
) {
    let Some((category, skill, step, line)) = current.skill.take() else {
        return;
    };
    let proficiency = if step.is_empty() {
        None
    } else {
        let found = parse_step(place.scale, &step);
        if found.is_none() {
            draft.problem(
                place.file,
                line,
                1,
                format!("step \"{step}\" of skill \"{skill}\" is not on the scale"),
            );
        }
        found
    };
    let summary = current.summary.join("\n");
    let mut statement = Statement {
        file: place.file,
        line,
        family: place.family,
        track: place.track,
        level: &current.level,
        category: &category,
        skill: &skill,
        proficiency,
        summary: &summary,
        ..Statement::default()
    };
    if items.is_empty() {
        draft.add(&statement);
    }
    for (item, at) in items.iter() {
        statement.line = *at;
        match item.strip_prefix("Example:") {
            Some(example) => {
                statement.expectation = "";
                statement.example = example.trim();
            }
            None => {
                statement.expectation = item;
                statement.example = "";
            }
        }
        draft.add(&statement);
    }
    items.clear();
}

/// A level heading with no skill under it cannot be imported: said, with its line.
fn finish_level(draft: &mut Draft, place: &Place<'_>, level: &Current) {
    if !draft.has_level(place.track, &level.level) {
        draft.problem(
            place.file,
            level.level_line,
            1,
            format!(
                "level \"{}\" has no skill heading (`## Skill`); a level needs at least one skill to import",
                level.level
            ),
        );
    }
}
