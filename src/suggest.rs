//! "Did you mean …?" for ids a person typed.

/// Up to `n` candidates closest to `typed`, best first. A candidate that contains what was
/// typed (or is contained in it) counts as close even when the edit distance is large, so
/// `senior` suggests `senior-manager` and `senior-engineer`.
pub fn closest<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let typed = typed.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let mut score = strsim::jaro_winkler(&typed, c);
            if !typed.is_empty() && (c.contains(typed.as_str()) || typed.contains(c)) {
                score += 0.5;
            }
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// ` (did you mean `a`, `b`?)`, or nothing when no candidate is close.
pub fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let close = closest(typed, candidates, 3);
    if close.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        format!(" (did you mean {}?)", list.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_finds_the_intended_id_first() {
        let ids = ["manager", "senior-manager", "director"];
        assert_eq!(closest("manger", ids, 3).first(), Some(&"manager"));
    }

    #[test]
    fn a_fragment_suggests_every_id_containing_it() {
        let ids = ["senior-manager", "senior-engineer", "director"];
        let found = closest("senior", ids, 3);
        assert!(found.contains(&"senior-manager") && found.contains(&"senior-engineer"));
        assert!(!found.contains(&"director"));
    }

    #[test]
    fn nothing_close_gives_no_hint() {
        assert_eq!(did_you_mean("zzzz", ["manager"]), "");
    }
}
