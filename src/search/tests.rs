use super::*;
use proptest::prelude::*;
use std::time::Duration;
use unicode_width::UnicodeWidthStr;

/// How long a test waits for the search worker before calling it hung. Only a guard: a busy
/// machine may take long, and the tests never assert on how long.
const PATIENCE: Duration = Duration::from_secs(120);

fn default_index() -> (Ladder, SearchIndex) {
    let ladder = Ladder::embedded().expect("the built-in ladder is valid");
    let index = SearchIndex::new(&ladder);
    (ladder, index)
}

fn top<'a>(index: &'a SearchIndex, query: &str, n: usize) -> Vec<Hit<'a>> {
    index.hits(&index.search(query), n)
}

fn body(texts: &[&'static str]) -> SearchIndex {
    SearchIndex::from_entries(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (EntryKind::Summary, i, 0, *t)),
    )
}

fn ranked_texts(index: &SearchIndex, query: &str) -> Vec<String> {
    let matches = index.search(query);
    index
        .hits(&matches, usize::MAX)
        .iter()
        .map(|h| h.text.to_owned())
        .collect()
}

#[test]
fn the_index_covers_every_kind_in_ladder_order() {
    let (ladder, index) = default_index();
    // The built-in ladder states no expectations and expects every catalogue skill somewhere;
    // other tests cover those two kinds.
    for kind in EntryKind::ALL
        .into_iter()
        .filter(|k| !matches!(k, EntryKind::Expectation | EntryKind::CatalogueSkill))
    {
        assert!(
            index.entries().iter().any(|e| e.kind == kind),
            "no {kind:?} entry"
        );
    }
    let order: Vec<(usize, EntryKind)> =
        index.entries().iter().map(|e| (e.level, e.kind)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "entries are level by level, kind by kind");
    // One skill-name entry per skill reference, pointing at that reference.
    let references: usize = ladder.levels().iter().map(|l| l.skills.len()).sum();
    let skills: Vec<&Entry> = index
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Skill)
        .collect();
    assert_eq!(skills.len(), references);
    for entry in skills {
        let reference = &ladder.levels()[entry.level].skills[entry.item];
        let skill = ladder.skill(&reference.skill).expect("validated");
        assert_eq!(index.text(entry), skill.name);
    }
    // Skill descriptions once each, under the first level asking for the skill.
    let descriptions = index
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::SkillDescription)
        .count();
    let used: std::collections::HashSet<&str> = ladder
        .levels()
        .iter()
        .flat_map(|l| l.skills.iter().map(|r| r.skill.as_str()))
        .collect();
    assert_eq!(descriptions, used.len());
}

#[test]
fn texts_are_one_line_without_control_characters() {
    let index = SearchIndex::from_entries([
        (
            EntryKind::Summary,
            0,
            0,
            "red\u{1b}[31m text\nover two lines\t!",
        ),
        (EntryKind::Summary, 0, 0, "  \u{7}  "),
    ]);
    assert_eq!(index.entries().len(), 1, "blank text is not indexed");
    assert_eq!(
        index.text(&index.entries()[0]),
        "red[31m text over two lines !"
    );
}

#[test]
fn an_empty_query_lists_the_levels_in_ladder_order() {
    let (ladder, index) = default_index();
    for query in ["", "   "] {
        let matches = index.search(query);
        let levels: Vec<usize> = matches
            .ranked()
            .iter()
            .map(|r| {
                let entry = &index.entries()[r.entry];
                assert_eq!(entry.kind, EntryKind::Level);
                entry.level
            })
            .collect();
        assert_eq!(levels, (0..ladder.levels().len()).collect::<Vec<_>>());
    }
}

#[test]
fn fin_finds_the_financial_acumen_skill_before_body_text() {
    let (ladder, index) = default_index();
    let hits = top(&index, "fin", usize::MAX);
    assert_eq!(hits[0].entry.kind, EntryKind::Skill);
    assert_eq!(hits[0].text, "Financial acumen");
    assert_eq!(hits[0].indices, vec![0, 1, 2]);
    let last_skill = hits
        .iter()
        .rposition(|h| h.text == "Financial acumen")
        .expect("found");
    let first_body = hits
        .iter()
        .position(|h| !h.entry.kind.is_title())
        .expect("body text mentions finance too");
    assert!(
        last_skill < first_body,
        "every level's Financial acumen first"
    );
    // Every level asking for the skill is offered, lowest rung first.
    let levels: Vec<usize> = hits
        .iter()
        .filter(|h| h.text == "Financial acumen")
        .map(|h| h.entry.level)
        .collect();
    let asking: Vec<usize> = ladder
        .levels()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.proficiency_of("financial-acumen").is_some())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(levels, asking);
}

#[test]
fn sr_acc_finds_the_senior_accounting_manager_example_title() {
    let (ladder, index) = default_index();
    let hits = top(&index, "sr acc", 1);
    assert_eq!(hits[0].entry.kind, EntryKind::ExampleTitle);
    assert_eq!(hits[0].text, "Senior Accounting Manager");
    assert_eq!(ladder.levels()[hits[0].entry.level].id, "senior-manager");
    // `s` of Senior, `r` of Senior, `Acc` of Accounting.
    assert_eq!(hits[0].indices, vec![0, 5, 7, 8, 9]);
}

#[test]
fn terms_match_in_any_order() {
    let (_, index) = default_index();
    let hits = top(&index, "acc sr", 1);
    assert_eq!(hits[0].text, "Senior Accounting Manager");
}

#[test]
fn mba_is_case_sensitive_and_finds_education() {
    let (_, index) = default_index();
    let hits = top(&index, "MBA", usize::MAX);
    assert!(!hits.is_empty());
    assert!(hits[0].text.contains("MBA"), "best hit: {:?}", hits[0].text);
    assert!(
        matches!(hits[0].entry.kind, EntryKind::Education | EntryKind::MoveUp),
        "{:?}",
        hits[0].entry.kind
    );
    // An upper-case query matches case exactly: every hit has M, B, A in that order.
    for hit in &hits {
        let chars: Vec<char> = hit.text.chars().collect();
        let matched: String = hit.indices.iter().map(|&i| chars[i]).collect();
        assert_eq!(matched, "MBA", "{}", hit.text);
    }
    // The lower-case query finds more (any case).
    assert!(top(&index, "mba", usize::MAX).len() > hits.len());
}

#[test]
fn budget_finds_the_budget_skill_then_duties() {
    let (_, index) = default_index();
    let hits = top(&index, "budget", usize::MAX);
    assert_eq!(hits[0].entry.kind, EntryKind::Skill);
    assert_eq!(hits[0].text, "Budget and resource planning");
    assert!(
        hits.iter()
            .any(|h| h.entry.kind == EntryKind::Responsibility && h.text.contains("budget")),
        "responsibilities about budgets are found too"
    );
}

#[test]
fn negotiat_finds_the_negotiation_skill_and_its_description() {
    let (_, index) = default_index();
    let hits = top(&index, "negotiat", usize::MAX);
    assert_eq!(hits[0].entry.kind, EntryKind::Skill);
    assert_eq!(hits[0].text, "Negotiation and influence");
    assert!(
        hits.iter()
            .any(|h| h.entry.kind == EntryKind::SkillDescription && h.text.contains("negotiates"))
    );
}

#[test]
fn a_query_matching_nothing_returns_nothing() {
    let (_, index) = default_index();
    assert!(index.search("qqqzzzxxx").is_empty());
}

#[test]
fn a_title_ranks_above_the_same_match_in_body_text() {
    let index = SearchIndex::from_entries([
        (EntryKind::Summary, 0, 0, "budget"),
        (EntryKind::Responsibility, 0, 0, "budget"),
        (EntryKind::Skill, 1, 0, "budget"),
    ]);
    let kinds: Vec<EntryKind> = index
        .search("budget")
        .ranked()
        .iter()
        .map(|r| index.entries()[r.entry].kind)
        .collect();
    assert_eq!(
        kinds,
        [
            EntryKind::Skill,
            EntryKind::Summary,
            EntryKind::Responsibility
        ]
    );
}

#[test]
fn word_start_matches_rank_above_scattered_ones() {
    let index = body(&["subdued tones", "a bigger budget"]);
    assert_eq!(
        ranked_texts(&index, "bud"),
        ["a bigger budget", "subdued tones"]
    );
}

#[test]
fn ties_keep_ladder_order() {
    for texts in [["omega plan", "alpha plan"], ["alpha plan", "omega plan"]] {
        let index = body(&texts);
        let ranked = index.search("plan").ranked().to_vec();
        assert_eq!(ranked[0].score, ranked[1].score, "the same match in both");
        assert_eq!(ranked[0].entry, 0);
        assert_eq!(ranked[1].entry, 1);
    }
}

#[test]
fn unicode_queries_match_and_fold_case() {
    let index = body(&["Café crème", "ÉCOLE NORMALE", "日本語の説明", "plain ascii"]);
    assert_eq!(ranked_texts(&index, "é").len(), 2, "é finds é and É");
    assert_eq!(ranked_texts(&index, "É"), ["ÉCOLE NORMALE"], "É is exact");
    assert_eq!(ranked_texts(&index, "crè"), ["Café crème"]);
    let hits = top(&index, "日本", 5);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].text, "日本語の説明");
    assert_eq!(hits[0].indices, vec![0, 1], "char positions, not bytes");
    assert!(index.search("説明 日").len() == 1);
}

#[test]
fn the_query_trail_narrows_and_steps_back() {
    let (_, index) = default_index();
    let mut trail = QueryTrail::new();
    let never = || false;
    let typed = ["b", "bu", "bud", "budg", "bud", "bu", "bux"];
    for query in typed {
        let from_trail = trail.search(&index, query, &never).expect("not cancelled");
        assert_eq!(from_trail.ranked(), index.search(query).ranked(), "{query}");
        assert_eq!(from_trail.query(), query);
    }
}

#[test]
fn a_cancelled_search_returns_none() {
    let (_, index) = default_index();
    assert!(index.search_from(None, "budget", &|| true).is_none());
    assert!(QueryTrail::new().search(&index, "b", &|| true).is_none());
}

fn large_index(entries: usize) -> SearchIndex {
    let texts: Vec<String> = (0..entries)
        .map(|i| format!("entry {i} about budgets, people and plan {}", i % 97))
        .collect();
    SearchIndex::from_entries(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (EntryKind::Summary, i, 0, t.as_str())),
    )
}

#[test]
fn a_parallel_scan_gives_the_same_result_as_one_thread() {
    let mut index = large_index(3 * PARALLEL_MIN);
    // Set, not read from the machine: on one core the default would make both runs the same.
    index.threads = 4;
    let parallel = index.search("pl 9");
    index.threads = 1;
    let single = index.search("pl 9");
    assert!(parallel.len() > PARALLEL_MIN);
    assert_eq!(parallel.ranked(), single.ranked());
}

#[test]
fn the_searcher_delivers_results_for_the_latest_query() {
    let index = Arc::new(default_index().1);
    let mut searcher = Searcher::spawn(Arc::clone(&index));
    assert!(searcher.try_recv().is_none(), "nothing asked yet");
    let generation = searcher.submit("budget");
    let result = searcher.recv_timeout(PATIENCE).expect("an answer");
    assert_eq!(result.generation, generation);
    assert_eq!(result.matches.query(), "budget");
    assert_eq!(result.matches.ranked(), index.search("budget").ranked());
}

#[test]
fn the_searcher_builds_its_index_on_its_own_thread_and_answers_queries_asked_meanwhile() {
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let (built_on_tx, built_on) = std::sync::mpsc::channel::<Option<String>>();
    let mut searcher = Searcher::spawn_with(move || {
        let _ = built_on_tx.send(std::thread::current().name().map(str::to_owned));
        // Held until the test has looked at the searcher with no index yet.
        let _ = gate.recv();
        Arc::new(default_index().1)
    });
    let thread = built_on.recv_timeout(PATIENCE).expect("the build started");
    assert_eq!(thread.as_deref(), Some("rungs-search"));
    assert_ne!(
        std::thread::current().name(),
        Some("rungs-search"),
        "the test runs elsewhere"
    );
    assert!(searcher.index().is_none(), "not built yet");
    let generation = searcher.submit("budget");
    assert!(searcher.try_recv().is_none(), "no answer without an index");

    release.send(()).expect("the builder waits");
    let result = searcher
        .recv_timeout(PATIENCE)
        .expect("an answer once built");
    assert_eq!(result.generation, generation);
    let index = searcher.index().expect("built before the answer was sent");
    assert_eq!(result.matches.ranked(), index.search("budget").ranked());
    assert!(!result.matches.ranked().is_empty());
}

#[test]
fn the_searcher_drops_results_of_stale_queries() {
    let index = Arc::new(large_index(50_000));
    let mut searcher = Searcher::spawn(Arc::clone(&index));
    let typed = ["b", "bu", "bud", "budg", "budge", "budget", "budget 4"];
    let mut last = 0;
    for query in typed {
        last = searcher.submit(query);
    }
    let result = searcher.recv_timeout(PATIENCE).expect("an answer");
    assert_eq!(result.generation, last);
    assert_eq!(result.matches.query(), "budget 4");
    assert_eq!(result.matches.ranked(), index.search("budget 4").ranked());
    // Whatever else the worker finished was older and is never handed out: the next answer
    // received, however late it comes, is the one for the next query.
    let next = searcher.submit("people");
    let deadline = std::time::Instant::now() + PATIENCE;
    let polled = loop {
        if let Some(r) = searcher.try_recv() {
            break r;
        }
        assert!(std::time::Instant::now() < deadline, "no answer by polling");
        std::thread::yield_now();
    };
    assert_eq!(polled.generation, next);
    assert_eq!(polled.matches.len(), 50_000);
}

#[test]
fn snippet_keeps_short_text_whole() {
    assert_eq!(
        snippet("Financial acumen", &[0, 1], 40),
        ("Financial acumen".to_owned(), vec![0, 1])
    );
}

#[test]
fn snippet_cuts_around_the_first_match() {
    let text = "one two three four five six seven eight nine ten budget eleven twelve";
    let first = text.find("budget").expect("present");
    let (cut, moved) = snippet(text, &[first, first + 1], 24);
    assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
    assert!(cut.contains("budget"), "{cut}");
    assert!(cut.width() <= 24);
    let chars: Vec<char> = cut.chars().collect();
    assert_eq!((chars[moved[0]], chars[moved[1]]), ('b', 'u'));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Narrowing a result as the query grows gives exactly what a fresh scan gives.
    #[test]
    fn narrowing_equals_a_fresh_scan(
        texts in prop::collection::vec("[abcAB é日 ]{0,12}", 1..40),
        query in "[abcAB é日 ]{1,8}",
    ) {
        let index = SearchIndex::from_entries(
            texts.iter().enumerate().map(|(i, t)| (EntryKind::Summary, i, 0, t.as_str())),
        );
        let mut narrowed = index.search("");
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            narrowed = index.refine(&narrowed, &typed);
            let fresh = index.search(&typed);
            prop_assert_eq!(narrowed.ranked(), fresh.ranked(), "query {:?}", typed);
        }
    }

    /// The pre-check that spares building a matcher never turns away a text the matcher
    /// would match, and never lets through one it would not.
    #[test]
    fn the_subsequence_check_agrees_with_the_matcher(
        text in "[abcAB é日 ]{0,16}",
        pattern in "[abcAB é日]{1,6}",
    ) {
        prop_assert_eq!(
            is_subsequence(&pattern, &text),
            fresh_matcher().fuzzy(&text, &pattern, false).is_some()
        );
    }

    #[test]
    fn snippets_fit_and_keep_matched_characters(
        text in "[a-z 日é]{0,80}",
        width in 0usize..40,
        picks in prop::collection::vec(0usize..80, 0..5),
    ) {
        let count = text.chars().count();
        let mut indices: Vec<usize> = picks.into_iter().filter(|&i| i < count).collect();
        indices.sort_unstable();
        indices.dedup();
        let (cut, moved) = snippet(&text, &indices, width);
        prop_assert!(cut.width() <= width);
        let original: Vec<char> = text.chars().collect();
        let shown: Vec<char> = cut.chars().collect();
        for &i in &moved {
            prop_assert!(i < shown.len());
        }
        let kept: Vec<char> = moved.iter().map(|&i| shown[i]).collect();
        let wanted: Vec<char> = indices.iter().map(|&i| original[i]).collect();
        // The kept ones are the first of the wanted ones, in order: the cut starts at or before
        // the first match.
        prop_assert_eq!(&kept[..], &wanted[..kept.len().min(wanted.len())]);
        prop_assert_eq!(kept.len(), moved.len());
        // And something is kept whenever there is room: text that fits keeps every match, and
        // from 5 columns on (`…`, a wide character, `…` and a column of lead) the first match
        // is always shown.
        if text.width() <= width {
            prop_assert_eq!(&kept, &wanted);
        } else if width >= 5 && !wanted.is_empty() {
            prop_assert!(!kept.is_empty(), "{:?} cut to {:?}", text, cut);
        }
    }
}

/// Found by `narrowing_equals_a_fresh_scan`: with fuzzy-matcher's two-row scoring the last
/// step scored differently after narrowing than in a fresh scan.
#[test]
fn narrowing_equals_a_fresh_scan_on_a_found_case() {
    let index = body(&["日é日aa éA日日", "aA  éaé日A"]);
    let mut narrowed = index.search("");
    let mut typed = String::new();
    for c in "éé日 日".chars() {
        typed.push(c);
        narrowed = index.refine(&narrowed, &typed);
        assert_eq!(
            narrowed.ranked(),
            index.search(&typed).ranked(),
            "{typed:?}"
        );
    }
}

fn fixture_index(feature: &str) -> (Ladder, SearchIndex) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v2")
        .join(feature);
    let ladder = Ladder::from_folder(&dir).expect("fixture loads");
    let index = SearchIndex::new(&ladder);
    (ladder, index)
}

#[test]
fn expectations_category_names_and_level_ids_are_searchable() {
    let (ladder, index) = fixture_index("expectations");
    let hits = top(&index, "help early", usize::MAX);
    let hit = hits
        .iter()
        .find(|h| h.entry.kind == EntryKind::Expectation)
        .expect("the statement is found");
    assert_eq!(ladder.levels()[hit.entry.level].id, "e1");
    assert_eq!(
        hit.entry.item, 0,
        "points at the skill the statement is about"
    );

    let hits = top(&index, "People", usize::MAX);
    let categories: Vec<usize> = hits
        .iter()
        .filter(|h| h.entry.kind == EntryKind::Category)
        .map(|h| h.entry.level)
        .collect();
    assert_eq!(
        categories,
        [0],
        "filed once, under the first level using it"
    );

    let hits = top(&index, "e2", usize::MAX);
    assert!(
        hits.iter()
            .any(|h| h.entry.kind == EntryKind::LevelId && h.entry.level == 1),
        "{hits:?}"
    );
}

#[test]
fn a_catalogue_skill_no_level_expects_is_found_under_no_level() {
    let text = include_str!("../../tests/fixtures/v2/minimal/ladder.toml").to_owned()
        + "\n[[skills]]\nid = \"pairing\"\nname = \"Pair programming\"\ncategory = \"craft\"\ndescription = \"Two people, one change.\"\n";
    let ladder = Ladder::from_sources(&[crate::ladder::SourceFile {
        name: "catalogue.toml".into(),
        text,
    }])
    .expect("valid");
    let index = SearchIndex::new(&ladder);
    for query in ["pair prog", "one change"] {
        let hits = top(&index, query, usize::MAX);
        let hit = hits
            .iter()
            .find(|h| h.entry.kind == EntryKind::CatalogueSkill)
            .unwrap_or_else(|| panic!("{query}: {hits:?}"));
        assert_eq!(hit.entry.level, NO_LEVEL);
        assert_eq!(ladder.skills()[hit.entry.item].id, "pairing");
    }
    // An expected skill is not listed again as catalogue-only.
    assert!(
        !top(&index, "Testing", usize::MAX)
            .iter()
            .any(|h| h.entry.kind == EntryKind::CatalogueSkill)
    );
}
