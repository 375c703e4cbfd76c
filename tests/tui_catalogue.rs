//! The skill catalogue screen and job families in the explorer (issue 12): the catalogue's
//! state through Actions, search hits that open it, one family shown at a time, and the
//! screens as drawn.

mod common;

use common::{buffer, run, text};
use rungs::search::EntryKind;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::catalogue::{CatalogueFocus, CatalogueScreen};
use rungs::tui::screens::{Screen, ScreenKind};
use rungs::tui::widgets::text_input::TextEdit;

fn fixture(name: &str, width: u16, height: u16) -> App {
    let path = format!(
        "{}/tests/fixtures/v2/{name}/ladder.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    common::app_over(&text, width, height)
}

fn families(width: u16, height: u16) -> App {
    fixture("three-families", width, height)
}

fn shown(app: &App) -> String {
    text(&buffer(app))
}

fn footer(app: &App) -> String {
    shown(app).lines().last().unwrap_or_default().to_owned()
}

fn catalogue(app: &App) -> &CatalogueScreen {
    match &app.screen {
        Screen::Catalogue(c) => c,
        other => panic!("not on the catalogue: {:?}", other.kind()),
    }
}

fn selected_skill(app: &App) -> String {
    catalogue(app)
        .selected(&app.ladder)
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

fn level_id(app: &App) -> String {
    app.level().map(|l| l.id.clone()).unwrap_or_default()
}

fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::Edit(TextEdit::Insert(c)))
        .collect()
}

#[test]
fn the_catalogue_lists_every_skill_by_category_and_opens_a_level_at_that_skill() {
    let mut app = common::app(120, 40, false);
    run(&mut app, &[Action::Catalogue]);
    assert_eq!(app.screen_kind(), ScreenKind::Catalogue);
    let text = shown(&app);
    assert!(
        text.contains(&format!("Skills ({})", app.ladder.skills().len())),
        "{text}"
    );
    assert!(text.contains("Expected at ("), "{text}");
    let skill = selected_skill(&app);
    // Enter moves to the levels that expect the skill; Enter again opens the one chosen.
    run(&mut app, &[Action::Open, Action::Down]);
    assert_eq!(catalogue(&app).focus, CatalogueFocus::Levels);
    let chosen = app.ladder.levels_expecting(&skill)[1].0.id.clone();
    run(&mut app, &[Action::Open]);
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    assert_eq!(level_id(&app), chosen);
    assert_eq!(app.selected_skill_id(), Some(skill.as_str()));
}

#[test]
fn the_catalogue_cursor_survives_a_trip_to_a_level_and_back_with_esc() {
    for (width, height) in [(80, 24), (200, 60)] {
        let mut app = common::app(width, height, false);
        run(
            &mut app,
            &[
                Action::Catalogue,
                Action::Down,
                Action::Down,
                Action::Down,
                Action::FocusNext,
                Action::Down,
                Action::FocusNext,
                Action::Down,
            ],
        );
        let before = catalogue(&app).clone();
        assert_eq!(before.focus, CatalogueFocus::Levels);
        assert_eq!(before.level, 1);
        run(&mut app, &[Action::Open]);
        assert_eq!(app.screen_kind(), ScreenKind::Level, "{width}");
        run(&mut app, &[Action::Back]);
        assert_eq!(*catalogue(&app), before, "{width}×{height}");
        // Esc from a side pane returns to the list, then leaves the catalogue.
        run(&mut app, &[Action::Back]);
        assert_eq!(catalogue(&app).focus, CatalogueFocus::List);
        run(&mut app, &[Action::Back]);
        assert_eq!(app.screen_kind(), ScreenKind::Ladder);
    }
}

#[test]
fn moving_to_another_skill_starts_its_levels_and_description_at_the_top() {
    let mut app = common::app(120, 40, false);
    run(
        &mut app,
        &[Action::Catalogue, Action::Open, Action::Down, Action::Down],
    );
    assert_eq!(catalogue(&app).level, 2);
    run(&mut app, &[Action::Back, Action::Down]);
    assert_eq!(catalogue(&app).level, 0);
    assert_eq!(catalogue(&app).skill, 1);
}

#[test]
fn a_skill_no_level_expects_says_so_and_enter_explains() {
    let mut app = families(120, 40);
    let mut screen = CatalogueScreen::at_skill(&app.ladder, Some(0), "sketchnoting")
        .expect("the skill is in the catalogue");
    // It is a design skill: the catalogue shows the design family for it.
    assert_eq!(screen.family, Some(1));
    screen.focus = CatalogueFocus::List;
    app.open_catalogue(Some("sketchnoting"));
    assert_eq!(*catalogue(&app), screen);
    let text = shown(&app);
    assert!(text.contains("No level expects it"), "{text}");
    run(&mut app, &[Action::Open]);
    let message = app.status.current().map(|m| m.text.clone());
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("catalogue only")),
        "{message:?}"
    );
}

#[test]
fn search_finds_catalogue_only_skills_categories_and_level_ids_and_opens_them() {
    let mut app = families(120, 40);
    // A skill no level expects opens the catalogue at that skill.
    let mut actions = vec![Action::Search];
    actions.extend(typed("sketchnoting"));
    run(&mut app, &actions);
    let entry = app.finder.chosen().expect("a result");
    assert_eq!(entry.kind, EntryKind::CatalogueSkill);
    run(&mut app, &[Action::Open]);
    assert_eq!(selected_skill(&app), "sketchnoting");
    // A category's name opens the catalogue at its first skill.
    let mut actions = vec![Action::Search];
    actions.extend(typed("visual craft"));
    run(&mut app, &actions);
    assert_eq!(
        app.finder.chosen().map(|e| e.kind),
        Some(EntryKind::Category)
    );
    run(&mut app, &[Action::Open]);
    assert_eq!(selected_skill(&app), "typography");
    // A level id opens that level, and with it its family.
    let mut actions = vec![Action::Search];
    actions.extend(typed("account-executive"));
    run(&mut app, &actions);
    assert_eq!(
        app.finder.chosen().map(|e| e.kind),
        Some(EntryKind::LevelId)
    );
    run(&mut app, &[Action::Open]);
    assert_eq!(level_id(&app), "account-executive");
    let header = shown(&app).lines().next().unwrap_or_default().to_owned();
    assert!(header.contains("Sales › Account executive › "), "{header}");
}

#[test]
fn the_home_screen_shows_one_family_and_the_family_keys_switch_it() {
    let mut app = families(120, 40).starting_at("senior-engineer");
    let text = shown(&app);
    assert!(text.contains("Engineering (1 of 3)"), "{text}");
    assert!(text.contains("Those who write, run and test"), "{text}");
    assert!(text.contains("Engineering lead"), "{text}");
    assert!(!text.contains("Account executive"), "{text}");
    // → stays within the family: from the engineer track to the lead track, then stops.
    run(&mut app, &[Action::NextPane]);
    assert_eq!(level_id(&app), "lead");
    run(&mut app, &[Action::NextPane]);
    assert_eq!(level_id(&app), "lead");
    run(&mut app, &[Action::NextFamily]);
    assert_eq!(level_id(&app), "designer");
    let text = shown(&app);
    assert!(text.contains("Design (2 of 3)"), "{text}");
    assert!(!text.contains("Engineering lead"), "{text}");
    run(&mut app, &[Action::NextFamily, Action::NextFamily]);
    assert_eq!(
        level_id(&app),
        "engineer",
        "wraps round to the first family"
    );
    run(&mut app, &[Action::PreviousFamily]);
    assert_eq!(level_id(&app), "account-executive");
}

#[test]
fn a_family_switch_keeps_the_other_screens_state_and_resumes_through_the_level() {
    let mut app = families(120, 40).starting_at("designer");
    // A level opened from the designer rung, then back home: the family follows the level.
    run(&mut app, &[Action::Open, Action::FocusNext, Action::Down]);
    let level = app.screen.clone();
    run(&mut app, &[Action::Back, Action::NextFamily]);
    assert_eq!(level_id(&app), "account-executive");
    assert!(shown(&app).contains("Sales (3 of 3)"));
    // The catalogue opens on the family in view, and switches on its own.
    run(&mut app, &[Action::Catalogue]);
    assert_eq!(catalogue(&app).family, Some(2));
    run(&mut app, &[Action::Down, Action::PreviousFamily]);
    assert_eq!(catalogue(&app).family, Some(1));
    assert_eq!(catalogue(&app).skill, 0, "a new family starts at its top");
    run(&mut app, &[Action::Back]);
    assert_eq!(level_id(&app), "account-executive");
    // What resumes on the next start is the level, and so its family.
    let again = families(120, 40).starting_at(&level_id(&app));
    assert!(shown(&again).contains("Sales (3 of 3)"));
    assert!(matches!(level, Screen::Level(_)));
}

#[test]
fn family_keys_on_a_ladder_without_families_say_why_they_do_nothing() {
    let mut app = common::app(120, 40, false);
    let before = app.screen.clone();
    run(&mut app, &[Action::NextFamily]);
    assert_eq!(app.screen, before);
    let message = app.status.current().map(|m| m.text.clone());
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("job families")),
        "{message:?}"
    );
    run(&mut app, &[Action::Catalogue, Action::PreviousFamily]);
    let message = app.status.current().map(|m| m.text.clone());
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("job families")),
        "{message:?}"
    );
}

#[test]
fn the_footer_and_help_list_the_family_keys_only_where_there_are_families() {
    let app = families(120, 40);
    assert!(footer(&app).contains("f family"), "{}", footer(&app));
    let mut app = common::app(120, 40, false);
    assert!(!footer(&app).contains("family"), "{}", footer(&app));
    run(&mut app, &[Action::Help]);
    let help = shown(&app);
    assert!(!help.contains("job family"), "{help}");
    assert!(help.contains("open the skill catalogue"), "{help}");
    let mut app = families(200, 60);
    run(&mut app, &[Action::Help]);
    let help = shown(&app);
    assert!(help.contains("show the next job family"), "{help}");
    assert!(help.contains("pick the job family to show"), "{help}");
    // On the catalogue, the footer is the catalogue's own.
    let mut app = families(120, 40);
    run(&mut app, &[Action::Catalogue]);
    let line = footer(&app);
    assert!(
        line.starts_with(" ↑↓ move  Tab pane  Enter levels"),
        "{line}"
    );
    assert!(line.contains("f family"), "{line}");
}

#[test]
fn rebinding_the_catalogue_key_moves_every_hint() {
    let user = rungs::tui::config::parse("c.toml", "[keys.global]\ncatalogue = [\"ctrl-k\"]\n")
        .expect("valid config");
    let mut app = common::app(200, 60, false);
    app.settings = rungs::tui::config::Settings::with_overrides(false, &user);
    run(&mut app, &[Action::Help]);
    let help = shown(&app);
    let row = help
        .lines()
        .find(|l| l.contains("open the skill catalogue"))
        .expect("listed");
    assert!(row.contains("Ctrl-K"), "{row}");
}

#[test]
fn the_catalogue_and_a_ladder_of_families_as_drawn() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = common::app(width, height, false);
        run(
            &mut app,
            &[Action::Catalogue, Action::Down, Action::Down, Action::Down],
        );
        insta::assert_snapshot!(format!("catalogue_{width}x{height}"), shown(&app));
        let mut app = families(width, height).starting_at("senior-engineer");
        run(&mut app, &[]);
        insta::assert_snapshot!(format!("families_home_{width}x{height}"), shown(&app));
        run(&mut app, &[Action::PickFamily]);
        insta::assert_snapshot!(format!("families_picker_{width}x{height}"), shown(&app));
        run(&mut app, &[Action::Back, Action::Catalogue]);
        insta::assert_snapshot!(format!("families_catalogue_{width}x{height}"), shown(&app));
    }
}

mod random_keys {
    use super::*;
    use proptest::prelude::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use rungs::tui::view;

    fn any_action() -> impl Strategy<Value = Action> {
        prop_oneof![
            // The catalogue and family keys often, so the walk spends time where they act.
            3 => proptest::sample::select(vec![
                Action::Catalogue,
                Action::NextFamily,
                Action::PreviousFamily,
                Action::Open,
                Action::Back,
            ]),
            6 => proptest::sample::select(Action::KEYABLE.to_vec())
                .prop_filter("keep going", |a| *a != Action::Quit),
            1 => (0u16..210, 0u16..64).prop_map(|(c, r)| Action::Click(c, r)),
            1 => (0u16..210, 0u16..64, any::<bool>()).prop_map(|(column, row, up)| {
                Action::Wheel { column, row, up }
            }),
            1 => (1u16..210, 1u16..64).prop_map(|(w, h)| Action::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Random keys over the built-in ladder and a ladder of three families never panic,
        /// and every cursor of the catalogue and of the level screens stays in its list.
        #[test]
        fn random_keys_through_the_catalogue_and_families_never_panic(
            with_families in any::<bool>(),
            width in 1u16..210,
            height in 1u16..64,
            actions in proptest::collection::vec(any_action(), 0..40),
        ) {
            let mut app = if with_families {
                families(width, height)
            } else {
                common::app(width, height, false)
            };
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
            for action in actions {
                app.update(action);
                prop_assert!(app.wait_for_search(common::PATIENCE));
                if let Action::Resize(w, h) = action {
                    terminal.backend_mut().resize(w, h);
                }
                terminal.draw(|frame| view::draw(frame, &app)).expect("draws");
                if let Screen::Catalogue(c) = &app.screen {
                    let rows = rungs::tui::catalogue::rows(&app.ladder, c.family);
                    let skills = rungs::tui::catalogue::skills(&rows);
                    prop_assert!(c.skill < skills.len().max(1));
                    let levels = skills
                        .get(c.skill)
                        .map_or(0, |s| app.ladder.levels_expecting(&s.id).len());
                    prop_assert!(c.level < levels.max(1));
                }
                if let Some(s) = app.level_screen() {
                    prop_assert!(s.skill < app.level().map_or(1, |l| l.skills.len().max(1)));
                }
            }
        }
    }
}

#[test]
fn the_ladder_track_family_and_category_descriptions_are_shown() {
    // The level page: category headings with what each covers, and the track and family.
    let mut app = families(80, 60).starting_at("senior-engineer");
    run(&mut app, &[Action::Open]);
    let page = shown(&app);
    for text in [
        "Writing and changing programs.",
        "Working with and for colleagues.",
        "The Engineer track",
        "Grows by taking on harder systems.",
        "The Engineering family",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    // In a skills list, after the category's name on its heading row (rows stay one each).
    let wide = shown(&families(120, 40).starting_at("senior-engineer"));
    assert!(
        wide.contains("Code — Writing and changing programs."),
        "{wide}"
    );
    let mut catalogue = families(120, 40);
    run(&mut catalogue, &[Action::Catalogue]);
    let list = shown(&catalogue);
    assert!(list.contains("People — Working with and for"), "{list}");
    // The intro above the ladder: on a tall terminal only.
    let ladder = &common::app(200, 60, false).ladder.clone();
    let start: String = ladder.info.description.chars().take(40).collect();
    let tall = shown(&common::app(200, 60, false));
    assert!(tall.contains(&start), "{tall}");
    assert!(tall.contains("Management track: Grow by leading"), "{tall}");
    for (width, height) in [(80, 24), (120, 40)] {
        let short = shown(&common::app(width, height, false));
        assert!(!short.contains(&start), "{short}");
    }
}

#[test]
fn the_family_picker_narrows_as_you_type_and_shows_the_family_picked() {
    let mut app = families(120, 40).starting_at("senior-engineer");
    common::press(&mut app, "f");
    assert_eq!(
        app.overlay(),
        Some(rungs::tui::screens::OverlayKind::Families)
    );
    let text = shown(&app);
    assert!(text.contains("Job family"), "{text}");
    assert!(
        text.contains("▶ Engineering"),
        "the cursor starts on the family on show"
    );
    // Letters type (even ones bound to keys); Enter shows the family picked.
    common::press(&mut app, "sal\n");
    assert_eq!(app.overlay(), None);
    assert_eq!(level_id(&app), "account-executive");
    // Esc closes it and changes nothing.
    common::press(&mut app, "f\u{1b}");
    assert_eq!(app.overlay(), None);
    assert_eq!(level_id(&app), "account-executive");
    // In the catalogue, it switches the catalogue's family.
    common::press(&mut app, "Sf");
    common::press_keys(
        &mut app,
        &[
            ratatui::crossterm::event::KeyCode::Up,
            ratatui::crossterm::event::KeyCode::Enter,
        ],
    );
    assert_eq!(catalogue(&app).family, Some(1));
    // On a ladder without families, the key says why it does nothing.
    let mut plain = common::app(80, 24, false);
    common::press(&mut plain, "f");
    assert_eq!(plain.overlay(), None);
    let message = plain.status.current().map(|m| m.text.clone());
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("job families")),
        "{message:?}"
    );
}

#[test]
fn the_catalogue_has_its_own_keymap_section_and_the_footer_follows_it() {
    let user = rungs::tui::config::parse("c.toml", "[keys.catalogue]\nopen = [\"v\"]\n")
        .expect("valid config");
    let mut app = common::app(120, 40, false);
    app.settings = rungs::tui::config::Settings::with_overrides(false, &user);
    run(&mut app, &[Action::Catalogue]);
    let line = footer(&app);
    assert!(line.contains("v levels"), "{line}");
    assert!(!line.contains("Enter"), "{line}");
    // Only on the catalogue: elsewhere Enter still opens.
    run(&mut app, &[Action::Back]);
    assert!(footer(&app).contains("Enter open"), "{}", footer(&app));
}

#[test]
fn a_click_on_a_skill_selects_it_and_on_a_level_row_moves_the_level_cursor() {
    let mut app = common::app(120, 40, false);
    run(&mut app, &[Action::Catalogue]);
    let (column, row) = common::find(&buffer(&app), "Decision-making").expect("on screen");
    run(&mut app, &[Action::Click(column, row)]);
    assert_eq!(selected_skill(&app), "decision-making");
    let (column, row) = common::find(&buffer(&app), "Director · ").expect("a level row");
    run(&mut app, &[Action::Click(column, row)]);
    let c = catalogue(&app);
    assert_eq!(c.focus, CatalogueFocus::Levels);
    let skill = c.selected(&app.ladder).expect("a skill");
    assert_eq!(c.expecting(&app.ladder, skill)[c.level].0.id, "director");
}

#[test]
fn search_from_the_catalogue_moves_its_cursor_to_the_skill_found() {
    let mut app = common::app(120, 40, false);
    let mut actions = vec![Action::Catalogue, Action::Search];
    actions.extend(typed("risk management"));
    run(&mut app, &actions);
    assert_eq!(app.finder.chosen().map(|e| e.kind), Some(EntryKind::Skill));
    run(&mut app, &[Action::Open]);
    assert_eq!(selected_skill(&app), "risk-management");
    // Still the one catalogue: Esc leaves it for the home screen.
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
    // From elsewhere, the same hit opens the level with the cursor on the skill.
    let mut actions = vec![Action::Search];
    actions.extend(typed("risk management"));
    actions.push(Action::Open);
    run(&mut app, &actions);
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    assert_eq!(app.selected_skill_id(), Some("risk-management"));
}

#[test]
fn b_on_a_level_of_the_catalogue_bookmarks_the_skill_at_that_level() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    let mut app = common::app(120, 40, false).with_plan(rungs::tui::open_plan(Some(&path)));
    // From the list, b has nothing to act on: the footer leaves it out, and it says so.
    run(&mut app, &[Action::Catalogue]);
    assert!(!footer(&app).contains("bookmark"), "{}", footer(&app));
    run(&mut app, &[Action::Bookmark]);
    assert!(!path.exists(), "nothing saved from the list");
    let message = app.status.current().map(|m| m.text.clone());
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("Enter lists the levels")),
        "{message:?}"
    );
    run(&mut app, &[Action::Open, Action::Down]);
    assert!(footer(&app).contains("b bookmark"), "{}", footer(&app));
    let skill = selected_skill(&app);
    let level = {
        let c = catalogue(&app);
        let selected = c.selected(&app.ladder).expect("a skill");
        c.expecting(&app.ladder, selected)[1].0.id.clone()
    };
    run(&mut app, &[Action::Bookmark]);
    let plan = common::on_disk(&path);
    assert!(
        plan.items.iter().any(|i| i.is(&skill, &level)),
        "{:?}",
        plan.items
    );
    assert!(shown(&app).contains("▶★"), "the level row is marked");
    // `r` rates you on the same skill: the key, as a person presses it.
    common::press(&mut app, "r");
    assert_eq!(
        app.overlay(),
        Some(rungs::tui::screens::OverlayKind::Rating)
    );
}

#[test]
fn two_families_may_name_a_category_alike_and_each_heading_says_what_its_own_covers() {
    let path = format!(
        "{}/tests/fixtures/v2/three-families/ladder.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path)
        .expect("fixture readable")
        .replace("name = \"Visual craft\"", "name = \"Code\"");
    let mut app = common::app_over(&text, 120, 40);
    run(&mut app, &[Action::Catalogue, Action::NextFamily]);
    let screen = shown(&app);
    assert!(
        screen.contains("Code — Type, colour and layout."),
        "the design family's own category:\n{screen}"
    );
    assert!(
        !screen.contains("Code — Writing and changing programs."),
        "{screen}"
    );
}
