//! `rungs import csv`: the built binary, its report, its exit codes and the folder it leaves.

mod common_cli;

use std::path::Path;

use common_cli::{fixture, rungs};

fn stdout_of(output: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&output.get_output().stdout).into_owned()
}

fn stderr_of(output: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&output.get_output().stderr).into_owned()
}

fn import(csv: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    rungs()
        .args(["import", "csv"])
        .arg(csv)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
}

#[test]
fn an_import_writes_a_folder_that_validates_and_opens_with_content() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ladder");
    let done = import(Path::new(&fixture("import/basic.csv")), &out, &[]).code(0);
    let report = stdout_of(&done);
    assert!(report.starts_with("# Import report"), "{report}");
    assert!(report.contains("2 levels"), "{report}");
    assert_eq!(
        std::fs::read_to_string(out.join("IMPORT-REPORT.md")).unwrap(),
        report
    );
    rungs().arg("validate").arg(&out).assert().code(0);
    let shown = rungs()
        .arg("--content")
        .arg(&out)
        .args(["show", "e1", "--format", "json"])
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&shown)).unwrap();
    assert_eq!(json["skills"][0]["expectations"][1], "Asks for help early.");
    assert_eq!(json["extra"]["Grade"]["communication"], "G4");
}

#[test]
fn a_second_import_of_the_same_file_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let csv = Path::new(&fixture("import/basic.csv")).to_owned();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    import(&csv, &a, &[]).code(0);
    import(&csv, &b, &[]).code(0);
    import(&csv, &b, &["--force"]).code(0);
    let files = |dir: &Path| {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| (e.file_name(), std::fs::read(e.path()).unwrap()))
            .collect();
        files.sort();
        files
    };
    assert!(files(&a).len() >= 4, "{:?}", files(&a));
    assert_eq!(files(&a), files(&b));
}

#[test]
fn a_non_empty_out_is_refused_with_exit_2_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let refused = import(Path::new(&fixture("import/basic.csv")), dir.path(), &[]).code(2);
    assert!(
        stderr_of(&refused).contains("is not empty"),
        "{}",
        stderr_of(&refused)
    );
    assert!(stdout_of(&refused).is_empty());
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "only the user's file");
}

#[test]
fn a_failed_import_leaves_no_folder_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("broken.csv");
    std::fs::write(&csv, "Level;Skill;Expectation\ne1;Writing;\"never closed\n").unwrap();
    let out = dir.path().join("out");
    let failed = import(&csv, &out, &[]).code(3);
    let stderr = stderr_of(&failed);
    assert!(
        stderr.contains("broken.csv:2:12: this quote is never closed"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert!(!out.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left,
        [std::ffi::OsString::from("broken.csv")],
        "no staging folder left"
    );
}

#[test]
fn strict_refuses_an_import_that_drops_input() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sheet.csv");
    // The second row gives e1 a second, different summary: it cannot be kept.
    std::fs::write(
        &csv,
        "Level,Skill,Summary\ne1,Writing,Writes well.\ne1,Reading,Reads well.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let refused = import(&csv, &out, &["--strict", "--format", "json"]).code(1);
    let report: serde_json::Value = serde_json::from_str(&stdout_of(&refused)).unwrap();
    assert_eq!(report["dropped_anything"], true);
    assert_eq!(report["written"], false);
    assert!(!out.exists());
    // Without --strict the same file imports, and the report says what was dropped.
    let done = import(&csv, &out, &[]).code(0);
    assert!(stdout_of(&done).contains("a second Summary for level `e1`"));
}

#[test]
fn a_scale_of_the_file_is_given_with_scale() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sheet.csv");
    std::fs::write(
        &csv,
        "Level\tSkill\tProficiency\nJunior\tWriting\tlearning\nSenior\tWriting\tleading\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let refused = import(&csv, &out, &[]).code(3);
    assert!(stderr_of(&refused).contains("give the file's own steps with --scale"));
    import(&csv, &out, &["--scale", "learning,practising,leading"]).code(0);
    let shown = rungs()
        .arg("--content")
        .arg(&out)
        .args(["show", "senior"])
        .assert()
        .code(0);
    assert!(
        stdout_of(&shown).contains("●●● leading"),
        "{}",
        stdout_of(&shown)
    );
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Each case runs the binary a few times: a handful of cases, each a whole sheet.
        #![proptest_config(ProptestConfig::with_cases(6))]
        #[test]
        fn show_json_carries_every_statement_of_a_generated_sheet(
            rows in proptest::collection::vec(
                (0usize..3, 0usize..4, "[a-zA-Z ,;\"\n]{1,20}".prop_filter("text", |s| !s.trim().is_empty())),
                1..20,
            ),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let csv = dir.path().join("sheet.csv");
            let mut text = String::from("Level,Skill,Expectation\n");
            for (level, skill, statement) in &rows {
                text.push_str(&format!("l{level},Skill {skill},\"{}\"\n", statement.replace('"', "\"\"")));
            }
            std::fs::write(&csv, &text).unwrap();
            let out = dir.path().join("out");
            import(&csv, &out, &[]).code(0);
            let mut found = Vec::new();
            for level in 0..3 {
                let id = format!("l{level}");
                if !rows.iter().any(|(l, _, _)| *l == level) {
                    continue;
                }
                let shown = rungs().arg("--content").arg(&out).args(["show", &id, "--format", "json"]).assert().code(0);
                let json: serde_json::Value = serde_json::from_str(&stdout_of(&shown)).unwrap();
                for skill in json["skills"].as_array().unwrap() {
                    for e in skill["expectations"].as_array().unwrap() {
                        found.push((id.clone(), skill["skill"].as_str().unwrap().to_owned(), e.as_str().unwrap().to_owned()));
                    }
                }
            }
            let mut expected: Vec<(String, String, String)> = rows
                .iter()
                .map(|(l, s, e)| (format!("l{l}"), format!("skill-{s}"), e.trim().to_owned()))
                .collect();
            found.sort();
            expected.sort();
            prop_assert_eq!(found, expected);
        }
    }
}

/// Imports a structured fixture with its mapping into a fresh folder; the folder and the report.
fn import_structured(format: &str, file: &str, mapping: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let done = rungs()
        .args([
            "import",
            format,
            &fixture(file),
            "--mapping",
            &fixture(mapping),
            "--out",
        ])
        .arg(dir.path().join("out"))
        .assert()
        .code(0);
    let report = stdout_of(&done);
    rungs()
        .arg("validate")
        .arg(dir.path().join("out"))
        .assert()
        .code(0);
    (dir, report)
}

fn show_json(dir: &Path, id: &str) -> serde_json::Value {
    let shown = rungs()
        .arg("--content")
        .arg(dir.join("out"))
        .args(["show", id, "--format", "json"])
        .assert()
        .code(0);
    serde_json::from_str(&stdout_of(&shown)).unwrap()
}

#[test]
fn json_levels_holding_statements_by_competency_import_through_a_mapping() {
    let (dir, report) = import_structured("json", "import/by-level.json", "import/by-level.toml");
    let e1 = show_json(dir.path(), "engineer-i");
    assert_eq!(e1["summary"], "Delivers well-scoped work with guidance.");
    assert_eq!(e1["extra"]["band"], "B1");
    let communication = &e1["skills"][0];
    assert_eq!(
        communication["proficiency"], "basic",
        "Developing folds to basic"
    );
    assert_eq!(communication["expectations"][1], "Asks for help early.");
    assert_eq!(
        e1["skills"][1]["proficiency"],
        serde_json::Value::Null,
        "no rating: unrated"
    );
    let e2 = show_json(dir.path(), "engineer-ii");
    assert_eq!(e2["skills"][0]["examples"][0], "Runs the weekly demo.");
    // The fold is explicit and the report says what it hides.
    assert!(
        report.contains("source steps `Developing`, `Learning` all become `basic`: the difference between them is hidden"),
        "{report}"
    );
    assert!(
        report.contains("`framework` at the top of the file kept"),
        "{report}"
    );
}

#[test]
fn yaml_competencies_holding_statements_by_level_import_through_a_mapping() {
    let (dir, report) = import_structured("yaml", "import/by-skill.yaml", "import/by-skill.toml");
    let senior = show_json(dir.path(), "senior-rep");
    let skills: Vec<&str> = senior["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["skill"].as_str().unwrap())
        .collect();
    assert_eq!(skills, ["negotiation", "forecasting"]);
    assert_eq!(
        senior["skills"][0]["expectations"][1],
        "Coaches others through theirs."
    );
    assert!(report.contains("`owner` kept in `extra`"), "{report}");
    let catalogue = rungs()
        .arg("--content")
        .arg(dir.path().join("out"))
        .args(["skills", "--format", "json"])
        .assert()
        .code(0);
    let catalogue: serde_json::Value = serde_json::from_str(&stdout_of(&catalogue)).unwrap();
    assert_eq!(
        catalogue["skills"][0]["description"],
        "Reaching agreements that both sides keep."
    );
    assert_eq!(catalogue["skills"][1]["extra"]["owner"], "Sales ops");
}

#[test]
fn structured_syntax_errors_and_mapping_errors_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("bad.json");
    std::fs::write(
        &json,
        "{\n  \"levels\": [\n    {\"name\": \"x\",}\n  ]\n}\n",
    )
    .unwrap();
    let failed = rungs()
        .args(["import", "json"])
        .arg(&json)
        .args(["--mapping", &fixture("import/by-level.toml"), "--out"])
        .arg(dir.path().join("out"))
        .assert()
        .code(3);
    assert!(
        stderr_of(&failed).contains("bad.json:3:"),
        "{}",
        stderr_of(&failed)
    );
    let mapping = dir.path().join("map.toml");
    std::fs::write(
        &mapping,
        "shape = \"levels\"\nentries = \"competencies\"\nstatments = \"x\"\n",
    )
    .unwrap();
    let failed = rungs()
        .args([
            "import",
            "json",
            &fixture("import/by-level.json"),
            "--mapping",
        ])
        .arg(&mapping)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(3);
    assert!(
        stderr_of(&failed).contains("map.toml:3:1: unknown field `statments`"),
        "{}",
        stderr_of(&failed)
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_markdown_folder_imports_one_track_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let done = rungs()
        .args(["import", "markdown", &fixture("import/markdown"), "--out"])
        .arg(&out)
        .assert()
        .code(0);
    let report = stdout_of(&done);
    assert!(report.contains("1 family, 2 tracks, 3 levels"), "{report}");
    assert!(
        report.contains("design.md:4`: front matter `owner` is not kept"),
        "{report}"
    );
    rungs().arg("validate").arg(&out).assert().code(0);
    let e1 = show_json(dir.path(), "engineer-i");
    assert_eq!(e1["summary"], "Delivers well-scoped work with guidance.");
    let communication = e1["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["skill"] == "communication")
        .unwrap();
    assert_eq!(communication["proficiency"], "basic");
    assert_eq!(
        communication["expectations"][1], "Asks for help early, before a task runs late.",
        "a wrapped list item is one statement"
    );
    assert_eq!(
        communication["examples"][0],
        "A weekly note on what shipped."
    );
    // The front matter's owner was dropped, so --strict refuses the same import.
    let strict = rungs()
        .args([
            "import",
            "markdown",
            &fixture("import/markdown"),
            "--strict",
            "--out",
        ])
        .arg(dir.path().join("strict"))
        .assert()
        .code(1);
    assert!(stderr_of(&strict).contains("--strict"));
    assert!(!dir.path().join("strict").exists());
}

#[test]
fn a_markdown_level_without_skills_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("md");
    std::fs::create_dir(&md).unwrap();
    std::fs::write(
        md.join("eng.md"),
        "# Engineer I\n\nJust a summary.\n\n# Engineer II\n## Craft [wizard]\n- x\n",
    )
    .unwrap();
    let failed = rungs()
        .args(["import", "markdown"])
        .arg(&md)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(3);
    let stderr = stderr_of(&failed);
    assert!(
        stderr.contains("eng.md:1:1: level \"Engineer I\" has no skill heading"),
        "{stderr}"
    );
    assert!(
        stderr.contains("eng.md:6:1: step \"wizard\" of skill \"Craft\" is not on the scale"),
        "{stderr}"
    );
}
