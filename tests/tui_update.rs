//! The explorer's state: Actions in, state out, no terminal. And a property test driving
//! random keys at random sizes, down to 1×1, through update and draw.

mod common;

use common::{PATIENCE, press_key, run};

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rungs::Ladder;
use rungs::search::EntryKind;
use rungs::tui::action::Action;
use rungs::tui::app::{App, LevelPane, Overlay, Screen};
use rungs::tui::config::Settings;
use rungs::tui::finder::PickPurpose;
use rungs::tui::widgets::text_input::TextEdit;
use rungs::tui::{action_for_event, view};

/// The explorer over the built-in ladder at 80×24.
fn app() -> App {
    common::app(80, 24, false)
}

fn selected(app: &App) -> &str {
    app.level().map_or("", |l| l.id.as_str())
}

#[test]
fn up_and_down_climb_the_track_and_stop_at_its_ends() {
    let mut app = app();
    assert_eq!(selected(&app), "individual-contributor");
    run(&mut app, &[Action::Up, Action::Up]);
    assert_eq!(selected(&app), "senior-manager");
    run(&mut app, &[Action::Top]);
    assert_eq!(selected(&app), "c-suite");
    run(&mut app, &[Action::Up]);
    assert_eq!(selected(&app), "c-suite", "no rung above the top");
    run(&mut app, &[Action::Bottom, Action::Down]);
    assert_eq!(selected(&app), "individual-contributor");
}

#[test]
fn changing_track_lands_on_an_equivalent_level() {
    let mut app = app();
    run(&mut app, &[Action::Up, Action::Up, Action::Up]);
    assert_eq!(selected(&app), "director");
    run(&mut app, &[Action::NextPane]);
    let equivalents: Vec<String> = app
        .ladder
        .equivalents_of("director")
        .iter()
        .map(|l| l.id.clone())
        .collect();
    assert!(
        equivalents.iter().any(|id| id == selected(&app)),
        "{} is not among {equivalents:?}",
        selected(&app)
    );
    run(&mut app, &[Action::NextPane]);
    assert!(
        app.level().is_some_and(|l| l.track == "technical"),
        "no track further right"
    );
    run(&mut app, &[Action::PreviousPane]);
    assert_eq!(app.level().map(|l| l.track.as_str()), Some("management"));
}

#[test]
fn enter_opens_the_level_and_esc_goes_back_to_the_same_rung() {
    let mut app = app();
    run(&mut app, &[Action::Up, Action::Open]);
    assert_eq!(app.screen, Screen::Level);
    assert_eq!(app.level_pane, LevelPane::Details);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen, Screen::Ladder);
    assert_eq!(selected(&app), "manager");
}

#[test]
fn details_scroll_stays_within_the_text() {
    let mut app = app();
    run(&mut app, &[Action::Open, Action::Down, Action::Down]);
    assert_eq!(app.details_scroll, 2);
    run(&mut app, &[Action::Bottom]);
    let bottom = app.details_scroll;
    assert!(bottom > 10, "the page is longer than the pane: {bottom}");
    run(&mut app, &[Action::PageDown, Action::Down]);
    assert_eq!(app.details_scroll, bottom, "no scrolling past the end");
    run(&mut app, &[Action::PageUp]);
    assert!(app.details_scroll < bottom);
    run(&mut app, &[Action::Top]);
    assert_eq!(app.details_scroll, 0);
}

#[test]
fn the_skill_cursor_names_the_selected_skill_and_stays_in_the_list() {
    let mut app = app();
    run(&mut app, &[Action::Open, Action::NextPane]);
    assert_eq!(app.level_pane, LevelPane::Skills);
    let first = app.selected_skill_id().map(str::to_owned);
    assert!(first.is_some());
    run(&mut app, &[Action::Down]);
    let second = app.selected_skill_id().map(str::to_owned);
    assert_ne!(first, second);
    run(&mut app, &[Action::Bottom, Action::Down, Action::Down]);
    let count = app.level().map_or(0, |l| l.skills.len());
    assert_eq!(app.skill_cursor, count - 1);
    run(&mut app, &[Action::Top]);
    assert_eq!(app.selected_skill_id().map(str::to_owned), first);
}

#[test]
fn a_new_level_starts_at_the_top_of_its_page_and_skills() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Open, Action::NextPane, Action::Down, Action::Back],
    );
    run(&mut app, &[Action::Up, Action::Open]);
    assert_eq!(app.skill_cursor, 0);
    assert_eq!(app.details_scroll, 0);
}

#[test]
fn help_opens_over_any_screen_and_takes_the_keys_until_closed() {
    let mut app = app();
    run(&mut app, &[Action::Open, Action::Help]);
    assert_eq!(app.overlay, Some(Overlay::Help));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen, Screen::Level, "Esc closed only the help");
    run(&mut app, &[Action::Help, Action::Up, Action::Help]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.details_scroll, 0);
}

#[test]
fn quit_works_everywhere() {
    for setup in [vec![], vec![Action::Open], vec![Action::Help]] {
        let mut app = app();
        run(&mut app, &setup);
        run(&mut app, &[Action::Quit]);
        assert!(app.should_quit);
    }
}

#[test]
fn clicking_a_rung_selects_it_and_clicking_again_opens_it() {
    let mut app = app();
    // Row 3 is the top rung (header, border, track headings); column 3 is in the first track.
    run(&mut app, &[Action::Click(5, 3)]);
    assert_eq!(selected(&app), "c-suite");
    assert_eq!(app.screen, Screen::Ladder);
    run(&mut app, &[Action::Click(5, 3)]);
    assert_eq!(app.screen, Screen::Level);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_mouse() {
    let mut app = app();
    run(&mut app, &[Action::Open]);
    run(
        &mut app,
        &[Action::Wheel {
            column: 10,
            row: 10,
            up: false,
        }],
    );
    assert_eq!(app.details_scroll, 3);
    run(
        &mut app,
        &[Action::Wheel {
            column: 60,
            row: 5,
            up: false,
        }],
    );
    assert_eq!(app.level_pane, LevelPane::Skills);
    assert_eq!(app.skill_cursor, 1);
    // A click on a skill row moves the cursor there.
    run(&mut app, &[Action::Click(60, 3)]);
    assert_eq!(app.skill_cursor, 0);
}

#[test]
fn only_key_presses_become_actions() {
    let settings = Settings::defaults(false);
    let mut press = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        action_for_event(&settings, &Event::Key(press)),
        Some(Action::Down)
    );
    press.kind = KeyEventKind::Release;
    assert_eq!(action_for_event(&settings, &Event::Key(press)), None);
    press.kind = KeyEventKind::Repeat;
    assert_eq!(action_for_event(&settings, &Event::Key(press)), None);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press_key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn key(app: &mut App, code: KeyCode) {
    press_key(app, code, KeyModifiers::NONE);
}

/// The kind and level of the selected result.
fn chosen(app: &App) -> (EntryKind, usize) {
    let entry = app.finder.chosen().expect("a result is selected");
    (entry.kind, entry.level)
}

/// The screen state that search must leave alone when closed with Esc.
fn screen_state(app: &App) -> (Screen, usize, LevelPane, usize, usize, Option<Overlay>) {
    (
        app.screen,
        app.selected_level,
        app.level_pane,
        app.details_scroll,
        app.skill_cursor,
        app.overlay,
    )
}

#[test]
fn slash_opens_search_where_letters_type_and_only_ctrl_c_quits() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.overlay, Some(Overlay::Search));
    type_text(&mut app, "q?jk");
    assert!(!app.should_quit);
    assert_eq!(app.finder.input.value(), "q?jk");
    assert_eq!(
        app.overlay,
        Some(Overlay::Search),
        "? and q type, they do not act"
    );
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Delete);
    assert_eq!(app.finder.input.value(), "?k");
    press_key(&mut app, KeyCode::End, KeyModifiers::NONE);
    press_key(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(
        app.finder.input.value(),
        "?",
        "Ctrl-W deletes the word before"
    );
    press_key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.finder.input.value(), "", "Ctrl-U deletes to the start");
    press_key(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.should_quit);
}

#[test]
fn results_follow_every_key() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    let levels = app.ladder.levels().len();
    assert_eq!(
        app.finder.rows().len(),
        levels,
        "an empty query lists the levels"
    );
    assert_eq!(chosen(&app), (EntryKind::Level, 0));
    type_text(&mut app, "budg");
    let budget = app.finder.rows().len();
    assert!(budget > 0 && budget < 200, "{budget}");
    assert_eq!(app.finder.answered_query(), "budg");
    type_text(&mut app, "zzzq");
    assert!(app.finder.rows().is_empty());
    assert_eq!(app.finder.chosen(), None);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.overlay,
        Some(Overlay::Search),
        "Enter on no result does nothing"
    );
}

#[test]
fn enter_on_a_skill_opens_its_level_with_the_cursor_on_that_skill() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "financial acumen");
    // The results list every level that asks for the skill; take the second.
    key(&mut app, KeyCode::Down);
    let (kind, level) = chosen(&app);
    assert_eq!(kind, EntryKind::Skill);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen, Screen::Level);
    assert_eq!(app.selected_level, level);
    assert_eq!(app.level_pane, LevelPane::Skills);
    assert_eq!(app.selected_skill_id(), Some("financial-acumen"));
    assert!(
        app.skill_cursor > 0,
        "not simply the first skill of the list"
    );
}

#[test]
fn enter_on_a_responsibility_scrolls_the_details_to_it() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    // The last responsibility of the top level sits below the first page at 80×24.
    let top = app.ladder.levels().len() - 1;
    let duty = app.ladder.levels()[top]
        .responsibilities
        .last()
        .expect("the top level has duties")
        .clone();
    type_text(&mut app, &duty);
    let (kind, level) = chosen(&app);
    assert_eq!((kind, level), (EntryKind::Responsibility, top), "{duty}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Level);
    assert_eq!(app.level_pane, LevelPane::Details);
    assert!(app.details_scroll > 0);
    let backend = TestBackend::new(80, 24);
    let mut terminal = Terminal::new(backend).expect("backend");
    terminal.draw(|f| view::draw(f, &app)).expect("draws");
    let buffer = terminal.backend().buffer();
    let rows: Vec<String> = (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    let start: String = duty
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        rows.iter().any(|r| r.contains(&start)),
        "`{start}` not on screen:\n{}",
        rows.join("\n")
    );
}

#[test]
fn enter_typed_before_the_answer_acts_on_the_query_as_typed() {
    let mut app = app();
    run(&mut app, &[Action::Search]);
    assert!(app.wait_for_search(PATIENCE));
    // No waiting between keys: Enter may come before the worker has answered "sr acc".
    for c in "sr acc".chars() {
        app.update(Action::Edit(TextEdit::Insert(c)));
    }
    app.update(Action::Open);
    assert!(app.wait_for_search(PATIENCE));
    assert_eq!(app.overlay, None);
    assert_eq!(selected(&app), "senior-manager");
    assert_eq!(app.screen, Screen::Level);
}

#[test]
fn esc_closes_search_and_leaves_the_screen_exactly_as_it_was() {
    let mut app = app();
    run(
        &mut app,
        &[
            Action::Up,
            Action::Up,
            Action::Open,
            Action::Down,
            Action::Down,
        ],
    );
    run(&mut app, &[Action::NextPane, Action::Down, Action::Down]);
    let before = screen_state(&app);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "direct");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Esc);
    assert_eq!(screen_state(&app), before);
    // And the same for the picker, opened to go to a level or to choose the plan's target.
    for (letter, purpose) in [('o', PickPurpose::GoTo), ('t', PickPurpose::Target)] {
        key(&mut app, KeyCode::Char(letter));
        assert_eq!(app.overlay, Some(Overlay::Picker { purpose }));
        type_text(&mut app, "vice");
        key(&mut app, KeyCode::Esc);
        assert_eq!(screen_state(&app), before);
    }
}

#[test]
fn the_picker_lists_each_level_once_and_goes_to_the_one_picked() {
    let mut app = app();
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.finder.rows().len(), app.ladder.levels().len());
    type_text(&mut app, "sr acc");
    let index = app.finder.index().expect("index built");
    let mut levels = Vec::new();
    for ranked in app.finder.rows() {
        let entry = &index.entries()[ranked.entry];
        assert!(
            matches!(entry.kind, EntryKind::Level | EntryKind::ExampleTitle),
            "{entry:?}"
        );
        assert!(!levels.contains(&entry.level), "level listed twice");
        levels.push(entry.level);
    }
    let (kind, level) = chosen(&app);
    assert_eq!(kind, EntryKind::ExampleTitle);
    assert_eq!(app.ladder.levels()[level].id, "senior-manager");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen, Screen::Level);
    assert_eq!(selected(&app), "senior-manager");
}

#[test]
fn search_and_go_to_keys_follow_the_keymap() {
    let user =
        rungs::tui::config::parse("c.toml", "[keys]\nsearch = [\"f3\"]\n").expect("valid config");
    let mut app = app();
    app.settings = Settings::with_overrides(false, &user);
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.overlay, None);
    key(&mut app, KeyCode::F(3));
    assert_eq!(app.overlay, Some(Overlay::Search));
}

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('a', 'z'),
        proptest::sample::select(vec![' ', 'é', '日', '本', '🛠', '\u{1b}', '\u{7}', 'Z']),
    ]
}

fn any_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        4 => any_char().prop_map(TextEdit::Insert),
        1 => proptest::sample::select(vec![
            TextEdit::Left,
            TextEdit::Right,
            TextEdit::WordLeft,
            TextEdit::WordRight,
            TextEdit::Start,
            TextEdit::End,
            TextEdit::DeleteBack,
            TextEdit::DeleteForward,
            TextEdit::DeleteWordBack,
            TextEdit::DeleteToStart,
            TextEdit::DeleteToEnd,
        ]),
    ]
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        any_edit().prop_map(Action::Edit),
        proptest::sample::select(Action::KEYABLE.to_vec())
            .prop_filter("keep going", |a| *a != Action::Quit),
        (0u16..130, 0u16..50).prop_map(|(c, r)| Action::Click(c, r)),
        (0u16..130, 0u16..50, any::<bool>()).prop_map(|(column, row, up)| Action::Wheel {
            column,
            row,
            up
        }),
        (1u16..130, 1u16..50).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_keys_at_random_sizes_never_panic(
        width in 1u16..130,
        height in 1u16..50,
        actions in proptest::collection::vec(any_action(), 0..40),
    ) {
        // A real plan file, so bookmarks, notes and targets are saved as the keys ask.
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = App::new(
            Ladder::embedded().expect("loads"),
            Settings::defaults(false),
            (width, height),
        )
        .with_plan(rungs::tui::open_plan(Some(&folder.path().join("plan.toml"))));
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
        for action in actions {
            app.update(action);
            prop_assert!(app.wait_for_search(PATIENCE));
            if let Action::Resize(w, h) = action {
                terminal.backend_mut().resize(w, h);
            }
            terminal.draw(|frame| view::draw(frame, &app)).expect("draws");
        }
        prop_assert!(app.skill_cursor < app.level().map_or(1, |l| l.skills.len().max(1)));
        prop_assert!(app.plan.item_cursor < app.plan.items().len().max(1));
        // Compare's actions are among the keyable ones drawn here; its cursor stays in its list.
        if let Some(c) = app.comparison() {
            prop_assert!(app.compare_cursor < c.skills.len().max(1));
        }
    }
}

#[test]
fn one_by_one_and_a_burst_of_resizes_do_not_panic() {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).expect("backend");
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (40, 12),
        (39, 12),
        (200, 60),
        (1, 1),
        (80, 24),
    ] {
        app.update(Action::Resize(w, h));
        terminal.backend_mut().resize(w, h);
        for action in [
            Action::Open,
            Action::NextPane,
            Action::Bottom,
            Action::Bookmark,
            Action::ShowPlan,
            Action::EditNote,
            Action::Edit(TextEdit::Insert('n')),
            Action::Back,
            Action::Help,
            Action::Search,
            Action::Edit(TextEdit::Insert('日')),
            Action::Down,
            Action::Back,
            Action::GoToLevel,
            Action::Edit(TextEdit::Insert('m')),
            Action::Back,
            Action::SetTarget,
            Action::Edit(TextEdit::Insert('d')),
            Action::Back,
            Action::Compare,
            Action::Edit(TextEdit::Insert('s')),
            Action::Back,
            Action::NextPane,
            Action::BRungUp,
            Action::Help,
        ] {
            app.update(action);
            assert!(app.wait_for_search(PATIENCE));
            terminal
                .draw(|frame| view::draw(frame, &app))
                .expect("draws");
        }
    }
}
