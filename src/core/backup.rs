//! Backup import and export: validation, preview of changes, merge or replace.
