//! Matching off the render path: a worker thread that takes queries and hands back results
//! the UI picks up with a non-blocking poll each frame.
//!
//! Protocol: [`Searcher::submit`] returns a generation number, increasing with every query.
//! The worker always answers the newest query it has: queries overtaken before it starts are
//! skipped, and a scan under way gives up as soon as a newer query is submitted.
//! [`Searcher::try_recv`] never blocks and only ever returns the result of the latest
//! submitted query; results of older ones are dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;

use super::{Matches, QueryTrail, SearchIndex};

/// The answer to one submitted query.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// The number [`Searcher::submit`] returned for the query.
    pub generation: u64,
    pub matches: Arc<Matches>,
}

struct Request {
    generation: u64,
    query: String,
}

/// A background matcher over one [`SearchIndex`]. Dropping it stops the thread.
pub struct Searcher {
    /// Set by the worker once the index is built; queries submitted before wait for it.
    index: Arc<OnceLock<Arc<SearchIndex>>>,
    requests: Option<Sender<Request>>,
    results: Receiver<SearchResults>,
    /// The generation of the newest submitted query, shared with the worker so that it can
    /// abandon stale work.
    latest: Arc<AtomicU64>,
    worker: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("index", &self.index.get())
            .field("latest", &self.latest.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Searcher {
    /// Starts the worker thread over an index already built.
    pub fn spawn(index: Arc<SearchIndex>) -> Searcher {
        Searcher::spawn_with(move || index)
    }

    /// Starts the worker thread, which first builds its index with `build`: on a large ladder
    /// that takes milliseconds the caller's thread need not wait for.
    pub fn spawn_with(build: impl FnOnce() -> Arc<SearchIndex> + Send + 'static) -> Searcher {
        let (request_tx, request_rx) = mpsc::channel::<Request>();
        let (result_tx, result_rx) = mpsc::channel::<SearchResults>();
        let latest = Arc::new(AtomicU64::new(0));
        let index = Arc::new(OnceLock::new());
        let worker = {
            let slot = Arc::clone(&index);
            let latest = Arc::clone(&latest);
            std::thread::Builder::new()
                .name("rungs-search".into())
                .spawn(move || {
                    let index = slot.get_or_init(build);
                    serve(index, &latest, &request_rx, &result_tx);
                })
        };
        Searcher {
            index,
            requests: Some(request_tx),
            results: result_rx,
            latest,
            // Without a thread (the system refused one) `try_recv` simply never answers.
            worker: worker.ok(),
        }
    }

    /// The index, once the worker has built it. Every answer is sent after it is set.
    pub fn index(&self) -> Option<&Arc<SearchIndex>> {
        self.index.get()
    }

    /// Asks for the matches of `query`; returns its generation. Never blocks.
    pub fn submit(&mut self, query: &str) -> u64 {
        let generation = self.latest.load(Ordering::SeqCst) + 1;
        self.latest.store(generation, Ordering::SeqCst);
        if let Some(requests) = &self.requests {
            // A send fails only when the worker is gone; `try_recv` then stays empty.
            let _ = requests.send(Request {
                generation,
                query: query.to_owned(),
            });
        }
        generation
    }

    /// The generation of the newest submitted query (0 before the first).
    pub fn latest_generation(&self) -> u64 {
        self.latest.load(Ordering::SeqCst)
    }

    /// The result of the newest submitted query if it has arrived; older results waiting in
    /// the channel are discarded. Never blocks: call it once per frame.
    pub fn try_recv(&mut self) -> Option<SearchResults> {
        let latest = self.latest_generation();
        let mut current = None;
        loop {
            match self.results.try_recv() {
                Ok(result) if result.generation == latest => current = Some(result),
                Ok(_stale) => {}
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return current,
            }
        }
    }

    /// Waits up to `timeout` for the result of the newest query. For tests and headless use;
    /// the UI should poll [`Searcher::try_recv`] instead.
    pub fn recv_timeout(&mut self, timeout: std::time::Duration) -> Option<SearchResults> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let latest = self.latest_generation();
            let left = deadline.checked_duration_since(std::time::Instant::now())?;
            match self.results.recv_timeout(left) {
                Ok(result) if result.generation == latest => return Some(result),
                Ok(_stale) => {}
                Err(_) => return None,
            }
        }
    }
}

impl Drop for Searcher {
    fn drop(&mut self) {
        // A generation no query has makes a running scan give up at once.
        self.latest.store(u64::MAX, Ordering::SeqCst);
        self.requests = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn serve(
    index: &SearchIndex,
    latest: &AtomicU64,
    requests: &Receiver<Request>,
    results: &Sender<SearchResults>,
) {
    let mut trail = QueryTrail::new();
    while let Ok(mut request) = requests.recv() {
        // Only the newest waiting query matters.
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let stale = || latest.load(Ordering::Relaxed) != generation;
        if stale() {
            continue;
        }
        if let Some(matches) = trail.search(index, &request.query, &stale)
            && results
                .send(SearchResults {
                    generation,
                    matches,
                })
                .is_err()
        {
            return;
        }
    }
}
