//! The plan file under attack: concurrent writers, left-over temporary files, files that ask
//! not to be written, links, and files that are not plans at all.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use rungs::plan::{Edit, PlanError, PlanItem, PlanStore, Protection, parse, write_atomically};
use toml::value::{Date, Datetime};

fn item(skill: &str, level: &str) -> PlanItem {
    let added = Datetime {
        date: Some(Date {
            year: 2026,
            month: 1,
            day: 5,
        }),
        time: None,
        offset: None,
    };
    PlanItem::new(skill, level, added)
}

fn items_in(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).expect("the plan is there");
    parse("plan.toml", &text).expect("a whole plan").items.len()
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ----------------------------------------------------------------------------------------
// Concurrent writers

const WRITER_ENV: &str = "RUNGS_TEST_WRITER";
const WRITERS: usize = 4;
/// Adds per writer. `RUNGS_TEST_ADDS` raises it for a measurement run.
fn adds_per_writer() -> usize {
    std::env::var("RUNGS_TEST_ADDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100)
}

/// The child: `RUNGS_TEST_WRITER=PATH:NAME`. Says "ready" on stdout, waits for a line on
/// stdin (so that all writers start together), then adds its skills one save at a time.
#[test]
#[ignore = "run by four_writers_lose_nothing as its child processes"]
fn writer_child() {
    let Some(spec) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let (path, name) = spec.rsplit_once(':').expect("PATH:NAME");
    println!("ready");
    std::io::stdout().flush().expect("flush");
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).expect("go");
    // Waiting long is fine here: the test is about what is kept, not how fast.
    let mut store = PlanStore::open(path)
        .expect("opens")
        .with_lock_wait(Duration::from_secs(300));
    for i in 0..adds_per_writer() {
        store
            .apply(&Edit::Add(item(&format!("{name}-skill-{i}"), "level")))
            .expect("saved");
    }
}

#[cfg(unix)]
#[test]
fn four_writers_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let exe = std::env::current_exe().expect("test binary");
    let mut children: Vec<_> = (0..WRITERS)
        .map(|n| {
            Command::new(&exe)
                .args(["--exact", "writer_child", "--ignored", "--nocapture"])
                .env(WRITER_ENV, format!("{}:w{n}", path.display()))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("spawn writer")
        })
        .collect();
    // Every writer is up before any starts, so that they really overlap. The readers are kept
    // open: a writer's test harness still prints after "ready".
    let mut outputs = Vec::new();
    for child in &mut children {
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let ready = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|line| line == "ready");
        assert!(ready, "a writer did not start");
        outputs.push(lines);
    }
    for child in &mut children {
        writeln!(child.stdin.as_mut().expect("stdin"), "go").expect("go");
    }
    for (mut child, lines) in children.into_iter().zip(outputs) {
        lines.for_each(drop);
        assert!(child.wait().expect("reaped").success(), "a writer failed");
    }
    let kept = items_in(&path);
    eprintln!(
        "{WRITERS} writers x {} adds: {kept} items in the file",
        adds_per_writer()
    );
    assert_eq!(kept, WRITERS * adds_per_writer(), "no add is lost");
    assert!(
        !entries(dir.path()).iter().any(|n| n.ends_with(".tmp")),
        "no temporary file is left"
    );
}

#[test]
fn a_save_waits_for_the_lock_and_gives_up_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join(".plan.toml.lock"))
        .expect("lock file");
    lock.lock().expect("held by 'another rungs'");
    let mut store = PlanStore::open(&path)
        .expect("no file yet")
        .with_lock_wait(Duration::ZERO);
    let error = store
        .apply(&Edit::Add(item("a", "b")))
        .expect_err("the lock is held");
    assert!(matches!(error, PlanError::Busy { .. }), "{error:?}");
    assert!(error.to_string().contains("another rungs"), "{error}");
    assert!(!path.exists(), "nothing was written");
    assert!(store.plan().items.is_empty(), "the edit is taken back");

    lock.unlock().expect("released");
    store.apply(&Edit::Add(item("a", "b"))).expect("saved");
    assert_eq!(items_in(&path), 1);
}

// ----------------------------------------------------------------------------------------
// Temporary files

#[test]
fn stale_temporary_files_are_removed_and_fresh_ones_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let stale = dir.path().join(".plan.toml.AbC123.tmp");
    let fresh = dir.path().join(".plan.toml.XyZ789.tmp");
    let unrelated = dir.path().join(".other.toml.AbC123.tmp");
    for file in [&stale, &fresh, &unrelated] {
        std::fs::write(file, "half a plan").expect("write");
    }
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for file in [&stale, &unrelated] {
        std::fs::File::options()
            .write(true)
            .open(file)
            .expect("open")
            .set_modified(an_hour_ago)
            .expect("age it");
    }
    let mut store = PlanStore::open(&path).expect("no file yet");
    store.apply(&Edit::Add(item("a", "b"))).expect("saved");
    assert!(
        !stale.exists(),
        "a temp file older than a minute is removed"
    );
    assert!(fresh.exists(), "a fresh one may be a live save's: kept");
    assert!(unrelated.exists(), "another file's temp files are not ours");
}

#[test]
fn a_failed_rename_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    // A non-empty folder where the plan should be: the temp file is written, the rename fails.
    std::fs::create_dir(&path).expect("folder");
    std::fs::write(path.join("keep"), "x").expect("write");
    write_atomically(&path, ONE_ITEM.as_bytes()).expect_err("cannot save over a folder");
    assert_eq!(entries(dir.path()), [".plan.toml.lock", "plan.toml"]);
    // Through the store the folder is refused before anything is written.
    let error = PlanStore::open(&path).expect_err("a folder is not a plan");
    assert!(error.to_string().contains("a folder"), "{error}");
}

// ----------------------------------------------------------------------------------------
// Respect the file

const ONE_ITEM: &str = "version = 1\n\n[[items]]\nskill = \"s\"\nlevel = \"l\"\nstatus = \
                        \"planned\"\nadded = 2026-01-05\n";

#[cfg(unix)]
#[test]
fn a_read_only_plan_is_not_written_and_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, ONE_ITEM).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");

    let mut store = PlanStore::open(&path).expect("a read-only plan still loads");
    assert!(store.is_read_only());
    let error = store
        .apply(&Edit::Add(item("a", "b")))
        .expect_err("refused");
    assert!(
        matches!(
            &error,
            PlanError::Protected {
                reason: Protection::ReadOnlyFile,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), ONE_ITEM);

    let (store, error) = PlanStore::open_or_read_only(&path);
    assert!(
        store.is_read_only() && error.is_some(),
        "the explorer is told"
    );
    assert_eq!(store.plan().items.len(), 1, "and still shows the plan");
}

const OWNER_CHILD_ENV: &str = "RUNGS_TEST_OWNER_CHILD";

/// The child: becomes user and group 65534 (nobody), tries to add an item to the plan at
/// `RUNGS_TEST_OWNER_CHILD`, and prints how that ended.
#[cfg(unix)]
#[test]
#[ignore = "run by another_users_plan_keeps_its_owner_or_is_refused as its child process"]
fn owner_child() {
    let Some(path) = std::env::var_os(OWNER_CHILD_ENV) else {
        return;
    };
    // SAFETY: plain system calls on this single-threaded child before it does anything else.
    let dropped = unsafe {
        libc::setgroups(0, std::ptr::null()) == 0
            && libc::setgid(65534) == 0
            && libc::setuid(65534) == 0
    };
    assert!(dropped, "could not become nobody");
    let mut store = PlanStore::open(PathBuf::from(path)).expect("readable");
    match store.apply(&Edit::Add(item("a", "b"))) {
        Err(PlanError::Protected {
            reason: Protection::Owner { uid: 0, gid: 0 },
            ..
        }) => println!("refused: owner"),
        other => println!("unexpected: {other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn another_users_plan_keeps_its_owner_or_is_refused() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, ONE_ITEM).expect("write");
    let (other_uid, other_gid) = (4242, 4343);
    if std::os::unix::fs::chown(&path, Some(other_uid), Some(other_gid)).is_err() {
        eprintln!("skipped: giving a file away (and becoming another user) needs root");
        return;
    }
    // Root saving another user's plan: the saved file keeps that owner, group and mode.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let mut store = PlanStore::open(&path).expect("valid");
    store.apply(&Edit::Add(item("a", "b"))).expect("saved");
    let meta = std::fs::metadata(&path).expect("meta");
    assert_eq!((meta.uid(), meta.gid()), (other_uid, other_gid));
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert_eq!(items_in(&path), 2);

    // A user saving root's plan in a folder anyone may write: the new file could not belong
    // to root, so nothing is written and no temporary file stays.
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).expect("folder");
    for folder in [dir.path(), shared.as_path()] {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    }
    let roots = shared.join("plan.toml");
    std::fs::write(&roots, ONE_ITEM).expect("write");
    std::fs::set_permissions(&roots, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    std::os::unix::fs::chown(&roots, Some(0), Some(0)).expect("root's");
    let output = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "owner_child", "--ignored", "--nocapture"])
        .env(OWNER_CHILD_ENV, &roots)
        .output()
        .expect("child runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("refused: owner"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(std::fs::read_to_string(&roots).expect("read"), ONE_ITEM);
    assert_eq!(std::fs::metadata(&roots).expect("meta").uid(), 0);
    assert!(
        !entries(&shared).iter().any(|n| n.ends_with(".tmp")),
        "no temporary file is left"
    );
}

#[cfg(unix)]
#[test]
fn a_hard_linked_plan_is_reported_not_broken() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let other = dir.path().join("backup-name.toml");
    std::fs::write(&path, ONE_ITEM).expect("write");
    std::fs::hard_link(&path, &other).expect("hard link");
    let mut store = PlanStore::open(&path).expect("valid");
    let error = store
        .apply(&Edit::Add(item("a", "b")))
        .expect_err("refused");
    assert!(
        matches!(
            &error,
            PlanError::Protected {
                reason: Protection::HardLinks(2),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("hard links"), "{error}");
    assert_eq!(std::fs::read_to_string(&other).expect("read"), ONE_ITEM);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), ONE_ITEM);
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_saved_through_and_stays_a_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("dotfiles")).expect("folder");
    let link = dir.path().join("plan.toml");
    // Relative, as dotfile managers make them.
    std::os::unix::fs::symlink("dotfiles/plan.toml", &link).expect("symlink");
    let mut store = PlanStore::open(&link).expect("a dangling link is a new plan");
    store.apply(&Edit::Add(item("a", "b"))).expect("saved");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(items_in(&dir.path().join("dotfiles/plan.toml")), 1);
}

// ----------------------------------------------------------------------------------------
// Files that are not plans

#[cfg(unix)]
#[test]
fn a_fifo_as_the_plan_is_refused_by_name_without_waiting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path: PathBuf = dir.path().join("plan.toml");
    let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(made.success());
    // No writer ever opens the FIFO: reading it would wait for ever.
    let error = PlanStore::open(&path).expect_err("not a plan");
    assert!(error.to_string().contains("a FIFO"), "{error}");
}

#[cfg(unix)]
#[test]
fn dev_zero_behind_a_symlink_is_refused_without_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink");
    let error = PlanStore::open(&path).expect_err("not a plan");
    assert!(error.to_string().contains("a device"), "{error}");
}

#[test]
fn an_oversized_plan_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    // 50 MB of garbage, as in the report; sparse, so the test writes almost nothing.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("size");
    let error = PlanStore::open(&path).expect_err("too large");
    let message = error.to_string();
    assert!(message.contains("too large: 50.0 MB"), "{message}");
    assert!(message.len() < 300, "no excerpt of the file: {message}");
}

#[test]
fn a_plan_of_garbage_under_the_limit_gives_a_short_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    // 3 MB of TOML punctuation: a syntax error on nearly every line.
    let mut dice: u64 = 0x2545_f491_4f6c_dd1d;
    let garbage: String = (0..3_000_000)
        .map(|_| {
            dice ^= dice << 13;
            dice ^= dice >> 7;
            dice ^= dice << 17;
            b"ab =[]\"\n#."[(dice % 10) as usize] as char
        })
        .collect();
    std::fs::write(&path, &garbage).expect("write");
    let message = PlanStore::open(&path).expect_err("garbage").to_string();
    assert!(
        message.contains("more syntax errors not shown"),
        "{message}"
    );
    assert!(message.len() < 20_000, "{} bytes", message.len());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        garbage,
        "untouched"
    );
}
