//! The real binary in a pseudo-terminal: keys go in, the screen is parsed by a terminal
//! emulator (vt100), and the exit code and the restored terminal are checked. The test makes
//! its own PTY, so it runs in CI without a terminal or standard input.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: NonZeroU16 = NonZeroU16::new(30).unwrap();
const COLUMNS: NonZeroU16 = NonZeroU16::new(100).unwrap();
/// How long a wait for the screen may last before the test calls rungs hung. Only a guard
/// against a hang: every wait ends as soon as what it waits for is on screen, so on a busy
/// machine the tests are slower, never wrong.
const PATIENCE: Duration = Duration::from_secs(120);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    child: Box<dyn Child + Send + Sync>,
}

/// rungs with `args`, its configuration, data and cache under `config_home` (never the real
/// ones), and `extra_env` set.
fn rungs_command(config_home: &Path, args: &[&str], extra_env: &[(&str, &str)]) -> CommandBuilder {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_rungs"));
    command.args(args);
    command.env("TERM", "xterm-256color");
    command.env("XDG_CONFIG_HOME", config_home);
    command.env("HOME", config_home);
    // Never the real plan: the default path is under this temporary home.
    command.env("XDG_DATA_HOME", config_home.join("data"));
    // Nor the real cache of validated ladders.
    command.env("XDG_CACHE_HOME", config_home.join("cache"));
    command.env_remove("XDG_STATE_HOME");
    command.env_remove("RUNGS_PLAN");
    command.env_remove("RUNGS_CONTENT");
    command.env_remove("NO_COLOR");
    command.env_remove("RUNGS_EXIT_AFTER_FIRST_FRAME");
    for (key, value) in extra_env {
        command.env(key, value);
    }
    command
}

impl Session {
    fn start(config_home: &Path, extra_env: &[(&str, &str)]) -> Session {
        Session::start_with(config_home, &[], extra_env)
    }

    /// Like [`Session::start`], with command-line arguments.
    fn start_with(config_home: &Path, args: &[&str], extra_env: &[(&str, &str)]) -> Session {
        Session::start_sized(config_home, args, extra_env, ROWS, COLUMNS)
    }

    /// Like [`Session::start_with`], in a terminal of `rows` × `columns`.
    fn start_sized(
        config_home: &Path,
        args: &[&str],
        extra_env: &[(&str, &str)],
        rows: NonZeroU16,
        columns: NonZeroU16,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: rows.get(),
                cols: columns.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let command = rungs_command(config_home, args, extra_env);
        let child = pty.slave.spawn_command(command).expect("spawn rungs");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let (sender, output) = channel();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 || sender.send(chunk[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            master: pty.master,
            writer,
            output,
            parser: vt100::Parser::new(rows, columns, 0),
            child,
        }
    }

    /// Feeds the parser what rungs printed: waits for the next chunk (at most `wait`), then
    /// takes whatever else has arrived. Returns false once rungs's side of the PTY is closed
    /// and everything it printed has been read.
    fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => self.parser.process(&bytes),
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
        loop {
            match self.output.try_recv() {
                Ok(bytes) => self.parser.process(&bytes),
                Err(TryRecvError::Empty) => return true,
                Err(TryRecvError::Disconnected) => return false,
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `shown` holds for the parsed screen. A redraw can reach us in several
    /// chunks, so a condition is checked again after each one.
    fn wait_until(&mut self, what: &str, shown: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !shown(&self.screen()) {
            assert!(
                start.elapsed() < PATIENCE,
                "{what} never came; the screen was:\n{}",
                self.screen()
            );
            if !self.pump(Duration::from_millis(100)) && !shown(&self.screen()) {
                panic!(
                    "rungs ended before {what}; the screen was:\n{}",
                    self.screen()
                );
            }
        }
    }

    /// Waits until the parsed screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("`{text}`"), |screen| screen.contains(text));
    }

    /// Waits until `text` is gone from the parsed screen.
    fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("`{text}` gone"), |screen| !screen.contains(text));
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Waits for the process to end and returns its exit code, having read all it printed
    /// (up to the end of the PTY's output, so leaving the alternate screen is parsed too).
    fn finish(&mut self) -> u32 {
        let start = Instant::now();
        while self.pump(Duration::from_millis(100)) {
            assert!(start.elapsed() < PATIENCE, "rungs did not close its output");
        }
        // Output closed: the process is ending, and its exit status is waited for.
        self.child.wait().expect("rungs's exit status").exit_code()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = &self.master;
    }
}

#[test]
fn explore_climb_open_help_and_quit_in_a_real_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut session = Session::start(home.path(), &[]);
    session.wait_for("Ladder");
    session.wait_for("▶1 Individual contributor");
    assert!(session.parser.screen().alternate_screen());

    session.send(b"kkk");
    session.wait_for("▶4 Director");
    session.send(b"\r");
    // The first heading of the level page, on screen whatever the length of the notes above.
    session.wait_for("Experience in years");
    session.wait_for("Management › Director");
    session.send(b"\t");
    session.send(b"?");
    session.wait_for("Help: keys");
    session.send(b"\x1b");
    session.wait_gone("Help: keys");
    // Compare: `c` asks for B in the picker over the rung above; Esc keeps that one, `x`
    // exchanges the sides, Esc returns to the level's page.
    session.send(b"c");
    session.wait_for("Compare with (level B)");
    session.send(b"\x1b");
    session.wait_for("Compare: Director ⇄ Vice president");
    session.wait_for("Changes: ");
    session.send(b"x");
    session.wait_for("Compare: Vice president ⇄ Director");
    session.send(b"\x1b");
    session.wait_for("Management › Director");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    let screen = session.parser.screen();
    assert!(!screen.alternate_screen(), "the alternate screen was left");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture was turned off"
    );
}

#[test]
fn at_200x60_the_first_screen_shows_the_level_and_the_next_start_resumes_there() {
    let home = tempfile::tempdir().expect("temp dir");
    let (rows, columns) = (NonZeroU16::new(60).unwrap(), NonZeroU16::new(200).unwrap());
    let mut session = Session::start_sized(home.path(), &[], &[], rows, columns);
    session.wait_for("▶1 Individual contributor");
    // The ladder, the level's page, its skills and the selected skill in full, at once.
    for part in [
        "Ladder",
        "Experience in years",
        "Responsibilities",
        "Skills (",
        "Along the Management track",
    ] {
        session.wait_for(part);
    }
    session.send(b"kk");
    session.wait_for("▶3 Senior manager");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    // Where it left off is kept under the state folder, and the next start opens there.
    let kept = home.path().join(".local/state/rungs/last-level");
    assert_eq!(
        std::fs::read_to_string(&kept)
            .expect("last level kept")
            .trim(),
        "senior-manager"
    );
    let mut again = Session::start_sized(home.path(), &[], &[], rows, columns);
    again.wait_for("▶3 Senior manager");
    again.send(b"q");
    assert_eq!(again.finish(), 0);
    // A state file with nonsense in it is no reason not to start.
    std::fs::write(&kept, "\u{1b}[2J nonsense").expect("written");
    let mut third = Session::start_sized(home.path(), &[], &[], rows, columns);
    third.wait_for("▶1 Individual contributor");
    third.send(b"q");
    assert_eq!(third.finish(), 0);
}

#[test]
fn search_by_typing_then_enter_opens_the_level_found() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut session = Session::start(home.path(), &[]);
    session.wait_for("▶1 Individual contributor");
    session.send(b"/");
    session.wait_for("Search");
    // `q` types into the query (it does not quit); Backspace takes it out again.
    session.send(b"q");
    session.wait_for("/ q");
    session.send(b"\x7fsr acc");
    session.wait_for("Senior Accounting Manager");
    session.send(b"\r");
    session.wait_for("Management › Senior manager");
    // The details are scrolled to the example title that matched.
    session.wait_for("Example titles");
    session.wait_gone("Search");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    assert!(!session.parser.screen().alternate_screen());
}

#[test]
fn t_opens_the_picker_and_enter_saves_the_target_in_the_plan_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let plan = home.path().join("plan.toml");
    let plan_text = plan.to_str().expect("utf-8 temp path").to_owned();
    let mut session = Session::start(home.path(), &[("RUNGS_PLAN", &plan_text)]);
    session.wait_for("▶1 Individual contributor");
    session.send(b"p");
    session.wait_for("No target level yet");
    session.send(b"t");
    session.wait_for("Target level for your plan");
    // Typed into the picker: `q` would quit and `d` remove if they went to the keymap.
    session.send(b"sr acc");
    session.wait_for("Senior Accounting Manager");
    session.send(b"\r");
    session.wait_for("Target: Senior manager");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    let text = std::fs::read_to_string(&plan).expect("the plan file was written");
    let saved = rungs::plan::parse("plan.toml", &text).expect("a valid plan");
    assert_eq!(saved.target.as_deref(), Some("senior-manager"), "{text}");
}

#[test]
fn b_on_a_skill_bookmarks_it_into_the_plan_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let plan = home.path().join("my plan.toml");
    let plan_text = plan.to_str().expect("utf-8 temp path").to_owned();
    let mut session = Session::start(home.path(), &[("RUNGS_PLAN", &plan_text)]);
    session.wait_for("▶1 Individual contributor");
    session.send(b"kkk");
    session.wait_for("▶4 Director");
    session.send(b"\r");
    // The first heading of the level page, on screen whatever the length of the notes above.
    session.wait_for("Experience in years");
    session.send(b"\t");
    session.wait_for("b bookmark");
    session.send(b"b");
    session.wait_for("bookmarked");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    let text = std::fs::read_to_string(&plan).expect("the plan file was written");
    let saved = rungs::plan::parse("plan.toml", &text).expect("a valid plan");
    let ladder = rungs::Ladder::embedded().expect("built-in ladder");
    let first_skill = first_skill_of_director(&ladder);
    assert_eq!(saved.items.len(), 1, "{text}");
    assert!(saved.contains(&first_skill, "director"), "{text}");
    assert!(
        !home.path().join("data").exists(),
        "RUNGS_PLAN was used, not the default path"
    );
}

#[test]
fn ctrl_c_quits_with_exit_code_0() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut session = Session::start(home.path(), &[]);
    session.wait_for("Ladder");
    session.send(b"\x03");
    assert_eq!(session.finish(), 0);
    assert!(!session.parser.screen().alternate_screen());
}

/// Whether any cell of the parsed screen has a foreground or background colour.
fn screen_has_colour(session: &Session) -> bool {
    let screen = session.parser.screen();
    let (rows, columns) = screen.size();
    (0..rows.get()).any(|row| {
        (0..columns.get()).any(|column| {
            screen.cell(row, column).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn the_explorer_follows_color_never_and_no_color() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut coloured = Session::start(home.path(), &[]);
    coloured.wait_for("Ladder");
    assert!(
        screen_has_colour(&coloured),
        "colour by default on a terminal"
    );
    coloured.send(b"\x03");
    assert_eq!(coloured.finish(), 0);

    for (args, env) in [
        (&["--color", "never"][..], &[][..]),
        (&[][..], &[("NO_COLOR", "1")][..]),
    ] {
        let mut plain = Session::start_with(home.path(), args, env);
        plain.wait_for("Ladder");
        assert!(!screen_has_colour(&plain), "{args:?} {env:?}: no colour");
        plain.send(b"\x03");
        assert_eq!(plain.finish(), 0);
    }
}

#[test]
fn a_bad_config_file_is_reported_with_file_and_line() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("rungs");
    std::fs::create_dir_all(&folder).expect("config folder");
    std::fs::write(
        folder.join("config.toml"),
        "[keys]\nup = [\"k\"]\nqiut = [\"x\"]\n",
    )
    .expect("write config");
    let mut session = Session::start(home.path(), &[]);
    assert_eq!(session.finish(), 3, "a settings file that cannot be used");
    let screen = session.screen();
    assert!(
        screen.contains("3 | qiut = [\"x\"]"),
        "the line is quoted: {screen}"
    );
    assert!(
        screen.contains("config.toml:3:1: unknown action `qiut` (did you mean `quit`?)"),
        "{screen}"
    );
    assert!(!session.parser.screen().alternate_screen());
}

#[test]
fn without_a_terminal_it_says_so_in_one_line_and_exits_4() {
    let output = Command::cargo_bin("rungs")
        .expect("binary built")
        .env_remove("RUNGS_CONTENT")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(4));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

/// Whether the terminal behind the PTY is in raw mode (no line editing), asked of `stty`.
#[cfg(unix)]
fn is_raw(session: &Session) -> bool {
    let tty = session.master.tty_name().expect("the pty's name");
    let output = std::process::Command::new("stty")
        .arg("-a")
        .arg("-F")
        .arg(&tty)
        .output()
        .expect("stty runs");
    let settings = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "stty: {settings}");
    settings.split_whitespace().any(|flag| flag == "-icanon")
}

#[cfg(unix)]
#[test]
fn stop_signals_restore_the_terminal_and_keep_the_note_being_typed() {
    let signals = [
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGQUIT, "SIGQUIT"),
    ];
    for (signal, name) in signals {
        let home = tempfile::tempdir().expect("temp dir");
        let plan = home.path().join("plan.toml");
        std::fs::write(
            &plan,
            "version = 1\n\n[[items]]\nskill = \"budgeting\"\nlevel = \"director\"\n\
             status = \"planned\"\nadded = 2026-01-05\n",
        )
        .expect("plan");
        let plan_text = plan.to_str().expect("utf-8 temp path").to_owned();
        let mut session = Session::start(home.path(), &[("RUNGS_PLAN", &plan_text)]);
        session.wait_for("▶1 Individual contributor");
        session.send(b"p");
        session.wait_for("Budget");
        session.send(b"e");
        session.send(b"ask finance");
        session.wait_for("ask finance");
        assert!(session.parser.screen().alternate_screen());
        assert!(is_raw(&session), "the explorer runs in raw mode");

        let pid = session.child.process_id().expect("pid");
        // SAFETY: kill(2) with a pid of our own child and a valid signal number.
        let sent = unsafe { libc::kill(pid as libc::pid_t, signal) };
        assert_eq!(sent, 0, "{name} sent");
        assert_eq!(session.finish(), 128 + signal as u32, "{name}");
        let screen = session.parser.screen();
        assert!(
            !screen.alternate_screen(),
            "{name}: the alternate screen was left"
        );
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{name}: mouse capture was turned off"
        );
        assert!(!is_raw(&session), "{name}: raw mode was turned off");
        assert!(
            session.screen().contains(&format!("stopped by {name}")),
            "{}",
            session.screen()
        );

        let draft = std::fs::read_to_string(home.path().join("plan.draft.toml"))
            .expect("the note was kept");
        let fields: toml::Table = toml::from_str(&draft).expect("a TOML draft");
        assert_eq!(fields["skill"].as_str(), Some("budgeting"));
        assert_eq!(fields["level"].as_str(), Some("director"));
        assert_eq!(fields["note"].as_str(), Some("ask finance"));
        assert!(
            !std::fs::read_to_string(&plan)
                .expect("plan")
                .contains("note"),
            "the plan itself is untouched"
        );
    }
}

#[test]
fn the_explorer_opens_at_the_plans_current_level() {
    let home = tempfile::tempdir().expect("temp dir");
    // A last level viewed, which the plan's current level outranks.
    let kept = home.path().join(".local/state/rungs/last-level");
    std::fs::create_dir_all(kept.parent().expect("folder")).expect("state folder");
    std::fs::write(&kept, "manager\n").expect("state written");
    let plan = home.path().join("plan.toml");
    std::fs::write(&plan, "version = 2\ncurrent = \"director\"\n").expect("plan written");
    let plan_text = plan.to_str().expect("utf-8 temp path").to_owned();
    let mut session = Session::start(home.path(), &[("RUNGS_PLAN", &plan_text)]);
    // Opened there, and the ladder marks it as where you are.
    session.wait_for("▶4 ◆ Director");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    // A current level this ladder does not have: the last level viewed, as before.
    std::fs::write(&plan, "version = 2\ncurrent = \"astronaut\"\n").expect("plan written");
    std::fs::write(&kept, "manager\n").expect("state written");
    let mut again = Session::start(home.path(), &[("RUNGS_PLAN", &plan_text)]);
    again.wait_for("▶2 Manager");
    again.send(b"q");
    assert_eq!(again.finish(), 0);
}

#[test]
fn checkin_flag_opens_the_check_in_and_evidence_typed_on_the_plan_is_saved() {
    let home = tempfile::tempdir().expect("temp dir");
    let plan = home.path().join("plan.toml");
    let theirs = home.path().join("manager.toml");
    std::fs::write(
        &plan,
        "version = 2\ntarget = \"director\"\n\n[[items]]\nskill = \"budgeting\"\nlevel = \
         \"director\"\nadded = 2026-01-05\n\n[[ratings]]\nskill = \"budgeting\"\nstep = \
         \"working\"\ndate = 2026-01-05\n",
    )
    .expect("plan written");
    let their_text = "version = 2\n\n[[ratings]]\nskill = \"budgeting\"\nstep = \"basic\"\n\
                      date = 2026-02-01\n";
    std::fs::write(&theirs, their_text).expect("their plan written");
    let plan_text = plan.to_str().expect("utf-8 temp path").to_owned();
    let theirs_text = theirs.to_str().expect("utf-8 temp path").to_owned();
    let mut session = Session::start_with(
        home.path(),
        &["--checkin", &theirs_text],
        &[("RUNGS_PLAN", &plan_text)],
    );
    session.wait_for("Check-in · ");
    session.wait_for("1 disagreement of a step or more");
    // Esc closes the check-in; Tab to the evidence, `a`, text, Enter.
    session.send(b"\x1b");
    session.wait_for("check-in closed");
    session.send(b"\t");
    session.wait_for("Evidence · Budget");
    session.send(b"a");
    session.wait_for("New:");
    // Typed into the field: `q` would quit and `d` remove if they went to the keymap.
    session.send(b"Led the quarterly review");
    session.send(b"\r");
    session.wait_for("evidence added");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    let text = std::fs::read_to_string(&plan).expect("the plan file");
    let saved = rungs::plan::parse("plan.toml", &text).expect("a valid plan");
    let evidence = &saved
        .item("budgeting", "director")
        .expect("the item")
        .evidence;
    assert_eq!(evidence.len(), 1, "{text}");
    assert_eq!(evidence[0].text, "Led the quarterly review");
    assert_eq!(
        std::fs::read_to_string(&theirs).expect("their file"),
        their_text,
        "their file is never written"
    );
}

#[test]
fn a_ladder_of_families_switches_family_opens_the_catalogue_and_resumes_on_the_family() {
    let home = tempfile::tempdir().expect("temp dir");
    let content = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v2/three-families"
    );
    let args = ["--content", content];
    let mut session = Session::start_with(home.path(), &args, &[]);
    session.wait_for("Engineering (1 of 3)");
    // `f` lists the families; letters narrow the list and Enter shows the one picked.
    session.send(b"f");
    session.wait_for("Job family");
    session.send(b"sal\r");
    session.wait_for("Sales (3 of 3)");
    session.wait_gone("Job family");
    // The catalogue opens on the family in view; Esc comes back.
    session.send(b"S");
    session.wait_for("Skill catalogue · Sales (3 of 3)");
    session.wait_for("Prospecting");
    session.send(b"\x1b");
    session.wait_gone("Skill catalogue");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    // The next start opens on the last level viewed, and so on its family.
    let mut again = Session::start_with(home.path(), &args, &[]);
    again.wait_for("Sales (3 of 3)");
    again.send(b"q");
    assert_eq!(again.finish(), 0);
}

#[test]
fn r_on_a_skill_rates_it_and_the_rating_is_in_the_plan_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let plan = home.path().join("plan.toml");
    let plan_text = plan.to_str().expect("utf-8 temp path").to_owned();
    let mut session = Session::start(home.path(), &[("RUNGS_PLAN", &plan_text)]);
    session.wait_for("▶1 Individual contributor");
    session.send(b"kkk");
    session.wait_for("▶4 Director");
    session.send(b"\r");
    session.wait_for("Experience in years");
    session.send(b"\t");
    session.wait_for("b bookmark");
    session.send(b"r");
    session.wait_for("Rate yourself");
    // The lowest step (g goes to the top of the list), set with Enter.
    session.send(b"g");
    session.wait_for("▶●○○○");
    session.send(b"\r");
    session.wait_for("rated ");
    session.send(b"q");
    assert_eq!(session.finish(), 0);
    let text = std::fs::read_to_string(&plan).expect("the plan file was written");
    let saved = rungs::plan::parse("plan.toml", &text).expect("a valid plan");
    let ladder = rungs::Ladder::embedded().expect("built-in ladder");
    let first_skill = first_skill_of_director(&ladder);
    let lowest = rungs::plan::RatingScale::of(&ladder).steps()[0].clone();
    assert_eq!(saved.ratings.len(), 1, "{text}");
    assert_eq!(
        saved.rating(&first_skill).map(|r| r.step.as_str()),
        Some(lowest.as_str()),
        "{text}"
    );
}

/// The id of the first skill Director's skills list shows (where the cursor starts).
fn first_skill_of_director(ladder: &rungs::Ladder) -> String {
    ladder
        .level("director")
        .and_then(|l| {
            rungs::tui::app::skill_rows(ladder, l)
                .into_iter()
                .find_map(|row| match row {
                    rungs::tui::app::SkillRow::Skill { id, .. } => Some(id.to_owned()),
                    rungs::tui::app::SkillRow::Category(_) => None,
                })
        })
        .expect("director has skills")
}

/// Reads what rungs prints through `master` into `parser` until the screen shows `text`.
/// Waits on the descriptor (poll) rather than in a reader thread, so that the test holds the
/// only copy of the master and can close the terminal by dropping it.
#[cfg(unix)]
fn read_until(
    master: &dyn MasterPty,
    reader: &mut dyn Read,
    parser: &mut vt100::Parser,
    text: &str,
) {
    let fd = master.as_raw_fd().expect("the master's descriptor");
    let start = Instant::now();
    while !parser.screen().contents().contains(text) {
        let left = PATIENCE.saturating_sub(start.elapsed());
        let mut ready = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: poll(2) on one valid pollfd that lives across the call.
        let n = unsafe { libc::poll(&mut ready, 1, left.as_millis() as libc::c_int) };
        assert!(
            n > 0,
            "`{text}` never came:\n{}",
            parser.screen().contents()
        );
        let mut chunk = [0u8; 4096];
        let read = reader.read(&mut chunk).expect("rungs's output");
        assert!(read > 0, "rungs ended before `{text}`");
        parser.process(&chunk[..read]);
    }
}

/// The terminal closing under rungs (a window closed, an ssh connection dropped) hangs up
/// its terminal: rungs must end as on SIGHUP, keeping the note being typed, rather than keep
/// reading a terminal that is gone (crossterm's default reader then spun at full CPU and
/// never returned, so even SIGTERM went unanswered).
#[cfg(unix)]
#[test]
fn a_terminal_that_closes_ends_the_explorer_and_keeps_the_note_being_typed() {
    let home = tempfile::tempdir().expect("temp dir");
    let plan = home.path().join("plan.toml");
    std::fs::write(
        &plan,
        "version = 1\n\n[[items]]\nskill = \"budgeting\"\nlevel = \"director\"\n\
         status = \"planned\"\nadded = 2026-01-05\n",
    )
    .expect("plan");
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS.get(),
            cols: COLUMNS.get(),
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let plan_text = plan.to_str().expect("utf-8 temp path");
    let command = rungs_command(home.path(), &[], &[("RUNGS_PLAN", plan_text)]);
    let mut child = pty.slave.spawn_command(command).expect("spawn rungs");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let mut writer = pty.master.take_writer().expect("pty writer");
    let mut parser = vt100::Parser::new(ROWS, COLUMNS, 0);
    let master = pty.master;
    read_until(
        &*master,
        &mut *reader,
        &mut parser,
        "▶1 Individual contributor",
    );
    for (keys, shown) in [
        (&b"p"[..], "Budget"),
        (b"e", "Note"),
        (b"ask finance", "ask finance"),
    ] {
        writer.write_all(keys).expect("keys");
        writer.flush().expect("keys sent");
        read_until(&*master, &mut *reader, &mut parser, shown);
    }

    // The terminal goes away: every copy of its master end is closed.
    drop(writer);
    drop(reader);
    drop(master);
    let (ended, status) = channel();
    std::thread::spawn(move || {
        let _ = ended.send(child.wait());
    });
    let status = match status.recv_timeout(PATIENCE) {
        Ok(status) => status.expect("rungs's exit status"),
        Err(_) => panic!("rungs kept running after its terminal closed"),
    };
    assert_eq!(status.exit_code(), 128 + libc::SIGHUP as u32);
    let draft =
        std::fs::read_to_string(home.path().join("plan.draft.toml")).expect("the note was kept");
    let fields: toml::Table = toml::from_str(&draft).expect("a TOML draft");
    assert_eq!(fields["note"].as_str(), Some("ask finance"));
}
