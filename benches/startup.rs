//! Start-up of the explorer side by side with a minimal ratatui app that draws one frame, in a
//! pseudo-terminal, two ways:
//!
//! - **to the first frame on screen** (`seen_*`): from spawning the program until a terminal
//!   emulator (vt100) fed with its output shows the whole first frame: what a person sees.
//!   Quitting and the terminal's restore happen after the timed part.
//! - **start to exit** (`*_to_exit`): the program runs with `RUNGS_EXIT_AFTER_FIRST_FRAME=1`
//!   and the time runs until it has exited, so it also holds restoring the terminal.
//!
//! Needs the minimal app built first: `cargo build --release --example minimal_frame`.
//! Also prints the peak resident memory at the first frame (Linux).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() {
    report_memory();
    divan::main();
}

fn minimal_app() -> PathBuf {
    // target/release/deps/startup-… → target/release/examples/minimal_frame
    let exe = std::env::current_exe().expect("bench path");
    let release = exe.parent().and_then(Path::parent).expect("target/release");
    let path = release.join("examples").join("minimal_frame");
    assert!(
        path.exists(),
        "build the yardstick first: cargo build --release --example minimal_frame"
    );
    path
}

fn generated_content() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        for file in rungs::ladder::generate::large_ladder(1000, 100_000, 500) {
            let path = dir.path().join(file.name.trim_start_matches("generated/"));
            std::fs::write(path, file.text).expect("write generated ladder");
        }
        dir
    })
    .path()
}

/// A fresh 120×40 PTY and the command to run `program` with `args` in it.
fn pty_and_command(program: &Path, args: &[&str]) -> (portable_pty::PtyPair, CommandBuilder) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.env("TERM", "xterm-256color");
    (pty, command)
}

/// Runs `program` in a fresh 120×40 PTY until it exits; returns everything it printed.
fn run_in_pty(program: &Path, args: &[&str], stats: bool) -> String {
    run_with_cache(
        program,
        args,
        stats,
        &std::env::temp_dir().join("rungs-bench-cache"),
    )
}

/// As [`run_in_pty`], with rungs' cache of validated ladders in `cache` (`XDG_CACHE_HOME`).
fn run_with_cache(program: &Path, args: &[&str], stats: bool, cache: &Path) -> String {
    let (pty, mut command) = pty_and_command(program, args);
    command.env("XDG_CACHE_HOME", cache);
    command.env(
        "RUNGS_EXIT_AFTER_FIRST_FRAME",
        if stats { "stats" } else { "1" },
    );
    command.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join("rungs-bench-no-config"),
    );
    command.env(
        "XDG_STATE_HOME",
        std::env::temp_dir().join("rungs-bench-state"),
    );
    let mut child = pty.slave.spawn_command(command).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    // Drain the output on a thread so the child never blocks on a full PTY buffer.
    let drain = std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = reader.read_to_end(&mut all);
        all
    });
    let status = child.wait().expect("wait");
    drop(pty.master);
    let output = drain.join().unwrap_or_default();
    assert!(status.success(), "{} failed", program.display());
    String::from_utf8_lossy(&output).into_owned()
}

fn rungs() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_rungs"))
}

fn report_memory() {
    for (what, args) in [
        ("built-in ladder", vec![]),
        (
            "generated ladder",
            vec![
                "--content",
                generated_content().to_str().unwrap_or_default(),
            ],
        ),
    ] {
        let output = run_in_pty(rungs(), &args, true);
        let figure = output
            .lines()
            .find_map(|l| l.split("peak_rss=").nth(1))
            .unwrap_or("not reported")
            .trim()
            .to_owned();
        println!("peak resident memory at the first frame, {what}: {figure}");
    }
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn minimal_ratatui_app_to_exit() {
    run_in_pty(&minimal_app(), &[], false);
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn rungs_built_in_ladder_to_exit() {
    run_in_pty(rungs(), &[], false);
}

/// A first start on the generated ladder: every run gets an empty cache, so it validates the
/// folder in full and writes the cache.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn rungs_generated_ladder_to_exit(bencher: divan::Bencher) {
    let dir = generated_content().to_str().unwrap_or_default().to_owned();
    bencher
        .with_inputs(|| tempfile::tempdir().expect("empty cache"))
        .bench_values(|cache| {
            run_with_cache(rungs(), &["--content", &dir], false, cache.path());
            cache
        });
}

/// A second start on the unchanged generated ladder: the cache holds it.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn rungs_generated_ladder_from_cache_to_exit(bencher: divan::Bencher) {
    let dir = generated_content().to_str().unwrap_or_default().to_owned();
    let cache = tempfile::tempdir().expect("cache");
    run_with_cache(rungs(), &["--content", &dir], false, cache.path());
    bencher.bench(|| run_with_cache(rungs(), &["--content", &dir], false, cache.path()));
}

/// A program running in a PTY, its output parsed as a terminal shows it. Dropping it quits
/// the program (and waits for it), outside any timed part.
struct Shown {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Drop for Shown {
    fn drop(&mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let _ = self.child.wait();
    }
}

/// Spawns `program` in a 120×40 PTY and returns once the parsed screen holds every one of
/// `parts`: the first frame as a person sees it.
fn until_seen(program: &Path, args: &[&str], parts: &[&str]) -> Shown {
    let (pty, mut command) = pty_and_command(program, args);
    command.env_remove(rungs::tui::EXIT_AFTER_FIRST_FRAME);
    let home = std::env::temp_dir().join("rungs-bench-home");
    std::fs::create_dir_all(&home).expect("a home folder for the bench");
    command.cwd(&home);
    command.env("HOME", &home);
    command.env("XDG_CONFIG_HOME", home.join("config"));
    command.env("XDG_STATE_HOME", home.join("state"));
    command.env("XDG_DATA_HOME", home.join("data"));
    let child = pty.slave.spawn_command(command).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let writer = pty.master.take_writer().expect("writer");
    let (sender, output): (_, Receiver<Vec<u8>>) = channel();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n) = reader.read(&mut chunk) {
            if n == 0 || sender.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
    let mut parser = vt100::Parser::new(size(40), size(120), 0);
    loop {
        let bytes = output
            .recv_timeout(Duration::from_secs(30))
            .expect("the program drew its first frame");
        parser.process(&bytes);
        let screen = parser.screen().contents();
        if parts.iter().all(|p| screen.contains(p)) {
            break;
        }
    }
    Shown {
        child,
        writer,
        _master: pty.master,
    }
}

/// What the explorer's first frame holds when it is complete: the ladder at the top, the
/// level's page, and the footer's last hint at the bottom.
const RUNGS_FIRST_FRAME: [&str; 3] = ["Ladder", "Experience in years", "? help"];

#[divan::bench(sample_count = 30, sample_size = 1)]
fn seen_minimal_ratatui_app(bencher: divan::Bencher<'_, '_>) {
    bencher.bench_local(|| until_seen(&minimal_app(), &["--wait"], &["one frame"]));
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn seen_rungs_built_in_ladder(bencher: divan::Bencher<'_, '_>) {
    bencher.bench_local(|| until_seen(rungs(), &[], &RUNGS_FIRST_FRAME));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn seen_rungs_generated_ladder(bencher: divan::Bencher<'_, '_>) {
    let dir = generated_content().to_str().unwrap_or_default().to_owned();
    bencher.bench_local(|| until_seen(rungs(), &["--content", &dir], &["Ladder", "? help"]));
}
