//! `rungs list`: the tracks and their levels, lowest rung first.

use serde_json::{Value, json};

use super::output::{Out, emit, emit_json, fit_lines};
use super::{CliError, ListFormat};
use crate::ladder::Ladder;
use crate::present::one_line;
use unicode_width::UnicodeWidthStr;

pub fn run(ladder: &Ladder, format: ListFormat, out: Out) -> Result<(), CliError> {
    match format {
        ListFormat::Text => emit(&fit_lines(&text(ladder, out), out.width)),
        ListFormat::Json => emit_json(&json(ladder)),
    }
}

/// Tracks and their levels in order, lowest rung first, ids aligned.
fn text(ladder: &Ladder, style: Out) -> String {
    let mut out = format!("{}\n", one_line(&ladder.info.name));
    for (t, track) in ladder.tracks().iter().enumerate() {
        out.push_str(&format!(
            "\n{} ({})\n",
            style.heading(&one_line(&track.title)),
            track.id
        ));
        let levels = ladder.levels_of_track(t);
        let id_width = levels.iter().map(|l| l.id.width()).max().unwrap_or(0);
        for level in levels {
            // Padded by hand: a format width past 65,535 panics.
            let id = crate::text::pad(&level.id, id_width);
            out.push_str(&format!(
                "  {:>2}  {}  {}\n",
                level.rank,
                style.id(&id),
                one_line(&level.title)
            ));
        }
    }
    out
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
                .map(|l| json!({ "id": l.id, "title": l.title, "rank": l.rank }))
                .collect();
            json!({
                "id": track.id,
                "title": track.title,
                "description": track.description,
                "order": track.order,
                "levels": levels,
            })
        })
        .collect();
    json!({ "ladder": ladder.info, "tracks": tracks, "sources": ladder.sources() })
}
