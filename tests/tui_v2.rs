//! The explorer over v2 content (tests/fixtures/v2): forked tracks, unrated skills, families,
//! and levels that leave optional sections out.

mod common;

use common::run;
use rungs::tui::action::Action;
use rungs::tui::app::App;

fn app_over(fixture: &str, width: u16, height: u16) -> App {
    let path = format!(
        "{}/tests/fixtures/v2/{fixture}/ladder.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    common::app_over(&text, width, height)
}

fn shown(app: &App) -> String {
    common::text(&common::buffer(app))
}

/// The app opened on `level_id`'s own page (the page starts with its rung line).
fn on_level(fixture: &str, level_id: &str) -> App {
    let mut app = app_over(fixture, 100, 60).starting_at(level_id);
    run(&mut app, &[Action::Open]);
    assert_eq!(app.level().map(|l| l.id.as_str()), Some(level_id));
    app
}

#[test]
fn a_forked_track_counts_its_rungs_from_one() {
    // The staff track forks at rank 3 from the trunk's senior rung: it has one rung of its own.
    let app = on_level("follows", "staff");
    let text = shown(&app);
    assert!(text.contains("Staff · rung 1 of 1"), "{text}");
    assert!(!text.contains("rung 3"), "{text}");
    let app = on_level("follows", "senior-manager");
    assert!(shown(&app).contains("Manager · rung 2 of 2"));
}

#[test]
fn compare_from_the_top_of_a_trunk_defaults_to_the_fork_it_leads_to() {
    let mut app = app_over("follows", 100, 40).starting_at("senior");
    run(&mut app, &[Action::Compare, Action::Back]);
    let compare = app.compare_screen().expect("on the compare screen");
    let b = &app.ladder.levels()[compare.b];
    // Not the rung below (engineer): the first level promoted to from senior.
    assert_eq!(b.id, "manager");
}

#[test]
fn the_chart_lists_only_the_categories_the_level_uses() {
    let app = on_level("families", "designer");
    let text = shown(&app);
    assert!(text.contains("Visual craft"), "{text}");
    // Code and People belong to skills the designer level does not name.
    assert!(!text.contains("Code"), "{text}");
    assert!(!text.contains("People"), "{text}");
}

#[test]
fn a_category_of_unrated_skills_says_so_rather_than_drawing_an_empty_bar() {
    let app = on_level("minimal", "e1");
    let text = shown(&app);
    let chart_row = text
        .lines()
        .find(|l| l.contains("Craft") && l.contains("not rated"));
    assert!(chart_row.is_some(), "{text}");
    assert!(!text.contains("0.0 over"), "{text}");
}

#[test]
fn sections_the_content_leaves_out_are_not_drawn() {
    let app = on_level("minimal", "e1");
    let text = shown(&app);
    for absent in [
        "Experience",
        "Education",
        "Scope and reporting",
        "Responsibilities",
        "Sources",
        "not stated",
        "yrs",
    ] {
        assert!(!text.contains(absent), "{absent} drawn:\n{text}");
    }
    // What the level does state is there.
    assert!(text.contains("Engineer I"), "{text}");
    assert!(text.contains("Testing"), "{text}");
}

#[test]
fn the_selected_skill_shows_what_this_level_expects_and_examples() {
    let app = on_level("expectations", "e1");
    let text = shown(&app);
    assert!(text.contains("Expected here"), "{text}");
    assert!(text.contains("Writes clear updates about their"), "{text}");
    assert!(text.contains("Asks for help early."), "{text}");
    assert!(text.contains("Examples"), "{text}");
    assert!(text.contains("A weekly note on what shipped"), "{text}");
    // e2's statements are not e1's.
    assert!(!text.contains("Explains designs"), "{text}");
}

#[test]
fn a_narrow_page_lists_each_skills_statements_under_it() {
    let mut app = app_over("expectations", 60, 60).starting_at("e2");
    run(&mut app, &[Action::Open]);
    let text = shown(&app);
    let lines: Vec<&str> = text.lines().collect();
    let skill = lines
        .iter()
        .position(|l| l.contains("Communication ("))
        .unwrap_or_else(|| panic!("skill row drawn:\n{text}"));
    assert!(
        lines[skill + 1].contains("• Explains designs to the whole team."),
        "{text}"
    );
    assert!(
        lines[skill + 2].contains("• Writes clear updates"),
        "{text}"
    );
}

#[test]
fn the_skill_shows_its_rubric_line_for_the_expected_step_and_the_whole_rubric() {
    let app = on_level("scale-rubric", "senior-rep");
    let text = shown(&app);
    assert!(text.contains("leading at Senior sales rep"), "{text}");
    // The rubric's line for "leading" explains the step for this skill, in place of the
    // scale's general wording.
    assert!(text.contains("Runs the hardest deals"), "{text}");
    assert!(
        !text.contains("Teaches it and sets the team's habits."),
        "{text}"
    );
    assert!(text.contains("Rubric"), "{text}");
    assert!(text.contains("▶●●●●○ leading"), "{text}");
    assert!(text.contains("Follows the playbook in small"), "{text}");
}

#[test]
fn an_unrated_skill_reads_as_expected_not_as_a_step() {
    let app = on_level("minimal", "e1");
    let text = shown(&app);
    assert!(text.contains("Expected at Engineer I, not rated"), "{text}");
}

#[test]
fn v2_level_pages_as_drawn() {
    for (fixture, level, width) in [
        ("scale-rubric", "senior-rep", 100),
        ("expectations", "e2", 60),
        ("follows", "staff", 80),
    ] {
        let mut app = app_over(fixture, width, 30).starting_at(level);
        run(&mut app, &[Action::Open]);
        insta::assert_snapshot!(format!("v2_{fixture}_{level}_{width}"), shown(&app));
    }
}
