//! The lines above the ladder on the home screen: on a ladder of job families, the family on
//! show (its name, place and description, and the keys that switch it); on a tall terminal,
//! the ladder's own description and the selected track's. Each is left out when the content
//! does not say it, and nothing is drawn at all for a ladder without families on a terminal
//! under [`TALL`] rows, so the level page keeps its room where room is short.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::common::{self, fit, one_line, wrap};
use crate::ladder::{Category, Level};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::family;
use crate::tui::keymap::{Command, command_keys};
use crate::tui::screens::ScreenKind;

/// From this many rows of body, the ladder and track descriptions are shown too.
pub const TALL: u16 = 50;

/// The intro's lines for a body of `area`'s size.
pub fn lines(app: &App, level: &Level, area: Rect) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let columns = usize::from(area.width.saturating_sub(2));
    let tall = area.height >= TALL;
    let mut lines = Vec::new();
    if let Some(shown) = family::of_level(&app.ladder, level) {
        let keys = command_keys(
            &app.settings.keymap,
            &Command {
                actions: vec![Action::PickFamily],
                hint: "family",
                applies: true,
            },
            ScreenKind::Ladder,
        );
        let name = family::label(&app.ladder, shown);
        let switch = if keys.is_empty() {
            String::new()
        } else {
            format!("  {keys} other families")
        };
        let head = format!(" {name}");
        let room = columns.saturating_sub(common::width(&head) + common::width(&switch));
        let mut spans = vec![Span::styled(fit(&head, columns), theme.heading)];
        let description = app
            .ladder
            .families()
            .get(shown)
            .map_or("", |f| f.description.as_str());
        if !description.trim().is_empty() && room > 8 {
            spans.push(Span::raw(fit(
                &format!(" — {}", one_line(description)),
                room,
            )));
        }
        spans.push(Span::styled(switch, theme.muted));
        lines.push(Line::from(spans));
    }
    if tall {
        let wrapped = wrap(&app.ladder.info.description, columns, "");
        for (i, line) in wrapped.iter().enumerate().take(2) {
            // Cut after two lines, and marked as cut (…).
            let text = match wrapped.get(2) {
                Some(more) if i == 1 => fit(&format!("{line} {more}"), columns),
                _ => line.clone(),
            };
            lines.push(Line::styled(format!(" {text}"), theme.muted));
        }
        if let Some(track) = app.ladder.track(&level.track)
            && !track.description.trim().is_empty()
        {
            let text = format!(
                " {} track: {}",
                one_line(&track.title),
                one_line(&track.description)
            );
            lines.push(Line::styled(fit(&text, columns + 1), theme.muted));
        }
    }
    lines
}

/// Draws the intro at the top of `body` and returns the rest of it.
pub fn draw(frame: &mut Frame<'_>, app: &App, level: &Level, body: Rect) -> Rect {
    let lines = lines(app, level, body);
    if lines.is_empty() {
        return body;
    }
    let height = u16::try_from(lines.len()).unwrap_or(0);
    let [top, rest] = common::split_top(body, height);
    common::draw_lines(frame, top, lines);
    rest
}

/// The level page's closing section on where the level sits: its track's description and,
/// on a ladder of job families, its family's. Nothing when the content describes neither.
pub fn track_section(app: &App, level: &Level, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let mut lines = Vec::new();
    let mut add = |title: String, description: &str| {
        if description.trim().is_empty() {
            return;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(fit(&title, columns), theme.heading));
        lines.extend(wrap(description, columns, "").into_iter().map(Line::raw));
    };
    if let Some(track) = app.ladder.track(&level.track) {
        add(
            format!("The {} track", one_line(&track.title)),
            &track.description,
        );
    }
    if let Some(family) =
        family::of_level(&app.ladder, level).and_then(|f| app.ladder.families().get(f))
    {
        add(
            format!("The {} family", one_line(&family.name)),
            &family.description,
        );
    }
    lines
}

/// What a category covers, under its heading in a level's skills: muted, indented, wrapped.
pub fn category_description(app: &App, category: &Category, columns: usize) -> Vec<Line<'static>> {
    if category.description.trim().is_empty() {
        return Vec::new();
    }
    wrap(&category.description, columns.saturating_sub(2), "")
        .into_iter()
        .map(|l| Line::styled(format!("  {l}"), app.settings.theme.muted))
        .collect()
}

/// The family picker: the query, then one family a row (name and description), the cursor
/// on the one Enter shows.
pub fn draw_family_picker(
    frame: &mut Frame<'_>,
    app: &App,
    picker: &crate::tui::family_picker::FamilyPicker,
    area: Rect,
) {
    use ratatui::style::Style;
    use ratatui::widgets::{Block, Clear};
    let theme = &app.settings.theme;
    let matches = picker.matches(&app.ladder);
    let outer = common::centred_box(area, app.ladder.families().len() + 2);
    frame.render_widget(Clear, outer);
    common::draw_pane(frame, "Job family", true, app, outer);
    let inner = Block::bordered()
        .inner(outer)
        .inner(ratatui::layout::Margin::new(1, 0));
    let [query, list] = common::split_top(inner, 2);
    let field = Rect {
        x: query.x.saturating_add(2).min(query.right()),
        width: query.width.saturating_sub(2),
        height: query.height.min(1),
        ..query
    };
    frame.render_widget(Span::styled("/ ", theme.key), query);
    let (text, _) = picker.input.visible(usize::from(field.width), Style::new());
    frame.render_widget(text, field);
    if let Some(cursor) = picker.input.cursor_position(field) {
        common::place_cursor(frame, app, cursor);
    }
    let columns = usize::from(list.width);
    if matches.is_empty() {
        let note = format!("no family matches “{}”", one_line(picker.input.value()));
        common::draw_lines(
            frame,
            list,
            vec![Line::styled(fit(&note, columns), theme.muted)],
        );
        picker.list.follow(list, 0, 0);
        return;
    }
    let first = picker.list.follow(list, matches.len(), picker.cursor);
    let lines: Vec<Line<'static>> = matches
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list.height))
        .filter_map(|(row, &index)| {
            let family = app.ladder.families().get(index)?;
            let selected = row == picker.cursor;
            let name = format!(
                "{}{}",
                if selected { "▶ " } else { "  " },
                one_line(&family.name)
            );
            let mut spans = vec![Span::raw(fit(&name, columns))];
            let room = columns.saturating_sub(common::width(&name));
            if !family.description.trim().is_empty() && room > 6 {
                spans.push(Span::styled(
                    fit(&format!(" — {}", one_line(&family.description)), room),
                    theme.muted,
                ));
            }
            let line = Line::from(spans);
            Some(if selected {
                line.style(common::row_style(app, true, true))
            } else {
                line
            })
        })
        .collect();
    common::draw_lines(frame, list, lines);
}

/// A category's heading row in a list, what the category covers after it in the room left
/// on the row (cut with `…`): one row, so the rows of the list stay one per entry.
pub fn category_heading(app: &App, category: &Category, columns: usize) -> Line<'static> {
    let theme = &app.settings.theme;
    let name = fit(&one_line(&category.name), columns);
    let room = columns.saturating_sub(common::width(&name));
    let description = category.description.as_str();
    let mut spans = vec![Span::styled(name, theme.heading)];
    // Less than a few words would read as noise.
    if !description.trim().is_empty() && room >= 16 {
        spans.push(Span::styled(
            fit(&format!(" — {}", one_line(description)), room),
            theme.muted,
        ));
    }
    Line::from(spans)
}
