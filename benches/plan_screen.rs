//! The plan screen at 200×60 with what it draws each frame: the items, the selected item's
//! evidence, the target's bar and weekly chart (rebuilt from the log, here at its cap of
//! 5,000 entries), or a check-in beside your ratings; and folding a log past the cap. The
//! floor of `benches/render.rs` is drawn in the same run, for the ratio.
//!
//! Run: `cargo bench --bench plan_screen`

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rungs::Ladder;
use rungs::plan::{
    Edit, Evidence, EvidenceOwner, LOG_CAP, LOG_KEEP, Plan, PlanItem, fold_log, parse, to_toml,
};
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::{open_plan, view};

fn main() {
    divan::main();
}

const SIZE: (u16, u16) = (200, 60);

fn date(day: usize) -> toml::value::Datetime {
    let (year, month, day) = (2024 + day / 360, 1 + (day / 30) % 12, 1 + day % 28);
    format!("{year}-{month:02}-{day:02}")
        .parse()
        .expect("a date")
}

/// A plan aiming at director: every director skill an item with three pieces of evidence,
/// rated and re-rated until the log holds `LOG_CAP` entries over two years.
fn busy_plan(ladder: &Ladder) -> Plan {
    let director = ladder.level("director").expect("director");
    let mut plan = Plan {
        target: Some("director".into()),
        ..Plan::default()
    };
    for reference in &director.skills {
        let mut item = PlanItem::new(reference.skill.clone(), "director", date(0));
        for n in 0..3 {
            item.evidence.push(Evidence {
                date: date(n * 40),
                text: format!(
                    "Piece {n} of evidence for {}, long enough to wrap on a narrow pane and be cut",
                    reference.skill
                ),
                link: Some(format!("https://example.com/{}/{n}", reference.skill)),
            });
        }
        plan.items.push(item);
    }
    let steps = ["basic", "working", "advanced", "expert"];
    let mut i = 0;
    while plan.log.len() < LOG_CAP {
        let skill = &director.skills[i % director.skills.len()].skill;
        let when = date(i * 720 / LOG_CAP);
        let edit = Edit::rate(&plan, skill, None, steps[(i / 7) % 4], None, when);
        plan.apply_on(&edit, when);
        i += 1;
    }
    let owner = EvidenceOwner::Rating {
        skill: director.skills[0].skill.clone(),
    };
    plan.apply_on(
        &Edit::AddEvidence {
            owner,
            evidence: Evidence {
                date: date(700),
                text: "Rating evidence".into(),
                link: None,
            },
        },
        date(700),
    );
    plan
}

fn bench_plan(bencher: divan::Bencher<'_, '_>, actions: &[Action], checkin: bool) {
    let ladder = Ladder::embedded().expect("built-in ladder");
    let plan = busy_plan(&ladder);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, to_toml(&plan).expect("encodes")).expect("written");
    let state = open_plan(Some(&path)).on_date(date(720));
    let mut app = App::new(ladder, Settings::defaults(false), SIZE).with_plan(state);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    for &action in std::iter::once(&Action::ShowPlan).chain(actions) {
        terminal
            .draw(|frame| view::draw(frame, &app))
            .expect("draw");
        app.update(action);
    }
    if checkin {
        let theirs = parse("theirs.toml", &to_toml(&plan).expect("encodes")).expect("parses");
        app.open_checkin("theirs.toml".into(), theirs);
    }
    bencher.bench_local(|| {
        terminal.clear().expect("clear");
        terminal
            .draw(|frame| view::draw(frame, &app))
            .expect("draw")
            .area
    });
}

/// The floor, as in `benches/render.rs`: a full screen of plain text as one paragraph.
#[divan::bench]
fn floor_full_screen_of_text(bencher: divan::Bencher<'_, '_>) {
    common::floor_full_screen_of_text(bencher, SIZE);
}

/// Items, the first item's evidence, and the target with its weekly chart.
#[divan::bench]
fn plan_with_evidence_and_chart(bencher: divan::Bencher<'_, '_>) {
    bench_plan(bencher, &[Action::FocusNext], false);
}

/// Items, evidence, and a check-in in place of the target.
#[divan::bench]
fn plan_with_checkin(bencher: divan::Bencher<'_, '_>) {
    bench_plan(bencher, &[], true);
}

/// Folding a log one entry past the cap, as the save that crosses it does.
#[divan::bench]
fn fold_a_log_past_the_cap(bencher: divan::Bencher<'_, '_>) {
    let ladder = Ladder::embedded().expect("built-in ladder");
    let mut plan = busy_plan(&ladder);
    plan.apply(&Edit::SetCurrent {
        current: Some("manager".into()),
        title: None,
    });
    let log = plan.log;
    assert!(log.len() > LOG_CAP);
    bencher
        .with_inputs(|| log.clone())
        .bench_local_values(|mut log| {
            fold_log(&mut log, LOG_CAP, LOG_KEEP);
            log.len()
        });
}
