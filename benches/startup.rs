//! Start-up of the explorer side by side with a minimal ratatui app that draws one frame
//! (`examples/minimal_frame.rs`, the yardstick), each sample a fresh process in a fresh 120×40
//! pseudo-terminal.
//!
//! **The paired table** (printed first, from `main`): N pairs of runs, interleaved in this one
//! process, the order within a pair alternating, so both programs meet the same machine. For
//! each pair and each program:
//!
//! - **seen (arrived)**: from the instant just before spawning until the arrival of the output
//!   that completes the first frame. A reader thread stamps every chunk of output with the
//!   instant its `read` returned; the bench parses the chunks (vt100) as they come and, once
//!   the screen shows the whole first frame (rungs: the ladder, the level's page and the
//!   footer's last hint; the yardstick: its line), takes the stamp of the chunk that completed
//!   it. What the terminal received by then is what a person sees; the bench's own parsing is
//!   not counted (rungs' first frame is about 9 KB, the yardstick's one line), though it
//!   runs on the same two cores, as a terminal emulator would.
//! - **first output arrived**: the same runs, until the first chunk of output (the terminal's
//!   set-up) arrived: how much of the difference comes before any drawing.
//! - **seen (parsed)**: the same runs, until the bench's parser shows the frame: the older
//!   measure, which also holds parsing the frame on the bench's side.
//! - **to exit**: a second run with `RUNGS_EXIT_AFTER_FIRST_FRAME=1` (rungs) or without
//!   `--wait` (the yardstick), until the process has exited, so it also holds restoring the
//!   terminal.
//! - **CPU**: the process's user + system time from exec to exit (`getrusage`,
//!   `RUSAGE_CHILDREN`, before the spawn and after reaping; each run is reaped before the next
//!   starts, so the difference is that run's alone). The seen runs' CPU includes quitting.
//!
//! The table gives each program's fastest and median and the median of the per-pair ratios
//! rungs / yardstick (with the middle half of those ratios). Quitting the seen runs (a `q`,
//! then waiting for the exit) happens after the timed part. One start of each program comes
//! first and is not counted (a cold page cache). Nothing waits for a guessed time:
//! every step waits for output or for the exit.
//!
//! `RUNGS_BENCH_PAIRS=N` sets the number of pairs (default 40; 0 skips the table). Given
//! divan filters (`cargo bench --bench startup -- generated`), the table runs only if one of
//! them is `paired`; `-- paired` runs the table and no divan bench.
//!
//! **The divan benches** after it: the same two measures one program at a time
//! (`seen_*` is the parsed measure, `*_to_exit` the exit one) and the generated ladder's
//! starts with an empty cache and from the cache.
//!
//! Needs the minimal app built first: `cargo build --release --example minimal_frame`.
//! Also prints the peak resident memory at the first frame (Linux).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtyPair, PtySize, native_pty_system};

fn main() {
    report_memory();
    if let Some(pairs) = pairs_to_run() {
        paired_table(pairs);
    }
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

fn rungs() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_rungs"))
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
fn pty_and_command(program: &Path, args: &[&str]) -> (PtyPair, CommandBuilder) {
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

/// A run that draws its first frame and exits (`RUNGS_EXIT_AFTER_FIRST_FRAME`; the
/// yardstick does so unless given `--wait`), with rungs' cache of validated ladders in
/// `cache` (`XDG_CACHE_HOME`). With `stats`, rungs also prints its peak memory.
fn exit_command(
    program: &Path,
    args: &[&str],
    stats: bool,
    cache: &Path,
) -> (PtyPair, CommandBuilder) {
    let (pty, mut command) = pty_and_command(program, args);
    command.env("XDG_CACHE_HOME", cache);
    command.env(
        rungs::tui::EXIT_AFTER_FIRST_FRAME,
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
    (pty, command)
}

/// A run that keeps its first frame up until a key, as a person uses the program: rungs, or
/// the yardstick given `--wait`.
fn seen_command(program: &Path, args: &[&str]) -> (PtyPair, CommandBuilder) {
    let (pty, mut command) = pty_and_command(program, args);
    command.env_remove(rungs::tui::EXIT_AFTER_FIRST_FRAME);
    let home = std::env::temp_dir().join("rungs-bench-home");
    std::fs::create_dir_all(&home).expect("a home folder for the bench");
    command.cwd(&home);
    command.env("HOME", &home);
    command.env("XDG_CONFIG_HOME", home.join("config"));
    command.env("XDG_STATE_HOME", home.join("state"));
    command.env("XDG_DATA_HOME", home.join("data"));
    (pty, command)
}

/// The CPU time (user + system) of every child this process has reaped so far.
fn reaped_children_cpu() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `usage` is a valid, writable `rusage`; getrusage only writes into it.
    let done = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) };
    assert_eq!(done, 0, "getrusage");
    // SAFETY: getrusage succeeded, so it filled `usage` (and zeroed is a valid rusage anyway).
    let usage = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.unsigned_abs())
            + Duration::from_micros(t.tv_usec.unsigned_abs())
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// A program started in a PTY. A thread reads its output and stamps each chunk with the
/// instant `read` returned, so when a byte reached the terminal does not depend on how soon
/// the bench gets round to parsing it; the thread also keeps the PTY's buffer drained, so the
/// program never waits on it. Dropping a run that is still going quits it (a `q`, then waiting
/// for the exit): divan drops a sample's output after timing it.
struct Run {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: Receiver<(Instant, Vec<u8>)>,
    /// Only for runs that wait for a key: dropping the writer sends a newline and EOF.
    writer: Option<Box<dyn Write + Send>>,
    _master: Box<dyn MasterPty + Send>,
    /// The instant just before the spawn.
    spawned: Instant,
    cpu_before: Duration,
    reaped: bool,
}

/// What one run took.
#[derive(Clone, Copy, Debug)]
struct Timed {
    /// From the spawn until the end of what was timed.
    took: Duration,
    /// The process's CPU time from exec to exit.
    cpu: Duration,
}

/// When the whole first frame was on screen, counted from the spawn.
#[derive(Clone, Copy, Debug)]
struct Seen {
    /// The arrival of the program's first output (its terminal set-up).
    first_output: Duration,
    /// The arrival of the output that completed it.
    arrived: Duration,
    /// The bench's parser showing it (arrival, then parsing on the bench's side).
    parsed: Duration,
}

impl Run {
    fn start((pty, command): (PtyPair, CommandBuilder), keys: bool) -> Self {
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let (sender, output) = channel();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                let arrived = Instant::now();
                if n == 0 || sender.send((arrived, chunk[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let writer = keys.then(|| pty.master.take_writer().expect("writer"));
        let cpu_before = reaped_children_cpu();
        let spawned = Instant::now();
        let child = pty.slave.spawn_command(command).expect("spawn");
        drop(pty.slave);
        Run {
            child,
            output,
            writer,
            _master: pty.master,
            spawned,
            cpu_before,
            reaped: false,
        }
    }

    /// Parses the output as it comes until the screen holds every one of `parts`: the first
    /// frame as a person sees it.
    fn until_seen(&mut self, parts: &[&str]) -> Seen {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
        let mut parser = vt100::Parser::new(size(40), size(120), 0);
        let mut first_output = None;
        loop {
            let (arrived, bytes) = self
                .output
                .recv_timeout(Duration::from_secs(30))
                .expect("the program drew its first frame");
            let first_output =
                *first_output.get_or_insert(arrived.saturating_duration_since(self.spawned));
            parser.process(&bytes);
            let screen = parser.screen().contents();
            if parts.iter().all(|p| screen.contains(p)) {
                return Seen {
                    first_output,
                    arrived: arrived.saturating_duration_since(self.spawned),
                    parsed: self.spawned.elapsed(),
                };
            }
        }
    }

    /// Waits for the program to exit by itself; asserts it succeeded.
    fn until_exit(&mut self) -> Timed {
        let status = self.child.wait().expect("wait");
        let took = self.spawned.elapsed();
        self.reaped = true;
        assert!(status.success(), "the program failed: {status:?}");
        Timed {
            took,
            cpu: reaped_children_cpu().saturating_sub(self.cpu_before),
        }
    }

    /// Presses `q` and waits for the program to exit; returns its CPU time.
    fn quit(&mut self) -> Duration {
        if let Some(writer) = self.writer.as_mut() {
            let _ = writer.write_all(b"q");
            let _ = writer.flush();
        }
        self.until_exit().cpu
    }

    /// Everything the program printed, once it has exited.
    fn printed(&self) -> String {
        let bytes: Vec<u8> = self.output.iter().flat_map(|(_, chunk)| chunk).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        if !self.reaped {
            if let Some(writer) = self.writer.as_mut() {
                let _ = writer.write_all(b"q");
                let _ = writer.flush();
            }
            let _ = self.child.wait();
        }
    }
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
    let mut run = Run::start(exit_command(program, args, stats, cache), false);
    run.until_exit();
    run.printed()
}

/// Spawns `program` in a 120×40 PTY and returns once the parsed screen holds every one of
/// `parts`; dropping the run quits it, outside the timed part.
fn until_seen(program: &Path, args: &[&str], parts: &[&str]) -> Run {
    let mut run = Run::start(seen_command(program, args), true);
    run.until_seen(parts);
    run
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

/// What the explorer's first frame holds when it is complete: the ladder at the top, the
/// level's page, and the footer's last hint at the bottom.
const RUNGS_FIRST_FRAME: [&str; 3] = ["Ladder", "Experience in years", "? help"];

/// What the yardstick's frame holds.
const YARDSTICK_FRAME: [&str; 1] = ["one frame"];

/// How many pairs the paired table runs, or `None` to skip it: `RUNGS_BENCH_PAIRS` (default
/// 40, 0 skips); given divan filters, only if one of them is `paired`.
fn pairs_to_run() -> Option<usize> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        return None;
    }
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if !filters.is_empty() && !filters.iter().any(|f| *f == "paired") {
        return None;
    }
    let pairs = match std::env::var("RUNGS_BENCH_PAIRS") {
        Ok(text) => text
            .trim()
            .parse()
            .expect("RUNGS_BENCH_PAIRS is a number of pairs"),
        Err(_) => 40,
    };
    (pairs > 0).then_some(pairs)
}

/// Reads one figure from a sample.
type Measure = fn(&Sample) -> Duration;

/// One program's figures in one pair.
#[derive(Clone, Copy, Debug)]
struct Sample {
    seen: Seen,
    seen_cpu: Duration,
    exit: Timed,
}

/// The two programs of a pair: the yardstick, then rungs with the built-in ladder.
const YARDSTICK: usize = 0;
const RUNGS: usize = 1;

fn seen_sample(program: usize, yardstick: &Path) -> (Seen, Duration) {
    let mut run = if program == YARDSTICK {
        Run::start(seen_command(yardstick, &["--wait"]), true)
    } else {
        Run::start(seen_command(rungs(), &[]), true)
    };
    let parts: &[&str] = if program == YARDSTICK {
        &YARDSTICK_FRAME
    } else {
        &RUNGS_FIRST_FRAME
    };
    let seen = run.until_seen(parts);
    (seen, run.quit())
}

fn exit_sample(program: usize, yardstick: &Path) -> Timed {
    let path = if program == YARDSTICK {
        yardstick
    } else {
        rungs()
    };
    let cache = std::env::temp_dir().join("rungs-bench-cache");
    Run::start(exit_command(path, &[], false, &cache), false).until_exit()
}

/// `pairs` pairs of starts, interleaved, the order within a pair alternating; prints the
/// table (see the top of this file).
fn paired_table(pairs: usize) {
    let yardstick = minimal_app();
    let load_before = load_average();
    // One start of each before counting, so the first pair does not pay for a cold cache.
    for program in [YARDSTICK, RUNGS] {
        seen_sample(program, &yardstick);
        exit_sample(program, &yardstick);
    }
    let mut samples: [Vec<Sample>; 2] = [Vec::new(), Vec::new()];
    for pair in 0..pairs {
        let order = if pair % 2 == 0 {
            [YARDSTICK, RUNGS]
        } else {
            [RUNGS, YARDSTICK]
        };
        let mut seen = [None; 2];
        for program in order {
            seen[program] = Some(seen_sample(program, &yardstick));
        }
        let mut exit = [None; 2];
        for program in order {
            exit[program] = Some(exit_sample(program, &yardstick));
        }
        for program in [YARDSTICK, RUNGS] {
            let ((seen, seen_cpu), exit) =
                (seen[program].expect("ran"), exit[program].expect("ran"));
            samples[program].push(Sample {
                seen,
                seen_cpu,
                exit,
            });
        }
    }
    let load_after = load_average();

    println!();
    println!(
        "paired start-up, 120×40 PTY: {pairs} pairs, order alternating; rungs with the built-in \
         ladder against the yardstick (minimal_frame); load average {load_before} before, \
         {load_after} after"
    );
    println!();
    println!(
        "| measure | yardstick: fastest | yardstick: median | rungs: fastest | rungs: median \
         | ratio of the fastest | per-pair ratio: median | per-pair ratio: middle half |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let measures: [(&str, Measure); 6] = [
        ("first output arrived", |s| s.seen.first_output),
        ("seen (arrived)", |s| s.seen.arrived),
        ("seen (parsed)", |s| s.seen.parsed),
        ("to exit", |s| s.exit.took),
        ("CPU per start, to-exit run", |s| s.exit.cpu),
        ("CPU per start, seen run (with the quit)", |s| s.seen_cpu),
    ];
    for (name, measure) in measures {
        let times = |program: usize| -> Vec<f64> {
            samples[program]
                .iter()
                .map(|s| measure(s).as_secs_f64() * 1000.0)
                .collect()
        };
        let (yard, ours) = (times(YARDSTICK), times(RUNGS));
        let ratios: Vec<f64> = ours.iter().zip(&yard).map(|(r, y)| r / y).collect();
        let (low, high) = middle_half(&ratios);
        println!(
            "| {name} | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms | {:.2}× | **{:.2}×** | {low:.2}–{high:.2}× |",
            fastest(&yard),
            median(&yard),
            fastest(&ours),
            median(&ours),
            fastest(&ours) / fastest(&yard),
            median(&ratios),
        );
    }
    println!();
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut values = values.to_vec();
    values.sort_by(f64::total_cmp);
    values
}

fn fastest(values: &[f64]) -> f64 {
    sorted(values).first().copied().unwrap_or(f64::NAN)
}

fn median(values: &[f64]) -> f64 {
    let values = sorted(values);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The 25th and 75th percentiles (nearest rank).
fn middle_half(values: &[f64]) -> (f64, f64) {
    let values = sorted(values);
    if values.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    let at = |quarter: usize| values[(values.len() * quarter / 4).min(values.len() - 1)];
    (at(1), at(3))
}

/// The one-minute load average (Linux), for the table's heading.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
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

#[divan::bench(sample_count = 30, sample_size = 1)]
fn seen_minimal_ratatui_app(bencher: divan::Bencher<'_, '_>) {
    bencher.bench_local(|| until_seen(&minimal_app(), &["--wait"], &YARDSTICK_FRAME));
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
