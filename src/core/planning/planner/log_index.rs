//! One pass over a process's event log (and its interviewers) into the small facts the rules ask about.
//!
//! The rules used to rescan the whole log for every interviewer and every action
//! (sent messages, dismissals, snoozes, the latest decision date, ...). The index
//! reads each event once; its buffers are reused from one process to the next.
//! "Latest" always means the greatest (time, id), the later log entry winning a
//! full tie, exactly as `Iterator::max_by_key` over the log would pick.
//!
//! The interviewers are summarised here too (id, LinkedIn or not, first round or not).

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::core::data::model::{
    ActionKey, ActionKind, Channel, Event, EventId, EventKind, Interviewer, InterviewerId,
    PersonId, Process, Round, RoundId,
};

/// A message the user logged as sent, reduced to what the rules compare.
#[derive(Clone, Copy, Debug)]
pub(super) struct SentMessage {
    pub at: DateTime<FixedOffset>,
    pub kind: ActionKind,
    pub channel: Channel,
    pub to: Option<InterviewerId>,
    pub round: Option<RoundId>,
}

/// What the rules need to know about one interviewer.
#[derive(Clone, Copy, Debug)]
pub(super) struct Person {
    pub id: InterviewerId,
    /// A LinkedIn profile is recorded (not blank).
    pub on_linkedin: bool,
    /// No earlier round of the process has this person (one invitation per person).
    pub in_first_round: bool,
}

impl Person {
    fn of(interviewer: &Interviewer, earlier_rounds: &[Person]) -> Self {
        Person {
            id: interviewer.id,
            on_linkedin: has_text(&interviewer.linkedin),
            in_first_round: !earlier_rounds.iter().any(|p| p.id == interviewer.id),
        }
    }
}

/// Whether `text` holds anything but white space. A profile address starts with a printable
/// ASCII letter nearly always, which answers at once without decoding characters.
fn has_text(text: &str) -> bool {
    match text.as_bytes().first() {
        None => false,
        Some(&first) if first.is_ascii() && !(first as char).is_whitespace() => true,
        Some(_) => text.chars().any(|c| !c.is_whitespace()),
    }
}

/// The number of message kinds ([`ActionKind::ALL`]).
const KINDS: usize = ActionKind::ALL.len();

/// Where each kind's group sits in [`LogIndex::sent`] (indexed by `kind as usize`): the kinds
/// that count for T9 spacing ([`ActionKind::is_unsolicited`]) come last, side by side, so the
/// spacing rule reads one slice.
const GROUP_OF_KIND: [usize; KINDS] = [0, 7, 1, 8, 9, 2, 3, 10, 4, 5, 6];

/// The first group of an unsolicited kind.
const FIRST_UNSOLICITED_GROUP: usize = 7;

/// A dismissal (no `until`) or a snooze of one planned action.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mark {
    pub key: ActionKey,
    pub order: (DateTime<FixedOffset>, EventId),
    pub snoozed_until: Option<DateTime<FixedOffset>>,
}

/// The latest event of one kind: when it happened and the date it carries, if any.
#[derive(Clone, Copy, Debug)]
pub(super) struct Latest {
    pub at: DateTime<FixedOffset>,
    order: (DateTime<FixedOffset>, EventId),
    pub date: Option<NaiveDate>,
}

/// Whether the log entry at (`at`, `id`) comes at or after the one at (`than_at`, `than_id`):
/// one comparison of the times, the ids only on a tie (cheaper than comparing tuples).
fn at_or_after(
    at: &DateTime<FixedOffset>,
    id: EventId,
    than_at: &DateTime<FixedOffset>,
    than_id: EventId,
) -> bool {
    at.cmp(than_at).then(id.cmp(&than_id)).is_ge()
}

/// Whether `round` is at least as late as `than` by (end, start, id), an end before the start
/// read as the start: each field is compared only on a tie of the ones before.
fn ends_at_or_after(round: &Round, than: &Round) -> bool {
    let end = round.end.max(round.start);
    let than_end = than.end.max(than.start);
    end.cmp(&than_end)
        .then_with(|| round.start.cmp(&than.start))
        .then(round.id.cmp(&than.id))
        .is_ge()
}

/// Keeps the later of `slot` and `at`.
fn raise(slot: &mut Option<DateTime<FixedOffset>>, at: DateTime<FixedOffset>) {
    if slot.is_none_or(|current| at > current) {
        *slot = Some(at);
    }
}

fn keep_latest(slot: &mut Option<Latest>, event: &Event, date: Option<NaiveDate>) {
    let order = (event.at, event.id);
    if slot
        .is_none_or(|current| at_or_after(&event.at, event.id, &current.order.0, current.order.1))
    {
        *slot = Some(Latest {
            at: event.at,
            order,
            date,
        });
    }
}

/// Everything the rules read from one process's log.
#[derive(Debug, Default)]
pub(super) struct LogIndex {
    /// Every round's interviewers, round after round.
    people: Vec<Person>,
    /// For each round (same positions as `Process::rounds`), its slice of `people`.
    round_people: Vec<(usize, usize)>,
    /// The position of the latest round: the greatest (end, start, id), the later
    /// position winning a full tie, as `Iterator::max_by_key` would pick.
    latest_round: Option<usize>,
    /// Messages logged as sent, grouped by kind (in log order within a kind; groups in the
    /// order of [`GROUP_OF_KIND`]): a question about one kind reads only that kind's messages.
    sent: Vec<SentMessage>,
    /// Where each group of `sent` ends.
    sent_ends: [usize; KINDS],
    pub marks: Vec<Mark>,
    /// A log entry closed the process (withdrawn, moved on, rejected, move-on logged).
    pub closed: bool,
    pub rejection: Option<Latest>,
    pub offer: Option<Latest>,
    pub competing_offer: Option<Latest>,
    pub decision: Option<Latest>,
    /// Documents or update requests are present (their rule reads the log itself).
    pub has_requests: bool,
    /// Status inquiries, second inquiries and competing-offer notes logged (T8).
    pub inquiries_sent: u8,
    pub last_inquiry: Option<DateTime<FixedOffset>>,
    pub last_reply: Option<DateTime<FixedOffset>>,
    /// Replies, decision dates and requests: anything the employer said (T3).
    pub last_employer_message: Option<DateTime<FixedOffset>>,
    /// The latest employer message (reply, date, request, offer, rejection) that
    /// names who sent it: the recipient rule answers that person.
    pub last_sender: Option<(DateTime<FixedOffset>, EventId, PersonId)>,
}

impl LogIndex {
    /// Rebuilds the index for `process`, keeping the buffers' capacity.
    pub fn rebuild(&mut self, process: &Process) {
        self.people.clear();
        self.round_people.clear();
        self.latest_round = None;
        for (position, round) in process.rounds.iter().enumerate() {
            let first = self.people.len();
            for interviewer in &round.interviewers {
                let person = Person::of(interviewer, &self.people[..first]);
                self.people.push(person);
            }
            self.round_people.push((first, self.people.len()));
            let later = self
                .latest_round
                .and_then(|latest| process.rounds.get(latest))
                .is_none_or(|latest| ends_at_or_after(round, latest));
            if later {
                self.latest_round = Some(position);
            }
        }
        self.index_events(&process.events);
    }

    /// Where the interviewers of the round at `position` are, for [`LogIndex::person`].
    pub fn people_slots(&self, position: usize) -> std::ops::Range<usize> {
        self.round_people
            .get(position)
            .map_or(0..0, |&(first, end)| first..end)
    }

    /// The interviewer in `slot` (see [`LogIndex::people_slots`]).
    pub fn person(&self, slot: usize) -> Option<Person> {
        self.people.get(slot).copied()
    }

    /// The latest round of `process` (the one this index was built from): the one that
    /// ended last, then started last, then has the greatest id.
    pub fn latest_round<'p>(&self, process: &'p Process) -> Option<&'p Round> {
        self.latest_round
            .and_then(|position| process.rounds.get(position))
    }

    fn index_events(&mut self, events: &[Event]) {
        self.sent.clear();
        self.sent_ends = [0; KINDS];
        self.marks.clear();
        self.closed = false;
        self.rejection = None;
        self.offer = None;
        self.competing_offer = None;
        self.decision = None;
        self.has_requests = false;
        self.inquiries_sent = 0;
        self.last_inquiry = None;
        self.last_reply = None;
        self.last_employer_message = None;
        self.last_sender = None;
        for event in events {
            if let Some(Some(sender)) = event.kind.employer_sender() {
                let later = |(at, id, _): (DateTime<FixedOffset>, EventId, PersonId)| {
                    at_or_after(&event.at, event.id, &at, id)
                };
                if self.last_sender.is_none_or(later) {
                    self.last_sender = Some((event.at, event.id, sender));
                }
            }
            match &event.kind {
                EventKind::MessageSent {
                    message,
                    to,
                    channel,
                } => {
                    self.add_sent(SentMessage {
                        at: event.at,
                        kind: *message,
                        channel: *channel,
                        to: *to,
                        round: event.round,
                    });
                    if *message == ActionKind::MoveOn {
                        self.closed = true;
                    }
                    if message.is_inquiry() {
                        self.inquiries_sent = self.inquiries_sent.saturating_add(1);
                        raise(&mut self.last_inquiry, event.at);
                    }
                }
                EventKind::ReplyReceived { .. } => {
                    raise(&mut self.last_reply, event.at);
                    raise(&mut self.last_employer_message, event.at);
                }
                EventKind::DecisionDateGiven { date, .. } => {
                    keep_latest(&mut self.decision, event, Some(*date));
                    raise(&mut self.last_employer_message, event.at);
                }
                EventKind::DocumentsRequested { .. } | EventKind::UpdateRequested { .. } => {
                    self.has_requests = true;
                    raise(&mut self.last_employer_message, event.at);
                }
                EventKind::Offer { deadline, .. } => {
                    keep_latest(&mut self.offer, event, *deadline);
                }
                EventKind::CompetingOffer { deadline } => {
                    keep_latest(&mut self.competing_offer, event, *deadline);
                }
                EventKind::Rejection { .. } => {
                    self.closed = true;
                    keep_latest(&mut self.rejection, event, None);
                }
                EventKind::Withdrawn | EventKind::MovedOn => self.closed = true,
                EventKind::Snoozed { action, until } => self.marks.push(Mark {
                    key: *action,
                    order: (event.at, event.id),
                    snoozed_until: Some(*until),
                }),
                EventKind::Dismissed { action } => self.marks.push(Mark {
                    key: *action,
                    order: (event.at, event.id),
                    snoozed_until: None,
                }),
            }
        }
    }

    /// Adds a message at the end of its kind's group of `sent`.
    fn add_sent(&mut self, message: SentMessage) {
        let group = GROUP_OF_KIND[message.kind as usize];
        self.sent.insert(self.sent_ends[group], message);
        for end in &mut self.sent_ends[group..] {
            *end += 1;
        }
    }

    /// Where the group numbered `group` starts in `sent`.
    fn group_start(&self, group: usize) -> usize {
        group
            .checked_sub(1)
            .map_or(0, |before| self.sent_ends[before])
    }

    /// The logged messages of `kind`, in log order.
    fn sent_of(&self, kind: ActionKind) -> &[SentMessage] {
        let group = GROUP_OF_KIND[kind as usize];
        let start = self.group_start(group);
        self.sent.get(start..self.sent_ends[group]).unwrap_or(&[])
    }

    /// When the earliest logged message of `kind` at or after `since` went out, to `to` when
    /// both name a person, in `round` when both name a round.
    pub fn sent_since(
        &self,
        kind: ActionKind,
        since: Option<DateTime<FixedOffset>>,
        to: Option<InterviewerId>,
        round: Option<RoundId>,
    ) -> Option<DateTime<FixedOffset>> {
        self.first_sent_since(kind, since, to, round)
            .map(|sent| sent.at)
    }

    /// Like [`LogIndex::sent_since`], with the whole message (its channel too).
    pub fn first_sent_since(
        &self,
        kind: ActionKind,
        since: Option<DateTime<FixedOffset>>,
        to: Option<InterviewerId>,
        round: Option<RoundId>,
    ) -> Option<&SentMessage> {
        // A plain loop: this runs for every interviewer of every round, and the size-tuned
        // build does not inline an iterator chain's closures.
        let mut first: Option<&SentMessage> = None;
        for sent in self.sent_of(kind) {
            // Cheapest and most selective tests first; times only for real candidates.
            let matches = (sent.to.is_none() || to.is_none() || sent.to == to)
                && (sent.round.is_none() || round.is_none() || sent.round == round)
                && since.is_none_or(|since| sent.at >= since);
            // The earliest wins; of equal times, the first logged.
            if matches && first.is_none_or(|found| sent.at < found.at) {
                first = Some(sent);
            }
        }
        first
    }

    /// The last unsolicited message to `person` (T9). With `inquiry`, logged
    /// inquiries that named no recipient count too (they went to the contact).
    pub fn last_unsolicited_to(
        &self,
        person: Option<PersonId>,
        inquiry: bool,
    ) -> Option<DateTime<FixedOffset>> {
        let mut last = None;
        let unsolicited = self.group_start(FIRST_UNSOLICITED_GROUP);
        for sent in self.sent.get(unsolicited..).unwrap_or(&[]) {
            let counts = match (sent.to, person) {
                (Some(to), Some(person)) => PersonId::from(to) == person,
                (None, _) => inquiry && sent.kind.is_inquiry(),
                (Some(_), None) => false,
            };
            if counts && last < Some(sent.at) {
                last = Some(sent.at);
            }
        }
        last
    }

    /// The employer's latest answer of any kind: a reply, a decision date or an offer.
    pub fn last_employer_answer(&self) -> Option<DateTime<FixedOffset>> {
        let decision = self.decision.map(|event| event.at);
        let offer = self.offer.map(|event| event.at);
        self.last_reply.max(decision).max(offer)
    }

    /// Whether the user dismissed `key`.
    pub fn dismissed(&self, key: ActionKey) -> bool {
        self.marks
            .iter()
            .any(|mark| mark.key == key && mark.snoozed_until.is_none())
    }

    /// The latest snooze of `key`: the moment it was pushed to.
    pub fn snoozed_until(&self, key: ActionKey) -> Option<DateTime<FixedOffset>> {
        self.marks
            .iter()
            .filter(|mark| mark.key == key)
            .filter_map(|mark| mark.snoozed_until.map(|until| (mark.order, until)))
            .max_by_key(|(order, _)| *order)
            .map(|(_, until)| until)
    }
}

#[cfg(test)]
mod tests {
    use super::{ActionKind, FIRST_UNSOLICITED_GROUP, GROUP_OF_KIND, KINDS};

    #[test]
    fn each_kind_has_a_group_of_its_own_and_the_unsolicited_ones_come_last() {
        let mut groups: Vec<usize> = GROUP_OF_KIND.to_vec();
        groups.sort_unstable();
        assert_eq!(groups, (0..KINDS).collect::<Vec<_>>());
        for kind in ActionKind::ALL {
            assert_eq!(
                GROUP_OF_KIND[kind as usize] >= FIRST_UNSOLICITED_GROUP,
                kind.is_unsolicited(),
                "{kind:?}"
            );
            assert_eq!(ActionKind::ALL[kind as usize], kind);
        }
    }
}
