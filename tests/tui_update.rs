//! The explorer's state: Actions in, state out, no terminal. And a property test driving
//! random keys at random sizes, down to 1×1, through update and draw.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rungs::Ladder;
use rungs::tui::action::Action;
use rungs::tui::app::{App, LevelPane, Overlay, Screen};
use rungs::tui::config::Settings;
use rungs::tui::{action_for_event, view};

fn app() -> App {
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    App::new(ladder, Settings::defaults(false), (80, 24))
}

fn run(app: &mut App, actions: &[Action]) {
    for &action in actions {
        app.update(action);
    }
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

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
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
        let mut app = App::new(
            Ladder::embedded().expect("loads"),
            Settings::defaults(false),
            (width, height),
        );
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
        for action in actions {
            app.update(action);
            if let Action::Resize(w, h) = action {
                terminal.backend_mut().resize(w, h);
            }
            terminal.draw(|frame| view::draw(frame, &app)).expect("draws");
        }
        prop_assert!(app.skill_cursor < app.level().map_or(1, |l| l.skills.len().max(1)));
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
            Action::Compare,
            Action::NextPane,
            Action::BRungUp,
            Action::Help,
        ] {
            app.update(action);
            terminal
                .draw(|frame| view::draw(frame, &app))
                .expect("draws");
        }
    }
}
