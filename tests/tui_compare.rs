//! The compare screen: update sequences (open, swap, step, open a side, back), snapshots of a
//! same-track and a cross-track pair at two sizes, the styles that carry the diff with and
//! without colour, wide characters and control characters.

mod common;

use common::{WIDE_LADDER, app, app_over, buffer, find, on_disk, press, run, text};
use ratatui::style::{Color, Modifier};
use rungs::compare::Side;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::finder::PickPurpose;
use rungs::tui::screens::{ComparePane, CompareScreen, OverlayKind, Screen, ScreenKind};
use rungs::tui::view;
use unicode_width::UnicodeWidthStr;

/// The compare screen's state.
fn cmp(app: &App) -> &CompareScreen {
    app.compare_screen().expect("on the compare screen")
}

fn select(app: &mut App, id: &str) {
    let index = app.ladder.level_index(id).expect("known level");
    app.select_level(index);
}

/// The ids compared, A then B.
fn pair(app: &App) -> Option<(String, String)> {
    app.compared_levels()
        .map(|(a, b)| (a.id.clone(), b.id.clone()))
}

fn ids(a: &str, b: &str) -> Option<(String, String)> {
    Some((a.to_owned(), b.to_owned()))
}

/// Compare opened from the ladder on `a`, the picker closed with Esc (B stays the rung above),
/// then B set as picking it in the picker sets it.
fn comparing(a: &str, b: &str, width: u16, height: u16, no_color: bool) -> App {
    let mut app = app(width, height, no_color);
    select(&mut app, a);
    app.update(Action::Compare);
    // Esc in the picker keeps the default B.
    app.update(Action::Back);
    assert!(app.set_compare_side(Side::B, b));
    app
}

#[test]
fn c_compares_the_selected_level_with_the_rung_above_and_esc_goes_back() {
    let mut app = app(80, 24, false);
    run(&mut app, &[Action::Up, Action::Compare, Action::Back]);
    assert_eq!(pair(&app), ids("manager", "senior-manager"));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("manager"));

    // From the level screen, Esc returns to that level's page.
    run(&mut app, &[Action::Open, Action::Compare, Action::Back]);
    assert!(matches!(app.screen_kind(), ScreenKind::Compare));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
}

#[test]
fn at_the_top_b_is_the_rung_below_and_alone_it_is_itself() {
    let mut app = app(80, 24, false);
    run(&mut app, &[Action::Top, Action::Compare, Action::Back]);
    assert_eq!(pair(&app), ids("c-suite", "vice-president"));

    let mut wide = app_over(WIDE_LADDER, 80, 24);
    wide.update(Action::Compare);
    // Esc in the picker keeps the default B.
    wide.update(Action::Back);
    assert_eq!(pair(&wide), ids("eng-1", "eng-1"), "a one-level track");
    assert!(text(&buffer(&wide)).contains("The same level on both sides."));
}

#[test]
fn swap_and_step_change_the_pair_and_keep_the_skill_under_the_cursor() {
    let mut app = comparing("manager", "senior-manager", 120, 40, false);
    run(&mut app, &[Action::NextPane, Action::Down, Action::Down]);
    assert_eq!(cmp(&app).pane, ComparePane::Skills);
    let skill = app.selected_skill_id().map(str::to_owned);
    assert!(skill.is_some());

    run(&mut app, &[Action::SwapSides]);
    assert_eq!(pair(&app), ids("senior-manager", "manager"));
    assert_eq!(app.selected_skill_id().map(str::to_owned), skill);

    run(&mut app, &[Action::SwapSides, Action::ARungUp]);
    assert_eq!(pair(&app), ids("senior-manager", "senior-manager"));
    run(&mut app, &[Action::BRungUp, Action::BRungUp]);
    assert_eq!(pair(&app), ids("senior-manager", "vice-president"));
    run(&mut app, &[Action::ARungDown, Action::ARungDown]);
    assert_eq!(pair(&app), ids("individual-contributor", "vice-president"));
    run(&mut app, &[Action::ARungDown]);
    assert_eq!(
        pair(&app),
        ids("individual-contributor", "vice-president"),
        "no rung below the bottom"
    );
    run(&mut app, &[Action::BRungDown]);
    assert_eq!(pair(&app), ids("individual-contributor", "director"));
    run(
        &mut app,
        &[
            Action::Top,
            Action::BRungUp,
            Action::BRungUp,
            Action::BRungUp,
        ],
    );
    assert_eq!(
        pair(&app),
        ids("individual-contributor", "c-suite"),
        "no rung above the top"
    );
}

#[test]
fn one_and_two_open_a_side_and_esc_comes_back_to_the_same_pair() {
    let mut app = comparing("staff-engineer", "senior-manager", 80, 24, false);
    let before = app.screen.clone();
    run(&mut app, &[Action::OpenB]);
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("senior-manager"));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen, before, "the same pair, pane, scroll and cursor");
    run(&mut app, &[Action::OpenA]);
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("staff-engineer"));
    run(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
    assert_eq!(
        app.level().map(|l| l.id.as_str()),
        Some("staff-engineer"),
        "the ladder keeps the rung compare was opened on"
    );
}

#[test]
fn the_skill_cursor_names_a_compared_skill_and_stays_in_the_list() {
    let mut app = comparing("manager", "senior-manager", 80, 24, false);
    let count = app.comparison().map_or(0, |c| c.skills.len());
    assert_eq!(count, 20);
    run(&mut app, &[Action::NextPane]);
    let first = app.selected_skill_id().map(str::to_owned);
    assert_eq!(first.as_deref(), Some("coaching-mentoring"));
    run(&mut app, &[Action::Down]);
    assert_ne!(app.selected_skill_id().map(str::to_owned), first);
    run(&mut app, &[Action::Bottom, Action::Down, Action::PageDown]);
    assert_eq!(cmp(&app).cursor, count - 1);
    // The last skill's row is on screen, marked by the cursor.
    let shown = text(&buffer(&app));
    assert!(shown.contains("▶ ↑ Domain expertise"), "{shown}");
    run(&mut app, &[Action::Top]);
    assert_eq!(app.selected_skill_id().map(str::to_owned), first);
}

#[test]
fn the_page_scrolls_within_its_text() {
    let mut app = comparing("manager", "senior-manager", 80, 24, false);
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(cmp(&app).page.first(), 2);
    run(&mut app, &[Action::Bottom]);
    let bottom = cmp(&app).page.first();
    assert!(bottom > 40, "two levels make a long page: {bottom}");
    run(&mut app, &[Action::Down, Action::PageDown]);
    assert_eq!(cmp(&app).page.first(), bottom);
    assert!(text(&buffer(&app)).contains("expectations and deadlines."));
    run(&mut app, &[Action::Top]);
    assert_eq!(cmp(&app).page.first(), 0);
}

#[test]
fn set_compare_side_refuses_unknown_ids_and_other_screens() {
    let mut app = app(80, 24, false);
    assert!(!app.set_compare_side(Side::B, "manager"), "not comparing");
    run(&mut app, &[Action::Compare, Action::Back]);
    let before = app.screen.clone();
    assert!(!app.set_compare_side(Side::A, "no-such-level"));
    assert_eq!(app.screen, before);
    assert!(app.set_compare_side(Side::A, "fellow"));
    assert_eq!(pair(&app), ids("fellow", "manager"));
}

#[test]
fn clicks_and_the_wheel_reach_both_panes() {
    let mut app = comparing("manager", "senior-manager", 120, 40, false);
    let shown = text(&buffer(&app));
    let (x, y) = find(&buffer(&app), "+ Managing managers").expect("row drawn");
    app.update(Action::Click(x, y));
    assert_eq!(cmp(&app).pane, ComparePane::Skills);
    assert_eq!(
        app.selected_skill_id(),
        Some("managing-managers"),
        "{shown}"
    );
    app.update(Action::Wheel {
        column: 10,
        row: 20,
        up: false,
    });
    assert_eq!(cmp(&app).pane, ComparePane::Page);
    assert_eq!(cmp(&app).page.first(), 3);
}

#[test]
fn compare_screens_at_80x24_and_120x40() {
    // The top of manager ⇄ senior manager is tui_screens' `compare` snapshot already (the
    // screen the README shows): only its lower part is kept here.
    for (a, b, name, snapshot_top) in [
        ("manager", "senior-manager", "manager-senior-manager", false),
        (
            "staff-engineer",
            "senior-manager",
            "staff-engineer-senior-manager",
            true,
        ),
    ] {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = comparing(a, b, width, height, false);
            if snapshot_top {
                insta::assert_snapshot!(
                    format!("compare_{name}_{width}x{height}"),
                    text(&buffer(&app))
                );
            }
            // Further down the page: the responsibilities side by side, at the top of the pane
            // or, where the page ends first, on its last screen.
            let page_top = find(&buffer(&app), "┏ A │ B").expect("page pane").1 + 1;
            let mut seen = text(&buffer(&app));
            while find(&buffer(&app), "Responsibilities").is_none_or(|(_, y)| y > page_top) {
                let before = cmp(&app).page.first();
                app.update(Action::Down);
                seen = text(&buffer(&app));
                if cmp(&app).page.first() == before {
                    break;
                }
            }
            assert!(seen.contains("Responsibilities"), "{seen}");
            insta::assert_snapshot!(
                format!("compare_{name}_{width}x{height}_responsibilities"),
                seen
            );
        }
    }
    let mut narrow = comparing("staff-engineer", "senior-manager", 80, 24, false);
    narrow.update(Action::NextPane);
    insta::assert_snapshot!(
        "compare_staff-engineer-senior-manager_80x24_skills",
        text(&buffer(&narrow))
    );
}

#[test]
fn the_diff_is_coloured_where_colour_is_on() {
    let app = comparing("manager", "senior-manager", 120, 40, false);
    let theme = app.settings.theme.clone();
    let colour = |style: ratatui::style::Style| style.fg.expect("the slot has a colour");
    let buffer = buffer(&app);
    let (x, y) = find(&buffer, "+ Managing managers").expect("new skill");
    assert_eq!(buffer[(x, y)].fg, colour(theme.diff_added), "new at B");
    assert_ne!(colour(theme.diff_added), colour(theme.diff_removed));
    assert_ne!(colour(theme.series_a), colour(theme.series_b));
    // Each rung keeps the skills of the rung below: only a cross-track pair has skills only A
    // expects.
    let across = common::buffer(&comparing(
        "staff-engineer",
        "senior-manager",
        120,
        40,
        false,
    ));
    let (x, y) = find(&across, "− Hands-on engineering").expect("skill only at A");
    assert_eq!(across[(x, y)].fg, colour(theme.diff_removed), "only at A");
    let (x, y) = find(&buffer, "↑ People management").expect("raised skill");
    assert_eq!(buffer[(x, y)].fg, colour(theme.diff_added), "raised");
    let (x, y) = find(&buffer, "≠ Summary").expect("changed fact");
    assert_eq!(buffer[(x, y)].fg, colour(theme.diff_changed), "changed");
    let (x, y) = find(&buffer, "B Senior manager").expect("B's name");
    assert_eq!(buffer[(x, y)].fg, colour(theme.series_b), "B's series");
    let (x, y) = find(&buffer, "A Manager").expect("A's name");
    assert_eq!(buffer[(x, y)].fg, colour(theme.series_a), "A's series");
}

#[test]
fn no_color_keeps_the_diff_in_markers_and_modifiers() {
    let mut app = comparing("manager", "senior-manager", 120, 40, true);
    for _ in 0..2 {
        let buffer = buffer(&app);
        for cell in &buffer.content {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "colour in cell {:?}",
                cell.symbol()
            );
        }
        let (x, y) = find(&buffer, "+ Managing managers").expect("new skill marked +");
        assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
        assert!(find(&buffer, "↑ People management").is_some());
        // The cursor row of the skills list, which has no focus: underlined.
        let (x, y) = find(&buffer, "▶ ↑ Coaching").expect("the cursor row");
        assert!(buffer[(x + 4, y)].modifier.contains(Modifier::UNDERLINED));
        app.update(Action::Bottom);
    }
    // Further down: the bars of the two series differ in glyph, not only colour.
    app.update(Action::Top);
    let mut shown = text(&buffer(&app));
    while !shown.contains("B ▓") {
        let before = cmp(&app).page.first();
        app.update(Action::PageDown);
        assert_ne!(
            cmp(&app).page.first(),
            before,
            "no B bar on the page: {shown}"
        );
        shown = text(&buffer(&app));
    }
    assert!(shown.contains("A █"), "{shown}");

    let across = comparing("staff-engineer", "senior-manager", 120, 40, true);
    let buffer = buffer(&across);
    let (x, y) = find(&buffer, "− Hands-on engineering").expect("only-A skill marked −");
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn wide_characters_keep_the_columns_aligned() {
    for (width, height) in [(80, 24), (41, 12), (120, 40), (100, 30)] {
        let mut app = app_over(WIDE_LADDER, width, height);
        app.update(Action::Compare);
        // Esc in the picker keeps the default B.
        app.update(Action::Back);
        assert!(app.set_compare_side(Side::B, "ops-1"));
        for pane in [Action::Top, Action::NextPane] {
            app.update(pane);
            let shown = text(&buffer(&app));
            for line in shown.lines() {
                assert_eq!(line.width(), usize::from(width), "{line}\n{shown}");
            }
            // The gutter between A and B sits in one column on every two-column row.
            let gutters: Vec<usize> = shown
                .lines()
                .filter(|l| l.starts_with('┃') || l.starts_with('│'))
                .filter_map(|l| l.find(" │ ").map(|byte| l[..byte].width()))
                .collect();
            assert!(
                gutters.windows(2).all(|w| w[0] == w[1]),
                "{gutters:?}\n{shown}"
            );
        }
    }
    let mut app = app_over(WIDE_LADDER, 80, 24);
    app.update(Action::Compare);
    // Esc in the picker keeps the default B.
    app.update(Action::Back);
    assert!(app.set_compare_side(Side::B, "ops-1"));
    insta::assert_snapshot!("compare_wide_80x24", text(&buffer(&app)));
}

#[test]
fn control_characters_in_compared_content_never_reach_the_screen() {
    // Validation keeps control characters out of a loaded ladder, but compare() takes any two
    // levels: give it doctored copies and check every span the compare views would draw.
    let app = app(120, 40, false);
    let doctored = |id: &str| {
        let mut level = app.ladder.level(id).expect("known level").clone();
        level.title = format!("evil\u{1b}[31m{}", level.title);
        level.summary = format!("bell\u{7}{}", level.summary);
        level.decision_scope.push_str("\u{1b}]0;retitled\u{7}");
        if let Some(first) = level.responsibilities.first_mut() {
            first.insert_str(0, "\u{9b}2J");
        }
        level
    };
    let (a, b) = (doctored("manager"), doctored("senior-manager"));
    let c = rungs::compare::compare(&app.ladder, &a, &b);
    for columns in [20, 76, 117] {
        let lines = view::compare::page_lines(&app, &c, columns, true)
            .into_iter()
            .chain(view::compare::head_lines(&app, &c, columns, true));
        let mut seen = String::new();
        for line in lines {
            for span in &line.spans {
                seen.push_str(&span.content);
            }
            seen.push('\n');
        }
        assert!(
            !seen.chars().any(|ch| ch.is_control() && ch != '\n'),
            "{seen}"
        );
        assert!(seen.contains("evil"), "{seen}");
        assert!(seen.contains("bell"), "{seen}");
    }
}

fn picking_b(app: &App) -> bool {
    app.overlay()
        == Some(OverlayKind::Picker {
            purpose: PickPurpose::CompareWith,
        })
}

#[test]
fn c_asks_for_b_in_the_picker_enter_sets_it_esc_keeps_the_rung_above() {
    let mut app = app(100, 30, false);
    select(&mut app, "manager");
    press(&mut app, "c");
    assert!(picking_b(&app), "c opens the picker for B");
    assert_eq!(pair(&app), ids("manager", "senior-manager"), "underneath");
    assert!(text(&buffer(&app)).contains("Compare with (level B)"));

    press(&mut app, "vice pres\n");
    assert_eq!(app.overlay(), None);
    assert_eq!(pair(&app), ids("manager", "vice-president"));

    // `c` on the compare screen asks again; Esc there changes nothing.
    press(&mut app, "c");
    assert!(picking_b(&app));
    press(&mut app, "staff\u{1b}");
    assert_eq!(app.overlay(), None);
    assert_eq!(pair(&app), ids("manager", "vice-president"));
    press(&mut app, "cstaff eng\n");
    assert_eq!(pair(&app), ids("manager", "staff-engineer"));

    // `x` exchanges the sides; `s` is the plan's status key and leaves the pair alone.
    press(&mut app, "s");
    assert_eq!(pair(&app), ids("manager", "staff-engineer"));
    press(&mut app, "x");
    assert_eq!(pair(&app), ids("staff-engineer", "manager"));

    // Esc leaves compare for the ladder it was opened from, on the rung it was opened on.
    press(&mut app, "\u{1b}");
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("manager"));
}

fn compare_with_plan(a: &str, b: &str, path: &std::path::Path) -> App {
    let mut app = comparing(a, b, 120, 40, false);
    app.plan = rungs::tui::open_plan(Some(path));
    app
}

/// Moves the compare cursor to the skill named `name` (the skills list must be in view).
fn cursor_to(app: &mut App, id: &str) {
    let index = app
        .comparison()
        .and_then(|c| c.skills.iter().position(|row| row.skill.id == id))
        .expect("a compared skill");
    if let Screen::Compare(c) = &mut app.screen {
        c.pane = ComparePane::Skills;
        c.cursor = index;
    }
    common::draw(app);
}

#[test]
fn b_on_compare_bookmarks_at_b_when_b_expects_the_skill_else_at_a() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let mut app = compare_with_plan("staff-engineer", "senior-manager", &path);

    // New at B: bookmarked at B, the level aimed at.
    cursor_to(&mut app, "managing-managers");
    press(&mut app, "b");
    let plan = on_disk(&path);
    assert_eq!(plan.items.len(), 1);
    assert!(plan.contains("managing-managers", "senior-manager"));

    // Only at A: B does not expect it, so it is bookmarked at A.
    cursor_to(&mut app, "hands-on-engineering");
    press(&mut app, " ");
    let plan = on_disk(&path);
    assert_eq!(plan.items.len(), 2);
    assert!(plan.contains("hands-on-engineering", "staff-engineer"));
    assert!(!plan.contains("hands-on-engineering", "senior-manager"));

    // Both stars show in the list, on those two rows only.
    let shown = text(&buffer(&app));
    // Rows of the list (inside its borders), not the footer's "★ bookmarked …" message.
    let starred: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains('★') && l.ends_with('┃'))
        .collect();
    assert_eq!(starred.len(), 2, "{shown}");
    assert!(
        starred.iter().any(|l| l.contains("★+ Managing managers")),
        "{shown}"
    );
    assert!(
        starred
            .iter()
            .any(|l| l.contains("★− Hands-on engineering")),
        "{shown}"
    );

    // Again on the same row takes it out, and the star goes.
    press(&mut app, "b");
    assert!(!on_disk(&path).contains("hands-on-engineering", "staff-engineer"));
    assert!(!text(&buffer(&app)).contains("★− Hands-on engineering"));
}

#[test]
fn the_star_follows_a_bookmark_made_on_the_level_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let mut app = compare_with_plan("manager", "senior-manager", &path);
    assert!(!text(&buffer(&app)).contains('★'));
    // `2` opens B; bookmark its first skill there; Esc comes back to compare.
    press(&mut app, "2\tb");
    let skill = app.selected_skill_id().expect("a skill").to_owned();
    assert!(on_disk(&path).contains(&skill, "senior-manager"));
    press(&mut app, "\u{1b}");
    assert!(matches!(app.screen_kind(), ScreenKind::Compare));
    let name = app.ladder.skill(&skill).expect("known skill").name.clone();
    let shown = text(&buffer(&app));
    let row = shown
        .lines()
        .find(|l| l.contains(&name))
        .expect("the skill is listed");
    assert!(row.contains('★'), "{shown}");
}

#[test]
fn the_plan_and_a_jump_from_compare_come_back_to_compare_on_esc() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let mut app = compare_with_plan("manager", "senior-manager", &path);
    let compared = app.screen.clone();
    press(&mut app, "p");
    assert_eq!(app.screen_kind(), ScreenKind::Plan);
    press(&mut app, "\u{1b}");
    assert_eq!(app.screen, compared, "p then Esc returns to compare");

    // Go to a level by name from compare: Esc on it returns to compare too.
    press(&mut app, "odirector\n");
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    assert_eq!(app.level().map(|l| l.id.as_str()), Some("director"));
    press(&mut app, "\u{1b}");
    assert_eq!(app.screen, compared);

    // Plan opened from a level opened from compare: Esc, Esc walks back through both.
    press(&mut app, "1p\u{1b}");
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    press(&mut app, "\u{1b}");
    assert_eq!(app.screen, compared);
    press(&mut app, "\u{1b}");
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
}
