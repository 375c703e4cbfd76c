//! The compare screen with you as side A: the skills where your ratings fall short of a
//! level, largest gap first (the domain's `plan::gaps`, as `rungs compare me` prints them),
//! then the ones you meet. One key puts every gap in the plan.

use super::action::Action;
use super::widgets::scroll::{Scroll, step};
use super::you::YouFacts;
use crate::ladder::{Ladder, Level};
use crate::plan::{StepRank, gaps};

/// The screen's state: the level you are set against and the cursor in its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YouScreen {
    /// Index into `Ladder::levels`.
    pub level: usize,
    /// Index into [`rows`].
    pub cursor: usize,
    pub list: Scroll,
}

impl YouScreen {
    pub fn new(level: usize) -> YouScreen {
        YouScreen {
            level,
            cursor: 0,
            list: Scroll::default(),
        }
    }
}

/// One expectation of the level beside your step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YouRow {
    pub skill: String,
    /// The step the level asks.
    pub asks: StepRank,
    /// Your step (0: not rated).
    pub have: StepRank,
}

impl YouRow {
    pub fn is_gap(&self) -> bool {
        self.have < self.asks
    }
}

/// The level's expectations: the gaps largest first, in the order `plan::gaps` gives them,
/// then the ones you meet in the level's order.
pub fn rows(level: &Level, you: &YouFacts) -> Vec<YouRow> {
    let mut rows: Vec<YouRow> = gaps(level, &you.scale, &you.ratings)
        .iter()
        .map(|g| YouRow {
            skill: g.expectation.skill.clone(),
            asks: g.asks,
            have: g.have,
        })
        .collect();
    rows.extend(level.skills.iter().filter_map(|reference| {
        let asks = you.scale.expected(reference)?;
        let have = you.rating(&reference.skill).unwrap_or(0);
        (have >= asks).then(|| YouRow {
            skill: reference.skill.clone(),
            asks,
            have,
        })
    }));
    rows
}

/// What an action on the screen asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YouOutcome {
    /// Moved (`true`) or could not move (`false`).
    Moved(bool),
    /// Put every gap in the plan.
    AddGaps,
    /// Open the skill under the cursor.
    Open(String),
    Back,
    /// Not this screen's action.
    Pass,
}

/// The screen's own keys: moving, opening a skill, adding the gaps, going back.
pub fn update(rows: &[YouRow], s: &mut YouScreen, action: Action) -> YouOutcome {
    let count = rows.len();
    let page = isize::try_from(s.list.page()).unwrap_or(1).max(1);
    let moved = match action {
        Action::Up => step(&mut s.cursor, -1, count),
        Action::Down => step(&mut s.cursor, 1, count),
        Action::PageUp => step(&mut s.cursor, -page, count),
        Action::PageDown => step(&mut s.cursor, page, count),
        Action::Top => step(&mut s.cursor, isize::MIN, count),
        Action::Bottom => step(&mut s.cursor, isize::MAX, count),
        Action::Wheel { up, .. } => step(&mut s.cursor, if up { -1 } else { 1 }, count),
        Action::Click(column, row) => {
            if let Some(index) = s
                .list
                .row_at(ratatui::layout::Position::new(column, row))
                .filter(|i| *i < count)
            {
                s.cursor = index;
            }
            true
        }
        Action::Open => {
            return match rows.get(s.cursor) {
                Some(row) => YouOutcome::Open(row.skill.clone()),
                None => YouOutcome::Moved(false),
            };
        }
        Action::AddGaps => return YouOutcome::AddGaps,
        Action::Back => return YouOutcome::Back,
        _ => return YouOutcome::Pass,
    };
    YouOutcome::Moved(moved)
}

/// The skill under the cursor, with the level's id: what bookmarking and rating act on.
pub fn selected(ladder: &Ladder, you: &YouFacts, s: &YouScreen) -> Option<(String, String)> {
    let level = ladder.levels().get(s.level)?;
    let row = rows(level, you).into_iter().nth(s.cursor)?;
    Some((row.skill, level.id.clone()))
}
