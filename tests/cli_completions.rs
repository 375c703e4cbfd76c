//! `rungs completions` and `rungs man`: generated from the clap definitions. The bash script
//! is sourced in a real bash and its completion function asked, as bash asks it on Tab.

mod common_cli;

use std::process::Command;

use common_cli::{fixture, rungs};

fn stdout_of(args: &[&str]) -> String {
    let output = rungs().args(args).output().expect("runs");
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Sources `rungs completions bash` in bash, fills in the words typed as bash does on Tab,
/// calls the completion function and returns what it offers.
fn bash_completes(words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let script = stdout_of(&["completions", "bash"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rungs.bash");
    std::fs::write(&path, script).expect("write the script");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let current = words.last().copied().unwrap_or("");
    let previous = words.len().checked_sub(2).map_or("", |i| words[i]);
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_LINE='{}'\nCOMP_POINT=${{#COMP_LINE}}\n\
         _clap_complete_rungs rungs '{current}' '{previous}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        path.display(),
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
    );
    let mut bash = Command::new("bash");
    bash.arg("--noprofile")
        .arg("--norc")
        .arg("-c")
        .arg(program)
        .env_remove("RUNGS_CONTENT")
        .env_remove("RUNGS_PLAN");
    for (key, value) in env {
        bash.env(key, value);
    }
    let output = bash.output().expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_a_level_id() {
    assert_eq!(bash_completes(&["rungs", "show", "dir"], &[]), ["director"]);
}

#[test]
fn bash_completes_commands_flags_and_skill_ids() {
    let commands = bash_completes(&["rungs", "co"], &[]);
    assert!(commands.contains(&"compare".to_owned()), "{commands:?}");
    assert!(commands.contains(&"completions".to_owned()), "{commands:?}");
    let flags = bash_completes(&["rungs", "show", "director", "--fo"], &[]);
    assert_eq!(flags, ["--format"]);
    let skills = bash_completes(&["rungs", "plan", "add", "budg"], &[]);
    assert_eq!(skills, ["budgeting"]);
}

#[test]
fn bash_completes_the_ids_of_the_ladder_in_use() {
    let folder = fixture("valid");
    let built_in = bash_completes(&["rungs", "show", ""], &[]);
    let from_flag = bash_completes(&["rungs", "--content", &folder, "show", ""], &[]);
    let from_env = bash_completes(&["rungs", "show", ""], &[("RUNGS_CONTENT", &folder)]);
    assert!(built_in.contains(&"director".to_owned()), "{built_in:?}");
    assert!(!from_flag.is_empty(), "the fixture has levels");
    assert_ne!(from_flag, built_in, "--content changes the ids offered");
    assert_eq!(from_env, from_flag, "RUNGS_CONTENT names the same ladder");
}

#[test]
fn zsh_and_fish_scripts_call_rungs_back() {
    for shell in ["zsh", "fish"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains("RUNGS_COMPLETE"), "{shell}: {script}");
        assert!(script.contains("rungs"), "{shell}");
    }
}

#[test]
fn the_man_page_is_roff_naming_every_command() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH rungs 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    for command in [
        "validate", "list", "show", "skills", "compare", "search", "plan",
    ] {
        assert!(page.contains(command), "{command} in the man page");
    }
}
