//! `rungs search QUERY`: the search index on the command line.
//!
//! Text rows are plain, without colour or bold, so that they read the same in a terminal, a
//! pipe or a file; the JSON output carries the matched character positions for anyone who
//! wants to highlight them.

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::{EntryKind, Hit, SearchIndex, snippet};
use crate::cli::{EXIT_OK, EXIT_PROBLEMS, emit};
use crate::ladder::Ladder;
use crate::text::escape_control;

/// Output formats of `rungs search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
}

/// How many results are shown when `--limit` is not given.
pub const DEFAULT_LIMIT: usize = 20;

/// Runs the command: 0 with results, 1 with none.
pub fn run(ladder: &Ladder, query: &str, limit: usize, format: SearchFormat, width: usize) -> i32 {
    let index = SearchIndex::new(ladder);
    let matches = index.search(query);
    let limit = if limit == 0 { usize::MAX } else { limit };
    let hits = index.hits(&matches, limit);
    let code = match format {
        SearchFormat::Text if hits.is_empty() => EXIT_OK,
        SearchFormat::Text => emit(&text_rows(ladder, &hits, width)),
        SearchFormat::Json => {
            let report = json_report(ladder, query, matches.len(), &hits);
            match crate::text::to_json(&report) {
                Ok(text) => emit(&(text + "\n")),
                Err(e) => {
                    eprintln!("rungs: cannot encode JSON: {e}");
                    EXIT_PROBLEMS
                }
            }
        }
    };
    if code != EXIT_OK {
        return code;
    }
    if hits.is_empty() {
        eprintln!("rungs: nothing matches `{}`", escape_control(query));
        return EXIT_PROBLEMS;
    }
    if hits.len() < matches.len() && format == SearchFormat::Text {
        eprintln!(
            "rungs: {} of {} matches shown; --limit 0 shows all",
            hits.len(),
            matches.len()
        );
    }
    EXIT_OK
}

/// `kind  level-id  text`, one hit per line, the text cut to fit `width` columns around the
/// first matched character. Skill rows add the level's expected proficiency.
pub fn text_rows(ladder: &Ladder, hits: &[Hit<'_>], width: usize) -> String {
    let kind_width = hits
        .iter()
        .map(|h| h.entry.kind.label().width())
        .max()
        .unwrap_or(0);
    let level_width = hits
        .iter()
        .map(|h| level_id(ladder, h.entry.level).width())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for hit in hits {
        let kind = hit.entry.kind.label();
        let level = level_id(ladder, hit.entry.level);
        let suffix = proficiency(ladder, hit)
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let room = width
            .saturating_sub(kind_width + level_width + 4 + suffix.width())
            .max(20);
        let (text, _) = snippet(hit.text, &hit.indices, room);
        let kind_pad = " ".repeat(kind_width.saturating_sub(kind.width()));
        let level_pad = " ".repeat(level_width.saturating_sub(level.width()));
        out.push_str(&format!(
            "{kind}{kind_pad}  {level}{level_pad}  {text}{suffix}\n"
        ));
    }
    out
}

fn level_id(ladder: &Ladder, level: usize) -> &str {
    ladder.levels().get(level).map_or("", |l| l.id.as_str())
}

/// The skill a hit points at, as (skill id, proficiency name), for skill kinds.
fn skill_of<'a>(ladder: &'a Ladder, hit: &Hit<'_>) -> Option<(&'a str, &'static str)> {
    if !matches!(
        hit.entry.kind,
        EntryKind::Skill | EntryKind::SkillDescription
    ) {
        return None;
    }
    let reference = ladder
        .levels()
        .get(hit.entry.level)?
        .skills
        .get(hit.entry.item)?;
    Some((reference.skill.as_str(), reference.proficiency.name()))
}

fn proficiency(ladder: &Ladder, hit: &Hit<'_>) -> Option<&'static str> {
    if hit.entry.kind != EntryKind::Skill {
        return None;
    }
    skill_of(ladder, hit).map(|(_, p)| p)
}

/// The JSON document documented in the README's "Searching" section.
pub fn json_report(ladder: &Ladder, query: &str, total: usize, hits: &[Hit<'_>]) -> Value {
    let results: Vec<Value> = hits
        .iter()
        .map(|hit| {
            let level = ladder.levels().get(hit.entry.level);
            let mut row = json!({
                "kind": hit.entry.kind.key(),
                "level": level.map(|l| l.id.as_str()),
                "level_title": level.map(|l| crate::text::clean(&l.title, false).into_owned()),
                "track": level.map(|l| l.track.as_str()),
                "item": hit.entry.item,
                "text": hit.text,
                "score": hit.score,
                "matched": hit.indices,
            });
            if let Some((skill, proficiency)) = skill_of(ladder, hit)
                && let Some(map) = row.as_object_mut()
            {
                map.insert("skill".into(), json!(skill));
                if hit.entry.kind == EntryKind::Skill {
                    map.insert("proficiency".into(), json!(proficiency));
                }
            }
            row
        })
        .collect();
    json!({
        "query": query,
        "total": total,
        "results": results,
    })
}
