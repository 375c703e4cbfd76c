//! The explorer's state and the one function that changes it. Nothing here touches the
//! terminal: keys and mouse events arrive as [`Action`]s, and the views draw from `&App`.

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::config::Settings;
use super::view;
use crate::compare::{Comparison, Side, compare};
use crate::ladder::{Ladder, Level, Proficiency};

/// The full-screen views, dispatched with `match`. Later screens (plan) join here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Every track as a column of rungs, with a preview of the selected level.
    Ladder,
    /// One level in full: details on the left, its skills and profile on the right.
    Level,
    /// Two levels side by side. `a` and `b` are indexes into [`Ladder::levels`], like
    /// [`App::selected_level`], so the screen stays `Copy`; the comparison itself is
    /// recomputed each frame (it takes microseconds).
    Compare { a: usize, b: usize },
}

/// The panes of the compare screen: the two-column page, and the skills list with a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparePane {
    Page,
    Skills,
}

/// The most screens Esc can walk back through; older ones are forgotten.
const BACK_LIMIT: usize = 16;

/// Something drawn over the current screen that takes the keys while it is open. Later
/// overlays (search, the level picker of compare) join here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
}

/// The panes of the level screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelPane {
    Details,
    Skills,
}

/// One row of the skills list: a category heading, or a skill with its expected proficiency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkillRow<'a> {
    Category(&'a str),
    Skill {
        id: &'a str,
        name: &'a str,
        proficiency: Proficiency,
    },
}

/// A level's skills grouped by category, in the catalogue's order of categories.
pub fn skill_rows<'a>(ladder: &'a Ladder, level: &'a Level) -> Vec<SkillRow<'a>> {
    let mut rows = Vec::new();
    for category in ladder.categories() {
        let mut heading = false;
        for reference in &level.skills {
            let Some(skill) = ladder.skill(&reference.skill) else {
                continue;
            };
            if skill.category != category.id {
                continue;
            }
            if !heading {
                rows.push(SkillRow::Category(&category.name));
                heading = true;
            }
            rows.push(SkillRow::Skill {
                id: &skill.id,
                name: &skill.name,
                proficiency: reference.proficiency,
            });
        }
    }
    rows
}

#[derive(Debug, Clone)]
pub struct App {
    pub ladder: Ladder,
    pub settings: Settings,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// Index into [`Ladder::levels`].
    pub selected_level: usize,
    pub level_pane: LevelPane,
    /// First line of the level details shown.
    pub details_scroll: usize,
    /// Index among the skills (headings not counted) of the selected level.
    pub skill_cursor: usize,
    pub help_scroll: usize,
    pub compare_pane: ComparePane,
    /// First line of the compare page shown.
    pub compare_scroll: usize,
    /// Index into the comparison's skill rows (headings not counted).
    pub compare_cursor: usize,
    /// Where Esc goes back to, most recent last: a screen and the level selected there.
    pub back_stack: Vec<(Screen, usize)>,
    /// The terminal size the views last drew at (columns, rows).
    pub size: (u16, u16),
    pub should_quit: bool,
}

impl App {
    pub fn new(ladder: Ladder, settings: Settings, size: (u16, u16)) -> App {
        App {
            ladder,
            settings,
            screen: Screen::Ladder,
            overlay: None,
            selected_level: 0,
            level_pane: LevelPane::Details,
            details_scroll: 0,
            skill_cursor: 0,
            help_scroll: 0,
            compare_pane: ComparePane::Page,
            compare_scroll: 0,
            compare_cursor: 0,
            back_stack: Vec::new(),
            size,
            should_quit: false,
        }
    }

    pub fn level(&self) -> Option<&Level> {
        self.ladder.levels().get(self.selected_level)
    }

    /// The skill under the cursor of the skills list, for actions on a skill (bookmarks): on
    /// the compare screen the skill under its cursor, elsewhere the selected level's.
    pub fn selected_skill_id(&self) -> Option<&str> {
        if let Some(comparison) = self.comparison() {
            return comparison
                .skills
                .get(self.compare_cursor)
                .map(|row| row.skill.id.as_str());
        }
        let level = self.level()?;
        skill_rows(&self.ladder, level)
            .into_iter()
            .filter_map(|row| match row {
                SkillRow::Skill { id, .. } => Some(id),
                SkillRow::Category(_) => None,
            })
            .nth(self.skill_cursor)
    }

    fn skill_count(&self) -> usize {
        self.level().map_or(0, |l| {
            skill_rows(&self.ladder, l)
                .iter()
                .filter(|r| matches!(r, SkillRow::Skill { .. }))
                .count()
        })
    }

    /// The two levels of the compare screen, A then B; `None` on other screens.
    pub fn compared_levels(&self) -> Option<(&Level, &Level)> {
        let Screen::Compare { a, b } = self.screen else {
            return None;
        };
        let levels = self.ladder.levels();
        Some((levels.get(a)?, levels.get(b)?))
    }

    /// The comparison the compare screen shows; `None` on other screens.
    pub fn comparison(&self) -> Option<Comparison<'_>> {
        let (a, b) = self.compared_levels()?;
        Some(compare(&self.ladder, a, b))
    }

    /// Puts the level `level_id` on one side of the compare screen, keeping the skill cursor on
    /// the same skill when the new pair still has it. The level picker calls this with the
    /// level chosen. Returns `false`, changing nothing, when not on the compare screen or when
    /// no level has that id.
    pub fn set_compare_side(&mut self, side: Side, level_id: &str) -> bool {
        let (Screen::Compare { a, b }, Some(index)) =
            (self.screen, self.ladder.level_index(level_id))
        else {
            return false;
        };
        let (a, b) = match side {
            Side::A => (index, b),
            Side::B => (a, index),
        };
        self.show_pair(a, b);
        true
    }

    /// Shows levels `a` and `b`, following the skill under the cursor to its new row.
    fn show_pair(&mut self, a: usize, b: usize) {
        let skill = self.selected_skill_id().map(str::to_owned);
        self.screen = Screen::Compare { a, b };
        let found = skill.and_then(|id| {
            self.comparison()?
                .skills
                .iter()
                .position(|row| row.skill.id == id)
        });
        self.compare_cursor = found.unwrap_or(0);
        self.clamp();
    }

    /// Opens the compare screen with the selected level as A, and as B the next rung up its
    /// track (at the top, the rung below; in a one-level track, A itself).
    pub fn open_compare(&mut self) {
        let Some(level) = self.level() else {
            return;
        };
        let b = self
            .ladder
            .neighbour(&level.id, 1)
            .or_else(|| self.ladder.neighbour(&level.id, -1))
            .and_then(|l| self.ladder.level_index(&l.id))
            .unwrap_or(self.selected_level);
        self.push_back();
        self.screen = Screen::Compare {
            a: self.selected_level,
            b,
        };
        self.compare_pane = ComparePane::Page;
        self.compare_scroll = 0;
        self.compare_cursor = 0;
        // picker: open `Overlay::Picker { purpose: PickPurpose::… }` here to choose B; on Enter
        // it calls `self.set_compare_side(Side::B, id)`, and on Esc B stays the rung above.
    }

    fn push_back(&mut self) {
        if self.back_stack.len() >= BACK_LIMIT {
            self.back_stack.remove(0);
        }
        self.back_stack.push((self.screen, self.selected_level));
    }

    /// Esc: back to the screen (and level) this one was opened from, else the ladder.
    fn go_back(&mut self) {
        match self.back_stack.pop() {
            Some((screen, level)) => {
                self.screen = screen;
                self.select_level(level);
            }
            None => self.screen = Screen::Ladder,
        }
    }

    /// Selects a level by index and resets what belongs to the previous one.
    pub fn select_level(&mut self, index: usize) {
        if index < self.ladder.levels().len() && index != self.selected_level {
            self.selected_level = index;
            self.details_scroll = 0;
            self.skill_cursor = 0;
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.should_quit = true;
                return;
            }
            Action::Resize(columns, rows) => {
                self.size = (columns, rows);
                self.clamp();
                return;
            }
            _ => {}
        }
        match self.overlay {
            Some(Overlay::Help) => self.update_help(action),
            None => match self.screen {
                Screen::Ladder => self.update_ladder(action),
                Screen::Level => self.update_level(action),
                Screen::Compare { a, b } => self.update_compare(action, a, b),
            },
        }
        self.clamp();
    }

    fn update_help(&mut self, action: Action) {
        match action {
            Action::Help | Action::Back => self.overlay = None,
            Action::Up | Action::Wheel { up: true, .. } => {
                self.help_scroll = self.help_scroll.saturating_sub(1);
            }
            Action::Down | Action::Wheel { up: false, .. } => self.help_scroll += 1,
            Action::Top => self.help_scroll = 0,
            Action::Bottom => self.help_scroll = usize::MAX,
            _ => {}
        }
    }

    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(6)).max(1)
    }

    fn track_of_selected(&self) -> Option<usize> {
        self.level().and_then(|l| self.ladder.track_index(&l.track))
    }

    fn update_ladder(&mut self, action: Action) {
        let Some(level) = self.level() else {
            if action == Action::Help {
                self.overlay = Some(Overlay::Help);
            }
            return;
        };
        let id = level.id.clone();
        let track = self.track_of_selected().unwrap_or(0);
        let rungs = self.ladder.levels_of_track(track);
        let first = self
            .ladder
            .level_index(rungs.first().map_or("", |l| l.id.as_str()))
            .unwrap_or(0);
        let position = self.selected_level.saturating_sub(first);
        let last = rungs.len().saturating_sub(1);
        match action {
            Action::Up => self.select_level(first + (position + 1).min(last)),
            Action::Down => self.select_level(first + position.saturating_sub(1)),
            Action::PageUp => self.select_level(first + (position + self.page()).min(last)),
            Action::PageDown => self.select_level(first + position.saturating_sub(self.page())),
            Action::Top => self.select_level(first + last),
            Action::Bottom => self.select_level(first),
            Action::PreviousPane => self.move_track(&id, track, -1),
            Action::NextPane => self.move_track(&id, track, 1),
            Action::Open => self.open_level(),
            Action::Compare => self.open_compare(),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Click(column, row) => {
                if let Some(index) = view::ladder::level_at(self, Position::new(column, row)) {
                    if index == self.selected_level {
                        self.open_level();
                    } else {
                        self.select_level(index);
                    }
                }
            }
            Action::Wheel { column, row, up } => {
                let regions = view::regions(self);
                if contains(regions.ladder, Position::new(column, row)) {
                    self.update_ladder(if up { Action::Up } else { Action::Down });
                }
            }
            _ => {}
        }
    }

    fn open_level(&mut self) {
        self.screen = Screen::Level;
        self.level_pane = LevelPane::Details;
        self.details_scroll = 0;
    }

    /// Moves to the neighbouring track: to an equivalent level if there is one, else the
    /// level of the nearest rank.
    fn move_track(&mut self, id: &str, track: usize, step: isize) {
        let Some(target) = track.checked_add_signed(step) else {
            return;
        };
        let candidates = self.ladder.levels_of_track(target);
        let Some(rank) = self.level().map(|l| l.rank) else {
            return;
        };
        let equivalents = self.ladder.equivalents_of(id);
        let chosen = candidates
            .iter()
            .filter(|l| equivalents.iter().any(|e| e.id == l.id))
            .min_by_key(|l| l.rank.abs_diff(rank))
            .or_else(|| candidates.iter().min_by_key(|l| l.rank.abs_diff(rank)));
        if let Some(index) = chosen.and_then(|l| self.ladder.level_index(&l.id)) {
            self.select_level(index);
        }
    }

    fn update_level(&mut self, action: Action) {
        let page = self.page();
        match (action, self.level_pane) {
            (Action::Back, _) => self.go_back(),
            (Action::Help, _) => self.overlay = Some(Overlay::Help),
            (Action::Compare, _) => self.open_compare(),
            (Action::PreviousPane | Action::NextPane, LevelPane::Details) => {
                self.level_pane = LevelPane::Skills;
            }
            (Action::PreviousPane | Action::NextPane, LevelPane::Skills) => {
                self.level_pane = LevelPane::Details;
            }
            (Action::Up, LevelPane::Details) => {
                self.details_scroll = self.details_scroll.saturating_sub(1);
            }
            (Action::Down, LevelPane::Details) => self.details_scroll += 1,
            (Action::PageUp, LevelPane::Details) => {
                self.details_scroll = self.details_scroll.saturating_sub(page);
            }
            (Action::PageDown, LevelPane::Details) => self.details_scroll += page,
            (Action::Top, LevelPane::Details) => self.details_scroll = 0,
            (Action::Bottom, LevelPane::Details) => self.details_scroll = usize::MAX,
            (Action::Up, LevelPane::Skills) => {
                self.skill_cursor = self.skill_cursor.saturating_sub(1);
            }
            (Action::Down, LevelPane::Skills) => self.skill_cursor += 1,
            (Action::PageUp, LevelPane::Skills) => {
                self.skill_cursor = self.skill_cursor.saturating_sub(page);
            }
            (Action::PageDown, LevelPane::Skills) => self.skill_cursor += page,
            (Action::Top, LevelPane::Skills) => self.skill_cursor = 0,
            (Action::Bottom, LevelPane::Skills) => self.skill_cursor = usize::MAX,
            (Action::Click(column, row), _) => self.click_level(Position::new(column, row)),
            (Action::Wheel { column, row, up }, _) => {
                let regions = view::regions(self);
                let at = Position::new(column, row);
                if contains(regions.details, at) {
                    self.level_pane = LevelPane::Details;
                    self.details_scroll = if up {
                        self.details_scroll.saturating_sub(3)
                    } else {
                        self.details_scroll + 3
                    };
                } else if contains(regions.skills, at) {
                    self.level_pane = LevelPane::Skills;
                    self.skill_cursor = if up {
                        self.skill_cursor.saturating_sub(1)
                    } else {
                        self.skill_cursor + 1
                    };
                }
            }
            _ => {}
        }
    }

    fn update_compare(&mut self, action: Action, a: usize, b: usize) {
        let page = self.page();
        let pane = self.compare_pane;
        match (action, pane) {
            (Action::Back, _) => self.go_back(),
            (Action::Help, _) => self.overlay = Some(Overlay::Help),
            (Action::PreviousPane | Action::NextPane, ComparePane::Page) => {
                self.compare_pane = ComparePane::Skills;
            }
            (Action::PreviousPane | Action::NextPane, ComparePane::Skills) => {
                self.compare_pane = ComparePane::Page;
            }
            (Action::SwapSides, _) => self.show_pair(b, a),
            (Action::ARungUp, _) => self.step_side(Side::A, 1),
            (Action::ARungDown, _) => self.step_side(Side::A, -1),
            (Action::BRungUp, _) => self.step_side(Side::B, 1),
            (Action::BRungDown, _) => self.step_side(Side::B, -1),
            (Action::OpenA | Action::OpenB, _) => {
                let index = if action == Action::OpenA { a } else { b };
                self.push_back();
                // The level screen reads the selected level; the compare screen keeps its pair.
                self.selected_level = index;
                self.details_scroll = 0;
                self.skill_cursor = 0;
                self.open_level();
            }
            // picker: `Action::Compare` here could open the picker to change B.
            (Action::Up, ComparePane::Page) => {
                self.compare_scroll = self.compare_scroll.saturating_sub(1);
            }
            (Action::Down, ComparePane::Page) => self.compare_scroll += 1,
            (Action::PageUp, ComparePane::Page) => {
                self.compare_scroll = self.compare_scroll.saturating_sub(page);
            }
            (Action::PageDown, ComparePane::Page) => self.compare_scroll += page,
            (Action::Top, ComparePane::Page) => self.compare_scroll = 0,
            (Action::Bottom, ComparePane::Page) => self.compare_scroll = usize::MAX,
            (Action::Up, ComparePane::Skills) => {
                self.compare_cursor = self.compare_cursor.saturating_sub(1);
            }
            (Action::Down, ComparePane::Skills) => self.compare_cursor += 1,
            (Action::PageUp, ComparePane::Skills) => {
                self.compare_cursor = self.compare_cursor.saturating_sub(page);
            }
            (Action::PageDown, ComparePane::Skills) => self.compare_cursor += page,
            (Action::Top, ComparePane::Skills) => self.compare_cursor = 0,
            (Action::Bottom, ComparePane::Skills) => self.compare_cursor = usize::MAX,
            (Action::Click(column, row), _) => {
                let at = Position::new(column, row);
                let regions = view::regions(self);
                if contains(regions.compare_page, at) {
                    self.compare_pane = ComparePane::Page;
                } else if contains(regions.compare_skills, at) {
                    self.compare_pane = ComparePane::Skills;
                    if let Some(cursor) = view::compare::skill_at(self, at) {
                        self.compare_cursor = cursor;
                    }
                }
            }
            (Action::Wheel { column, row, up }, _) => {
                let at = Position::new(column, row);
                let regions = view::regions(self);
                if contains(regions.compare_page, at) {
                    self.compare_pane = ComparePane::Page;
                    self.compare_scroll = if up {
                        self.compare_scroll.saturating_sub(3)
                    } else {
                        self.compare_scroll + 3
                    };
                } else if contains(regions.compare_skills, at) {
                    self.compare_pane = ComparePane::Skills;
                    self.compare_cursor = if up {
                        self.compare_cursor.saturating_sub(1)
                    } else {
                        self.compare_cursor + 1
                    };
                }
            }
            _ => {}
        }
    }

    /// Moves one side of the comparison a rung up (`step` 1) or down (-1) its own track; at
    /// the end of the track nothing changes.
    fn step_side(&mut self, side: Side, step: isize) {
        let Screen::Compare { a, b } = self.screen else {
            return;
        };
        let current = if side == Side::A { a } else { b };
        let next = self
            .ladder
            .levels()
            .get(current)
            .and_then(|level| self.ladder.neighbour(&level.id, step))
            .and_then(|level| self.ladder.level_index(&level.id));
        if let Some(next) = next {
            match side {
                Side::A => self.show_pair(next, b),
                Side::B => self.show_pair(a, next),
            }
        }
    }

    fn click_level(&mut self, at: Position) {
        let regions = view::regions(self);
        if contains(regions.details, at) {
            self.level_pane = LevelPane::Details;
        } else if contains(regions.skills, at) {
            self.level_pane = LevelPane::Skills;
            if let Some(cursor) = view::level::skill_at(self, at) {
                self.skill_cursor = cursor;
            }
        }
    }

    /// Keeps scroll offsets and cursors inside what there is to show.
    fn clamp(&mut self) {
        self.skill_cursor = self.skill_cursor.min(self.skill_count().saturating_sub(1));
        let max_scroll = view::level::max_details_scroll(self);
        self.details_scroll = self.details_scroll.min(max_scroll);
        self.help_scroll = self.help_scroll.min(view::help::max_scroll(self));
        let compared_skills = self.comparison().map_or(0, |c| c.skills.len());
        self.compare_cursor = self.compare_cursor.min(compared_skills.saturating_sub(1));
        self.compare_scroll = self
            .compare_scroll
            .min(view::compare::max_page_scroll(self));
    }
}

fn contains(area: Option<Rect>, at: Position) -> bool {
    area.is_some_and(|a| a.contains(at))
}
