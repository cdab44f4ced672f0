//! The stored document: a versioned envelope around the user's data, and its migrations.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::model::Process;
use super::settings::Settings;

/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Marks a JSON document as an Afterview backup.
pub const FORMAT: &str = "afterview";

/// Everything the user has recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct AppData {
    pub settings: Settings,
    pub processes: Vec<Process>,
}

/// What is written to storage and to backup files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    #[serde(default = "format_name")]
    pub format: String,
    pub schema_version: u32,
    pub saved_at: DateTime<FixedOffset>,
    pub data: AppData,
}

fn format_name() -> String {
    FORMAT.to_string()
}

/// Why a stored or imported document could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not the envelope's shape; the text says where.
    Malformed(String),
    /// Written by a newer build: readable only by that build.
    TooNew { found: u32, supported: u32 },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Malformed(detail) => write!(f, "This is not a readable Afterview document ({detail})."),
            DecodeError::TooNew { found, supported } => write!(
                f,
                "This document uses data version {found}, newer than this version of Afterview understands ({supported})."
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Reads an envelope written by this or an older build.
pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
    let raw: serde_json::Value =
        serde_json::from_str(text).map_err(|error| DecodeError::Malformed(error.to_string()))?;
    let version = raw
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| DecodeError::Malformed("no schema_version".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(DecodeError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    serde_json::from_value(raw).map_err(|error| DecodeError::Malformed(error.to_string()))
}

/// Writes the current data as an envelope.
pub fn encode(data: &AppData, saved_at: DateTime<FixedOffset>) -> String {
    #[derive(Serialize)]
    struct EnvelopeRef<'a> {
        format: &'a str,
        schema_version: u32,
        saved_at: DateTime<FixedOffset>,
        data: &'a AppData,
    }
    serde_json::to_string(&EnvelopeRef {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        saved_at,
        data,
    })
    .expect("app data always serialises")
}
