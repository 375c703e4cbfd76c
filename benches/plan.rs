//! Save and load a development plan of 500 items (more than a person bookmarks) through the
//! store, the way every change in the explorer does (atomic write with fsync; parse with full
//! checks); place 1,000 ratings on the generated 1,000-level ladder; export the promotion case.
//!
//! Run: `cargo bench --bench plan`

use std::sync::LazyLock;

use rungs::Ladder;
use rungs::ladder::generate;
use rungs::plan::{
    Edit, Evidence, EvidenceOwner, Plan, PlanItem, PlanStore, RatingScale, Ratings, Status, place,
    to_toml, write_atomically,
};
use toml::value::{Date, Datetime};

fn main() {
    divan::main();
}

const ITEMS: usize = 500;

fn large_plan() -> Plan {
    let added = Datetime {
        date: Some(Date {
            year: 2026,
            month: 1,
            day: 5,
        }),
        time: None,
        offset: None,
    };
    let mut plan = Plan {
        target: Some("director".into()),
        target_title: Some("Director".into()),
        ..Plan::default()
    };
    for i in 0..ITEMS {
        let mut item = PlanItem::new(format!("skill-{i}"), format!("level-{}", i % 12), added);
        item.skill_name = Some(format!("Skill number {i}"));
        item.level_title = Some(format!("Level {}", i % 12));
        item.status = Status::ALL[i % 3];
        item.note = format!("Note {i}: read \"the book\", then practise.\nSecond line.");
        plan.items.push(item);
    }
    plan
}

/// One edit saved: re-read and compare the file, apply, encode, write atomically with fsync.
#[divan::bench(sample_count = 30)]
fn save_500_items(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    write_atomically(&path, to_toml(&large_plan()).expect("encodes").as_bytes()).expect("saved");
    let mut store = PlanStore::open(&path).expect("valid");
    let mut round = 0u64;
    bencher.bench_local(|| {
        round += 1;
        let edit = Edit::SetNote {
            skill: "skill-0".into(),
            level: "level-0".into(),
            note: format!("round {round}"),
        };
        store.apply(&edit).expect("saved")
    });
}

/// Read, parse and check the file.
#[divan::bench(sample_count = 30)]
fn load_500_items(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    write_atomically(&path, to_toml(&large_plan()).expect("encodes").as_bytes()).expect("saved");
    bencher.bench(|| PlanStore::open(divan::black_box(&path)).expect("valid"));
}

/// Encoding alone, to see how a save divides between TOML and the disk.
#[divan::bench(sample_count = 30)]
fn encode_500_items(bencher: divan::Bencher) {
    let plan = large_plan();
    bencher.bench(|| to_toml(divan::black_box(&plan)).expect("encodes"));
}

/// The generated ladder the other benches use: 1,000 levels, 100,000 skill references, 500
/// skills.
static LARGE: LazyLock<Ladder> = LazyLock::new(|| {
    Ladder::from_sources(&generate::large_ladder(1_000, 100_000, 500)).expect("valid")
});

/// 1,000 ratings: the 500 catalogue skills at every step in turn, and 500 skills the ladder
/// does not know (a plan kept across ladders), so half the lookups miss.
fn thousand_ratings(scale: &RatingScale) -> Ratings {
    let steps = scale.steps().len();
    Ratings::from_pairs((0..1_000).map(|i| {
        let skill = if i < 500 {
            format!("skill-{i}")
        } else {
            format!("elsewhere-{i}")
        };
        (skill, u8::try_from(i % steps + 1).unwrap_or(1))
    }))
}

/// Placement on every track with the fit of every level: 100,000 expectations checked.
#[divan::bench(sample_count = 100)]
fn place_1000_ratings_on_1000_levels(bencher: divan::Bencher) {
    let ladder = &*LARGE;
    let scale = RatingScale::of(ladder);
    let ratings = thousand_ratings(&scale);
    bencher.bench(|| place(ladder, &scale, divan::black_box(&ratings)));
}

/// The floor beside it: one hash lookup per expectation and nothing else.
#[divan::bench(sample_count = 100)]
fn floor_one_lookup_per_expectation(bencher: divan::Bencher) {
    let ladder = &*LARGE;
    let scale = RatingScale::of(ladder);
    let ratings = thousand_ratings(&scale);
    bencher.bench(|| {
        let mut found = 0usize;
        for level in ladder.levels() {
            for reference in &level.skills {
                found += usize::from(divan::black_box(&ratings).get(&reference.skill).is_some());
            }
        }
        found
    });
}

/// A plan of 500 items on the generated ladder, each with two pieces of evidence, 500 ratings
/// with one each, a target whose skills are partly rated, saved so the store can open it.
fn promotion_plan(dir: &std::path::Path) -> PlanStore {
    let ladder = &*LARGE;
    let date: Datetime = "2026-02-01".parse().expect("date");
    let mut plan = Plan {
        current: Some("level-98".into()),
        target: Some("level-99".into()),
        ..Plan::default()
    };
    let scale = RatingScale::of(ladder);
    for i in 0..500 {
        let level = &ladder.levels()[i % ladder.levels().len()];
        let skill = &level.skills[i % level.skills.len()].skill;
        let mut item = PlanItem::new(skill.clone(), level.id.clone(), date);
        if plan.contains(&item.skill, &item.level) {
            item.level = format!("elsewhere-{i}");
        }
        item.note = format!("Note {i}: practise in the next quarter.");
        for n in 0..2 {
            item.evidence.push(Evidence {
                date,
                text: format!("Evidence {n} for item {i}: led the review of project {i}."),
                link: Some(format!("https://wiki.example.com/item-{i}/{n}")),
            });
        }
        plan.items.push(item);
        let step = &scale.steps()[i % scale.steps().len()];
        let rate = Edit::rate(
            &plan,
            &format!("skill-{i}"),
            None,
            step,
            Some(format!("why {i}")),
            date,
        );
        plan.apply_on(&rate, date);
        plan.apply_on(
            &Edit::AddEvidence {
                owner: EvidenceOwner::Rating {
                    skill: format!("skill-{i}"),
                },
                evidence: Evidence {
                    date,
                    text: format!("Shown at step {step} in project {i}."),
                    link: None,
                },
            },
            date,
        );
    }
    let path = dir.join("plan.toml");
    write_atomically(&path, to_toml(&plan).expect("encodes").as_bytes()).expect("saved");
    PlanStore::open(&path).expect("valid")
}

/// `rungs plan export --format markdown` without the I/O: the case gathered and rendered.
#[divan::bench(sample_count = 100)]
fn export_markdown_500_items_with_evidence(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = promotion_plan(dir.path());
    let ladder = &*LARGE;
    bencher.bench(|| rungs::cli::plan_export::markdown(divan::black_box(&store), ladder, None));
}

/// `rungs plan export --format json` without the I/O.
#[divan::bench(sample_count = 100)]
fn export_json_500_items_with_evidence(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = promotion_plan(dir.path());
    let ladder = &*LARGE;
    bencher.bench(|| {
        rungs::cli::plan_export::json(divan::black_box(&store), ladder, None).expect("encodes")
    });
}
