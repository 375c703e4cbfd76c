//! `rungs list`: the tracks and their levels, lowest rung first.

use serde_json::{Value, json};

use super::output::{Out, emit, emit_json, fit_lines};
use super::{CliError, ListFormat};
use crate::ladder::Ladder;
use crate::present::one_line;
use crate::text::wrap;
use unicode_width::UnicodeWidthStr;

pub fn run(ladder: &Ladder, format: ListFormat, out: Out) -> Result<(), CliError> {
    match format {
        ListFormat::Text => emit(&fit_lines(&text(ladder, out), out.width)),
        ListFormat::Json => emit_json(&json(ladder)),
    }
}

/// Tracks and their levels in order, lowest rung first, ids aligned; the ladder's and each
/// track's description under its heading, tracks grouped by family when the ladder has
/// families, and where a track forks from another track's rung, the rung it follows.
fn text(ladder: &Ladder, style: Out) -> String {
    let width = style.width;
    let mut out = format!("{}\n", one_line(&ladder.info.name));
    push_description(&mut out, &ladder.info.description, width, "");
    let mut family_shown: Option<&str> = None;
    for (t, track) in ladder.tracks().iter().enumerate() {
        if !ladder.families().is_empty() && family_shown != Some(track.family.as_str()) {
            family_shown = Some(track.family.as_str());
            if let Some(family) = ladder.families().iter().find(|f| f.id == track.family) {
                out.push_str(&format!(
                    "\n{} ({})\n",
                    style.heading(&one_line(&family.name).to_uppercase()),
                    family.id
                ));
                push_description(&mut out, &family.description, width, "");
            }
        }
        out.push_str(&format!(
            "\n{} ({})\n",
            style.heading(&one_line(&track.title)),
            track.id
        ));
        push_description(&mut out, &track.description, width, "  ");
        let levels = ladder.levels_of_track(t);
        let id_width = levels.iter().map(|l| l.id.width()).max().unwrap_or(0);
        for level in levels {
            // Padded by hand: a format width past 65,535 panics.
            let id = crate::text::pad(&level.id, id_width);
            let after = if level.follows.is_empty() {
                String::new()
            } else {
                format!("  (after {})", level.follows.join(", "))
            };
            out.push_str(&format!(
                "  {:>2}  {}  {}{after}\n",
                level.rank,
                style.id(&id),
                one_line(&level.title)
            ));
        }
    }
    out
}

/// A description wrapped under its heading; nothing when the content gives none.
fn push_description(out: &mut String, text: &str, width: usize, indent: &str) {
    if text.trim().is_empty() {
        return;
    }
    for line in wrap(text, width, indent, indent) {
        out.push_str(&line);
        out.push('\n');
    }
}

fn json(ladder: &Ladder) -> Value {
    let tracks: Vec<Value> = ladder
        .tracks()
        .iter()
        .enumerate()
        .map(|(t, track)| {
            let levels: Vec<Value> = ladder
                .levels_of_track(t)
                .iter()
                .map(|l| json!({ "id": l.id, "title": l.title, "rank": l.rank, "follows": l.follows }))
                .collect();
            json!({
                "id": track.id,
                "title": track.title,
                "description": track.description,
                "order": track.order,
                "family": track.family,
                "levels": levels,
            })
        })
        .collect();
    json!({
        "ladder": ladder.info,
        "families": ladder.families(),
        "tracks": tracks,
        "sources": ladder.sources(),
    })
}
