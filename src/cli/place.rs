//! `rungs place`: per track, the highest rung your ratings meet, and every level's fit.

use serde_json::{Value, json};

use crate::ladder::Ladder;
use crate::plan::{MAX_SHORTFALL, MET_SHARE, Placement, Ratings, place};
use crate::present;

use super::output::{Out, emit, emit_json, fit_lines};
use super::you::{self, You};
use super::{CliError, ListFormat};

pub fn run(you: &You, format: ListFormat, out: Out) -> Result<(), CliError> {
    let ratings = Ratings::of(you.plan(), &you.scale);
    let placement = place(&you.ladder, &you.scale, &ratings);
    match format {
        ListFormat::Text => emit(&fit_lines(
            &text(&you.ladder, &placement, ratings.len()),
            out.width,
        )),
        ListFormat::Json => emit_json(&to_json(&placement)),
    }
}

/// `{"tracks": [{"track", "placed", "levels": [{"level", "fit", "met", "of"}]}]}`.
pub fn to_json(placement: &Placement<'_>) -> Value {
    let tracks: Vec<Value> = placement
        .tracks
        .iter()
        .map(|t| {
            json!({
                "track": t.track.id,
                "placed": t.placed.map(|l| l.id.as_str()),
                "levels": t.levels.iter().map(|f| json!({
                    "level": f.level.id,
                    "fit": f.fit(),
                    "met": f.met,
                    "of": f.of,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "tracks": tracks })
}

pub fn text(ladder: &Ladder, placement: &Placement<'_>, rated: usize) -> String {
    let mut out = String::new();
    if rated == 0 {
        out.push_str(
            "You have not rated any skill yet: rate one with `rungs plan rate SKILL STEP`.\n",
        );
    }
    for track in &placement.tracks {
        let placed = match track.placed {
            Some(level) => format!(
                "placed at {} ({})",
                you::level_title(ladder, &level.id),
                level.id
            ),
            None => "not placed".to_owned(),
        };
        out.push_str(&format!(
            "\n{} ({}): {placed}\n",
            you::track_title(ladder, &track.track.id),
            track.track.id
        ));
        for fit in track.levels.iter().rev() {
            let mark = if track.placed.is_some_and(|l| l.id == fit.level.id) {
                "▶"
            } else if fit.is_met() {
                "✓"
            } else {
                " "
            };
            out.push_str(&format!(
                "  {mark} {} {:>5}  {:>3} of {:<3} {} ({})\n",
                present::fit_gauge(fit.fit()),
                present::percent(fit.fit()),
                fit.met,
                fit.of,
                you::level_title(ladder, &fit.level.id),
                fit.level.id,
            ));
        }
    }
    let (num, den) = MET_SHARE;
    out.push_str(&format!(
        "\n▶ placed · ✓ met: at least {} % of its expectations met, and you are short of none by \
         more than {MAX_SHORTFALL} step (a skill you have not rated counts as below the lowest \
         step)\n",
        num * 100 / den
    ));
    out
}
