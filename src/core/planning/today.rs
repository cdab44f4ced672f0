//! Today's page, decided here and not in the view: the group of each action, its due
//! label, the late extras folded into one "Missed" line, the badge count and the
//! interviews coming up.
//!
//! Groups: **Overdue** (past its window), **Today** (due today, or its window is open
//! now), **Next 7 days**, **Later**. A thank-you note, LinkedIn invitation or
//! handwritten card more than [`MISSED_AFTER_BUSINESS_DAYS`] business days past its
//! window leaves the list: sending it now reads as an afterthought, and the better move
//! is to fold the thanks into the next message to that employer.

use crate::core::dates;
use crate::core::sort;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};

use crate::core::data::model::{ActionKind, Process, ProcessId, RoundId, RoundKind};
use crate::core::planning::action::{Action, ActionState};
use crate::core::planning::calendar::BusinessCalendar;

/// A courtesy note this many business days past its window is folded into "Missed".
pub const MISSED_AFTER_BUSINESS_DAYS: u32 = 2;

/// "Next 7 days" reaches this many calendar days past today.
pub const NEXT_DAYS: i64 = 7;

/// Where an action sits on Today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Overdue,
    Today,
    Next7Days,
    Later,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Overdue, Group::Today, Group::Next7Days, Group::Later];

    pub fn title(self) -> &'static str {
        match self {
            Group::Overdue => "Overdue",
            Group::Today => "Today",
            Group::Next7Days => "Next 7 days",
            Group::Later => "Later",
        }
    }

    /// Used in ids and `data-group` attributes.
    pub fn slug(self) -> &'static str {
        match self {
            Group::Overdue => "overdue",
            Group::Today => "today",
            Group::Next7Days => "next-7-days",
            Group::Later => "later",
        }
    }
}

/// One row of Today: the action, its group and a short honest due label.
#[derive(Clone, Debug, PartialEq)]
pub struct TodayRow {
    pub action: Action,
    pub group: Group,
    /// "due 14:00", "2 days overdue", "Tomorrow 09:00", "Mon 24 Mar".
    pub due_label: String,
}

/// An interview still to come, for the top of Today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpcomingInterview {
    pub process: ProcessId,
    pub round: RoundId,
    pub start: DateTime<FixedOffset>,
    /// "Tomorrow 14:00, panel at Contoso with 3 people".
    pub label: String,
}

/// Everything Today shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TodayPlan {
    /// Rows in group order, then the planner's order (due moment) inside a group.
    pub rows: Vec<TodayRow>,
    /// Courtesy notes whose moment has passed (see the module note).
    pub missed: Vec<Action>,
    pub upcoming: Vec<UpcomingInterview>,
}

impl TodayPlan {
    pub fn group(&self, group: Group) -> impl Iterator<Item = &TodayRow> {
        self.rows.iter().filter(move |row| row.group == group)
    }

    /// What needs doing now: Overdue plus Today (the app badge shows this).
    pub fn due_now_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| matches!(row.group, Group::Overdue | Group::Today))
            .count()
    }

    /// "Missed: 3 thank-you notes and 1 extra", or `None` when nothing was missed.
    pub fn missed_summary(&self) -> Option<String> {
        if self.missed.is_empty() {
            return None;
        }
        let notes = self
            .missed
            .iter()
            .filter(|action| action.kind == ActionKind::ThankYou)
            .count();
        let extras = self.missed.len() - notes;
        let plural = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        let parts: Vec<String> = [
            (notes > 0).then(|| plural(notes, "thank-you note", "thank-you notes")),
            (extras > 0).then(|| plural(extras, "optional extra", "optional extras")),
        ]
        .into_iter()
        .flatten()
        .collect();
        Some(format!("Missed: {}", parts.join(" and ")))
    }

    /// What to do instead of a missed note.
    pub fn missed_advice(&self) -> &'static str {
        "Sending these now would read as an afterthought. Thank them in a sentence of \
         your next message to that company instead, or dismiss them."
    }
}

/// Whether `kind` is a courtesy that loses its point once well past its window.
pub fn folds_when_missed(kind: ActionKind) -> bool {
    matches!(
        kind,
        ActionKind::ThankYou | ActionKind::LinkedinConnect | ActionKind::HandwrittenNote
    )
}

/// Builds Today from the plan (in the planner's order) at `now`.
pub fn today_plan<Tz: TimeZone>(
    actions: &[Action],
    processes: &[Process],
    calendar: &BusinessCalendar,
    now: &DateTime<Tz>,
) -> TodayPlan {
    let zone = now.timezone();
    let now_fixed = now.fixed_offset();
    let today = now.naive_local().date();
    let day_of = |moment: &DateTime<FixedOffset>| moment.with_timezone(&zone).naive_local().date();
    let mut plan = TodayPlan::default();
    let mut grouped: Vec<TodayRow> = Vec::with_capacity(actions.len());
    for action in actions {
        let latest_day = day_of(&action.latest);
        if action.state == ActionState::Late
            && folds_when_missed(action.kind)
            && today > calendar.add_business_days(latest_day, MISSED_AFTER_BUSINESS_DAYS)
        {
            plan.missed.push(*action);
            continue;
        }
        let due_day = day_of(&action.due);
        let group = match action.state {
            ActionState::Late => Group::Overdue,
            ActionState::DueToday | ActionState::Open => Group::Today,
            ActionState::Upcoming if due_day <= today => Group::Today,
            ActionState::Upcoming if due_day <= today + Duration::days(NEXT_DAYS) => {
                Group::Next7Days
            }
            ActionState::Upcoming => Group::Later,
        };
        let due_label = due_label(action, group, &now_fixed, today, &day_of);
        grouped.push(TodayRow {
            action: *action,
            group,
            due_label,
        });
    }
    // A stable sort keeps the planner's order inside each group.
    sort::sort_by_key(&mut grouped, |row| row.group);
    plan.rows = grouped;
    plan.upcoming = upcoming_interviews(processes, now);
    plan
}

fn clock(moment: &DateTime<FixedOffset>, offset: &FixedOffset) -> String {
    dates::clock(moment.with_timezone(offset).time())
}

/// "Today", "Tomorrow", "Tue" (within six days) or "Tue 17 Mar".
fn day_name(day: NaiveDate, today: NaiveDate) -> String {
    let ahead = (day - today).num_days();
    match ahead {
        0 => "Today".to_string(),
        1 => "Tomorrow".to_string(),
        2..=6 => dates::weekday_short(day),
        _ => dates::day_month(day),
    }
}

fn due_label(
    action: &Action,
    group: Group,
    now: &DateTime<FixedOffset>,
    today: NaiveDate,
    day_of: &dyn Fn(&DateTime<FixedOffset>) -> NaiveDate,
) -> String {
    let offset = now.offset();
    match group {
        Group::Overdue => match (today - day_of(&action.latest)).num_days() {
            0 => format!("overdue since {}", clock(&action.latest, offset)),
            1 => "1 day overdue".to_string(),
            days => format!("{days} days overdue"),
        },
        Group::Today if action.earliest > *now => {
            format!("from {}", clock(&action.earliest, offset))
        }
        Group::Today if action.due <= *now => "due now".to_string(),
        Group::Today if day_of(&action.due) == today => {
            format!("due {}", clock(&action.due, offset))
        }
        Group::Today => format!("open, due {}", dates::day_month(day_of(&action.due))),
        Group::Next7Days | Group::Later => format!(
            "{} {}",
            day_name(day_of(&action.due), today),
            clock(&action.due, offset)
        ),
    }
}

fn round_phrase(kind: RoundKind) -> &'static str {
    match kind {
        RoundKind::PhoneScreen => "phone screen",
        RoundKind::Technical => "technical interview",
        RoundKind::Hr => "HR interview",
        RoundKind::Panel => "panel",
        RoundKind::Final => "final interview",
        RoundKind::Other => "interview",
    }
}

/// Rounds that start after `now` in open processes, soonest first.
pub fn upcoming_interviews<Tz: TimeZone>(
    processes: &[Process],
    now: &DateTime<Tz>,
) -> Vec<UpcomingInterview> {
    let zone = now.timezone();
    let today = now.naive_local().date();
    let now_fixed = now.fixed_offset();
    let mut list: Vec<UpcomingInterview> = processes
        .iter()
        .filter(|process| !process.status.is_closed())
        .flat_map(|process| {
            process
                .rounds
                .iter()
                .filter(|round| round.start > now_fixed)
                .map(move |round| (process, round))
        })
        .map(|(process, round)| {
            let local = round.start.with_timezone(&zone);
            let day = day_name(local.naive_local().date(), today);
            let people = match round.interviewers.as_slice() {
                [] => String::new(),
                [one] if !one.name.trim().is_empty() => format!(" with {}", one.name.trim()),
                [_] => " with 1 person".to_string(),
                many => format!(" with {} people", many.len()),
            };
            UpcomingInterview {
                process: process.id,
                round: round.id,
                start: round.start,
                label: format!(
                    "{day} {}, {} at {}{people}",
                    dates::clock(local.time()),
                    round_phrase(round.kind),
                    process.company.trim()
                ),
            }
        })
        .collect();
    sort::sort_by_key(&mut list, |item| (item.start, item.process, item.round));
    list
}
