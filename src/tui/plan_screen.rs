//! The development plan inside the explorer, in two parts:
//!
//! - [`PlanState`]: the plan itself — the store it saves through, why its file could not be
//!   read, the last message about saving. `App` holds one; bookmarking from every screen uses it.
//! - [`PlanScreen`]: the plan screen's own state — which pane has the keys, the cursors and
//!   scroll positions, the text being typed, an open check-in. `Screen::Plan` owns it, so a
//!   screen opened from the plan and closed with Esc finds it exactly as it was left.
//!
//! Drawing is in `view::plan`.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::{Position, Rect};
use toml::value::Datetime;

use super::action::Action;
use super::screens::Drawn;
pub use super::status::Message;
use super::widgets::scroll::{Scroll, step};
use super::widgets::text_input::TextInput;
use crate::ladder::Ladder;
use crate::plan::{
    Edit, Evidence, EvidenceOwner, Plan, PlanError, PlanItem, PlanStore, Saved, Status, day_number,
    new_item, read_checkin_file, target_progress, today,
};
use crate::text::clean;

/// The panes of the plan screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPane {
    /// The bookmarked skills, grouped by status.
    Items,
    /// The selected item's evidence, and its skill rating's.
    Evidence,
    /// The target level's skills not yet in the plan.
    Missing,
    /// Someone else's ratings beside yours (when a check-in file is open).
    Checkin,
}

/// A single-line text input for an item's note, with the item it belongs to. Keys reach it as
/// [`Action::Edit`], like the search field's.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub skill: String,
    pub level: String,
    pub input: TextInput,
    /// The note as it was put in the input, to tell whether anything was typed.
    original: String,
}

impl NoteEditor {
    fn new(item: &PlanItem) -> NoteEditor {
        // The input is one line: a note with line breaks is shown (and, if edited, saved)
        // with spaces for them. Untouched, the note stays exactly as stored.
        let original = clean(&item.note, false).into_owned();
        NoteEditor {
            skill: item.skill.clone(),
            level: item.level.clone(),
            input: TextInput::new(&original),
            original,
        }
    }
}

/// Two fields for a piece of evidence: its text and an optional link. Tab moves between them.
#[derive(Debug, Clone)]
pub struct EvidenceEditor {
    pub owner: EvidenceOwner,
    /// The entry being edited; `None` when adding one.
    pub old: Option<Evidence>,
    pub text: TextInput,
    pub link: TextInput,
    /// Whether the link field has the keys.
    pub on_link: bool,
    /// The text and link as they were put in the fields (one line, control characters shown
    /// escaped), to tell whether anything was typed: an entry opened and left as it was is
    /// never rewritten with the single-line form.
    shown: (String, String),
}

impl EvidenceEditor {
    /// Whether the fields still hold what they were opened with.
    fn untouched(&self) -> bool {
        self.text.value() == self.shown.0 && self.link.value() == self.shown.1
    }

    fn input_mut(&mut self) -> &mut TextInput {
        if self.on_link {
            &mut self.link
        } else {
            &mut self.text
        }
    }
}

/// What is being typed on the plan screen.
#[derive(Debug, Clone)]
pub enum Editor {
    Note(NoteEditor),
    Evidence(EvidenceEditor),
    /// The path of a check-in file to open.
    CheckinPath(TextInput),
}

impl PartialEq for Editor {
    /// The same editor holding the same text (the cursor inside a field does not count).
    fn eq(&self, other: &Editor) -> bool {
        match (self, other) {
            (Editor::Note(a), Editor::Note(b)) => {
                (&a.skill, &a.level, a.input.value()) == (&b.skill, &b.level, b.input.value())
            }
            (Editor::Evidence(a), Editor::Evidence(b)) => {
                (&a.owner, &a.old, a.text.value(), a.link.value(), a.on_link)
                    == (&b.owner, &b.old, b.text.value(), b.link.value(), b.on_link)
            }
            (Editor::CheckinPath(a), Editor::CheckinPath(b)) => a.value() == b.value(),
            _ => false,
        }
    }
}

impl Eq for Editor {}

/// Text typed on the plan screen and not saved, for a draft file.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsaved {
    /// What it is: `note`, `piece of evidence`.
    pub what: &'static str,
    /// The command that puts it in the plan.
    pub put_back: &'static str,
    pub fields: toml::Table,
}

/// A check-in file opened on the plan screen: someone else's ratings, read once, never
/// written.
#[derive(Debug, Clone)]
pub struct CheckinFile {
    pub path: PathBuf,
    pub theirs: Arc<Plan>,
}

impl PartialEq for CheckinFile {
    fn eq(&self, other: &CheckinFile) -> bool {
        self.path == other.path && Arc::ptr_eq(&self.theirs, &other.theirs)
    }
}

impl Eq for CheckinFile {}

impl CheckinFile {
    /// The file's name for titles and messages, control characters escaped.
    pub fn name(&self) -> String {
        crate::text::escape_control(&self.path.display().to_string()).into_owned()
    }
}

/// Everything the explorer knows about the plan itself.
#[derive(Debug, Clone)]
pub struct PlanState {
    /// `None` when there is no plan file to use (no home folder, or an app built without one).
    store: Option<PlanStore>,
    /// Why the plan file could not be read (file, line, column): the plan is read-only.
    pub load_error: Option<String>,
    /// What the last change did, or why it failed: the app moves it to the status line.
    pub message: Option<Message>,
    /// The date new evidence gets and the progress chart ends on; `None`: today (tests fix it).
    date: Option<Datetime>,
}

/// What the plan screen asks of the app after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Not the plan screen's action: the app's global commands may take it.
    Pass,
    /// Leave the plan screen.
    Back,
}

impl PlanState {
    /// No plan file: bookmarking says why it cannot save.
    pub fn without_store(reason: Option<String>) -> PlanState {
        PlanState {
            store: None,
            load_error: reason.clone(),
            message: reason.map(|text| Message {
                text: first_line(&text),
                is_error: true,
            }),
            date: None,
        }
    }

    /// A plan store, and the error it was opened with if the file could not be read as a plan
    /// (the store is then read-only).
    pub fn with_store(store: PlanStore, error: Option<&PlanError>) -> PlanState {
        let mut state = PlanState::without_store(error.map(ToString::to_string));
        state.store = Some(store);
        if let Some(message) = &mut state.message {
            message.text = format!("plan opened read-only: {}", message.text);
        }
        state
    }

    /// Fixes the date taken as today (for tests and screenshots that must not change daily).
    pub fn on_date(mut self, date: Datetime) -> PlanState {
        self.date = Some(date);
        self
    }

    /// Today, or the date fixed with [`PlanState::on_date`].
    pub fn today(&self) -> Datetime {
        self.date.unwrap_or_else(today)
    }

    pub fn plan(&self) -> Option<&Plan> {
        self.store.as_ref().map(PlanStore::plan)
    }

    pub fn is_read_only(&self) -> bool {
        self.store.as_ref().is_none_or(PlanStore::is_read_only)
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.store.as_ref().map(PlanStore::path)
    }

    /// Whether the skill is bookmarked at this level.
    pub fn is_bookmarked(&self, skill: &str, level: &str) -> bool {
        self.plan().is_some_and(|p| p.contains(skill, level))
    }

    /// Whether the skill is in the plan at all, from whichever level.
    pub fn has_skill(&self, skill: &str) -> bool {
        self.plan().is_some_and(|p| p.has_skill(skill))
    }

    /// The items in the order the plan screen lists them: grouped by status, file order
    /// within a group.
    pub fn items(&self) -> Vec<&PlanItem> {
        let Some(plan) = self.plan() else {
            return Vec::new();
        };
        Status::ALL
            .iter()
            .flat_map(|&status| plan.with_status(status))
            .collect()
    }

    /// The target level's skills not yet in the plan, in the level's order.
    pub fn missing(&self, ladder: &Ladder) -> Vec<String> {
        self.plan()
            .and_then(|plan| target_progress(plan, ladder))
            .map(|p| p.missing_skills().map(|s| s.skill.clone()).collect())
            .unwrap_or_default()
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    fn complain_text(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    fn complain(&mut self, error: &PlanError) {
        let text = match error {
            PlanError::ReadOnly { .. } => format!(
                "the plan is read-only, nothing was saved: {}",
                first_line(
                    self.load_error
                        .as_deref()
                        .unwrap_or("its file has problems")
                )
            ),
            other => format!("not saved: {}", first_line(&other.to_string())),
        };
        self.complain_text(text);
    }

    /// Applies an edit through the store and says what happened; `done` describes the change.
    pub(super) fn apply(&mut self, edit: &Edit, done: &str) -> bool {
        self.apply_all(std::slice::from_ref(edit), done)
    }

    /// Applies edits as one change (one undo takes them all back) and says what happened.
    pub(super) fn apply_all(&mut self, edits: &[Edit], done: &str) -> bool {
        let Some(store) = self.store.as_mut() else {
            self.complain_text(
                "no plan file to save to: give one with --plan FILE or RUNGS_PLAN".into(),
            );
            return false;
        };
        match store.apply_all(edits) {
            Ok(saved) => {
                self.report(saved, done);
                saved.changed
            }
            Err(error) => {
                self.complain(&error);
                false
            }
        }
    }

    fn report(&mut self, saved: Saved, done: &str) {
        if saved.reloaded {
            self.say(format!(
                "{done} — the plan had changed on disk: reloaded, and this change made on top"
            ));
        } else {
            self.say(done);
        }
    }

    /// Bookmarks `skill` at `level`, or removes it if it is there.
    pub fn toggle(&mut self, ladder: &Ladder, skill: &str, level: &str) {
        let Some(plan) = self.plan() else {
            self.apply(&Edit::Add(new_item(ladder, skill, level)), "");
            return;
        };
        let edit = Edit::toggle(plan, new_item(ladder, skill, level));
        let name = ladder
            .skill(skill)
            .map_or_else(|| skill.to_owned(), |s| s.name.clone());
        let title = ladder
            .level(level)
            .map_or_else(|| level.to_owned(), |l| l.title.clone());
        let done = if edit.removes() {
            format!("removed {name} ({title}) from the plan; undo brings it back")
        } else {
            format!("★ bookmarked {name} ({title})")
        };
        self.apply(&edit, &clean(&done, false));
    }

    /// Takes back the last change made in this session.
    pub fn undo(&mut self) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let result = store.undo();
        match result {
            Ok(Some(saved)) => self.report(saved, "undone"),
            Ok(None) => self.say("nothing to undo"),
            Err(error) => self.complain(&error),
        }
    }

    /// Sets the target level (`None` clears it).
    pub fn set_target(&mut self, ladder: &Ladder, level_id: Option<&str>) {
        let title = level_id
            .and_then(|id| ladder.level(id))
            .map(|l| l.title.clone());
        let done = match (&title, level_id) {
            (Some(title), _) => format!("target: {}", clean(title, false)),
            (None, Some(id)) => format!("target: {}", clean(id, false)),
            (None, None) => "target cleared".to_owned(),
        };
        let edit = Edit::SetTarget {
            target: level_id.map(str::to_owned),
            title,
        };
        self.apply(&edit, &done);
    }

    /// Sets the current level, where the person is (`None` clears it).
    pub fn set_current(&mut self, ladder: &Ladder, level_id: Option<&str>) {
        let title = level_id
            .and_then(|id| ladder.level(id))
            .map(|l| l.title.clone());
        let done = match (&title, level_id) {
            (Some(title), _) => format!("current level: {}", clean(title, false)),
            (None, Some(id)) => format!("current level: {}", clean(id, false)),
            (None, None) => "current level cleared".to_owned(),
        };
        let edit = Edit::SetCurrent {
            current: level_id.map(str::to_owned),
            title,
        };
        self.apply(&edit, &done);
    }

    /// Grows with every change to the plan in memory (see [`PlanStore::revision`]).
    pub fn revision(&self) -> u64 {
        self.store.as_ref().map_or(0, PlanStore::revision)
    }

    /// The plan's current level, if it has one.
    pub fn current(&self) -> Option<&str> {
        self.plan()?.current.as_deref()
    }

    pub fn target(&self) -> Option<&str> {
        self.plan()?.target.as_deref()
    }

    /// Reads the file again if it changed on disk (when the plan screen opens).
    pub fn reload(&mut self) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        match store.reload() {
            Ok(true) => {
                self.load_error = None;
                self.say("the plan had changed on disk: reloaded");
            }
            Ok(false) => {}
            Err(error) => {
                if !store.is_read_only() {
                    self.complain(&error);
                }
            }
        }
    }
}

/// A row of the evidence pane: whose evidence (with how many entries), or one entry.
#[derive(Debug, Clone, PartialEq)]
pub enum EvidenceRow<'a> {
    Owner(EvidenceOwner, usize),
    Entry(EvidenceOwner, &'a Evidence),
}

impl EvidenceRow<'_> {
    pub fn owner(&self) -> &EvidenceOwner {
        match self {
            EvidenceRow::Owner(owner, _) | EvidenceRow::Entry(owner, _) => owner,
        }
    }
}

/// An owner's evidence, newest first: by date, and of one date the later in the file first.
pub fn newest_first(list: &[Evidence]) -> Vec<&Evidence> {
    let mut entries: Vec<&Evidence> = list.iter().rev().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(day_number(&e.date)));
    entries
}

/// The evidence pane's rows for an item: the item's own evidence, then (when the skill is
/// rated) the rating's, each under a heading, newest first.
pub fn evidence_rows<'a>(plan: &'a Plan, item: &PlanItem) -> Vec<EvidenceRow<'a>> {
    let mut rows = Vec::new();
    let mut owners = vec![EvidenceOwner::Item {
        skill: item.skill.clone(),
        level: item.level.clone(),
    }];
    if plan.rating(&item.skill).is_some() {
        owners.push(EvidenceOwner::Rating {
            skill: item.skill.clone(),
        });
    }
    for owner in owners {
        let list = plan.evidence_of(&owner).unwrap_or_default();
        rows.push(EvidenceRow::Owner(owner.clone(), list.len()));
        rows.extend(
            newest_first(list)
                .into_iter()
                .map(|e| EvidenceRow::Entry(owner.clone(), e)),
        );
    }
    rows
}

/// What the weekly progress depends on: the plan as it stands (the store's revision grows with
/// every edit, undo and reload), its target and the day taken as today.
#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyKey {
    revision: u64,
    target: Option<String>,
    today: Datetime,
}

impl WeeklyKey {
    pub fn of(plan: &PlanState) -> WeeklyKey {
        WeeklyKey {
            revision: plan.revision(),
            target: plan.target().map(str::to_owned),
            today: plan.today(),
        }
    }
}

/// Where the plan screen's panes were drawn in the last frame; `None` when not on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanPanes {
    pub items: Option<Rect>,
    pub evidence: Option<Rect>,
    /// The target (or, when one is open, the check-in).
    pub side: Option<Rect>,
}

/// The plan screen's own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanScreen {
    pub pane: PlanPane,
    /// Index into [`PlanState::items`].
    pub item_cursor: usize,
    /// Index into the target's missing skills.
    pub missing_cursor: usize,
    /// Index into [`evidence_rows`] of the selected item.
    pub evidence_cursor: usize,
    /// Index into the check-in's rows.
    pub checkin_cursor: usize,
    pub editor: Option<Editor>,
    pub checkin: Option<CheckinFile>,
    /// The lists as the last frame drew them.
    pub items_list: Scroll,
    pub missing_list: Scroll,
    pub evidence_list: Scroll,
    pub checkin_list: Scroll,
    pub panes: Drawn<PlanPanes>,
    /// The weekly progress as last computed, with what it was computed from: rebuilding it
    /// walks the whole log, too much for every frame.
    pub weekly: Drawn<Option<(WeeklyKey, Vec<crate::plan::WeekPoint>)>>,
    /// For each line of the evidence list as last drawn, the row it belongs to (an entry
    /// takes several lines); `usize::MAX` for a line of no row.
    pub evidence_lines: Drawn<Vec<usize>>,
}

impl Default for PlanScreen {
    fn default() -> PlanScreen {
        PlanScreen {
            pane: PlanPane::Items,
            item_cursor: 0,
            missing_cursor: 0,
            evidence_cursor: 0,
            checkin_cursor: 0,
            editor: None,
            checkin: None,
            items_list: Scroll::default(),
            missing_list: Scroll::default(),
            evidence_list: Scroll::default(),
            checkin_list: Scroll::default(),
            panes: Drawn::default(),
            evidence_lines: Drawn::default(),
            weekly: Drawn::default(),
        }
    }
}

impl PlanScreen {
    pub fn selected_item<'a>(&self, plan: &'a PlanState) -> Option<&'a PlanItem> {
        plan.items().get(self.item_cursor).copied()
    }

    /// The evidence pane's rows for the selected item.
    pub fn evidence_rows<'a>(&self, plan: &'a PlanState) -> Vec<EvidenceRow<'a>> {
        match (plan.plan(), self.selected_item(plan)) {
            (Some(p), Some(item)) => evidence_rows(p, item),
            _ => Vec::new(),
        }
    }

    /// The (skill, level) under the cursor: an item (from the items or evidence pane), or a
    /// missing skill of the target at the target level.
    pub fn selected_skill(&self, plan: &PlanState, ladder: &Ladder) -> Option<(String, String)> {
        match self.pane {
            PlanPane::Items | PlanPane::Evidence => self
                .selected_item(plan)
                .map(|i| (i.skill.clone(), i.level.clone())),
            PlanPane::Missing => {
                let target = plan.target()?.to_owned();
                let skill = plan.missing(ladder).into_iter().nth(self.missing_cursor)?;
                Some((skill, target))
            }
            PlanPane::Checkin => None,
        }
    }

    /// The (skill, level) of the item under the cursor.
    pub fn selected_key(&self, plan: &PlanState) -> Option<(String, String)> {
        self.selected_item(plan)
            .map(|i| (i.skill.clone(), i.level.clone()))
    }

    /// Puts the cursor back on an item after the list was regrouped, if it is still there.
    pub fn keep_cursor_on(&mut self, plan: &PlanState, key: Option<(String, String)>) {
        let Some((skill, level)) = key else {
            return;
        };
        if let Some(index) = plan.items().iter().position(|i| i.is(&skill, &level)) {
            self.item_cursor = index;
        }
    }

    pub fn is_editing(&self) -> bool {
        self.editor.is_some()
    }

    /// What is being typed and not saved (a note or evidence), as the fields of a draft file
    /// and what it is, for a signal that must not lose it.
    pub fn unsaved(&self) -> Option<Unsaved> {
        let mut fields = toml::Table::new();
        match &self.editor {
            Some(Editor::Note(e)) if e.input.value() != e.original => {
                fields.insert("skill".into(), e.skill.clone().into());
                fields.insert("level".into(), e.level.clone().into());
                fields.insert("note".into(), e.input.value().into());
                Some(Unsaved {
                    what: "note",
                    put_back: "rungs plan note SKILL NOTE --level LEVEL",
                    fields,
                })
            }
            Some(Editor::Evidence(e)) => {
                let (text, link) = (e.text.value(), e.link.value());
                if e.untouched() {
                    return None;
                }
                fields.insert("skill".into(), e.owner.skill().into());
                if let Some(level) = e.owner.level() {
                    fields.insert("level".into(), level.into());
                }
                fields.insert("text".into(), text.into());
                if !link.is_empty() {
                    fields.insert("link".into(), link.into());
                }
                Some(Unsaved {
                    what: "piece of evidence",
                    put_back: "rungs plan evidence SKILL TEXT [--link URL] [--level LEVEL]",
                    fields,
                })
            }
            _ => None,
        }
    }

    /// The panes Tab moves through, in order: the items, their evidence, then the check-in
    /// when one is open, else the target's missing skills when there is a target.
    fn focus_order(&self, plan: &PlanState) -> Vec<PlanPane> {
        let mut order = vec![PlanPane::Items, PlanPane::Evidence];
        if self.checkin.is_some() {
            order.push(PlanPane::Checkin);
        } else if plan.target().is_some() {
            order.push(PlanPane::Missing);
        }
        order
    }

    /// The plan screen's own actions. Bookmark, undo and target are the app's (they work on
    /// every screen). While something is typed, only editing, Tab (the evidence's other field),
    /// Open (save) and Back (cancel) count. PgUp and PgDn move by the rows of the focused list
    /// the last frame showed.
    pub fn update(&mut self, plan: &mut PlanState, ladder: &Ladder, action: Action) -> Outcome {
        if self.editor.is_some() {
            self.update_editor(plan, ladder, action);
            return Outcome::Stay;
        }
        let item_before = self.selected_key(plan);
        let count = match self.pane {
            PlanPane::Items => plan.items().len(),
            PlanPane::Missing => plan.missing(ladder).len(),
            PlanPane::Evidence => self.evidence_rows(plan).len(),
            PlanPane::Checkin => self.checkin_rows(plan, ladder).len(),
        };
        let (cursor, list) = match self.pane {
            PlanPane::Items => (&mut self.item_cursor, &self.items_list),
            PlanPane::Missing => (&mut self.missing_cursor, &self.missing_list),
            PlanPane::Evidence => (&mut self.evidence_cursor, &self.evidence_list),
            PlanPane::Checkin => (&mut self.checkin_cursor, &self.checkin_list),
        };
        let page = isize::try_from(list.page()).unwrap_or(1).max(1);
        let moved = match action {
            Action::Back if self.pane == PlanPane::Checkin => {
                self.checkin = None;
                self.pane = PlanPane::Items;
                plan.say("check-in closed; neither file was changed");
                return Outcome::Stay;
            }
            Action::Back => return Outcome::Back,
            Action::Up => step(cursor, -1, count),
            Action::Down => step(cursor, 1, count),
            Action::PageUp => step(cursor, -page, count),
            Action::PageDown => step(cursor, page, count),
            Action::Top => step(cursor, isize::MIN, count),
            Action::Bottom => step(cursor, isize::MAX, count),
            _ => true,
        };
        if !moved {
            let end = if matches!(action, Action::Up | Action::PageUp | Action::Top) {
                "already at the top"
            } else {
                "already at the end"
            };
            plan.say(end);
            return Outcome::Stay;
        }
        match (action, self.pane) {
            (
                Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom,
                _,
            ) => {}
            (
                Action::PreviousPane | Action::NextPane | Action::FocusNext | Action::FocusPrevious,
                pane,
            ) => {
                let order = self.focus_order(plan);
                let at = order.iter().position(|p| *p == pane).unwrap_or(0);
                let forward = matches!(action, Action::NextPane | Action::FocusNext);
                let next = if forward {
                    (at + 1) % order.len()
                } else {
                    (at + order.len() - 1) % order.len()
                };
                self.pane = order[next];
            }
            (Action::CycleStatus, PlanPane::Items | PlanPane::Evidence) => {
                self.cycle_status(plan);
            }
            (Action::Remove, PlanPane::Items) => {
                if let Some((skill, level)) = self.selected_key(plan) {
                    plan.toggle(ladder, &skill, &level);
                }
            }
            (Action::Remove, PlanPane::Evidence) => self.remove_evidence(plan),
            (Action::EditNote | Action::Open, PlanPane::Items) => self.start_note(plan),
            (Action::EditNote | Action::Open, PlanPane::Evidence) => {
                self.start_evidence(plan, true)
            }
            (Action::AddEvidence, PlanPane::Items | PlanPane::Evidence) => {
                self.start_evidence(plan, false);
            }
            (Action::Open, PlanPane::Missing) => {
                if let Some((skill, level)) = self.selected_skill(plan, ladder) {
                    plan.toggle(ladder, &skill, &level);
                }
            }
            (Action::Checkin, _) => self.start_checkin_path(),
            _ => return Outcome::Pass,
        }
        self.clamp(plan, ladder);
        if self.selected_key(plan) != item_before {
            // Another item: its evidence starts at the top.
            self.evidence_cursor = 0;
        }
        Outcome::Stay
    }

    fn update_editor(&mut self, plan: &mut PlanState, ladder: &Ladder, action: Action) {
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        match (action, editor) {
            (Action::Edit(edit), Editor::Note(e)) => {
                e.input.apply(edit);
            }
            (Action::Edit(edit), Editor::Evidence(e)) => {
                e.input_mut().apply(edit);
            }
            (Action::Edit(edit), Editor::CheckinPath(input)) => {
                input.apply(edit);
            }
            (
                Action::FocusNext | Action::FocusPrevious | Action::Up | Action::Down,
                Editor::Evidence(e),
            ) => e.on_link = !e.on_link,
            (Action::Open, Editor::Note(_)) => self.save_note(plan),
            (Action::Open, Editor::Evidence(_)) => self.save_evidence(plan),
            (Action::Open, Editor::CheckinPath(_)) => self.open_checkin(plan, ladder),
            (Action::Back, editor) => {
                plan.say(match editor {
                    Editor::Note(_) => "note not changed",
                    Editor::Evidence(_) => "evidence not changed",
                    Editor::CheckinPath(_) if self.checkin.is_some() => {
                        "the check-in open stays as it was"
                    }
                    Editor::CheckinPath(_) => "no check-in opened",
                });
                self.editor = None;
            }
            _ => {}
        }
        self.clamp(plan, ladder);
    }

    /// Saves the note being edited (Enter).
    fn save_note(&mut self, plan: &mut PlanState) {
        let Some(Editor::Note(editor)) = self.editor.take() else {
            return;
        };
        if editor.input.value() == editor.original {
            plan.say("note unchanged");
            return;
        }
        let edit = Edit::SetNote {
            skill: editor.skill.clone(),
            level: editor.level.clone(),
            note: editor.input.value().to_owned(),
        };
        if !plan.apply(&edit, "note saved") && plan.message.as_ref().is_some_and(|m| m.is_error) {
            // Keep what was typed: the person can try again or copy it.
            self.editor = Some(Editor::Note(editor));
        }
    }

    /// Saves the evidence being typed (Enter): added, or the entry edited in place. Text is
    /// needed; an empty link is no link.
    fn save_evidence(&mut self, plan: &mut PlanState) {
        let Some(Editor::Evidence(editor)) = self.editor.take() else {
            return;
        };
        if editor.old.is_some() && editor.untouched() {
            plan.say("evidence unchanged");
            return;
        }
        let text = editor.text.value().trim().to_owned();
        if text.is_empty() {
            plan.complain_text("evidence needs a few words of text: nothing saved".into());
            self.editor = Some(Editor::Evidence(editor));
            return;
        }
        let link = Some(editor.link.value().trim().to_owned()).filter(|l| !l.is_empty());
        let (edit, done) = match &editor.old {
            Some(old) => {
                let new = Evidence {
                    date: old.date,
                    text,
                    link,
                };
                if new == *old {
                    plan.say("evidence unchanged");
                    return;
                }
                (
                    Edit::ReplaceEvidence {
                        owner: editor.owner.clone(),
                        old: old.clone(),
                        new: new.clone(),
                    },
                    (new, "evidence edited"),
                )
            }
            None => {
                let new = Evidence {
                    date: plan.today(),
                    text,
                    link,
                };
                (
                    Edit::AddEvidence {
                        owner: editor.owner.clone(),
                        evidence: new.clone(),
                    },
                    (new, "evidence added"),
                )
            }
        };
        let (new, words) = done;
        if plan.apply(&edit, words) {
            // The cursor goes to the entry, wherever its date put it.
            let owner = editor.owner.clone();
            if let Some(row) = self
                .evidence_rows(plan)
                .iter()
                .position(|r| matches!(r, EvidenceRow::Entry(o, e) if *o == owner && **e == new))
            {
                self.evidence_cursor = row;
            }
            self.pane = PlanPane::Evidence;
        } else if plan.message.as_ref().is_some_and(|m| m.is_error) {
            self.editor = Some(Editor::Evidence(editor));
        } else {
            plan.say("the same evidence is already there: nothing added");
        }
    }

    fn remove_evidence(&mut self, plan: &mut PlanState) {
        let rows = self.evidence_rows(plan);
        let Some(EvidenceRow::Entry(owner, evidence)) = rows.get(self.evidence_cursor) else {
            plan.say("put the cursor on a piece of evidence to remove it");
            return;
        };
        let edit = Edit::RemoveEvidence {
            owner: owner.clone(),
            evidence: (*evidence).clone(),
        };
        plan.apply(&edit, "evidence removed; undo brings it back");
    }

    fn start_note(&mut self, plan: &mut PlanState) {
        if plan.is_read_only() {
            plan.complain(&PlanError::ReadOnly {
                path: PathBuf::default(),
            });
            return;
        }
        self.editor = self
            .selected_item(plan)
            .map(|item| Editor::Note(NoteEditor::new(item)));
    }

    /// Opens the evidence fields: for the entry under the cursor (`edit`), or a new entry
    /// for the owner under the cursor (the item, from the items pane).
    fn start_evidence(&mut self, plan: &mut PlanState, edit: bool) {
        if plan.is_read_only() {
            plan.complain(&PlanError::ReadOnly {
                path: PathBuf::default(),
            });
            return;
        }
        let rows = self.evidence_rows(plan);
        let under_cursor = match self.pane {
            PlanPane::Evidence => rows.get(self.evidence_cursor),
            _ => rows.first(),
        };
        let Some(row) = under_cursor else {
            plan.say("no item selected: bookmark a skill first");
            return;
        };
        let editor = match (edit, row) {
            (true, EvidenceRow::Entry(owner, evidence)) => {
                let text = clean(&evidence.text, false).into_owned();
                let link = clean(evidence.link.as_deref().unwrap_or(""), false).into_owned();
                EvidenceEditor {
                    owner: owner.clone(),
                    old: Some((*evidence).clone()),
                    text: TextInput::new(&text),
                    link: TextInput::new(&link),
                    on_link: false,
                    shown: (text, link),
                }
            }
            (true, EvidenceRow::Owner(..)) => {
                plan.say("put the cursor on a piece of evidence to edit it");
                return;
            }
            (false, row) => EvidenceEditor {
                owner: row.owner().clone(),
                old: None,
                text: TextInput::default(),
                link: TextInput::default(),
                on_link: false,
                shown: (String::new(), String::new()),
            },
        };
        self.pane = PlanPane::Evidence;
        self.editor = Some(Editor::Evidence(editor));
    }

    fn start_checkin_path(&mut self) {
        let last = self
            .checkin
            .as_ref()
            .map(|c| c.path.display().to_string())
            .unwrap_or_default();
        self.editor = Some(Editor::CheckinPath(TextInput::new(&last)));
    }

    /// Opens the check-in file typed (Enter). A file that cannot be read says where and why
    /// on the status line, and the path stays to be corrected. Nothing is written.
    fn open_checkin(&mut self, plan: &mut PlanState, ladder: &Ladder) {
        let Some(Editor::CheckinPath(input)) = self.editor.take() else {
            return;
        };
        let typed = input.value().trim();
        // `~/` as a shell reads it: the path is typed here, not passed through a shell.
        let path = match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
            _ => PathBuf::from(typed),
        };
        if path.as_os_str().is_empty() {
            plan.complain_text("type the path of their plan file".into());
            self.editor = Some(Editor::CheckinPath(input));
            return;
        }
        match read_checkin_file(&path) {
            Ok(theirs) => {
                self.show_checkin(plan, ladder, path, theirs);
            }
            Err(error) => {
                plan.complain_text(format!(
                    "check-in not opened, nothing was written: {}",
                    first_line(&error.to_string())
                ));
                self.editor = Some(Editor::CheckinPath(input));
            }
        }
    }

    /// Shows a check-in already read, with the focus on it.
    pub fn show_checkin(
        &mut self,
        plan: &mut PlanState,
        ladder: &Ladder,
        path: PathBuf,
        theirs: Plan,
    ) {
        self.checkin = Some(CheckinFile {
            path,
            theirs: Arc::new(theirs),
        });
        self.pane = PlanPane::Checkin;
        self.checkin_cursor = 0;
        let disagreements = self
            .checkin_rows(plan, ladder)
            .iter()
            .filter(|r| r.disagrees())
            .count();
        plan.say(format!(
            "check-in: {} of a step or more; neither file is changed",
            crate::present::count(disagreements, "disagreement")
        ));
    }

    /// The check-in's rows, disagreements first (empty when none is open).
    pub fn checkin_rows(&self, plan: &PlanState, ladder: &Ladder) -> Vec<crate::plan::CheckinRow> {
        let (Some(file), Some(mine)) = (&self.checkin, plan.plan()) else {
            return Vec::new();
        };
        let scale = crate::plan::RatingScale::of(ladder);
        crate::plan::checkin(mine, &file.theirs, ladder, &scale).rows
    }

    /// Focuses the pane drawn at a terminal cell in the last frame; `false` when none was.
    pub fn focus_at(&mut self, plan: &PlanState, at: Position) -> bool {
        let panes = self.panes.get();
        let inside = |area: Option<Rect>| area.is_some_and(|a| a.contains(at));
        if inside(panes.items) {
            self.pane = PlanPane::Items;
        } else if inside(panes.evidence) {
            self.pane = PlanPane::Evidence;
        } else if inside(panes.side) && self.checkin.is_some() {
            self.pane = PlanPane::Checkin;
        } else if inside(panes.side) && plan.target().is_some() {
            self.pane = PlanPane::Missing;
        } else {
            return false;
        }
        true
    }

    /// A click: the pane under it takes the focus and the row under it the cursor, as the
    /// last frame drew them.
    pub fn click(&mut self, plan: &PlanState, ladder: &Ladder, at: Position) {
        if !self.focus_at(plan, at) {
            return;
        }
        if let Some(row) = self.items_list.row_at(at) {
            if let Some(index) = item_of_row(&plan.items(), row) {
                if index != self.item_cursor {
                    self.evidence_cursor = 0;
                }
                self.item_cursor = index;
            }
        } else if let Some(row) = self.missing_list.row_at(at)
            && row < plan.missing(ladder).len()
        {
            self.missing_cursor = row;
        } else if let Some(line) = self.evidence_list.row_at(at)
            && let Some(row) = self.evidence_lines.with(|lines| lines.get(line).copied())
            && row < self.evidence_rows(plan).len()
        {
            self.evidence_cursor = row;
        } else if let Some(row) = self.checkin_list.row_at(at)
            && row < self.checkin_rows(plan, ladder).len()
        {
            self.checkin_cursor = row;
        }
    }

    fn cycle_status(&mut self, plan: &mut PlanState) {
        let Some(item) = self.selected_item(plan) else {
            return;
        };
        let (skill, level, status) = (item.skill.clone(), item.level.clone(), item.status.next());
        let edit = Edit::SetStatus {
            skill: skill.clone(),
            level: level.clone(),
            status,
        };
        plan.apply(&edit, &format!("status: {status}"));
        // The item moves to its new group: keep the cursor on it.
        self.keep_cursor_on(plan, Some((skill, level)));
    }

    /// Keeps cursors on rows that exist, and the focus on a pane that is there.
    pub fn clamp(&mut self, plan: &PlanState, ladder: &Ladder) {
        self.item_cursor = self.item_cursor.min(plan.items().len().saturating_sub(1));
        self.missing_cursor = self
            .missing_cursor
            .min(plan.missing(ladder).len().saturating_sub(1));
        self.evidence_cursor = self
            .evidence_cursor
            .min(self.evidence_rows(plan).len().saturating_sub(1));
        if self.checkin.is_some() {
            self.checkin_cursor = self
                .checkin_cursor
                .min(self.checkin_rows(plan, ladder).len().saturating_sub(1));
        }
        if !self.focus_order(plan).contains(&self.pane) {
            self.pane = PlanPane::Items;
        }
    }
}

/// A row of the items list: a status heading, or an item (index into `PlanState::items`).
pub enum ItemRow<'a> {
    Heading(Status, usize),
    Item(usize, &'a PlanItem),
}

/// The items list's rows: each status as a heading with its items under it.
pub fn item_rows<'a>(items: &[&'a PlanItem]) -> Vec<ItemRow<'a>> {
    let mut rows = Vec::new();
    for status in Status::ALL {
        let count = items.iter().filter(|i| i.status == status).count();
        rows.push(ItemRow::Heading(status, count));
        rows.extend(
            items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.status == status)
                .map(|(index, item)| ItemRow::Item(index, item)),
        );
    }
    rows
}

/// The item on a row of the items list; headings are `None`.
fn item_of_row(items: &[&PlanItem], row: usize) -> Option<usize> {
    match item_rows(items).get(row)? {
        ItemRow::Item(index, _) => Some(*index),
        ItemRow::Heading(..) => None,
    }
}

fn first_line(text: &str) -> String {
    let mut lines = text.lines();
    let first = clean(lines.next().unwrap_or(""), false).into_owned();
    let more = lines.count();
    if more > 0 {
        format!("{first} (and {more} more)")
    } else {
        first
    }
}
