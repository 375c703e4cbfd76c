//! Job families in the explorer. A ladder with two or more families shows one at a time: the
//! family shown is the family of the selected level, so search, go-to and "open where you
//! left off" all switch family simply by selecting a level. A ladder with one family, or
//! none, shows every track as before.

use crate::ladder::{Ladder, Level};

/// Whether the ladder shows one family at a time (it declares at least two).
pub fn switches(ladder: &Ladder) -> bool {
    ladder.families().len() >= 2
}

/// The family of a track, as an index into [`Ladder::families`]; `None` on a ladder that
/// shows every track at once.
pub fn of_track(ladder: &Ladder, track_id: &str) -> Option<usize> {
    if !switches(ladder) {
        return None;
    }
    let family = &ladder.track(track_id)?.family;
    ladder.families().iter().position(|f| f.id == *family)
}

/// The family shown with `level`.
pub fn of_level(ladder: &Ladder, level: &Level) -> Option<usize> {
    of_track(ladder, &level.track)
}

/// The tracks drawn beside `level` (indexes into [`Ladder::tracks`], in order): its family's,
/// or all of them on a ladder that shows every track at once.
pub fn shown_tracks(ladder: &Ladder, level: &Level) -> Vec<usize> {
    let family = of_level(ladder, level);
    (0..ladder.tracks().len())
        .filter(|&t| family.is_none() || of_track(ladder, &ladder.tracks()[t].id) == family)
        .collect()
}

/// The levels of the tracks drawn beside `level`.
pub fn shown_levels<'a>(ladder: &'a Ladder, level: &Level) -> impl Iterator<Item = &'a Level> {
    shown_tracks(ladder, level)
        .into_iter()
        .flat_map(move |t| ladder.levels_of_track(t))
}

/// The family `step` places after `family` (wrapping round), when the ladder switches.
pub fn step(ladder: &Ladder, family: usize, step: isize) -> Option<usize> {
    let count = ladder.families().len();
    if count < 2 {
        return None;
    }
    let count = isize::try_from(count).ok()?;
    let at = isize::try_from(family).ok()?;
    usize::try_from((at + step).rem_euclid(count)).ok()
}

/// The level to show when switching to `family` from `from`: an equivalent level there if
/// there is one, else the level of the nearest rank, first tracks first. `None` when the
/// family has no levels.
pub fn landing_level(ladder: &Ladder, family: usize, from: &Level) -> Option<usize> {
    let family_id = &ladder.families().get(family)?.id;
    let candidates: Vec<&Level> = ladder
        .tracks()
        .iter()
        .enumerate()
        .filter(|(_, t)| t.family == *family_id)
        .flat_map(|(t, _)| ladder.levels_of_track(t))
        .collect();
    let equivalents = ladder.equivalents_of(&from.id);
    let chosen = candidates
        .iter()
        .find(|l| equivalents.iter().any(|e| e.id == l.id))
        .or_else(|| candidates.iter().min_by_key(|l| l.rank.abs_diff(from.rank)))?;
    ladder.level_index(&chosen.id)
}

/// "Engineering (1 of 3)": the family's name and place, for headers and messages.
pub fn label(ladder: &Ladder, family: usize) -> String {
    let name = ladder
        .families()
        .get(family)
        .map_or("", |f| f.name.as_str());
    format!(
        "{} ({} of {})",
        crate::text::clean(name, false),
        family + 1,
        ladder.families().len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn families() -> Ladder {
        let text = include_str!("../../tests/fixtures/v2/families/ladder.toml");
        Ladder::from_sources(&[crate::ladder::SourceFile {
            name: "ladder.toml".into(),
            text: text.into(),
        }])
        .expect("fixture loads")
    }

    #[test]
    fn each_level_shows_only_its_familys_tracks() {
        let ladder = families();
        let designer = ladder.level("designer").expect("designer");
        let tracks: Vec<&str> = shown_tracks(&ladder, designer)
            .into_iter()
            .map(|t| ladder.tracks()[t].id.as_str())
            .collect();
        assert_eq!(tracks, ["designer"]);
        assert_eq!(of_level(&ladder, designer), Some(1));
    }

    #[test]
    fn stepping_wraps_round_and_lands_on_a_level_of_the_family() {
        let ladder = families();
        assert_eq!(step(&ladder, 1, 1), Some(0));
        assert_eq!(step(&ladder, 0, -1), Some(1));
        let engineer = ladder.level("engineer").expect("engineer");
        let landed = landing_level(&ladder, 1, engineer).expect("a level");
        assert_eq!(ladder.levels()[landed].id, "designer");
        assert_eq!(label(&ladder, 1), "Design (2 of 2)");
    }

    #[test]
    fn a_ladder_without_families_shows_every_track() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let level = &ladder.levels()[0];
        assert!(!switches(&ladder));
        assert_eq!(shown_tracks(&ladder, level).len(), ladder.tracks().len());
        assert_eq!(of_level(&ladder, level), None);
        assert_eq!(step(&ladder, 0, 1), None);
    }
}
