//! Save and load a development plan of 500 items (more than a person bookmarks) through the store, the way every change
//! in the explorer does (atomic write with fsync; parse with full checks).
//!
//! Run: `cargo bench --bench plan`

use rungs::plan::{Edit, Plan, PlanItem, PlanStore, Status, to_toml, write_atomically};
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
