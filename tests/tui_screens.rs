//! The explorer's screens drawn into a `TestBackend`: text snapshots at two sizes, and the
//! styles that carry meaning (snapshots keep text only).

mod common;

use common::{WIDE_LADDER, app, app_over, buffer, find, run, text};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use rungs::Ladder;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::open_plan;
use rungs::tui::screens::{Focus, ScreenKind};
use rungs::tui::widgets::text_input::TextEdit;
use unicode_width::UnicodeWidthStr;

/// The screens the README shows, each reached by a sequence of actions.
pub fn screens() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("ladder", vec![Action::Up, Action::Up, Action::Up]),
        (
            "level",
            vec![Action::Up, Action::Up, Action::Up, Action::Open],
        ),
        (
            "level-skills",
            vec![
                Action::Up,
                Action::Open,
                Action::NextPane,
                Action::Down,
                Action::Down,
            ],
        ),
        (
            "skill",
            vec![
                Action::Up,
                Action::Open,
                Action::FocusNext,
                Action::Down,
                Action::Open,
            ],
        ),
        ("help", vec![Action::Help]),
        (
            "messages",
            vec![
                Action::Down,
                Action::Up,
                Action::Down,
                Action::Down,
                Action::Messages,
            ],
        ),
        (
            "search",
            std::iter::once(Action::Search)
                .chain("budg".chars().map(|c| Action::Edit(TextEdit::Insert(c))))
                .chain([Action::Down, Action::Down])
                .collect(),
        ),
        (
            "picker",
            std::iter::once(Action::GoToLevel)
                .chain("man".chars().map(|c| Action::Edit(TextEdit::Insert(c))))
                .collect(),
        ),
        (
            "catalogue",
            vec![Action::Catalogue, Action::Down, Action::Down, Action::Down],
        ),
        // Enter on a skill moves to the levels that expect it (at 80 columns, the skill's side).
        (
            "catalogue-levels",
            vec![Action::Catalogue, Action::Down, Action::Open, Action::Down],
        ),
        ("plan-empty", vec![Action::ShowPlan]),
        ("plan", plan_actions()),
        // `c` on the manager rung asks for B in the picker, over the comparison with the rung
        // above; Esc keeps that default: manager against senior manager.
        ("compare-picker", vec![Action::Up, Action::Compare]),
        ("compare", vec![Action::Up, Action::Compare, Action::Back]),
        (
            "compare-skills",
            vec![
                Action::Up,
                Action::Compare,
                Action::Back,
                Action::NextPane,
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Down,
            ],
        ),
    ]
}

/// A plan with a target, items in every status and a note typed in, built through keys.
fn plan_actions() -> Vec<Action> {
    let mut actions = vec![
        Action::Up,
        Action::Up,
        Action::Up,
        // `t` opens the level picker: the target is chosen by name.
        Action::SetTarget,
    ];
    actions.extend(typed("director"));
    actions.extend([
        Action::Open,
        Action::Open,
        Action::NextPane,
        Action::Bookmark,
        Action::Down,
        Action::Bookmark,
        Action::Down,
        Action::Down,
        Action::Bookmark,
        Action::Down,
        Action::Bookmark,
        Action::ShowPlan,
        Action::CycleStatus,
        Action::EditNote,
    ]);
    actions.extend(typed("Shadow the Q3 review"));
    actions.push(Action::Open);
    actions.extend([
        Action::Top,
        Action::CycleStatus,
        Action::CycleStatus,
        Action::Top,
    ]);
    actions
}

/// The edits that typing `text` into a text field makes.
fn typed(text: &str) -> impl Iterator<Item = Action> + '_ {
    text.chars().map(|c| Action::Edit(TextEdit::Insert(c)))
}

fn screen(name: &str, width: u16, height: u16) -> String {
    let (_, actions) = screens()
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("known screen");
    // Each screen gets its own empty plan, in a folder that lives as long as this call.
    let folder = tempfile::tempdir().expect("temp dir");
    let plan = open_plan(Some(&folder.path().join("plan.toml")));
    let mut app = app(width, height, false).with_plan(plan);
    run(&mut app, &actions);
    // A message about the last save would take the footer; show the hints.
    app.status.clear();
    text(&buffer(&app))
}

#[test]
fn every_screen_at_three_sizes() {
    for (name, _) in screens() {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            insta::assert_snapshot!(
                format!("{name}_{width}x{height}"),
                screen(name, width, height)
            );
        }
    }
}

#[test]
fn too_small_terminal_shows_a_note() {
    let app = app(39, 11, false);
    let shown = text(&buffer(&app));
    insta::assert_snapshot!("too_small_39x11", shown);
}

#[test]
fn the_selected_rung_and_its_equivalents_are_coloured() {
    let mut app = app(120, 40, false);
    for _ in 0..3 {
        app.update(Action::Up);
    }
    let theme = app.settings.theme.clone();
    let buffer = buffer(&app);
    let (x, y) = find(&buffer, "▶4 Director").expect("selected rung drawn");
    assert_eq!(
        buffer[(x + 3, y)].bg,
        theme.selected.bg.expect("a fill"),
        "selection"
    );
    assert_eq!(
        buffer[(x + 3, y)].fg,
        theme.selected.fg.expect("text"),
        "selection text"
    );
    let (x, y) = find(&buffer, "≈4 Principal engineer").expect("equivalent drawn");
    assert_eq!(
        buffer[(x + 3, y)].fg,
        theme.equivalent.fg.expect("a colour"),
        "equivalent colour"
    );
    let (x, y) = find(&buffer, "3 Senior manager").expect("plain rung drawn");
    assert_eq!(
        buffer[(x + 3, y)].bg,
        Color::Reset,
        "an unselected rung is plain"
    );
}

#[test]
fn estimates_are_drawn_in_their_own_colour_and_glyph() {
    let mut app = app(120, 40, false);
    for _ in 0..3 {
        app.update(Action::Up);
    }
    let theme = app.settings.theme.clone();
    let buffer = buffer(&app);
    let (x, y) = find(&buffer, "▒").expect("an estimate bar for the director");
    assert_eq!(buffer[(x, y)].fg, theme.bar_estimate.fg.expect("a colour"));
    assert_ne!(theme.bar_estimate.fg, theme.bar.fg);
    let shown = text(&buffer);
    let (y, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("In the field  ") && l.contains('█'))
        .expect("the field bar");
    let x = line[..line.find('█').expect("a sourced bar")].width();
    assert_eq!(
        buffer[(u16::try_from(x).unwrap_or(0), u16::try_from(y).unwrap_or(0))].fg,
        theme.bar.fg.expect("a colour")
    );
}

#[test]
fn the_focused_pane_has_the_focus_border_and_the_skill_cursor_its_style() {
    let mut app = app(80, 24, false);
    app.update(Action::Open);
    app.update(Action::NextPane);
    assert_eq!(app.level_screen().map(|s| s.focus), Some(Focus::Skills));
    let theme = app.settings.theme.clone();
    let buffer = buffer(&app);
    let (x, y) = find(&buffer, "Skills (").expect("skills pane");
    assert_eq!(
        buffer[(x - 2, y)].fg,
        theme.border_focused.fg.expect("a colour"),
        "focused border"
    );
    assert_ne!(theme.border_focused.fg, theme.border.fg);
    let (x, y) = find(&buffer, "▶ ").expect("skill cursor");
    assert_eq!(
        buffer[(x + 7, y)].bg,
        theme.selected.bg.expect("a fill"),
        "cursor row"
    );
}

#[test]
fn no_color_sends_no_colour_and_marks_selection_with_reverse() {
    for (name, actions) in screens() {
        let mut app = app(120, 40, true);
        run(&mut app, &actions);
        let buffer = buffer(&app);
        for cell in &buffer.content {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{name}: colour in cell {:?}",
                cell.symbol()
            );
        }
        if name == "ladder" {
            let (x, y) = find(&buffer, "▶4 Director").expect("selected rung");
            assert!(buffer[(x + 3, y)].modifier.contains(Modifier::REVERSED));
            let (x, y) = find(&buffer, "≈4 Principal").expect("equivalent");
            assert!(buffer[(x + 3, y)].modifier.contains(Modifier::UNDERLINED));
        }
    }
}

#[test]
fn wide_characters_keep_columns_aligned() {
    for (width, height) in [(80, 24), (41, 12), (120, 40)] {
        let mut app = app_over(WIDE_LADDER, width, height);
        let ladder_screen = text(&buffer(&app));
        app.update(Action::Open);
        let level_screen = text(&buffer(&app));
        run(&mut app, &[Action::Search]);
        let search_screen = text(&buffer(&app));
        run(&mut app, &[Action::Edit(TextEdit::Insert('ジ'))]);
        let found_screen = text(&buffer(&app));
        assert!(found_screen.contains("level "), "{found_screen}");
        for shown in [ladder_screen, level_screen, search_screen, found_screen] {
            for line in shown.lines() {
                assert_eq!(line.width(), usize::from(width), "{line}\n{shown}");
            }
            // Every right border sits in the last column.
            assert!(shown.contains("エンジニア"), "{shown}");
        }
    }
    let app = app_over(WIDE_LADDER, 80, 24);
    insta::assert_snapshot!("wide_ladder_80x24", text(&buffer(&app)));
}

#[test]
fn control_characters_in_content_never_reach_the_screen() {
    // Validation rejects control characters in content, so build the ladder with them in by
    // changing a loaded one: the views must still clean what they draw.
    let mut app = app(80, 24, false);
    std::sync::Arc::make_mut(&mut app.ladder).info.name = "evil\u{1b}[31m\u{7}name".into();
    let shown = text(&buffer(&app));
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "{shown}"
    );
    assert!(shown.contains("evil[31mname"), "{shown}");
}

/// The symbols of row `y` whose cells have exactly `style` set, in order.
fn styled_symbols(
    buffer: &Buffer,
    y: u16,
    wanted: impl Fn(&ratatui::buffer::Cell) -> bool,
) -> String {
    (0..buffer.area.width)
        .map(|x| &buffer[(x, y)])
        .filter(|cell| wanted(cell))
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn matched_characters_are_highlighted_in_colour_or_with_bold_and_underline() {
    for no_color in [false, true] {
        let mut app = app(100, 30, no_color);
        run(
            &mut app,
            &std::iter::once(Action::Search)
                .chain("fin acu".chars().map(|c| Action::Edit(TextEdit::Insert(c))))
                .collect::<Vec<_>>(),
        );
        let shown = buffer(&app);
        let (_, selected_row) = find(&shown, "▶ skill").expect("the first result is selected");
        let theme = app.settings.theme.clone();
        for row in [selected_row, selected_row + 1] {
            // Matched characters, and only they, carry the highlight modifiers.
            let marked = styled_symbols(&shown, row, |cell| {
                cell.modifier.contains(theme.matched.add_modifier)
                    && (row == selected_row || cell.fg == theme.matched.fg.unwrap_or(Color::Reset))
            });
            let marked = marked.replace("▶", "");
            assert_eq!(
                marked.to_lowercase(),
                "finacu",
                "row {row}, NO_COLOR {no_color}"
            );
        }
        if no_color {
            assert!(
                theme
                    .matched
                    .add_modifier
                    .contains(Modifier::BOLD | Modifier::UNDERLINED)
            );
            for cell in shown.content() {
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
            }
        } else {
            let colour = theme.matched.fg.expect("matches have a colour");
            assert!(theme.matched.add_modifier.contains(Modifier::BOLD));
            let coloured = styled_symbols(&shown, selected_row + 1, |c| c.fg == colour);
            assert_eq!(coloured.to_lowercase(), "finacu");
        }
    }
}

#[test]
fn the_footer_and_help_follow_the_keymap() {
    let user = rungs::tui::config::parse("c.toml", "[keys]\nhelp = [\"f1\"]\nopen = [\"o\"]\n")
        .expect("valid config");
    let mut app = app(80, 24, false);
    app.settings = Settings::with_overrides(false, &user);
    let shown = text(&buffer(&app));
    assert!(shown.contains("o open"), "{shown}");
    assert!(shown.contains("F1 help"), "{shown}");
    app.update(Action::Help);
    let shown = text(&buffer(&app));
    assert!(shown.contains("F1 "), "{shown}");
    assert!(!shown.contains("Enter  "), "{shown}");
}

/// Every key label the footer shows, with the words after it.
fn footer(app: &App) -> String {
    let shown = text(&buffer(app));
    shown.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn after_rebinding_every_hint_and_help_row_shows_the_new_key() {
    // A screen's own section, the global one, and the older flat [keys] table together.
    let config = "[keys]\nhelp = [\"f1\"]\n\n[keys.compare]\nswap-sides = [\"w\"]\n\n\
                  [keys.global]\nfocus-next = [\"ctrl-n\"]\n";
    let user = rungs::tui::config::parse("c.toml", config).expect("valid config");
    let mut app = app(120, 40, false);
    app.settings = Settings::with_overrides(false, &user);
    run(&mut app, &[Action::Up, Action::Compare, Action::Back]);
    let line = footer(&app);
    assert!(line.contains("w swap"), "{line}");
    assert!(line.contains("Ctrl-N pane"), "{line}");
    assert!(line.contains("F1 help"), "{line}");
    assert!(!line.contains("x swap") && !line.contains("Tab"), "{line}");
    // The help, opened on compare, lists the same keys under the compare screen first.
    run(&mut app, &[Action::Help]);
    let help = text(&buffer(&app));
    let swap = help
        .lines()
        .find(|l| l.contains("exchange the sides"))
        .expect("swap listed");
    assert!(swap.contains("┃ w "), "{help}");
    let first_group = help
        .lines()
        .find(|l| l.contains(" screen"))
        .unwrap_or_default();
    assert!(first_group.contains("Compare screen"), "{help}");
    // The key works where the hints say it does.
    run(&mut app, &[Action::Help]);
    let before = app
        .compared_levels()
        .map(|(a, b)| (a.id.clone(), b.id.clone()));
    let event = ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('w'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    let action = rungs::tui::action_for_app_event(&app, &event).expect("an action");
    assert_eq!(action, Action::SwapSides);
    app.update(action);
    let after = app
        .compared_levels()
        .map(|(a, b)| (b.id.clone(), a.id.clone()));
    assert_eq!(before, after);
}

#[test]
fn a_footer_names_only_keys_that_act_here() {
    // On the level screen's page the bookmark key does nothing: the footer leaves it out.
    let mut app = app(120, 40, false);
    run(&mut app, &[Action::Open]);
    assert!(!footer(&app).contains("bookmark"), "{}", footer(&app));
    run(&mut app, &[Action::FocusNext]);
    assert!(footer(&app).contains("b bookmark"), "{}", footer(&app));
    // Every width shows the same hints in the same order, cut short, the help pointer kept.
    for width in [80, 100, 120, 200] {
        app.update(Action::Resize(width, 40));
        let line = footer(&app);
        assert!(line.trim_end().ends_with("? help"), "{width}: {line}");
        assert!(
            line.starts_with(" ↑↓ move  Tab pane  Enter skill  b bookmark"),
            "{line}"
        );
    }
}

#[test]
fn the_plan_gauge_and_statuses_read_without_colour() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut app = app(80, 24, true).with_plan(open_plan(Some(&folder.path().join("plan.toml"))));
    run(&mut app, &plan_actions());
    let shown = buffer(&app);
    let gauge_row = shown
        .content()
        .chunks(usize::from(shown.area.width))
        .position(|row| {
            row.iter().filter(|c| c.symbol() == "▓").count() > 1
                && row.iter().any(|c| c.symbol() == "·")
        })
        .and_then(|y| u16::try_from(y).ok())
        .expect("the gauge is drawn");
    let mut kinds = Vec::new();
    for x in 0..shown.area.width {
        let cell = &shown[(x, gauge_row)];
        assert_eq!(cell.fg, Color::Reset, "no colour at {x}");
        assert_eq!(cell.bg, Color::Reset, "no colour at {x}");
        if !kinds.contains(&cell.symbol()) && "█▓▒·".contains(cell.symbol()) {
            kinds.push(cell.symbol());
        }
    }
    assert_eq!(
        kinds,
        ["█", "▓", "▒", "·"],
        "four glyphs tell the parts apart"
    );
    // Done is bold as well as its own glyph; the selected item is reversed.
    let (x, y) = find(&shown, "██").expect("done cells");
    assert!(shown[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&shown, "▶ ").expect("the cursor row");
    assert!(shown[(x, y)].modifier.contains(Modifier::REVERSED));
    for y in 0..shown.area.height {
        for x in 0..shown.area.width {
            let cell = &shown[(x, y)];
            assert!(
                cell.fg == Color::Reset && cell.bg == Color::Reset,
                "({x},{y})"
            );
        }
    }
}

#[test]
fn the_screen_enum_covers_what_is_drawn() {
    let mut app = app(80, 24, false);
    assert_eq!(app.screen_kind(), ScreenKind::Ladder);
    app.update(Action::Open);
    assert_eq!(app.screen_kind(), ScreenKind::Level);
    assert!(text(&buffer(&app)).contains("Scope and reporting"));
}

/// The README shows screens as text captures; each sits after a `<!-- screen: NAME WxH -->`
/// marker. This test checks they are what the explorer draws now. Run it with
/// `UPDATE_README=1` to rewrite them from the current views.
#[test]
fn the_readme_shows_the_screens_as_they_are() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md readable");
    let mut out = String::new();
    let mut rest = readme.as_str();
    let mut checked = 0;
    let mut stale = Vec::new();
    while let Some(at) = rest.find("<!-- screen: ") {
        let (before, marker_on) = rest.split_at(at);
        out.push_str(before);
        let marker_end = marker_on.find("-->").expect("marker closed") + 3;
        let marker = &marker_on[..marker_end];
        let spec = marker
            .trim_start_matches("<!-- screen: ")
            .trim_end_matches("-->")
            .trim();
        let (name, size) = spec.split_once(' ').expect("NAME WxH");
        let (w, h) = size.split_once('x').expect("WxH");
        let (w, h): (u16, u16) = (w.parse().expect("width"), h.parse().expect("height"));
        let shown: String = screen(name, w, h)
            .lines()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        let after_marker = &marker_on[marker_end..];
        let open = after_marker
            .find("```text\n")
            .expect("a text block follows")
            + 8;
        let close = open + after_marker[open..].find("```").expect("block closed");
        if after_marker[open..close] != shown {
            stale.push(spec.to_owned());
        }
        out.push_str(marker);
        out.push_str(&after_marker[..open]);
        out.push_str(&shown);
        rest = &after_marker[close..];
        checked += 1;
    }
    out.push_str(rest);
    assert!(checked >= 3, "the README shows the explorer's screens");
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(path, out).expect("README.md writable");
    } else {
        assert!(
            stale.is_empty(),
            "README screens out of date: {stale:?}; run `UPDATE_README=1 cargo test --test tui_screens`"
        );
    }
}

#[test]
fn billions_of_years_are_refused_and_the_largest_range_allowed_draws() {
    // Years past 60 are a located content problem (they wrapped the compare axis); the
    // widest range a valid ladder can hold must still draw at once.
    let huge = include_str!("fixtures/valid/ladder.toml")
        .replace("min = 2, max = 4 }", "min = 2, max = 4294967295 }");
    assert!(huge.contains("4294967295"));
    let problems = Ladder::from_sources(&[rungs::ladder::SourceFile {
        name: "huge.toml".into(),
        text: huge,
    }])
    .expect_err("4294967295 years is refused");
    assert!(
        problems
            .iter()
            .any(|p| p.position.is_some() && p.message.contains("at most 60")),
        "{problems:?}"
    );

    let widest = include_str!("fixtures/valid/ladder.toml")
        .replace("min = 2, max = 4 }", "min = 0, max = 60 }");
    let ladder = Ladder::from_sources(&[rungs::ladder::SourceFile {
        name: "widest.toml".into(),
        text: widest,
    }])
    .expect("0 to 60 years is valid");
    let widest = ladder
        .levels()
        .iter()
        .position(|l| {
            l.experience
                .as_ref()
                .is_some_and(|e| e.field.max == Some(60))
        })
        .expect("the level with the widest range");
    let mut app = App::new(ladder, Settings::defaults(false), (120, 40));
    app.select_level(widest);
    app.update(Action::Open);
    let level = text(&buffer(&app));
    assert!(level.contains("60"), "{level}");
    run(&mut app, &[Action::Compare, Action::Back]);
    let compare = text(&buffer(&app));
    assert!(compare.contains("Experience in years"), "{compare}");
}

/// The rows of `area` (inside its border, scrollbar column left out) with nothing on them.
fn blank_rows(buffer: &Buffer, area: ratatui::layout::Rect) -> (usize, usize) {
    let inner = ratatui::widgets::Block::bordered().inner(area);
    let mut blank = 0;
    for y in inner.top()..inner.bottom() {
        let empty = (inner.left()..inner.right().saturating_sub(1))
            .all(|x| buffer[(x, y)].symbol().trim().is_empty());
        if empty {
            blank += 1;
        }
    }
    (blank, usize::from(inner.height))
}

#[test]
fn the_home_screen_fills_its_panes_while_there_is_more_of_the_level_to_show() {
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        for level in 0..ladder.levels().len() {
            let mut app = app(width, height, false);
            app.select_level(level);
            let shown = buffer(&app);
            let panes = app.level_screen().expect("home").panes.get();
            let page = panes.page.expect("the page is on screen");
            let (blank, rows) = blank_rows(&shown, page);
            let scroll = &app.level_screen().expect("home").page;
            let more = scroll.seen().is_some_and(|v| v.total > v.rows());
            assert!(
                more,
                "{width}×{height}, level {level}: the page has more to show"
            );
            assert!(
                blank * 4 <= rows,
                "{width}×{height}, level {level}: {blank} of {rows} page rows blank\n{}",
                text(&shown)
            );
            // The ladder pane is as tall as it needs: no empty rows under the rungs.
            if let Some(area) = panes.ladder.filter(|a| a.height > 3) {
                let (blank, rows) = blank_rows(&shown, area);
                assert_eq!(
                    blank, 0,
                    "{width}×{height}: {blank} of {rows} ladder rows blank"
                );
            }
        }
    }
}

#[test]
fn the_ladder_names_its_track_keys_as_bound() {
    let config = "[keys.global]\nprevious-pane = [\"a\"]\nnext-pane = [\"d\"]\n";
    let user = rungs::tui::config::parse("c.toml", config).expect("valid config");
    let mut app = app(80, 24, false);
    app.settings = Settings::with_overrides(false, &user);
    let shown = text(&buffer(&app));
    assert!(shown.contains("a/d tracks"), "{shown}");
    assert!(footer(&app).contains("a/d track"), "{}", footer(&app));
    assert!(!shown.contains('←'), "{shown}");
}

/// `draw_pane` draws what rendering `pane`'s Block draws, cell for cell and style for style,
/// over a screen that already holds styled text, at sizes down to one cell.
#[test]
fn a_pane_drawn_directly_is_the_block_it_stands_for() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};
    use rungs::tui::view::common;
    let app = app(80, 24, false);
    let titles = [
        "Director",
        "",
        "A title much longer than any pane here",
        "界 wide",
    ];
    let areas = [
        Rect::new(0, 0, 1, 1),
        Rect::new(1, 1, 2, 2),
        Rect::new(2, 0, 9, 1),
        Rect::new(0, 2, 1, 5),
        Rect::new(3, 1, 14, 6),
        Rect::new(10, 3, 20, 9),
    ];
    for title in titles {
        for area in areas {
            for focused in [false, true] {
                let draw = |direct: bool| {
                    let mut terminal =
                        Terminal::new(TestBackend::new(24, 12)).expect("test backend");
                    terminal
                        .draw(|frame| {
                            let under = Style::new().fg(Color::Red).bg(Color::Indexed(17));
                            for y in 0..12 {
                                frame.buffer_mut().set_string(0, y, "x·".repeat(12), under);
                            }
                            if direct {
                                let inside = common::draw_pane(frame, title, focused, &app, area);
                                let block = common::pane(title, focused, &app);
                                assert_eq!(inside, block.inner(area), "inside {area:?}");
                            } else {
                                frame.render_widget(common::pane(title, focused, &app), area);
                            }
                        })
                        .expect("draws");
                    terminal.backend().buffer().clone()
                };
                assert_eq!(draw(true), draw(false), "{title:?} at {area:?}, {focused}");
            }
        }
    }
}

/// One level with 20 skills whose descriptions are short (a list longer than its detail).
fn twenty_skills() -> String {
    let mut s = String::from(
        "[ladder]\nname = \"Test\"\n\n[[tracks]]\nid = \"eng\"\ntitle = \"Eng\"\norder = 1\n\n\
         [[categories]]\nid = \"c\"\nname = \"Cat\"\n\n",
    );
    let mut refs = Vec::new();
    for i in 0..20 {
        let words = vec!["abcde"; 3 + i].join(" ");
        s += &format!(
            "[[skills]]\nid = \"s{i}\"\nname = \"Skill {i}\"\ncategory = \"c\"\n\
             description = \"{words}.\"\n\n"
        );
        refs.push(format!("{{ skill = \"s{i}\", proficiency = \"basic\" }}"));
    }
    s += &format!(
        "[[levels]]\nid = \"eng-1\"\ntitle = \"Engineer\"\ntrack = \"eng\"\nrank = 1\n\
         summary = \"Writes code.\"\nscope = \"One team\"\ndecision_scope = \"Own work\"\n\
         responsibilities = [\"Ship\"]\nskills = [{}]\n\
         experience = {{ field = {{ min = 0, max = 3 }} }}\n\
         education = {{ typical = \"None required\" }}\nsources = [\"made up\"]\n",
        refs.join(", ")
    );
    s
}

/// When the skill list and the selected skill's whole detail do not both fit, the detail
/// gets the rows its text needs (as wrapped at the width it is drawn at) and the list keeps
/// the rest, rather than half the column each with the detail's rows left blank.
#[test]
fn a_short_skill_detail_takes_only_the_rows_it_needs() {
    let mut app = app_over(&twenty_skills(), 115, 37);
    common::draw(&app);
    app.update(Action::NextPane);
    let shown = text(&buffer(&app));
    // The detail's last line shows, and right below it the pane ends.
    let last = shown
        .lines()
        .position(|l| l.contains("guidance"))
        .expect("the whole detail shows");
    assert!(
        shown.lines().nth(last + 1).is_some_and(|l| l.contains("└")),
        "{shown}"
    );
    // The list keeps every other row: 19 of the 20 skills.
    assert!(shown.contains("Skill 18"), "{shown}");
    assert!(!shown.contains("Skill 19"), "{shown}");
}
