//! Drawing each explorer screen into a 200×60 `TestBackend`, the widest layout there is
//! (target ≤ 1 ms a frame). Each bench reaches its screen through keys, a frame drawn before
//! each as the loop does, then times full redraws.

mod common;

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rungs::Ladder;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::view;
use rungs::tui::widgets::text_input::TextEdit;

fn main() {
    divan::main();
}

const SIZE: (u16, u16) = (200, 60);

fn bench_screen(bencher: divan::Bencher<'_, '_>, ladder: Ladder, actions: &[Action]) {
    let mut app = App::new(ladder, Settings::defaults(false), SIZE);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    for &action in actions {
        terminal
            .draw(|frame| view::draw(frame, &app))
            .expect("draw");
        app.update(action);
        assert!(
            app.wait_for_search(Duration::from_secs(30)),
            "search answered"
        );
    }
    bencher.bench_local(|| {
        // A full redraw each time: clear so the diff cannot skip unchanged cells.
        terminal.clear().expect("clear");
        terminal
            .draw(|frame| view::draw(frame, &app))
            .expect("draw")
            .area
    });
}

/// The floor: a full 200×60 screen of plain text drawn as one paragraph, the least a frame
/// that fills the screen costs with this backend, in the same run as the screens.
#[divan::bench]
fn floor_full_screen_of_text(bencher: divan::Bencher<'_, '_>) {
    common::floor_full_screen_of_text(bencher, SIZE);
}

fn builtin() -> Ladder {
    Ladder::embedded().expect("built-in ladder loads")
}

fn generated() -> Ladder {
    Ladder::from_sources(&rungs::ladder::generate::large_ladder(1000, 100_000, 500))
        .expect("generated ladder is valid")
}

/// The home screen: the ladder, the level's page, its skills and a skill in full.
#[divan::bench]
fn home_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::Up, Action::Up, Action::Up]);
}

#[divan::bench]
fn home_screen_page_scrolled(bencher: divan::Bencher<'_, '_>) {
    bench_screen(
        bencher,
        builtin(),
        &[Action::Up, Action::FocusNext, Action::PageDown],
    );
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
        &[Action::Up, Action::Open, Action::FocusNext, Action::Down],
    );
}

#[divan::bench]
fn skill_overlay(bencher: divan::Bencher<'_, '_>) {
    bench_screen(
        bencher,
        builtin(),
        &[Action::Up, Action::Open, Action::FocusNext, Action::Open],
    );
}

#[divan::bench]
fn help_overlay(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::Help]);
}

#[divan::bench]
fn messages_overlay(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::Down, Action::Messages]);
}

#[divan::bench]
fn search_overlay(bencher: divan::Bencher<'_, '_>) {
    let mut actions = vec![Action::Search];
    actions.extend("budg".chars().map(|c| Action::Edit(TextEdit::Insert(c))));
    bench_screen(bencher, builtin(), &actions);
}

#[divan::bench]
fn compare_picker(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::Up, Action::Compare]);
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
            Action::FocusNext,
            Action::Down,
        ],
    );
}

#[divan::bench]
fn plan_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, builtin(), &[Action::ShowPlan]);
}

#[divan::bench]
fn generated_home_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, generated(), &[Action::Top]);
}

#[divan::bench]
fn generated_level_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, generated(), &[Action::Top, Action::Open]);
}

/// The skill catalogue: the skills by category, the fourth skill's rubric and its levels.
#[divan::bench]
fn catalogue_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(
        bencher,
        builtin(),
        &[Action::Catalogue, Action::Down, Action::Down, Action::Down],
    );
}

/// The catalogue of the generated ladder: every list row says how many of its 1,000 levels
/// expect the skill, and the levels pane lists them.
#[divan::bench]
fn generated_catalogue_screen(bencher: divan::Bencher<'_, '_>) {
    bench_screen(bencher, generated(), &[Action::Catalogue, Action::Down]);
}

/// The generated ladder's home screen with a plan rating 1,000 skills: each rung shows its fit
/// gauge. Placement is computed once per change of the plan, so a frame should cost about what
/// `generated_home_screen` costs (the same run shows both).
#[divan::bench]
fn generated_home_screen_rated(bencher: divan::Bencher<'_, '_>) {
    use rungs::plan::{Plan, Rating, RatingScale, today};
    let ladder = generated();
    let scale = RatingScale::of(&ladder);
    let step = scale.steps().get(1).cloned().unwrap_or_default();
    let plan = Plan {
        ratings: ladder
            .skills()
            .iter()
            .take(1000)
            .map(|skill| Rating {
                skill: skill.id.clone(),
                skill_name: None,
                step: step.clone(),
                date: today(),
                note: String::new(),
                evidence: Vec::new(),
            })
            .collect(),
        ..Plan::default()
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, rungs::plan::to_toml(&plan).expect("encodes")).expect("written");
    // Opened through the store, as the explorer opens it.
    let mut app = App::new(ladder, Settings::defaults(false), SIZE)
        .with_plan(rungs::tui::open_plan(Some(&path)));
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    app.update(Action::Top);
    assert!(app.you().has_ratings(), "the plan rates skills");
    bencher.bench_local(|| {
        terminal.clear().expect("clear");
        terminal
            .draw(|frame| view::draw(frame, &app))
            .expect("draw")
            .area
    });
}
