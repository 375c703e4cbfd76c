//! Drawing: one file per screen, each a function of `&App` and the area it draws into. The
//! layout comes from the frame being drawn, never from a remembered size, and each scrolling
//! pane records what it showed (see `widgets::scroll`) for the next update to read.

pub mod catalogue;
pub mod common;
pub mod compare;
pub mod finder;
pub mod help;
pub mod intro;
pub mod ladder;
pub mod level;
pub mod plan;
pub mod skill;
pub mod you;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::App;
use super::screens::{Overlay, Screen};

/// Below this the explorer shows a note instead of panes.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Draws the whole frame from the app's state, laid out against the frame's own area.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    app.cursor.set(None);
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        draw_too_small(frame, area);
        return;
    }
    let [header, rest] = common::split_top(area, 1);
    let [body, footer] = common::split_top(rest, rest.height.saturating_sub(1));
    draw_header(frame, app, header);
    match &app.screen {
        Screen::Ladder(s) => level::draw(frame, app, s, true, body),
        Screen::Level(s) => level::draw(frame, app, s, false, body),
        Screen::Plan(s) => plan::draw(frame, app, s, body),
        Screen::Catalogue(s) => catalogue::draw(frame, app, s, body),
        Screen::You(s) => you::draw_you_screen(frame, app, s, body),
        Screen::Compare(s) => {
            if let Some(c) = app.comparison() {
                compare::draw(frame, app, s, &c, body);
            }
        }
    }
    draw_footer(frame, app, footer);
    for overlay in &app.overlays {
        match overlay {
            Overlay::Help { screen, scroll } => help::draw(frame, app, *screen, scroll, area),
            Overlay::Search | Overlay::Picker { .. } => finder::draw(frame, app, overlay, area),
            Overlay::Skill {
                level,
                skill,
                scroll,
            } => skill::draw_overlay(frame, app, *level, skill, scroll, area),
            Overlay::Messages { scroll } => help::draw_messages(frame, app, scroll, area),
            Overlay::Families(picker) => intro::draw_family_picker(frame, app, picker, area),
            Overlay::Rating(picker) => you::draw_rating(frame, app, picker, area),
        }
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
    let level_of = |index: usize| app.ladder.levels().get(index);
    let rest = match &app.screen {
        Screen::Level(s) => level_of(s.level).map_or_else(String::new, |level| {
            let (track, rung, rungs) = common::track_and_rung(app, level);
            // On a ladder of job families, the family too: a level found by search may
            // belong to another family than the one the home screen shows.
            let family = crate::tui::family::of_level(&app.ladder, level)
                .and_then(|f| app.ladder.families().get(f))
                .map(|f| format!("{} › ", f.name))
                .unwrap_or_default();
            let marks = you::marks(app, &level.id);
            format!(
                "{family}{track} › {marks}{} · rung {rung} of {rungs}",
                level.title
            )
        }),
        Screen::Plan(_) => {
            let mut text = "Development plan".to_owned();
            if app.plan.is_read_only() {
                text.push_str(" (read-only)");
            }
            text
        }
        Screen::Compare(_) => app.compared_levels().map_or_else(String::new, |(a, b)| {
            format!("Compare: {} ⇄ {}", a.title, b.title)
        }),
        Screen::Ladder(_) => app.ladder.info.name.clone(),
        Screen::Catalogue(c) => match c.family {
            Some(family) => format!(
                "Skill catalogue · {}",
                crate::tui::family::label(&app.ladder, family)
            ),
            None => "Skill catalogue".to_owned(),
        },
        Screen::You(s) => level_of(s.level)
            .map_or_else(String::new, |level| format!("You against {}", level.title)),
    };
    let width = usize::from(area.width).saturating_sub(9);
    spans.push(Span::styled(
        common::fit(&common::one_line(&rest), width),
        theme.muted,
    ));
    frame.render_widget(Line::from(spans), area);
}

/// The footer: the status line's message until the next key, else the hints of what the
/// keys do here.
fn draw_footer(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    if let Some(message) = app.status.current() {
        let style = if message.is_error {
            theme.error
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
    let hints = super::keymap::fit_hints(
        super::keymap::footer_hints(app),
        usize::from(area.width.saturating_sub(1)),
    );
    for (keys, what) in hints {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.muted));
    }
    frame.render_widget(Line::from(spans), area);
}
