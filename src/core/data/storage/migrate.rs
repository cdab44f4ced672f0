//! Schema migrations: an append-only list of steps, each lifting a JSON envelope by one version.
//!
//! Steps work on the JSON tree ([`Json`]) rather than on Rust types, so an old shape never needs a
//! Rust struct of its own. Never edit or reorder a published step; add a new one and bump
//! `SCHEMA_VERSION`.

use crate::core::data::json::Json;

use super::{DecodeError, SCHEMA_VERSION};

/// One upgrade step, from `from_version` to `from_version + 1`.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub from_version: u32,
    /// What changed, for the docs and for error messages.
    pub summary: &'static str,
    /// Rewrites the whole envelope in place; an `Err` says what was missing.
    pub apply: fn(&mut Json) -> Result<(), String>,
}

/// Every step ever published, oldest first. `MIGRATIONS[i].from_version == i + 1`.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from_version: 1,
        summary: "adds merge bookkeeping: settings revision, tombstones, and a revision and \
                  timestamp on every process",
        apply: v1_to_v2,
    },
    Migration {
        from_version: 2,
        summary: "inquiries are addressed by the recipient rule: snoozes and dismissals of \
                  inquiries and competing-offer notes no longer name an interviewer",
        apply: v2_to_v3,
    },
    Migration {
        from_version: 3,
        summary: "makes a round's note private; a one-person round's note becomes what to \
                  tell that interviewer",
        apply: v3_to_v4,
    },
    Migration {
        from_version: 4,
        summary: "time zones can be named (an IANA zone in the settings and on each round); \
                  fixed offsets stay as they are",
        apply: v4_to_v5,
    },
];

/// Runs every step from `from_version` up to the current schema.
pub(super) fn upgrade(envelope: &mut Json, from_version: u32) -> Result<(), DecodeError> {
    for version in from_version..SCHEMA_VERSION {
        let step = MIGRATIONS
            .iter()
            .find(|step| step.from_version == version)
            .ok_or_else(|| DecodeError::Malformed(format!("no upgrade from version {version}")))?;
        (step.apply)(envelope).map_err(|detail| {
            DecodeError::Malformed(format!("upgrading from version {version}: {detail}"))
        })?;
        envelope.insert("schema_version", Json::from(u64::from(version + 1)));
    }
    Ok(())
}

/// Version 1 kept only `settings` and `processes`, and processes written before their first
/// edit carried neither `revision` nor `updated_at`. Version 2 merges two tabs record by
/// record, so every process gets a revision of at least 1 and, when missing, the envelope's
/// `saved_at` as its last change (the latest moment the record is known to be current).
/// Settings start at revision 1 and the tombstone list starts empty.
fn v1_to_v2(envelope: &mut Json) -> Result<(), String> {
    if envelope.as_object().is_none() {
        return Err("the document is not an object".into());
    }
    let saved_at = envelope
        .get("saved_at")
        .and_then(Json::as_str)
        .ok_or("saved_at is missing")?
        .to_string();
    if envelope.get("data").is_none() {
        envelope.insert("data", Json::Object(Vec::new()));
    }
    let data = envelope
        .get_mut("data")
        .filter(|data| data.as_object().is_some())
        .ok_or("data is not an object")?;

    if let Some(processes) = data.get_mut("processes") {
        let list = processes.as_array_mut().ok_or("processes is not a list")?;
        for record in list {
            if record.as_object().is_none() {
                return Err("a process is not an object".into());
            }
            let revision = record.get("revision").and_then(Json::as_u64).unwrap_or(0);
            record.insert("revision", Json::from(revision.max(1)));
            if record.get("updated_at").is_none_or(Json::is_null) {
                record.insert("updated_at", Json::from(saved_at.as_str()));
            }
        }
    }
    if data.get("settings_revision").is_none() {
        data.insert("settings_revision", Json::from(1u64));
    }
    if data.get("tombstones").is_none() {
        data.insert("tombstones", Json::Array(Vec::new()));
    }
    Ok(())
}

/// Action kinds whose recipient the planner now chooses by the recipient rule; their
/// keys no longer name a person.
const RECIPIENT_RULE_KINDS: [&str; 3] = ["status-inquiry", "second-inquiry", "competing-offer"];

/// Version 3 adds contacts, a point of contact and the sender of employer messages, all
/// optional, so old processes load as they are (an interviewer whose title reads as
/// recruiting or HR becomes the default point of contact at planning time, not here, so
/// a recruiter contact added later takes over). What does change: an inquiry used to be
/// keyed to the first interviewer of the latest round, and is now keyed to no one
/// (who receives it can change with the next employer message). Snoozes and dismissals
/// of those kinds drop their `interviewer` so they still match.
fn v2_to_v3(envelope: &mut Json) -> Result<(), String> {
    let Some(processes) = envelope
        .get_mut("data")
        .and_then(|data| data.get_mut("processes"))
    else {
        return Ok(());
    };
    let list = processes.as_array_mut().ok_or("processes is not a list")?;
    for process in list {
        let Some(events) = process.get_mut("events").and_then(Json::as_array_mut) else {
            continue;
        };
        for event in events {
            let marks = matches!(
                event.get("type").and_then(Json::as_str),
                Some("snoozed" | "dismissed")
            );
            if !marks {
                continue;
            }
            let Some(action) = event
                .get_mut("action")
                .filter(|action| action.as_object().is_some())
            else {
                continue;
            };
            let kind = action.get("kind").and_then(Json::as_str).unwrap_or("");
            if RECIPIENT_RULE_KINDS.contains(&kind) {
                action.remove("interviewer");
            }
        }
    }
    Ok(())
}

/// Versions up to 3 sent a round's `notes` to every interviewer of the round. Version 4 keeps the
/// round note private and has a `to_tell` per interviewer instead. Where the round had
/// one interviewer the note was clearly for them, so it is copied to their `to_tell`
/// (unless they already have one); in a panel it stays a private note, since sending it to
/// everyone was the problem. Nothing is deleted.
fn v3_to_v4(envelope: &mut Json) -> Result<(), String> {
    if envelope.as_object().is_none() {
        return Err("the document is not an object".into());
    }
    let processes = envelope
        .get_mut("data")
        .and_then(|data| data.get_mut("processes"));
    let Some(processes) = processes else {
        return Ok(());
    };
    let list = processes.as_array_mut().ok_or("processes is not a list")?;
    for process in list {
        let Some(rounds) = process.get_mut("rounds").and_then(Json::as_array_mut) else {
            continue;
        };
        for round in rounds {
            let note = round
                .get("notes")
                .and_then(Json::as_str)
                .map(str::trim)
                .unwrap_or("")
                .to_string();
            if note.is_empty() {
                continue;
            }
            let Some(people) = round.get_mut("interviewers").and_then(Json::as_array_mut) else {
                continue;
            };
            if let [person] = people.as_mut_slice() {
                if person.as_object().is_none() {
                    return Err("an interviewer is not an object".into());
                }
                let has_own = person
                    .get("to_tell")
                    .and_then(Json::as_str)
                    .is_some_and(|text| !text.trim().is_empty());
                if !has_own {
                    person.insert("to_tell", Json::from(note));
                }
            }
        }
    }
    Ok(())
}

/// Version 5 adds named zones: settings may hold `{"type": "named", "name": "Europe/Paris"}`
/// and a round may carry a `zone` name. Both are new shapes, so older data needs no rewrite:
/// a fixed offset stays a fixed offset (the user chose it, and their stored rounds keep their
/// own offsets). The step checks the zone setting it keeps is one a fixed or device zone can
/// be; the version changes so that an older build, which cannot read a named zone, treats a
/// version 5 document as newer than itself instead of misreading it.
fn v4_to_v5(envelope: &mut Json) -> Result<(), String> {
    let zone = envelope
        .get("data")
        .and_then(|data| data.get("settings"))
        .and_then(|settings| settings.get("time_zone"));
    let Some(zone) = zone else {
        return Ok(());
    };
    match zone.get("type").and_then(Json::as_str) {
        Some("device") => Ok(()),
        Some("fixed") if zone.get("offset_minutes").and_then(Json::as_i64).is_some() => Ok(()),
        Some("fixed") => Err("the fixed time zone has no whole number of minutes".into()),
        _ => Err("the time zone setting is neither the device zone nor a fixed offset".into()),
    }
}
