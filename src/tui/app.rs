//! The explorer's state and the one function that changes it. Nothing here touches the
//! terminal: keys and mouse events arrive as [`Action`]s, and the views draw from `&App`.
//!
//! Routing: the top overlay gets a key first; without one, the screen; what the screen does not
//! use, the app's global commands. Each screen owns its state (see `screens`), the back stack
//! holds whole screens, and the positions a screen scrolls within are the ones its last frame
//! recorded, so `update` never lays a screen out.

use std::sync::Arc;

use ratatui::layout::Position;

use super::action::Action;
use super::config::Settings;
use super::finder::{Finder, FinderMode, PickPurpose};
use super::plan_screen::{Outcome, PlanScreen, PlanState};
use super::screens::{
    ComparePane, CompareScreen, Focus, LevelScreen, Overlay, OverlayKind, Screen, ScreenKind,
};
use super::status::StatusLine;
use super::widgets::scroll::{Scroll, step};
use crate::compare::{Comparison, Side, compare};
use crate::ladder::{Ladder, Level, Proficiency};
use crate::search::{Entry, EntryKind};

/// The most screens Esc can walk back through; older ones are forgotten.
const BACK_LIMIT: usize = 16;

/// Lines the mouse wheel scrolls a page by.
pub(super) const WHEEL_LINES: isize = 3;

/// One row of the skills list: a category heading, or a skill with its expected proficiency.
#[derive(Debug, Clone, PartialEq)]
pub enum SkillRow<'a> {
    /// A category heading (its name and what it covers).
    Category(&'a crate::ladder::Category),
    Skill {
        id: &'a str,
        name: &'a str,
        /// `None` for a skill the level expects without rating it.
        proficiency: Option<Proficiency>,
    },
}

/// A level's skills as list rows: each category's heading, then its skills.
pub fn skill_rows<'a>(ladder: &'a Ladder, level: &'a Level) -> Vec<SkillRow<'a>> {
    let mut rows = Vec::new();
    for group in ladder.skills_by_category(level) {
        rows.push(SkillRow::Category(group.category));
        rows.extend(
            group
                .skills
                .into_iter()
                .map(|(skill, reference)| SkillRow::Skill {
                    id: &skill.id,
                    name: &skill.name,
                    proficiency: reference.proficiency,
                }),
        );
    }
    rows
}

/// The ids of a level's skills in the order the skills list shows them.
pub fn skill_ids<'a>(ladder: &'a Ladder, level: &'a Level) -> Vec<&'a str> {
    skill_rows(ladder, level)
        .into_iter()
        .filter_map(|row| match row {
            SkillRow::Skill { id, .. } => Some(id),
            SkillRow::Category(_) => None,
        })
        .collect()
}

/// What a screen's update asks of the app.
pub(super) enum Reply {
    /// The action was the screen's and it acted.
    Done,
    /// The action was the screen's but there was nothing to do: the status line says why.
    Stuck(String),
    /// Not this screen's action: the app's global commands may take it.
    Pass,
    /// Open another screen (the current one goes on the back stack).
    Push(Box<Screen>),
    /// Open a skill in full.
    ShowSkill { level: usize, skill: String },
    /// Back to the previous screen.
    Back,
}

#[derive(Debug)]
pub struct App {
    /// Shared with the search worker, which builds its index from it on its own thread.
    pub ladder: Arc<Ladder>,
    pub settings: Settings,
    pub screen: Screen,
    /// Where Esc goes back to, most recent last: whole screens, as they were left.
    pub back: Vec<Screen>,
    /// Drawn over the screen, the top one last; the top one takes the keys.
    pub overlays: Vec<Overlay>,
    /// The query, results and worker of the search and picker overlays.
    pub finder: Finder,
    /// The terminal size last reported (for tests that draw; the views lay out against the
    /// frame they draw into, never this).
    pub size: (u16, u16),
    pub should_quit: bool,
    /// The development plan and the plan screen's state (see `plan_screen`).
    pub plan: PlanState,
    pub status: StatusLine,
    /// Your ratings, fits and placement, derived from the plan once per change of it.
    you: std::cell::RefCell<super::you::YouFacts>,
    /// Where the last frame drawn put the terminal's cursor (a text field being typed in).
    pub cursor: super::screens::Drawn<Option<Position>>,
}

impl App {
    pub fn new(ladder: Ladder, settings: Settings, size: (u16, u16)) -> App {
        let you = super::you::YouFacts::new(&ladder);
        App {
            ladder: Arc::new(ladder),
            settings,
            screen: Screen::Ladder(LevelScreen::new(0, Focus::Ladder)),
            back: Vec::new(),
            overlays: Vec::new(),
            finder: Finder::default(),
            size,
            should_quit: false,
            plan: PlanState::without_store(None),
            status: StatusLine::default(),
            you: std::cell::RefCell::new(you),
            cursor: Default::default(),
        }
    }

    /// Uses `plan` for bookmarks. Built with [`App::new`] alone, the app has no plan file.
    pub fn with_plan(mut self, mut plan: PlanState) -> App {
        if let Some(message) = plan.message.take() {
            self.status.show(message);
        }
        self.plan = plan;
        self.you.get_mut().invalidate();
        self
    }

    /// Your ratings, fits and placement for the plan as it is now (computed again only after
    /// the plan changed).
    pub fn you(&self) -> std::cell::Ref<'_, super::you::YouFacts> {
        // Already borrowed means a caller up the stack holds the facts, refreshed by its call.
        if let Ok(mut facts) = self.you.try_borrow_mut() {
            facts.refresh(&self.ladder, &self.plan);
        }
        self.you.borrow()
    }

    /// Opens the home screen on the level `level_id` (where the person left off), if the
    /// ladder has it.
    pub fn starting_at(mut self, level_id: &str) -> App {
        if let (Some(index), Screen::Ladder(home)) =
            (self.ladder.level_index(level_id), &mut self.screen)
        {
            home.select(index);
        }
        self
    }

    /// Selects the level `index` on the home or level screen on show (its page and skills
    /// start at the top); elsewhere nothing changes.
    pub fn select_level(&mut self, index: usize) {
        if index >= self.ladder.levels().len() {
            return;
        }
        if let Screen::Ladder(s) | Screen::Level(s) = &mut self.screen {
            s.select(index);
        }
    }

    /// The kind of screen on show.
    pub fn screen_kind(&self) -> ScreenKind {
        self.screen.kind()
    }

    /// The kind of the top overlay, if one is open.
    pub fn overlay(&self) -> Option<OverlayKind> {
        self.overlays.last().map(Overlay::kind)
    }

    /// The home or level screen's state, when one is on show.
    pub fn level_screen(&self) -> Option<&LevelScreen> {
        self.screen.level_screen()
    }

    /// The compare screen's state, when it is on show.
    pub fn compare_screen(&self) -> Option<&CompareScreen> {
        match &self.screen {
            Screen::Compare(c) => Some(c),
            _ => None,
        }
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

    /// The (skill, level) that `b` bookmarks: the skill under the cursor of the focused
    /// pane, when that pane is a skills list on screen.
    pub fn selected_skill_at_level(&self) -> Option<(String, String)> {
        match &self.screen {
            Screen::Ladder(s) | Screen::Level(s) => {
                // Only from the focused skills list: every layout shows the focused pane, so
                // this never bookmarks an unseen skill, and it holds before the screen's first
                // frame too (keys typed ahead arrive in one batch).
                if s.focus != Focus::Skills {
                    return None;
                }
                let level = self.ladder.levels().get(s.level)?;
                let skill = skill_ids(&self.ladder, level).get(s.skill)?.to_string();
                Some((skill, level.id.clone()))
            }
            Screen::Plan(s) => s.selected_skill(&self.plan, &self.ladder),
            Screen::Catalogue(c) => super::catalogue::skill_at_level(&self.ladder, c),
            Screen::You(y) => super::you_screen::selected(&self.ladder, &self.you(), y),
            Screen::Compare(c) => {
                if c.pane != ComparePane::Skills {
                    return None;
                }
                let comparison = self.comparison()?;
                let row = comparison.skills.get(c.cursor)?;
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
        if let Screen::Plan(s) = &mut self.screen {
            s.missing_cursor = 0;
        }
    }

    /// Whether a text field of the plan screen (note, evidence, check-in path) has the keys.
    pub fn is_editing_note(&self) -> bool {
        self.overlays.is_empty() && self.plan_screen().is_some_and(PlanScreen::is_editing)
    }

    /// The plan screen's state, when it is on show.
    pub fn plan_screen(&self) -> Option<&PlanScreen> {
        match &self.screen {
            Screen::Plan(s) => Some(s),
            _ => None,
        }
    }

    /// What is being typed on the plan screen and not saved (a note or evidence).
    pub fn unsaved(&self) -> Option<super::plan_screen::Unsaved> {
        self.plan_screen()?.unsaved()
    }

    /// Opens the skill catalogue on the family of the level in view, its cursor on
    /// `skill_id` when given (a search hit); on the catalogue already, moves its cursor there.
    pub fn open_catalogue(&mut self, skill_id: Option<&str>) {
        let ladder = Arc::clone(&self.ladder);
        let shown = match &self.screen {
            Screen::Catalogue(c) => c.family,
            _ => super::screens::CatalogueScreen::for_level(&ladder, self.level()).family,
        };
        let screen = skill_id
            .and_then(|id| super::screens::CatalogueScreen::at_skill(&ladder, shown, id))
            .unwrap_or_else(|| super::screens::CatalogueScreen::new(shown));
        match &mut self.screen {
            Screen::Catalogue(c) if skill_id.is_some() => *c = screen,
            Screen::Catalogue(_) => self.status.say("already on the catalogue"),
            _ => self.push(Screen::Catalogue(screen)),
        }
    }

    fn open_plan(&mut self) {
        if self.screen_kind() != ScreenKind::Plan {
            self.push(Screen::Plan(Box::default()));
        }
        self.plan.reload();
    }

    /// Opens the plan screen on a check-in already read (`rungs --checkin FILE`).
    pub fn open_checkin(&mut self, path: std::path::PathBuf, theirs: crate::plan::Plan) {
        self.open_plan();
        let ladder = Arc::clone(&self.ladder);
        if let Screen::Plan(s) = &mut self.screen {
            s.show_checkin(&mut self.plan, &ladder, path, theirs);
        }
        if let Some(message) = self.plan.message.take() {
            self.status.show(message);
        }
    }

    /// The level the person is looking at: the home or level screen's, level A on the compare
    /// screen, and on the plan screen the one of the screen it was opened from.
    pub fn level(&self) -> Option<&Level> {
        let index = std::iter::once(&self.screen)
            .chain(self.back.iter().rev())
            .find_map(|screen| match screen {
                Screen::Ladder(s) | Screen::Level(s) => Some(s.level),
                Screen::Compare(c) => Some(c.a),
                Screen::You(y) => Some(y.level),
                Screen::Plan(_) => None,
                Screen::Catalogue(_) => None,
            })?;
        self.ladder.levels().get(index)
    }

    /// The skill under the cursor of the skills list, for actions on a skill (bookmarks): on
    /// the compare screen the skill under its cursor, elsewhere the shown level's.
    pub fn selected_skill_id(&self) -> Option<&str> {
        match &self.screen {
            Screen::Compare(c) => {
                let (a, b) = self.compared_levels()?;
                let comparison = compare(&self.ladder, a, b);
                let id = comparison.skills.get(c.cursor)?.skill.id.as_str();
                self.ladder.skill(id).map(|s| s.id.as_str())
            }
            Screen::Ladder(s) | Screen::Level(s) => {
                let level = self.ladder.levels().get(s.level)?;
                skill_ids(&self.ladder, level).get(s.skill).copied()
            }
            Screen::Plan(_) | Screen::You(_) => None,
            Screen::Catalogue(c) => c.selected(&self.ladder).map(|s| s.id.as_str()),
        }
    }

    /// The two levels of the compare screen, A then B; `None` on other screens.
    pub fn compared_levels(&self) -> Option<(&Level, &Level)> {
        let c = self.compare_screen()?;
        let levels = self.ladder.levels();
        Some((levels.get(c.a)?, levels.get(c.b)?))
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
        let (Screen::Compare(c), Some(index)) = (&self.screen, self.ladder.level_index(level_id))
        else {
            return false;
        };
        let (a, b) = match side {
            Side::A => (index, c.b),
            Side::B => (c.a, index),
        };
        self.show_pair(a, b);
        true
    }

    /// Shows levels `a` and `b`, following the skill under the cursor to its new row.
    fn show_pair(&mut self, a: usize, b: usize) {
        let skill = self.selected_skill_id().map(str::to_owned);
        let ladder = Arc::clone(&self.ladder);
        let Screen::Compare(c) = &mut self.screen else {
            return;
        };
        let (Some(level_a), Some(level_b)) = (ladder.levels().get(a), ladder.levels().get(b))
        else {
            return;
        };
        c.a = a;
        c.b = b;
        let comparison = compare(&ladder, level_a, level_b);
        c.cursor = skill
            .and_then(|id| comparison.skills.iter().position(|row| row.skill.id == id))
            .unwrap_or(0);
    }

    /// Opens the compare screen with `level` as A, and as B the next step up its promotion
    /// path (which may be in another track, for a fork; at the top, the step before it; alone,
    /// A itself); the picker asks for B with
    /// its cursor on that default.
    pub fn open_compare(&mut self, level: usize) {
        let Some(a) = self.ladder.levels().get(level) else {
            return;
        };
        let b = self
            .ladder
            .default_compare_target(&a.id)
            .and_then(|l| self.ladder.level_index(&l.id))
            .unwrap_or(level);
        self.push(Screen::Compare(CompareScreen::new(level, b)));
        // Issue 4: `c` asks for B by name. Esc in the picker keeps the rung above.
        self.open_picker(PickPurpose::CompareWith);
    }

    /// Opens `screen`, keeping the current one on the back stack exactly as it is.
    pub(super) fn push(&mut self, screen: Screen) {
        if self.back.len() >= BACK_LIMIT {
            self.back.remove(0);
        }
        let previous = std::mem::replace(&mut self.screen, screen);
        self.back.push(previous);
    }

    /// Esc: back to the screen this one was opened from, as it was left.
    fn go_back(&mut self) -> bool {
        match self.back.pop() {
            Some(screen) => {
                self.screen = screen;
                true
            }
            None => false,
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.should_quit = true;
                return;
            }
            Action::Resize(columns, rows) => {
                // Nothing to clamp: each pane keeps its place and is fitted when drawn.
                self.size = (columns, rows);
                return;
            }
            Action::Wheel { .. } => {}
            _ => self.status.clear(),
        }
        if !self.overlays.is_empty() {
            self.update_overlay(action);
        } else {
            let reply = self.update_screen(action);
            self.follow(reply, action);
        }
        // A change made from anywhere (bookmark, undo, reload) may take rows away.
        let ladder = Arc::clone(&self.ladder);
        if let Screen::Plan(s) = &mut self.screen {
            s.clamp(&self.plan, &ladder);
        }
        if let Some(message) = self.plan.message.take() {
            self.status.show(message);
        }
    }

    /// Undo: on the plan screen the cursor stays on the item it was on.
    fn undo(&mut self) {
        let kept = self.plan_screen().and_then(|s| s.selected_key(&self.plan));
        self.plan.undo();
        if let Screen::Plan(s) = &mut self.screen {
            s.keep_cursor_on(&self.plan, kept);
        }
    }

    /// Acts on what the screen replied: its own action done, or the app's global commands.
    fn follow(&mut self, reply: Reply, action: Action) {
        match reply {
            Reply::Done => {}
            Reply::Stuck(why) => self.status.say(why),
            Reply::Push(screen) => self.push(*screen),
            Reply::ShowSkill { level, skill } => self.overlays.push(Overlay::Skill {
                level,
                skill,
                scroll: Scroll::default(),
            }),
            Reply::Back => {
                self.go_back();
            }
            Reply::Pass => {
                if !self.update_global(action) {
                    self.say_nothing_happens(action);
                }
            }
        }
    }

    /// Commands that work on every screen; `true` when the action was one of them.
    fn update_global(&mut self, action: Action) -> bool {
        if self.is_editing_note() {
            return false;
        }
        match action {
            Action::Help => self.open_help(),
            Action::Search => self.open_search(),
            Action::GoToLevel => self.open_picker(PickPurpose::GoTo),
            Action::Messages => self.overlays.push(Overlay::Messages {
                scroll: Scroll::default(),
            }),
            // On the plan's own items a bookmark could only take one out, note and evidence
            // with it: that is what remove is for, so a stray Space never does it.
            Action::Bookmark
                if matches!(
                    &self.screen,
                    Screen::Plan(s) if matches!(
                        s.pane,
                        super::plan_screen::PlanPane::Items | super::plan_screen::PlanPane::Evidence
                    )
                ) =>
            {
                let remove = self.key_label(Action::Remove);
                self.status
                    .say(format!("already in your plan: {remove} removes it"));
            }
            Action::Bookmark => match self.selected_skill_at_level() {
                Some((skill, level)) => self.plan.toggle(&self.ladder, &skill, &level),
                None => {
                    let key = self.key_label(action);
                    let text = if matches!(self.screen, Screen::Catalogue(_)) {
                        // The catalogue's list is of skills at no level: a bookmark needs one.
                        let open = self.key_label(Action::Open);
                        format!(
                            "{key} bookmarks the skill at a level: {open} lists the levels that expect it"
                        )
                    } else {
                        format!(
                            "{key} bookmarks the skill under the cursor of a skills list: go to one first"
                        )
                    };
                    self.status.say(text);
                }
            },
            Action::Undo => self.undo(),
            Action::ShowPlan => self.open_plan(),
            Action::Catalogue => self.open_catalogue(None),
            // The same on every screen: the level is chosen by name, wherever the cursor is.
            Action::SetTarget => self.open_picker(PickPurpose::Target),
            Action::SetCurrent => match self.level_screen().map(|s| s.level) {
                Some(index) => {
                    let id = self.ladder.levels()[index].id.clone();
                    self.plan.set_current(&self.ladder, Some(&id));
                }
                None => return false,
            },
            Action::Compare => match self.level_screen().map(|s| s.level) {
                Some(level) => self.open_compare(level),
                None => return false,
            },
            Action::Rate => self.open_rating(),
            // You against the level in view: B on the compare screen, else the one selected.
            Action::CompareYou => {
                let level = match &self.screen {
                    Screen::Compare(c) => Some(c.b),
                    Screen::Ladder(s) | Screen::Level(s) => Some(s.level),
                    Screen::Plan(_) | Screen::You(_) => None,
                    Screen::Catalogue(_) => None,
                };
                match level {
                    Some(level) => self.open_you_against(level),
                    None => return false,
                }
            }
            Action::Back => {
                if !self.go_back() {
                    self.status.say("nothing to go back to");
                }
            }
            _ => return false,
        }
        true
    }

    /// The first key bound to `action`, as shown in hints, or its config name.
    pub(super) fn key_label(&self, action: Action) -> String {
        let label = self
            .settings
            .keymap
            .label_for(action, self.screen_kind(), 1);
        if label.is_empty() {
            action.config_name().to_owned()
        } else {
            label
        }
    }

    /// Says on the status line that a key had no use here (mouse events pass in silence).
    pub(super) fn say_nothing_happens(&mut self, action: Action) {
        if let Action::Unbound(chord) = action {
            let key = chord.label();
            let help = self.key_label(Action::Help);
            let places: Vec<(ScreenKind, Action)> = self
                .settings
                .keymap
                .bound_elsewhere(chord)
                .into_iter()
                .filter_map(|(context, bound)| match context {
                    super::keymap::KeyContext::Screen(screen) => Some((screen, bound)),
                    super::keymap::KeyContext::Global => None,
                })
                .collect();
            let text = match places.first() {
                Some(&(_, bound)) => {
                    // Every screen that gives the key this meaning, in the keymap's order.
                    let names: Vec<String> = places
                        .iter()
                        .filter(|(_, a)| *a == bound)
                        .map(|(screen, _)| screen.title().to_lowercase())
                        .collect();
                    let (list, screens) = match names.as_slice() {
                        [one] => (one.clone(), "screen"),
                        [rest @ .., last] => (format!("{} and {last}", rest.join(", ")), "screens"),
                        [] => (String::new(), "screen"),
                    };
                    format!(
                        "{key} is a key of the {list} {screens} ({}); {help} lists the keys here",
                        bound.description()
                    )
                }
                None => format!("{key} does nothing here; {help} lists the keys"),
            };
            self.status.say(text);
            return;
        }
        if matches!(
            action,
            Action::Click(..) | Action::Wheel { .. } | Action::Edit(_) | Action::Resize(..)
        ) {
            return;
        }
        let key = self.key_label(action);
        // The plan's item keys do nothing in the target or check-in pane, but one Tab away.
        let item_key = matches!(
            action,
            Action::CycleStatus | Action::EditNote | Action::Remove | Action::AddEvidence
        );
        let elsewhere_on_plan = self.plan_screen().is_some_and(|s| {
            matches!(
                s.pane,
                super::plan_screen::PlanPane::Missing | super::plan_screen::PlanPane::Checkin
            )
        });
        if item_key && elsewhere_on_plan && !self.plan.items().is_empty() {
            let tab = self.key_label(Action::FocusNext);
            self.status.say(format!(
                "{key} ({}) works on your items and their evidence: {tab} moves there",
                action.hint()
            ));
            return;
        }
        let help = self.key_label(Action::Help);
        let screen = self.screen_kind().title().to_lowercase();
        self.status.say(format!(
            "{key} ({}) does nothing on the {screen} screen; {help} lists what does",
            action.hint()
        ));
    }

    pub(super) fn open_help(&mut self) {
        let screen = self.screen_kind();
        self.overlays.push(Overlay::Help {
            screen,
            scroll: Scroll::default(),
        });
    }

    fn update_screen(&mut self, action: Action) -> Reply {
        let ladder = Arc::clone(&self.ladder);
        match &mut self.screen {
            Screen::Ladder(_) | Screen::Catalogue(_) if action == Action::PickFamily => {
                self.open_family_picker()
            }
            Screen::Ladder(_) if matches!(action, Action::NextFamily | Action::PreviousFamily) => {
                self.switch_family(if action == Action::NextFamily { 1 } else { -1 })
            }
            Screen::Ladder(s) => update_level_screen(&ladder, s, true, action),
            Screen::Level(s) => update_level_screen(&ladder, s, false, action),
            Screen::Compare(_) => self.update_compare(action),
            Screen::Plan(_) => self.update_plan(action),
            Screen::Catalogue(s) => super::catalogue::update(&ladder, s, action),
            Screen::You(_) => self.update_you(action),
        }
    }

    /// The plan screen: the mouse is placed here, from where the last frame drew the panes;
    /// the rest is the plan state's. While a note is edited the mouse does nothing.
    fn update_plan(&mut self, action: Action) -> Reply {
        let ladder = Arc::clone(&self.ladder);
        let Screen::Plan(s) = &mut self.screen else {
            return Reply::Pass;
        };
        let action = match action {
            Action::Click(..) | Action::Wheel { .. } if s.is_editing() => {
                return Reply::Done;
            }
            Action::Click(column, row) => {
                s.click(&self.plan, &ladder, Position::new(column, row));
                return Reply::Done;
            }
            Action::Wheel { column, row, up } => {
                if !s.focus_at(&self.plan, Position::new(column, row)) {
                    return Reply::Done;
                }
                if up { Action::Up } else { Action::Down }
            }
            other => other,
        };
        match s.update(&mut self.plan, &ladder, action) {
            Outcome::Stay => Reply::Done,
            Outcome::Pass => Reply::Pass,
            Outcome::Back => Reply::Back,
        }
    }

    fn update_compare(&mut self, action: Action) -> Reply {
        let Some((a, b)) = self.compare_screen().map(|c| (c.a, c.b)) else {
            return Reply::Pass;
        };
        let count = self.comparison().map_or(0, |c| c.skills.len());
        // First what needs the whole app; then what moves within the screen.
        match action {
            Action::Back => return Reply::Back,
            Action::SwapSides => {
                self.show_pair(b, a);
                return Reply::Done;
            }
            Action::ARungUp => return self.step_side(Side::A, 1),
            Action::ARungDown => return self.step_side(Side::A, -1),
            Action::BRungUp => return self.step_side(Side::B, 1),
            Action::BRungDown => return self.step_side(Side::B, -1),
            Action::OpenA | Action::OpenB => {
                let index = if action == Action::OpenA { a } else { b };
                return Reply::Push(Box::new(Screen::Level(LevelScreen::new(
                    index,
                    Focus::Page,
                ))));
            }
            Action::Compare => {
                self.open_picker(PickPurpose::CompareWith);
                return Reply::Done;
            }
            _ => {}
        }
        let clicked_skill = match action {
            Action::Click(column, row) => self
                .compare_screen()
                .and_then(|c| c.skills.row_at(Position::new(column, row)))
                .and_then(|row| self.compare_skill_at_row(row)),
            _ => None,
        };
        let Screen::Compare(c) = &mut self.screen else {
            return Reply::Pass;
        };
        let page = isize::try_from(match c.pane {
            ComparePane::Page => c.page.page(),
            ComparePane::Skills => c.skills.page(),
        })
        .unwrap_or(1);
        let moved = match (action, c.pane) {
            (
                Action::PreviousPane | Action::NextPane | Action::FocusNext | Action::FocusPrevious,
                pane,
            ) => {
                c.pane = match pane {
                    ComparePane::Page => ComparePane::Skills,
                    ComparePane::Skills => ComparePane::Page,
                };
                true
            }
            (Action::Up, ComparePane::Page) => c.page.scroll_by(-1),
            (Action::Down, ComparePane::Page) => c.page.scroll_by(1),
            (Action::PageUp, ComparePane::Page) => c.page.scroll_by(-page),
            (Action::PageDown, ComparePane::Page) => c.page.scroll_by(page),
            (Action::Top, ComparePane::Page) => c.page.to_top(),
            (Action::Bottom, ComparePane::Page) => c.page.to_bottom(),
            (Action::Up, ComparePane::Skills) => step(&mut c.cursor, -1, count),
            (Action::Down, ComparePane::Skills) => step(&mut c.cursor, 1, count),
            (Action::PageUp, ComparePane::Skills) => step(&mut c.cursor, -page, count),
            (Action::PageDown, ComparePane::Skills) => step(&mut c.cursor, page, count),
            (Action::Top, ComparePane::Skills) => step(&mut c.cursor, isize::MIN, count),
            (Action::Bottom, ComparePane::Skills) => step(&mut c.cursor, isize::MAX, count),
            (Action::Click(column, row), _) => {
                let at = Position::new(column, row);
                if let Some(index) = clicked_skill {
                    c.pane = ComparePane::Skills;
                    c.cursor = index;
                } else if c.skills.contains(at) {
                    c.pane = ComparePane::Skills;
                } else if c.page.contains(at) {
                    c.pane = ComparePane::Page;
                }
                return Reply::Done;
            }
            (Action::Wheel { column, row, up }, _) => {
                let at = Position::new(column, row);
                let delta = if up { -1 } else { 1 };
                if c.page.contains(at) {
                    c.pane = ComparePane::Page;
                    c.page.scroll_by(delta * WHEEL_LINES);
                } else if c.skills.contains(at) {
                    c.pane = ComparePane::Skills;
                    step(&mut c.cursor, delta, count);
                }
                return Reply::Done;
            }
            _ => return Reply::Pass,
        };
        moved_or_stuck(moved, action)
    }

    /// You against a level: the screen's own keys, then the app's.
    fn update_you(&mut self, action: Action) -> Reply {
        use super::you_screen::{YouOutcome, rows, update};
        let Some(level) = self.screen.you_level() else {
            return Reply::Pass;
        };
        let Some(rows) = self
            .ladder
            .levels()
            .get(level)
            .map(|l| rows(l, &self.you()))
        else {
            return Reply::Pass;
        };
        let Screen::You(y) = &mut self.screen else {
            return Reply::Pass;
        };
        match update(&rows, y, action) {
            YouOutcome::Moved(moved) => moved_or_stuck(moved, action),
            YouOutcome::Open(skill) => Reply::ShowSkill { level, skill },
            YouOutcome::AddGaps => {
                self.add_gaps(level);
                Reply::Done
            }
            YouOutcome::Back => Reply::Back,
            YouOutcome::Pass => Reply::Pass,
        }
    }

    /// The skill (index into the comparison's rows) on a row of the compare skills list.
    fn compare_skill_at_row(&self, row: usize) -> Option<usize> {
        let comparison = self.comparison()?;
        super::view::compare::skill_of_row(&comparison, row)
    }

    /// Moves one side of the comparison a rung up (`step` 1) or down (-1) its own track; at
    /// the end of the track nothing changes and the status line says so.
    fn step_side(&mut self, side: Side, step: isize) -> Reply {
        let Some((a, b)) = self.compare_screen().map(|c| (c.a, c.b)) else {
            return Reply::Pass;
        };
        let current = if side == Side::A { a } else { b };
        let Some(level) = self.ladder.levels().get(current) else {
            return Reply::Pass;
        };
        let next = self
            .ladder
            .neighbour(&level.id, step)
            .and_then(|level| self.ladder.level_index(&level.id));
        match next {
            Some(next) => {
                match side {
                    Side::A => self.show_pair(next, b),
                    Side::B => self.show_pair(a, next),
                }
                Reply::Done
            }
            None => Reply::Stuck(format!(
                "{} is the {} rung of its track",
                crate::text::clean(&level.title, false),
                if step > 0 { "top" } else { "first" }
            )),
        }
    }

    fn update_overlay(&mut self, action: Action) {
        let Some(top) = self.overlays.last_mut() else {
            return;
        };
        match top {
            Overlay::Rating(_) => self.update_rating(action),
            Overlay::Search | Overlay::Picker { .. } => self.update_finder(action),
            Overlay::Families(picker) => {
                use super::family_picker::Picked;
                match picker.update(&self.ladder, action) {
                    Picked::Stay => {}
                    Picked::Close => {
                        self.overlays.pop();
                    }
                    Picked::Family(family) => {
                        self.overlays.pop();
                        self.show_family(family);
                    }
                    Picked::Unused => self.say_nothing_happens(action),
                }
            }
            Overlay::Help { scroll, .. } | Overlay::Messages { scroll } => {
                if scroll_text(scroll, action) {
                    return;
                }
                match action {
                    Action::Help | Action::Back | Action::Messages => {
                        self.overlays.pop();
                    }
                    // Search and the picker open in place of the help.
                    Action::Search | Action::GoToLevel => {
                        self.overlays.pop();
                        if action == Action::Search {
                            self.open_search();
                        } else {
                            self.open_picker(PickPurpose::GoTo);
                        }
                    }
                    _ => self.say_nothing_happens(action),
                }
            }
            Overlay::Skill {
                level,
                skill,
                scroll,
            } => {
                if scroll_text(scroll, action) {
                    return;
                }
                match action {
                    Action::Back | Action::Open => {
                        self.overlays.pop();
                    }
                    Action::Bookmark => {
                        let (skill, level) = (skill.clone(), *level);
                        if let Some(level) = self.ladder.levels().get(level) {
                            let id = level.id.clone();
                            self.plan.toggle(&self.ladder, &skill, &id);
                        }
                    }
                    Action::Help => self.open_help(),
                    Action::Rate => {
                        let (skill, level) = (skill.clone(), *level);
                        self.open_rating_of(&skill, level);
                    }
                    _ => self.say_nothing_happens(action),
                }
            }
        }
    }

    /// Whether keys should go to a text field first (printable keys type): the search or
    /// picker overlay's query, or a plan note being edited. The loop turns editing keys into
    /// [`Action::Edit`] while this holds.
    pub fn takes_text(&self) -> bool {
        self.overlays.last().is_some_and(Overlay::takes_text) || self.is_editing_note()
    }

    /// Opens the search overlay over the current screen, which stays as it is underneath.
    pub fn open_search(&mut self) {
        self.finder.open(&self.ladder, FinderMode::Search, None);
        self.overlays.push(Overlay::Search);
    }

    /// Opens the level picker with its cursor on what Enter should pick: the compare
    /// screen's B, the plan's target (or the rung above the level in view), the level in view.
    /// When a level is chosen, [`App::level_picked`] gets its id with `purpose`; a picker
    /// closed without a choice changes nothing.
    pub fn open_picker(&mut self, purpose: PickPurpose) {
        let preferred = match purpose {
            PickPurpose::CompareWith => self.compare_screen().map(|c| c.b),
            PickPurpose::Target => self
                .plan
                .target()
                .and_then(|id| self.ladder.level_index(id))
                .or_else(|| {
                    let level = self.level()?;
                    let above = self.ladder.neighbour(&level.id, 1).unwrap_or(level);
                    self.ladder.level_index(&above.id)
                }),
            PickPurpose::GoTo => self.level().and_then(|l| self.ladder.level_index(&l.id)),
        };
        self.finder
            .open(&self.ladder, FinderMode::Levels, preferred);
        // Comparing, "You" (your ratings as side A) is offered first once there are ratings.
        self.finder.you_row = purpose == PickPurpose::CompareWith && self.you().has_ratings();
        self.overlays.push(Overlay::Picker { purpose });
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
        self.overlays.iter().any(Overlay::takes_text) && self.finder.pending()
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
            PickPurpose::GoTo => self.push(Screen::Level(LevelScreen::new(index, Focus::Page))),
            PickPurpose::Target => self.set_plan_target(level_id),
            PickPurpose::CompareWith => {
                self.set_compare_side(Side::B, level_id);
            }
        }
    }

    fn update_finder(&mut self, action: Action) {
        let page = isize::try_from(self.finder.list.page()).unwrap_or(1).max(1);
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
                let rows = self.finder.rows().len() + self.finder.offset();
                match self.finder.list.row_at(Position::new(column, row)) {
                    Some(index) if index == self.finder.selected => self.choose(),
                    Some(index) if index < rows => self.finder.selected = index,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn close_finder(&mut self) {
        // A picker closed without a choice leaves the screen as it was (when comparing, B
        // stays the rung above).
        self.overlays.pop();
        self.finder.close();
    }

    /// Acts on the selected result: jumps to it (search) or hands its level over (picker).
    fn choose(&mut self) {
        self.finder.choose_when_ready = false;
        if self.finder.you_chosen() {
            self.overlays.pop();
            self.finder.close();
            if let Some(b) = self.compare_screen().map(|c| c.b) {
                self.open_you_against(b);
            }
            return;
        }
        let Some(entry) = self.finder.chosen() else {
            return;
        };
        let overlay = self.overlays.pop();
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
    /// the page brought to the entry's line (placed when the page is next drawn).
    pub fn jump_to(&mut self, entry: &Entry) {
        if let Some(skill) = self.catalogue_skill_of(entry) {
            self.overlays.clear();
            self.open_catalogue(Some(&skill));
            return;
        }
        let Some(level) = self.ladder.levels().get(entry.level) else {
            return;
        };
        let mut screen = LevelScreen::new(entry.level, Focus::Page);
        match entry.kind {
            EntryKind::Skill | EntryKind::SkillDescription => {
                let id = level.skills.get(entry.item).map(|r| r.skill.as_str());
                if let Some(cursor) =
                    id.and_then(|id| skill_ids(&self.ladder, level).iter().position(|s| *s == id))
                {
                    screen.focus = Focus::Skills;
                    screen.skill = cursor;
                }
            }
            kind => screen.anchor.set(Some((kind, entry.item))),
        }
        self.overlays.clear();
        self.push(Screen::Level(screen));
    }
}

impl App {
    /// The skill a search entry opens the catalogue at: a skill no level expects, the first
    /// skill of a category, and (when searching from the catalogue) any hit on a skill, so
    /// search there moves the catalogue's cursor rather than leaving for a level.
    fn catalogue_skill_of(&self, entry: &Entry) -> Option<String> {
        let on_catalogue = matches!(self.screen, Screen::Catalogue(_));
        match entry.kind {
            EntryKind::Skill | EntryKind::SkillDescription | EntryKind::Expectation
                if on_catalogue =>
            {
                let level = self.ladder.levels().get(entry.level)?;
                Some(level.skills.get(entry.item)?.skill.clone())
            }
            EntryKind::CatalogueSkill => self.ladder.skills().get(entry.item).map(|s| s.id.clone()),
            EntryKind::Category => {
                let level = self.ladder.levels().get(entry.level)?;
                let reference = level.skills.get(entry.item)?;
                let category = &self.ladder.skill(&reference.skill)?.category;
                // The category's first skill in the catalogue, so its heading shows above.
                self.ladder
                    .skills()
                    .iter()
                    .find(|s| s.category == *category)
                    .map(|s| s.id.clone())
            }
            _ => None,
        }
    }

    /// Opens the family picker over the home screen or the catalogue, its cursor on the
    /// family on show.
    fn open_family_picker(&mut self) -> Reply {
        if !super::family::switches(&self.ladder) {
            return Reply::Stuck(super::catalogue::one_family(&self.ladder));
        }
        let shown = match &self.screen {
            Screen::Catalogue(c) => c.family,
            _ => self
                .level()
                .and_then(|l| super::family::of_level(&self.ladder, l)),
        };
        self.overlays
            .push(Overlay::Families(super::family_picker::FamilyPicker::new(
                shown,
            )));
        Reply::Done
    }

    /// Shows `family` on the screen on show: the home screen selects a level of it (the
    /// equivalent of the one selected, or the nearest rank), the catalogue lists its skills.
    fn show_family(&mut self, family: usize) {
        let ladder = Arc::clone(&self.ladder);
        match &mut self.screen {
            Screen::Catalogue(c) if c.family != Some(family) => {
                *c = super::screens::CatalogueScreen::new(Some(family));
            }
            Screen::Ladder(s) => {
                let Some(level) = ladder.levels().get(s.level) else {
                    return;
                };
                if super::family::of_level(&ladder, level) == Some(family) {
                    return;
                }
                match super::family::landing_level(&ladder, family, level) {
                    Some(index) => {
                        s.select(index);
                    }
                    None => self.status.say(format!(
                        "{} has no levels",
                        super::family::label(&ladder, family)
                    )),
                }
            }
            _ => {}
        }
    }

    /// Shows the next (`step` 1) or previous (-1) job family on the home screen: the level
    /// selected is its equivalent there, or the nearest rank.
    fn switch_family(&mut self, step: isize) -> Reply {
        let ladder = Arc::clone(&self.ladder);
        let Screen::Ladder(s) = &mut self.screen else {
            return Reply::Pass;
        };
        let Some(level) = ladder.levels().get(s.level) else {
            return Reply::Pass;
        };
        let Some(next) = super::family::of_level(&ladder, level)
            .and_then(|f| super::family::step(&ladder, f, step))
        else {
            return Reply::Stuck(super::catalogue::one_family(&ladder));
        };
        match super::family::landing_level(&ladder, next, level) {
            Some(index) => {
                s.select(index);
                Reply::Done
            }
            None => Reply::Stuck(format!(
                "{} has no levels",
                super::family::label(&ladder, next)
            )),
        }
    }
}

/// Scrolls an overlay's text for the keys and wheel that scroll; `false` for any other action.
fn scroll_text(scroll: &mut Scroll, action: Action) -> bool {
    let page = isize::try_from(scroll.page()).unwrap_or(1);
    match action {
        Action::Up => scroll.scroll_by(-1),
        Action::Down => scroll.scroll_by(1),
        Action::Wheel { up, .. } => scroll.scroll_by(if up { -WHEEL_LINES } else { WHEEL_LINES }),
        Action::PageUp => scroll.scroll_by(-page),
        Action::PageDown => scroll.scroll_by(page),
        Action::Top => scroll.to_top(),
        Action::Bottom => scroll.to_bottom(),
        _ => return false,
    };
    true
}

/// Done when the action moved something; else stuck, with the status line saying why.
pub(super) fn moved_or_stuck(moved: bool, action: Action) -> Reply {
    if moved {
        Reply::Done
    } else {
        Reply::Stuck(stuck_reason(action))
    }
}

/// Why a movement did nothing: the status line's words.
fn stuck_reason(action: Action) -> String {
    match action {
        Action::Up | Action::PageUp | Action::Top => "already at the top".to_owned(),
        Action::Down | Action::PageDown | Action::Bottom => "already at the end".to_owned(),
        other => format!("{}: nothing to do here", other.hint()),
    }
}

/// The home screen (`home`) and the level screen: the ladder (home only), the level's page
/// and its skills.
fn update_level_screen(ladder: &Ladder, s: &mut LevelScreen, home: bool, action: Action) -> Reply {
    let Some(level) = ladder.levels().get(s.level) else {
        return Reply::Pass;
    };
    let skills = skill_ids(ladder, level).len();
    let panes = s.panes.get();
    let page_rows = isize::try_from(s.page.page()).unwrap_or(1);
    let list_rows = isize::try_from(s.skills.page()).unwrap_or(1);
    let focus_order: &[Focus] = if home {
        &[Focus::Ladder, Focus::Page, Focus::Skills]
    } else {
        &[Focus::Page, Focus::Skills]
    };
    let moved = match (action, s.focus) {
        (Action::Back, Focus::Ladder) => return Reply::Pass,
        (Action::Back, _) if home => {
            s.focus = Focus::Ladder;
            true
        }
        (Action::Back, _) => return Reply::Back,
        (Action::FocusNext | Action::FocusPrevious, focus) => {
            let at = focus_order.iter().position(|f| *f == focus).unwrap_or(0);
            let n = focus_order.len();
            let next = if action == Action::FocusNext {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            s.focus = focus_order[next];
            true
        }
        // The ladder: rungs up and down, tracks left and right.
        (Action::Up, Focus::Ladder) => return climb(ladder, s, 1),
        (Action::Down, Focus::Ladder) => return climb(ladder, s, -1),
        (Action::Top, Focus::Ladder) => return climb(ladder, s, isize::MAX),
        (Action::Bottom, Focus::Ladder) => return climb(ladder, s, isize::MIN),
        (Action::PreviousPane, Focus::Ladder) => return move_track(ladder, s, -1),
        (Action::NextPane, Focus::Ladder) => return move_track(ladder, s, 1),
        // With the ladder focused, PgUp and PgDn read on through the level's page.
        (Action::PageUp, Focus::Ladder | Focus::Page) => s.page.scroll_by(-page_rows),
        (Action::PageDown, Focus::Ladder | Focus::Page) => s.page.scroll_by(page_rows),
        (Action::Open, Focus::Ladder | Focus::Page) if home => {
            let mut screen = LevelScreen::new(s.level, Focus::Page);
            screen.page.set_first(s.page.first());
            screen.skill = s.skill;
            return Reply::Push(Box::new(Screen::Level(screen)));
        }
        (Action::PreviousPane, Focus::Page) if home => {
            s.focus = Focus::Ladder;
            true
        }
        (Action::PreviousPane | Action::NextPane, Focus::Page) => {
            s.focus = Focus::Skills;
            true
        }
        (Action::PreviousPane, Focus::Skills) => {
            s.focus = Focus::Page;
            true
        }
        (Action::NextPane, Focus::Skills) if home => {
            return Reply::Stuck("no pane further right".to_owned());
        }
        (Action::NextPane, Focus::Skills) => {
            s.focus = Focus::Page;
            true
        }
        (Action::Up, Focus::Page) => s.page.scroll_by(-1),
        (Action::Down, Focus::Page) => s.page.scroll_by(1),
        (Action::Top, Focus::Page) => s.page.to_top(),
        (Action::Bottom, Focus::Page) => s.page.to_bottom(),
        (Action::Up, Focus::Skills) => step(&mut s.skill, -1, skills),
        (Action::Down, Focus::Skills) => step(&mut s.skill, 1, skills),
        (Action::PageUp, Focus::Skills) => step(&mut s.skill, -list_rows, skills),
        (Action::PageDown, Focus::Skills) => step(&mut s.skill, list_rows, skills),
        (Action::Top, Focus::Skills) => step(&mut s.skill, isize::MIN, skills),
        (Action::Bottom, Focus::Skills) => step(&mut s.skill, isize::MAX, skills),
        (Action::Open, Focus::Skills) => {
            let Some(id) = skill_ids(ladder, level)
                .get(s.skill)
                .map(|id| id.to_string())
            else {
                return Reply::Stuck("this level lists no skills".to_owned());
            };
            return Reply::ShowSkill {
                level: s.level,
                skill: id,
            };
        }
        (Action::Compare, _) => return Reply::Pass,
        (Action::Click(column, row), _) => {
            return click_level(ladder, s, home, Position::new(column, row));
        }
        (Action::Wheel { column, row, up }, _) => {
            let at = Position::new(column, row);
            let delta = if up { -1 } else { 1 };
            if panes.ladder.is_some_and(|r| r.contains(at)) {
                // The wheel over the ladder climbs as ↑↓ do: up the wheel, up the ladder.
                climb(ladder, s, -delta);
            } else if s.page.contains(at) {
                s.page.scroll_by(delta * WHEEL_LINES);
            } else if s.skills.contains(at) {
                step(&mut s.skill, delta, skills);
            }
            return Reply::Done;
        }
        _ => return Reply::Pass,
    };
    moved_or_stuck(moved, action)
}

/// A click on a level screen: a rung selects it (again: opens it, as Enter does), a pane
/// takes the focus, a skill takes the cursor.
fn click_level(ladder: &Ladder, s: &mut LevelScreen, home: bool, at: Position) -> Reply {
    if let Some(level) = s.rung_at(at) {
        s.focus = Focus::Ladder;
        if !s.select(level) && home {
            let mut screen = LevelScreen::new(s.level, Focus::Page);
            screen.page.set_first(s.page.first());
            return Reply::Push(Box::new(Screen::Level(screen)));
        }
        return Reply::Done;
    }
    let panes = s.panes.get();
    if let Some(row) = s.skills.row_at(at) {
        s.focus = Focus::Skills;
        if let Some(level) = ladder.levels().get(s.level) {
            let rows = skill_rows(ladder, level);
            if matches!(rows.get(row), Some(SkillRow::Skill { .. })) {
                s.skill = rows[..row]
                    .iter()
                    .filter(|r| matches!(r, SkillRow::Skill { .. }))
                    .count();
            }
        }
    } else if panes.skills.is_some_and(|r| r.contains(at)) {
        s.focus = Focus::Skills;
    } else if panes.page.is_some_and(|r| r.contains(at)) {
        s.focus = Focus::Page;
    } else if panes.ladder.is_some_and(|r| r.contains(at)) {
        s.focus = Focus::Ladder;
    }
    Reply::Done
}

/// Moves the selected level `steps` rungs up (negative: down) its track, stopping at the ends.
fn climb(ladder: &Ladder, s: &mut LevelScreen, steps: isize) -> Reply {
    let Some(level) = ladder.levels().get(s.level) else {
        return Reply::Pass;
    };
    let Some(track) = ladder.track_index(&level.track) else {
        return Reply::Pass;
    };
    let rungs = ladder.levels_of_track(track);
    let Some(position) = rungs.iter().position(|l| l.id == level.id) else {
        return Reply::Pass;
    };
    let target = position
        .saturating_add_signed(steps)
        .min(rungs.len().saturating_sub(1));
    let chosen = rungs.get(target).and_then(|l| ladder.level_index(&l.id));
    match chosen {
        Some(index) if index != s.level => {
            s.select(index);
            Reply::Done
        }
        _ => {
            let track_title = ladder
                .track(&level.track)
                .map_or(level.track.as_str(), |t| t.title.as_str());
            let end = if steps > 0 { "top" } else { "first" };
            Reply::Stuck(
                crate::text::clean(
                    &format!("already at the {end} rung of {track_title}"),
                    false,
                )
                .into_owned(),
            )
        }
    }
}

/// Moves to the neighbouring track: to an equivalent level if there is one, else the level of
/// the nearest rank.
fn move_track(ladder: &Ladder, s: &mut LevelScreen, step: isize) -> Reply {
    let Some(level) = ladder.levels().get(s.level) else {
        return Reply::Pass;
    };
    let Some(track) = ladder.track_index(&level.track) else {
        return Reply::Pass;
    };
    // Within the job family on show: another family's tracks are a family key away.
    let shown = super::family::shown_tracks(ladder, level);
    let column = shown.iter().position(|&t| t == track).unwrap_or(0);
    let Some(&target) = column.checked_add_signed(step).and_then(|c| shown.get(c)) else {
        let side = if step < 0 { "left" } else { "right" };
        return Reply::Stuck(format!("no track further {side}"));
    };
    let candidates = ladder.levels_of_track(target);
    let equivalents = ladder.equivalents_of(&level.id);
    let chosen = candidates
        .iter()
        .filter(|l| equivalents.iter().any(|e| e.id == l.id))
        .min_by_key(|l| l.rank.abs_diff(level.rank))
        .or_else(|| {
            candidates
                .iter()
                .min_by_key(|l| l.rank.abs_diff(level.rank))
        });
    match chosen.and_then(|l| ladder.level_index(&l.id)) {
        Some(index) => {
            s.select(index);
            Reply::Done
        }
        None => Reply::Stuck("that track has no levels".to_owned()),
    }
}
