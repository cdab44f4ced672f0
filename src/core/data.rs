//! What is kept: the model, settings, storage format and migrations, imports and exports.

pub mod backup;
pub mod csv_io;
pub mod ics;
pub mod ids;
pub mod invite;
pub mod json;
pub mod model;
pub mod sample;
pub mod settings;
pub mod storage;
