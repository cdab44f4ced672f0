//! Time zones for planning: the resolver trait (zone name -> UTC offset), resolved named zones
//! kept as cached tables of offset changes, and [`UserZone`], the chrono `TimeZone` the planner
//! reads dates in (the device zone, a named IANA zone, or a fixed offset).
//!
//! No zone database is shipped. A [`ZoneResolver`] answers "what is the offset of this zone at
//! this instant": the browser answers through `Intl`, native code and tests through the small
//! [`RuleTable`]. Asking it is slow in the browser, so a named zone is resolved once per year
//! in use into a short list of offset changes (sampled weekly, each change found to the
//! second by bisection); planning then reads offsets from that table and never calls the
//! resolver per date.

use crate::core::dates;
use crate::core::sort;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use chrono::offset::MappedLocalTime;
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, Local, NaiveDate, NaiveDateTime, Offset, TimeZone,
    Utc,
};

pub use crate::core::data::invite::zones::RuleTable;
use crate::core::data::settings::{ZoneName, ZoneSetting};

/// Answers "what is the UTC offset of this named zone at this moment". The browser answers
/// through `Intl`; tests and native code use [`RuleTable`].
pub trait ZoneResolver {
    /// The offset in force in `zone` (an IANA name such as `Europe/Berlin`) at the UTC
    /// instant `utc`; `None` when the zone is unknown.
    fn offset_at_utc(&self, zone: &str, utc: NaiveDateTime) -> Option<FixedOffset>;

    /// The offset for a wall-clock time in `zone`, daylight saving included. A time that a
    /// clock change skips is read with the offset before the change (so 02:30 on a spring
    /// morning lands at 03:30); a repeated time takes its first occurrence.
    fn offset_for_local(&self, zone: &str, local: NaiveDateTime) -> Option<LocalOffset> {
        local_offset(|utc| self.offset_at_utc(zone, utc), local)
    }

    /// The zone's name as the resolver spells it (`europe/paris` -> `Europe/Paris`); `None`
    /// when the zone is unknown.
    fn canonical_name(&self, zone: &str) -> Option<String> {
        let probe = NaiveDate::from_ymd_opt(2000, 1, 1)?.and_hms_opt(0, 0, 0)?;
        self.offset_at_utc(zone, probe).map(|_| zone.to_string())
    }
}

/// The offset found for a wall-clock time, and whether that time fell in a clock change's gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalOffset {
    /// The offset that turns the wall time into a UTC instant.
    pub offset: FixedOffset,
    /// The offset in force at that instant (differs from `offset` only in a gap).
    pub in_force: FixedOffset,
    pub in_gap: bool,
}

/// Finds the offset of a local time from a function giving the offset at a UTC instant.
/// Offsets a day before and after bracket every real clock change, so trying both suffices.
pub fn local_offset(
    at_utc: impl Fn(NaiveDateTime) -> Option<FixedOffset>,
    local: NaiveDateTime,
) -> Option<LocalOffset> {
    let before = at_utc(local.checked_sub_signed(Duration::days(1))?)?;
    let after = at_utc(local.checked_add_signed(Duration::days(1))?)?;
    let fits = |offset: FixedOffset| {
        local
            .checked_sub_signed(Duration::seconds(offset.local_minus_utc().into()))
            .and_then(&at_utc)
            == Some(offset)
    };
    let mut valid: Vec<FixedOffset> = [before, after].into_iter().filter(|o| fits(*o)).collect();
    // Two valid offsets: the wall time happens twice; the larger offset is the earlier instant.
    sort::sort_by_key(&mut valid, |offset| {
        std::cmp::Reverse(offset.local_minus_utc())
    });
    match valid.first() {
        Some(offset) => Some(LocalOffset {
            offset: *offset,
            in_force: *offset,
            in_gap: false,
        }),
        None => Some(LocalOffset {
            offset: before,
            in_force: after,
            in_gap: true,
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// The resolver in use

thread_local! {
    static RESOLVER: RefCell<Rc<dyn ZoneResolver>> = RefCell::new(Rc::new(RuleTable));
    /// Which resolver this thread uses: 0 is the default table; each installed one gets a new
    /// number, so tables resolved by one resolver are never read as another's.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// The device's zone name, when the platform says (the browser does, through `Intl`).
    static DEVICE_NAME: RefCell<Option<ZoneName>> = const { RefCell::new(None) };
}

static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// Makes `resolver` the one named zones are resolved with on this thread (the app installs
/// the browser's `Intl` at startup). Zones resolved before keep their tables; new lookups
/// get tables from this resolver.
pub fn use_resolver(resolver: Rc<dyn ZoneResolver>) {
    let generation = NEXT_GENERATION.fetch_add(1, Ordering::Relaxed);
    RESOLVER.with(|slot| *slot.borrow_mut() = resolver);
    GENERATION.with(|slot| slot.set(generation));
}

/// Runs `f` with this thread's resolver.
pub fn with_resolver<R>(f: impl FnOnce(&dyn ZoneResolver) -> R) -> R {
    let resolver = RESOLVER.with(|slot| slot.borrow().clone());
    f(resolver.as_ref())
}

/// Tells the planner the device's zone name, so `Device` reads offsets from a cached table
/// instead of asking the platform clock for every date. `None` forgets it.
pub fn set_device_zone(name: Option<ZoneName>) {
    DEVICE_NAME.with(|slot| *slot.borrow_mut() = name);
}

/// The device's zone name, when known.
pub fn device_zone_name() -> Option<ZoneName> {
    DEVICE_NAME.with(|slot| *slot.borrow())
}

// ---------------------------------------------------------------------------------------------
// Resolved zones

/// Years a table covers; outside them the nearest covered year's offset at its edge holds.
const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2200;
/// Sampling step when looking for offset changes. Real zones change at most a few times a
/// year and never twice within a week, so a weekly sample sees every change.
const SAMPLE_SECONDS: i64 = 7 * 24 * 3600;

/// The offsets of one year: the offset at its first UTC second and each change after it.
#[derive(Debug, Default)]
struct YearOffsets {
    /// The year's first UTC second, and the next year's (0 and 0 when nothing is known).
    start: i64,
    end: i64,
    first: i32,
    /// (UTC second of the change, offset from then on), in order.
    changes: Vec<(i64, i32)>,
}

/// Two days in seconds: more than any offset, so a wall time this far from every change
/// reads one way only.
const CLEAR_SECONDS: i64 = 2 * 24 * 3600;

impl YearOffsets {
    /// The one offset of a wall time (given as if it were UTC seconds) that lies well inside
    /// the year and far from every change; `None` near a change, where it takes a closer look.
    fn clear_of_changes(&self, wall_seconds: i64) -> Option<i32> {
        let inside =
            wall_seconds - CLEAR_SECONDS > self.start && wall_seconds + CLEAR_SECONDS < self.end;
        let clear = self
            .changes
            .iter()
            .all(|(when, _)| (when - wall_seconds).abs() > CLEAR_SECONDS);
        (inside && clear).then(|| self.at(wall_seconds))
    }

    fn at(&self, utc_seconds: i64) -> i32 {
        self.changes
            .iter()
            .take_while(|(when, _)| *when <= utc_seconds)
            .last()
            .map_or(self.first, |(_, offset)| *offset)
    }
}

/// A named zone resolved into offset tables, one per year, each computed on first use.
pub struct ZoneTable {
    name: ZoneName,
    generation: u64,
    years: Box<[OnceLock<YearOffsets>]>,
}

impl fmt::Debug for ZoneTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ZoneTable")
            .field(&self.name.as_str())
            .finish()
    }
}

/// Every table resolved so far, so each (zone, resolver) pair is resolved and kept once.
static TABLES: Mutex<Vec<&'static ZoneTable>> = Mutex::new(Vec::new());

fn year_start(year: i32) -> i64 {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map_or(0, |moment| moment.and_utc().timestamp())
}

fn naive_utc(seconds: i64) -> Option<NaiveDateTime> {
    DateTime::<Utc>::from_timestamp(seconds, 0).map(|moment| moment.naive_utc())
}

impl ZoneTable {
    /// The table for `name` under this thread's resolver; `None` when the resolver does not
    /// know the zone.
    pub fn resolve(name: ZoneName) -> Option<&'static ZoneTable> {
        let generation = GENERATION.with(Cell::get);
        let mut tables = TABLES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = tables
            .iter()
            .find(|t| t.name == name && t.generation == generation)
        {
            return Some(found);
        }
        let probe = NaiveDate::from_ymd_opt(2000, 1, 1)?.and_hms_opt(0, 0, 0)?;
        with_resolver(|resolver| resolver.offset_at_utc(name.as_str(), probe))?;
        let years = (FIRST_YEAR..=LAST_YEAR).map(|_| OnceLock::new()).collect();
        let table: &'static ZoneTable = Box::leak(Box::new(ZoneTable {
            name,
            generation,
            years,
        }));
        tables.push(table);
        Some(table)
    }

    pub fn name(&self) -> ZoneName {
        self.name
    }

    fn year(&self, year: i32) -> &YearOffsets {
        let index = (year.clamp(FIRST_YEAR, LAST_YEAR) - FIRST_YEAR) as usize;
        self.years[index].get_or_init(|| self.sample_year(year.clamp(FIRST_YEAR, LAST_YEAR)))
    }

    /// Asks the resolver for one year's offsets: weekly samples, and where two samples differ,
    /// a bisection down to the second of the change.
    fn sample_year(&self, year: i32) -> YearOffsets {
        with_resolver(|resolver| {
            let ask = |seconds: i64| -> Option<i32> {
                resolver
                    .offset_at_utc(self.name.as_str(), naive_utc(seconds)?)
                    .map(|offset| offset.local_minus_utc())
            };
            let start = year_start(year);
            let end = year_start(year + 1);
            let Some(first) = ask(start) else {
                return YearOffsets::default();
            };
            let mut table = YearOffsets {
                start,
                end,
                first,
                changes: Vec::new(),
            };
            let (mut previous_at, mut previous) = (start, first);
            let mut at = start;
            while at < end - 1 {
                at = (at + SAMPLE_SECONDS).min(end - 1);
                let Some(offset) = ask(at) else { continue };
                if offset != previous {
                    // The change is in (previous_at, at]: narrow it to one second.
                    let (mut low, mut high) = (previous_at, at);
                    while high - low > 1 {
                        let middle = low + (high - low) / 2;
                        if ask(middle) == Some(previous) {
                            low = middle;
                        } else {
                            high = middle;
                        }
                    }
                    table.changes.push((high, offset));
                }
                previous_at = at;
                previous = offset;
            }
            table
        })
    }

    /// The offset in seconds east of UTC at a UTC instant.
    pub fn offset_seconds_at(&self, utc: &NaiveDateTime) -> i32 {
        let year = utc.year();
        let seconds = utc.and_utc().timestamp();
        if year < FIRST_YEAR {
            return self.year(FIRST_YEAR).first;
        }
        if year > LAST_YEAR {
            return self.year(LAST_YEAR).at(i64::MAX);
        }
        self.year(year).at(seconds)
    }

    /// The offsets a wall-clock time can have: one, two in an overlap (earlier instant
    /// first), none in a gap.
    fn local(&self, local: &NaiveDateTime) -> MappedLocalTime<i32> {
        // Most wall times are nowhere near a clock change: one table read answers them.
        let year = local.year();
        if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
            if let Some(offset) = self
                .year(year)
                .clear_of_changes(local.and_utc().timestamp())
            {
                return MappedLocalTime::Single(offset);
            }
        }
        let day = Duration::days(1);
        let (Some(before), Some(after)) =
            (local.checked_sub_signed(day), local.checked_add_signed(day))
        else {
            return MappedLocalTime::None;
        };
        let fits = |offset: i32| {
            local
                .checked_sub_signed(Duration::seconds(offset.into()))
                .is_some_and(|utc| self.offset_seconds_at(&utc) == offset)
        };
        let (before, after) = (
            self.offset_seconds_at(&before),
            self.offset_seconds_at(&after),
        );
        match (fits(before), fits(after) && after != before) {
            (true, true) => {
                let (early, late) = if before > after {
                    (before, after)
                } else {
                    (after, before)
                };
                MappedLocalTime::Ambiguous(early, late)
            }
            (true, false) => MappedLocalTime::Single(before),
            (false, true) => MappedLocalTime::Single(after),
            (false, false) => MappedLocalTime::None,
        }
    }
}

/// A resolved named zone, compared by name. Cheap to copy: the table lives for the program.
#[derive(Clone, Copy)]
pub struct NamedZone(&'static ZoneTable);

impl NamedZone {
    /// The zone `name` under this thread's resolver; `None` when it is unknown.
    pub fn resolve(name: ZoneName) -> Option<NamedZone> {
        ZoneTable::resolve(name).map(NamedZone)
    }

    pub fn name(self) -> ZoneName {
        self.0.name
    }

    /// The offset in force at a UTC instant.
    pub fn offset_at(self, utc: &NaiveDateTime) -> FixedOffset {
        seconds_offset(self.0.offset_seconds_at(utc))
    }
}

impl PartialEq for NamedZone {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for NamedZone {}

impl fmt::Debug for NamedZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NamedZone({})", self.0.name.as_str())
    }
}

fn seconds_offset(seconds: i32) -> FixedOffset {
    FixedOffset::east_opt(seconds).unwrap_or_else(utc)
}

// ---------------------------------------------------------------------------------------------
// The user's zone

/// The clock the planner reads dates in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserZone {
    /// Whatever the device says, daylight saving included, asked of the platform clock for
    /// each date (used when the device's zone name is unknown).
    Device,
    /// An IANA zone, daylight saving included, read from its resolved table.
    Named(NamedZone),
    /// A fixed distance from UTC.
    Fixed(FixedOffset),
}

impl UserZone {
    /// The zone a setting asks for. An offset chrono cannot represent (a day or more)
    /// falls back to UTC rather than failing: the setting came from user data. A name the
    /// resolver does not know falls back to the device zone, as before it was chosen.
    pub fn from_setting(setting: ZoneSetting) -> Self {
        match setting {
            ZoneSetting::Device => UserZone::device(),
            ZoneSetting::Named { name } => NamedZone::resolve(name)
                .map(UserZone::Named)
                .unwrap_or_else(UserZone::device),
            ZoneSetting::Fixed { offset_minutes } => UserZone::Fixed(
                offset_minutes
                    .checked_mul(60)
                    .and_then(FixedOffset::east_opt)
                    .unwrap_or_else(utc),
            ),
        }
    }

    /// The device zone: its resolved table when its name is known, else the platform clock.
    pub fn device() -> Self {
        device_zone_name()
            .and_then(NamedZone::resolve)
            .map_or(UserZone::Device, UserZone::Named)
    }

    /// The IANA name, for a named zone.
    pub fn name(self) -> Option<ZoneName> {
        match self {
            UserZone::Named(zone) => Some(zone.name()),
            UserZone::Device | UserZone::Fixed(_) => None,
        }
    }

    fn tag(self, offset: FixedOffset) -> UserOffset {
        UserOffset { zone: self, offset }
    }
}

fn utc() -> FixedOffset {
    Offset::fix(&chrono::Utc)
}

/// An offset that remembers which [`UserZone`] produced it, so dates keep their zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UserOffset {
    zone: UserZone,
    offset: FixedOffset,
}

impl UserOffset {
    pub fn zone(&self) -> UserZone {
        self.zone
    }
}

impl Offset for UserOffset {
    fn fix(&self) -> FixedOffset {
        self.offset
    }
}

impl fmt::Display for UserOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.offset, f)
    }
}

impl TimeZone for UserZone {
    type Offset = UserOffset;

    fn from_offset(offset: &UserOffset) -> Self {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<UserOffset> {
        match self {
            UserZone::Device => {
                #[allow(deprecated)]
                let found = Local.offset_from_local_date(local);
                found.map(|offset| self.tag(offset))
            }
            UserZone::Named(_) => match local.and_hms_opt(0, 0, 0) {
                Some(midnight) => self.offset_from_local_datetime(&midnight),
                None => MappedLocalTime::None,
            },
            UserZone::Fixed(offset) => MappedLocalTime::Single(self.tag(*offset)),
        }
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<UserOffset> {
        match self {
            UserZone::Device => Local
                .offset_from_local_datetime(local)
                .map(|offset| self.tag(offset)),
            UserZone::Named(zone) => zone
                .0
                .local(local)
                .map(|seconds| self.tag(seconds_offset(seconds))),
            UserZone::Fixed(offset) => MappedLocalTime::Single(self.tag(*offset)),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> UserOffset {
        match self {
            UserZone::Device => {
                #[allow(deprecated)]
                let offset = Local.offset_from_utc_date(utc);
                self.tag(offset)
            }
            UserZone::Named(_) => {
                self.offset_from_utc_datetime(&utc.and_hms_opt(0, 0, 0).unwrap_or_default())
            }
            UserZone::Fixed(offset) => self.tag(*offset),
        }
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> UserOffset {
        match self {
            UserZone::Device => self.tag(Local.offset_from_utc_datetime(utc)),
            UserZone::Named(zone) => self.tag(zone.offset_at(utc)),
            UserZone::Fixed(offset) => self.tag(*offset),
        }
    }
}

/// How a round's time reads on its process page: as arranged ("Thu 19 Nov, 14:00–15:00"), and,
/// when it was arranged in another zone than the user's, that zone and the user's own times
/// ("Thu 19 Nov, 14:00–15:00 Europe/London time (09:00–10:00 your time)"), so a round abroad
/// is never read as local.
pub fn round_time_label(
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    arranged_in: Option<ZoneName>,
    user: UserZone,
) -> String {
    let arranged = format!(
        "{}, {}–{}",
        dates::day_month(start.date_naive()),
        dates::clock(start.time()),
        dates::clock(end.time())
    );
    let Some(home) = times_at_home(start, Some(end), user) else {
        return arranged;
    };
    let zone = arranged_in.map_or_else(
        || format!("UTC{}", start.offset()),
        |name| name.as_str().to_string(),
    );
    format!("{arranged} {zone} time ({home} your time)")
}

/// The user's own times for a meeting arranged at another offset ("08:30–09:30", with the
/// user's day when it differs: "Wed 18 Nov, 19:00–20:00"); `None` when the user's zone has the
/// same offset then (the same zone, or one that agrees that day), so the times read as local.
pub fn times_at_home(
    start: DateTime<FixedOffset>,
    end: Option<DateTime<FixedOffset>>,
    user: UserZone,
) -> Option<String> {
    let home_start = start.with_timezone(&user);
    if home_start.offset().fix() == *start.offset() {
        return None;
    }
    let day = if home_start.date_naive() == start.date_naive() {
        String::new()
    } else {
        format!("{}, ", dates::day_month(home_start.date_naive()))
    };
    let home_end = end
        .map(|end| format!("–{}", dates::clock(end.with_timezone(&user).time())))
        .unwrap_or_default();
    Some(format!(
        "{day}{}{home_end}",
        dates::clock(home_start.time())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> ZoneName {
        ZoneName::parse(text).expect("valid zone name")
    }

    fn utc_moment(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("test moment")
    }

    #[test]
    fn fixed_setting_keeps_its_offset() {
        let zone = UserZone::from_setting(ZoneSetting::Fixed {
            offset_minutes: 330,
        });
        let moment = zone.with_ymd_and_hms(2025, 3, 4, 10, 0, 0).single();
        let moment = moment.map(|m| m.to_rfc3339());
        assert_eq!(moment.as_deref(), Some("2025-03-04T10:00:00+05:30"));
    }

    #[test]
    fn impossible_offset_falls_back_to_utc() {
        for minutes in [i32::MAX, i32::MIN, 24 * 60, -24 * 60] {
            let zone = UserZone::from_setting(ZoneSetting::Fixed {
                offset_minutes: minutes,
            });
            assert_eq!(zone, UserZone::Fixed(utc()));
        }
    }

    #[test]
    fn offsets_remember_their_zone() {
        let zone = UserZone::Fixed(FixedOffset::west_opt(5 * 3600).unwrap_or_else(utc));
        let moment = zone.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).single();
        assert_eq!(moment.map(|m| m.offset().zone()), Some(zone));
        assert_eq!(
            moment.map(|m| m.offset().to_string()).as_deref(),
            Some("-05:00")
        );
    }

    #[test]
    fn device_zone_agrees_with_local() {
        let utc_moment = NaiveDate::from_ymd_opt(2025, 7, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap_or_default();
        let expected = Local.offset_from_utc_datetime(&utc_moment);
        assert_eq!(
            UserZone::Device.offset_from_utc_datetime(&utc_moment).fix(),
            expected
        );
    }

    #[test]
    fn table_changes_are_found_to_the_second() {
        let zone = NamedZone::resolve(name("Europe/Berlin")).expect("known zone");
        let table = zone.0.year(2026);
        let changes: Vec<(String, i32)> = table
            .changes
            .iter()
            .map(|(when, offset)| {
                let at = naive_utc(*when).expect("in range");
                (at.to_string(), *offset / 3600)
            })
            .collect();
        assert_eq!(
            changes,
            vec![
                ("2026-03-29 01:00:00".to_string(), 2),
                ("2026-10-25 01:00:00".to_string(), 1)
            ]
        );
        assert_eq!(table.first, 3600);
    }

    #[test]
    fn table_agrees_with_the_resolver_every_hour_of_a_year() {
        for zone_name in [
            "Europe/Berlin",
            "America/New_York",
            "Australia/Sydney",
            "UTC",
        ] {
            let zone = NamedZone::resolve(name(zone_name)).expect("known zone");
            let mut at = utc_moment("2025-12-31 12:00:00");
            let end = utc_moment("2027-01-01 12:00:00");
            while at < end {
                assert_eq!(
                    Some(zone.offset_at(&at)),
                    RuleTable.offset_at_utc(zone_name, at),
                    "{zone_name} at {at}"
                );
                at += Duration::minutes(37);
            }
        }
    }

    #[test]
    fn wall_times_read_like_the_resolver_says_all_year() {
        // Every reading of a wall time, straight from the resolver: the offsets of the day
        // before and after that land back on the same wall time, earlier instant first.
        fn reference(zone: &str, wall: NaiveDateTime) -> Vec<i32> {
            let at = |utc: NaiveDateTime| {
                RuleTable
                    .offset_at_utc(zone, utc)
                    .map(|o| o.local_minus_utc())
            };
            let mut found: Vec<i32> = [wall - Duration::days(1), wall + Duration::days(1)]
                .into_iter()
                .filter_map(at)
                .filter(|offset| at(wall - Duration::seconds((*offset).into())) == Some(*offset))
                .collect();
            found.sort_unstable_by(|a, b| b.cmp(a));
            found.dedup();
            found
        }
        for zone_name in ["Europe/Berlin", "America/New_York", "Australia/Sydney"] {
            let zone = NamedZone::resolve(name(zone_name)).expect("known zone");
            let mut wall = utc_moment("2025-12-25 00:00:00");
            while wall < utc_moment("2027-01-05 00:00:00") {
                let ours = match zone.0.local(&wall) {
                    MappedLocalTime::Single(offset) => vec![offset],
                    MappedLocalTime::Ambiguous(early, late) => vec![early, late],
                    MappedLocalTime::None => Vec::new(),
                };
                assert_eq!(ours, reference(zone_name, wall), "{zone_name} at {wall}");
                wall += Duration::minutes(13);
            }
        }
    }

    #[test]
    fn unknown_names_are_not_resolved_and_fall_back_to_the_device() {
        assert_eq!(NamedZone::resolve(name("Mars/Olympus_Mons")), None);
        let zone = UserZone::from_setting(ZoneSetting::Named {
            name: name("Mars/Olympus_Mons"),
        });
        assert_eq!(zone, UserZone::device());
    }

    #[test]
    fn years_outside_the_table_hold_the_edge_offset() {
        let zone = NamedZone::resolve(name("Asia/Tokyo")).expect("known zone");
        for text in ["1850-06-01 00:00:00", "2250-06-01 00:00:00"] {
            assert_eq!(
                zone.offset_at(&utc_moment(text)).local_minus_utc(),
                9 * 3600
            );
        }
    }

    #[test]
    fn resolving_twice_gives_the_same_table() {
        let first = ZoneTable::resolve(name("Europe/Paris")).expect("known zone");
        let second = ZoneTable::resolve(name("Europe/Paris")).expect("known zone");
        assert!(std::ptr::eq(first, second));
    }

    /// A resolver with two changes a year at odd seconds, to check sampling and bisection
    /// on something other than the rule table.
    struct Odd;

    impl ZoneResolver for Odd {
        fn offset_at_utc(&self, zone: &str, utc: NaiveDateTime) -> Option<FixedOffset> {
            if zone != "Test/Odd" {
                return None;
            }
            let year = utc.year();
            let on = NaiveDate::from_ymd_opt(year, 5, 17)?.and_hms_opt(3, 7, 11)?;
            let off = NaiveDate::from_ymd_opt(year, 9, 2)?.and_hms_opt(22, 59, 59)?;
            let seconds = if utc >= on && utc < off { 5400 } else { -1800 };
            FixedOffset::east_opt(seconds)
        }
    }

    #[test]
    fn an_installed_resolver_is_used_on_its_thread() {
        // A thread of its own, so no other test sees this resolver.
        let result = std::thread::spawn(|| {
            use_resolver(Rc::new(Odd));
            let zone = NamedZone::resolve(name("Test/Odd")).expect("known to Odd");
            let before = zone.offset_at(&utc_moment("2030-05-17 03:07:10"));
            let after = zone.offset_at(&utc_moment("2030-05-17 03:07:11"));
            let back = zone.offset_at(&utc_moment("2030-09-02 22:59:59"));
            let unknown = NamedZone::resolve(name("Europe/Berlin"));
            (
                before.local_minus_utc(),
                after.local_minus_utc(),
                back.local_minus_utc(),
                unknown.is_none(),
            )
        })
        .join()
        .expect("thread ran");
        assert_eq!(result, (-1800, 5400, -1800, true));
        // This thread still has the default table.
        assert!(NamedZone::resolve(name("Europe/Berlin")).is_some());
    }
}
