//! The rating picker: an overlay listing the steps of the ladder's scale, each with what it
//! means for the skill, to set your own rating of a skill (or clear it). Enter sets the step
//! under the cursor, Esc leaves the rating as it was.

use super::action::Action;
use super::app::App;
use super::plan_screen::PlanState;
use super::screens::{Overlay, Screen};
use super::widgets::scroll::{Scroll, step};
use super::you_screen::YouScreen;
use crate::ladder::Ladder;
use crate::plan::{Edit, RatingScale, StepRank, gaps, new_item};
use crate::text::clean;

/// The picker's state: which skill, at which level it was opened (for the step that level
/// expects), and the row under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingPicker {
    pub skill: String,
    /// Index into `Ladder::levels` of the level the skill was chosen at.
    pub level: usize,
    /// The step the level expects of the skill (0: none).
    pub expected: StepRank,
    /// Your rating when the picker opened (0: not rated).
    pub current: StepRank,
    /// Row under the cursor: rows `0..steps` are the steps lowest first, row `steps` clears.
    pub cursor: usize,
    pub list: Scroll,
}

/// What Enter on a row of the picker asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingChoice {
    Step(StepRank),
    Clear,
}

impl RatingPicker {
    /// The picker for `skill`, its cursor on your rating; unrated, on the step the level
    /// expects (what a person most often compares with), else on the lowest step.
    pub fn new(
        skill: &str,
        level: usize,
        expected: StepRank,
        current: StepRank,
        scale: &RatingScale,
    ) -> RatingPicker {
        let steps = scale.steps().len();
        let start = if current > 0 { current } else { expected };
        let cursor = usize::from(start).saturating_sub(1).min(steps);
        RatingPicker {
            skill: skill.to_owned(),
            level,
            expected,
            current,
            cursor,
            list: Scroll::default(),
        }
    }

    /// Rows in the list: every step, then the row that clears the rating.
    pub fn rows(scale: &RatingScale) -> usize {
        scale.steps().len() + 1
    }

    /// What the row `row` stands for.
    pub fn choice_at(row: usize, scale: &RatingScale) -> RatingChoice {
        match StepRank::try_from(row + 1) {
            Ok(rank) if row < scale.steps().len() => RatingChoice::Step(rank),
            _ => RatingChoice::Clear,
        }
    }

    pub fn choice(&self, scale: &RatingScale) -> RatingChoice {
        RatingPicker::choice_at(self.cursor, scale)
    }
}

impl App {
    /// Opens the rating picker on the skill under the cursor of the focused skills list (or
    /// of the compare and you screens); elsewhere the status line says where it works.
    pub fn open_rating(&mut self) {
        let Some((skill, level_id)) = self.selected_skill_at_level() else {
            let key = self.key_label(Action::Rate);
            self.status.say(format!(
                "{key} rates the skill under the cursor of a skills list: go to one first"
            ));
            return;
        };
        // A plan item may name a skill or level this ladder does not have.
        let (Some(level), Some(_)) = (
            self.ladder.level_index(&level_id),
            self.ladder.skill(&skill),
        ) else {
            self.status
                .say("this item is not in the ladder in use: there is no scale to rate it on");
            return;
        };
        self.open_rating_of(&skill, level);
    }

    /// Opens the rating picker on `skill`, as expected at the level `level` (an index).
    pub fn open_rating_of(&mut self, skill: &str, level: usize) {
        if self.plan.is_read_only() {
            self.status.say(
                "the plan is read-only (see the messages): a rating could not be saved".to_owned(),
            );
            return;
        }
        let expected = self
            .ladder
            .levels()
            .get(level)
            .and_then(|l| l.proficiency_of(skill))
            .map_or(0, |p| p.value());
        let picker = {
            let you = self.you();
            let current = you.rating(skill).unwrap_or(0);
            RatingPicker::new(skill, level, expected, current, &you.scale)
        };
        self.overlays.push(Overlay::Rating(picker));
    }

    /// The rating picker's keys: move, Enter sets the step (or clears), Esc cancels.
    pub(super) fn update_rating(&mut self, action: Action) {
        let scale = self.you().scale.clone();
        let rows = RatingPicker::rows(&scale);
        let Some(Overlay::Rating(picker)) = self.overlays.last_mut() else {
            return;
        };
        let page = isize::try_from(picker.list.page()).unwrap_or(1).max(1);
        let moved = match action {
            Action::Up => step(&mut picker.cursor, -1, rows),
            Action::Down => step(&mut picker.cursor, 1, rows),
            Action::PageUp => step(&mut picker.cursor, -page, rows),
            Action::PageDown => step(&mut picker.cursor, page, rows),
            Action::Top => step(&mut picker.cursor, isize::MIN, rows),
            Action::Bottom => step(&mut picker.cursor, isize::MAX, rows),
            Action::Wheel { up, .. } => step(&mut picker.cursor, if up { -1 } else { 1 }, rows),
            Action::Click(column, row) => {
                let at = ratatui::layout::Position::new(column, row);
                match picker.list.row_at(at).filter(|r| *r < rows) {
                    // A second click on the row under the cursor chooses it, as Enter does.
                    Some(row) if row == picker.cursor => self.choose_rating(&scale),
                    Some(row) => picker.cursor = row,
                    None => {}
                }
                return;
            }
            Action::Open => {
                self.choose_rating(&scale);
                return;
            }
            Action::Back => {
                self.overlays.pop();
                self.status.say("rating left as it was".to_owned());
                return;
            }
            Action::Help => {
                self.open_help();
                return;
            }
            other => {
                self.say_nothing_happens(other);
                return;
            }
        };
        if !moved {
            let end = if matches!(action, Action::Up | Action::PageUp | Action::Top) {
                "already at the lowest step"
            } else {
                "already at the end"
            };
            self.status.say(end.to_owned());
        }
    }

    fn choose_rating(&mut self, scale: &RatingScale) {
        let Some(Overlay::Rating(picker)) = self.overlays.pop() else {
            return;
        };
        let choice = picker.choice(scale);
        self.plan
            .rate(&self.ladder, scale, &picker.skill, picker.current, choice);
        // You against a level orders its rows by gap, so a new rating moves the skill: the
        // cursor follows it, and the next key acts on the skill just rated.
        let ladder = std::sync::Arc::clone(&self.ladder);
        let row = match (&self.screen, ladder.levels()) {
            (Screen::You(y), levels) => levels.get(y.level).and_then(|level| {
                super::you_screen::rows(level, &self.you())
                    .iter()
                    .position(|r| r.skill == picker.skill)
            }),
            _ => None,
        };
        if let (Some(row), Screen::You(y)) = (row, &mut self.screen) {
            y.cursor = row;
        }
    }

    /// You against the level `level` (an index): your gaps there, largest first.
    pub fn open_you_against(&mut self, level: usize) {
        if self.ladder.levels().get(level).is_none() {
            return;
        }
        if !self.you().has_ratings() {
            let key = self.key_label(Action::Rate);
            self.status.say(format!(
                "you have rated no skill yet, so every expectation shows as a gap; {key} on a \
                 skill rates it"
            ));
        }
        self.push(Screen::You(YouScreen::new(level)));
    }

    /// Puts every gap of the level `level` (an index) in the plan, as one change for undo.
    pub fn add_gaps(&mut self, level: usize) {
        let ladder = std::sync::Arc::clone(&self.ladder);
        let Some(level) = ladder.levels().get(level) else {
            return;
        };
        let skills: Vec<String> = {
            let you = self.you();
            gaps(level, &you.scale, &you.ratings)
                .iter()
                .map(|g| g.expectation.skill.clone())
                .collect()
        };
        self.plan.add_gaps(&ladder, &level.id, &skills);
    }
}

impl PlanState {
    /// Sets (or clears) your rating of `skill`; `current` is the rank it had (0: none).
    pub fn rate(
        &mut self,
        ladder: &Ladder,
        scale: &RatingScale,
        skill: &str,
        current: StepRank,
        choice: RatingChoice,
    ) {
        let name = ladder.skill(skill).map(|s| s.name.clone());
        let shown = clean(name.as_deref().unwrap_or(skill), false).into_owned();
        let fallback = crate::plan::Plan::default();
        let plan = self.plan().unwrap_or(&fallback);
        match choice {
            RatingChoice::Step(rank) if rank == current => {
                self.message = Some(super::status::Message {
                    text: format!(
                        "{shown} is already rated {}: nothing changed",
                        shown_step(scale, rank)
                    ),
                    is_error: false,
                });
            }
            RatingChoice::Step(rank) => {
                let step = step_of(scale, rank);
                let edit = Edit::rate(plan, skill, name, &step, None, self.today());
                let done = format!(
                    "rated {shown}: {} {}",
                    shown_step(scale, rank),
                    crate::present::step_pips(rank, scale)
                );
                self.apply(&edit, &done);
            }
            RatingChoice::Clear if current == 0 => {
                self.message = Some(super::status::Message {
                    text: format!("{shown} was not rated: nothing to clear"),
                    is_error: false,
                });
            }
            RatingChoice::Clear => {
                let edit = Edit::SetRating {
                    skill: skill.to_owned(),
                    rating: None,
                };
                self.apply(
                    &edit,
                    &format!("rating of {shown} cleared; undo brings it back"),
                );
            }
        }
    }

    /// Puts `skills` in the plan at `level_id` (those not there already), as one change.
    pub fn add_gaps(&mut self, ladder: &Ladder, level_id: &str, skills: &[String]) {
        let title = ladder
            .level(level_id)
            .map_or(level_id, |l| l.title.as_str());
        let title = clean(title, false).into_owned();
        if skills.is_empty() {
            self.message = Some(super::status::Message {
                text: format!("no gaps: you meet every expectation of {title}"),
                is_error: false,
            });
            return;
        }
        let edits: Vec<Edit> = skills
            .iter()
            .filter(|skill| !self.is_bookmarked(skill, level_id))
            .map(|skill| Edit::Add(new_item(ladder, skill, level_id)))
            .collect();
        if edits.is_empty() {
            self.message = Some(super::status::Message {
                text: format!("every gap of {title} is already in the plan"),
                is_error: false,
            });
            return;
        }
        let count = edits.len();
        let already = skills.len() - count;
        let also = if already > 0 {
            format!(" ({already} already there)")
        } else {
            String::new()
        };
        let done = format!(
            "{} of {title} put in the plan{also}; undo takes {} out",
            crate::present::count(count, "gap"),
            if count == 1 { "it" } else { "them" }
        );
        self.apply_all(&edits, &done);
    }
}

/// The step's name on the scale, or its number.
fn step_of(scale: &RatingScale, rank: StepRank) -> String {
    scale
        .name(rank)
        .map_or_else(|| rank.to_string(), str::to_owned)
}

/// The step's name for a message: content text never drives the terminal.
fn shown_step(scale: &RatingScale, rank: StepRank) -> String {
    clean(&step_of(scale, rank), false).into_owned()
}
