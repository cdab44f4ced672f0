//! Three-way merge of an edit form's result with what was saved meanwhile (another tab), so a
//! save writes only the fields the user changed and never drops the other edit silently.
//!
//! The merge works field by field on the serialised record: a field the user left as it was
//! takes the stored value; a field only the user changed takes the user's value; a field both
//! changed differently is a [`Conflict`] carrying both values. Lists of records with an `id`
//! (rounds, interviewers, contacts) merge element by element, so two tabs editing different
//! people of one round both keep their edits. Working on the serialised form keeps this correct
//! for every field the model gains later without a hand-written case per field.

use crate::core::data::json::{Json, Key, Stored};

/// An object's fields, as the stored form lists them.
type Map = Vec<(Key, Json)>;

/// Which value a field both sides changed takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Prefer {
    /// The form's value (the default, also used to list the conflicts).
    #[default]
    Mine,
    /// The value saved meanwhile.
    Theirs,
}

/// One field both sides changed to different values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where the field is, in words ("Notes", "Role", "Marcus Webb: email").
    pub field: String,
    /// The value saved meanwhile (shown to the user), or "(removed)".
    pub theirs: String,
    /// The value in the form being saved, or "(removed)".
    pub mine: String,
}

/// The result of merging one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged<T> {
    pub value: T,
    /// Fields both sides changed; `value` holds the preferred side's version of each.
    pub conflicts: Vec<Conflict>,
}

/// Merges `mine` (the form's result) and `theirs` (what is stored now), both derived from
/// `base` (the record as it was when the form opened). Conflicting fields take the `prefer`
/// side; the caller decides whether to save or to show the conflicts first.
pub fn merge_record<T: Stored + Clone>(
    base: &T,
    mine: &T,
    theirs: &T,
    prefer: Prefer,
) -> Merged<T> {
    // Fields in alphabetical order, so conflicts are listed in the same order however the
    // record lists its fields.
    let as_value = |record: &T| {
        let mut value = record.to_json();
        value.sort_keys();
        value
    };
    let (base_v, mine_v, theirs_v) = (as_value(base), as_value(mine), as_value(theirs));
    let mut conflicts = Vec::new();
    let mut merge = Merge {
        prefer,
        path: Vec::new(),
        conflicts: &mut conflicts,
    };
    let merged = merge.value(Some(&base_v), Some(&mine_v), Some(&theirs_v));
    let value = merged
        .and_then(|v| T::from_json(&v).ok())
        .unwrap_or_else(|| mine.clone());
    Merged { value, conflicts }
}

/// Fields the merge never reports as conflicts: bookkeeping the save itself rewrites.
const BOOKKEEPING: [&str; 2] = ["revision", "updated_at"];

struct Merge<'a> {
    prefer: Prefer,
    /// Where the merge is, as keys and record names, to describe a conflict.
    path: Vec<String>,
    conflicts: &'a mut Vec<Conflict>,
}

impl Merge<'_> {
    fn value(
        &mut self,
        base: Option<&Json>,
        mine: Option<&Json>,
        theirs: Option<&Json>,
    ) -> Option<Json> {
        if mine == base {
            return theirs.cloned();
        }
        if theirs == base || mine == theirs {
            return mine.cloned();
        }
        let empty = Map::new();
        match (base, mine, theirs) {
            (_, Some(Json::Object(m)), Some(Json::Object(t))) => {
                // An object added on both sides from nothing merges against an empty record.
                let b = base.and_then(Json::as_object).unwrap_or(&empty);
                Some(Json::Object(self.objects(b, m, t)))
            }
            (_, Some(Json::Array(m)), Some(Json::Array(t)))
                if keyed(m)
                    && keyed(t)
                    && base.is_none_or(|b| b.as_array().is_some_and(|b| keyed(b))) =>
            {
                let none = Vec::new();
                let b = base.and_then(Json::as_array).unwrap_or(&none);
                Some(Json::Array(self.keyed_lists(b, m, t)))
            }
            _ => {
                let bookkeeping = self
                    .path
                    .last()
                    .is_some_and(|last| BOOKKEEPING.contains(&last.as_str()));
                if !bookkeeping {
                    self.conflicts.push(Conflict {
                        field: describe_path(&self.path),
                        theirs: show(theirs),
                        mine: show(mine),
                    });
                }
                match self.prefer {
                    Prefer::Mine => mine.cloned(),
                    Prefer::Theirs => theirs.cloned(),
                }
            }
        }
    }

    fn objects(&mut self, base: &Map, mine: &Map, theirs: &Map) -> Map {
        let mut keys: Vec<&Key> = Vec::new();
        for (key, _) in mine.iter().chain(theirs).chain(base) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let label = record_label(mine).or_else(|| record_label(theirs));
        if let Some(label) = &label {
            self.path.push(label.clone());
        }
        let mut out = Map::new();
        for key in keys {
            self.path.push(key.to_string());
            let value = self.value(field(base, key), field(mine, key), field(theirs, key));
            if let Some(value) = value {
                out.push((key.clone(), value));
            }
            self.path.pop();
        }
        if label.is_some() {
            self.path.pop();
        }
        out
    }

    fn keyed_lists(&mut self, base: &[Json], mine: &[Json], theirs: &[Json]) -> Vec<Json> {
        let find = |list: &[Json], id: u64| list.iter().find(|v| id_of(v) == id).cloned();
        // The user's order first, then what only the other side added.
        let mut ids: Vec<u64> = mine.iter().map(id_of).collect();
        for id in theirs.iter().chain(base.iter()).map(id_of) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.into_iter()
            .filter_map(|id| {
                let (b, m, t) = (find(base, id), find(mine, id), find(theirs, id));
                self.value(b.as_ref(), m.as_ref(), t.as_ref())
            })
            .collect()
    }
}

/// The value under `key` (the last one, if written twice).
fn field<'a>(object: &'a Map, key: &str) -> Option<&'a Json> {
    object
        .iter()
        .rev()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value)
}

/// A list whose elements are all records with an `id`: merged element by element.
fn keyed(list: &[Json]) -> bool {
    list.iter()
        .all(|v| v.get("id").and_then(Json::as_u64).is_some())
}

fn id_of(value: &Json) -> u64 {
    value.get("id").and_then(Json::as_u64).unwrap_or(0)
}

/// The name a person or round is known by, to say where a conflicting field is.
fn record_label(record: &Map) -> Option<String> {
    let text = |key: &str| {
        field(record, key)
            .and_then(Json::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    text("name").or_else(|| {
        field(record, "start")
            .and_then(Json::as_str)
            .and_then(|start| start.get(..10))
            .map(|day| format!("round of {day}"))
    })
}

fn describe_path(path: &[String]) -> String {
    let words: Vec<String> = path
        .iter()
        .filter(|part| !matches!(part.as_str(), "rounds" | "interviewers" | "contacts"))
        .map(|part| field_words(part))
        .collect();
    if words.is_empty() {
        return "The interview".to_string();
    }
    let (last, context) = words.split_last().expect("not empty");
    let mut field = last.clone();
    if let Some(first) = field.get(..1) {
        field = first.to_uppercase() + &field[1..];
    }
    if context.is_empty() {
        field
    } else {
        format!("{}: {}", context.join(", "), field.to_lowercase())
    }
}

fn field_words(key: &str) -> String {
    match key {
        "job_url" => "job posting link".into(),
        "discussed" => "what you talked about".into(),
        "invited_call" => "invited a call".into(),
        "spoke_by_phone" => "spoke by phone".into(),
        "linkedin" => "LinkedIn".into(),
        "pace" => "industry".into(),
        "start" => "start".into(),
        "end" => "end".into(),
        other => other.replace('_', " "),
    }
}

fn show(value: Option<&Json>) -> String {
    match value {
        None | Some(Json::Null) => "(removed)".into(),
        Some(Json::String(s)) if s.is_empty() => "(empty)".into(),
        Some(Json::String(s)) => s.clone(),
        Some(Json::Object(o)) => record_label(o).unwrap_or_else(|| "(a record)".into()),
        Some(other) => other.to_string(),
    }
}
