//! Everything a person can ask the explorer to do. Keys and mouse events become an [`Action`];
//! [`crate::tui::app::App::update`] is the only place that acts on one.

use super::widgets::text_input::TextEdit;

/// A request from the keyboard or mouse. The keyable ones carry a config name and a one-line
/// description, which the help overlay and the footer hints show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PreviousPane,
    NextPane,
    /// Move the focus to the next pane (or back), whatever the arrows do on this screen.
    FocusNext,
    FocusPrevious,
    Open,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Back,
    Help,
    Search,
    GoToLevel,
    Quit,
    /// A change to the text field that is open (search, level picker or plan note): while one
    /// is open, editing keys become this instead of going through the keymap.
    Edit(TextEdit),
    /// Bookmark the skill under the cursor into the plan, or take it out again.
    Bookmark,
    /// Take back the last change to the plan.
    Undo,
    /// Open the plan screen.
    ShowPlan,
    /// Plan screen: next status (planned → in-progress → done → planned).
    CycleStatus,
    /// Plan screen: remove the item under the cursor.
    Remove,
    /// Plan screen: edit the note of the item under the cursor (in the evidence pane: the
    /// evidence under the cursor).
    EditNote,
    /// Plan screen: add evidence to the selected item (or to the rating under the cursor).
    AddEvidence,
    /// Plan screen: open someone else's plan file as a check-in.
    Checkin,
    /// Set the plan's target level, chosen in the level picker.
    SetTarget,
    /// Set the plan's current level (where you are) to the selected level.
    SetCurrent,
    /// Open the compare screen with the selected level as A.
    Compare,
    SwapSides,
    /// Step level A (or B) of the compare screen one rung up or down its track.
    ARungUp,
    ARungDown,
    BRungUp,
    BRungDown,
    /// Open level A (or B) of the compare screen.
    OpenA,
    OpenB,
    /// Show the last messages of the status line.
    Messages,
    /// Open the skill catalogue: every skill, by category, with its rubric and levels.
    Catalogue,
    /// Pick the job family to show from a list narrowed as you type.
    PickFamily,
    /// Show the next (or previous) job family, on a ladder that has more than one.
    NextFamily,
    PreviousFamily,
    /// Rate yourself on the skill under the cursor, on the ladder's scale.
    Rate,
    /// Compare you (your ratings) with the level in view.
    CompareYou,
    /// You against a level: put every gap in the plan.
    AddGaps,
    /// A mouse click at a terminal cell (column, row).
    Click(u16, u16),
    /// The mouse wheel turned over a cell: up (`true`) or down.
    Wheel {
        column: u16,
        row: u16,
        up: bool,
    },
    /// The terminal changed size (columns, rows).
    Resize(u16, u16),
    /// A key with no meaning on this screen: the status line says so.
    Unbound(super::keymap::KeyChord),
}

impl Action {
    /// The actions a key can be bound to, in the order the help overlay lists them.
    pub const KEYABLE: [Action; 42] = [
        Action::Up,
        Action::Down,
        Action::PreviousPane,
        Action::NextPane,
        Action::FocusNext,
        Action::FocusPrevious,
        Action::Open,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Back,
        Action::Bookmark,
        Action::ShowPlan,
        Action::CycleStatus,
        Action::EditNote,
        Action::Remove,
        Action::AddEvidence,
        Action::Checkin,
        Action::SetTarget,
        Action::SetCurrent,
        Action::Undo,
        Action::Help,
        Action::Search,
        Action::GoToLevel,
        Action::Quit,
        Action::Compare,
        Action::SwapSides,
        Action::ARungUp,
        Action::ARungDown,
        Action::BRungUp,
        Action::BRungDown,
        Action::OpenA,
        Action::OpenB,
        Action::Messages,
        Action::Catalogue,
        Action::PickFamily,
        Action::NextFamily,
        Action::PreviousFamily,
        Action::Rate,
        Action::CompareYou,
        Action::AddGaps,
    ];

    /// The name used for the action in keymap and config files.
    pub fn config_name(self) -> &'static str {
        match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::PreviousPane => "previous-pane",
            Action::NextPane => "next-pane",
            Action::FocusNext => "focus-next",
            Action::FocusPrevious => "focus-previous",
            Action::Open => "open",
            Action::PageUp => "page-up",
            Action::PageDown => "page-down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Back => "back",
            Action::Help => "help",
            Action::Search => "search",
            Action::GoToLevel => "go-to-level",
            Action::Quit => "quit",
            Action::Edit(_) => "edit",
            Action::Bookmark => "bookmark",
            Action::Undo => "undo",
            Action::ShowPlan => "plan",
            Action::CycleStatus => "status",
            Action::Remove => "remove",
            Action::EditNote => "edit-note",
            Action::AddEvidence => "add-evidence",
            Action::Checkin => "checkin",
            Action::SetTarget => "target",
            Action::SetCurrent => "current",
            Action::Compare => "compare",
            Action::SwapSides => "swap-sides",
            Action::ARungUp => "a-rung-up",
            Action::ARungDown => "a-rung-down",
            Action::BRungUp => "b-rung-up",
            Action::BRungDown => "b-rung-down",
            Action::OpenA => "open-a",
            Action::OpenB => "open-b",
            Action::Messages => "messages",
            Action::Catalogue => "catalogue",
            Action::PickFamily => "family",
            Action::NextFamily => "next-family",
            Action::PreviousFamily => "previous-family",
            Action::Rate => "rate",
            Action::CompareYou => "compare-you",
            Action::AddGaps => "add-gaps",
            Action::Click(..) => "click",
            Action::Wheel { .. } => "wheel",
            Action::Resize(..) => "resize",
            Action::Unbound(_) => "unbound",
        }
    }

    /// What the action does, in one line, for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Up => "move up: the rung above, the previous skill, or scroll up",
            Action::Down => "move down: the rung below, the next skill, or scroll down",
            Action::PreviousPane => "go to the pane (or track) on the left",
            Action::NextPane => "go to the pane (or track) on the right",
            Action::FocusNext => "move the focus to the next pane",
            Action::FocusPrevious => "move the focus to the previous pane",
            Action::Open => "open the selected level, or the skill under the cursor",
            Action::PageUp => "scroll up a page",
            Action::PageDown => "scroll down a page",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::Back => "close the overlay, or go back where you came from",
            Action::Help => "show or hide this help",
            Action::Search => "search everything: titles, skills, duties, advice",
            Action::GoToLevel => "open a level by its title or an example job title",
            Action::Quit => "quit rungs",
            Action::Edit(_) => "edit the text being typed (search, picker, note)",
            Action::Bookmark => "bookmark the skill under the cursor (again: take it out)",
            Action::Undo => "undo the last change to your plan",
            Action::ShowPlan => "show your development plan",
            Action::CycleStatus => "plan: next status (planned, in progress, done)",
            Action::Remove => "plan: remove the item, or the evidence, under the cursor",
            Action::EditNote => {
                "plan: edit the note, or the evidence under the cursor (Enter saves, Esc cancels)"
            }
            Action::AddEvidence => {
                "plan: add evidence, dated today, with an optional link (Tab: the link field)"
            }
            Action::Checkin => {
                "plan: open someone else's ratings of you (a plan file) beside yours"
            }
            Action::SetTarget => "set your plan's target level: pick it by name",
            Action::SetCurrent => "set your plan's current level (where you are) to this one",
            Action::Compare => "compare the selected level (A) with one you pick (B)",
            Action::SwapSides => "compare: exchange the sides, A and B",
            Action::ARungUp => "compare: move A one rung up its track",
            Action::ARungDown => "compare: move A one rung down its track",
            Action::BRungUp => "compare: move B one rung up its track",
            Action::BRungDown => "compare: move B one rung down its track",
            Action::OpenA => "compare: open level A",
            Action::OpenB => "compare: open level B",
            Action::Messages => "show the last messages",
            Action::Catalogue => "open the skill catalogue: every skill, its rubric and levels",
            Action::PickFamily => "pick the job family to show (type to narrow the list)",
            Action::NextFamily => "show the next job family",
            Action::PreviousFamily => "show the previous job family",
            Action::Rate => "rate yourself on the skill under the cursor (the ladder's scale)",
            Action::CompareYou => "compare you (your ratings) with this level: your gaps first",
            Action::AddGaps => "you against a level: put every gap in your plan",
            Action::Click(..) => "select what is under the mouse",
            Action::Wheel { .. } => "scroll the pane under the mouse",
            Action::Resize(..) => "fit the new terminal size",
            Action::Unbound(_) => "a key with no meaning here",
        }
    }

    /// A word or two for the footer hints: the config name, unless a shorter word or one
    /// shared by a pair reads better.
    pub fn hint(self) -> &'static str {
        match self {
            Action::Up | Action::Down => "move",
            Action::PreviousPane | Action::NextPane => "pane",
            Action::FocusNext | Action::FocusPrevious => "focus",
            Action::PageUp | Action::PageDown => "page",
            Action::EditNote => "note",
            Action::AddEvidence => "evidence",
            Action::Checkin => "check-in",
            Action::SwapSides => "swap",
            Action::ARungUp | Action::ARungDown | Action::BRungUp | Action::BRungDown => "step A/B",
            Action::OpenA | Action::OpenB => "open",
            Action::NextFamily | Action::PreviousFamily => "next/previous family",
            Action::CompareYou => "you vs this",
            Action::Click(..) | Action::Wheel { .. } | Action::Resize(..) | Action::Unbound(_) => {
                ""
            }
            other => other.config_name(),
        }
    }

    pub fn from_config_name(name: &str) -> Option<Action> {
        Action::KEYABLE
            .into_iter()
            .find(|a| a.config_name() == name)
    }
}
