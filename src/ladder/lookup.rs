//! Finding a level or a skill by what a person types: its id, or its title or name in any
//! case, for a level also one of its example titles. A title's parts count on their own:
//! `Chief Technology Officer (CTO)` is found as `CTO` too.

use super::{Ladder, Level, Skill};
use crate::suggest::closest;

/// Why a name found no single level or skill.
#[derive(Debug, Clone, PartialEq)]
pub enum NotFound<'a, T> {
    /// Nothing is called that; the ids closest to what was typed, best first.
    Unknown { close: Vec<&'a str> },
    /// More than one level or skill is called that.
    Ambiguous(Vec<&'a T>),
}

/// Lower case, with `-`, `_` and runs of white space as one space.
fn normalise(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names a title answers to: the whole title, the part before a parenthesis, and each
/// item inside it (split at commas and slashes), normalised.
fn names_of(title: &str) -> Vec<String> {
    let mut names = vec![normalise(title)];
    if let Some((head, rest)) = title.split_once('(') {
        names.push(normalise(head));
        let inside = rest.split(')').next().unwrap_or("");
        names.extend(inside.split([',', '/']).map(normalise));
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The one item `name` picks out of `items`: its exact id first, then its id in any case,
/// then whatever answers to the name through `titles`.
fn find<'a, T>(
    items: &'a [T],
    name: &str,
    id: impl Fn(&T) -> &str,
    titles: impl Fn(&'a T) -> Vec<&'a str>,
) -> Result<&'a T, NotFound<'a, T>> {
    if let Some(found) = items.iter().find(|item| id(item) == name) {
        return Ok(found);
    }
    let key = normalise(name);
    let one_or_more = |found: Vec<&'a T>| match found.len() {
        0 => None,
        1 => Some(Ok(found[0])),
        _ => Some(Err(NotFound::Ambiguous(found))),
    };
    if key.is_empty() {
        return Err(NotFound::Unknown { close: Vec::new() });
    }
    let by_id: Vec<&T> = items.iter().filter(|i| normalise(id(i)) == key).collect();
    if let Some(answer) = one_or_more(by_id) {
        return answer;
    }
    let by_title: Vec<&T> = items
        .iter()
        .filter(|item| {
            titles(item)
                .into_iter()
                .any(|title| names_of(title).contains(&key))
        })
        .collect();
    one_or_more(by_title).unwrap_or_else(|| {
        Err(NotFound::Unknown {
            close: closest(name, items.iter().map(&id), 3),
        })
    })
}

impl Ladder {
    /// The level a person means by `name`: an id, a title or an example title, in any case.
    pub fn find_level(&self, name: &str) -> Result<&Level, NotFound<'_, Level>> {
        find(
            self.levels(),
            name,
            |l| l.id.as_str(),
            |l| {
                std::iter::once(l.title.as_str())
                    .chain(l.example_titles.iter().map(String::as_str))
                    .collect()
            },
        )
    }

    /// The skill a person means by `name`: an id or a name, in any case.
    pub fn find_skill(&self, name: &str) -> Result<&Skill, NotFound<'_, Skill>> {
        find(
            self.skills(),
            name,
            |s| s.id.as_str(),
            |s| vec![s.name.as_str()],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ladder() -> Ladder {
        Ladder::embedded_validated().expect("the built-in ladder loads")
    }

    fn level_id(ladder: &Ladder, name: &str) -> Option<String> {
        ladder.find_level(name).ok().map(|l| l.id.clone())
    }

    #[test]
    fn levels_resolve_by_id_title_and_example_title_in_any_case() {
        let ladder = ladder();
        for (name, id) in [
            ("director", "director"),
            ("Director", "director"),
            ("senior manager", "senior-manager"),
            ("SENIOR-MANAGER", "senior-manager"),
            ("CTO", "c-suite"),
            ("vp of engineering", "vice-president"),
            ("team manager", "manager"),
        ] {
            assert_eq!(level_id(&ladder, name).as_deref(), Some(id), "{name}");
        }
    }

    #[test]
    fn a_title_two_levels_share_is_ambiguous() {
        let ladder = ladder();
        match ladder.find_level("software engineer") {
            Err(NotFound::Ambiguous(levels)) => assert!(levels.len() >= 2, "{levels:?}"),
            other => panic!("expected ambiguity, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_name_suggests_close_ids() {
        let ladder = ladder();
        match ladder.find_level("directr") {
            Err(NotFound::Unknown { close }) => assert_eq!(close.first(), Some(&"director")),
            other => panic!("expected unknown, got {other:?}"),
        }
        assert!(matches!(
            ladder.find_level("  "),
            Err(NotFound::Unknown { .. })
        ));
    }

    #[test]
    fn skills_resolve_by_id_and_name_in_any_case() {
        let ladder = ladder();
        let budget = ladder
            .skills()
            .iter()
            .find(|s| s.id == "budgeting")
            .expect("budgeting is in the catalogue");
        let by_name = ladder.find_skill(&budget.name.to_uppercase());
        assert_eq!(by_name.map(|s| s.id.as_str()), Ok("budgeting"));
        assert_eq!(
            ladder
                .find_skill("coaching-mentoring")
                .map(|s| s.id.as_str()),
            Ok("coaching-mentoring")
        );
    }

    #[test]
    fn names_of_a_title_include_its_parts() {
        assert_eq!(
            names_of("C-level executive (CEO, CFO)"),
            [
                "c level executive (ceo, cfo)",
                "c level executive",
                "ceo",
                "cfo"
            ]
        );
    }
}
