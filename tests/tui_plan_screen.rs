//! The plan screen's own state, evidence, weekly progress and check-in: keys in, the plan
//! FILE checked on disk, and the screen drawn. Every plan lives in a temporary folder.

mod common;

use common::{buffer, on_disk, press, press_keys, text};

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;
use rungs::plan::{EvidenceOwner, Plan};
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::open_plan;
use rungs::tui::plan_screen::{Editor, PlanPane};
use rungs::tui::screens::ScreenKind;
use rungs::tui::widgets::text_input::TextEdit;

/// The day the explorer takes as today in these tests.
const TODAY: &str = "2026-03-02";

/// A plan aiming at director: three items, ratings changed over six weeks (so the weekly
/// chart has a history), evidence on an item and on a rating, one entry with control
/// characters and one too long for a pane.
const PLAN: &str = r#"version = 2
current = "senior-manager"
target = "director"

[[items]]
skill = "budgeting"
level = "director"
status = "in-progress"
note = "own the Q3 budget"
added = 2026-01-05

[[items.evidence]]
date = 2026-01-20
text = "Drafted the department budget with finance"
link = "https://example.com/budget-2026"

[[items.evidence]]
date = 2026-02-16
text = "Presented the budget to the leadership team and answered every question about headcount, tooling and the contingency line, which took most of an afternoon and a follow-up session the week after"

[[items]]
skill = "communication"
level = "director"
added = 2026-01-05

[[items]]
skill = "strategic-thinking"
level = "director"
status = "done"
added = 2026-01-05

[[ratings]]
skill = "budgeting"
step = "advanced"
date = 2026-02-16

[[ratings.evidence]]
date = 2026-02-10
text = "Ran the planning offsite \u001b[31m(red)"

[[ratings]]
skill = "communication"
step = "advanced"
date = 2026-01-12

[[ratings]]
skill = "strategic-thinking"
step = "working"
date = 2026-02-02

[[log]]
date = 2026-01-12
change = "rating"
skill = "communication"
to = "advanced"

[[log]]
date = 2026-01-19
change = "rating"
skill = "budgeting"
to = "working"

[[log]]
date = 2026-02-02
change = "rating"
skill = "strategic-thinking"
to = "working"

[[log]]
date = 2026-02-16
change = "rating"
skill = "budgeting"
from = "working"
to = "advanced"
"#;

/// Their view of you: budgeting two steps lower, communication the same, coaching rated by
/// them alone.
const THEIRS: &str = r#"version = 2

[[ratings]]
skill = "budgeting"
step = "basic"
date = 2026-02-20

[[ratings]]
skill = "communication"
step = "advanced"
date = 2026-02-20

[[ratings]]
skill = "strategic-thinking"
step = "advanced"
date = 2026-02-20

[[ratings]]
skill = "coaching-mentoring"
step = "working"
date = 2026-02-20
"#;

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        std::fs::write(sandbox.plan(), PLAN).expect("plan written");
        std::fs::write(sandbox.theirs(), THEIRS).expect("their plan written");
        sandbox
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("plan.toml")
    }

    fn theirs(&self) -> PathBuf {
        self.dir.path().join("manager.toml")
    }

    /// The explorer on the plan screen, with the items pane focused.
    fn app(&self, width: u16, height: u16) -> App {
        let today = TODAY.parse().expect("a date");
        let mut app = common::app(width, height, false)
            .with_plan(open_plan(Some(&self.plan())).on_date(today));
        press(&mut app, "p");
        assert_eq!(app.screen_kind(), ScreenKind::Plan);
        app.status.clear();
        app
    }
}

fn screen(app: &App) -> &rungs::tui::plan_screen::PlanScreen {
    app.plan_screen().expect("the plan screen")
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(TextEdit::Insert(c)));
    }
}

fn evidence_texts(path: &Path, owner: &EvidenceOwner) -> Vec<String> {
    on_disk(path)
        .evidence_of(owner)
        .expect("the owner is there")
        .iter()
        .map(|e| e.text.clone())
        .collect()
}

fn item_owner(skill: &str) -> EvidenceOwner {
    EvidenceOwner::Item {
        skill: skill.into(),
        level: "director".into(),
    }
}

#[test]
fn evidence_is_added_edited_removed_and_each_change_undone() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    let owner = item_owner("budgeting");
    // The first item listed is the planned one (communication); budgeting is in progress.
    press(&mut app, "j");
    assert_eq!(
        screen(&app)
            .selected_item(&app.plan)
            .map(|i| i.skill.as_str()),
        Some("budgeting")
    );
    let before = evidence_texts(&sandbox.plan(), &owner);
    assert_eq!(before.len(), 2);

    // Add: `a` opens the two fields; the text, Tab, the link, Enter saves, dated today.
    press(&mut app, "a");
    assert!(matches!(screen(&app).editor, Some(Editor::Evidence(_))));
    type_text(&mut app, "Cut cloud spend by 12 %");
    app.update(Action::FocusNext);
    type_text(&mut app, "https://example.com/spend");
    app.update(Action::Open);
    assert!(screen(&app).editor.is_none());
    let saved = on_disk(&sandbox.plan());
    let added = saved
        .evidence_of(&owner)
        .and_then(|list| list.last())
        .expect("added at the end of the file's list");
    assert_eq!(added.text, "Cut cloud spend by 12 %");
    assert_eq!(added.link.as_deref(), Some("https://example.com/spend"));
    assert_eq!(added.date.to_string(), TODAY);
    // Newest first on screen: the cursor sits on the new entry, the first under the heading.
    assert_eq!(screen(&app).pane, PlanPane::Evidence);
    assert_eq!(screen(&app).evidence_cursor, 1);
    let shown = text(&buffer(&app));
    let new_at = shown.find("Cut cloud spend").expect("shown");
    let old_at = shown.find("Drafted the department").expect("shown");
    assert!(new_at < old_at, "newest first:\n{shown}");

    // Edit: `e` on the entry; the text is replaced, the date and link kept.
    press(&mut app, "e");
    for _ in 0..4 {
        app.update(Action::Edit(TextEdit::DeleteBack));
    }
    type_text(&mut app, "15 %");
    app.update(Action::Open);
    let texts = evidence_texts(&sandbox.plan(), &owner);
    assert!(
        texts.contains(&"Cut cloud spend by 15 %".to_owned()),
        "{texts:?}"
    );
    assert_eq!(texts.len(), 3);

    // Remove: `d` on the entry.
    press(&mut app, "d");
    assert_eq!(evidence_texts(&sandbox.plan(), &owner).len(), 2);

    // Undo walks back through remove, edit and add.
    press(&mut app, "u");
    assert!(
        evidence_texts(&sandbox.plan(), &owner).contains(&"Cut cloud spend by 15 %".to_owned())
    );
    press(&mut app, "u");
    assert!(
        evidence_texts(&sandbox.plan(), &owner).contains(&"Cut cloud spend by 12 %".to_owned())
    );
    press(&mut app, "u");
    assert_eq!(evidence_texts(&sandbox.plan(), &owner), before);
    // Every change was logged; the file holds nothing else new.
    let evidence_log = on_disk(&sandbox.plan())
        .log
        .iter()
        .filter(|e| e.change == rungs::plan::Change::Evidence)
        .count();
    assert_eq!(evidence_log, 6);
}

#[test]
fn evidence_goes_to_the_rating_under_the_cursor_and_needs_text() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    press(&mut app, "j");
    app.update(Action::FocusNext);
    assert_eq!(screen(&app).pane, PlanPane::Evidence);
    // Rows: item heading, two entries, rating heading, one entry.
    app.update(Action::Bottom);
    app.update(Action::Up);
    press(&mut app, "a");
    // Enter with no text keeps the fields open and says why.
    app.update(Action::Open);
    assert!(matches!(screen(&app).editor, Some(Editor::Evidence(_))));
    assert!(
        app.status
            .current()
            .is_some_and(|m| m.is_error && m.text.contains("needs a few words"))
    );
    type_text(&mut app, "Led the budget review");
    app.update(Action::Open);
    let rating = EvidenceOwner::Rating {
        skill: "budgeting".into(),
    };
    assert_eq!(
        evidence_texts(&sandbox.plan(), &rating),
        [
            "Ran the planning offsite \u{1b}[31m(red)",
            "Led the budget review"
        ]
    );
    // Esc while typing cancels: nothing is written.
    let before = std::fs::read(sandbox.plan()).expect("plan");
    press(&mut app, "a");
    type_text(&mut app, "never saved");
    app.update(Action::Back);
    assert!(screen(&app).editor.is_none());
    assert_eq!(std::fs::read(sandbox.plan()).expect("plan"), before);
    assert_eq!(
        app.screen_kind(),
        ScreenKind::Plan,
        "Esc cancelled, did not leave"
    );
}

#[test]
fn untrusted_evidence_text_never_reaches_the_terminal_and_long_text_is_cut_with_a_mark() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(100, 30);
    press(&mut app, "j");
    app.update(Action::FocusNext);
    let shown = text(&buffer(&app));
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(
        shown.contains("Ran the planning offsite [31m(red)"),
        "{shown}"
    );
    assert!(
        shown.contains('…'),
        "the long entry is cut with a mark:\n{shown}"
    );
    assert!(!shown.contains("the week after"), "{shown}");
}

#[test]
fn the_plan_screen_is_as_it_was_after_a_trip_to_another_screen_and_esc() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    press(&mut app, "jj");
    app.update(Action::FocusPrevious);
    assert_eq!(screen(&app).pane, PlanPane::Missing);
    press(&mut app, "jjj");
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(screen(&app).pane, PlanPane::Evidence);
    common::draw(&app);
    let before = screen(&app).clone();
    let drawn = text(&buffer(&app));
    // Another screen: a level opened by name, then Esc.
    app.update(Action::GoToLevel);
    type_text(&mut app, "manager");
    app.update(Action::Open);
    app.wait_for_search(std::time::Duration::from_secs(10));
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    app.update(Action::Back);
    assert_eq!(app.screen_kind(), ScreenKind::Plan);
    let after = screen(&app);
    assert_eq!(
        (after.pane, after.item_cursor, after.missing_cursor),
        (before.pane, before.item_cursor, before.missing_cursor)
    );
    assert_eq!(*after, before);
    assert_eq!(text(&buffer(&app)), drawn);
}

#[test]
fn a_checkin_opened_by_key_lists_disagreements_first_and_changes_neither_file() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    let (mine, theirs) = (
        std::fs::read(sandbox.plan()).expect("plan"),
        std::fs::read(sandbox.theirs()).expect("theirs"),
    );
    press(&mut app, "C");
    type_text(&mut app, &sandbox.theirs().display().to_string());
    app.update(Action::Open);
    assert_eq!(screen(&app).pane, PlanPane::Checkin);
    let rows = screen(&app).checkin_rows(&app.plan, &app.ladder);
    let order: Vec<&str> = rows.iter().map(|r| r.skill.as_str()).collect();
    // Budgeting two steps apart first, then strategic thinking one step apart; the rest after.
    assert_eq!(order[..2], ["budgeting", "strategic-thinking"]);
    assert!(rows[2..].iter().all(|r| !r.disagrees()));
    assert!(order.contains(&"coaching-mentoring"));
    let shown = text(&buffer(&app));
    assert!(
        shown.contains("2 disagreements of a step or more"),
        "{shown}"
    );
    let flagged = shown
        .lines()
        .find(|l| l.contains("⚠ advanced"))
        .expect("a flagged row");
    let from = flagged.find("⚠ advanced").unwrap_or(0);
    let words: Vec<&str> = flagged[from..].split_whitespace().collect();
    // You, theirs, expected, then the skill: the first row is budgeting.
    assert!(
        words.windows(5).any(|w| w[..4] == ["⚠", "advanced", "basic", "advanced"]
            && w[4].starts_with("Budget")),
        "{flagged}"
    );
    // Esc closes the check-in, not the screen.
    app.update(Action::Back);
    assert_eq!(app.screen_kind(), ScreenKind::Plan);
    assert!(screen(&app).checkin.is_none());
    assert_eq!(std::fs::read(sandbox.plan()).expect("plan"), mine);
    assert_eq!(std::fs::read(sandbox.theirs()).expect("theirs"), theirs);
}

#[test]
fn a_malformed_checkin_file_is_a_located_error_and_nothing_changes() {
    let sandbox = Sandbox::new();
    let bad = sandbox.dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "version = 2\n\n[[ratings]]\nskill = \"x\"\nstep = 3\n",
    )
    .expect("bad");
    let mut app = sandbox.app(120, 40);
    let mine = std::fs::read(sandbox.plan()).expect("plan");
    press(&mut app, "C");
    type_text(&mut app, &bad.display().to_string());
    app.update(Action::Open);
    let message = app.status.current().expect("a message").clone();
    assert!(message.is_error);
    assert!(message.text.contains("bad.toml:5:"), "{}", message.text);
    assert!(
        message.text.contains("nothing was written"),
        "{}",
        message.text
    );
    // The path stays typed, to be corrected; nothing opened, nothing written.
    assert!(matches!(screen(&app).editor, Some(Editor::CheckinPath(_))));
    assert!(screen(&app).checkin.is_none());
    assert_eq!(std::fs::read(sandbox.plan()).expect("plan"), mine);
}

#[test]
fn the_weekly_chart_shows_the_share_met_from_the_first_week_to_this_one() {
    let sandbox = Sandbox::new();
    let app = sandbox.app(120, 40);
    let shown = text(&buffer(&app));
    // Ratings from the week of 2026-01-12 to the week of 2026-03-02: eight weeks.
    assert!(
        shown.contains("Met by week: 2 of 23 now (8 weeks)"),
        "{shown}"
    );
    assert!(shown.contains("2026-01-12"), "{shown}");
    assert!(shown.contains("2026-03-02"), "{shown}");
    let chart = shown
        .lines()
        .find(|l| l.contains('▁'))
        .expect("a chart row");
    assert!(chart.contains("▁▁▁▁▁▁▁▁"), "{chart}");
    // Without a history there is no chart.
    let empty = Sandbox::new();
    std::fs::write(empty.plan(), "version = 2\ntarget = \"director\"\n").expect("plan");
    let app = empty.app(120, 40);
    assert!(!text(&buffer(&app)).contains("Met by week"));
}

/// The plan screen at a size, after `keys`, as text (the status line cleared).
fn snapshot(width: u16, height: u16, keys: &[KeyCode], checkin: bool) -> String {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(width, height);
    press_keys(&mut app, keys);
    if checkin {
        let theirs: Plan = rungs::plan::parse("manager.toml", THEIRS).expect("their plan");
        app.open_checkin(PathBuf::from("manager.toml"), theirs);
    }
    app.status.clear();
    text(&buffer(&app))
}

#[test]
fn plan_screen_snapshots_with_evidence_chart_and_checkin() {
    let evidence = [KeyCode::Char('j'), KeyCode::Tab];
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        insta::assert_snapshot!(
            format!("plan-evidence_{width}x{height}"),
            snapshot(width, height, &evidence, false)
        );
    }
    // Adding evidence: the text typed, the link field next.
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(80, 24);
    press_keys(&mut app, &evidence);
    press(&mut app, "a");
    type_text(&mut app, "Wrote the hiring plan");
    app.update(Action::FocusNext);
    type_text(&mut app, "https://example.com/hiring");
    app.status.clear();
    insta::assert_snapshot!("plan-evidence-typing_80x24", text(&buffer(&app)));
    // At 80 columns the target (with the chart) shows below the items until Tab.
    insta::assert_snapshot!("plan-chart_80x24", snapshot(80, 24, &[], false));
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("plan-checkin_{width}x{height}"),
            snapshot(width, height, &[], true)
        );
    }
}

#[test]
fn evidence_and_checkin_keys_follow_the_keymap() {
    let sandbox = Sandbox::new();
    let config = "[keys.plan]\nadd-evidence = [\"n\"]\ncheckin = [\"K\"]\n";
    let user = rungs::tui::config::parse("c.toml", config).expect("valid config");
    let today = TODAY.parse().expect("a date");
    let mut app =
        common::app(120, 40, false).with_plan(open_plan(Some(&sandbox.plan())).on_date(today));
    app.settings = rungs::tui::config::Settings::with_overrides(false, &user);
    press(&mut app, "p");
    press(&mut app, "j");
    app.status.clear();
    let shown = text(&buffer(&app));
    let footer = shown.lines().last().expect("a footer");
    assert!(footer.contains("n evidence"), "{footer}");
    assert!(footer.contains("K check-in"), "{footer}");
    assert!(
        !footer.contains("a evidence") && !footer.contains("C check-in"),
        "{footer}"
    );
    // The new key does what the hint says; the old one no longer does.
    press(&mut app, "a");
    assert!(screen(&app).editor.is_none());
    press(&mut app, "n");
    assert!(matches!(screen(&app).editor, Some(Editor::Evidence(_))));
}

#[test]
fn evidence_being_typed_is_what_a_stop_signal_keeps() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    press(&mut app, "j");
    press(&mut app, "a");
    assert!(app.unsaved().is_none(), "nothing typed yet");
    type_text(&mut app, "Closed the books early");
    app.update(Action::FocusNext);
    type_text(&mut app, "https://example.com/close");
    let unsaved = app.unsaved().expect("typed and not saved");
    assert_eq!(unsaved.what, "piece of evidence");
    assert!(unsaved.put_back.starts_with("rungs plan evidence"));
    let field = |key: &str| unsaved.fields.get(key).and_then(|v| v.as_str());
    assert_eq!(field("skill"), Some("budgeting"));
    assert_eq!(field("level"), Some("director"));
    assert_eq!(field("text"), Some("Closed the books early"));
    assert_eq!(field("link"), Some("https://example.com/close"));
    app.update(Action::Back);
    assert!(app.unsaved().is_none(), "cancelled: nothing to keep");
}

#[test]
fn r_on_a_plan_item_rates_its_skill_and_the_list_shows_your_step_beside_the_expected_one() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    let first = screen(&app)
        .selected_item(&app.plan)
        .map(|i| i.skill.clone());
    assert_eq!(first.as_deref(), Some("communication"));
    let shown = text(&buffer(&app));
    assert!(shown.contains("Your plan (3) · expected, you"), "{shown}");
    // Director asks advanced (●●●○) of communication, and the plan rates it advanced.
    assert!(
        shown.contains("Communication                ●●●○ ●●●○"),
        "{shown}"
    );

    press(&mut app, "r");
    assert_eq!(
        app.overlay(),
        Some(rungs::tui::screens::OverlayKind::Rating)
    );
    // The picker starts on the rating the plan holds; one step down is the next step up.
    press(&mut app, "j\n");
    assert_eq!(app.overlay(), None);
    let saved = on_disk(&sandbox.plan());
    assert_eq!(
        saved.rating("communication").map(|r| r.step.as_str()),
        Some("expert")
    );
    let shown = text(&buffer(&app));
    assert!(
        shown.contains("Communication                ●●●○ ●●●●"),
        "{shown}"
    );
    // The key is the keymap's: the evidence pane's hint names it too.
    press(&mut app, "\t");
    let shown = text(&buffer(&app));
    assert!(shown.contains("r rate"), "{shown}");
}

#[test]
fn evidence_opened_for_editing_and_left_as_it_was_is_not_rewritten() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    press(&mut app, "j");
    app.update(Action::FocusNext);
    // The last row: the rating's entry, whose text holds a control character that the field
    // shows escaped on one line.
    app.update(Action::Bottom);
    let before = std::fs::read(sandbox.plan()).expect("plan");
    press(&mut app, "e");
    assert!(matches!(screen(&app).editor, Some(Editor::Evidence(_))));
    assert!(app.unsaved().is_none(), "nothing typed: nothing to keep");
    app.update(Action::Open);
    assert!(screen(&app).editor.is_none());
    assert_eq!(
        std::fs::read(sandbox.plan()).expect("plan"),
        before,
        "the entry keeps its text, control character included"
    );
    assert!(
        app.status
            .current()
            .is_some_and(|m| m.text.contains("evidence unchanged"))
    );
}

#[test]
fn bookmark_on_the_plans_own_items_never_takes_one_out() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    let before = std::fs::read(sandbox.plan()).expect("plan");
    for pane in [PlanPane::Items, PlanPane::Evidence] {
        assert_eq!(screen(&app).pane, pane);
        press(&mut app, " b");
        assert_eq!(std::fs::read(sandbox.plan()).expect("plan"), before);
        assert!(
            app.status
                .current()
                .is_some_and(|m| m.text == "already in your plan: d removes it"),
            "{:?}",
            app.status.current()
        );
        app.update(Action::FocusNext);
    }
}

#[test]
fn item_keys_in_the_target_pane_say_where_they_work() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.app(120, 40);
    app.update(Action::FocusPrevious);
    assert_eq!(screen(&app).pane, PlanPane::Missing);
    press(&mut app, "s");
    let message = app.status.current().map(|m| m.text.clone());
    assert_eq!(
        message.as_deref(),
        Some("s (status) works on your items and their evidence: Tab moves there")
    );
}
