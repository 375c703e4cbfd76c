//! `rungs import csv` in the core: CSV edge cases, the report, the folder it writes.

use std::path::Path;

use rungs::import::{CsvOptions, ImportError, Imported, REPORT_FILE, import_csv, write_folder};
use rungs::ladder::{Ladder, Problem};

fn import(text: &str) -> Result<Imported, Vec<Problem>> {
    import_csv("sheet.csv", text.as_bytes(), &CsvOptions::default())
}

/// The imported files, loaded as a ladder the way `--content` loads a folder.
fn ladder_of(imported: &Imported) -> Ladder {
    let sources: Vec<rungs::ladder::SourceFile> = imported
        .files
        .iter()
        .map(|(name, text)| rungs::ladder::SourceFile {
            name: name.clone(),
            text: text.clone(),
        })
        .collect();
    Ladder::from_sources(&sources).unwrap_or_else(|p| panic!("{p:#?}\n{:#?}", imported.files))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name),
    )
    .expect("fixture")
}

#[test]
fn a_sheet_becomes_levels_with_statements_per_skill() {
    let imported =
        import_csv("basic.csv", &fixture("basic.csv"), &CsvOptions::default()).expect("imports");
    let ladder = ladder_of(&imported);
    let e1 = ladder.level("e1").expect("e1");
    assert_eq!(e1.title, "Engineer I");
    assert_eq!(e1.summary, "Builds features.");
    let communication = e1.skill_ref("communication").expect("reference");
    assert_eq!(
        communication.expectations,
        ["Writes clear updates.", "Asks for help early."]
    );
    assert_eq!(communication.examples, ["A weekly note"]);
    assert_eq!(communication.proficiency, ladder.scale().find("basic"));
    let e2 = ladder.level("e2").expect("e2");
    assert_eq!(
        e2.skill_ref("communication").unwrap().expectations,
        ["Explains designs:\n- to the team\n- to users"]
    );
    assert_eq!(
        e2.proficiency_of("testing"),
        None,
        "an empty Proficiency is unrated"
    );
    assert!(e2.names_skill("testing"));
    assert_eq!(e1.extra["Grade"]["communication"], "G4");
    assert!(imported.report.markdown().contains("Grade"));
    assert!(!imported.report.dropped_anything());
}

/// Every statement of an import, as (level, skill, expectation).
fn statements(ladder: &Ladder) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for level in ladder.levels() {
        for r in &level.skills {
            for e in &r.expectations {
                out.push((level.id.clone(), r.skill.clone(), e.clone()));
            }
        }
    }
    out
}

#[test]
fn quotes_newlines_bom_crlf_and_every_delimiter_are_read() {
    let rows = [
        ["Level", "Skill", "Expectation"],
        ["e1", "Writing", "Says \"no\" politely, and means it"],
        ["e1", "Writing", "Lists:\n- one\n- two"],
    ];
    for delimiter in [",", ";", "\t"] {
        for newline in ["\n", "\r\n"] {
            for bom in ["", "\u{feff}"] {
                let mut text = bom.to_owned();
                for row in &rows {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                        .collect();
                    text.push_str(&cells.join(delimiter));
                    text.push_str(newline);
                }
                let imported =
                    import(&text).unwrap_or_else(|p| panic!("{delimiter:?} {newline:?}: {p:#?}"));
                let ladder = ladder_of(&imported);
                let level = ladder.level("e1").expect("e1");
                assert_eq!(
                    level.skill_ref("writing").expect("writing").expectations,
                    ["Says \"no\" politely, and means it", "Lists:\n- one\n- two"],
                    "{delimiter:?} {newline:?} {bom:?}"
                );
            }
        }
    }
}

#[test]
fn headers_are_found_in_any_order_and_case() {
    let imported = import("EXPECTATION;skill;LeVeL\nKeeps notes;Writing;e1\n").expect("imports");
    let ladder = ladder_of(&imported);
    assert_eq!(
        statements(&ladder),
        [("e1".into(), "writing".into(), "Keeps notes".into())]
    );
}

#[test]
fn a_missing_required_column_is_named() {
    let problems = import("Level,Expectation\ne1,Keeps notes\n").unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].position, Some((1, 1)));
    assert!(
        problems[0].message.contains("no `Skill` column"),
        "{}",
        problems[0]
    );
}

#[test]
fn an_unclosed_quote_is_located_where_it_opens() {
    let problems = import(
        "Level,Skill,Expectation\ne1,Writing,fine\ne1,Reading,\"never closed\ne2,Writing,x\n",
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        problems[0].to_string(),
        "sheet.csv:3:12: this quote is never closed: the rest of the file would be one cell"
    );
}

#[test]
fn structural_problems_are_all_listed_at_once() {
    let text = "Level,Skill,Rank,Proficiency,Follows\n\
                e1,Writing,one,basic,\n\
                e2,Writing,2,wizard,\n\
                e3,Writing,3,,e9\n\
                ,Writing,4,,\n";
    let problems = import(text).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("sheet.csv:2:3: Rank \"one\"")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("sheet.csv:3:4: Proficiency \"wizard\" is not on the scale")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("sheet.csv:4:1: Follows names \"e9\"")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("sheet.csv:5:1: this row has no `Level`")),
        "{shown:#?}"
    );
}

#[test]
fn a_scale_of_the_file_is_read_by_name_or_number_and_ranks_follow_first_appearance() {
    let options = CsvOptions {
        scale: Some(vec![
            "Novice".into(),
            "Intermediate".into(),
            "Advanced".into(),
            "Expert".into(),
            "Master".into(),
        ]),
    };
    let text = "Level,Skill,Proficiency\nSenior,Writing,master\nJunior,Writing,2\n";
    let imported = import_csv("sheet.csv", text.as_bytes(), &options).expect("imports");
    let ladder = ladder_of(&imported);
    assert_eq!(ladder.scale().len(), 5);
    let senior = ladder.level("senior").expect("id made from the title");
    assert_eq!(senior.rank, 1, "first to appear");
    assert_eq!(senior.proficiency_of("writing").map(|p| p.value()), Some(5));
    let junior = ladder.level("junior").expect("junior");
    assert_eq!(junior.rank, 2);
    assert_eq!(junior.proficiency_of("writing").map(|p| p.value()), Some(2));
    assert!(imported.report.markdown().contains("ranks in track"));
}

#[test]
fn the_same_input_gives_byte_identical_files() {
    let first = import_csv("basic.csv", &fixture("basic.csv"), &CsvOptions::default()).unwrap();
    let second = import_csv("basic.csv", &fixture("basic.csv"), &CsvOptions::default()).unwrap();
    assert_eq!(first, second);
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    write_folder(&a, &first, false).unwrap();
    write_folder(&b, &second, false).unwrap();
    assert_eq!(folder_bytes(&a), folder_bytes(&b));
}

#[test]
fn the_written_folder_passes_validation_and_holds_the_report() {
    let imported = import_csv("basic.csv", &fixture("basic.csv"), &CsvOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ladder");
    write_folder(&out, &imported, false).expect("written");
    Ladder::from_folder(&out).expect("passes validation");
    let report = std::fs::read_to_string(out.join(REPORT_FILE)).unwrap();
    assert!(report.starts_with("# Import report"), "{report}");
    // Nothing but the folder itself is left beside it.
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(beside, [std::ffi::OsString::from("ladder")]);
}

#[test]
fn a_non_empty_out_is_refused_without_force_and_replaced_with_it() {
    let imported = import_csv("basic.csv", &fixture("basic.csv"), &CsvOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ladder");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("mine.txt"), "keep me").unwrap();
    match write_folder(&out, &imported, false) {
        Err(ImportError::OutNotEmpty(_)) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(
        std::fs::read_to_string(out.join("mine.txt")).unwrap(),
        "keep me"
    );
    write_folder(&out, &imported, true).expect("forced");
    assert!(!out.join("mine.txt").exists());
    Ladder::from_folder(&out).expect("the new ladder");
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        beside,
        [std::ffi::OsString::from("ladder")],
        "no staging or old folder left"
    );
}

#[test]
fn an_empty_out_folder_is_used() {
    let imported = import_csv("basic.csv", &fixture("basic.csv"), &CsvOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &imported, false).expect("an empty folder is fine");
    Ladder::from_folder(dir.path()).expect("ladder");
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    fn cell() -> impl Strategy<Value = String> {
        // Text a spreadsheet may hold: delimiters, quotes, line breaks, non-ASCII.
        "[a-zA-Z0-9 ,;\"\n\té€-]{1,24}".prop_filter("not blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn every_statement_of_a_generated_sheet_is_in_the_ladder(
            rows in proptest::collection::vec((0usize..4, 0usize..5, cell()), 1..30),
            delimiter in prop_oneof![Just(','), Just(';'), Just('\t')],
        ) {
            let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
            let mut text = ["Level", "Skill", "Expectation"].join(&delimiter.to_string());
            text.push_str("\r\n");
            for (level, skill, statement) in &rows {
                let cells = [format!("level-{level}"), format!("Skill {skill}"), quote(statement)];
                text.push_str(&cells.join(&delimiter.to_string()));
                text.push_str("\r\n");
            }
            let imported = import(&text).map_err(|p| TestCaseError::fail(format!("{p:#?}")))?;
            let ladder = ladder_of(&imported);
            let mut found = statements(&ladder);
            let mut expected: Vec<(String, String, String)> = rows
                .iter()
                .map(|(l, s, e)| (format!("level-{l}"), format!("skill-{s}"), e.trim().to_owned()))
                .collect();
            found.sort();
            expected.sort();
            prop_assert_eq!(found, expected);
        }
    }
}

#[test]
fn ids_rungs_would_refuse_are_made_well_formed_and_reported() {
    let text = "Level,Skill\n高级工程师,沟通\n3rd line,Writing\nSenior Eng.,Writing\nSenior  Eng,Writing\n";
    let imported = import(text).expect("imports");
    let ladder = ladder_of(&imported);
    let ids: Vec<&str> = ladder.levels().iter().map(|l| l.id.as_str()).collect();
    // A title with no ASCII letter gets a plain id; one starting with a digit gets a letter
    // in front; a made-up id that is taken gets a number.
    assert_eq!(ids, ["level", "n3rd-line", "senior-eng", "senior-eng-2"]);
    assert_eq!(
        ladder.level("level").map(|l| l.title.as_str()),
        Some("高级工程师")
    );
    let report = imported.report.markdown();
    assert!(
        report.contains("level id `level` made from \"高级工程师\""),
        "{report}"
    );
    assert!(
        report.contains("level id `senior-eng-2` made from \"Senior  Eng\""),
        "{report}"
    );
}

#[test]
fn an_empty_header_and_a_repeated_column_are_listed_together() {
    let problems = import("Level,Skill,,level\ne1,Writing,x,y\n").unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("column 3 has no header"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("column `level` appears twice"))
    );
}

#[test]
fn rows_may_name_a_level_by_its_id_or_by_its_title() {
    let text = "Level,Title,Skill,Expectation\nsenior-eng,Senior engineer,Writing,Writes designs.\nSenior engineer,,Writing,Reviews designs.\n";
    let ladder = ladder_of(&import(text).expect("imports"));
    assert_eq!(ladder.levels().len(), 1);
    assert_eq!(
        ladder
            .level("senior-eng")
            .unwrap()
            .skill_ref("writing")
            .unwrap()
            .expectations,
        ["Writes designs.", "Reviews designs."]
    );
}

/// Every file of a folder with its bytes, by name.
fn folder_bytes(dir: &Path) -> Vec<(std::ffi::OsString, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| (e.file_name(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    files
}

#[test]
fn a_large_import_is_split_into_files_rungs_reads_back() {
    // 60 levels with 40 long statements each: several megabytes of levels in one track.
    let mut text = String::from("Level,Skill,Expectation\n");
    for l in 0..60 {
        for s in 0..40 {
            text.push_str(&format!(
                "level-{l},Skill {s},\"{}\"\n",
                "A long statement. ".repeat(60)
            ));
        }
    }
    let imported = import(&text).expect("imports");
    let names: Vec<&str> = imported.files.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.len() > 4, "{names:?}");
    assert!(
        imported
            .files
            .iter()
            .all(|(_, t)| t.len() <= 1024 * 1024 + 64 * 1024)
    );
    let dir = tempfile::tempdir().unwrap();
    write_folder(&dir.path().join("out"), &imported, false).expect("written and read back");
    let ladder = Ladder::from_folder(&dir.path().join("out")).expect("valid");
    assert_eq!(ladder.levels().len(), 60);
}
