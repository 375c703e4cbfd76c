//! The plan in the explorer: keys in, the plan FILE checked on disk. Every test keeps its plan
//! in a temporary folder, never in the real home.

mod common;

use common::{on_disk, press, press_keys};

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rungs::Ladder;
use rungs::plan::{Plan, Status, target_progress};
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::finder::PickPurpose;
use rungs::tui::plan_screen::PlanPane;
use rungs::tui::screens::{OverlayKind, ScreenKind};
use rungs::tui::{action_for_app_event, open_plan, view};

fn app_with_plan(path: &Path) -> App {
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    App::new(ladder, Settings::defaults(false), (100, 30)).with_plan(open_plan(Some(path)))
}

fn on_disk_or_none(path: &Path) -> Option<Plan> {
    path.exists().then(|| on_disk(path))
}

fn screen_text(app: &App) -> String {
    common::text(&common::buffer(app))
}

fn temp_plan() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    (dir, path)
}

/// Director's level screen with the skills pane focused: `kkk` climbs to Director.
fn to_director_skills(app: &mut App) {
    press_keys(
        app,
        &[
            KeyCode::Char('k'),
            KeyCode::Char('k'),
            KeyCode::Char('k'),
            KeyCode::Enter,
            KeyCode::Tab,
        ],
    );
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("director"));
}

#[test]
fn b_bookmarks_the_skill_under_the_cursor_again_removes_it_and_u_undoes() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    to_director_skills(&mut app);
    let skill = app.selected_skill_id().expect("a skill").to_owned();
    assert!(!path.exists(), "nothing is written before a change");

    press(&mut app, "b");
    let plan = on_disk(&path);
    assert_eq!(plan.items.len(), 1);
    assert!(plan.contains(&skill, "director"));
    assert!(app.is_bookmarked(&skill, "director"));
    assert!(!app.is_bookmarked(&skill, "manager"));
    assert!(screen_text(&app).contains("▶★"), "the star is on the row");

    press_keys(&mut app, &[KeyCode::Char(' ')]);
    assert!(on_disk(&path).items.is_empty(), "Space toggles it out");
    assert!(!screen_text(&app).contains('★'));

    press(&mut app, "u");
    assert!(
        on_disk(&path).contains(&skill, "director"),
        "undo puts it back"
    );
    press(&mut app, "u");
    assert!(
        on_disk(&path).items.is_empty(),
        "and undoes the first bookmark"
    );
}

#[test]
fn b_on_the_ladder_or_the_details_of_a_narrow_screen_bookmarks_nothing() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    press(&mut app, "b");
    assert!(!path.exists());
    // Below 64 columns only one pane shows: the skills list is hidden behind the details.
    app.update(Action::Resize(50, 20));
    press_keys(&mut app, &[KeyCode::Enter, KeyCode::Char('b')]);
    assert!(!path.exists(), "an unseen skill is never bookmarked");
}

#[test]
fn the_plan_screen_cycles_status_removes_and_undoes() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    to_director_skills(&mut app);
    press(&mut app, "bjb");
    let first = on_disk(&path).items[0].skill.clone();
    press(&mut app, "p");
    assert_eq!(app.screen_kind(), ScreenKind::Plan);
    assert_eq!(
        app.plan_screen()
            .expect("plan screen")
            .selected_item(&app.plan)
            .map(|i| i.skill.as_str()),
        Some(first.as_str())
    );

    press(&mut app, "s");
    let status = |path: &Path| on_disk(path).items[0].status;
    assert_eq!(status(&path), Status::InProgress);
    assert_eq!(
        app.plan_screen()
            .expect("plan screen")
            .selected_item(&app.plan)
            .map(|i| i.skill.as_str()),
        Some(first.as_str()),
        "the cursor follows the item into its new group"
    );
    press(&mut app, "s");
    assert_eq!(status(&path), Status::Done);
    press(&mut app, "s");
    assert_eq!(status(&path), Status::Planned);
    press(&mut app, "su");
    assert_eq!(status(&path), Status::Planned, "u undid the status change");

    press_keys(&mut app, &[KeyCode::Delete]);
    let plan = on_disk(&path);
    assert_eq!(plan.items.len(), 1);
    assert!(!plan.has_skill(&first));
    press(&mut app, "u");
    let plan = on_disk(&path);
    assert_eq!(plan.items.len(), 2);
    assert_eq!(plan.items[0].skill, first, "back in its place");

    press_keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(
        app.screen_kind(),
        ScreenKind::Level,
        "Esc goes back where p came from"
    );
}

#[test]
fn the_note_is_edited_with_typed_keys_enter_saves_and_esc_cancels() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    to_director_skills(&mut app);
    press(&mut app, "bpe");
    assert!(app.is_editing_note());
    // While editing, q and b are text, not quit and bookmark.
    press(&mut app, "ask b q");
    assert!(!app.should_quit);
    press_keys(
        &mut app,
        &[KeyCode::Left, KeyCode::Left, KeyCode::Backspace],
    );
    press(&mut app, "Z");
    press_keys(&mut app, &[KeyCode::Home]);
    press(&mut app, ">");
    assert_eq!(
        on_disk(&path).items[0].note,
        "",
        "nothing saved before Enter"
    );
    press_keys(&mut app, &[KeyCode::Enter]);
    assert!(!app.is_editing_note());
    assert_eq!(on_disk(&path).items[0].note, ">ask Z q");

    press(&mut app, "e");
    press_keys(&mut app, &[KeyCode::End, KeyCode::Backspace]);
    press(&mut app, "zzz");
    press_keys(&mut app, &[KeyCode::Esc]);
    assert!(!app.is_editing_note());
    assert_eq!(on_disk(&path).items[0].note, ">ask Z q", "Esc cancelled");
    assert_eq!(
        app.screen_kind(),
        ScreenKind::Plan,
        "Esc left the editor, not the screen"
    );

    press(&mut app, "u");
    assert_eq!(
        on_disk(&path).items[0].note,
        "",
        "the note edit is undoable"
    );

    press(&mut app, "e");
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(action_for_app_event(&app, &ctrl_c), Some(Action::Quit));
    // The note field is the search field's component: the readline keys work here too.
    press(&mut app, "one two");
    let ctrl_w = Event::Key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
    if let Some(action) = action_for_app_event(&app, &ctrl_w) {
        app.update(action);
    }
    press_keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(on_disk(&path).items[0].note, "one ");
}

#[test]
fn the_target_gauge_counts_and_missing_skills_are_added_with_one_key() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    // `t` on the ladder opens the level picker; the level picked becomes the target, and the
    // ladder stays where it was.
    press(&mut app, "kkkt");
    assert_eq!(
        app.overlay(),
        Some(OverlayKind::Picker {
            purpose: PickPurpose::Target
        })
    );
    press(&mut app, "director");
    press_keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
    assert_eq!(on_disk(&path).target.as_deref(), Some("director"));
    let total = app.ladder.level("director").map_or(0, |l| l.skills.len());
    assert!(total >= 4);

    press_keys(&mut app, &[KeyCode::Enter, KeyCode::Tab]);
    press(&mut app, "bjbjb");
    // The first item to in progress; then, from the top of the list, the next one to done.
    press(&mut app, "psgss");
    let plan = app.plan.plan().expect("a plan").clone();
    assert_eq!(plan, on_disk(&path), "what is shown is what is saved");
    let progress = target_progress(&plan, &app.ladder).expect("target known");
    assert_eq!(
        (
            progress.done,
            progress.in_progress,
            progress.planned,
            progress.missing
        ),
        (1, 1, 1, total - 3)
    );
    let cells = view::plan::gauge_cells(&progress, 40);
    assert_eq!(cells.iter().sum::<usize>(), 40);
    assert!(cells[..3].iter().all(|&c| c >= 1), "{cells:?}");
    let shown = screen_text(&app);
    for part in [
        "█ done 1".to_owned(),
        "▓ in progress 1".to_owned(),
        "▒ planned 1".to_owned(),
        format!("· missing {}", total - 3),
        format!("(of {total})"),
    ] {
        assert!(shown.contains(&part), "{part} in {shown}");
    }

    // Tab past the evidence to the missing list: b (or Enter) adds the skill at the target
    // level.
    press_keys(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(
        app.plan_screen().expect("plan screen").pane,
        PlanPane::Missing
    );
    let first_missing = app.plan.missing(&app.ladder)[0].clone();
    press(&mut app, "b");
    assert!(on_disk(&path).contains(&first_missing, "director"));
    assert_eq!(app.plan.missing(&app.ladder).len(), total - 4);
    press_keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.plan.missing(&app.ladder).len(), total - 5);
    assert_eq!(on_disk(&path).items.len(), 5);

    // Esc closes the picker and leaves the target alone.
    press(&mut app, "t");
    press(&mut app, "manager");
    press_keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.overlay(), None);
    assert_eq!(on_disk(&path).target.as_deref(), Some("director"));
    assert_eq!(app.screen_kind(), ScreenKind::Plan);
}

#[test]
fn t_on_the_plan_screen_picks_a_new_target_by_name() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    press(&mut app, "p");
    assert_eq!(app.screen_kind(), ScreenKind::Plan);
    assert_eq!(on_disk_or_none(&path), None, "nothing saved yet");
    press(&mut app, "t");
    let shown = screen_text(&app);
    assert!(shown.contains("Target level for your plan"), "{shown}");
    // Typed keys go to the picker's query: `q` does not quit, `d` does not remove.
    press(&mut app, "sr acc");
    assert!(!app.should_quit);
    let top = app
        .finder
        .chosen()
        .and_then(|entry| app.ladder.levels().get(entry.level))
        .map(|level| level.id.clone())
        .expect("a level matches");
    assert_ne!(
        top, "director",
        "not simply the level selected on the ladder"
    );
    press_keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.overlay(), None);
    assert_eq!(
        app.screen_kind(),
        ScreenKind::Plan,
        "the plan screen stays open"
    );
    assert_eq!(on_disk(&path).target.as_deref(), Some(top.as_str()));
    assert_eq!(app.plan.target(), Some(top.as_str()));
    let shown = screen_text(&app);
    let title = app
        .ladder
        .level(&top)
        .map(|l| l.title.clone())
        .expect("known");
    assert!(shown.contains(&format!("Target: {title}")), "{shown}");
}

#[test]
fn a_bad_plan_file_opens_read_only_shows_where_and_is_never_written() {
    let (_dir, path) = temp_plan();
    let bytes = b"version = 1\n[[items]]\nskill = \"budgeting\"\nlevel = \n";
    std::fs::write(&path, bytes).expect("write bad plan");
    let mut app = app_with_plan(&path);
    let footer = screen_text(&app);
    assert!(footer.contains("plan opened read-only"), "{footer}");
    to_director_skills(&mut app);
    press(&mut app, "b");
    assert!(
        screen_text(&app).contains("the plan is read-only"),
        "bookmarking says why it did nothing"
    );
    // Picking a target (from the level screen, then the plan screen) saves nothing either.
    press(&mut app, "tdirector");
    press_keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.overlay(), None);
    assert!(
        screen_text(&app).contains("the plan is read-only"),
        "setting the target says why it did nothing"
    );
    press(&mut app, "pstmanager");
    press_keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.overlay(), None);
    press(&mut app, "ue");
    assert!(!app.is_editing_note());
    assert_eq!(std::fs::read(&path).expect("still there"), bytes);
    let shown = screen_text(&app);
    assert!(shown.contains("opened read-only, never written"), "{shown}");
    assert!(
        shown.contains("plan.toml:4:"),
        "file:line:column shown: {shown}"
    );
    assert!(shown.contains("Development plan (read-only)"), "{shown}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_cannot_be_written_is_reported_and_the_session_goes_on() {
    // No one, not even root, can create a file in /proc; reading there finds no plan.
    let path = Path::new("/proc/rungs-plan.toml");
    let mut app = app_with_plan(path);
    to_director_skills(&mut app);
    press(&mut app, "b");
    let shown = screen_text(&app);
    assert!(shown.contains("not saved:"), "{shown}");
    assert!(shown.contains("cannot save the plan"), "{shown}");
    let skill = app.selected_skill_id().expect("a skill").to_owned();
    assert!(
        !app.is_bookmarked(&skill, "director"),
        "shown as it is on disk"
    );
    press(&mut app, "j");
    assert_ne!(
        app.selected_skill_id(),
        Some(skill.as_str()),
        "keys still work"
    );
}

#[test]
fn a_plan_changed_on_disk_is_reloaded_and_the_change_made_on_top() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    to_director_skills(&mut app);
    press(&mut app, "b");
    let mut elsewhere = on_disk(&path);
    elsewhere.items.push(rungs::plan::new_item(
        &app.ladder,
        "renamed-skill",
        "director",
    ));
    let text = rungs::plan::to_toml(&elsewhere).expect("encodes");
    std::fs::write(&path, text).expect("another writer");
    press(&mut app, "jb");
    let shown = screen_text(&app);
    assert!(shown.contains("changed on disk"), "{shown}");
    let plan = on_disk(&path);
    assert_eq!(plan.items.len(), 3, "the other writer's item is kept");
    press(&mut app, "p");
    assert!(screen_text(&app).contains("not in this ladder"));
}

#[test]
fn a_skill_in_the_plan_from_another_level_carries_a_hollow_star() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    to_director_skills(&mut app);
    let skill = app.selected_skill_id().expect("a skill").to_owned();
    press(&mut app, "b");
    assert_eq!(app.bookmark_mark(&skill, "director"), "★");

    // The vice president expects the same skill: there it is marked as in the plan from
    // another level, and `b` would add a second item rather than remove the first.
    let vp = app.ladder.level("vice-president").expect("vice president");
    assert!(
        vp.proficiency_of(&skill).is_some(),
        "{skill} is kept up the track"
    );
    assert_eq!(app.bookmark_mark(&skill, "vice-president"), "☆");
    assert_eq!(app.bookmark_mark("no-such-skill", "director"), " ");
    press_keys(
        &mut app,
        &[KeyCode::Esc, KeyCode::Char('k'), KeyCode::Enter],
    );
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("vice-president"));
    press_keys(&mut app, &[KeyCode::Tab]);
    assert!(screen_text(&app).contains('☆'), "{}", screen_text(&app));
}

#[test]
fn the_plan_screen_names_the_keys_as_bound() {
    let (_dir, path) = temp_plan();
    let keys = "[keys]\nbookmark = [\"m\"]\ntarget = [\"T\"]\n";
    let user = rungs::tui::config::parse("config.toml", keys).expect("config parses");
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    let mut app = App::new(ladder, Settings::with_overrides(false, &user), (100, 30))
        .with_plan(open_plan(Some(&path)));
    press(&mut app, "p");
    let shown = screen_text(&app);
    assert!(shown.contains("Press T to choose"), "{shown}");
    app.set_plan_target("director");
    let shown = screen_text(&app);
    assert!(shown.contains("Not yet in your plan"), "{shown}");
    assert!(shown.contains(" · m adds"), "{shown}");
    assert!(!shown.contains(" · b adds"), "{shown}");
}

/// A plan of every skill of the engineer level, all planned, aiming at director: both lists
/// are longer than a 13-row terminal shows.
fn long_plan_on_a_short_screen(path: &Path) -> App {
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    let mut text = "version = 1\ntarget = \"director\"\n".to_owned();
    for skill in &ladder.level("engineer").expect("engineer level").skills {
        text.push_str(&format!(
            "\n[[items]]\nskill = \"{}\"\nlevel = \"engineer\"\nadded = 2026-01-05\n",
            skill.skill
        ));
    }
    std::fs::write(path, text).expect("plan written");
    let mut app = common::app(100, 13, false).with_plan(open_plan(Some(path)));
    press(&mut app, "p");
    assert_eq!(app.screen_kind(), ScreenKind::Plan);
    app
}

/// The start of a skill's name, which shows even where long names are cut short.
fn name_start(app: &App, skill: &str) -> String {
    let name = &app.ladder.skill(skill).expect("a skill of the ladder").name;
    name.chars().take(16).collect()
}

/// The cell where a skill's name is drawn.
fn cell_of(app: &App, skill: &str) -> (u16, u16) {
    let start = name_start(app, skill);
    common::find(&common::buffer(app), &start).unwrap_or_else(|| panic!("{start} on screen"))
}

#[test]
fn a_click_on_the_plan_screen_selects_the_row_under_it_even_when_scrolled() {
    let (_dir, path) = temp_plan();
    let mut app = long_plan_on_a_short_screen(&path);
    let items: Vec<String> = app.plan.items().iter().map(|i| i.skill.clone()).collect();
    // The last item at the bottom scrolls the list: rows keep their place under the mouse.
    app.update(Action::Bottom);
    let scrolled = screen_text(&app);
    assert!(
        !scrolled.contains("Planned ("),
        "the list scrolled:\n{scrolled}"
    );
    let (x, y) = cell_of(&app, &items[2]);
    app.update(Action::Click(x, y));
    assert_eq!(
        app.plan_screen().expect("plan screen").item_cursor,
        2,
        "{scrolled}"
    );
    assert_eq!(
        app.plan_screen().expect("plan screen").pane,
        PlanPane::Items
    );

    // The list keeps still under the mouse; moving up to the first item shows its heading.
    press_keys(
        &mut app,
        &[KeyCode::Up, KeyCode::Up, KeyCode::Down, KeyCode::Down],
    );
    assert_eq!(app.plan_screen().expect("plan screen").item_cursor, 2);
    // A status heading is not an item: the cursor stays.
    let (x, y) = common::find(&common::buffer(&app), "Planned (9)").expect("a heading");
    app.update(Action::Click(x, y));
    assert_eq!(app.plan_screen().expect("plan screen").item_cursor, 2);

    // The target's missing skills: a click focuses the pane and selects the skill.
    let missing = app.plan.missing(&app.ladder);
    app.update(Action::PreviousPane);
    app.update(Action::Bottom);
    let last = missing.len() - 1;
    assert_eq!(app.plan_screen().expect("plan screen").missing_cursor, last);
    let (x, y) = cell_of(&app, &missing[last - 3]);
    app.update(Action::NextPane);
    assert_eq!(
        app.plan_screen().expect("plan screen").pane,
        PlanPane::Items
    );
    app.update(Action::Click(x, y));
    assert_eq!(
        app.plan_screen().expect("plan screen").pane,
        PlanPane::Missing
    );
    assert_eq!(
        app.plan_screen().expect("plan screen").missing_cursor,
        last - 3
    );
}

#[test]
fn the_wheel_on_the_plan_screen_moves_in_the_pane_under_the_mouse() {
    let (_dir, path) = temp_plan();
    let mut app = long_plan_on_a_short_screen(&path);
    let items = app.plan.items();
    let (item_x, item_y) = cell_of(&app, &items[0].skill);
    let missing = app.plan.missing(&app.ladder);
    let (missing_x, missing_y) = cell_of(&app, &missing[0]);

    let wheel = |column, row, up| Action::Wheel { column, row, up };
    app.update(wheel(missing_x, missing_y, false));
    app.update(wheel(missing_x, missing_y, false));
    assert_eq!(
        app.plan_screen().expect("plan screen").pane,
        PlanPane::Missing
    );
    assert_eq!(
        (
            app.plan_screen().expect("plan screen").item_cursor,
            app.plan_screen().expect("plan screen").missing_cursor
        ),
        (0, 2)
    );
    app.update(wheel(item_x, item_y, false));
    assert_eq!(
        app.plan_screen().expect("plan screen").pane,
        PlanPane::Items
    );
    assert_eq!(
        (
            app.plan_screen().expect("plan screen").item_cursor,
            app.plan_screen().expect("plan screen").missing_cursor
        ),
        (1, 2)
    );
    app.update(wheel(missing_x, missing_y, true));
    assert_eq!(
        (
            app.plan_screen().expect("plan screen").item_cursor,
            app.plan_screen().expect("plan screen").missing_cursor
        ),
        (1, 1)
    );
    // Outside both panes (the footer) nothing moves.
    app.update(wheel(item_x, app.size.1 - 1, false));
    assert_eq!(
        (
            app.plan_screen().expect("plan screen").item_cursor,
            app.plan_screen().expect("plan screen").missing_cursor
        ),
        (1, 1)
    );
}

#[test]
fn page_keys_on_the_plan_screen_move_by_the_rows_on_screen() {
    let (_dir, path) = temp_plan();
    let mut app = long_plan_on_a_short_screen(&path);
    app.update(Action::PreviousPane);
    assert_eq!(
        app.plan_screen().expect("plan screen").pane,
        PlanPane::Missing
    );
    // 13 rows: the target pane shows its gauge, legend and heading, then 4 missing skills.
    let shown = |app: &App| {
        app.plan
            .missing(&app.ladder)
            .iter()
            .filter(|skill| common::find(&common::buffer(app), &name_start(app, skill)).is_some())
            .count()
    };
    assert_eq!(shown(&app), 4);
    app.update(Action::PageDown);
    assert_eq!(app.plan_screen().expect("plan screen").missing_cursor, 4);
    app.update(Action::PageDown);
    assert_eq!(app.plan_screen().expect("plan screen").missing_cursor, 8);
    app.update(Action::PageUp);
    assert_eq!(app.plan_screen().expect("plan screen").missing_cursor, 4);

    app.update(Action::Resize(100, 20));
    app.update(Action::Top);
    let page = shown(&app);
    assert_eq!(page, 11);
    app.update(Action::PageDown);
    assert_eq!(app.plan_screen().expect("plan screen").missing_cursor, page);
}

#[test]
fn i_on_the_ladder_sets_the_current_level_and_u_undoes() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path);
    // On the ladder, on the first rung: "I'm here".
    let level = app.level().map(|l| l.id.clone()).expect("a level");
    press(&mut app, "i");
    let plan = on_disk(&path);
    assert_eq!(plan.current.as_deref(), Some(level.as_str()));
    assert!(plan.current_title.is_some());
    assert_eq!(app.plan.current(), Some(level.as_str()));
    // The ladder marks it with a glyph, readable without colour, and the target with another.
    let shown = screen_text(&app);
    assert!(shown.contains("▶1 ◆ Individual contributor"), "{shown}");
    app.set_plan_target("director");
    let shown = screen_text(&app);
    assert!(shown.contains(" 4 ◎ Director"), "{shown}");
    assert!(
        plan.log
            .iter()
            .any(|e| e.change == rungs::plan::Change::Current
                && e.to.as_deref() == Some(level.as_str())),
        "the change is logged"
    );
    // From a level's page too.
    to_director_skills(&mut app);
    press(&mut app, "i");
    assert_eq!(on_disk(&path).current.as_deref(), Some("director"));
    press(&mut app, "u");
    assert_eq!(on_disk(&path).current.as_deref(), Some(level.as_str()));
}
