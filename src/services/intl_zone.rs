//! Time zones through the browser's `Intl`: the offset of any IANA zone at any instant, the
//! list of zones the browser knows and the device's own zone. No zone database is shipped.
//! [`install`] makes it the planner's resolver.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, Timelike};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::data::settings::ZoneName;
use crate::core::planning::zone::{set_device_zone, use_resolver, ZoneResolver};

/// Offsets differ from UTC by less than a day; anything else is a misread.
const MAX_OFFSET_SECONDS: i64 = 86_399;

/// Asks `Intl.DateTimeFormat` for wall-clock parts in a zone and compares them with UTC.
/// Formatters are costly to build, so one per zone is kept; an unknown zone is remembered
/// as unknown.
#[derive(Default)]
pub struct IntlZones {
    /// (zone, its formatter or `None` when unknown); a user has a handful of zones at most.
    formatters: RefCell<Vec<(String, Option<Intl::DateTimeFormat>)>>,
}

impl IntlZones {
    pub fn new() -> Self {
        IntlZones::default()
    }

    fn formatter(&self, zone: &str) -> Option<Intl::DateTimeFormat> {
        if let Some((_, known)) = self
            .formatters
            .borrow()
            .iter()
            .find(|(name, _)| name == zone)
        {
            return known.clone();
        }
        let made = make_formatter(zone);
        self.formatters
            .borrow_mut()
            .push((zone.to_string(), made.clone()));
        made
    }
}

fn intl() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
        .ok()
        .filter(JsValue::is_object)
}

/// `new Intl.DateTimeFormat("en-US", {timeZone, hourCycle: "h23", ...})`, built through
/// `Reflect.construct` so that an unknown zone's RangeError comes back as `None`.
fn make_formatter(zone: &str) -> Option<Intl::DateTimeFormat> {
    let constructor: Function = Reflect::get(&intl()?, &JsValue::from_str("DateTimeFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    let set = |key: &str, value: &str| {
        Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).is_ok()
    };
    let complete = set("timeZone", zone)
        && set("hourCycle", "h23")
        && set("year", "numeric")
        && set("month", "numeric")
        && set("day", "numeric")
        && set("hour", "numeric")
        && set("minute", "numeric")
        && set("second", "numeric");
    if !complete {
        return None;
    }
    let arguments = Array::of2(&JsValue::from_str("en-US"), &options);
    Reflect::construct(&constructor, &arguments)
        .ok()
        .map(JsCast::unchecked_into)
}

/// The wall-clock time a formatter shows for an instant. The formatted string ("6/1/2026,
/// 14:05:09" in en-US) is read first: one call instead of a dozen property reads, which
/// matters when a zone's year is resolved; anything else falls back to the parts.
fn wall_time(formatter: &Intl::DateTimeFormat, utc: NaiveDateTime) -> Option<NaiveDateTime> {
    let millis = utc.and_utc().timestamp_millis() as f64;
    let date = Date::new(&JsValue::from_f64(millis));
    if let Some(text) = formatter
        .format()
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|text| text.as_string())
    {
        if let Some(wall) = read_en_us(&text) {
            return Some(wall);
        }
    }
    wall_time_from_parts(formatter, &date)
}

/// "M/D/YYYY, HH:MM:SS" as the en-US formatter writes it; `None` for any other shape.
fn read_en_us(text: &str) -> Option<NaiveDateTime> {
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let [month, day, year, hour, minute, second] = numbers[..] else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?.and_hms_opt(
        // Some engines write midnight as hour 24 even with h23.
        hour % 24,
        minute,
        second,
    )
}

fn wall_time_from_parts(formatter: &Intl::DateTimeFormat, date: &Date) -> Option<NaiveDateTime> {
    let parts = formatter.format_to_parts(date);
    let mut numbers: Vec<(String, i64)> = Vec::new();
    for part in parts.iter() {
        let kind = Reflect::get(&part, &JsValue::from_str("type"))
            .ok()?
            .as_string()?;
        let value = Reflect::get(&part, &JsValue::from_str("value"))
            .ok()?
            .as_string()?;
        if let Ok(number) = value.trim().parse::<i64>() {
            numbers.push((kind, number));
        }
    }
    let get = |key: &str| {
        numbers
            .iter()
            .find(|(kind, _)| kind == key)
            .map(|(_, number)| *number)
    };
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(get("year")?).ok()?,
        u32::try_from(get("month")?).ok()?,
        u32::try_from(get("day")?).ok()?,
    )?;
    // Some engines write midnight as hour 24 even with h23.
    let hour = u32::try_from(get("hour")? % 24).ok()?;
    date.and_hms_opt(
        hour,
        u32::try_from(get("minute")?).ok()?,
        u32::try_from(get("second")?).ok()?,
    )
}

impl ZoneResolver for IntlZones {
    /// The spelling of the browser's zone list when the name is on it in any letter case
    /// (so `asia/kathmandu` keeps the modern name), else the formatter's own spelling.
    fn canonical_name(&self, zone: &str) -> Option<String> {
        let zone = zone.trim();
        if let Some(listed) = zone_list()
            .iter()
            .find(|name| name.eq_ignore_ascii_case(zone))
        {
            return Some(listed.clone());
        }
        let formatter = self.formatter(zone)?;
        Reflect::get(
            &formatter.resolved_options(),
            &JsValue::from_str("timeZone"),
        )
        .ok()?
        .as_string()
    }

    fn offset_at_utc(&self, zone: &str, utc: NaiveDateTime) -> Option<FixedOffset> {
        let formatter = self.formatter(zone)?;
        // Whole seconds only: the formatter shows no milliseconds.
        let utc = utc.with_nanosecond(0)?;
        let wall = wall_time(&formatter, utc)?;
        let seconds = (wall - utc).num_seconds();
        if seconds.abs() > MAX_OFFSET_SECONDS {
            return None;
        }
        FixedOffset::east_opt(i32::try_from(seconds).ok()?)
    }
}

/// Every IANA zone the browser knows (`Intl.supportedValuesOf("timeZone")`); empty on
/// browsers without it.
pub fn supported_zones() -> Vec<String> {
    let Some(intl) = intl() else {
        return Vec::new();
    };
    let Some(function) = Reflect::get(&intl, &JsValue::from_str("supportedValuesOf"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return Vec::new();
    };
    match function.call1(&intl, &JsValue::from_str("timeZone")) {
        Ok(list) => list
            .dyn_into::<Array>()
            .map(|list| list.iter().filter_map(|zone| zone.as_string()).collect())
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// The device's zone name (`Europe/Berlin`), when the browser says.
pub fn device_zone() -> Option<String> {
    let constructor: Function = Reflect::get(&intl()?, &JsValue::from_str("DateTimeFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let formatter: Intl::DateTimeFormat = Reflect::construct(&constructor, &Array::new())
        .ok()?
        .unchecked_into();
    let options = formatter.resolved_options();
    Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static DEVICE_NAME_ASKED: Cell<bool> = const { Cell::new(false) };
    static ZONE_LIST: RefCell<Option<Rc<Vec<String>>>> = const { RefCell::new(None) };
}

/// Makes `Intl` the resolver named zones are planned with, once per page. Called before the
/// first plan (by the clock). Cheap: a formatter is only built when a named zone is resolved.
pub fn install() {
    if INSTALLED.with(|done| done.replace(true)) {
        return;
    }
    use_resolver(Rc::new(IntlZones::new()));
}

/// Tells the planner the device's zone name (shown as "Device zone (Europe/Paris)"), once per
/// page. Until then the device zone is read from the platform clock (`Date`), which gives the
/// same offsets: the name costs the page's first `Intl.DateTimeFormat`, tens of milliseconds,
/// so it is asked for after the first screen, not before it.
pub fn learn_device_zone() {
    if DEVICE_NAME_ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    install();
    set_device_zone(device_zone().and_then(|name| ZoneName::parse(&name).ok()));
}

/// [`supported_zones`], asked of the browser once per page (the device zone's name with them,
/// since every list of zones offers it).
pub fn zone_list() -> Rc<Vec<String>> {
    learn_device_zone();
    ZONE_LIST.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| Rc::new(supported_zones()))
            .clone()
    })
}
