//! Drawing each explorer screen into a 200×60 `TestBackend` (target ≤ 1 ms a frame).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rungs::Ladder;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::view;

fn main() {
    divan::main();
}

fn app_at(ladder: Ladder, actions: &[Action]) -> App {
    let mut app = App::new(ladder, Settings::defaults(false), (200, 60));
    for &action in actions {
        app.update(action);
    }
    app
}

fn bench_screen(bencher: divan::Bencher<'_, '_>, ladder: Ladder, actions: &[Action]) {
    let app = app_at(ladder, actions);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    bencher.bench_local(|| {
        // A full redraw each time: clear so the diff cannot skip unchanged cells.
        terminal.clear().expect("clear");
        terminal
            .draw(|frame| view::draw(frame, &app))
            .expect("draw")
            .area
    });
}

fn builtin() -> Ladder {
    Ladder::embedded().expect("built-in ladder loads")
}

fn generated() -> Ladder {
    Ladder::from_sources(&rungs::ladder::generate::large_ladder(1000, 100_000, 500))
        .expect("generated ladder is valid")
}

#[divan::bench]
fn ladder_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::Up, Action::Up, Action::Up]);
}

#[divan::bench]
fn level_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::Up, Action::Up, Action::Open]);
}

#[divan::bench]
fn level_screen_skills_focused(bencher: divan::Bencher<'_, '_>) {
    bench_screen(
        bencher,
        builtin(),
        &[Action::Up, Action::Open, Action::NextPane, Action::Down],
    );
}

#[divan::bench]
fn help_overlay(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::Help]);
}

#[divan::bench]
fn compare_screen(bencher: divan::Bencher<'_, '_>) {
    // Manager against senior manager; the comparison is recomputed inside every frame.
    bench_screen(
        bencher,
        builtin(),
        &[Action::Up, Action::Compare, Action::Back],
    );
}

#[divan::bench]
fn compare_screen_skills_focused(bencher: divan::Bencher<'_, '_>) {
    bench_screen(
        bencher,
        builtin(),
        &[
            Action::Up,
            Action::Compare,
            Action::Back,
            Action::NextPane,
            Action::Down,
        ],
    );
}

#[divan::bench]
fn generated_ladder_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, generated(), &[Action::Top]);
}

#[divan::bench]
fn generated_level_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, generated(), &[Action::Top, Action::Open]);
}
