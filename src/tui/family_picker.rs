//! The job-family picker: an overlay listing the ladder's families, narrowed as you type (a
//! framework may have seventeen), its cursor starting on the family on show. Enter shows the
//! family chosen on the screen below (the home screen or the catalogue).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::layout::Position;

use super::action::Action;
use super::widgets::scroll::{Scroll, step};
use super::widgets::text_input::TextInput;
use crate::ladder::Ladder;

/// The picker's state: what is typed, the cursor among the families that match, the list.
#[derive(Debug, Clone, Default)]
pub struct FamilyPicker {
    pub input: TextInput,
    /// Index into [`FamilyPicker::matches`].
    pub cursor: usize,
    pub list: Scroll,
}

impl PartialEq for FamilyPicker {
    fn eq(&self, other: &FamilyPicker) -> bool {
        self.input.value() == other.input.value()
            && self.cursor == other.cursor
            && self.list == other.list
    }
}

impl Eq for FamilyPicker {}

/// What a key did in the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// Still open.
    Stay,
    /// Closed without a choice.
    Close,
    /// The family (index into the ladder's families) to show.
    Family(usize),
    /// Not a key of the picker.
    Unused,
}

impl FamilyPicker {
    /// The picker with its cursor on `shown`, the family on show.
    pub fn new(shown: Option<usize>) -> FamilyPicker {
        FamilyPicker {
            cursor: shown.unwrap_or(0),
            ..FamilyPicker::default()
        }
    }

    /// The families matching what is typed (indexes into the ladder's families): all of them
    /// in order while nothing is, else the best matches of the name first. Smart case: a
    /// query without capitals matches either case.
    pub fn matches(&self, ladder: &Ladder) -> Vec<usize> {
        let query = self.input.value().trim();
        let families = ladder.families();
        if query.is_empty() {
            return (0..families.len()).collect();
        }
        // A fresh matcher per call: a reused one keeps stale scores (see DESIGN.md).
        let matcher = SkimMatcherV2::default().smart_case();
        let mut scored: Vec<(i64, usize)> = families
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let name = crate::text::clean(&f.name, false);
                matcher.fuzzy_match(&name, query).map(|score| (score, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// Acts on a key or the mouse.
    pub fn update(&mut self, ladder: &Ladder, action: Action) -> Picked {
        let count = self.matches(ladder).len();
        let page = isize::try_from(self.list.page()).unwrap_or(1).max(1);
        match action {
            Action::Edit(edit) => {
                if self.input.apply(edit) {
                    self.cursor = 0;
                    self.list = Scroll::default();
                }
            }
            Action::Up => _ = step(&mut self.cursor, -1, count),
            Action::Down => _ = step(&mut self.cursor, 1, count),
            Action::PageUp => _ = step(&mut self.cursor, -page, count),
            Action::PageDown => _ = step(&mut self.cursor, page, count),
            Action::Top => _ = step(&mut self.cursor, isize::MIN, count),
            Action::Bottom => _ = step(&mut self.cursor, isize::MAX, count),
            Action::Wheel { up, .. } => _ = step(&mut self.cursor, if up { -1 } else { 1 }, count),
            Action::Open => return self.chosen(ladder).map_or(Picked::Stay, Picked::Family),
            Action::Back | Action::PickFamily => return Picked::Close,
            Action::Click(column, row) => match self.list.row_at(Position::new(column, row)) {
                Some(row) if row == self.cursor => {
                    return self.chosen(ladder).map_or(Picked::Stay, Picked::Family);
                }
                Some(row) if row < count => self.cursor = row,
                _ => {}
            },
            _ => return Picked::Unused,
        }
        Picked::Stay
    }

    /// The family under the cursor.
    pub fn chosen(&self, ladder: &Ladder) -> Option<usize> {
        self.matches(ladder).get(self.cursor).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text_input::TextEdit;

    fn ladder() -> Ladder {
        let text = include_str!("../../tests/fixtures/v2/three-families/ladder.toml");
        Ladder::from_sources(&[crate::ladder::SourceFile {
            name: "ladder.toml".into(),
            text: text.into(),
        }])
        .expect("fixture loads")
    }

    #[test]
    fn typing_narrows_the_families_and_enter_picks_the_best() {
        let ladder = ladder();
        let mut picker = FamilyPicker::new(Some(0));
        assert_eq!(picker.matches(&ladder), [0, 1, 2]);
        for c in "sal".chars() {
            assert_eq!(
                picker.update(&ladder, Action::Edit(TextEdit::Insert(c))),
                Picked::Stay
            );
        }
        assert_eq!(picker.matches(&ladder), [2]);
        assert_eq!(picker.update(&ladder, Action::Open), Picked::Family(2));
    }

    #[test]
    fn the_cursor_starts_on_the_family_on_show_and_stays_in_the_list() {
        let ladder = ladder();
        let mut picker = FamilyPicker::new(Some(1));
        assert_eq!(picker.chosen(&ladder), Some(1));
        picker.update(&ladder, Action::Bottom);
        picker.update(&ladder, Action::Down);
        assert_eq!(picker.chosen(&ladder), Some(2));
        for c in "zzz".chars() {
            picker.update(&ladder, Action::Edit(TextEdit::Insert(c)));
        }
        assert_eq!(
            picker.update(&ladder, Action::Open),
            Picked::Stay,
            "no match"
        );
        assert_eq!(picker.update(&ladder, Action::Back), Picked::Close);
    }
}
