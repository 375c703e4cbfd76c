//! Drawing: one file per screen, each a function of `&App`. The layout is a pure function of
//! the app too, so mouse clicks are mapped to what is under them with the same geometry.

pub mod common;
pub mod compare;
pub mod finder;
pub mod help;
pub mod ladder;
pub mod level;
pub mod plan;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Action;
use super::app::{App, ComparePane, LevelPane, Overlay, Screen};
use crate::compare::Comparison;

/// Below this the explorer shows a note instead of panes.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Where each part of the current screen goes. A pane not on screen is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
    pub ladder: Option<Rect>,
    pub preview: Option<Rect>,
    pub profile: Option<Rect>,
    pub details: Option<Rect>,
    pub skills: Option<Rect>,
    pub skill_info: Option<Rect>,
    /// Compare: the two names, where B sits, and the headline of what changes.
    pub compare_head: Option<Rect>,
    /// Compare: facts, experience, profiles and responsibilities in two columns.
    pub compare_page: Option<Rect>,
    /// Compare: the skills of both levels with the cursor.
    pub compare_skills: Option<Rect>,
}

pub fn is_too_small(app: &App) -> bool {
    app.size.0 < MIN_SIZE.0 || app.size.1 < MIN_SIZE.1
}

pub fn regions(app: &App) -> Regions {
    regions_for(app, app.comparison().as_ref())
}

/// [`regions`] with the compare screen's comparison already made (`None` on other screens),
/// so that a frame computes it once.
pub fn regions_for(app: &App, comparison: Option<&Comparison<'_>>) -> Regions {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if is_too_small(app) {
        return Regions {
            body: area,
            ..Regions::default()
        };
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut regions = Regions {
        header,
        body,
        footer,
        ..Regions::default()
    };
    let profile_height = u16::try_from(app.ladder.categories().len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    match app.screen {
        Screen::Ladder => {
            let wanted = ladder::wanted_height(app);
            let ladder_height = wanted.min(body.height.saturating_mul(3) / 5).max(5);
            let [top, rest] =
                Layout::vertical([Constraint::Length(ladder_height), Constraint::Fill(1)])
                    .areas(body);
            regions.ladder = Some(top);
            if body.width >= 72 {
                let profile_width = (body.width * 2 / 5).clamp(30, 56);
                let [preview, profile] =
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(profile_width)])
                        .areas(rest);
                regions.preview = Some(preview);
                regions.profile = Some(profile);
            } else {
                regions.preview = Some(rest);
            }
        }
        Screen::Level => {
            let side_by_side = body.width >= 64;
            let (details, right) = if side_by_side {
                let right_width = (body.width * 2 / 5).clamp(30, 56);
                let [details, right] =
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)])
                        .areas(body);
                (Some(details), Some(right))
            } else {
                match app.level_pane {
                    LevelPane::Details => (Some(body), None),
                    LevelPane::Skills => (None, Some(body)),
                }
            };
            regions.details = details;
            if let Some(right) = right {
                let info_height = if right.height >= 28 { 5 } else { 0 };
                let chart_height = if right.height >= 14 {
                    profile_height
                } else {
                    0
                };
                let [skills, info, profile] = Layout::vertical([
                    Constraint::Min(3),
                    Constraint::Length(info_height),
                    Constraint::Length(chart_height),
                ])
                .areas(right);
                regions.skills = Some(skills);
                regions.skill_info = (info.height > 0).then_some(info);
                regions.profile = (profile.height > 0).then_some(profile);
            }
        }
        // The plan screen lays out its own body (`plan::layout`).
        Screen::Plan => {}
        Screen::Compare { .. } => {
            let wanted = comparison.map_or(0, |c| compare::head_height(app, c, body));
            let head_height = wanted.min(body.height.saturating_sub(3));
            let [head, rest] =
                Layout::vertical([Constraint::Length(head_height), Constraint::Fill(1)])
                    .areas(body);
            regions.compare_head = (head.height > 0).then_some(head);
            if rest.width >= compare::SIDE_BY_SIDE_WIDTH {
                let right_width = (rest.width * 2 / 5).clamp(40, 56);
                let [page, skills] =
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)])
                        .areas(rest);
                regions.compare_page = Some(page);
                regions.compare_skills = Some(skills);
            } else {
                match app.compare_pane {
                    ComparePane::Page => regions.compare_page = Some(rest),
                    ComparePane::Skills => regions.compare_skills = Some(rest),
                }
            }
        }
    }
    regions
}

/// Draws the whole frame from the app's state.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        draw_too_small(frame, area);
        return;
    }
    let comparison = app.comparison();
    let regions = regions_for(app, comparison.as_ref());
    draw_header(frame, app, regions.header);
    match (app.screen, &comparison) {
        (Screen::Ladder, _) => ladder::draw(frame, app, &regions),
        (Screen::Level, _) => level::draw(frame, app, &regions),
        (Screen::Plan, _) => plan::draw(frame, app, regions.body),
        (Screen::Compare { .. }, Some(c)) => compare::draw(frame, app, c, &regions),
        (Screen::Compare { .. }, None) => {}
    }
    draw_footer(frame, app, regions.footer);
    match app.overlay {
        Some(Overlay::Help) => help::draw(frame, app, area),
        Some(Overlay::Search | Overlay::Picker { .. }) => finder::draw(frame, app, area),
        None => {}
    }
}

fn draw_too_small(frame: &mut Frame<'_>, area: Rect) {
    let text = format!(
        "Terminal too small ({}×{}): rungs needs at least {}×{}. Make the window larger, \
         or press q to quit.",
        area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn draw_header(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    let mut spans = vec![
        Span::styled(" rungs", theme.title),
        Span::styled(" · ", theme.muted),
    ];
    let rest = match (app.screen, app.level(), app.compared_levels()) {
        (Screen::Level, Some(level), _) => {
            let (track, rung, rungs) = common::track_and_rung(app, level);
            format!("{track} › {} · rung {rung} of {rungs}", level.title)
        }
        (Screen::Plan, ..) => {
            let mut text = "Development plan".to_owned();
            if app.plan.is_read_only() {
                text.push_str(" (read-only)");
            }
            text
        }
        (Screen::Compare { .. }, _, Some((a, b))) => format!("Compare: {} ⇄ {}", a.title, b.title),
        _ => app.ladder.info.name.clone(),
    };
    let width = usize::from(area.width).saturating_sub(9);
    spans.push(Span::styled(
        common::fit(&common::one_line(&rest), width),
        theme.muted,
    ));
    frame.render_widget(Line::from(spans), area);
}

/// The hints for the current screen, generated from the keymap: `↑↓ move  Enter open …`.
pub fn footer_hints(app: &App) -> Vec<(String, &'static str)> {
    let keymap = &app.settings.keymap;
    let pair = |a: Action, b: Action| {
        let first = |x: Action| {
            keymap
                .keys_for(x)
                .first()
                .map(super::keymap::KeyChord::label)
                .unwrap_or_default()
        };
        let (a, b) = (first(a), first(b));
        // `↑↓` reads as a pair; longer names need a separator: `PgUp/PgDn`.
        if a.chars().count() > 1 || b.chars().count() > 1 {
            format!("{a}/{b}")
        } else {
            format!("{a}{b}")
        }
    };
    let single = |a: Action| keymap.label_for(a, 1);
    let mut hints = Vec::new();
    if app.is_editing_note() {
        // Enter and Esc act through the keymap while the note is edited, like in search.
        hints.push((single(Action::Open), "save note"));
        hints.push((single(Action::Back), "cancel"));
        hints.push(("←→ Home End".to_owned(), "move"));
        hints.retain(|(keys, _)| !keys.is_empty());
        return hints;
    }
    if let Some(overlay) = app.overlay.filter(|o| o.takes_text()) {
        let choose = if matches!(overlay, Overlay::Picker { .. }) {
            "pick"
        } else {
            "go"
        };
        hints.push((pair(Action::Up, Action::Down), "choose"));
        hints.push((single(Action::Open), choose));
        hints.push((single(Action::Back), "close"));
        // Printable quit keys type into the field; Ctrl-C always quits.
        hints.push(("Ctrl-C".to_owned(), Action::Quit.hint()));
        hints.retain(|(keys, _)| !keys.is_empty());
        return hints;
    }
    if app.overlay.is_some() {
        hints.push((pair(Action::Up, Action::Down), "scroll"));
        hints.push((single(Action::Back), "close"));
        hints.push((single(Action::Quit), Action::Quit.hint()));
        return hints;
    }
    hints.push((pair(Action::Up, Action::Down), Action::Up.hint()));
    match app.screen {
        Screen::Ladder => {
            hints.push((pair(Action::PreviousPane, Action::NextPane), "track"));
            hints.push((single(Action::Open), Action::Open.hint()));
            hints.push((single(Action::Compare), Action::Compare.hint()));
            hints.push((single(Action::ShowPlan), Action::ShowPlan.hint()));
        }
        Screen::Level => {
            hints.push((pair(Action::PreviousPane, Action::NextPane), "pane"));
            hints.push((single(Action::Bookmark), Action::Bookmark.hint()));
            hints.push((single(Action::Compare), Action::Compare.hint()));
            hints.push((single(Action::Back), Action::Back.hint()));
        }
        Screen::Compare { .. } => {
            // Most useful first, help and quit early enough to fit 80 columns; the rest shows
            // on wider terminals and in the help.
            hints.push((pair(Action::PreviousPane, Action::NextPane), "pane"));
            hints.push((single(Action::Compare), "pick B"));
            hints.push((single(Action::SwapSides), Action::SwapSides.hint()));
            // `[]/{}`: the four stepping keys in one hint, so the footer fits 80 columns.
            let joined = |keys: [String; 2]| {
                let keys: Vec<String> = keys.into_iter().filter(|k| !k.is_empty()).collect();
                keys.join("/")
            };
            let steps = [
                pair(Action::ARungDown, Action::ARungUp),
                pair(Action::BRungDown, Action::BRungUp),
            ];
            hints.push((joined(steps), Action::ARungUp.hint()));
            let opens = [single(Action::OpenA), single(Action::OpenB)];
            hints.push((joined(opens), Action::OpenA.hint()));
            hints.push((single(Action::Help), Action::Help.hint()));
            hints.push((single(Action::Quit), Action::Quit.hint()));
            hints.push((single(Action::Bookmark), Action::Bookmark.hint()));
            hints.push((single(Action::Back), Action::Back.hint()));
            hints.push((single(Action::Search), Action::Search.hint()));
            hints.retain(|(keys, _)| !keys.is_empty());
            return hints;
        }
        Screen::Plan => {
            // Most useful first: what does not fit at the right end is left out.
            hints.push((single(Action::CycleStatus), Action::CycleStatus.hint()));
            hints.push((single(Action::EditNote), Action::EditNote.hint()));
            hints.push((single(Action::Remove), Action::Remove.hint()));
            hints.push((single(Action::SetTarget), Action::SetTarget.hint()));
            hints.push((single(Action::Undo), Action::Undo.hint()));
            hints.push((single(Action::Help), Action::Help.hint()));
            hints.push((single(Action::Quit), Action::Quit.hint()));
            hints.push((pair(Action::PreviousPane, Action::NextPane), "pane"));
            hints.push((single(Action::Bookmark), "add"));
            hints.push((single(Action::Back), Action::Back.hint()));
            hints.retain(|(keys, _)| !keys.is_empty());
            return hints;
        }
    }
    hints.push((single(Action::Search), Action::Search.hint()));
    hints.push((single(Action::Help), Action::Help.hint()));
    hints.push((single(Action::Quit), Action::Quit.hint()));
    hints.retain(|(keys, _)| !keys.is_empty());
    hints
}

fn draw_footer(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    // A message about the plan takes the footer until the next key.
    if let Some(message) = &app.plan.message {
        let style = if message.is_error {
            theme
                .bar_estimate
                .add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            theme.key
        };
        let width = usize::from(area.width).saturating_sub(1);
        let text = common::fit(&common::one_line(&message.text), width);
        frame.render_widget(
            Line::from(vec![Span::raw(" "), Span::styled(text, style)]),
            area,
        );
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1usize;
    for (keys, what) in footer_hints(app) {
        let piece = common::width(&keys) + 1 + common::width(what) + 2;
        if used + piece > usize::from(area.width) {
            break;
        }
        used += piece;
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.muted));
    }
    frame.render_widget(Line::from(spans), area);
}
