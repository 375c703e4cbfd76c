//! Plan format version 2: a version 1 file loads as it is and its first save writes version 2
//! with everything it held; a version 2 file with every field survives a save; a newer version
//! stays read-only.

use std::path::Path;

use rungs::plan::{
    Change, Edit, EvidenceOwner, PLAN_VERSION, Plan, PlanError, PlanStore, Status, parse, to_toml,
};

const V1: &str = include_str!("fixtures/plan/v1-every-field.toml");
const V2: &str = include_str!("fixtures/plan/v2-every-field.toml");

fn sandbox(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, text).expect("write fixture");
    (dir, path)
}

fn on_disk(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).expect("read");
    parse("plan.toml", &text).expect("a valid plan")
}

#[test]
fn a_version_1_file_loads_as_it_is() {
    let plan = parse("v1.toml", V1).expect("version 1 is read");
    assert_eq!(plan.version, 1);
    assert_eq!(plan.target.as_deref(), Some("director"));
    assert_eq!(plan.target_title.as_deref(), Some("Director"));
    assert_eq!(plan.items.len(), 3);
    let budgeting = &plan.items[0];
    assert_eq!(budgeting.skill_name.as_deref(), Some("Budget management"));
    assert_eq!(budgeting.level_title.as_deref(), Some("Director"));
    assert_eq!(budgeting.status, Status::InProgress);
    assert_eq!(
        budgeting.note,
        "Shadow the Q3 budget review.\nAsk finance for last year's numbers."
    );
    assert_eq!(budgeting.added.to_string(), "2026-01-05");
    assert_eq!(plan.items[2].level, "gone-level");
    assert!(plan.ratings.is_empty() && plan.log.is_empty() && plan.current.is_none());
}

#[test]
fn the_first_edit_of_a_version_1_file_writes_version_2_with_everything() {
    let (_dir, path) = sandbox(V1);
    let before = parse("v1.toml", V1).expect("valid");
    let mut store = PlanStore::open(&path).expect("opens");
    let saved = store
        .apply(&Edit::SetCurrent {
            current: Some("manager".into()),
            title: Some("Manager".into()),
        })
        .expect("saved");
    assert!(saved.changed);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("version = 2"), "{text}");
    let after = on_disk(&path);
    assert_eq!(after.version, PLAN_VERSION);
    // Items (with their notes, dates and the one the ladder does not know) and the target are
    // all there, unchanged.
    assert_eq!(after.items, before.items);
    assert_eq!(after.target, before.target);
    assert_eq!(after.target_title, before.target_title);
    assert_eq!(after.current.as_deref(), Some("manager"));
    assert_eq!(after.log.len(), 1);
    assert_eq!(after.log[0].change, Change::Current);
    assert_eq!(after.log[0].to.as_deref(), Some("manager"));
}

#[test]
fn every_version_2_field_is_read_and_survives_a_save() {
    let plan = parse("v2.toml", V2).expect("version 2 is read");
    assert_eq!(plan.version, 2);
    assert_eq!(plan.current.as_deref(), Some("manager"));
    assert_eq!(plan.current_title.as_deref(), Some("Manager"));
    let evidence = &plan.items[0].evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(
        evidence[0].link.as_deref(),
        Some("https://wiki.example.com/q1-forecast")
    );
    let coaching = plan.rating("coaching-mentoring").expect("rated");
    assert_eq!(coaching.step, "advanced");
    assert_eq!(coaching.evidence.len(), 1);
    assert_eq!(coaching.evidence[0].link, None);
    assert_eq!(plan.log.len(), 5);
    assert_eq!(plan.log[2].from.as_deref(), Some("working"));

    // Encoded and read back: equal.
    let text = to_toml(&plan).expect("encodes");
    assert_eq!(parse("again.toml", &text).as_ref(), Ok(&plan));

    // Saved through the store after one more edit: everything else is kept.
    let (_dir, path) = sandbox(V2);
    let mut store = PlanStore::open(&path).expect("opens");
    store
        .apply(&Edit::AddEvidence {
            owner: EvidenceOwner::Rating {
                skill: "budgeting".into(),
            },
            evidence: rungs::plan::Evidence {
                date: "2026-03-01".parse().expect("date"),
                text: "Owned the budget of a team of 12.".into(),
                link: None,
            },
        })
        .expect("saved");
    let after = on_disk(&path);
    assert_eq!(after.items, plan.items);
    assert_eq!(after.log[..5], plan.log[..]);
    assert_eq!(after.log.len(), 6);
    assert_eq!(after.ratings[0], plan.ratings[0]);
    assert_eq!(after.ratings[1].evidence.len(), 1);
}

#[test]
fn a_newer_version_stays_read_only_and_untouched() {
    let newer = V2.replace("version = 2", "version = 3");
    let (_dir, path) = sandbox(&newer);
    let error = PlanStore::open(&path).expect_err("version 3 is refused");
    assert!(
        error.to_string().contains("unsupported plan version 3"),
        "{error}"
    );
    let (mut store, error) = PlanStore::open_or_read_only(&path);
    assert!(error.is_some() && store.is_read_only());
    let refused = store.apply(&Edit::SetCurrent {
        current: Some("director".into()),
        title: None,
    });
    assert!(matches!(refused, Err(PlanError::ReadOnly { .. })));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), newer);
}

#[test]
fn taking_a_rating_out_with_its_evidence_counts_as_a_removal() {
    // Only an edit that says it removes may lower the count of entries (the property in
    // `edits` below); taking a rating out, with its evidence, is one.
    let plan = parse("v2.toml", V2).expect("valid");
    let take_out = Edit::SetRating {
        skill: "coaching-mentoring".into(),
        rating: None,
    };
    assert!(take_out.removes());
    let mut after = plan.clone();
    after.apply(&take_out).expect("removed");
    assert!(after.entry_count() < plan.entry_count());
}

mod edits {
    use proptest::prelude::*;
    use rungs::plan::{Edit, Evidence, EvidenceOwner, Plan, PlanItem, Status};
    use toml::value::Datetime;

    fn date() -> Datetime {
        "2026-01-05".parse().expect("date")
    }

    fn evidence(n: u8) -> Evidence {
        Evidence {
            date: date(),
            text: format!("evidence {n}"),
            link: None,
        }
    }

    /// Edits over two skills and two levels, so that they often touch the same entries.
    fn any_edit() -> impl Strategy<Value = Edit> {
        let skill = prop::sample::select(vec!["a", "b"]);
        let level = prop::sample::select(vec!["x", "y"]);
        let step = prop::sample::select(vec!["basic", "working", "advanced"]);
        let owner = (skill.clone(), prop::option::of(level.clone())).prop_map(|(s, l)| match l {
            Some(level) => EvidenceOwner::Item {
                skill: s.into(),
                level: level.into(),
            },
            None => EvidenceOwner::Rating { skill: s.into() },
        });
        prop_oneof![
            (skill.clone(), level.clone()).prop_map(|(s, l)| Edit::Add(PlanItem::new(
                s,
                l,
                date()
            ))),
            (skill.clone(), level.clone()).prop_map(|(s, l)| Edit::Remove {
                skill: s.into(),
                level: l.into()
            }),
            (skill.clone(), level.clone(), 0..3usize).prop_map(|(s, l, i)| Edit::SetStatus {
                skill: s.into(),
                level: l.into(),
                status: Status::ALL[i]
            }),
            (skill.clone(), step).prop_map(|(s, st)| Edit::SetRating {
                skill: s.into(),
                rating: Some(rungs::plan::Rating {
                    skill: s.into(),
                    skill_name: None,
                    step: st.into(),
                    date: date(),
                    note: String::new(),
                    evidence: Vec::new(),
                })
            }),
            skill.clone().prop_map(|s| Edit::SetRating {
                skill: s.into(),
                rating: None
            }),
            (owner.clone(), 0..3u8).prop_map(|(owner, n)| Edit::AddEvidence {
                owner,
                evidence: evidence(n)
            }),
            (owner.clone(), 0..3u8).prop_map(|(owner, n)| Edit::RemoveEvidence {
                owner,
                evidence: evidence(n)
            }),
            (owner, 0..3u8, 0..3u8).prop_map(|(owner, a, b)| Edit::ReplaceEvidence {
                owner,
                old: evidence(a),
                new: evidence(b)
            }),
            prop::option::of(level).prop_map(|l| Edit::SetCurrent {
                current: l.map(str::to_owned),
                title: None
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Only an edit that says it removes can leave the plan with fewer entries (items,
        /// ratings, evidence, log entries): the guarantee every save keeps.
        #[test]
        fn only_removals_lower_the_entry_count(edits in prop::collection::vec(any_edit(), 1..40)) {
            let mut plan = Plan::default();
            for edit in &edits {
                let before = plan.entry_count();
                let changed = plan.apply(edit).is_some();
                if !edit.removes() {
                    prop_assert!(plan.entry_count() >= before, "{edit:?}");
                }
                if changed {
                    prop_assert!(plan.log.len() <= plan.entry_count());
                }
            }
        }

        /// Every edit's inverse puts the plan back as it was, the log aside (an undo is logged).
        #[test]
        fn every_edit_is_undone_by_its_inverse(
            setup in prop::collection::vec(any_edit(), 0..20),
            edit in any_edit(),
        ) {
            let mut plan = Plan::default();
            for e in &setup {
                plan.apply(e);
            }
            let mut before = plan.clone();
            if let Some(inverse) = plan.apply(&edit) {
                plan.apply(&inverse);
                plan.log.clear();
                before.log.clear();
                prop_assert_eq!(plan, before);
            }
        }
    }
}
