//! You on the ladder, in the explorer: the current level set from the ladder and marked on
//! every screen, ratings set from a skill and saved in the plan file, the fit gauge, and you
//! against a level with every gap put in the plan at once. Plans live in temporary folders.

mod common;

use std::path::{Path, PathBuf};

use common::{on_disk, press, press_keys};
use ratatui::crossterm::event::KeyCode;
use rungs::Ladder;
use rungs::plan::{Edit, PlanStore, RatingScale, Ratings, gaps, today};
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::open_plan;
use rungs::tui::screens::{Overlay, OverlayKind, Screen, ScreenKind};

fn temp_plan() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    (dir, path)
}

fn app_with_plan(path: &Path, width: u16, height: u16) -> App {
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    App::new(ladder, Settings::defaults(false), (width, height)).with_plan(open_plan(Some(path)))
}

fn screen_text(app: &App) -> String {
    common::text(&common::buffer(app))
}

/// Director's level screen with the skills pane focused: `kkk` climbs to Director.
fn to_director_skills(app: &mut App) {
    press(app, "kkk\n\t");
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("director"));
}

/// The skill under the cursor on the level screen.
fn selected_skill(app: &App) -> String {
    app.selected_skill_id().expect("a skill").to_owned()
}

fn step_names() -> Vec<String> {
    let ladder = Ladder::embedded().expect("built-in ladder");
    RatingScale::of(&ladder).steps().to_vec()
}

fn rating_cursor(app: &App) -> usize {
    match app.overlays.last() {
        Some(Overlay::Rating(picker)) => picker.cursor,
        other => panic!("the rating picker is not open: {other:?}"),
    }
}

/// A plan that sets current, target and a few ratings of Director's skills (some short of
/// what Director expects, one above), written through the store as the explorer would.
fn rated_plan(path: &Path) {
    let ladder = Ladder::embedded().expect("built-in ladder");
    let director = ladder.level("director").expect("director");
    let scale = RatingScale::of(&ladder);
    let mut store = PlanStore::open(path).expect("plan opens");
    store
        .apply(&Edit::SetCurrent {
            current: Some("manager".into()),
            title: None,
        })
        .expect("saved");
    store
        .apply(&Edit::SetTarget {
            target: Some("director".into()),
            title: None,
        })
        .expect("saved");
    let expected: Vec<(String, u8)> = director
        .skills
        .iter()
        .filter_map(|r| Some((r.skill.clone(), scale.expected(r)?)))
        .collect();
    // One met, one a step short, one two steps short (or as far as the scale allows).
    for (i, (skill, asks)) in expected.iter().take(3).enumerate() {
        let rank = match i {
            0 => *asks,
            1 => asks.saturating_sub(1).max(1),
            _ => asks.saturating_sub(2).max(1),
        };
        let step = scale.name(rank).expect("a step").to_owned();
        let edit = Edit::rate(store.plan(), skill, None, &step, None, today());
        store.apply(&edit).expect("saved");
    }
}

#[test]
fn i_on_the_ladder_sets_current_and_the_level_page_and_pickers_mark_it() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path, 120, 40);
    press(&mut app, "kk");
    press(&mut app, "i");
    let plan = on_disk(&path);
    assert_eq!(plan.current.as_deref(), Some("senior-manager"));
    let shown = screen_text(&app);
    assert!(shown.contains("◆ Senior manager"), "{shown}");
    // The level page's title says it in words too.
    press(&mut app, "\n");
    let shown = screen_text(&app);
    assert!(shown.contains("◆ Senior manager · current"), "{shown}");
    // The go-to picker marks it on its row.
    press(&mut app, "o");
    assert!(matches!(app.overlay(), Some(OverlayKind::Picker { .. })));
    let shown = screen_text(&app);
    assert!(shown.contains("◆ current · "), "{shown}");
    // Undo takes it back.
    press(&mut app, "\u{1b}u");
    assert_eq!(on_disk(&path).current, None);
}

#[test]
fn r_on_a_skill_rates_it_the_picker_starts_on_the_rating_and_undo_takes_it_back() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path, 120, 40);
    to_director_skills(&mut app);
    let skill = selected_skill(&app);
    let steps = step_names();
    press(&mut app, "r");
    assert_eq!(app.overlay(), Some(OverlayKind::Rating));
    let shown = screen_text(&app);
    assert!(shown.contains("Rate yourself"), "{shown}");
    assert!(shown.contains("expected here"), "{shown}");
    // Unrated, the cursor starts on the step Director expects.
    let ladder = Ladder::embedded().expect("built-in ladder");
    let asks = ladder
        .level("director")
        .and_then(|l| l.proficiency_of(&skill))
        .map(|p| usize::from(p.value()))
        .expect("director expects its skill at a step");
    assert_eq!(rating_cursor(&app), asks - 1);
    // The lowest step, chosen with Enter, is saved in the file.
    press(&mut app, "g\n");
    assert_eq!(app.overlay(), None);
    let plan = on_disk(&path);
    assert_eq!(
        plan.rating(&skill).map(|r| r.step.as_str()),
        Some(steps[0].as_str())
    );
    assert!(
        app.status
            .current()
            .is_some_and(|m| m.text.contains("rated"))
    );
    // Opened again, the picker starts on the rating; Esc changes nothing.
    press(&mut app, "r");
    assert_eq!(rating_cursor(&app), 0);
    press(&mut app, "j\u{1b}");
    assert_eq!(
        on_disk(&path).rating(&skill).map(|r| r.step.clone()),
        Some(steps[0].clone())
    );
    // Now rated one step higher: the picker follows.
    press(&mut app, "rj\n");
    assert_eq!(
        on_disk(&path).rating(&skill).map(|r| r.step.clone()),
        Some(steps[1].clone())
    );
    press(&mut app, "r");
    assert_eq!(rating_cursor(&app), 1);
    press(&mut app, "\u{1b}");
    // The skills list now shows your step beside the expected one.
    let shown = screen_text(&app);
    assert!(shown.contains("expected, you"), "{shown}");
    // Undo takes the last rating back, then the first.
    press(&mut app, "u");
    assert_eq!(
        on_disk(&path).rating(&skill).map(|r| r.step.clone()),
        Some(steps[0].clone())
    );
    press(&mut app, "u");
    assert!(on_disk(&path).rating(&skill).is_none());
}

#[test]
fn the_last_row_of_the_picker_clears_the_rating() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path, 120, 40);
    to_director_skills(&mut app);
    let skill = selected_skill(&app);
    press(&mut app, "rg\n");
    assert!(on_disk(&path).rating(&skill).is_some());
    press(&mut app, "rG");
    assert!(screen_text(&app).contains("clear your rating"));
    press(&mut app, "\n");
    assert!(on_disk(&path).rating(&skill).is_none());
    // Nothing to clear now: the status line says so and the file stays.
    press(&mut app, "rG\n");
    assert!(
        app.status
            .current()
            .is_some_and(|m| m.text.contains("nothing to clear"))
    );
}

#[test]
fn r_away_from_a_skills_list_says_where_it_works() {
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path, 120, 40);
    press(&mut app, "r");
    assert_eq!(app.overlay(), None);
    assert!(
        app.status
            .current()
            .is_some_and(|m| m.text.contains("skills list")),
        "{:?}",
        app.status.current()
    );
    assert!(!path.exists(), "nothing written");
}

#[test]
fn you_against_a_level_lists_gaps_largest_first_and_a_adds_them_all_undoably() {
    let (_dir, path) = temp_plan();
    rated_plan(&path);
    let mut app = app_with_plan(&path, 120, 40);
    to_director_skills(&mut app);
    press(&mut app, "y");
    assert_eq!(app.screen_kind(), ScreenKind::You);
    // The rows are the domain's gaps in its order (what `rungs compare me` prints).
    let ladder = Ladder::embedded().expect("built-in ladder");
    let director = ladder.level("director").expect("director");
    let scale = RatingScale::of(&ladder);
    let plan = on_disk(&path);
    let expected = gaps(director, &scale, &Ratings::of(&plan, &scale));
    assert!(expected.len() >= 2, "the plan leaves gaps at Director");
    let sizes: Vec<u8> = expected.iter().map(|g| g.size()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "largest first");
    let shown = screen_text(&app);
    let positions: Vec<usize> = expected
        .iter()
        .map(|g| {
            let name = &ladder.skill(&g.expectation.skill).expect("skill").name;
            shown
                .find(&format!("{name} — asks"))
                .unwrap_or_else(|| panic!("{name} listed as a gap:\n{shown}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "on screen in the domain's order:\n{shown}"
    );
    assert!(shown.contains("expectations met"), "{shown}");

    press(&mut app, "a");
    let plan = on_disk(&path);
    assert_eq!(plan.items.len(), expected.len());
    for gap in &expected {
        assert!(plan.contains(&gap.expectation.skill, "director"));
    }
    let message = app.status.current().expect("a message").text.clone();
    assert!(
        message.starts_with(&format!(
            "{} gaps of Director put in the plan",
            expected.len()
        )),
        "{message}"
    );
    // Again: nothing new to add.
    press(&mut app, "a");
    assert_eq!(on_disk(&path).items.len(), expected.len());
    // One undo takes them all out.
    press(&mut app, "u");
    assert!(
        on_disk(&path).items.is_empty(),
        "{:?} {:?}",
        app.status.current(),
        on_disk(&path).items.len()
    );
    // Esc goes back to the level screen as it was.
    press(&mut app, "\u{1b}");
    assert_eq!(app.screen_kind(), ScreenKind::Level);
}

#[test]
fn y_on_the_compare_screen_sets_you_against_b() {
    let (_dir, path) = temp_plan();
    rated_plan(&path);
    let mut app = app_with_plan(&path, 120, 40);
    press(&mut app, "c\u{1b}");
    let b = app.compare_screen().map(|c| c.b).expect("compare screen");
    press(&mut app, "y");
    match &app.screen {
        Screen::You(you) => assert_eq!(you.level, b),
        other => panic!("not the you screen: {other:?}"),
    }
}

#[test]
fn the_ladder_shows_a_fit_gauge_only_once_the_plan_rates_something() {
    let (_dir, path) = temp_plan();
    let app = app_with_plan(&path, 120, 40);
    let before = screen_text(&app);
    assert!(!before.contains('▰') && !before.contains('▱'), "{before}");
    rated_plan(&path);
    let app = app_with_plan(&path, 120, 40);
    let after = screen_text(&app);
    assert!(after.contains('▱'), "{after}");
    assert!(after.contains("fit of your ratings"), "{after}");
    // Ratings change the gauge on the next frame: the facts follow the plan's revision.
    let mut app = app;
    let revision = app.plan.revision();
    to_director_skills(&mut app);
    press(&mut app, "rG\n");
    assert!(app.plan.revision() > revision);
}

/// The level page and compare screen with ratings, at three sizes.
#[test]
fn snapshots_of_the_level_page_and_compare_with_ratings() {
    let (_dir, path) = temp_plan();
    rated_plan(&path);
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = app_with_plan(&path, width, height);
        press(&mut app, "kkk");
        insta::assert_snapshot!(format!("you_home_{width}x{height}"), screen_text(&app));
        press(&mut app, "\n\t");
        insta::assert_snapshot!(format!("you_level_{width}x{height}"), screen_text(&app));
        press(&mut app, "\u{1b}\u{1b}c\u{1b}\t");
        insta::assert_snapshot!(format!("you_compare_{width}x{height}"), screen_text(&app));
        press(&mut app, "y");
        insta::assert_snapshot!(format!("you_gaps_{width}x{height}"), screen_text(&app));
    }
}

#[test]
fn snapshot_of_the_rating_picker() {
    let (_dir, path) = temp_plan();
    rated_plan(&path);
    let mut app = app_with_plan(&path, 80, 24);
    press(&mut app, "kkk\n\tr");
    insta::assert_snapshot!("you_rating_picker_80x24", screen_text(&app));
}

#[test]
fn the_placed_rung_is_ticked_on_the_ladder() {
    let (_dir, path) = temp_plan();
    let ladder = Ladder::embedded().expect("built-in ladder");
    let scale = RatingScale::of(&ladder);
    let manager = ladder.level("manager").expect("manager");
    let mut store = PlanStore::open(&path).expect("plan opens");
    for reference in &manager.skills {
        let Some(rank) = scale.expected(reference) else {
            continue;
        };
        let step = scale.name(rank).expect("a step").to_owned();
        let edit = Edit::rate(store.plan(), &reference.skill, None, &step, None, today());
        store.apply(&edit).expect("saved");
    }
    let placed: Vec<String> = {
        let ratings = Ratings::of(store.plan(), &scale);
        rungs::plan::place(&ladder, &scale, &ratings)
            .placed()
            .map(|l| l.title.clone())
            .collect()
    };
    assert!(!placed.is_empty(), "meeting Manager places you somewhere");
    let app = app_with_plan(&path, 200, 60);
    let shown = screen_text(&app);
    for title in placed {
        let row = shown
            .lines()
            .find(|line| line.contains(&title) && line.contains('✓'));
        assert!(row.is_some(), "{title} ticked:\n{shown}");
    }
    // Placement says 100 % where every expectation is met.
    assert!(shown.contains("✓▰▰▰▰▰ 100%"), "{shown}");
}

#[test]
fn without_colour_the_marks_the_gauge_and_your_steps_still_read() {
    let (_dir, path) = temp_plan();
    rated_plan(&path);
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    let mut app =
        App::new(ladder, Settings::defaults(true), (120, 40)).with_plan(open_plan(Some(&path)));
    press(&mut app, "kkk");
    let buffer = common::buffer(&app);
    let coloured = buffer.content().iter().any(|cell| {
        cell.fg != ratatui::style::Color::Reset || cell.bg != ratatui::style::Color::Reset
    });
    assert!(!coloured, "NO_COLOR sends no colour");
    let shown = common::text(&buffer);
    for needle in [
        "◆ Manager",
        "◎ Director · target",
        "▱",
        "%",
        "expected, you",
    ] {
        assert!(shown.contains(needle), "{needle}:\n{shown}");
    }
}

#[test]
fn the_compare_picker_offers_you_first_once_the_plan_rates_something() {
    use ratatui::crossterm::event::KeyCode;
    // Without ratings: no "You" row.
    let (_dir, path) = temp_plan();
    let mut app = app_with_plan(&path, 120, 40);
    press(&mut app, "c");
    assert!(!screen_text(&app).contains("You: your ratings"));
    // With ratings: listed first, the cursor still on the default B.
    let (_dir2, rated) = temp_plan();
    rated_plan(&rated);
    let mut app = app_with_plan(&rated, 120, 40);
    press(&mut app, "c");
    let b = app.compare_screen().map(|c| c.b).expect("compare screen");
    let shown = screen_text(&app);
    assert!(shown.contains("  You: your ratings against B"), "{shown}");
    assert!(
        app.finder.selected > 0,
        "the cursor starts on B, not on You"
    );
    // Up to the top row and Enter: you against B.
    common::press_keys(
        &mut app,
        &[KeyCode::PageUp, KeyCode::PageUp, KeyCode::Enter],
    );
    match &app.screen {
        Screen::You(you) => assert_eq!(you.level, b),
        other => panic!("not the you screen: {other:?}"),
    }
    // Typing a name hides the row, so Enter picks the level typed.
    press(&mut app, "\u{1b}c");
    press(&mut app, "vice");
    assert!(!screen_text(&app).contains("You: your ratings"));
}

#[test]
fn gaps_already_in_the_plan_are_counted_apart_and_stay_after_undo() {
    let (_dir, path) = temp_plan();
    rated_plan(&path);
    let mut app = app_with_plan(&path, 120, 40);
    to_director_skills(&mut app);
    press(&mut app, "y");
    // The first gap bookmarked by hand, then every gap at once.
    press(&mut app, "b");
    assert_eq!(on_disk(&path).items.len(), 1);
    press(&mut app, "a");
    let all = on_disk(&path).items.len();
    let message = app.status.current().expect("a message").text.clone();
    assert!(
        message.starts_with(&format!("{} gaps of Director", all - 1))
            && message.contains("(1 already there)"),
        "{message}"
    );
    // Undo takes back the group, not the bookmark made before it.
    press(&mut app, "u");
    assert_eq!(
        on_disk(&path).items.len(),
        1,
        "after undo: {:?}",
        app.status.current()
    );
}

#[test]
fn rating_a_skill_on_you_against_a_level_keeps_the_cursor_on_that_skill() {
    let (_dir, path) = temp_plan();
    rated_plan(&path);
    let mut app = app_with_plan(&path, 120, 40);
    to_director_skills(&mut app);
    press(&mut app, "y");
    assert_eq!(app.screen_kind(), ScreenKind::You);
    // The first row is the largest gap; rating it at the top step moves it to the skills met.
    let (skill, _) = app
        .selected_skill_at_level()
        .expect("a row under the cursor");
    press(&mut app, "r");
    press_keys(&mut app, &[KeyCode::End, KeyCode::Up, KeyCode::Enter]);
    let saved = on_disk(&path);
    let top = step_names().last().cloned().expect("a scale");
    assert_eq!(
        saved.rating(&skill).map(|r| r.step.clone()),
        Some(top),
        "rated at the top step"
    );
    assert_eq!(
        app.selected_skill_at_level().map(|(s, _)| s),
        Some(skill),
        "the cursor followed the skill to its new row"
    );
}
