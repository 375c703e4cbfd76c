//! `rungs search QUERY`: the search index on the command line.
//!
//! Text rows are plain, without colour or bold, so that they read the same in a terminal, a
//! pipe or a file; the JSON output carries the matched character positions for anyone who
//! wants to highlight them.

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::output::{Out, emit, emit_json, fit_lines};
use super::{CliError, ListFormat};
use crate::ladder::Ladder;
use crate::present::one_line;
use crate::search::{EntryKind, Hit, SearchIndex, snippet};

/// How many results are shown when `--limit` is not given.
pub const DEFAULT_LIMIT: usize = 20;

/// Prints the best matches; nothing found is a negative answer (exit 1).
pub fn run(
    ladder: &Ladder,
    query: &str,
    limit: usize,
    format: ListFormat,
    out: Out,
) -> Result<(), CliError> {
    let index = SearchIndex::new(ladder);
    let matches = index.search(query);
    let limit = if limit == 0 { usize::MAX } else { limit };
    let hits = index.hits(&matches, limit);
    match format {
        ListFormat::Text if hits.is_empty() => {}
        ListFormat::Text => emit(&fit_lines(&text_rows(ladder, &hits, out.width), out.width))?,
        ListFormat::Json => emit_json(&json_report(ladder, query, matches.len(), &hits))?,
    }
    if hits.is_empty() {
        return Err(CliError::NothingFound {
            query: query.to_owned(),
        });
    }
    if hits.len() < matches.len() && format == ListFormat::Text {
        eprintln!(
            "rungs: {} of {} matches shown; --limit 0 shows all",
            hits.len(),
            matches.len()
        );
    }
    Ok(())
}

/// `kind  level-id  text`, one hit per line, the text cut to fit `width` columns around the
/// first matched character. Skill rows add the level's expected proficiency.
fn text_rows(ladder: &Ladder, hits: &[Hit<'_>], width: usize) -> String {
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
        let kind_pad = " ".repeat(kind_width.saturating_sub(kind.width()));
        let level_pad = " ".repeat(level_width.saturating_sub(level.width()));
        let room = width.saturating_sub(kind_width + level_width + 4 + suffix.width());
        if room >= 20 {
            let (text, _) = snippet(hit.text, &hit.indices, room);
            out.push_str(&format!(
                "{kind}{kind_pad}  {level}{level_pad}  {text}{suffix}\n"
            ));
        } else {
            // Too narrow for one row: the text goes under its kind and level.
            let room = width.saturating_sub(4 + suffix.width()).max(1);
            let (text, _) = snippet(hit.text, &hit.indices, room);
            out.push_str(&format!("{kind}  {level}\n    {text}{suffix}\n"));
        }
    }
    out
}

fn level_id(ladder: &Ladder, level: usize) -> &str {
    ladder.levels().get(level).map_or("", |l| l.id.as_str())
}

/// The skill a hit points at, as (skill id, proficiency name), for skill kinds; the name is
/// `not rated` for an unrated reference.
fn skill_of<'a>(ladder: &'a Ladder, hit: &Hit<'_>) -> Option<(&'a str, String)> {
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
    let step = reference.proficiency.map_or_else(
        || "not rated".to_owned(),
        |p| crate::text::clean(&ladder.scale().name(p), false).into_owned(),
    );
    Some((reference.skill.as_str(), step))
}

fn proficiency(ladder: &Ladder, hit: &Hit<'_>) -> Option<String> {
    if hit.entry.kind != EntryKind::Skill {
        return None;
    }
    skill_of(ladder, hit).map(|(_, p)| p)
}

/// The JSON document documented in the README's "Searching" section.
fn json_report(ladder: &Ladder, query: &str, total: usize, hits: &[Hit<'_>]) -> Value {
    let results: Vec<Value> = hits
        .iter()
        .map(|hit| {
            let level = ladder.levels().get(hit.entry.level);
            let mut row = json!({
                "kind": hit.entry.kind.key(),
                "level": level.map(|l| l.id.as_str()),
                "level_title": level.map(|l| one_line(&l.title)),
                "track": level.map(|l| l.track.as_str()),
                "item": hit.entry.item,
                "text": hit.text,
                "score": hit.score,
                "matched": hit.indices,
            });
            if hit.entry.kind == EntryKind::CatalogueSkill
                && let (Some(skill), Some(map)) =
                    (ladder.skills().get(hit.entry.item), row.as_object_mut())
            {
                map.insert("skill".into(), json!(skill.id));
            }
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
