//! The planner: (processes, settings, now) -> follow-up actions, one rule at a time.
//!
//! [`plan`] is pure and deterministic. Rules are those of `docs/rules.md`
//! (T1..T15); each action records which rules shaped it and a compact [`Reason`].
//!
//! Choices the spec leaves open:
//! - A process with no rounds gets no thank-you and no status inquiry (there is no
//!   interview to ask about yet); employer-driven actions (documents, updates,
//!   offers, competing offers, rejections) are still planned.
//! - The event log is read by comparing timestamps (ties broken by event id), never by
//!   position, so an out-of-order log plans the same as a sorted one without copying.
//! - T9 spacing is measured from messages already logged as sent and, within one
//!   plan, between unsolicited actions planned for the same person (the later one is
//!   pushed to the fifth business day after the earlier). A competing-offer note is
//!   never pushed (T11: it cannot wait) but does push others; thank-you notes and
//!   replies are exempt.
//! - Optional extras (LinkedIn invitation, handwritten card) that were never done
//!   drop out of the plan [`EXTRA_GRACE_DAYS`] (14) days after their window closed.
//! - A thank-you note past its 24-hour window stays in the plan as late (T1) until
//!   the process moves past its round: a later round has started, or the employer
//!   replied, named a decision date or made an offer after the round ended. Then
//!   it is dropped: thanking someone for an interview that has since been answered
//!   reads oddly.
//! - Logging a `move-on` message, a `MovedOn`, `Withdrawn` or `Rejection` event, or
//!   a closed status closes the process.

use std::cell::{Cell, RefCell};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, TimeZone};

use crate::core::sort;

use crate::core::data::model::{
    ActionKey, ActionKind, Channel, EventKind, IndustryPace, PersonId, Process, ProcessStatus,
    Round,
};
use crate::core::data::settings::Settings;
use crate::core::planning::action::{Action, ActionState, Recipient, RecipientBasis, Rule, Rules};
use crate::core::planning::calendar::{add_days, resolve_local, BusinessCalendar};
use crate::core::planning::explain::{CountedFrom, Reason};
use crate::core::planning::timing::Timing;

mod log_index;
mod order;
pub mod recipient;

use log_index::{LogIndex, Person};

/// The waits the rules use (see [`Timing`]).
const TIMING: Timing = Timing::DEFAULT;

/// At most this many follow-ups (status, second, competing-offer notes) per process (T8).
pub const MAX_INQUIRIES: u8 = TIMING.max_inquiries;

/// Optional extras (LinkedIn invitation, handwritten card) never done leave the plan
/// this many days after their window closed: past that they read as an afterthought.
pub const EXTRA_GRACE_DAYS: i64 = TIMING.extra_grace_days;

/// The rules' waits as durations, worked out once when compiling rather than on every use.
const EXTRA_GRACE: TimeDelta = TimeDelta::days(EXTRA_GRACE_DAYS);
const THANK_YOU_DUE_AFTER: TimeDelta = TimeDelta::hours(TIMING.thank_you_due_hours);
const THANK_YOU_UNTIL_AFTER: TimeDelta = TimeDelta::hours(TIMING.thank_you_until_hours);
const NOTES_FROM_AFTER: TimeDelta = TimeDelta::hours(TIMING.thank_you_from_hours);
const MOVE_ON_AFTER: TimeDelta = TimeDelta::days(TIMING.move_on_after_days);
const MOVE_ON_WINDOW: TimeDelta = TimeDelta::days(TIMING.move_on_window_days);

/// Plans every process in `now`'s zone. Sorted by due moment, then process.
pub fn plan<Tz: TimeZone>(
    processes: &[Process],
    settings: &Settings,
    now: &DateTime<Tz>,
) -> Vec<Action> {
    plan_with_calendar(processes, &BusinessCalendar::from_settings(settings), now)
}

/// [`plan`] with a calendar built once by the caller (the app keeps one per settings change).
pub fn plan_with_calendar<Tz: TimeZone>(
    processes: &[Process],
    calendar: &BusinessCalendar,
    now: &DateTime<Tz>,
) -> Vec<Action> {
    let zone = now.timezone();
    let mut planner = Planner {
        calendar,
        now: now.clone(),
        today: now.naive_local().date(),
        extras_cutoff: now.clone().checked_sub_signed(EXTRA_GRACE),
        zone,
        actions: Vec::with_capacity(processes.len() * 5),
        log: LogIndex::default(),
        employer: None,
        day_memo: vec![Cell::new(None); DAY_MEMO_SLOTS],
        edge_memo: RefCell::new(vec![None; EDGE_MEMO_SLOTS]),
    };
    // One index, rebuilt for each process in turn (indexing a batch of logs first measured
    // no faster in the browser).
    for process in processes {
        planner.log.rebuild(process);
        planner.plan_process(process);
    }
    order::sorted(planner.actions)
}

struct Planner<'c, Tz: TimeZone> {
    calendar: &'c BusinessCalendar,
    now: DateTime<Tz>,
    today: NaiveDate,
    /// `now` less [`EXTRA_GRACE_DAYS`]: an extra whose window ended before it has expired
    /// (`None` when that is before chrono's first day: nothing has).
    extras_cutoff: Option<DateTime<Tz>>,
    zone: Tz,
    actions: Vec<Action>,
    /// The current process's log, indexed once (buffers reused across processes).
    log: LogIndex,
    /// The current process's employer recipient, once worked out (see `employer_recipient`).
    employer: Option<Option<Recipient>>,
    /// Answers of [`BusinessCalendar::add_business_days`] (from, count, result): a plan asks
    /// about the same few weeks again and again.
    day_memo: Vec<Cell<Option<(NaiveDate, u32, NaiveDate)>>>,
    /// Openings and closings of work days (day, closing or not, moment).
    edge_memo: RefCell<Vec<EdgeMemoSlot<Tz>>>,
}

/// One slot of [`Planner::edge_memo`]: the day, whether it is the closing, the moment.
type EdgeMemoSlot<Tz> = Option<(NaiveDate, bool, DateTime<Tz>)>;

/// Slots of [`Planner::day_memo`], picked by day of the year and count: room for every
/// (day, count) pair of about four months, so a plan of any size walks each pair once.
const DAY_MEMO_SLOTS: usize = 1024;

/// Slots of [`Planner::edge_memo`]: an opening and a closing for every day of the year.
const EDGE_MEMO_SLOTS: usize = 2 * 366;

/// One proposed action before the common finishing steps (dismiss, snooze, T13, state).
struct Proposal<Tz: TimeZone> {
    key: ActionKey,
    channel: Channel,
    earliest: DateTime<Tz>,
    due: DateTime<Tz>,
    latest: DateTime<Tz>,
    rules: Rules,
    reason: Reason,
    /// T13: the due moment must fall inside working hours on a business day.
    business_hours: bool,
    /// When it leaves the plan once its window has ended (`None`: it stays, late).
    expires_after: Option<Expiry>,
    recipient: Option<Recipient>,
}

/// A round's end in the user's zone, and the first moment a note may follow it.
#[derive(Clone)]
struct AfterRound<Tz: TimeZone> {
    end: DateTime<Tz>,
    end_day: NaiveDate,
    notes_from: DateTime<Tz>,
}

/// When a proposal past its window leaves the plan.
#[derive(Clone, Copy)]
enum Expiry {
    /// As soon as `now` is past the end of its window.
    WhenLate,
    /// [`EXTRA_GRACE_DAYS`] after the end of its window.
    AfterExtraGrace,
}

/// The reason with `previous_day` named as the message it was spaced from (T9),
/// for the reasons that say so; others are unchanged.
fn spaced_after(reason: Reason, previous_day: NaiveDate) -> Reason {
    let spaced_after = Some(previous_day);
    match reason {
        Reason::LinkedinAfterThankYou {
            thank_you_sent,
            thanked_by,
            drops_after,
            ..
        } => Reason::LinkedinAfterThankYou {
            thank_you_sent,
            thanked_by,
            spaced_after,
            drops_after,
        },
        Reason::NoTimeline {
            interview_on,
            counted_from,
            not_before,
            ..
        } => Reason::NoTimeline {
            interview_on,
            counted_from,
            not_before,
            spaced_after,
        },
        Reason::AfterDecisionDate {
            decision_on,
            not_before,
            ..
        } => Reason::AfterDecisionDate {
            decision_on,
            not_before,
            spaced_after,
        },
        other => other,
    }
}

impl<Tz: TimeZone> Planner<'_, Tz> {
    fn local(&self, moment: &DateTime<FixedOffset>) -> DateTime<Tz> {
        moment.with_timezone(&self.zone)
    }

    fn day_of(&self, moment: &DateTime<FixedOffset>) -> NaiveDate {
        self.local(moment).naive_local().date()
    }

    /// T5: a window never opens before the business day after a named decision date.
    fn after_decision_floor(
        &self,
        earliest: DateTime<Tz>,
        decision_floor: Option<(NaiveDate, NaiveDate)>,
        rules: &mut Rules,
    ) -> DateTime<Tz> {
        match decision_floor {
            Some((_, floor_day)) if self.opening(floor_day) > earliest => {
                *rules = rules.with(Rule::T5);
                self.opening(floor_day)
            }
            _ => earliest,
        }
    }

    /// [`BusinessCalendar::add_business_days`], remembered for the rest of the plan.
    fn add_business_days(&self, date: NaiveDate, count: u32) -> NaiveDate {
        let slot = (date.ordinal() as usize * 8 + count as usize % 8) % DAY_MEMO_SLOTS;
        let slot = &self.day_memo[slot];
        if let Some((from, asked, found)) = slot.get() {
            if from == date && asked == count {
                return found;
            }
        }
        let found = self.calendar.add_business_days(date, count);
        slot.set(Some((date, count, found)));
        found
    }

    fn opening(&self, date: NaiveDate) -> DateTime<Tz> {
        self.work_hours_edge(date, false)
    }

    fn closing(&self, date: NaiveDate) -> DateTime<Tz> {
        self.work_hours_edge(date, true)
    }

    /// When work starts (or, with `closing`, ends) on `date`, remembered for the rest of
    /// the plan: reading a wall time in the zone is the costly part.
    fn work_hours_edge(&self, date: NaiveDate, closing: bool) -> DateTime<Tz> {
        let slot = (2 * date.ordinal0() as usize + usize::from(closing)) % EDGE_MEMO_SLOTS;
        let mut memo = self.edge_memo.borrow_mut();
        if let Some((day, is_closing, moment)) = &memo[slot] {
            if *day == date && *is_closing == closing {
                return moment.clone();
            }
        }
        let moment = if closing {
            self.calendar.closing_of(date, &self.zone)
        } else {
            self.calendar.opening_of(date, &self.zone)
        };
        memo[slot] = Some((date, closing, moment.clone()));
        moment
    }

    /// The close of business `business_days` after `day`, or of the last business day
    /// on or before `deadline` when that comes sooner.
    fn answer_by(
        &self,
        day: NaiveDate,
        business_days: u32,
        deadline: Option<NaiveDate>,
    ) -> DateTime<Tz> {
        let latest = self.closing(self.add_business_days(day, business_days));
        match deadline {
            Some(deadline) => {
                latest.min(self.closing(self.calendar.business_day_on_or_before(deadline)))
            }
            None => latest,
        }
    }

    /// Work-start wall time on any day (business day or not).
    fn morning(&self, date: NaiveDate) -> DateTime<Tz> {
        resolve_local(&self.zone, date.and_time(self.calendar.work_start()), false)
    }

    /// Work-end wall time on any day (business day or not).
    fn evening(&self, date: NaiveDate) -> DateTime<Tz> {
        resolve_local(&self.zone, date.and_time(self.calendar.work_end()), true)
    }

    /// Where an action with this window stands; `due_day` is the local day of `due`.
    fn state(
        &self,
        earliest: &DateTime<Tz>,
        due: &DateTime<Tz>,
        due_day: NaiveDate,
        latest: &DateTime<Tz>,
    ) -> ActionState {
        if self.now < *earliest {
            ActionState::Upcoming
        } else if self.now > *latest {
            ActionState::Late
        } else if due_day == self.today || *due <= self.now {
            ActionState::DueToday
        } else {
            ActionState::Open
        }
    }

    fn plus(moment: &DateTime<Tz>, delta: TimeDelta) -> DateTime<Tz> {
        moment
            .clone()
            .checked_add_signed(delta)
            .unwrap_or_else(|| moment.clone())
    }

    fn plan_process(&mut self, process: &Process) {
        self.employer = None;
        let first = self.actions.len();
        self.plan_rules(process);
        self.space_planned(first);
    }

    /// T9 between planned actions: two unsolicited messages planned for the same person
    /// are kept five business days apart by pushing the later one. A competing-offer
    /// note never moves (T11: it cannot wait) but still pushes the others.
    fn space_planned(&mut self, first: usize) {
        let spaced = |action: &Action| action.kind.is_unsolicited() && action.recipient.is_some();
        let person = |action: &Action| action.recipient.map(|recipient| recipient.person);
        // Only messages to the same person can clash: a message whose person gets no other
        // unsolicited message neither moves nor moves another, so it is left out.
        let planned = &self.actions[first..];
        let shares_a_person = |at: usize| {
            let action = &planned[at];
            spaced(action)
                && planned.iter().enumerate().any(|(other_at, other)| {
                    other_at != at && spaced(other) && person(other) == person(action)
                })
        };
        let mut order: Vec<usize> = (0..planned.len())
            .filter(|&at| shares_a_person(at))
            .map(|at| first + at)
            .collect();
        if order.is_empty() {
            return;
        }
        sort::sort_by_key(&mut order, |&index| {
            let action = &self.actions[index];
            (
                action.kind != ActionKind::CompetingOffer,
                action.due,
                action.kind,
            )
        });
        let mut placed: Vec<usize> = Vec::with_capacity(order.len());
        for index in order {
            if self.actions[index].kind != ActionKind::CompetingOffer {
                // Each step moves past the latest clashing message, so this ends
                // after at most one step per placed message.
                for _ in 0..=placed.len() {
                    let action = &self.actions[index];
                    let due = self.local(&action.due);
                    let clash = placed
                        .iter()
                        .map(|&other| &self.actions[other])
                        .filter(|other| {
                            other.recipient.map(|r| r.person) == action.recipient.map(|r| r.person)
                        })
                        .filter(|other| {
                            let other_due = self.local(&other.due);
                            if other_due <= due {
                                due < self.spaced_from(other_due.naive_local().date())
                            } else {
                                other_due < self.spaced_from(due.naive_local().date())
                            }
                        })
                        .map(|other| other.due)
                        .max();
                    let Some(clash) = clash else {
                        break;
                    };
                    let previous_day = self.day_of(&clash);
                    let floor = self.spaced_from(previous_day);
                    self.push_to(index, floor, previous_day);
                }
            }
            placed.push(index);
        }
    }

    /// Moves planned action `index` to `floor` for T9, keeping its window consistent.
    fn push_to(&mut self, index: usize, floor: DateTime<Tz>, previous_day: NaiveDate) {
        let action = &self.actions[index];
        let earliest = self.local(&action.earliest).max(floor.clone());
        let due = self.local(&action.due).max(floor);
        let latest = self.local(&action.latest).max(due.clone());
        let state = self.state(&earliest, &due, due.naive_local().date(), &latest);
        let reason = spaced_after(action.reason, previous_day);
        let reason = self.with_lateness(reason, state, &latest);
        let action = &mut self.actions[index];
        action.earliest = earliest.fixed_offset();
        action.due = due.fixed_offset();
        action.latest = latest.fixed_offset();
        action.state = state;
        action.rules = action.rules.with(Rule::T9);
        action.reason = reason;
    }

    /// Records in the reason that the window has closed, and what that means for it.
    fn with_lateness(&self, reason: Reason, state: ActionState, latest: &DateTime<Tz>) -> Reason {
        let late = state == ActionState::Late;
        let drops_after = || late.then(|| Self::plus(latest, EXTRA_GRACE).naive_local().date());
        match reason {
            Reason::ThankYouWindow {
                ended_on, ended_at, ..
            } => Reason::ThankYouWindow {
                ended_on,
                ended_at,
                late,
            },
            Reason::LinkedinAfterThankYou {
                thank_you_sent,
                thanked_by,
                spaced_after,
                ..
            } => Reason::LinkedinAfterThankYou {
                thank_you_sent,
                thanked_by,
                spaced_after,
                drops_after: drops_after(),
            },
            Reason::HandwrittenExtra { interview_on, .. } => Reason::HandwrittenExtra {
                interview_on,
                drops_after: drops_after(),
            },
            other => other,
        }
    }

    fn plan_rules(&mut self, process: &Process) {
        if let Some(rejection) = self.log.rejection {
            self.rejection_reply(process, rejection.at);
        }
        if process.status.is_closed() || self.log.closed {
            return;
        }

        self.thank_yous(process);
        self.documents_and_updates(process);

        let offer = self.log.offer;
        if let Some(offer) = offer {
            self.offer_reply(process, offer.at, offer.date);
        }
        if process.status == ProcessStatus::Offer || offer.is_some() {
            return;
        }
        self.inquiries(process);
    }

    fn finish(&mut self, process: &Process, proposal: Proposal<Tz>) {
        let Proposal {
            key,
            channel,
            earliest,
            mut due,
            mut latest,
            rules,
            reason,
            business_hours,
            expires_after,
            recipient,
        } = proposal;
        if self.log.dismissed(key) {
            return;
        }
        if due < earliest {
            due = earliest.clone();
        }
        if let Some(until) = self.log.snoozed_until(key) {
            let until = self.local(&until);
            due = until.clamp(earliest.clone(), latest.clone().max(earliest.clone()));
        }
        if business_hours {
            // The calendar's next business moment, with the opening read from the memo.
            let next_opening = self
                .calendar
                .next_opening_day_by(&due, |date| self.add_business_days(date, 1));
            if let Some(day) = next_opening {
                due = self.opening(day);
            }
        }
        if latest < due {
            latest = due.clone();
        }
        let cutoff = match expires_after {
            None => None,
            Some(Expiry::WhenLate) => Some(&self.now),
            Some(Expiry::AfterExtraGrace) => self.extras_cutoff.as_ref(),
        };
        if cutoff.is_some_and(|cutoff| latest < *cutoff) {
            return;
        }
        let due_day = due.naive_local().date();
        let state = self.state(&earliest, &due, due_day, &latest);
        let reason = self
            .with_lateness(reason, state, &latest)
            .with_due_on(due_day);
        self.actions.push(Action {
            process: process.id,
            round: key.round,
            interviewer: key.interviewer,
            kind: key.kind,
            channel,
            earliest: earliest.fixed_offset(),
            due: due.fixed_offset(),
            latest: latest.fixed_offset(),
            state,
            rules,
            reason,
            recipient,
        });
    }

    /// T12: answer a rejection within two business days, then nothing more.
    fn rejection_reply(&mut self, process: &Process, rejected_at: DateTime<FixedOffset>) {
        if self
            .log
            .sent_since(ActionKind::RejectionReply, Some(rejected_at), None, None)
            .is_some()
        {
            return;
        }
        let received = self.local(&rejected_at);
        let day = self.day_of(&rejected_at);
        let proposal = Proposal {
            key: ActionKey {
                kind: ActionKind::RejectionReply,
                round: None,
                interviewer: None,
            },
            channel: Channel::Email,
            due: received.clone(),
            latest: self.closing(self.add_business_days(day, TIMING.rejection_reply_business_days)),
            earliest: received,
            rules: Rules::empty().with(Rule::T12).with(Rule::T13),
            reason: Reason::RejectionReply { rejected_on: day },
            business_hours: true,
            recipient: self.employer_recipient(process),
            expires_after: None,
        };
        self.finish(process, proposal);
    }

    /// T1/T14 thank-you notes per interviewer per round, plus the LinkedIn and paper extras.
    fn thank_yous(&mut self, process: &Process) {
        let first_start = process.rounds.iter().map(|round| round.start).min();
        for (position, round) in process.rounds.iter().enumerate() {
            // An interview that has not begun is upcoming: nothing thanks a meeting that has
            // not happened yet (Today lists it under "Coming up" instead).
            // Instants compare across zones: no conversion needed.
            if round.start > self.now {
                continue;
            }
            let later_round = first_start.is_some_and(|first| round.start > first);
            let mut rules = Rules::empty().with(Rule::T1);
            if later_round {
                rules = rules.with(Rule::T14);
            }
            // Most rounds are thanked already: their times are read only when a note needs them.
            let mut after_round: Option<AfterRound<Tz>> = None;
            for slot in self.log.people_slots(position) {
                let Some(person) = self.log.person(slot) else {
                    break;
                };
                let thanked = self
                    .log
                    .first_sent_since(ActionKind::ThankYou, None, Some(person.id), Some(round.id))
                    .map(|sent| (sent.at, sent.channel));
                match thanked {
                    None => {
                        let after = after_round
                            .get_or_insert_with(|| self.after_round(round))
                            .clone();
                        // A late note stays worth sending until the process has moved past
                        // this round.
                        let expiry = self.overtaken(process, round).then_some(Expiry::WhenLate);
                        let end = &after.end;
                        let proposal = Proposal {
                            key: ActionKey {
                                kind: ActionKind::ThankYou,
                                round: Some(round.id),
                                interviewer: Some(person.id),
                            },
                            channel: Channel::Email,
                            due: Self::plus(end, THANK_YOU_DUE_AFTER),
                            latest: Self::plus(end, THANK_YOU_UNTIL_AFTER),
                            earliest: after.notes_from,
                            rules,
                            reason: Reason::ThankYouWindow {
                                ended_on: after.end_day,
                                ended_at: end.naive_local().time(),
                                late: false,
                            },
                            business_hours: false,
                            recipient: Some(recipient::interviewer(person.id)),
                            expires_after: expiry,
                        };
                        self.finish(process, proposal);
                    }
                    Some((at, channel)) => self.linkedin_connect(process, person, at, channel),
                }
                if process.pace == IndustryPace::Traditional {
                    let after = after_round
                        .get_or_insert_with(|| self.after_round(round))
                        .clone();
                    self.handwritten_note(process, round, person, after, rules);
                }
            }
        }
    }

    /// When `round` ended in the user's zone, and when a note may first follow it.
    fn after_round(&self, round: &Round) -> AfterRound<Tz> {
        let end = self.local(&round.end.max(round.start));
        AfterRound {
            end_day: end.naive_local().date(),
            notes_from: Self::plus(&end, NOTES_FROM_AFTER),
            end,
        }
    }

    /// The process has moved past `round`: a later round has started, or the employer
    /// answered after it ended.
    fn overtaken(&self, process: &Process, round: &Round) -> bool {
        let round_end = round.end.max(round.start);
        process
            .rounds
            .iter()
            .any(|other| other.start > round.start && other.start <= self.now)
            || self
                .log
                .last_employer_answer()
                .is_some_and(|answer| answer >= round_end)
    }

    fn linkedin_connect(
        &mut self,
        process: &Process,
        person: Person,
        thank_you_sent: DateTime<FixedOffset>,
        thanked_by: Channel,
    ) {
        if !person.on_linkedin {
            return;
        }
        // One invitation per person even if they sat on several rounds: only the
        // first round they appear in plans it.
        if !person.in_first_round {
            return;
        }
        if self
            .log
            .sent_since(ActionKind::LinkedinConnect, None, Some(person.id), None)
            .is_some()
        {
            return;
        }
        let mut earliest = self.local(&thank_you_sent);
        let sent_day = earliest.naive_local().date();
        let mut rules = Rules::empty().with(Rule::T13);
        let mut spaced_after = None;
        if let Some((floor, previous_day)) = self.spacing_floor(Some(person.id.into()), false) {
            if floor > earliest {
                earliest = floor;
                rules = rules.with(Rule::T9);
                spaced_after = Some(previous_day);
            }
        }
        let latest_day =
            self.add_business_days(earliest.naive_local().date(), TIMING.linkedin_business_days);
        let proposal = Proposal {
            key: ActionKey {
                kind: ActionKind::LinkedinConnect,
                round: None,
                interviewer: Some(person.id),
            },
            channel: Channel::Linkedin,
            due: earliest.clone(),
            latest: self.closing(latest_day),
            earliest,
            rules,
            reason: Reason::LinkedinAfterThankYou {
                thank_you_sent: sent_day,
                thanked_by,
                spaced_after,
                drops_after: None,
            },
            business_hours: true,
            recipient: Some(recipient::interviewer(person.id)),
            expires_after: Some(Expiry::AfterExtraGrace),
        };
        self.finish(process, proposal);
    }

    fn handwritten_note(
        &mut self,
        process: &Process,
        round: &Round,
        person: Person,
        after: AfterRound<Tz>,
        rules: Rules,
    ) {
        if self
            .log
            .sent_since(
                ActionKind::HandwrittenNote,
                None,
                Some(person.id),
                Some(round.id),
            )
            .is_some()
        {
            return;
        }
        let AfterRound {
            end_day,
            notes_from: earliest,
            ..
        } = after;
        let proposal = Proposal {
            key: ActionKey {
                kind: ActionKind::HandwrittenNote,
                round: Some(round.id),
                interviewer: Some(person.id),
            },
            channel: Channel::Handwritten,
            due: earliest.clone(),
            latest: self.closing(self.add_business_days(end_day, TIMING.card_business_days)),
            earliest,
            rules: rules.with(Rule::T13),
            reason: Reason::HandwrittenExtra {
                interview_on: end_day,
                drops_after: None,
            },
            business_hours: true,
            recipient: Some(recipient::interviewer(person.id)),
            expires_after: Some(Expiry::AfterExtraGrace),
        };
        self.finish(process, proposal);
    }

    /// T10 documents and T15 updates, one action per request still unanswered
    /// (the newest request wins when several share a round and person).
    fn documents_and_updates(&mut self, process: &Process) {
        if !self.log.has_requests {
            return;
        }
        let events = process.events.as_slice();
        for event in events {
            let (kind, by, deadline) = match &event.kind {
                EventKind::DocumentsRequested { deadline, by, .. } => {
                    (ActionKind::SendDocuments, *by, *deadline)
                }
                EventKind::UpdateRequested { by } => (ActionKind::SendUpdate, *by, None),
                _ => continue,
            };
            let superseded = events.iter().any(|other| {
                let other_by = match &other.kind {
                    EventKind::DocumentsRequested { by, .. }
                        if kind == ActionKind::SendDocuments =>
                    {
                        *by
                    }
                    EventKind::UpdateRequested { by } if kind == ActionKind::SendUpdate => *by,
                    _ => return false,
                };
                other_by == by
                    && other.round == event.round
                    && (other.at, other.id) > (event.at, event.id)
            });
            if superseded
                || self
                    .log
                    .sent_since(kind, Some(event.at), by, event.round)
                    .is_some()
            {
                continue;
            }
            let requested = self.local(&event.at);
            let requested_day = requested.naive_local().date();
            let wait = if kind == ActionKind::SendUpdate {
                TIMING.update_business_days
            } else {
                TIMING.documents_business_days
            };
            let next_day = self.add_business_days(requested_day, wait);
            let recipient = match by {
                Some(id) if process.person(id.into()).is_some() => Some(Recipient {
                    person: id.into(),
                    basis: RecipientBasis::Asked { on: requested_day },
                }),
                _ => self.employer_recipient(process),
            };
            let (due, latest, rules, reason) = if kind == ActionKind::SendUpdate {
                (
                    self.opening(next_day),
                    self.closing(next_day),
                    Rules::empty().with(Rule::T15).with(Rule::T13),
                    Reason::UpdateRequested {
                        requested_on: requested_day,
                    },
                )
            } else if let Some(deadline) = deadline {
                let last_day = self.calendar.business_day_on_or_before(deadline);
                let end = self.closing(last_day);
                (
                    end.clone(),
                    end,
                    Rules::empty().with(Rule::T10).with(Rule::T13),
                    Reason::DocumentsDeadline { deadline },
                )
            } else {
                let end = self.closing(next_day);
                (
                    end.clone(),
                    end,
                    Rules::empty().with(Rule::T10).with(Rule::T13),
                    Reason::DocumentsSoon {
                        requested_on: requested_day,
                    },
                )
            };
            let proposal = Proposal {
                key: ActionKey {
                    kind,
                    round: event.round,
                    interviewer: by,
                },
                channel: Channel::Email,
                earliest: requested,
                due,
                latest,
                rules,
                reason,
                business_hours: true,
                recipient,
                expires_after: None,
            };
            self.finish(process, proposal);
        }
    }

    /// An offer from this employer: a written answer within one business day, never
    /// after their deadline (T10: an answer they asked for).
    fn offer_reply(
        &mut self,
        process: &Process,
        offered_at: DateTime<FixedOffset>,
        deadline: Option<NaiveDate>,
    ) {
        if self
            .log
            .sent_since(ActionKind::OfferReply, Some(offered_at), None, None)
            .is_some()
        {
            return;
        }
        let received = self.local(&offered_at);
        let day = received.naive_local().date();
        let latest = self.answer_by(day, TIMING.offer_reply_business_days, deadline);
        let proposal = Proposal {
            key: ActionKey {
                kind: ActionKind::OfferReply,
                round: None,
                interviewer: None,
            },
            channel: Channel::Email,
            due: latest.clone(),
            latest,
            earliest: received,
            rules: Rules::empty().with(Rule::T10),
            reason: Reason::OfferReply {
                offered_on: day,
                deadline,
                due_after_deadline: None,
            },
            business_hours: true,
            recipient: self.employer_recipient(process),
            expires_after: None,
        };
        self.finish(process, proposal);
    }

    /// T9: the first moment a new unsolicited message to `person` may go out.
    /// `inquiry` also counts logged inquiries that named no recipient (they went to the contact).
    /// Returns that moment and the day of the message it is spaced from.
    fn spacing_floor(
        &self,
        person: Option<PersonId>,
        inquiry: bool,
    ) -> Option<(DateTime<Tz>, NaiveDate)> {
        let previous = self.log.last_unsolicited_to(person, inquiry)?;
        let day = self.day_of(&previous);
        Some((self.spaced_from(day), day))
    }

    /// T9: the opening of the fifth business day after a message sent on `day`.
    fn spaced_from(&self, day: NaiveDate) -> DateTime<Tz> {
        self.opening(self.add_business_days(day, TIMING.spacing_business_days))
    }

    /// T2/T3/T5/T6/T7/T8/T11/T14: the status-inquiry chain of one process.
    fn inquiries(&mut self, process: &Process) {
        let inquiries_sent = self.log.inquiries_sent;
        let last_inquiry = self.log.last_inquiry;
        let last_reply = self.log.last_reply;
        let last_employer_message = self.log.last_employer_message;
        if inquiries_sent >= MAX_INQUIRIES {
            self.move_on(process, inquiries_sent, last_inquiry, last_reply);
            return;
        }
        let latest_round = self.log.latest_round(process);
        let recipient = self.employer_recipient(process);
        let recipient_id = recipient.map(|recipient| recipient.person);

        if let Some(competing) = self.log.competing_offer {
            if self
                .log
                .sent_since(ActionKind::CompetingOffer, Some(competing.at), None, None)
                .is_none()
            {
                self.competing_offer(
                    process,
                    competing.at,
                    competing.date,
                    latest_round,
                    recipient,
                );
                return;
            }
        }

        let Some(round) = latest_round else {
            return;
        };
        let round_end = round.end.max(round.start);
        let round_end_day = self.day_of(&round_end);
        let decision = self.log.decision.and_then(|event| event.date);
        // T5: nothing before the business day after a named decision date.
        let decision_floor = decision.map(|date| {
            (
                date,
                self.add_business_days(date, TIMING.after_decision_from_business_days),
            )
        });
        // Inquiries name no person in their key: who receives them can change with
        // the next employer message, and a snooze must survive that.
        let key = ActionKey {
            kind: ActionKind::StatusInquiry,
            round: Some(round.id),
            interviewer: None,
        };
        let spacing = self.spacing_floor(recipient_id, true);
        let mut rules = Rules::empty().with(Rule::T8).with(Rule::T13);
        if process.rounds.len() > 1 {
            rules = rules.with(Rule::T14);
        }

        let (kind, mut earliest, latest, reason_base) = if inquiries_sent == 0 {
            match decision_floor {
                Some((date, floor_day)) if date >= round_end_day => {
                    rules = rules.with(Rule::T5).with(Rule::T6);
                    let latest_day =
                        self.add_business_days(date, TIMING.after_decision_until_business_days);
                    (
                        ActionKind::StatusInquiry,
                        self.opening(floor_day),
                        self.closing(latest_day),
                        Reason::AfterDecisionDate {
                            decision_on: date,
                            not_before: floor_day,
                            spaced_after: None,
                        },
                    )
                }
                _ => {
                    rules = rules.with(Rule::T2).with(Rule::T3);
                    let basis = last_employer_message.map_or(round_end, |m| m.max(round_end));
                    let basis_day = self.day_of(&basis);
                    let five_business = self.opening(
                        self.add_business_days(round_end_day, TIMING.no_timeline_business_days),
                    );
                    let one_week = self.morning(add_days(basis_day, TIMING.inquiry_from_days));
                    let earliest = self.after_decision_floor(
                        five_business.max(one_week),
                        decision_floor,
                        &mut rules,
                    );
                    let not_before = earliest.naive_local().date();
                    (
                        ActionKind::StatusInquiry,
                        earliest,
                        self.evening(add_days(basis_day, TIMING.inquiry_until_days)),
                        Reason::NoTimeline {
                            interview_on: round_end_day,
                            counted_from: basis_day,
                            not_before,
                            spaced_after: None,
                        },
                    )
                }
            }
        } else {
            rules = rules.with(Rule::T7);
            let first = last_inquiry.unwrap_or(round_end);
            let mut basis = first;
            let mut since = CountedFrom::Inquiry;
            if let Some(reply) = last_reply.filter(|reply| *reply > basis) {
                basis = reply;
                since = CountedFrom::Reply;
                rules = rules.with(Rule::T3);
            }
            if round_end > basis {
                basis = round_end;
                since = CountedFrom::LaterRound;
                rules = rules.with(Rule::T14);
            }
            let basis_day = self.day_of(&basis);
            let earliest = self.after_decision_floor(
                self.morning(add_days(basis_day, TIMING.inquiry_from_days)),
                decision_floor,
                &mut rules,
            );
            let not_before = earliest.naive_local().date();
            (
                ActionKind::SecondInquiry,
                earliest,
                self.evening(add_days(basis_day, TIMING.inquiry_until_days)),
                Reason::SecondInquiry {
                    inquiry_on: self.day_of(&first),
                    inquiries: inquiries_sent,
                    since,
                    counted_from: basis_day,
                    not_before,
                },
            )
        };
        let mut reason = reason_base;
        if let Some((floor, previous_day)) = spacing {
            if floor > earliest {
                earliest = floor;
                rules = rules.with(Rule::T9);
                reason = spaced_after(reason, previous_day);
            }
        }
        let proposal = Proposal {
            key: ActionKey { kind, ..key },
            channel: Self::channel_for(process, recipient),
            due: earliest.clone(),
            latest,
            earliest,
            rules,
            reason,
            business_hours: true,
            recipient,
            expires_after: None,
        };
        self.finish(process, proposal);
    }

    /// T11: tell the employer about a competing offer at the next business moment.
    fn competing_offer(
        &mut self,
        process: &Process,
        received_at: DateTime<FixedOffset>,
        deadline: Option<NaiveDate>,
        latest_round: Option<&Round>,
        recipient: Option<Recipient>,
    ) {
        let received = self.local(&received_at);
        let day = received.naive_local().date();
        let latest = self.answer_by(day, TIMING.competing_offer_business_days, deadline);
        let proposal = Proposal {
            key: ActionKey {
                kind: ActionKind::CompetingOffer,
                round: latest_round.map(|round| round.id),
                interviewer: None,
            },
            channel: Channel::Email,
            due: received.clone(),
            latest,
            earliest: received,
            rules: Rules::empty()
                .with(Rule::T11)
                .with(Rule::T8)
                .with(Rule::T13),
            reason: Reason::CompetingOffer {
                received_on: day,
                deadline,
                due_after_deadline: None,
            },
            business_hours: true,
            recipient,
            expires_after: None,
        };
        self.finish(process, proposal);
    }

    /// T8: two follow-ups unanswered for two weeks: suggest closing the process.
    fn move_on(
        &mut self,
        process: &Process,
        inquiries_sent: u8,
        last_inquiry: Option<DateTime<FixedOffset>>,
        last_reply: Option<DateTime<FixedOffset>>,
    ) {
        let Some(last_inquiry) = last_inquiry else {
            return;
        };
        let answered = last_reply.is_some_and(|reply| reply > last_inquiry);
        let new_round = process
            .rounds
            .iter()
            .any(|round| round.end.max(round.start) > last_inquiry);
        if answered || new_round {
            return;
        }
        let mut earliest = Self::plus(&self.local(&last_inquiry), MOVE_ON_AFTER);
        let decision = self.log.decision.and_then(|event| event.date);
        let mut rules = Rules::empty().with(Rule::T8);
        if let Some(date) = decision {
            let floor = self
                .opening(self.add_business_days(date, TIMING.after_decision_from_business_days));
            if floor > earliest {
                earliest = floor;
                rules = rules.with(Rule::T5);
            }
        }
        let proposal = Proposal {
            key: ActionKey {
                kind: ActionKind::MoveOn,
                round: None,
                interviewer: None,
            },
            channel: Channel::Email,
            due: earliest.clone(),
            latest: Self::plus(&earliest, MOVE_ON_WINDOW),
            earliest,
            rules,
            reason: Reason::MoveOn {
                last_inquiry_on: self.day_of(&last_inquiry),
                inquiries: inquiries_sent,
            },
            business_hours: false,
            recipient: None,
            expires_after: None,
        };
        self.finish(process, proposal);
    }
}
