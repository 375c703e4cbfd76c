//! The explorer's state and the one function that changes it. Nothing here touches the
//! terminal: keys and mouse events arrive as [`Action`]s, and the views draw from `&App`.

use std::sync::Arc;

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::config::Settings;
use super::finder::{Finder, FinderMode, PickPurpose};
use super::plan_screen::{Outcome, PlanState};
use super::view;
use crate::compare::{Comparison, Side, compare};
use crate::ladder::{Ladder, Level, Proficiency};
use crate::search::{Entry, EntryKind};

/// The full-screen views, dispatched with `match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Every track as a column of rungs, with a preview of the selected level.
    Ladder,
    /// One level in full: details on the left, its skills and profile on the right.
    Level,
    /// The development plan: bookmarked skills by status, and progress toward the target.
    Plan,
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

/// Something drawn over the current screen that takes the keys while it is open. The
/// search and picker overlays keep their state in [`App::finder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// Search everything; choosing a result jumps to it.
    Search,
    /// Choose a level; what happens with it depends on the purpose (see [`App::level_picked`]).
    Picker {
        purpose: PickPurpose,
    },
}

impl Overlay {
    /// Whether the overlay has a text field that printable keys type into.
    pub fn takes_text(self) -> bool {
        matches!(self, Overlay::Search | Overlay::Picker { .. })
    }
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

/// A level's skills as list rows: each category's heading, then its skills.
pub fn skill_rows<'a>(ladder: &'a Ladder, level: &'a Level) -> Vec<SkillRow<'a>> {
    let mut rows = Vec::new();
    for group in ladder.skills_by_category(level) {
        rows.push(SkillRow::Category(&group.category.name));
        rows.extend(
            group
                .skills
                .into_iter()
                .map(|(skill, proficiency)| SkillRow::Skill {
                    id: &skill.id,
                    name: &skill.name,
                    proficiency,
                }),
        );
    }
    rows
}

#[derive(Debug)]
pub struct App {
    /// Shared with the search worker, which builds its index from it on its own thread.
    pub ladder: Arc<Ladder>,
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
    /// The query, results and worker of the search and picker overlays.
    pub finder: Finder,
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
    /// The development plan and the plan screen's state (see `plan_screen`).
    pub plan: PlanState,
}

impl App {
    pub fn new(ladder: Ladder, settings: Settings, size: (u16, u16)) -> App {
        App {
            ladder: Arc::new(ladder),
            settings,
            screen: Screen::Ladder,
            overlay: None,
            selected_level: 0,
            level_pane: LevelPane::Details,
            details_scroll: 0,
            skill_cursor: 0,
            help_scroll: 0,
            finder: Finder::default(),
            compare_pane: ComparePane::Page,
            compare_scroll: 0,
            compare_cursor: 0,
            back_stack: Vec::new(),
            size,
            should_quit: false,
            plan: PlanState::without_store(None),
        }
    }

    /// Uses `plan` for bookmarks. Built with [`App::new`] alone, the app has no plan file.
    pub fn with_plan(mut self, plan: PlanState) -> App {
        self.plan = plan;
        self
    }

    /// Whether the skill is bookmarked at this level.
    pub fn is_bookmarked(&self, skill_id: &str, level_id: &str) -> bool {
        self.plan.is_bookmarked(skill_id, level_id)
    }

    /// The mark a skill row carries wherever it appears: `★` bookmarked at this level (what
    /// `b` toggles here), `☆` in the plan from another level, a space otherwise.
    pub fn bookmark_mark(&self, skill_id: &str, level_id: &str) -> &'static str {
        if self.is_bookmarked(skill_id, level_id) {
            "★"
        } else if self.plan.has_skill(skill_id) {
            "☆"
        } else {
            " "
        }
    }

    /// The (skill, level) under the cursor on the current screen, which `b` bookmarks. A
    /// screen that shows skills of a level answers here and gets bookmarking for free.
    pub fn selected_skill_at_level(&self) -> Option<(String, String)> {
        match self.screen {
            Screen::Ladder => None,
            Screen::Level => {
                // Only when the skills list is on screen: never bookmark an unseen skill.
                view::regions(self).skills?;
                let skill = self.selected_skill_id()?.to_owned();
                Some((skill, self.level()?.id.clone()))
            }
            Screen::Plan => self.plan.selected_skill(&self.ladder),
            Screen::Compare { .. } => {
                view::regions(self).compare_skills?;
                let comparison = self.comparison()?;
                let row = comparison.skills.get(self.compare_cursor)?;
                let (a, b) = self.compared_levels()?;
                // The level aimed at (B) when it expects the skill; a skill only A has is
                // bookmarked at A, where it is expected.
                let level = if row.b.is_some() { b } else { a };
                Some((row.skill.id.clone(), level.id.clone()))
            }
        }
    }

    /// The bookmark mark of a compare-list row, at the level `b` would bookmark it at (see
    /// [`App::selected_skill_at_level`]).
    pub fn compare_row_mark(&self, row: &crate::compare::SkillRow<'_>) -> &'static str {
        let Some((a, b)) = self.compared_levels() else {
            return " ";
        };
        let level = if row.b.is_some() { b } else { a };
        self.bookmark_mark(&row.skill.id, &level.id)
    }

    /// Sets the plan's target level (the level picker calls this with the chosen id).
    pub fn set_plan_target(&mut self, level_id: &str) {
        self.plan.set_target(&self.ladder, Some(level_id));
    }

    /// Whether the plan screen's note editor has the keys.
    pub fn is_editing_note(&self) -> bool {
        self.overlay.is_none() && self.screen == Screen::Plan && self.plan.is_editing()
    }

    fn open_plan(&mut self) {
        if self.screen != Screen::Plan {
            self.push_back();
            self.screen = Screen::Plan;
        }
        self.plan.reload(&self.ladder);
    }

    /// Plan actions that work on every screen; `true` when the action was one of them.
    fn update_plan_anywhere(&mut self, action: Action) -> bool {
        if self.is_editing_note() {
            return false;
        }
        match action {
            Action::Bookmark => {
                if let Some((skill, level)) = self.selected_skill_at_level() {
                    self.plan.toggle(&self.ladder, &skill, &level);
                }
            }
            Action::Undo => self.plan.undo(&self.ladder),
            Action::ShowPlan => self.open_plan(),
            // The same on every screen: the level is chosen by name, wherever the cursor is.
            Action::SetTarget => self.open_picker(PickPurpose::Target),
            _ => return false,
        }
        true
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
        // Issue 4: `c` asks for B by name. Esc in the picker keeps the rung above.
        self.open_picker(PickPurpose::CompareWith);
    }

    /// Before a jump to a level (search, go-to): from the plan or compare screen, remember it
    /// so that Esc on the level comes back. From the ladder or another level, Esc keeps going
    /// back to the ladder, as it does after `Enter`.
    fn leave_for_level(&mut self) {
        if matches!(self.screen, Screen::Plan | Screen::Compare { .. }) {
            self.push_back();
        }
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
            Action::Search if self.may_open_finder() => {
                self.open_search();
                return;
            }
            Action::GoToLevel if self.may_open_finder() => {
                self.open_picker(PickPurpose::GoTo);
                return;
            }
            _ => {}
        }
        if !matches!(action, Action::Wheel { .. }) {
            self.plan.message = None;
        }
        let for_plan = self.overlay.is_none() && self.update_plan_anywhere(action);
        match self.overlay {
            Some(Overlay::Help) => self.update_help(action),
            Some(Overlay::Search | Overlay::Picker { .. }) => self.update_finder(action),
            None if for_plan => {}
            None => match self.screen {
                Screen::Ladder => self.update_ladder(action),
                Screen::Level => self.update_level(action),
                Screen::Plan => self.update_plan(action),
                Screen::Compare { a, b } => self.update_compare(action, a, b),
            },
        }
        self.clamp();
    }

    /// The plan screen: the mouse is placed here, where the layout is known; the rest is the
    /// plan state's. While a note is edited the mouse does nothing.
    fn update_plan(&mut self, action: Action) {
        let action = match action {
            Action::Click(..) | Action::Wheel { .. } if self.plan.is_editing() => return,
            Action::Click(column, row) => {
                let at = Position::new(column, row);
                if let Some(pane) = view::plan::pane_at(self, at) {
                    // Found before the pane changes: the row under the mouse is the one drawn.
                    let item = view::plan::item_at(self, at);
                    let missing = view::plan::missing_at(self, at);
                    self.plan.pane = pane;
                    if let Some(item) = item {
                        self.plan.item_cursor = item;
                    }
                    if let Some(missing) = missing {
                        self.plan.missing_cursor = missing;
                    }
                }
                return;
            }
            Action::Wheel { column, row, up } => {
                let Some(pane) = view::plan::pane_at(self, Position::new(column, row)) else {
                    return;
                };
                self.plan.pane = pane;
                if up { Action::Up } else { Action::Down }
            }
            other => other,
        };
        let page = view::plan::page_height(self, self.plan.pane);
        match self.plan.update(&self.ladder, action, page) {
            Outcome::Stay => {}
            Outcome::Back => self.go_back(),
            Outcome::Help => self.overlay = Some(Overlay::Help),
        }
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

    /// Whether keys should go to a text field first (printable keys type): the search or
    /// picker overlay's query, or a plan note being edited. The loop turns editing keys into
    /// [`Action::Edit`] while this holds.
    pub fn takes_text(&self) -> bool {
        self.overlay.is_some_and(Overlay::takes_text) || self.is_editing_note()
    }

    /// Search and the picker open over the screens and the help, but not over a note being
    /// edited, which would be left open underneath.
    fn may_open_finder(&self) -> bool {
        matches!(self.overlay, None | Some(Overlay::Help)) && !self.is_editing_note()
    }

    /// Opens the search overlay over the current screen, which stays as it is underneath.
    pub fn open_search(&mut self) {
        self.finder.open(&self.ladder, FinderMode::Search);
        self.overlay = Some(Overlay::Search);
    }

    /// Opens the level picker. When a level is chosen, [`App::level_picked`] gets its id
    /// with `purpose`; a picker closed without a choice changes nothing.
    pub fn open_picker(&mut self, purpose: PickPurpose) {
        self.finder.open(&self.ladder, FinderMode::Levels);
        self.overlay = Some(Overlay::Picker { purpose });
    }

    /// Takes the newest search answer if it has arrived; never blocks. The loop calls it on
    /// every iteration.
    pub fn poll_search(&mut self) -> bool {
        let arrived = self.finder.poll();
        self.choose_if_asked(arrived);
        arrived
    }

    /// Whether a search answer is still to come, so the loop should wake up to poll for it.
    pub fn search_pending(&self) -> bool {
        self.overlay.is_some_and(Overlay::takes_text) && self.finder.pending()
    }

    /// Waits (up to `timeout`) for the answer to the newest query. For tests and scripts.
    pub fn wait_for_search(&mut self, timeout: std::time::Duration) -> bool {
        let pending = self.finder.pending();
        let answered = self.finder.wait(timeout);
        self.choose_if_asked(pending && answered);
        answered
    }

    fn choose_if_asked(&mut self, arrived: bool) {
        if arrived && self.finder.choose_when_ready && !self.finder.pending() {
            self.choose();
        }
    }

    /// What picking a level means for each purpose. New purposes add their arm here.
    pub fn level_picked(&mut self, purpose: PickPurpose, level_id: &str) {
        let Some(index) = self.ladder.level_index(level_id) else {
            return;
        };
        match purpose {
            PickPurpose::GoTo => {
                self.leave_for_level();
                self.select_level(index);
                self.open_level();
            }
            PickPurpose::Target => self.set_plan_target(level_id),
            PickPurpose::CompareWith => {
                self.set_compare_side(Side::B, level_id);
            }
        }
    }

    fn update_finder(&mut self, action: Action) {
        let page = isize::try_from(view::finder::list_height(self))
            .unwrap_or(1)
            .max(1);
        match action {
            Action::Edit(edit) => self.finder.edit(edit),
            Action::Up => self.finder.move_selection(-1),
            Action::Down => self.finder.move_selection(1),
            Action::PageUp => self.finder.move_selection(-page),
            Action::PageDown => self.finder.move_selection(page),
            Action::Wheel { up, .. } => self.finder.move_selection(if up { -1 } else { 1 }),
            Action::Open if self.finder.pending() => self.finder.choose_when_ready = true,
            Action::Open => self.choose(),
            Action::Back => self.close_finder(),
            Action::Click(column, row) => {
                match view::finder::row_at(self, Position::new(column, row)) {
                    Some(index) if index == self.finder.selected => self.choose(),
                    Some(index) => self.finder.selected = index,
                    None => {}
                }
            }
            _ => {}
        }
    }

    fn close_finder(&mut self) {
        // A picker closed without a choice leaves the screen as it was (when comparing, B
        // stays the rung above).
        self.overlay = None;
        self.finder.close();
    }

    /// Acts on the selected result: jumps to it (search) or hands its level over (picker).
    fn choose(&mut self) {
        self.finder.choose_when_ready = false;
        let Some(entry) = self.finder.chosen() else {
            return;
        };
        let overlay = self.overlay.take();
        self.finder.close();
        match overlay {
            Some(Overlay::Picker { purpose }) => {
                if let Some(id) = self.ladder.levels().get(entry.level).map(|l| l.id.clone()) {
                    self.level_picked(purpose, &id);
                }
            }
            _ => self.jump_to(&entry),
        }
    }

    /// Opens the entry's level with the cursor on it: a skill selected in the skills pane, or
    /// the details scrolled to the entry's line.
    pub fn jump_to(&mut self, entry: &Entry) {
        if entry.level >= self.ladder.levels().len() {
            return;
        }
        self.leave_for_level();
        self.select_level(entry.level);
        self.screen = Screen::Level;
        match entry.kind {
            EntryKind::Skill | EntryKind::SkillDescription => {
                self.level_pane = LevelPane::Skills;
                if let Some(cursor) = self.skill_cursor_of(entry.item) {
                    self.skill_cursor = cursor;
                }
            }
            kind => {
                self.level_pane = LevelPane::Details;
                self.details_scroll = view::level::detail_anchor(self, kind, entry.item);
            }
        }
        self.clamp();
    }

    /// The skills-list cursor of the level's `item`th skill reference (the list is grouped by
    /// category, so the two orders differ).
    fn skill_cursor_of(&self, item: usize) -> Option<usize> {
        let level = self.level()?;
        let id = &level.skills.get(item)?.skill;
        skill_rows(&self.ladder, level)
            .into_iter()
            .filter_map(|row| match row {
                SkillRow::Skill { id, .. } => Some(id),
                SkillRow::Category(_) => None,
            })
            .position(|skill| skill == id)
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
            (Action::Compare, _) => self.open_picker(PickPurpose::CompareWith),
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
        self.plan.clamp(&self.ladder);
        let (compared_skills, max_page_scroll) = self.comparison().map_or((0, 0), |c| {
            (c.skills.len(), view::compare::max_page_scroll(self, &c))
        });
        self.compare_cursor = self.compare_cursor.min(compared_skills.saturating_sub(1));
        self.compare_scroll = self.compare_scroll.min(max_page_scroll);
    }
}

fn contains(area: Option<Rect>, at: Position) -> bool {
    area.is_some_and(|a| a.contains(at))
}
