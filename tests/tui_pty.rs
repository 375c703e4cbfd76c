//! The real binary in a pseudo-terminal: keys go in, the screen is parsed by a terminal
//! emulator (vt100), and the exit code and the restored terminal are checked. The test makes
//! its own PTY, so it runs in CI without a terminal or standard input.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: NonZeroU16 = NonZeroU16::new(30).unwrap();
const COLUMNS: NonZeroU16 = NonZeroU16::new(100).unwrap();
const PATIENCE: Duration = Duration::from_secs(15);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    fn start(config_home: &Path, extra_env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS.get(),
                cols: COLUMNS.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_rungs"));
        command.env("TERM", "xterm-256color");
        command.env("XDG_CONFIG_HOME", config_home);
        command.env("HOME", config_home);
        command.env_remove("RUNGS_CONTENT");
        command.env_remove("NO_COLOR");
        command.env_remove("RUNGS_EXIT_AFTER_FIRST_FRAME");
        for (key, value) in extra_env {
            command.env(key, value);
        }
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
            parser: vt100::Parser::new(ROWS, COLUMNS, 0),
            child,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the parsed screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.screen().contains(text) {
                return;
            }
            self.pump(Duration::from_millis(50));
        }
        panic!(
            "`{text}` never appeared; the screen was:\n{}",
            self.screen()
        );
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Waits for the process to end and returns its exit code, reading what it still prints.
    fn finish(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(20));
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the last bytes (leaving the alternate screen) reach the parser.
                self.pump(Duration::from_millis(200));
                return status.exit_code();
            }
            assert!(start.elapsed() < PATIENCE, "rungs did not exit");
        }
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
    session.wait_for("Scope and reporting");
    session.wait_for("Management › Director");
    session.send(b"\t");
    session.send(b"?");
    session.wait_for("Help: keys");
    session.send(b"\x1b");
    let start = Instant::now();
    while session.screen().contains("Help: keys") && start.elapsed() < PATIENCE {
        session.pump(Duration::from_millis(50));
    }
    assert!(
        !session.screen().contains("Help: keys"),
        "{}",
        session.screen()
    );
    // Compare: `c` takes the rung above as B, `s` swaps, Esc returns to the level's page.
    session.send(b"c");
    session.wait_for("Compare: Director ⇄ Vice president");
    session.wait_for("Changes: ");
    session.send(b"s");
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
fn ctrl_c_quits_with_exit_code_0() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut session = Session::start(home.path(), &[]);
    session.wait_for("Ladder");
    session.send(b"\x03");
    assert_eq!(session.finish(), 0);
    assert!(!session.parser.screen().alternate_screen());
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
    assert_eq!(session.finish(), 1);
    let screen = session.screen();
    assert!(
        screen.contains("config.toml:3:1: unknown action `qiut` (did you mean `quit`?)"),
        "{screen}"
    );
    assert!(!session.parser.screen().alternate_screen());
}

#[test]
fn without_a_terminal_it_says_so_in_one_line_and_exits_1() {
    let output = Command::cargo_bin("rungs")
        .expect("binary built")
        .env_remove("RUNGS_CONTENT")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}
