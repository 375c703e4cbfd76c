//! The explorer's loop handles every waiting event before it draws: a held key or a burst of
//! resizes costs one frame, and a quit key wins over what is queued behind it.

mod common;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rungs::tui::action::Action;
use rungs::tui::handle_events;

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn a_held_key_handled_in_one_batch_moves_as_far_as_one_at_a_time() {
    let mut batched = common::app(100, 30, true);
    let mut one_by_one = common::app(100, 30, true);
    assert!(!handle_events(&mut batched, vec![key('k'); 3]));
    for _ in 0..3 {
        one_by_one.update(Action::Up);
    }
    let level = |app: &rungs::tui::app::App| app.level().map(|l| l.id.clone());
    assert_eq!(level(&batched), level(&one_by_one));
    assert_ne!(level(&batched), level(&common::app(100, 30, true)));
}

#[test]
fn q_wins_over_the_keys_queued_behind_it() {
    let mut app = common::app(100, 30, true);
    let before = app.screen.clone();
    let mut events = vec![key('q')];
    events.extend(vec![key('k'); 100]);
    assert!(handle_events(&mut app, events), "quit");
    assert_eq!(app.screen, before, "nothing after q was handled");
}

#[test]
fn ctrl_c_quits_from_the_search_field_and_from_behind_a_backlog() {
    let mut app = common::app(100, 30, true);
    let mut events = vec![key('/')];
    events.extend(vec![key('k'); 1000]);
    events.push(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(handle_events(&mut app, events));
    assert!(!app.takes_text(), "quit before the backlog was typed in");
}

#[test]
fn q_typed_into_the_search_field_is_text_not_quit() {
    let mut app = common::app(100, 30, true);
    assert!(!handle_events(&mut app, vec![key('/'), key('q')]));
    assert!(app.takes_text());
}

#[test]
fn a_burst_of_resizes_ends_at_the_last_size_in_order_with_keys() {
    let mut app = common::app(100, 30, true);
    let mut events: Vec<Event> = (0..500u16)
        .map(|i| Event::Resize(20 + i % 200, 5 + i % 60))
        .collect();
    events.push(Event::Resize(81, 23));
    assert!(!handle_events(&mut app, events));
    assert_eq!(app.size, (81, 23));
    // A key between resizes sees the size that came before it.
    let events = vec![Event::Resize(120, 40), key('k'), Event::Resize(60, 20)];
    assert!(!handle_events(&mut app, events));
    assert_eq!(app.size, (60, 20));
    let shown = common::text(&common::buffer(&app));
    assert_eq!(shown.lines().count(), 20);
}

#[test]
fn keys_typed_ahead_act_on_a_screen_not_yet_drawn() {
    // Enter opens the level, Tab focuses its skills and b bookmarks the first one, all in one
    // batch: the level screen has no frame yet when b arrives.
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.toml");
    let mut app = common::app(100, 30, true).with_plan(rungs::tui::open_plan(Some(&path)));
    let tab = Event::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(!handle_events(&mut app, vec![enter, tab, key('b')]));
    let plan = common::on_disk(&path);
    assert_eq!(
        plan.items.len(),
        1,
        "the skill under the cursor was bookmarked"
    );
}

/// The first frame is sent without ratatui's diff (`draw_first_frame`): the terminal must end
/// up showing what `Terminal::draw` would have shown, cursor included.
fn first_frame_both_ways(app: &mut rungs::tui::app::App) {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let (width, height) = app.size;
    let mut drawn = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    drawn
        .draw(|frame| rungs::tui::view::draw(frame, app))
        .expect("draws");
    let mut first = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    rungs::tui::draw_first_frame(&mut first, app).expect("draws");
    assert_eq!(first.backend().buffer(), drawn.backend().buffer());
    assert_eq!(
        first.backend().cursor_visible(),
        drawn.backend().cursor_visible()
    );
    assert_eq!(
        first.backend().cursor_position(),
        drawn.backend().cursor_position()
    );
}

#[test]
fn the_first_frame_shows_what_a_drawn_frame_shows() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = common::app(width, height, false);
        first_frame_both_ways(&mut app);
        // A text field places the cursor.
        app.update(Action::Search);
        common::press(&mut app, "direc");
        assert!(
            app.cursor.get().is_some(),
            "the search field shows the cursor"
        );
        first_frame_both_ways(&mut app);
    }
}
